"""CLI contract: one message per stdin line in, one JSON object per line out.

`python -m nlu_models.classify < messages.txt`. Only JSON goes to stdout;
anything else (warnings, logs) goes to stderr.
"""

from __future__ import annotations

import io
import json
import sys


def main() -> None:
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    stdout = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    real_stdout, sys.stdout = sys.stdout, sys.stderr  # keep stray prints off the contract
    try:
        from nlu_models.classifier import IntentClassifier

        classifier = IntentClassifier.load()
        for line in stdin:
            result = classifier.classify(line.rstrip("\r\n"))
            stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            stdout.flush()
    finally:
        sys.stdout = real_stdout


if __name__ == "__main__":
    main()
