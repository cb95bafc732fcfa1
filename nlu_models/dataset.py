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


def read_records(path: Path) -> list[Record]:
    """One Record per JSON line; unknown intents are a data error."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["intent"] not in INTENTS:
            raise ValueError(f"{path.name}: unknown intent {row['intent']!r}")
        records.append(Record(row["text"], row["intent"], bool(row["emergency"]), row["language"]))
    return records


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
