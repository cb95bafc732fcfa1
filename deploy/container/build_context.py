"""Which files `docker build .` would send: the repository filtered by .dockerignore, as Docker reads it.

No container engine runs on the development machines, so this reproduces Docker's matcher
(moby/patternmatcher): patterns relative to the context root, `*` and `?` within one path segment,
`**` across segments, a pattern that matches a directory excluding everything below it, `!` lines
re-including, the last matching line winning. Tests use it to check that nothing private reaches an
image, and run_as_container.py runs the app from exactly these files.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

_SPECIAL = set(".+()|{}$^")


@dataclass(frozen=True, slots=True)
class Pattern:
    text: str
    exclusion: bool  # a `!` line: re-includes what earlier lines excluded
    regex: re.Pattern[str]

    def matches(self, path: str) -> bool:
        return self.regex.fullmatch(path) is not None


def read_patterns(dockerignore: Path) -> list[Pattern]:
    """The patterns of a .dockerignore file, comments and blank lines dropped, in order."""
    patterns = []
    for line in dockerignore.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        exclusion = line.startswith("!")
        text = os.path.normpath(line[1:].strip() if exclusion else line).replace(os.sep, "/")
        if len(text) > 1 and text.startswith("/"):
            text = text[1:]
        patterns.append(Pattern(text, exclusion, re.compile(_regex(text))))
    return patterns


def _regex(pattern: str) -> str:
    """Docker's translation: `**/` any number of directories, `*` and `?` never cross a `/`."""
    out, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**", index):
            index += 2
            if pattern.startswith("/", index):
                index += 1
            out.append(".*" if index >= len(pattern) else "(.*/)?")
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        else:
            out.append("\\" + char if char in _SPECIAL else char)
        index += 1
    return "".join(out)


def excluded(path: str, patterns: list[Pattern]) -> bool:
    """True when Docker leaves `path` (relative, with `/`) out of the build context."""
    parts = path.split("/")
    parents = ["/".join(parts[: i + 1]) for i in range(len(parts) - 1)]
    result = False
    for pattern in patterns:
        if pattern.exclusion != result:
            continue  # an exclusion cannot exclude more, an exception cannot re-include what is in
        if pattern.matches(path) or any(pattern.matches(parent) for parent in parents):
            result = not pattern.exclusion
    return result


def context_files(root: Path) -> list[str]:
    """Every file (or symlink) under `root` that the build context holds, as sorted relative paths."""
    patterns = read_patterns(root / ".dockerignore")
    exceptions = [p.text for p in patterns if p.exclusion]
    found = []
    for directory, dirs, files in os.walk(root):
        relative = Path(directory).relative_to(root).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        dirs[:] = [d for d in dirs if not _prune(prefix + d, patterns, exceptions)]
        found += [prefix + name for name in files if not excluded(prefix + name, patterns)]
        found += [prefix + d for d in dirs if (Path(directory) / d).is_symlink() and not excluded(prefix + d, patterns)]
    return sorted(found)


def _prune(directory: str, patterns: list[Pattern], exceptions: list[str]) -> bool:
    """Skip an excluded directory unless an exception could re-include something below it."""
    if not excluded(directory, patterns):
        return False
    return not any(text.startswith((f"{directory}/", "*")) for text in exceptions)


def copy_context(root: Path, target: Path) -> list[str]:
    """Copy the build context's files to `target` (what `COPY . .` puts in the image); returns them."""
    files = context_files(root)
    for relative in files:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / relative, destination, follow_symlinks=False)
    return files
