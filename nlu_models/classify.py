"""CLI contract: messages in on stdin, one JSON object per message out, in order.

`python -m nlu_models.classify < messages.txt` reads one message per line.
`python -m nlu_models.classify --jsonl < messages.jsonl` reads one JSON object
per line, `{"text": "..."}`, so a message may contain line breaks; a line that
is not such an object gives `{"error": ...}` in its place, never a crash.
`--details` adds the impact signals (`affected`, `stake`, `urgent`, `evidence`).
Only JSON goes to stdout; anything else (warnings, logs) goes to stderr.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import Any


def _text_of(line: str, jsonl: bool) -> str | None:
    if not jsonl:
        return line.rstrip("\r\n")
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        return None
    text = row.get("text") if isinstance(row, dict) else None
    return text if isinstance(text, str) else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jsonl", "--json-lines", action="store_true", help='input lines are {"text": ...}')
    parser.add_argument("--details", action="store_true", help="add the impact signals")
    args = parser.parse_args(argv)
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    real_stdout, sys.stdout = sys.stdout, sys.stderr  # keep stray prints off the contract
    try:
        from nlu_models.classifier import IntentClassifier

        classifier = IntentClassifier.load()
        for line in stdin:
            if args.jsonl and not line.strip():
                continue
            text = _text_of(line, args.jsonl)
            out: dict[str, Any]
            if text is None:
                out = {"error": 'expected a JSON object with a string "text"'}
            else:
                result = classifier.classify(text)
                out = result.to_json() | (result.impact_json() if args.details else {})
            stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
            stdout.flush()
    finally:
        sys.stdout = real_stdout


if __name__ == "__main__":
    main()
