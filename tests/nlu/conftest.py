"""One shipped classifier for the whole NLU test run (loading takes a moment)."""

from __future__ import annotations

import pytest

from nlu_models import IntentClassifier


@pytest.fixture(scope="session")
def classifier() -> IntentClassifier:
    return IntentClassifier.load()
