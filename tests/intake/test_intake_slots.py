"""Intake slots from the way customers write: product, who is affected (and how many), since when."""

from __future__ import annotations

import pytest

from bot.services.intake_facts import facts_from, intake_priority
from bot.services.intake_slots import products_named, read_slots, since_clause

# text, intent, (product, affected, people, since)
CASES = [
    ("Excel crasht bij het opstarten, alleen bij mij, sinds gisteren", "office_app_problem",
     ("excel", "one", None, "sinds gisteren")),
    ("goedemorgen, alle 40 medewerkers kunnen sinds 8 uur niet in teams", "teams_problem",
     ("teams", "everyone", 40, "sinds 8 uur")),
    ("none of our 20 staff can open sharepoint since this morning", "files_problem",
     ("sharepoint", "everyone", 20, "since this morning")),
    ("drie collega's krijgen geen mail meer binnen, al twee dagen", "email_problem",
     ("outlook", "several", 3, "al twee dagen")),
    ("my colleague and I can't sync OneDrive since Monday", "files_problem",
     ("onedrive", "several", None, "since monday")),
    ("OD sync faalt bij mij, de rest heeft er geen last van", "files_problem",
     ("onedrive", "one", None, None)),
    ("het hele kantoor zit zonder mail sinds vanochtend", "email_problem",
     ("outlook", "everyone", None, "sinds vanochtend")),
    ("PowerPoint wil niet starten op de vergaderpc, 2 dagen geleden ging het nog goed", "office_app_problem",
     ("powerpoint", None, None, "2 dagen geleden")),
    ("word says unlicensed product, only for me, started yesterday", "license_problem",
     ("word", "one", None, "yesterday")),
    ("a few colleagues get access denied on the SP site for an hour now", "files_problem",
     ("sharepoint", "several", None, "for an hour now")),
    ("vijf mensen van de administratie kunnen niet inloggen", "signin_problem",
     (None, "several", 5, None)),
    ("ik kom niet in mijn account", "signin_problem", (None, None, None, None)),
    ("alle 8 medewerkers van de winkel zien 'niet-gelicentieerd product' in Word", "license_problem",
     ("word", "everyone", 8, None)),
    ("mijn mailbox is full sinds de update", "email_problem", ("outlook", None, None, "sinds de update")),
    ("teams blijft hangen, al 3 dagen, bij een paar collega's", "teams_problem",
     ("teams", "several", None, "al 3 dagen")),
]


@pytest.mark.parametrize(("text", "intent", "expected"), CASES)
def test_slots_from_realistic_sentences(text: str, intent: str, expected: tuple) -> None:
    slots = read_slots(text, intent)
    assert (slots.product, slots.affected, slots.people, slots.since) == expected


@pytest.mark.parametrize(("answer", "since"), [
    ("sinds de update van vorige week", "sinds de update van vorige week"),
    ("Sinds gisteren, en alleen bij mij", "sinds gisteren"),
    ("vanaf 8.30 uur. Daarvoor ging het goed", "vanaf 8.30 uur"),
    ("geen idee", None),
])
def test_an_answer_to_since_when_is_its_whole_clause(answer: str, since: str | None) -> None:
    assert since_clause(answer) == since


def test_a_number_of_days_is_not_a_number_of_people() -> None:
    assert read_slots("outlook doet het al 3 dagen niet", "email_problem").people is None


def test_facts_keep_the_dialog_values() -> None:
    facts = facts_from("Teams crasht bij elke vergadering", "teams_problem")
    assert (facts.product, facts.affected, facts.since) == ("teams", None, None)


@pytest.mark.parametrize(
    ("intent", "affected", "emergency", "stake", "urgent", "priority"),
    [
        ("office_app_problem", "one", False, "none", False, "P3"),
        ("office_app_problem", "one", False, "blocked", True, "P2"),  # urgent, one person: P2, no page
        ("office_app_problem", "one", False, "degraded", True, "P3"),
        ("email_problem", "several", False, "none", False, "P2"),
        ("signin_problem", "one", False, "none", False, "P2"),  # the intent's floor
        ("teams_problem", "everyone", False, "blocked", False, "P2"),  # only the classifier pages
        ("teams_problem", "one", True, "none", False, "P1"),
    ],
)
def test_intake_priority_follows_the_matrix(
    intent: str, affected: str, emergency: bool, stake: str, urgent: bool, priority: str
) -> None:
    assert intake_priority(intent, affected, emergency, stake=stake, urgent=urgent) == priority


PRODUCTS_NAMED = [
    ("Ik kan niet inloggen", ()),
    ("Teams crasht", ("teams",)),
    ("Outlook en Teams crashen allebei", ("teams", "outlook")),
    ("mijn mail doet raar", ()),  # a product the category implies is not named
]


@pytest.mark.parametrize(("text", "named"), PRODUCTS_NAMED)
def test_products_named(text: str, named: tuple[str, ...]) -> None:
    assert products_named(text) == named
