"""The chaos figures count what the harness sent against what the connector accepted: each way to fail shows."""

from __future__ import annotations

from typing import Any

from bench.chaos_figures import tally
from bot.texts import text
from bench.chaos_traffic import Delivery
from fakes.connector import Sent
from fakes.faulty_connector import FaultyConnector
from fakes.people import ANNA

ACME, BETA = "Chaosbedrijf 001 B.V.", "Chaosbedrijf 002 B.V."


def _delivery(activity_id: str, who: str, *, emergency: bool = False, at: float = 0.0,
              accepted: bool = True) -> Delivery:
    return Delivery(activity_id, f"a:1:1-{who}", who, "tekst", emergency, first_try=at,
                    accepted_at=at + 0.1 if accepted else None)


def _accept(connector: FaultyConnector, conversation: str, at: float, text: str, **body: Any) -> Sent:
    sent = Sent("POST", f"/v3/conversations/{conversation}/activities", conversation,
                {"type": "message", "text": text, **body})
    connector.sent.append(sent)
    connector.accepted_at.append(at)
    return sent


def _page(connector: FaultyConnector, who: str, at: float) -> tuple[Sent, float]:
    return _accept(connector, ANNA.conversation_id, at, f"**Noodmelding** van {who}"), at


def _count(deliveries, pages, connector, transcript, deadline=100.0):
    return tally(deliveries, pages, connector, transcript, deadline=deadline, allowed_after_faults_s=120.0)


def test_an_emergency_paged_once_in_time_and_answered_meets_every_target():
    connector = FaultyConnector()
    report = _delivery("act-1", ACME, emergency=True, at=10.0)
    _accept(connector, report.conversation_id, 11.0, "Ik heb noodmelding aangemaakt", replyToId="act-1")
    figures = _count([report], [_page(connector, ACME, 12.5)], connector, {"act-1"})
    assert (figures.emergencies_reported, figures.paged_once) == (1, 1)
    assert figures.longest_delay_s == 2.5
    assert figures.misses() == []


def test_an_emergency_without_a_page_is_lost_and_one_paged_twice_is_doubled():
    connector = FaultyConnector()
    reports = [_delivery("act-1", ACME, emergency=True), _delivery("act-2", BETA, emergency=True)]
    for report in reports:
        _accept(connector, report.conversation_id, 1.0, "ok", replyToId=report.activity_id)
    pages = [_page(connector, BETA, 2.0), _page(connector, BETA, 3.0)]
    figures = _count(reports, pages, connector, {"act-1", "act-2"})
    assert (figures.lost_emergencies, figures.doubled_emergencies, figures.paged_once) == ([ACME], [BETA], 0)
    assert len(figures.misses()) == 2


def test_a_page_after_the_deadline_is_late():
    connector = FaultyConnector()
    report = _delivery("act-1", ACME, emergency=True)
    _accept(connector, report.conversation_id, 1.0, "ok", replyToId="act-1")
    figures = _count([report], [_page(connector, ACME, 150.0)], connector, {"act-1"}, deadline=100.0)
    assert figures.late_emergencies == [ACME]
    assert figures.misses() == [f"emergencies paged late: 1 ({ACME})"]


def test_a_message_not_stored_or_not_answered_is_lost_and_an_answer_sent_twice_is_doubled():
    connector = FaultyConnector()
    unanswered, unstored, doubled = (_delivery(f"act-{n}", ACME) for n in (1, 2, 3))
    never = _delivery("act-4", ACME, accepted=False)
    _accept(connector, unstored.conversation_id, 1.0, "antwoord", replyToId="act-2")
    _accept(connector, doubled.conversation_id, 1.0, "twee keer", replyToId="act-3")
    _accept(connector, doubled.conversation_id, 2.0, "twee keer", replyToId="act-3")
    figures = _count([unanswered, unstored, doubled, never], [], connector, {"act-1", "act-3"})
    assert len(figures.unanswered) == 2 and len(figures.not_in_transcript) == 2 and len(figures.not_accepted) == 1
    assert len(figures.lost_messages) == 3  # act-1, act-2 and act-4: each counted once
    assert len(figures.doubled_replies) == 1


def test_staff_presses_do_not_count_as_customer_messages_and_a_page_for_no_emergency_shows():
    connector = FaultyConnector()
    press = Delivery("ack-1", ANNA.conversation_id, ANNA.name, "", False, first_try=0.0, accepted_at=0.1, staff=True)
    hello = _delivery("act-1", ACME)
    _accept(connector, hello.conversation_id, 1.0, "Welkom", replyToId="act-1")
    figures = _count([press, hello], [_page(connector, ACME, 2.0)], connector, {"act-1"})
    assert figures.messages_sent == 1 and figures.unexpected_pages == [ACME]


def test_a_message_answered_only_with_the_turn_error_apology_counts_as_unanswered():
    connector = FaultyConnector()
    hello = _delivery("act-1", ACME)
    _accept(connector, hello.conversation_id, 1.0, text("nl", "turn_error", contact="support@example.com"),
            replyToId="act-1")
    figures = _count([hello], [], connector, {"act-1"})
    assert len(figures.unanswered) == 1
