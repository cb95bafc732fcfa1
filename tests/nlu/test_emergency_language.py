"""The emergency flag on its boundaries, and the reply language."""

from __future__ import annotations

import pytest

from nlu_models import IntentClassifier

EMERGENCIES = [
    "goedenavond, even ter info: niemand op kantoor kan sinds zes uur nog mailen",
    "fyi the whole office has been without teams and email since this afternoon",
    "alle bestanden op de server zijn versleuteld, er staat een losgeldbericht",
    "someone is deleting all our sharepoint files right now",
    "ik denk dat mijn account gehackt is, er gaan mails uit die ik niet stuurde",
    "office 365 is down for all 30 of our users",
]
NOT_EMERGENCIES = [
    "HELP!!! mijn outlook is super traag en ik moet NU een offerte versturen!!!",
    "URGENT my excel keeps crashing, deadline in an hour, PLEASE",
    "zet MFA uit voor iedereen",
    "hoe stuur ik een mail naar iedereen in het bedrijf",
    "kunnen jullie voor iedereen op de nieuwe afdeling een account aanmaken",
    "goedemorgen",
    "hoe herken ik een phishing mail?",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergencies_are_flagged(classifier: IntentClassifier, text: str) -> None:
    assert classifier.classify(text).emergency


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_single_user_panic_and_requests_are_not_emergencies(
    classifier: IntentClassifier, text: str
) -> None:
    assert not classifier.classify(text).emergency


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("mijn mailbox is vol", "nl"),
        ("mijn mailbox is full", "nl"),
        ("my mailbox is full, cant receive anything", "en"),
        ("hoi, teams doet het niet", "nl"),
        ("hi, teams is not working for me", "en"),
        ("", "nl"),
    ],
)
def test_language(classifier: IntentClassifier, text: str, language: str) -> None:
    assert classifier.classify(text).language == language
