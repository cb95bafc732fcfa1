"""The escalation chain (SLA section 5) and automatic escalation of unresolved tickets."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policy import (
    REPEAT_WINDOW,
    STEPS,
    AlreadyEscalated,
    AlreadyAtFinalStep,
    BusinessCalendar,
    DueEscalation,
    EscalationRules,
    Priority,
    TicketStatus,
    TicketSummary,
    due_escalations,
    escalation_due_at,
    escalation_of,
    next_step,
    notify_roles,
    recently_escalated,
)

AMS = ZoneInfo("Europe/Amsterdam")
CAL = BusinessCalendar()
RULES = EscalationRules(
    after={Priority.P1: timedelta(hours=4), Priority.P2: timedelta(hours=16),
           Priority.P3: timedelta(hours=40)},
)  # fmt: skip


def ams(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def ticket(
    number: str,
    priority: Priority,
    opened: datetime,
    step: int = 1,
    step_since: datetime | None = None,
    status: TicketStatus = TicketStatus.OPEN,
) -> TicketSummary:
    return TicketSummary(number, "email_problem", status, step, priority, opened, step_since)


@pytest.mark.parametrize(("current", "expected"), [(1, 2), (2, 3)])
def test_next_step(current: int, expected: int) -> None:
    assert next_step(current) == expected


def test_escalating_beyond_mediation_is_a_domain_error() -> None:
    with pytest.raises(AlreadyAtFinalStep):
        next_step(3)


@pytest.mark.parametrize("bogus", [0, 4, -1])
def test_steps_outside_the_chain_are_rejected(bogus: int) -> None:
    with pytest.raises(ValueError):
        next_step(bogus)


def test_who_is_notified_at_each_step() -> None:
    assert notify_roles(1) == {"support"}
    assert notify_roles(2) == {"senior", "management"}
    assert notify_roles(3) == {"management"}
    assert [s.offers_take_over for s in STEPS.values()] == [False, True, False]


def test_p1_escalates_after_four_wall_clock_hours_even_at_night() -> None:
    night = ticket("1", Priority.P1, ams(2026, 11, 28, 2, 0))  # Saturday 02:00
    assert escalation_due_at(night, RULES, CAL) == ams(2026, 11, 28, 6, 0)
    assert due_escalations([night], ams(2026, 11, 28, 5, 59), RULES, CAL) == ()
    assert due_escalations([night], ams(2026, 11, 28, 6, 0), RULES, CAL) == (
        DueEscalation("1", 1, 2, frozenset({"senior", "management"})),
    )


def test_p3_counts_business_hours_so_friday_afternoon_is_not_escalated_at_the_weekend() -> None:
    friday = ticket("3", Priority.P3, ams(2026, 11, 27, 16, 30))
    assert escalation_due_at(friday, RULES, CAL) == ams(2026, 12, 4, 16, 30)
    assert due_escalations([friday], ams(2026, 11, 29, 16, 30), RULES, CAL) == ()
    assert len(due_escalations([friday], ams(2026, 12, 4, 16, 30), RULES, CAL)) == 1


def test_the_clock_restarts_at_each_step() -> None:
    moved = ticket("2", Priority.P1, ams(2026, 11, 30, 0, 0), step=2,
                   step_since=ams(2026, 11, 30, 4, 0))  # fmt: skip
    assert due_escalations([moved], ams(2026, 11, 30, 7, 59), RULES, CAL) == ()
    due = due_escalations([moved], ams(2026, 11, 30, 8, 0), RULES, CAL)
    assert due == (DueEscalation("2", 2, 3, frozenset({"management"})),)


def test_resolved_final_step_and_unlimited_tickets_never_escalate() -> None:
    long_ago = ams(2026, 1, 5, 10, 0)
    tickets = [
        ticket("r", Priority.P1, long_ago, status=TicketStatus.RESOLVED),
        ticket("m", Priority.P1, long_ago, step=3),
        ticket("x", Priority.P3, long_ago),
    ]
    only_p1 = EscalationRules(after={Priority.P1: timedelta(hours=1)})
    assert due_escalations(tickets, ams(2026, 11, 30, 10, 0), only_p1, CAL) == ()


def test_a_long_overdue_ticket_moves_one_step_only() -> None:
    overdue = ticket("o", Priority.P1, ams(2026, 1, 5, 10, 0))
    assert due_escalations([overdue], ams(2026, 11, 30, 10, 0), RULES, CAL)[0].to_step == 2


def test_wall_clock_only_rules_need_no_calendar() -> None:
    rules = EscalationRules(
        after={Priority.P3: timedelta(hours=2)}, business_hours_only=frozenset()
    )
    utc_ticket = ticket("u", Priority.P3, datetime(2026, 11, 28, 1, 0, tzinfo=UTC))
    now = datetime(2026, 11, 28, 4, 0, tzinfo=AMS)  # 03:00 UTC
    assert [d.ticket_number for d in due_escalations([utc_ticket], now, rules)] == ["u"]


def test_business_hours_rules_without_a_calendar_are_an_error() -> None:
    with pytest.raises(ValueError):
        due_escalations(
            [ticket("p", Priority.P3, ams(2026, 11, 2, 9, 0))], ams(2026, 11, 30, 9, 0), RULES
        )


def test_invalid_rules_and_tickets_are_rejected() -> None:
    with pytest.raises(ValueError):
        EscalationRules(after={Priority.P1: timedelta(0)})
    with pytest.raises(ValueError):
        ticket("n", Priority.P1, datetime(2026, 11, 30, 10, 0))
    with pytest.raises(ValueError):
        ticket("s", Priority.P1, ams(2026, 11, 30, 10, 0), step=4)
    with pytest.raises(ValueError):
        due_escalations([], datetime(2026, 11, 30, 10, 0), RULES, CAL)


# --- a repeated request soon after a step change is not a new step ---

MOVED_UP = ams(2026, 11, 26, 10, 0)

# step, moved up at, asked at -> a repeat (nothing moves)
REPEATS = [
    pytest.param(2, MOVED_UP, MOVED_UP + timedelta(seconds=5), True, id="seconds-later"),
    pytest.param(2, MOVED_UP, MOVED_UP + timedelta(minutes=59), True, id="within-the-hour"),
    pytest.param(2, MOVED_UP, MOVED_UP + timedelta(hours=1), False, id="an-hour-later"),
    pytest.param(3, MOVED_UP, MOVED_UP + timedelta(minutes=5), True, id="mediation-just-now"),
    pytest.param(1, MOVED_UP, MOVED_UP + timedelta(minutes=5), False, id="never-escalated"),
    pytest.param(2, None, MOVED_UP + timedelta(minutes=5), False, id="moment-unknown"),
]


@pytest.mark.parametrize(("step", "moved_up", "asked", "repeat"), REPEATS)
def test_a_request_within_the_repeat_window_is_a_repeat(
    step: int, moved_up: datetime | None, asked: datetime, repeat: bool
) -> None:
    summary = ticket("T-1", Priority.P3, MOVED_UP - timedelta(hours=3), step=step, step_since=moved_up)
    assert recently_escalated(summary, asked) is repeat
    decision = escalation_of(summary, asked)
    if repeat:
        assert isinstance(decision, AlreadyEscalated)
        assert (decision.step, decision.since) == (step, moved_up)
    else:
        assert not isinstance(decision, AlreadyEscalated)


def test_the_repeat_window_is_an_hour() -> None:
    assert REPEAT_WINDOW == timedelta(hours=1)
