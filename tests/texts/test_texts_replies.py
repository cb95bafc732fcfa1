"""What the customer and staff read: clauses quoted verbatim, documented choice values, own tickets only."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config.operator import OperatorConfig, load_operator_config
from bot.policy.decisions import OfferQuote, RefuseExcluded
from bot.policy.scope import Intent
from bot.policy.sla_clauses import ALL_CLAUSES, EXCLUSION_CLAUSES, PAID_SUPPORT
from bot.services import replies as r
from bot.services.replies import desk as r_desk
from bot.services.replies import hours
from bot.services.messages import Reply

CONFIG_FILE = Path(__file__).parents[1] / "data" / "operator.yaml"
AMS = "Europe/Amsterdam"
OPENING = datetime(2026, 12, 28, 9, 0, tzinfo=ZoneInfo(AMS))
LANGS = ("nl", "en")
TICKET = r.TicketView("T-0042", "Outlook start niet", "email_problem", "open", 1, "P2", None)


@pytest.fixture(scope="module")
def config() -> OperatorConfig:
    return load_operator_config(CONFIG_FILE)


def values(reply: Reply) -> tuple[str, ...]:
    return tuple(choice.value for choice in reply.choices)


def choice_sets(config: OperatorConfig) -> list[Reply]:
    """Every customer reply with choices, in both languages."""
    sets = []
    for lang in LANGS:
        quote = OfferQuote("howto", EXCLUSION_CLAUSES["howto"])
        sets += [
            r.out_of_hours(lang, OPENING, config, "Het is weekend"), r.confirm_emergency(lang),
            r.excluded(lang, quote, config),
            r.ask_affected(lang), r.ask_since(lang), r.rating_request(lang, "T-1"),
        ]  # fmt: skip
        sets += [r.ask_product(lang, intent) for intent in ("email_problem", "files_problem", "license_problem")]
    return sets


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("intent", sorted(EXCLUSION_CLAUSES))
@pytest.mark.parametrize("offer", [False, True], ids=["refuse", "quote"])
def test_excluded_is_short_and_quotes_the_dutch_clause_word_for_word(
    config: OperatorConfig, lang: str, intent: str, offer: bool
) -> None:
    clause = EXCLUSION_CLAUSES[intent]
    decision = OfferQuote(intent, clause) if offer else RefuseExcluded(intent, clause)
    reply = r.excluded(lang, decision, config)
    assert len(reply.text.split()) <= 80
    assert clause.text_nl in reply.text
    assert (clause.section_nl if lang == "nl" else clause.section_en) in reply.text
    if lang == "en":
        translation = f"(Translation: {clause.translation_en.rstrip(',')})"
        assert translation in reply.text.splitlines(), "the translation is one line of its own"
        assert reply.text.index(clause.text_nl) < reply.text.index(clause.translation_en.rstrip(","))
    else:
        assert clause.translation_en not in reply.text
    assert PAID_SUPPORT.text_nl not in reply.text, "the paid-work clause is in the whole text, on request"
    assert values(reply) == (("accept", "decline", "full_sla") if offer else ("full_sla",))
    assert ("offerte" if lang == "nl" else "quote") in reply.text.lower() if offer else True


@pytest.mark.parametrize("lang", LANGS)
def test_the_whole_sla_text_quotes_every_clause(lang: str) -> None:
    reply = r.full_sla(lang)
    for clause in ALL_CLAUSES:
        assert clause.text_nl in reply.text
        assert (clause.translation_en.rstrip(",") in reply.text) == (lang == "en")


def test_a_refused_user_management_request_points_to_the_admin_centre(config: OperatorConfig) -> None:
    decision = RefuseExcluded("user_management", EXCLUSION_CLAUSES["user_management"])
    assert "beheercentrum" in r.excluded("nl", decision, config).text
    assert "admin center" in r.excluded("en", decision, config).text


@pytest.mark.parametrize("lang", LANGS)
def test_out_of_hours_says_why_names_the_opening_and_offers_remind_no_emergency(config: OperatorConfig, lang: str) -> None:
    reply = r.out_of_hours(lang, OPENING, config, "Het is Tweede Kerstdag")
    moment = r.format_moment(lang, OPENING, AMS)
    assert reply.text.startswith("Het is Tweede Kerstdag, ")
    assert moment in reply.text
    assert values(reply) == ("remind", "no", "emergency")
    assert moment in reply.choices[0].label
    assert ("noodgeval" if lang == "nl" else "emergency") in reply.text
    assert config.msp.emergency_phone and config.msp.emergency_phone in reply.text


def test_without_an_emergency_phone_the_closed_reply_names_none(config: OperatorConfig) -> None:
    no_phone = config.model_copy(update={"msp": config.msp.model_copy(update={"emergency_phone": None})})
    reply = r.out_of_hours("nl", OPENING, no_phone, "Het is weekend")
    assert "noodnummer" not in reply.text and "typ *noodgeval*" in reply.text


def test_documented_choice_values(config: OperatorConfig) -> None:
    assert values(r.confirm_emergency("nl")) == ("yes", "no")
    assert values(r.ask_affected("en")) == ("one", "several", "everyone")
    assert values(r.ask_since("nl")) == ("just_now", "today", "longer")
    assert values(r.rating_request("en", "T-1")) == ("1", "2", "3", "4", "5")
    assert r.rating_request("nl", "T-1").choices[0].label == "1 – slecht"
    assert r.rating_request("nl", "T-1").choices[4].label == "5 – uitstekend"
    assert values(r.not_an_emergency("nl", OPENING, config)) == ()



@pytest.mark.parametrize(
    "intent", ["email_problem", "teams_problem", "files_problem", "office_app_problem", "signin_problem"]
)
def test_product_choices_are_lowercase_ids_ending_with_other(intent: str) -> None:
    products = values(r.ask_product("nl", intent))
    assert products[-1] == "other" and len(products) > 1
    assert all(p in r.PRODUCT_NAMES for p in products[:-1])
    assert all(p == p.lower() for p in products)


def test_no_question_offers_more_buttons_than_teams_shows(config: OperatorConfig) -> None:
    everything = [*choice_sets(config), r.clarify("nl", ("howto", "files_problem", "teams_problem"))]
    everything += [r.ask_product("nl", intent) for intent in Intent]
    assert max(len(reply.choices) for reply in everything) <= 6


def test_choice_labels_are_localised() -> None:
    assert r.confirm_emergency("nl").choices != r.confirm_emergency("en").choices
    assert r.ask_affected("nl").choices[0].label == "Alleen ik"
    assert r.ask_affected("en").choices[0].label == "Only me"


def test_every_offered_choice_has_synonyms_and_none_is_shared_within_one_question(config: OperatorConfig) -> None:
    for reply in choice_sets(config):
        for lang in LANGS:
            synonyms = r.choice_synonyms(lang)
            seen: dict[str, str] = {}
            for value in values(reply):
                assert synonyms.get(value), value
                for word in synonyms[value]:
                    assert seen.setdefault(word, value) == value, f"{word!r}: {seen[word]} and {value}"


@pytest.mark.parametrize("lang", LANGS)
def test_clarify_lists_the_candidates_in_order_then_other(lang: str) -> None:
    candidates = ("files_problem", "howto", "teams_problem")
    reply = r.clarify(lang, candidates)
    assert values(reply) == (*candidates, "other")
    assert [c.label for c in reply.choices[:3]] == [r.intent_label(lang, i) for i in candidates]


def test_status_lists_exactly_the_given_tickets() -> None:
    other = r.TicketView("T-0043", "Teams valt weg", "teams_problem", "taken_over", 2, "P3", "Anna Bakker")
    reply = r.status("nl", [TICKET, other])
    assert [number for number, _ in reply.facts] == ["T-0042", "T-0043"]
    assert "Anna Bakker" in reply.facts[1][1] and "nog niet toegewezen" in reply.facts[0][1]
    assert "stap 2" in reply.facts[1][1]
    assert [n for n, _ in r.status("en", [other]).facts] == ["T-0043"]


def test_no_tickets_is_said_in_words() -> None:
    assert r.status("en", []) == Reply("You have no open reports.")
    assert r.status("nl", ()).text == "U heeft geen openstaande meldingen."


def test_ticket_created_gives_number_category_and_priority() -> None:
    reply = r.ticket_created("nl", "T-0042", "signin_problem", "P2")
    assert "T-0042" in reply.text and "Probleem met inloggen" in reply.text and "hoog (P2)" in reply.text


def test_acknowledged_names_the_engineer() -> None:
    assert r.acknowledged("nl", "Anna", "T-1").text == "Anna heeft uw melding T-1 bevestigd en gaat ermee aan de slag."
    assert r.acknowledged("en", "Anna", "T-1").text.startswith("Anna has acknowledged your report T-1")


def test_escalation_steps_and_mediation() -> None:
    assert "senior" in r.escalated("en", "T-1", 2).text
    assert "mediation" in r.escalated("nl", "T-1", 3).text
    assert "mediation" in r.already_in_mediation("en", "T-1").text


def test_staff_notices_carry_the_ticket_and_the_right_buttons() -> None:
    page = r.page_notice("nl", TICKET, "Bakkerij de Vries B.V.", "Piet", "Niemand kan mailen")
    assert values(page) == ("ack:T-0042", "take_over:T-0042")
    assert [c.label for c in page.choices] == ["Bevestigen T-0042", "Overnemen T-0042"]
    assert ("Omschrijving", "Niemand kan mailen") in page.facts
    notice = r.new_ticket_notice("en", TICKET, "Bakkerij", "Piet", "x" * 5000)
    assert values(notice) == ("take_over:T-0042",) and notice.choices[0].label == "Take over T-0042"
    assert max(len(value) for _, value in notice.facts) <= 1000
    assert values(r.escalation_notice("nl", TICKET, "Bakkerij", "klant ontevreden", 2)) == ("take_over:T-0042",)
    assert values(r.escalation_notice("nl", TICKET, "Bakkerij", "klant ontevreden", 3)) == ()
    quote = r.quote_request_notice("en", "Bakkerij", "Piet", "howto", "Excel training")
    assert ("Request", "Excel training") in quote.facts


def test_out_of_scope_and_quote_recorded_give_the_contact_address(config: OperatorConfig) -> None:
    for lang in LANGS:
        assert config.msp.contact_email in r.out_of_scope(lang, config).text
        assert config.msp.contact_email in r.quote_recorded(lang, config).text


def test_resolved_with_and_without_a_note() -> None:
    assert "Wachtwoord gereset" in r.resolved("nl", "T-1", " Wachtwoord gereset ").text
    assert r.resolved("en", "T-1", "  ").text == "Your report T-1 has been resolved."


def test_replies_load_no_bot_web_or_database_framework() -> None:
    probe = (
        "import sys, bot.services.replies; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'aiohttp', 'botbuilder', 'sqlalchemy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert result.stdout.strip() == "[]"


def test_details_offer_acknowledge_only_until_someone_acknowledged() -> None:
    from dataclasses import replace

    def details(view: r.TicketView) -> Reply:
        return r_desk.ticket_details("nl", view, "Bakkerij", "Piet", "Outlook", AMS, ((), (), ()))

    assert values(details(TICKET)) == ("ack:T-0042", "take_over:T-0042")
    acknowledged = replace(TICKET, status="acknowledged", acknowledged=True, holder_name="Anna Bakker")
    assert values(details(acknowledged)) == ("take_over:T-0042",)
    assert ("Behandelaar", "Anna Bakker") in details(acknowledged).facts
    assert values(details(replace(acknowledged, status="taken_over"))) == ()
    assert values(details(replace(TICKET, status="resolved"))) == ()


def test_the_queue_names_each_tickets_buttons_and_offers_acknowledge_only_where_nobody_did() -> None:
    from dataclasses import replace

    other = replace(TICKET, number="T-0043", acknowledged=True, holder_name="Anna Bakker")
    queue = r_desk.queue("nl", [r_desk.QueueEntry(TICKET, "Bakkerij", False), r_desk.QueueEntry(other, "Bakkerij", True)])
    assert [c.label for c in queue.choices] == ["Bevestigen T-0042"]
    assert "Anna Bakker" in dict(queue.facts)["T-0043"]


@pytest.mark.parametrize(("told", "expected"), [
    ("Outlook crasht", "Outlook crasht"),
    ("Outlook crasht\n\nalleen bij mij", "Outlook crasht alleen bij mij"),
    ("woord " * 40 + "einde", ("woord " * 33).strip() + "…"),
    ("x" * 300, "x" * 200 + "…"),
    ("y" * 200, "y" * 200),
])  # fmt: skip
def test_a_problem_told_while_closed_is_quoted_on_one_line_and_short(told: str, expected: str) -> None:
    assert hours.quoted(told) == expected
    for lang in LANGS:
        assert f'*"{expected}"*' in r.told_ticket_offer(lang, told, OPENING, OPENING, AMS).text


@pytest.mark.parametrize(("lang", "problems"), [
    ("nl", "probleem met inloggen, probleem met Word, Excel of een andere Office-app, storing in Office 365"),
    ("en", "problem signing in, problem with Word, Excel or another Office app, Office 365 outage"),
])  # fmt: skip
def test_several_problems_are_named_in_a_sentence_with_names_as_written(lang: str, problems: str) -> None:
    asked = r.separate_tickets(lang, ("signin_problem", "office_app_problem", "service_outage")).text
    assert f": {problems}." in asked
