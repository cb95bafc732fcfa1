"""Read the final stage of the Dockerfile: its ENV, WORKDIR, USER, start command and HEALTHCHECK.

Only the forms our Dockerfile uses: `ENV K=V K2=V2`, exec-form (JSON) CMD / ENTRYPOINT /
HEALTHCHECK CMD, and backslash line continuations.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FinalStage:
    env: dict[str, str] = field(default_factory=dict)
    workdir: str = "/"
    user: str = "root"
    command: tuple[str, ...] = ()  # ENTRYPOINT + CMD, as the engine joins them
    healthcheck: tuple[str, ...] = ()


def final_stage(dockerfile: Path) -> FinalStage:
    """The instructions after the last FROM, as a container started from the image sees them."""
    instructions = _instructions(dockerfile.read_text(encoding="utf-8"))
    last_from = max(index for index, (word, _) in enumerate(instructions) if word == "FROM")
    env: dict[str, str] = {}
    workdir, user, entrypoint, cmd, healthcheck = "/", "root", [], [], []
    for word, rest in instructions[last_from + 1:]:
        if word == "ENV":
            env.update(pair.split("=", 1) for pair in shlex.split(rest))
        elif word == "WORKDIR":
            workdir = rest
        elif word == "USER":
            user = rest
        elif word == "ENTRYPOINT":
            entrypoint = json.loads(rest)
        elif word == "CMD":
            cmd = json.loads(rest)
        elif word == "HEALTHCHECK":
            healthcheck = json.loads(rest[rest.index(" CMD ") + len(" CMD "):])
    return FinalStage(env, workdir, user, tuple(entrypoint + cmd), tuple(healthcheck))


def _instructions(source: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, comments dropped and continuation lines joined."""
    joined = source.replace("\\\n", " ")
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), " ".join(rest.split())))
    return pairs
