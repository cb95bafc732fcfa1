"""The operator's config file: its schema, validated with pydantic, and the loader."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from bot.config.errors import ConfigError
from bot.config.ids import normal_guid
from bot.policy import DEFAULT_EXCLUDED_HANDLING, EXCLUDED_INTENTS, ExcludedHandling, Priority, Role

# Intents, roles, priorities and the excluded requests' handling are spelled once, by the policy.
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAY_NUMBERS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


_SHIFT_HOURS = re.compile(r"([1-9]\d{0,3})h")
NAMED_SHIFTS = {"daily": 24, "weekly": 7 * 24}


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("needs a UTC offset, e.g. 2026-11-23T17:00:00+01:00")
    return value


def _guid(value: object) -> object:
    """Teams sends lower-case GUIDs; an id typed in upper case or with braces must still match."""
    if not isinstance(value, str):
        return value
    normal = normal_guid(value)
    if normal is None:
        raise ValueError(f"{value!r} is not an Azure AD id (a GUID such as 6a1e1c2d-0000-4000-8000-000000000001)")
    return normal


AwareDatetime = Annotated[datetime, AfterValidator(_aware)]
ObjectId = Annotated[str, BeforeValidator(_guid), Field(min_length=36, max_length=36)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
# A number people dial or a gateway texts: digits, spaces, dashes, brackets, an optional leading +.
PhoneNumber = Annotated[str, Field(pattern=r"^\+?[0-9][0-9 ()\-]{4,22}[0-9]$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Msp(_Strict):
    name: Name
    contact_email: EmailStr
    tenant_id: ObjectId
    sales_contact: ObjectId | None = None
    emergency_phone: PhoneNumber | None = None  # given to a customer when nobody answered a page


class BusinessHoursConfig(_Strict):
    time_zone: str = "Europe/Amsterdam"
    weekdays: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    opens: time = time(9, 0)
    closes: time = time(17, 0)
    extra_closed_days: tuple[date, ...] = ()

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value

    @model_validator(mode="after")
    def _opens_before_closes(self) -> BusinessHoursConfig:
        if self.opens >= self.closes:
            raise ValueError("opens must be before closes")
        return self


class Customer(_Strict):
    tenant_id: ObjectId
    name: Name
    # Who sees whose tickets: `own` (default) each person their own; `organisation` also colleagues'
    # open tickets, by number and subject only (for status and for choosing one to escalate).
    ticket_visibility: Literal["own", "organisation"] = "own"


class StaffMember(_Strict):
    object_id: ObjectId
    name: Name
    role: Role
    email: EmailStr | None = None  # out-of-band pages by e-mail
    phone: PhoneNumber | None = None  # passed to the SMS or voice gateway


class RotaEntry(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    who: ObjectId
    starts: AwareDatetime = Field(alias="from")
    ends: AwareDatetime = Field(alias="to")

    @model_validator(mode="after")
    def _ordered(self) -> RotaEntry:
        if self.starts >= self.ends:
            raise ValueError("'from' must be before 'to'")
        return self


def _known_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {value!r}") from error
    return value


class Rotation(_Strict):
    """Participants take turns in this order; the first one's first shift starts at `hand_off`."""

    name: str = Field(min_length=1)
    participants: tuple[ObjectId, ...] = Field(min_length=1)
    shift: str = "weekly"  # daily | weekly | <N>h
    hand_off: datetime  # local wall time in time_zone (an offset, if given, is converted to it)
    time_zone: Annotated[str, AfterValidator(_known_zone)] | None = None  # default: business_hours.time_zone

    @field_validator("shift")
    @classmethod
    def _shift_length(cls, value: str) -> str:
        if value not in NAMED_SHIFTS and not _SHIFT_HOURS.fullmatch(value):
            raise ValueError("use daily, weekly or a number of hours such as 12h")
        return value

    @property
    def shift_hours(self) -> int:
        return NAMED_SHIFTS.get(self.shift) or int(self.shift[:-1])


class HoursWindow(_Strict):
    """A layer's hours: on these days (weekday names, or holiday) from `from` to `to`, local time."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    days: tuple[Weekday | Literal["holiday"], ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    starts: time = Field(default=time(0, 0), alias="from")
    ends: time = Field(default=time(0, 0), alias="to")


class Layer(_Strict):
    """A rotation in force during its hours; a later layer wins where layers overlap."""

    name: str = Field(min_length=1)
    rotation: str
    hours: tuple[HoursWindow, ...] = ()  # none: all the time


class GapWarnings(_Strict):
    days_ahead: int = Field(default=14, ge=1, le=60)
    daily_at: time = time(8, 0)


class OnCall(_Strict):
    backup: ObjectId
    rota: tuple[RotaEntry, ...] = ()
    rotations: tuple[Rotation, ...] = ()
    layers: tuple[Layer, ...] = ()
    gap_warnings: GapWarnings = GapWarnings()

    @model_validator(mode="after")
    def _names(self) -> OnCall:
        names = [rotation.name for rotation in self.rotations]
        if len(names) != len(set(names)):
            raise ValueError("rotations: a name is used twice")
        if len({layer.name for layer in self.layers}) != len(self.layers):
            raise ValueError("layers: a name is used twice")
        for index, layer in enumerate(self.layers):
            if layer.rotation not in names:
                raise ValueError(f"layers.{index}.rotation: no rotation is named {layer.rotation!r}")
        return self


class Timeouts(_Strict):
    acknowledge_minutes: int = Field(default=15, ge=1, le=24 * 60)
    page_rounds: int = Field(default=3, ge=1, le=10)
    escalate_after_hours: dict[Priority, float] = Field(
        default_factory=lambda: {Priority.P1: 4.0, Priority.P2: 16.0, Priority.P3: 40.0}
    )

    @field_validator("escalate_after_hours")
    @classmethod
    def _positive(cls, value: dict[str, float]) -> dict[str, float]:
        for priority, hours in value.items():
            if hours <= 0:
                raise ValueError(f"{priority} must be more than 0 hours")
        return value


class Nlu(_Strict):
    confidence_threshold: float = Field(default=0.55, gt=0.0, lt=1.0)


class Limits(_Strict):
    """Per person: more messages than this in a minute are stored but not acted on."""

    messages_per_minute: int = Field(default=20, ge=1, le=1000)


class DataProtection(_Strict):
    """AVG/GDPR: transcripts and attachment references older than the retention are purged daily.

    `retention_days: null` keeps everything (no purge job is scheduled).
    """

    retention_days: int | None = Field(default=365, ge=1, le=3650)
    purge_at: time = time(3, 30)


class OperatorConfig(_Strict):
    """Everything the MSP configures without touching code."""

    version: Literal[1] = 1
    msp: Msp
    business_hours: BusinessHoursConfig = BusinessHoursConfig()
    customers: tuple[Customer, ...]
    staff: tuple[StaffMember, ...]
    on_call: OnCall
    excluded_requests: dict[str, ExcludedHandling] = Field(
        default_factory=lambda: {str(intent): handling for intent, handling in DEFAULT_EXCLUDED_HANDLING.items()}
    )
    timeouts: Timeouts = Timeouts()
    nlu: Nlu = Nlu()
    limits: Limits = Limits()
    data_protection: DataProtection = DataProtection()

    @field_validator("excluded_requests")
    @classmethod
    def _only_excluded_intents(cls, value: dict[str, ExcludedHandling]) -> dict[str, ExcludedHandling]:
        unknown = sorted(set(value) - set(EXCLUDED_INTENTS))
        if unknown:
            raise ValueError(f"not an excluded intent: {', '.join(unknown)}")
        return {str(intent): value.get(intent, DEFAULT_EXCLUDED_HANDLING[intent]) for intent in sorted(EXCLUDED_INTENTS)}

    @model_validator(mode="after")
    def _cross_references(self) -> OperatorConfig:
        staff_ids = {member.object_id for member in self.staff}
        named = [("on_call.backup", self.on_call.backup)]
        named += [(f"on_call.rota.{i}.who", e.who) for i, e in enumerate(self.on_call.rota)]
        named += [
            (f"on_call.rotations.{i}.participants.{j}", who)
            for i, rotation in enumerate(self.on_call.rotations)
            for j, who in enumerate(rotation.participants)
        ]
        if self.msp.sales_contact:
            named.append(("msp.sales_contact", self.msp.sales_contact))
        for key, object_id in named:
            if object_id not in staff_ids:
                raise ValueError(f"{key}: {object_id} is not in the staff directory")
        tenants = [customer.tenant_id for customer in self.customers]
        if len(tenants) != len(set(tenants)):
            raise ValueError("customers: a tenant id is listed twice")
        if self.msp.tenant_id in tenants:
            raise ValueError("customers: the MSP's own tenant cannot be a customer")
        if not any(member.role is Role.MANAGEMENT for member in self.staff):
            raise ValueError("staff: at least one member needs the role management")
        return self

    def staff_member(self, object_id: str) -> StaffMember | None:
        wanted = normal_guid(object_id)
        return next((m for m in self.staff if m.object_id == wanted), None)

    def customer(self, tenant_id: str) -> Customer | None:
        wanted = normal_guid(tenant_id)
        return next((c for c in self.customers if c.tenant_id == wanted), None)


def load_operator_config(path: Path) -> OperatorConfig:
    """Read and validate the file; every error names the file and the bad key."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the operator config: {error.strerror}") from error
    return parse_operator_config(text, str(path))


def parse_operator_config(text: str, source: str) -> OperatorConfig:
    """Validate YAML text; every error names `source` (the file, or the environment variable) and the bad key."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigError(f"{source}: not valid YAML: {error}") from error
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: the operator config must be a mapping of keys")
    try:
        return OperatorConfig.model_validate(raw)
    except ValidationError as error:
        raise ConfigError(_describe(source, error)) from error


def _describe(source: str, error: ValidationError) -> str:
    lines = [f"{source}: invalid operator config"]
    for problem in error.errors():
        key = ".".join(str(part) for part in problem["loc"]) or "(top level)"
        lines.append(f"  {key}: {problem['msg']}")
    return "\n".join(lines)
