"""The figures every report quotes, computed one way for the model, the peers and any data set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nlu_models.dataset import EvalRecord
from nlu_models.labels import INTENTS
from nlu_models.metrics import PerClass, accuracy, binary, macro_f1, per_class


@dataclass(frozen=True, slots=True)
class Scores:
    n: int
    lenient: float  # a label in `also_ok` counts as right
    strict: float
    macro_f1: float  # over lenient predictions
    strict_macro_f1: float
    emergency_precision: float
    emergency_recall: float
    language: float | None
    per_intent: dict[str, PerClass]

    def line(self) -> str:
        """One comparable line for reports and the bench."""
        lang = "" if self.language is None else f"  language {self.language:.3f}"
        return (f"accuracy {self.lenient:.3f} (strict {self.strict:.3f})  macro-F1 {self.macro_f1:.3f}"
                f" (strict {self.strict_macro_f1:.3f})  emergency recall {self.emergency_recall:.3f}"
                f" precision {self.emergency_precision:.3f}{lang}  n={self.n}")


def lenient_predictions(records: Sequence[EvalRecord], intents: Sequence[str]) -> list[str]:
    """A prediction the annotator also accepts is scored as the gold label."""
    return [r.intent if p in r.also_ok else p for r, p in zip(records, intents, strict=True)]


def score(records: Sequence[EvalRecord], intents: Sequence[str], emergencies: Sequence[bool],
          languages: Sequence[str] | None = None) -> Scores:
    """Intent, emergency and (when given) language figures of one set of predictions."""
    gold = [r.intent for r in records]
    lenient = lenient_predictions(records, intents)
    e_prec, e_rec = binary([r.emergency for r in records], list(emergencies))
    per = per_class(gold, lenient, INTENTS)
    return Scores(
        n=len(records), lenient=accuracy(gold, lenient), strict=accuracy(gold, list(intents)),
        macro_f1=macro_f1(per), strict_macro_f1=macro_f1(per_class(gold, list(intents), INTENTS)),
        emergency_precision=e_prec, emergency_recall=e_rec,
        language=None if languages is None else accuracy([r.language for r in records], list(languages)),
        per_intent=per,
    )
