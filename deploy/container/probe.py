"""The image's HEALTHCHECK: exit 0 when the bot answers 200 on a route of its own port, else 1.

Python, not curl: the final image has no curl. PORT is read from the same environment as the app.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request


def healthy(path: str, port: str) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=4) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def main(argv: list[str]) -> int:
    path = argv[0] if argv else "/readyz"
    return 0 if healthy(path, os.environ.get("PORT", "3978")) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
