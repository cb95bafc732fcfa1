"""SQLAlchemy 2 typed models: the bot's durable record of who said what and what was done."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator
from bot.policy.model import TicketStatus


def utcnow() -> datetime:
    """Default for created-at columns; domain code passes its own clock's time instead."""
    return datetime.now(timezone.utc)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite forgets the offset otherwise)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


# Named constraints: SQLite's batch migrations can only drop or alter constraints that have a name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON}


class Organisation(Base):
    """A customer organisation (or the MSP itself): one Azure AD tenant."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    is_msp: Mapped[bool] = mapped_column(default=False)


class Person(Base):
    """Anyone who chats with the bot: a customer's employee or a staff member."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    aad_object_id: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16))  # "customer" | "staff"
    role: Mapped[str | None] = mapped_column(String(16))  # staff: support | senior | management
    locale: Mapped[str | None] = mapped_column(String(16))

    organisation: Mapped[Organisation | None] = relationship()


class Conversation(Base):
    """A Teams conversation and the reference needed to write into it proactively."""

    __tablename__ = "conversations"

    id: Mapped[str] = mapped_column(String(512), primary_key=True)  # Bot Framework conversation id
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    channel_id: Mapped[str] = mapped_column(String(64))
    service_url: Mapped[str] = mapped_column(String(512))
    reference: Mapped[dict[str, Any]]  # serialised ConversationReference
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    language: Mapped[str | None] = mapped_column(String(8))  # the language the customer writes in, once known
    customer_state: Mapped[dict[str, Any] | None]  # the customer conversation's state (bot/services/customer)

    person: Mapped[Person | None] = relationship()


class Ticket(Base):
    """A support ticket: one covered problem reported by one customer."""

    __tablename__ = "tickets"
    __table_args__ = (
        # One taken-over ticket per customer chat: the chat's messages can go to one person only.
        Index(
            "uq_tickets_one_taken_over_per_conversation", "conversation_id", unique=True,
            sqlite_where=text("status = 'taken_over'"), postgresql_where=text("status = 'taken_over'"),
        ),
        # One held chat per staff member: their plain messages go to exactly one customer.
        Index(
            "uq_tickets_one_taken_over_per_holder", "holder_id", unique=True,
            sqlite_where=text("status = 'taken_over'"), postgresql_where=text("status = 'taken_over'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)  # e.g. "T-2026-0042"
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    conversation_id: Mapped[str | None] = mapped_column(ForeignKey("conversations.id"))
    intent: Mapped[str] = mapped_column(String(48))
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    product: Mapped[str | None] = mapped_column(String(100))
    affected: Mapped[str | None] = mapped_column(String(100))
    since: Mapped[str | None] = mapped_column(String(100))
    priority: Mapped[str] = mapped_column(String(4))  # P1 (emergency) .. P3
    emergency: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default=TicketStatus.OPEN.value, index=True)
    escalation_step: Mapped[int] = mapped_column(Integer, default=1)
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))  # staff who took over
    source_activity_id: Mapped[str | None] = mapped_column(String(256), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    step_since: Mapped[datetime | None]  # when the current escalation step began; None: created_at
    resolved_at: Mapped[datetime | None]
    paging_started_at: Mapped[datetime | None]  # an emergency out of hours: its page chain began
    unanswered_at: Mapped[datetime | None]  # every round of paging went unanswered; the customer was told
    resolution_note: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None]

    # Loaded with every ticket (one extra SELECT ... IN per query): asyncio allows no lazy loads, and
    # every view of a ticket names its organisation, reporter and who holds or acknowledged it.
    organisation: Mapped[Organisation] = relationship(lazy="selectin")
    reporter: Mapped[Person] = relationship(foreign_keys=[reporter_id], lazy="selectin")
    holder: Mapped[Person | None] = relationship(foreign_keys=[holder_id], lazy="selectin")
    acknowledged_by: Mapped[Person | None] = relationship(foreign_keys=[acknowledged_by_id], lazy="selectin")


class TranscriptMessage(Base):
    """Every message in and out, with who wrote it; the incoming activity id dedupes redelivery."""

    __tablename__ = "transcript_messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "direction", "activity_id"),
        Index("ix_transcript_messages_author_created", "author_person_id", "created_at"),  # the per-person limit
        Index("ix_transcript_messages_created_at", "created_at"),  # the retention purge
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(512), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    direction: Mapped[str] = mapped_column(String(8))  # "in" | "out"
    activity_id: Mapped[str | None] = mapped_column(String(256))
    activity_type: Mapped[str] = mapped_column(String(32), default="message")
    author_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    author_name: Mapped[str] = mapped_column(String(200), default="")
    relayed: Mapped[bool] = mapped_column(default=False)  # taken-over chat, no intent detection
    text: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any] | None]  # attachments / card values, when any
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None]  # the sender edited it; earlier versions are TranscriptRevisions
    deleted_at: Mapped[datetime | None]  # the sender deleted it; text, payload and revisions are redacted


class TranscriptRevision(Base):
    """An earlier version of an incoming message the sender edited; redacted with it when it is deleted."""

    __tablename__ = "transcript_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("transcript_messages.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any] | None]
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketNote(Base):
    """A staff member's note on a ticket: for colleagues, never shown to the customer."""

    __tablename__ = "ticket_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    author_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    author_name: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class EscalationEvent(Base):
    """One move up the SLA escalation chain: who, when, why."""

    __tablename__ = "escalation_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    from_step: Mapped[int]
    to_step: Mapped[int]
    trigger: Mapped[str] = mapped_column(String(16))  # customer | staff | automatic
    actor_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Page(Base):
    """One page of one staff member for one emergency ticket, and what became of it."""

    __tablename__ = "pages"
    # One page per place in the chain: two replicas resuming, or a timeout firing twice, page once.
    __table_args__ = (UniqueConstraint("ticket_id", "chain_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    staff_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    staff_object_id: Mapped[str] = mapped_column(String(64))
    chain_index: Mapped[int] = mapped_column(Integer, default=0)  # place in the page chain
    round: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[str] = mapped_column(String(16))  # on_call | backup | management
    status: Mapped[str] = mapped_column(String(16))  # sending | sent | acknowledged | timed_out | unreachable
    error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    acknowledged_at: Mapped[datetime | None]
    timed_out_at: Mapped[datetime | None]


class QuoteRequest(Base):
    """An accepted offer of paid work for something the SLA excludes."""

    __tablename__ = "quote_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    intent: Mapped[str] = mapped_column(String(48))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="new")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class OnCallOverride(Base):
    """A temporary on-call override set by staff; wins over the configured rota."""

    __tablename__ = "on_call_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_object_id: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    created_by_object_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(16), default="override", server_default="override")  # | swap | assigned


class ShiftOffer(Base):
    """A shift its on-call engineer offers to colleagues; the first to take it gets an override."""

    __tablename__ = "shift_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    offered_by_object_id: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | taken
    taken_by_object_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    taken_at: Mapped[datetime | None]


class OnCallChange(Base):
    """Every change to who is on call, with who made it and when: the schedule's audit trail."""

    __tablename__ = "on_call_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # override | offered | swap | assigned
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    from_object_id: Mapped[str | None] = mapped_column(String(64))  # on call before the change
    to_object_id: Mapped[str | None] = mapped_column(String(64))  # on call after it (None: only offered)
    by_object_id: Mapped[str] = mapped_column(String(64))
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("shift_offers.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class CalendarFeed(Base):
    """A secret calendar-feed token (only its SHA-256 is kept); revoked feeds answer 404."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    object_id: Mapped[str] = mapped_column(String(64), index=True)
    scope: Mapped[str] = mapped_column(String(16))  # personal | team
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class JobRun(Base):
    """A scheduled job that has run: with replicas sharing one job store, the first to insert runs it."""

    __tablename__ = "job_runs"

    key: Mapped[str] = mapped_column(String(512), primary_key=True)
    claimed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ConfigReload(Base):
    """A reload of the operator config that took effect on one replica; the other replicas follow it."""

    __tablename__ = "config_reloads"

    id: Mapped[int] = mapped_column(primary_key=True)
    requested_by: Mapped[str] = mapped_column(String(64))  # a staff member's object id, or "SIGHUP"
    reloaded_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketCounter(Base):
    """Per-year sequence for human-friendly ticket numbers, safe across replicas."""

    __tablename__ = "ticket_counters"

    year: Mapped[int] = mapped_column(primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class InboxActivity(Base):
    """An incoming activity, stored before the bot answers 2xx and marked done with its turn's effects.

    `pending` rows are turns still owed: after a crash, or one accepted while the turn could not
    run, any replica finishes them in arrival order per conversation.
    """

    __tablename__ = "inbox_activities"
    __table_args__ = (
        UniqueConstraint("conversation_id", "activity_key"),
        Index("ix_inbox_activities_pending", "status", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(512))
    activity_key: Mapped[str] = mapped_column(String(256))  # the activity id, or a digest when Teams sent none
    activity_type: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]]  # the activity as received (authenticated at the edge)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """One activity to deliver (reply, page, notice, relay, reminder), written with the change that causes it.

    The sender delivers in id order per conversation, retries transient failures with backoff and
    records the connector's activity id in the transcript once delivered. A message for a person
    (`recipient_object_id`) whose chat is unknown or gone is delivered in a newly opened 1:1 chat.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (
        Index("ix_outbox_messages_due", "status", "next_attempt_at"),
        Index("ix_outbox_messages_lane", "lane", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # reply | page | notice | relay
    lane: Mapped[str] = mapped_column(String(600))  # delivered in order within a lane: a chat, or a person
    conversation_id: Mapped[str | None] = mapped_column(String(512))
    recipient_object_id: Mapped[str | None] = mapped_column(String(64))
    tenant_id: Mapped[str | None] = mapped_column(String(64))
    service_url: Mapped[str] = mapped_column(String(512))
    activity: Mapped[dict[str, Any]]  # the Bot Framework activity to post
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id"))
    author_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    author_name: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | sending | delivered | failed | cancelled
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    opened_new_chat: Mapped[bool] = mapped_column(default=False)
    last_error: Mapped[str | None] = mapped_column(Text)
    activity_id: Mapped[str | None] = mapped_column(String(256))  # what the connector returned
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    lease_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))  # the sender (OutboxSenderBeat.id) working on it
    delivered_at: Mapped[datetime | None]


class CardPress(Base):
    """A card button press already acted on: the same card pressed again does nothing."""

    __tablename__ = "card_presses"

    conversation_id: Mapped[str] = mapped_column(String(512), primary_key=True)
    card_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pressed_at: Mapped[datetime] = mapped_column(default=utcnow)


class OutboxSenderBeat(Base):
    """A running sender's heartbeat: messages claimed by a sender that stopped beating (killed) go
    back to the queue at once, not only when their lease runs out."""

    __tablename__ = "outbox_senders"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(default=utcnow)
