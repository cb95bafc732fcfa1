"""Where a bot's time went: py-spy's raw stacks (`--format raw`) summed by what the code is doing.

Run: python -m bench.profile_summary /tmp/supportbot-load-*/profile-bot-sqlite-dev-1.txt [--top 25]
Prints the share of samples per part of a turn (a stack counts for the first part that matches,
walking from the innermost frame out: "spaCy" inside "the turn" counts as spaCy), then the
functions with the most samples of their own.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

# (part, pattern on "function (file:line)"), innermost match wins; order decides between equals.
PARTS: tuple[tuple[str, str], ...] = (
    ("SQLite driver thread (aiosqlite)", r"aiosqlite/core\.py"),
    ("PostgreSQL driver (psycopg)", r"psycopg/"),
    ("APScheduler job store", r"apscheduler/"),
    ("intent detection (spaCy + rules)", r"nlu_models/|spacy/|thinc/"),
    ("dialog state (jsonpickle)", r"jsonpickle/"),
    ("SQLAlchemy ORM and Core", r"sqlalchemy/"),
    ("token check (PyJWT, cryptography)", r"jwt/|cryptography/|botframework/connector/auth"),
    ("logging", r"logging/__init__|bot/observability/"),
    ("msrest (de)serialisation", r"msrest/"),
    ("Adaptive Cards, texts, replies", r"bot/teams/cards|bot/services/replies|bot/texts"),
    ("botbuilder dialogs", r"botbuilder/dialogs"),
    ("botbuilder core", r"botbuilder/core|botbuilder/schema"),
    ("policy", r"bot/policy/"),
    ("outbox sender and connector calls", r"bot/teams/outbox_sender|bot/teams/connector_client|delivery_policy"),
    ("aiohttp server and client", r"aiohttp/|multidict|yarl"),
    ("json", r"json/|json_guard"),
    ("asyncio event loop", r"asyncio/|selectors"),
    ("the bot's own code", r"bot/|dialogs/|storage/"),
)
_COMPILED = [(part, re.compile(pattern)) for part, pattern in PARTS]
_LINE = re.compile(r"^(?P<stack>.*) (?P<count>\d+)$")


def read_stacks(path: Path) -> Counter[tuple[str, ...]]:
    stacks: Counter[tuple[str, ...]] = Counter()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _LINE.match(line)
        if match:
            stacks[tuple(match["stack"].split(";"))] += int(match["count"])
    return stacks


def part_of(stack: tuple[str, ...]) -> str:
    for frame in reversed(stack):
        for part, pattern in _COMPILED:
            if pattern.search(frame):
                return part
    return "other"


def summarise(stacks: Counter[tuple[str, ...]], top: int) -> str:
    total = sum(stacks.values()) or 1
    parts: Counter[str] = Counter()
    own: Counter[str] = Counter()
    for stack, count in stacks.items():
        parts[part_of(stack)] += count
        own[re.sub(r":\d+\)$", ")", stack[-1])] += count
    lines = [f"{total:,} samples", "", "| part | share |", "| --- | --- |"]
    lines += [f"| {part} | {count / total:.1%} |" for part, count in parts.most_common()]
    lines += ["", f"top {top} functions by own samples:"]
    lines += [f"  {count / total:6.1%}  {name}" for name, count in own.most_common(top)]
    lines += ["", f"top {top} of the bot's functions by samples inside them (callees included):"]
    lines += [f"  {count / total:6.1%}  {name}" for name, count in inclusive(stacks).most_common(top)]
    return "\n".join(lines)


def inclusive(stacks: Counter[tuple[str, ...]]) -> Counter[str]:
    """Samples under each of the bot's own functions (bot/, dialogs/, storage/, nlu_models/), once per stack."""
    under: Counter[str] = Counter()
    for stack, count in stacks.items():
        names = {re.sub(r":\d+\)$", ")", frame) for frame in stack if _OWN.search(frame)}
        for name in names:
            under[name] += count
    return under


_OWN = re.compile(r"\((?:bot|dialogs|storage|nlu_models)/")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.profile_summary", description=__doc__.splitlines()[0])
    parser.add_argument("profiles", type=Path, nargs="+")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    stacks: Counter[tuple[str, ...]] = Counter()
    for path in args.profiles:
        stacks.update(read_stacks(path))
    print(summarise(stacks, args.top))


if __name__ == "__main__":
    main()
