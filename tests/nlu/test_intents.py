"""Representative customer messages land on the intent a support engineer expects."""

from __future__ import annotations

import pytest

from nlu_models import COVERED_INTENTS, EXCLUDED_INTENTS, INTENTS, IntentClassifier

CASES = [
    ("mijn outlook ontvangt al de hele dag geen mail", "email_problem"),
    ("my emails keep bouncing back", "email_problem"),
    ("teams valt steeds uit tijdens het bellen", "teams_problem"),
    ("onedrive is not syncing my documents", "files_problem"),
    ("kunnen jullie een verwijderde map van sharepoint terugzetten", "files_problem"),
    ("excel crasht meteen bij het openen", "office_app_problem"),
    ("word says unlicensed product at the top", "license_problem"),
    ("mijn wachtwoord wordt niet meer geaccepteerd", "signin_problem"),
    ("ons mx record klopt niet meer", "domain_problem"),
    ("ik heb op een link in een nepmail geklikt en mijn wachtwoord ingevuld", "security_incident"),
    ("office 365 ligt er bij ons helemaal uit", "service_outage"),
    ("hoe maak ik een draaitabel in excel", "howto"),
    ("how do i set up an out of office reply", "howto"),
    ("kunnen jullie een account aanmaken voor onze nieuwe collega", "user_management"),
    ("zet de tweestapsverificatie uit voor ons kantoor", "security_settings_change"),
    ("we willen onze mail van gmail naar office 365 verhuizen", "onboarding"),
    ("ik wil een leidinggevende spreken over mijn ticket", "escalation_request"),
    ("is er al nieuws over mijn melding?", "ticket_status"),
    ("goedemorgen", "greeting"),
    ("top, bedankt voor de hulp!", "thanks_goodbye"),
    ("onze printer doet het niet meer", "out_of_scope"),
]

BOUNDARIES = [
    # a how-to question that mentions an error
    ("excel geeft #WAARDE! in mijn formule, hoe schrijf ik die goed?", "howto"),
    # user management phrased as a problem
    ("Piet kan niet inloggen, hij heeft nog geen account", "user_management"),
    # a status question naming a product
    ("hoe staat het met mijn ticket over outlook?", "ticket_status"),
    # out of scope, mentions mail in passing
    ("het contactformulier op onze website stuurt geen mail meer", "out_of_scope"),
]


def test_labels_are_the_contract() -> None:
    assert len(INTENTS) == 18 == len(set(INTENTS))
    assert COVERED_INTENTS | EXCLUDED_INTENTS < set(INTENTS)
    assert not COVERED_INTENTS & EXCLUDED_INTENTS


@pytest.mark.parametrize(("text", "intent"), CASES + BOUNDARIES)
def test_message_lands_on_intent(classifier: IntentClassifier, text: str, intent: str) -> None:
    assert classifier.classify(text).intent == intent


def test_alternatives_are_ranked_and_include_the_top(classifier: IntentClassifier) -> None:
    result = classifier.classify("outlook doet raar en teams ook een beetje")
    scores = [score for _, score in result.alternatives]
    assert len(result.alternatives) >= 3
    assert scores == sorted(scores, reverse=True)
    assert result.alternatives[0] == (result.intent, result.confidence)
    assert 0.0 <= result.confidence <= 1.0


def test_classify_many_matches_classify(classifier: IntentClassifier) -> None:
    texts = [text for text, _ in CASES[:8]]
    batch = classifier.classify_many(texts)
    single = [classifier.classify(t) for t in texts]
    assert [c.intent for c in batch] == [c.intent for c in single]
    assert [c.emergency for c in batch] == [c.emergency for c in single]
