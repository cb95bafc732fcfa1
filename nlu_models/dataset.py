"""Read the JSONL splits into records and spaCy training examples."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.training import Example

from nlu_models.labels import INTENTS
from nlu_models.normalize import normalize
from nlu_models.pipeline import EMERGENCY_LABEL

DATA_DIR = Path(__file__).resolve().parent / "data"
TRAIN_PATH = DATA_DIR / "train.jsonl"
HELDOUT_PATH = DATA_DIR / "heldout.jsonl"


@dataclass(frozen=True, slots=True)
class Record:
    text: str
    intent: str
    emergency: bool
    language: str


@dataclass(frozen=True, slots=True)
class EvalRecord:
    """A labelled message of an evaluation set; `also_ok` are other acceptable intents."""

    text: str
    intent: str
    emergency: bool
    language: str
    also_ok: tuple[str, ...] = ()


def _rows(path: Path) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        for label in [row["intent"], *row.get("also_ok", [])]:  # type: ignore[misc]
            if label not in INTENTS:
                raise ValueError(f"{path.name}: unknown intent {label!r}")
    return rows


def read_records(path: Path) -> list[Record]:
    """One Record per JSON line; unknown intents are a data error."""
    return [Record(str(r["text"]), str(r["intent"]), bool(r["emergency"]), str(r["language"]))
            for r in _rows(path)]


def read_eval(path: Path) -> list[EvalRecord]:
    """Our splits or the shared evaluation format (`lang`, `also_ok`), as EvalRecords."""
    return [EvalRecord(str(r["text"]), str(r["intent"]), bool(r["emergency"]),
                       str(r.get("language", r.get("lang"))), tuple(r.get("also_ok", ())))  # type: ignore[arg-type]
            for r in _rows(path)]


def to_examples(nlp: Language, records: list[Record]) -> list[tuple[Example, Example]]:
    """Per record an intent example (one-hot) and an emergency example, sharing one doc."""
    pairs = []
    for rec in records:
        doc = nlp.make_doc(normalize(rec.text))
        intent_cats = {label: float(label == rec.intent) for label in INTENTS}
        pairs.append((
            Example.from_dict(doc, {"cats": intent_cats}),
            Example.from_dict(doc, {"cats": {EMERGENCY_LABEL: float(rec.emergency)}}),
        ))
    return pairs
