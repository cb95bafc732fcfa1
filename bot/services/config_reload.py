"""Reloading the operator config without a restart: read again, validated first, applied whole or not at all.

What a reload can change at once is what services read per use from the `ConfigHolder`: staff, on
call (rotations, layers, shifts, backup), customers, the MSP's details and the paging timeouts.
Business hours, excluded requests, NLU, limits, data protection and the gap-warning schedule are
built into calendars, rules and timers at start-up: a file that changes them is refused with the
reason (a restart applies it), so what runs is always one file, never half of two. A replica that
applied a reload records it in the database; the other replicas see that and reload their own copy.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from enum import StrEnum

from bot.config.errors import ConfigError
from bot.config.operator import OperatorConfig
from bot.config.source import ConfigHolder, ConfigSource
from bot.services.clock import Clock
from bot.services.directory_sync import sync_directory
from storage import config_reloads
from storage.unit_of_work import UnitOfWorkSessions

log = logging.getLogger(__name__)
RESTART_ONLY = ("version", "business_hours", "excluded_requests", "nlu", "limits", "data_protection")
GAP_WARNINGS = "on_call.gap_warnings"


class Outcome(StrEnum):
    APPLIED = "applied"
    UNCHANGED = "unchanged"
    INVALID = "invalid"  # the file is not a valid config: `reason` says why
    NEEDS_RESTART = "needs_restart"  # valid, but changes what only a restart applies: `sections`
    FIXED = "fixed"  # the config came from the environment, which a running process cannot see change


@dataclass(frozen=True, slots=True)
class Reload:
    outcome: Outcome
    source: str
    sections: tuple[str, ...] = ()  # what changed (applied), or what needs a restart
    reason: str = ""


class ConfigReloader:
    def __init__(self, holder: ConfigHolder, source: ConfigSource, sessions: UnitOfWorkSessions, clock: Clock):
        self._holder, self._source, self._sessions, self._clock = holder, source, sessions, clock
        self._seen = 0  # the newest reload record this replica has acted on

    async def start(self) -> None:
        """At start-up the config was just read: earlier reloads are nothing to follow."""
        async with self._sessions() as session:
            self._seen = await config_reloads.latest(session)

    async def reload(self, requested_by: str) -> Reload:
        """Read the source again and put it in force when it is valid; the other replicas follow."""
        result = await self._reload(requested_by)
        if result.outcome is Outcome.APPLIED:
            async with self._sessions.begin() as session:
                self._seen = await config_reloads.record(session, requested_by, self._clock.now())
        return result

    async def follow(self) -> Reload | None:
        """Another replica reloaded: read this replica's own copy too. None when nothing is new."""
        async with self._sessions() as session:
            newest = await config_reloads.latest(session)
        if newest <= self._seen:
            return None
        self._seen = newest
        return await self._reload("another replica")

    async def _reload(self, requested_by: str) -> Reload:
        source = self._source.describe()
        if not self._source.reloadable:
            log.warning("config reload (%s): the config comes from %s, which only a restart reads",
                        requested_by, source)
            return Reload(Outcome.FIXED, source)
        try:
            config = await asyncio.to_thread(self._source.load)
        except ConfigError as error:
            log.error("config reload (%s) refused, the running config stays: %s", requested_by, error)
            return Reload(Outcome.INVALID, source, reason=str(error))
        current = self._holder.current
        if restart := _changed(current, config, RESTART_ONLY) + _gap_warnings_changed(current, config):
            log.error("config reload (%s) refused, the running config stays: %s change only with a restart",
                      requested_by, ", ".join(restart))
            return Reload(Outcome.NEEDS_RESTART, source, sections=restart)
        changed = _changed(current, config, tuple(OperatorConfig.model_fields))
        if not changed:
            log.info("config reload (%s): %s unchanged", requested_by, source)
            return Reload(Outcome.UNCHANGED, source)
        await sync_directory(self._sessions, config)
        self._holder.replace(config)
        log.warning("config reloaded from %s (%s): %s changed", source, requested_by, ", ".join(changed))
        return Reload(Outcome.APPLIED, source, sections=changed)


def _changed(old: OperatorConfig, new: OperatorConfig, sections: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in sections if getattr(old, name) != getattr(new, name))


def _gap_warnings_changed(old: OperatorConfig, new: OperatorConfig) -> tuple[str, ...]:
    return (GAP_WARNINGS,) if old.on_call.gap_warnings != new.on_call.gap_warnings else ()
