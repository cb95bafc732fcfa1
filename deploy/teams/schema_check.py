"""Validate a manifest and its translation files against the vendored Microsoft JSON schemas.

The schemas say draft-04 but use `const` (draft-06), as Microsoft's own validator (ajv) accepts;
jsonschema's draft-04 validator would skip it silently, so it is added back here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, Draft6Validator
from jsonschema.validators import extend

SCHEMA_DIR = Path(__file__).with_name("schema")
MANIFEST_SCHEMA = SCHEMA_DIR / "MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA = SCHEMA_DIR / "MicrosoftTeams.Localization.schema.json"
_Validator = extend(Draft4Validator, {"const": Draft6Validator.VALIDATORS["const"]})


def manifest_errors(manifest: dict[str, Any]) -> list[str]:
    """Every schema violation of `manifest`, as 'path: message'; empty when it is valid."""
    return _errors(_validator(MANIFEST_SCHEMA), manifest)


def localization_errors(strings: dict[str, Any]) -> list[str]:
    return _errors(_validator(LOCALIZATION_SCHEMA), strings)


@cache
def _validator(path: Path) -> Any:
    # No check_schema: one pattern uses ECMAScript's \p{L}, which Python's re cannot compile; it
    # sits under Outlook add-in extensions, which these manifests do not have.
    return _Validator(json.loads(path.read_text(encoding="utf-8")))


def _errors(validator: Any, document: dict[str, Any]) -> list[str]:
    found = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    return [f"{'.'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}" for error in found]
