"""The operator config the HTTP-level tests run with (tests/data/operator.yaml)."""

from pathlib import Path

OPERATOR_CONFIG = Path(__file__).resolve().parents[1] / "data" / "operator.yaml"
