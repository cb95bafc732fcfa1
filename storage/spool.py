"""A local, durable fallback for the inbox while the database is unreachable.

One JSON file per activity, written to a temporary name, fsynced, then renamed into place (an
atomic step on POSIX), so a crash leaves either a whole file or none. Names sort by arrival, which
keeps a conversation's messages in order when they are moved into the database later. Each replica
has its own spool: a replica that dies during an outage finishes its spool when it comes back.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any


class Spool:
    def __init__(self, folder: Path):
        self.folder = folder

    def put(self, body: dict[str, Any]) -> Path:
        """Store one activity durably; raises OSError when the disk cannot take it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(data).hexdigest()[:16]
        final = self.folder / f"{time.time_ns():020d}-{digest}.json"
        temporary = final.with_suffix(".tmp")
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)
        _fsync_folder(self.folder)
        return final

    def writable(self) -> bool:
        """Whether an activity could be spooled now (the folder exists or can be made, and takes writes)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        return os.access(self.folder, os.W_OK)

    def waiting(self) -> list[Path]:
        """Spooled activities, oldest first."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob("*.json"))

    @staticmethod
    def read(path: Path) -> dict[str, Any] | None:
        """The stored activity; None for a file that is not one (it is set aside, never retried forever)."""
        try:
            body = json.loads(path.read_bytes().decode("utf-8", "surrogatepass"))
        except (OSError, ValueError):
            path.rename(path.with_suffix(".unreadable"))
            return None
        return body if isinstance(body, dict) else None

    @staticmethod
    def set_aside(path: Path) -> None:
        """A spooled activity the database refuses (not for being away): kept for a person, never retried."""
        path.rename(path.with_suffix(".refused"))

    @staticmethod
    def remove(path: Path) -> None:
        path.unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
