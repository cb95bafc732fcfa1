"""The real model, except for a few messages a test scripts: for behaviour that hangs on what the model
reads (unsure, flagged as an emergency) without hanging on what this version of the model reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlu_models import Classification, IntentClassifier


@dataclass
class ScriptedClassifier:
    real: IntentClassifier
    scripted: dict[str, Classification] = field(default_factory=dict)

    def read_as(self, text: str, intent: str, confidence: float, *, emergency: bool = False) -> None:
        rest = (1.0 - confidence) / 2
        alternatives = ((intent, confidence), ("office_app_problem", rest), ("signin_problem", rest))
        self.scripted[text] = Classification(text, intent, confidence, alternatives, emergency, "nl")

    def classify(self, text: str) -> Classification:
        return self.scripted.get(text) or self.real.classify(text)
