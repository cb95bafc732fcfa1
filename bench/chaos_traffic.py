"""Customers and the on-call engineer, played the way Teams plays them: activities posted to any replica.

The channel redelivers an activity (same id) when a replica refuses it, drops the connection or
does not answer within Teams' 15 seconds; what a replica answered 2xx counts as accepted.
"""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.texts import en, nl
from fakes import activities
from fakes.chaos_config import ChaosCustomer
from fakes.connector import Sent
from fakes.faulty_connector import FaultyConnector
from fakes.people import ANNA
from fakes.replicas import Replica

EMERGENCIES = (
    "Niemand op kantoor kan nog inloggen, alles van Office 365 ligt plat",
    "Niemand kan meer mailen of inloggen, alles ligt plat",
    "Spoed: niemand in ons bedrijf kan nog inloggen op Office 365",
)
FOLLOW_UP = "Het hele bedrijf ligt nog steeds plat, niemand kan inloggen"  # the same emergency again: no new page
ORDINARY = ("hallo", "bedankt", "wat zijn jullie openingstijden?", "mijn OneDrive synchroniseert niet meer")
TEAMS_TIMEOUT_S = 15.0


@dataclass
class Delivery:
    """One activity a person sent, and what became of it at the channel."""

    activity_id: str
    conversation_id: str
    who: str  # the customer's organisation, or the staff member's name
    text: str
    emergency: bool
    first_try: float
    accepted_at: float | None = None
    outcomes: list[str] = field(default_factory=list)
    staff: bool = False


class Channel:
    """Posts activities to a random replica, redelivering until one answers 2xx or `give_up_after` passes."""

    def __init__(self, session: aiohttp.ClientSession, replicas: Sequence[Replica], rng: random.Random,
                 *, give_up_after: float = 90.0):
        self.session, self.replicas, self.rng, self.give_up_after = session, replicas, rng, give_up_after
        self.deliveries: list[Delivery] = []

    async def deliver(self, activity: dict[str, Any], *, who: str, emergency: bool = False,
                      staff: bool = False) -> Delivery:
        delivery = Delivery(activity["id"], activity["conversation"]["id"], who, activity.get("text") or "",
                            emergency, time.monotonic(), staff=staff)
        self.deliveries.append(delivery)
        while time.monotonic() - delivery.first_try < self.give_up_after:
            outcome = await self._post(self.rng.choice(self.replicas), activity)
            delivery.outcomes.append(outcome)
            if outcome.startswith("2"):
                delivery.accepted_at = time.monotonic()
                return delivery
            await asyncio.sleep(self.rng.uniform(0.5, 1.5))
        return delivery

    async def _post(self, replica: Replica, activity: dict[str, Any]) -> str:
        try:
            async with self.session.post(f"{replica.url}/api/messages", json=activity,
                                         timeout=aiohttp.ClientTimeout(total=TEAMS_TIMEOUT_S)) as response:
                return str(response.status)
        except TimeoutError:
            return "timeout"
        except aiohttp.ClientError as error:
            return type(error).__name__


def replies_to(connector: FaultyConnector, activity_id: str) -> list[Sent]:
    """What the connector accepted as an answer to this activity (Teams threads replies by replyToId)."""
    return [s for s in connector.messages() if s.body.get("replyToId") == activity_id
            or s.path.endswith(f"/activities/{activity_id}")]


def answers_to(connector: FaultyConnector, activity_id: str) -> list[Sent]:
    """Replies other than the turn-error apology ("Sorry, something went wrong"): the message was handled."""
    return [s for s in replies_to(connector, activity_id) if not s.text.startswith(_APOLOGIES)]


def _apologies() -> tuple[str, ...]:
    catalogues = (nl.TEXTS, en.TEXTS)
    return tuple(c["turn_error"].split("{")[0] for c in catalogues if c.get("turn_error"))


_APOLOGIES = _apologies()


async def wait_for_reply(connector: FaultyConnector, activity_id: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not replies_to(connector, activity_id):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.2)
    return True


def script_for(rng: random.Random, emergency: bool) -> list[tuple[str, bool]]:
    """A customer's messages: a few ordinary ones, or an emergency between a greeting and a follow-up."""
    if emergency:
        return [("hallo", False), (rng.choice(EMERGENCIES), True), (FOLLOW_UP, False)][rng.randrange(2):]
    return [(text, False) for text in rng.sample(ORDINARY, k=rng.randint(2, 3))]


async def customer(channel: Channel, connector: FaultyConnector, who: ChaosCustomer,
                   script: list[tuple[str, bool]], *, start_after: float) -> None:
    """Sends the script in order, each after the previous answer (or after waiting 5 s for it)."""
    await asyncio.sleep(start_after)
    for text, emergency in script:
        delivery = await channel.deliver(activities.message(who.user, connector.url, text),
                                         who=who.organisation, emergency=emergency)
        await wait_for_reply(connector, delivery.activity_id, timeout=5.0)
        await asyncio.sleep(channel.rng.uniform(0.2, 1.5))


class OnCall:
    """ANNA, on call: presses the acknowledge button of every page she gets, again if nothing confirms it."""

    def __init__(self, channel: Channel, connector: FaultyConnector):
        self.channel, self.connector = channel, connector
        self.acknowledged: dict[str, float] = {}  # page button value -> when the bot confirmed the press
        self._pressing: dict[str, asyncio.Task[None]] = {}

    def conversations(self) -> set[str]:
        return {ANNA.conversation_id} | self.connector.conversations_of(ANNA.channel_account_id, ANNA.object_id)

    def pages(self) -> list[tuple[Sent, float]]:
        """Accepted messages in ANNA's chats that carry an acknowledge button."""
        mine = self.conversations()
        return [(s, at) for s, at in _all_pages(self.connector) if s.conversation_id in mine]

    def pages_to_others(self) -> list[tuple[Sent, float]]:
        """Pages the chain sent past the on-call engineer (backup, management)."""
        mine = self.conversations()
        return [(s, at) for s, at in _all_pages(self.connector) if s.conversation_id not in mine]

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            for page, _ in self.pages():
                value = _ack_value(page)
                key = json.dumps(value, sort_keys=True)
                if value and key not in self._pressing:
                    self._pressing[key] = asyncio.create_task(self._acknowledge(value, key))
            await asyncio.sleep(0.5)
        for task in self._pressing.values():
            task.cancel()
        await asyncio.gather(*self._pressing.values(), return_exceptions=True)

    async def _acknowledge(self, value: dict[str, Any], key: str) -> None:
        await asyncio.sleep(self.channel.rng.uniform(1.0, 4.0))  # a person reads before pressing
        for _ in range(3):
            submit = activities.card_submit(ANNA, self.connector.url, value)
            delivery = await self.channel.deliver(submit, who=ANNA.name, staff=True)
            if delivery.accepted_at and await wait_for_reply(self.connector, delivery.activity_id, 20.0):
                self.acknowledged[key] = time.monotonic()
                return


def _all_pages(connector: FaultyConnector) -> list[tuple[Sent, float]]:
    return [(s, at) for s, at in connector.accepted() if s.body.get("type") == "message" and _ack_value(s)]


def _ack_value(sent: Sent) -> dict[str, Any] | None:
    """The data of the card button that acknowledges (its value starts with 'ack')."""
    for card in sent.cards:
        for action in card.get("actions") or []:
            data = action.get("data") or {}
            if any(isinstance(v, str) and v.lower().startswith("ack") for v in data.values()):
                return data
    return None
