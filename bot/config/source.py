"""Where the operator config comes from, and the holder of the one in force.

A mounted file (`SUPPORTBOT_CONFIG`) is read again on every reload; YAML in the environment
(`SUPPORTBOT_CONFIG_YAML`, for hosts that pass configuration only as variables) is fixed for the
life of the process, since nobody can change a running process's environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.config.operator import OperatorConfig, load_operator_config, parse_operator_config

YAML_VARIABLE = "SUPPORTBOT_CONFIG_YAML"


@dataclass(frozen=True, slots=True)
class ConfigSource:
    """A file, or the YAML text of the environment variable; exactly one of the two."""

    path: Path | None = None
    yaml_text: str | None = None

    @property
    def reloadable(self) -> bool:
        return self.path is not None

    def describe(self) -> str:
        return str(self.path) if self.path is not None else YAML_VARIABLE

    def load(self) -> OperatorConfig:
        """Read and validate; ConfigError names the file or the variable, and the bad key."""
        if self.path is not None:
            return load_operator_config(self.path)
        return parse_operator_config(self.yaml_text or "", YAML_VARIABLE)


class ConfigHolder:
    """The operator config in force. Services read `current` each time they need it, so a reload that
    replaces it (one assignment, on the event loop) is seen by the next turn or timer, never half."""

    def __init__(self, config: OperatorConfig):
        self._config = config

    @property
    def current(self) -> OperatorConfig:
        return self._config

    def replace(self, config: OperatorConfig) -> OperatorConfig:
        """Put `config` in force; returns the one it replaced."""
        previous, self._config = self._config, config
        return previous
