"""What happened in a chaos run, message by message, for the person who has to find out why a target was missed."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from bench.chaos_traffic import replies_to
from fakes.replicas import Replica

if TYPE_CHECKING:
    from bench.chaos_run import Rig

_ERROR_LINE = re.compile(r"\b(ERROR|CRITICAL)\b")
_TIMESTAMP = re.compile(r"^\S+ \S+ ")
_IDS = re.compile(r"\ba:[\w:.-]+|\bact-[\w-]+|\b\d+\b")


def logged_errors(replicas: list[Replica]) -> list[str]:
    """Lines at ERROR or CRITICAL from every start of every replica."""
    return [line for replica in replicas for line in replica.logs().splitlines() if _ERROR_LINE.search(line)]


def write_journal(path: Path, r: Rig, started: float, transcript: set[str]) -> str:
    """Per message: the channel's tries, whether it was stored, and the answers the connector accepted."""
    lines, connector = [], r.connector
    for d in r.channel.deliveries:
        accepted = f"{d.accepted_at - started:.1f}s" if d.accepted_at else "never"
        lines.append(f"[{d.first_try - started:6.1f}s] {d.who} {'EMERGENCY ' if d.emergency else ''}{d.text!r}: "
                     f"tries {d.outcomes}, accepted {accepted}, stored {d.activity_id in transcript}")
        lines += [f"      -> {s.text[:100]!r}" for s in replies_to(connector, d.activity_id)]
    lines.append("\npages in the on-call engineer's chats:")
    lines += [f"[{at - started:6.1f}s] {page.text[:100]!r}" for page, at in r.on_call.pages()]
    lines.append("\npages to other staff (the chain moved on):")
    lines += [f"[{at - started:6.1f}s] {page.conversation_id} {page.text[:80]!r}" for page, at in r.on_call.pages_to_others()]
    lines.append("\nconnector requests that failed:")
    lines += [f"[{a.at - started:6.1f}s] {a.kind} {a.conversation_id} {a.outcome}" for a in connector.failed_attempts()]
    lines.append("\nerrors the replicas logged:")
    kinds = Counter(_IDS.sub("#", _TIMESTAMP.sub("", line))[:160] for line in logged_errors(r.replicas))
    lines += [f"{count:4d} x {kind}" for kind, count in kinds.most_common()]
    journal = "\n".join(lines) + "\n"
    path.write_text(journal, encoding="utf-8")
    return journal
