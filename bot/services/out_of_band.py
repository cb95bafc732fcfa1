"""Pages outside Teams (e-mail, an SMS or voice gateway) for when Teams cannot reach anyone.

Teams is part of Office 365, so an outage there is exactly when emergencies come. The pager
sends one page through every configured channel at once; a channel that fails or hangs is
logged and never keeps the others (or the page chain) waiting past the deadline.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from bot.config.operator import StaffMember
from bot.services.ack_links import AckLinks

log = logging.getLogger(__name__)
CHANNEL_DEADLINE = 60.0  # seconds: covers a channel's own retries; after this the channel is given up


class OutOfBandReason(StrEnum):
    """Why the page left Teams; the message says so, and the person knows Teams may be down."""

    TEAMS_UNREACHABLE = "teams_unreachable"  # nobody in the round could be reached in Teams
    ROUND_UNANSWERED = "round_unanswered"  # pages were delivered, but nobody acknowledged in time


@dataclass(frozen=True, slots=True)
class OutOfBandPage:
    """One page for one staff member, with everything a channel needs to write it."""

    ticket_number: str
    organisation: str
    reporter: str
    description: str
    staff_object_id: str
    staff_name: str
    staff_email: str | None
    language: str  # "nl" | "en"
    acknowledge_url: str | None
    reason: OutOfBandReason
    staff_phone: str | None = None  # the gateway needs it to text or call


class OutOfBandChannel(Protocol):
    """One way out: True when the far end accepted the page; False when it refused or had no
    address to use. May raise; the pager logs it."""

    name: str

    async def send(self, page: OutOfBandPage) -> bool: ...


class OutOfBandPager:
    """Every configured channel, concurrently; the page counts as out when one accepted it."""

    def __init__(
        self, channels: Sequence[OutOfBandChannel], *, links: AckLinks | None = None,
        deadline: float = CHANNEL_DEADLINE,
    ):
        self._channels, self._links, self._deadline = tuple(channels), links, deadline

    @property
    def channel_names(self) -> tuple[str, ...]:
        return tuple(channel.name for channel in self._channels)

    def compose(
        self, *, ticket_number: str, organisation: str, reporter: str, description: str,
        staff: StaffMember, language: str, reason: OutOfBandReason,
    ) -> OutOfBandPage:
        """The page for one staff member from the directory, with a fresh acknowledge link."""
        url = self._links.url_for(ticket_number, staff.object_id) if self._links else None
        return OutOfBandPage(
            ticket_number=ticket_number, organisation=organisation, reporter=reporter,
            description=description, staff_object_id=staff.object_id, staff_name=staff.name,
            staff_email=staff.email, language=language, acknowledge_url=url, reason=reason,
            staff_phone=staff.phone,
        )

    async def page(self, page: OutOfBandPage) -> bool:
        """Never raises for a channel's sake: each failure is logged, the others go on."""
        results = await asyncio.gather(*(self._send(channel, page) for channel in self._channels))
        if not any(results):
            log.error("EMERGENCY %s: no out-of-band channel reached %s", page.ticket_number, page.staff_object_id)
        return any(results)

    async def _send(self, channel: OutOfBandChannel, page: OutOfBandPage) -> bool:
        try:
            async with asyncio.timeout(self._deadline):
                accepted = await channel.send(page)
        except TimeoutError:
            log.warning("out-of-band %s for %s gave no answer in %ss", channel.name, page.ticket_number, self._deadline)
            return False
        except Exception:
            log.exception("out-of-band %s for %s failed", channel.name, page.ticket_number)
            return False
        log.info(
            "out-of-band %s for %s to %s: %s", channel.name, page.ticket_number, page.staff_object_id,
            "accepted" if accepted else "not sent",
        )
        return accepted
