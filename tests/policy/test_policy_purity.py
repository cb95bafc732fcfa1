"""The policy stays pure: no web, bot, database or NLU framework, and no clock reads."""

import ast
import subprocess
import sys
from pathlib import Path

import bot.policy

POLICY_DIR = Path(bot.policy.__file__).parent
ALLOWED_THIRD_PARTY = {"holidays"}
STDLIB = set(sys.stdlib_module_names)


def imported_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_policy_modules_import_only_stdlib_holidays_and_the_policy() -> None:
    for module in POLICY_DIR.glob("*.py"):
        source = module.read_text()
        outside = imported_roots(source) - STDLIB - ALLOWED_THIRD_PARTY - {"bot"}
        assert not outside, f"{module.name} imports {outside}"
        assert "from bot." not in source.replace("from bot.policy", ""), module.name


def test_policy_never_reads_the_clock() -> None:
    for module in POLICY_DIR.glob("*.py"):
        source = module.read_text()
        for call in (".now(", ".today(", ".utcnow(", "time.time(", "monotonic("):
            assert call not in source, f"{module.name} reads the clock with {call}"


def test_importing_the_policy_loads_no_framework() -> None:
    probe = (
        "import sys, bot.policy; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'aiohttp', 'botbuilder', 'sqlalchemy', 'spacy', 'pydantic', 'yaml'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        cwd=POLICY_DIR.parent.parent,
    )  # fmt: skip
    assert result.stdout.strip() == "[]"
