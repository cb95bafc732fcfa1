"""Check every property our Bicep sets against Microsoft's published ARM resource schemas.

`az bicep build` is not available on the development machines and no Bicep compiler or linter
installs from the package registries we reach, so this does the part of a compiler's check that
catches most mistakes: each resource's type and API version exists, and every property key set
in its body is one that version's schema knows (misspelt or misplaced keys fail). Values that are
literal strings are checked against the schema's enums; a parameter reference shows up as a note.

    python -m deploy.azure.schema_review <azure-resource-manager-schemas>/schemas deploy/azure/**/*.bicep

The schemas are those of the public Azure/azure-resource-manager-schemas repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pycep import BicepParser

_NOT_PROPERTIES = {"parent", "scope", "dependsOn"}  # Bicep's own keys, not the resource's


class Schemas:
    """The provider schema files under `root/<api version>/<Namespace>.json`, read once."""

    def __init__(self, root: Path) -> None:
        self.root, self._loaded = root, {}

    def definition(self, resource_type: str, api_version: str) -> tuple[dict, dict] | None:
        namespace, *names = resource_type.split("/")
        path = self.root / api_version / f"{namespace}.json"
        if not path.exists():
            return None
        document = self._loaded.setdefault(path, json.loads(path.read_text(encoding="utf-8")))
        found = document.get("resourceDefinitions", {}).get("_".join(names))
        return (found, document) if found else None


def review(bicep: Path, schemas: Schemas) -> list[str]:
    """One line per problem; an empty list when every resource matches its schema."""
    problems = []
    for name, resource in BicepParser().parse(text=bicep.read_text(encoding="utf-8")).get("resources", {}).items():
        label = f"{bicep}:{name} ({resource['type']}@{resource['api_version']})"
        found = schemas.definition(resource["type"], resource["api_version"])
        if found is None:
            problems.append(f"{label}: no such type and API version in the schemas")
            continue
        definition, document = found
        config = resource["config"]
        config = config.get("config", config) if "loop_type" in config else config
        for key, value in config.items():
            if key in _NOT_PROPERTIES:
                continue
            if key not in definition["properties"]:
                problems.append(f"{label}: '{key}' is not a property of the resource")
            else:
                problems += [f"{label}: {p}" for p in _walk(value, [definition["properties"][key]], document, key)]
    return problems


def _walk(value: Any, options: list[dict], document: dict, path: str) -> list[str]:
    """Problems of `value` under the best-fitting of `options` (discriminated unions have several)."""
    attempts = [_walk_one(value, option, document, path) for option in options]
    return min(attempts, key=len) if attempts else []


def _walk_one(value: Any, node: dict, document: dict, path: str) -> list[str]:
    properties, open_ended, items, enums = _shape(node, document)
    if isinstance(value, dict):
        if not properties and not open_ended:
            return []  # an expression (function call, condition, loop) or a free-form object
        problems = []
        for key, sub in value.items():
            if key in properties:
                problems += _walk(sub, properties[key], document, f"{path}.{key}")
            elif not open_ended:
                problems.append(f"{path}.{key}: not in the schema (known: {', '.join(sorted(properties))})")
        return problems
    if isinstance(value, list):
        return [p for index, sub in enumerate(value) for p in _walk(sub, items, document, f"{path}[{index}]")]
    if isinstance(value, str) and enums and value not in enums:
        return [f"{path}: {value!r} is not one of {enums} (a note only, if it is a parameter reference)"]
    return []


def _shape(node: dict, document: dict) -> tuple[dict[str, list[dict]], bool, list[dict], list[str]]:
    """Properties (with every alternative), open-endedness, array items and enums of a schema node."""
    properties: dict[str, list[dict]] = {}
    open_ended, items, enums = False, [], []
    for candidate in _alternatives(node, document):
        for key, sub in candidate.get("properties", {}).items():
            properties.setdefault(key, []).append(sub)
        open_ended |= candidate.get("additionalProperties") not in (None, False)
        items += [candidate["items"]] if "items" in candidate else []
        enums += candidate.get("enum", [])
    return properties, open_ended, items, enums


def _alternatives(node: dict, document: dict) -> list[dict]:
    node = _resolve(node, document)
    if node is None:
        return []
    return [node] + [alt for key in ("oneOf", "anyOf", "allOf") for sub in node.get(key, []) for alt in _alternatives(sub, document)]


def _resolve(node: dict, document: dict) -> dict | None:
    while "$ref" in node:
        if not node["$ref"].startswith("#/"):
            return None  # the common definitions (expressions, etc.) are in another file
        target: Any = document
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        node = target
    return node


def main(argv: list[str]) -> int:
    schemas = Schemas(Path(argv[0]))
    problems = [problem for path in argv[1:] for problem in review(Path(path), schemas)]
    print("\n".join(problems) or f"{len(argv) - 1} files: every property is in its schema")
    return 1 if any("a note only" not in problem for problem in problems) else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
