"""`python -m nlu_models.classify`: N lines in, N JSON lines out, in order, nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINES = ["goedemorgen", "", "Outlook blijft om mijn wachtwoord vragen", "🙂",
         "niemand op kantoor kan nog inloggen in office 365", "thanks, bye"]


def run_cli(stdin: str, *flags: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "nlu_models.classify", *flags], cwd=REPO,
                          input=stdin.encode("utf-8"), capture_output=True, timeout=60, check=True)


def test_one_json_object_per_line_in_order() -> None:
    proc = run_cli("\n".join(LINES) + "\n")
    out = proc.stdout.decode("utf-8").splitlines()
    assert len(out) == len(LINES)
    objects = [json.loads(line) for line in out]
    assert [o["text"] for o in objects] == LINES
    for obj in objects:
        assert set(obj) == {"text", "intent", "confidence", "emergency", "language"}
        assert 0.0 <= obj["confidence"] <= 1.0
        assert isinstance(obj["emergency"], bool)
        assert obj["language"] in ("nl", "en")
    assert objects[0]["intent"] == "greeting"
    assert objects[4]["emergency"] is True


def test_utf8_and_missing_final_newline() -> None:
    proc = run_cli("geëscaleerd graag, één manager")
    [line] = proc.stdout.decode("utf-8").splitlines()
    assert json.loads(line)["text"] == "geëscaleerd graag, één manager"


def test_empty_input_gives_empty_output() -> None:
    assert run_cli("").stdout == b""


def test_jsonl_mode_keeps_line_breaks_inside_a_message() -> None:
    messages = ["Beste support,\n\nniemand op kantoor kan nog mailen.\n\nGroet, Petra", "goedemorgen"]
    stdin = "".join(json.dumps({"text": m}, ensure_ascii=False) + "\n" for m in messages)
    out = run_cli(stdin, "--jsonl").stdout.decode("utf-8").splitlines()
    objects = [json.loads(line) for line in out]
    assert [o["text"] for o in objects] == messages
    assert objects[0]["emergency"] is True and objects[0]["intent"] == "email_problem"
    assert objects[1]["intent"] == "greeting"


def test_jsonl_mode_answers_a_bad_line_with_an_error_in_its_place() -> None:
    stdin = '{"text": "teams crasht"}\nnot json\n{"txt": "x"}\n{"text": "bedankt!"}\n'
    objects = [json.loads(line) for line in run_cli(stdin, "--jsonl").stdout.decode().splitlines()]
    assert [("error" in o) for o in objects] == [False, True, True, False]
    assert objects[3]["intent"] == "thanks_goodbye"


def test_details_add_the_impact_signals() -> None:
    [line] = run_cli("het hele callcenter kan niet bellen\n", "--details").stdout.decode().splitlines()
    obj = json.loads(line)
    assert (obj["affected"], obj["stake"], obj["emergency"]) == ("team", "blocked", True)
    assert "het hele callcenter" in obj["evidence"]
