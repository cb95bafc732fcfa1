"""The one error start-up raises for bad settings: its message is meant for the operator."""


class ConfigError(Exception):
    """A setting or the operator config file is missing or invalid."""
