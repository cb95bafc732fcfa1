"""The chaos run's figures, counted from what the harness sent, what the fake connector accepted, and the
transcript table: the bot cannot make them look better than they are.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import NullPool, create_engine, text
from sqlalchemy.engine import make_url

from bench.chaos_traffic import Delivery, answers_to, replies_to
from fakes.connector import Sent
from fakes.faulty_connector import FaultyConnector


@dataclass
class Figures:
    """Everything the run prints; `misses` says which targets were missed."""

    emergencies_reported: int = 0
    paged_once: int = 0
    lost_emergencies: list[str] = field(default_factory=list)
    doubled_emergencies: list[str] = field(default_factory=list)
    late_emergencies: list[str] = field(default_factory=list)
    longest_delay_s: float | None = None
    allowed_after_faults_s: float = 0.0
    messages_sent: int = 0
    not_accepted: list[str] = field(default_factory=list)
    not_in_transcript: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)
    doubled_replies: list[str] = field(default_factory=list)
    unexpected_pages: list[str] = field(default_factory=list)
    pages_to_others: int = 0  # the chain moved past the on-call engineer: information, not a target

    @property
    def lost_messages(self) -> set[str]:
        return {*self.not_accepted, *self.not_in_transcript, *self.unanswered}

    def misses(self) -> list[str]:
        checks = {
            "emergencies lost": self.lost_emergencies, "emergencies paged more than once": self.doubled_emergencies,
            "emergencies paged late": self.late_emergencies, "messages lost": sorted(self.lost_messages),
            "replies doubled": self.doubled_replies,
        }
        return [f"{name}: {len(items)} ({', '.join(items[:5])})" for name, items in checks.items() if items]

    def lines(self) -> list[str]:
        delay = "none" if self.longest_delay_s is None else f"{self.longest_delay_s:.1f} s"
        return [
            f"emergencies reported        {self.emergencies_reported}",
            f"  paged exactly once        {self.paged_once}",
            f"  lost                      {len(self.lost_emergencies)}",
            f"  doubled                   {len(self.doubled_emergencies)}",
            f"  paged late                {len(self.late_emergencies)}"
            f" (allowed: ack timeout + 60 s = {self.allowed_after_faults_s:.0f} s after the faults end)",
            f"  longest report -> page    {delay}",
            f"messages sent               {self.messages_sent}",
            f"  lost                      {len(self.lost_messages)} (not accepted {len(self.not_accepted)},"
            f" not in the transcript {len(self.not_in_transcript)}, unanswered or only apologised for"
            f" {len(self.unanswered)})",
            f"  replies doubled           {len(self.doubled_replies)}",
            f"pages for no emergency      {len(self.unexpected_pages)}",
            f"pages past the on-call      {self.pages_to_others} (backup, management; not a target)",
        ]


def tally(deliveries: list[Delivery], pages: list[tuple[Sent, float]], connector: FaultyConnector,
          transcript_in: set[str], *, deadline: float, allowed_after_faults_s: float) -> Figures:
    """Compare what customers sent with what reached the on-call engineer and the customers."""
    figures = Figures(allowed_after_faults_s=allowed_after_faults_s)
    sent = [d for d in deliveries if not d.staff]
    _tally_emergencies(figures, sent, pages, deadline)
    figures.messages_sent = len(sent)
    for delivery in sent:
        label = f"{delivery.who}: {delivery.text[:30]!r} ({delivery.activity_id})"
        if delivery.accepted_at is None:
            figures.not_accepted.append(label)
        if delivery.activity_id not in transcript_in:
            figures.not_in_transcript.append(label)
        if not answers_to(connector, delivery.activity_id):
            figures.unanswered.append(label)
        replies = replies_to(connector, delivery.activity_id)
        if any(n > 1 for n in Counter(content_of(s) for s in replies).values()):
            figures.doubled_replies.append(label)
    return figures


def _tally_emergencies(figures: Figures, sent: list[Delivery], pages: list[tuple[Sent, float]],
                       deadline: float) -> None:
    reports = {d.who: d for d in reversed(sent) if d.emergency}  # the first report per customer
    figures.emergencies_reported = len(reports)
    delays = []
    for who, report in reports.items():
        times = [at for page, at in pages if who in content_of(page)]
        if not times:
            figures.lost_emergencies.append(who)
            continue
        figures.paged_once += len(times) == 1
        if len(times) > 1:
            figures.doubled_emergencies.append(who)
        if min(times) > deadline:
            figures.late_emergencies.append(who)
        delays.append(min(times) - report.first_try)
    figures.longest_delay_s = max(delays, default=None)
    customers = {d.who for d in sent}
    figures.unexpected_pages = sorted({
        who for who in customers - reports.keys() for page, _ in pages if who in content_of(page)
    })


def content_of(sent: Sent) -> str:
    return sent.text + json.dumps(sent.cards, sort_keys=True, ensure_ascii=False)


async def inbound_activity_ids(database_url: str) -> set[str]:
    """Activity ids of the customer messages the transcript table holds (read directly, not via the bot)."""
    url = make_url(database_url)
    if url.drivername.startswith("postgresql"):
        url = url.set(drivername="postgresql+psycopg")

    def read() -> set[str]:
        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as connection:
                query = text("SELECT activity_id FROM transcript_messages WHERE direction = 'in'")
                return {row[0] for row in connection.execute(query) if row[0]}
        finally:
            engine.dispose()

    return await asyncio.to_thread(read)
