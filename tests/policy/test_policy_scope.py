"""SLA scope per intent, and the contract clauses quoted word for word from sla.md."""

import re
from pathlib import Path

import pytest

from bot.policy import (
    CONVERSATION_INTENTS,
    COVERED_INTENTS,
    EXCLUDED_INTENTS,
    EXCLUSION_CLAUSES,
    PAID_SUPPORT,
    Intent,
    Scope,
    SlaClause,
    UnknownIntentError,
    exclusion_clause,
    scope_of,
)
from bot.policy.sla_clauses import ALL_CLAUSES, EXCLUSIONS_INTRO

SLA = Path("/work/shared/spec/sla.md")
INTENTS_MD = Path("/work/shared/spec/intents.md")


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize(
    ("intent", "scope"),
    [
        ("email_problem", Scope.COVERED),
        ("teams_problem", Scope.COVERED),
        ("files_problem", Scope.COVERED),
        ("office_app_problem", Scope.COVERED),
        ("license_problem", Scope.COVERED),
        ("signin_problem", Scope.COVERED),
        ("domain_problem", Scope.COVERED),
        ("security_incident", Scope.COVERED),
        ("service_outage", Scope.COVERED),
        ("howto", Scope.EXCLUDED),
        ("user_management", Scope.EXCLUDED),
        ("security_settings_change", Scope.EXCLUDED),
        ("onboarding", Scope.EXCLUDED),
        ("escalation_request", Scope.CONVERSATION),
        ("ticket_status", Scope.CONVERSATION),
        ("greeting", Scope.CONVERSATION),
        ("thanks_goodbye", Scope.CONVERSATION),
        ("out_of_scope", Scope.CONVERSATION),
    ],
)
def test_scope_of_every_intent(intent: str, scope: Scope) -> None:
    assert scope_of(intent) is scope


def test_the_taxonomy_matches_intents_md() -> None:
    labels = set(re.findall(r"^\| `([a-z_]+)` \|", INTENTS_MD.read_text(), flags=re.MULTILINE))
    assert labels == {str(intent) for intent in Intent}
    assert set(Intent) == COVERED_INTENTS | EXCLUDED_INTENTS | CONVERSATION_INTENTS
    assert len(COVERED_INTENTS) + len(EXCLUDED_INTENTS) + len(CONVERSATION_INTENTS) == 18


@pytest.mark.parametrize("label", ["", "Email_Problem", "printer_problem", "howto "])
def test_unknown_intent_is_a_contract_violation(label: str) -> None:
    with pytest.raises(UnknownIntentError):
        scope_of(label)


@pytest.mark.parametrize("clause", ALL_CLAUSES, ids=lambda c: c.text_nl[:30])
def test_every_dutch_clause_is_verbatim_in_the_sla(clause: SlaClause) -> None:
    assert normalised(clause.text_nl) in normalised(SLA.read_text())


@pytest.mark.parametrize(
    ("intent", "starts", "section"),
    [
        ("howto", "Ondersteuning bij het gebruik", "artikel 3, Uitsluitingen"),
        (
            "user_management",
            "Aanpassingen aan de standaardinstellingen",
            "artikel 3, Uitsluitingen",
        ),
        (
            "security_settings_change",
            "Aanpassingen aan de (beveiligings)",
            "artikel 3, Uitsluitingen",
        ),
        (
            "onboarding",
            "Ondersteuning bij implementatie",
            "artikel 2.1, Omschrijving van de diensten",
        ),
    ],
)
def test_each_excluded_intent_has_its_own_clause(intent: str, starts: str, section: str) -> None:
    clause = exclusion_clause(intent)
    assert clause.text_nl.startswith(starts)
    assert clause.section_nl == section
    assert clause.translation_en and clause.translation_en != clause.text_nl
    assert "Translation" in clause.translation_note_en


def test_onboarding_clause_says_it_is_billed_separately() -> None:
    assert exclusion_clause("onboarding").text_nl.endswith(
        "Deze (eenmalige) onboardingswerkzaamheden worden apart in rekening gebracht."
    )
    assert exclusion_clause("onboarding").section_en == "section 2.1, Description of the services"


def test_clauses_are_one_line_and_cover_exactly_the_excluded_intents() -> None:
    assert set(EXCLUSION_CLAUSES) == EXCLUDED_INTENTS
    for clause in ALL_CLAUSES:
        assert "\n" not in clause.text_nl and "  " not in clause.text_nl


def test_paid_support_clause_is_section_3s_closing_sentence() -> None:
    section_3 = normalised(SLA.read_text().split("3. Uitsluitingen")[1].split("4. ")[0])
    assert section_3.endswith(PAID_SUPPORT.text_nl)
    assert section_3.startswith(EXCLUSIONS_INTRO.text_nl)
    assert (
        "supportpakket" in PAID_SUPPORT.text_nl and "support package" in PAID_SUPPORT.translation_en
    )


@pytest.mark.parametrize("intent", ["email_problem", "greeting", "escalation_request"])
def test_no_clause_for_intents_that_are_not_excluded(intent: str) -> None:
    with pytest.raises(ValueError):
        exclusion_clause(intent)
