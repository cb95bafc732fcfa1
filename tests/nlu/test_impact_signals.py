"""The stated impact: scope and consequence in the customer's words, and one person's trouble."""

from __future__ import annotations

import pytest

from nlu_models.impact import read_signals, services_named
from nlu_models.normalize import normalize


def signals(text: str):  # noqa: ANN201
    return read_signals(normalize(text))


@pytest.mark.parametrize(
    ("text", "affected", "stake"),
    [
        ("Teams laadt voor niemand hier op de zaak", "organisation", None),
        ("wij liggen al twee uur plat", "organisation", "blocked"),
        ("inkomende mail wordt bij ons geweigerd", "customers", "blocked"),
        ("er komt geen mail meer binnen op @bakkerij-jansen.nl", "organisation", "blocked"),
        ("the night shift can't log in", "team", "blocked"),
        ("all our laptops show Outlook as 'Disconnected'", "organisation", "blocked"),
        ("onze klantenservice hoort de bellers niet meer", "team", "blocked"),
    ],
)
def test_scope_and_consequence_are_read(text: str, affected: str, stake: str | None) -> None:
    found = signals(text)
    assert found.affected == affected
    if stake:
        assert found.stake == stake


@pytest.mark.parametrize(
    "text",
    [
        "iemand heeft onze mx records aangepast, wij niet",
        "someone changed our DNS records last night",
        "ik krijg onverwachte mfa meldingen",
        "mijn account stuurt mails naar al mijn contacten",
        "a former employee still signs in to his account",
    ],
)
def test_security_is_read_without_alarm_words(text: str) -> None:
    assert signals(text).stake == "security"


@pytest.mark.parametrize(
    "text",
    [
        "outlook doet het niet, mijn collega's hebben er nergens last van",
        "I'm the only admin and I can't log in, the others can work fine",
        "teams start niet bij mij, de anderen kunnen gewoon werken",
    ],
)
def test_the_others_being_fine_makes_it_one_persons_trouble(text: str) -> None:
    found = signals(text)
    assert found.affected == "one" and found.only_one and not found.critical


@pytest.mark.parametrize("text", ["ik heb niemand gesproken", "nobody called us back", "bij een paar klanten"])
def test_support_complaints_and_a_few_customers_are_not_the_organisation(text: str) -> None:
    assert signals(text).affected not in ("organisation", "customers")


def test_services_named() -> None:
    assert services_named(normalize("Outlook en Teams liggen eruit")) == 2
    assert services_named(normalize("niks van Microsoft doet het meer")) == 3
    assert services_named(normalize("mijn mailbox is vol")) == 1
    assert services_named(normalize("goedemorgen")) == 0
