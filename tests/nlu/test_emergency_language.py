"""The emergency flag on its boundaries, its agreement with the policy's matrix, and the reply language."""

from __future__ import annotations

import pytest

from bot.policy import triage
from nlu_models import IntentClassifier

EMERGENCIES = [
    "goedenavond, even ter info: niemand op kantoor kan sinds zes uur nog mailen",
    "fyi the whole office has been without teams and email since this afternoon",
    "alle bestanden op de server zijn versleuteld, er staat een losgeldbericht",
    "someone is deleting all our sharepoint files right now",
    "ik denk dat mijn account gehackt is, er gaan mails uit die ik niet stuurde",
    "office 365 is down for all 30 of our users",
    # scope and consequence, no alarm words
    "het hele callcenter kan niet bellen",
    "klanten krijgen onze mail terug",
    "er verdwijnen steeds meer bestanden van onze sharepoint terwijl we kijken",
    "licences expired for all users this morning",
    "ik krijg de hele avond mfa meldingen die ik niet zelf heb gestart",
]
NOT_EMERGENCIES = [
    "HELP!!! mijn outlook is super traag en ik moet NU een offerte versturen!!!",
    "URGENT my excel keeps crashing, deadline in an hour, PLEASE",
    "Outlook kan sinds vanochtend geen mail meer versturen",
    "mijn mails komen dubbel binnen",
    "het bestand is vergrendeld en ik kan het niet bewerken",
    "zet MFA uit voor iedereen",
    "hoe stuur ik een mail naar iedereen in het bedrijf",
    "kunnen jullie voor iedereen op de nieuwe afdeling een account aanmaken",
    "goedemorgen",
    "hoe herken ik een phishing mail?",
    "ik heb een vraag over de factuur van deze maand",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergencies_are_flagged(classifier: IntentClassifier, text: str) -> None:
    assert classifier.classify(text).emergency


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_single_user_panic_and_requests_are_not_emergencies(
    classifier: IntentClassifier, text: str
) -> None:
    assert not classifier.classify(text).emergency


@pytest.mark.parametrize("text", EMERGENCIES + NOT_EMERGENCIES)
def test_signals_agree_with_the_policy_matrix(classifier: IntentClassifier, text: str) -> None:
    """What the page card shows as the reason leads, under the policy's matrix, to the same flag."""
    result = classifier.classify(text)
    judged = triage(result.affected or "one", result.stake, "urgent" if result.urgent else "normal")
    assert judged.emergency is result.emergency


def test_the_reason_quotes_the_customer(classifier: IntentClassifier) -> None:
    result = classifier.classify("Goedemorgen, het hele callcenter kan niet bellen sinds 9 uur")
    assert (result.affected, result.stake) == ("team", "blocked")
    assert "het hele callcenter" in result.evidence


def test_urgency_is_read_but_does_not_make_an_emergency(classifier: IntentClassifier) -> None:
    result = classifier.classify("DRINGEND!!! mijn outlook doet het niet")
    assert result.urgent and not result.emergency and result.affected == "one"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mijn mailbox is vol", "nl"),
        ("mijn mailbox is full", "nl"),
        ("my mailbox is full, cant receive anything", "en"),
        ("hoi, teams doet het niet", "nl"),
        ("hi, teams is not working for me", "en"),
        ("I cannot log in to Teams since this morning", "en"),
        ("", "nl"),
    ],
)
def test_language(classifier: IntentClassifier, text: str, language: str) -> None:
    assert classifier.classify(text).language == language
