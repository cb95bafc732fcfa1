"""Build train.jsonl and heldout.jsonl from the hand-written sources, deterministically.

Run: python -m nlu_models.data.make_data
Training data = seeds + slot templates + typo/no-accent noise copies of seeds.
Held-out data = a separately written file, copied as is (never augmented),
and checked to share no message with the training data.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from nlu_models.data.templates import SLOTS, TEMPLATES
from nlu_models.labels import ALWAYS_EMERGENCY, INTENTS
from nlu_models.normalize import strip_accents

DATA_DIR = Path(__file__).resolve().parent
SEED = 13
FILLS_PER_TEMPLATE = 5
NOISE_SHARE = 0.45
SEED_FILES = ("train_seeds.txt", "train_seeds_more.txt")
# Written as customers write (issue 12); every customers_*.txt in src/ is read.
CUSTOMER_GLOB = "customers_*.txt"

Example = dict[str, object]


def parse_source(path: Path) -> list[Example]:
    """Read '## intent' sections of 'lang[!|~]| text' lines into examples.

    A literal backslash-n in a line is a line break: Teams messages often have several lines.
    """
    examples: list[Example] = []
    intent = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("# "):
            continue
        if line.startswith("## "):
            intent = line[3:].strip()
            if intent not in INTENTS:
                raise ValueError(f"{path.name}: unknown intent {intent!r}")
            continue
        head, _, text = line.partition("| ")
        lang, mark = head[:2], head[2:]
        if lang not in ("nl", "en") or mark not in ("", "!", "~") or not text:
            raise ValueError(f"{path.name}: bad line {raw!r}")
        emergency = intent in ALWAYS_EMERGENCY if not mark else mark == "!"
        examples.append(_example(text.replace("\\n", "\n"), intent, emergency, lang))
    return examples


def _example(text: str, intent: str, emergency: bool, lang: str) -> Example:
    return {"text": text, "intent": intent, "emergency": emergency, "language": lang}


def _fill(template: str, rng: random.Random) -> str:
    """Fill each {slot}, never repeating a value within one message."""
    used: set[str] = set()

    def pick(match: re.Match[str]) -> str:
        options = [o for o in SLOTS[match.group(1)] if o == "" or o not in used]
        value = rng.choice(options)
        used.add(value)
        return value

    return re.sub(r"\{(\w+)\}", pick, template).strip()


def templated(rng: random.Random) -> list[Example]:
    """A few distinct fills of every template."""
    out: list[Example] = []
    for intent, lang, emergency, template in TEMPLATES:
        flag = intent in ALWAYS_EMERGENCY if emergency is None else emergency
        texts: set[str] = set()
        for _ in range(FILLS_PER_TEMPLATE * 4):
            texts.add(_fill(template, rng))
            if len(texts) == FILLS_PER_TEMPLATE:
                break
        out.extend(_example(t, intent, flag, lang) for t in sorted(texts))
    return out


def noisy(text: str, rng: random.Random) -> str:
    """One realistic corruption: a typo, case change or dropped punctuation."""
    kind = rng.randrange(5)
    if kind == 0:
        return text.upper() if len(text) < 30 else text.capitalize()
    if kind == 1:
        return re.sub(r"[?!.,']", "", text).lower()
    words = text.split()
    idx = [i for i, w in enumerate(words) if len(w) > 4]
    if not idx:
        return text + rng.choice(["??", "!!", " aub", " pls", "..."])
    i = rng.choice(idx)
    w, j = words[i], rng.randrange(1, len(words[i]) - 1)
    if kind == 2:
        words[i] = w[:j] + w[j + 1:]
    elif kind == 3:
        words[i] = w[:j - 1] + w[j] + w[j - 1] + w[j + 1:]
    else:
        words[i] = w[:j] + w[j] + w[j:]
    return " ".join(words)


def build_train(seeds: list[Example], rng: random.Random) -> list[Example]:
    """Seeds, templated lines and noisy copies, de-duplicated, in a fixed order."""
    rows = seeds + templated(rng)
    rows += [
        {**ex, "text": noisy(strip_accents(str(ex["text"])), rng)}
        for ex in seeds
        if rng.random() < NOISE_SHARE
    ]
    seen: set[str] = set()
    unique = []
    for ex in rows:
        key = str(ex["text"]).lower()
        if key not in seen:
            seen.add(key)
            unique.append(ex)
    return unique


def write_jsonl(path: Path, rows: list[Example]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    rng = random.Random(SEED)
    sources = [DATA_DIR / "src" / name for name in SEED_FILES]
    sources += sorted((DATA_DIR / "src").glob(CUSTOMER_GLOB))
    seeds = [ex for path in sources for ex in parse_source(path)]
    train = build_train(seeds, rng)
    heldout = parse_source(DATA_DIR / "src" / "heldout.txt")
    train_texts = {str(ex["text"]).lower() for ex in train}
    leaked = [ex["text"] for ex in heldout if str(ex["text"]).lower() in train_texts]
    if leaked:
        raise SystemExit(f"held-out lines also in train: {leaked}")
    write_jsonl(DATA_DIR / "train.jsonl", train)
    write_jsonl(DATA_DIR / "heldout.jsonl", heldout)
    for name, rows in (("train", train), ("heldout", heldout)):
        counts = {i: sum(ex["intent"] == i for ex in rows) for i in INTENTS}
        print(name, len(rows), counts, file=sys.stderr)


if __name__ == "__main__":
    main()
