"""Odd input never crashes and comes back with low confidence."""

from __future__ import annotations

import json

import pytest

import nlu_models
from nlu_models import Classification, IntentClassifier

GARBAGE = ["", "   ", "\n", "🙂🙂🙂", "?!?!", "asdfgh qwerty zxcv", "x" * 50_000, "\x00\x01"]


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_gives_low_confidence(classifier: IntentClassifier, text: str) -> None:
    result = classifier.classify(text)
    assert result.text == text
    assert result.confidence < 0.5
    assert not result.emergency
    assert len(result.alternatives) >= 3


def test_very_long_real_message_is_classified(classifier: IntentClassifier) -> None:
    text = "outlook ontvangt geen mail meer. " * 500
    assert classifier.classify(text).intent == "email_problem"


def test_to_json_is_the_cli_contract(classifier: IntentClassifier) -> None:
    data = classifier.classify("Teams crasht").to_json()
    assert set(data) == {"text", "intent", "confidence", "emergency", "language"}
    assert json.loads(json.dumps(data)) == data


def test_module_level_classify_reuses_one_classifier() -> None:
    first = nlu_models.classify("hallo")
    assert isinstance(first, Classification)
    assert nlu_models._default is not None
    loaded = nlu_models._default
    nlu_models.classify("dank je")
    assert nlu_models._default is loaded


def test_classification_is_frozen(classifier: IntentClassifier) -> None:
    result = classifier.classify("hallo")
    with pytest.raises(AttributeError):
        result.intent = "thanks_goodbye"  # type: ignore[misc]
