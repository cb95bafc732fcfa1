"""The authorisation table of the staff commands: every action for every role, and each denial."""

import pytest

from bot.policy.model import TicketStatus
from bot.policy.staff_rights import (
    Denial,
    StaffAction,
    TicketFacts,
    Verdict,
    may,
    permitted_actions,
)

ME = "aad-me"
OTHER = "aad-other"
ROLES = ("support", "senior", "management")
TICKET_ACTIONS = (
    StaffAction.SHOW,
    StaffAction.ACKNOWLEDGE,
    StaffAction.TAKE_OVER,
    StaffAction.HAND_BACK,
    StaffAction.RESOLVE,
    StaffAction.ESCALATE,
    StaffAction.NOTE,
)
TICKETLESS = tuple(action for action in StaffAction if action not in TICKET_ACTIONS)

OK = None
ROLE, HELD, NOT_HOLDER, FINAL = (
    Denial.ROLE, Denial.HELD_BY_OTHER, Denial.NOT_HOLDER, Denial.FINAL_STEP,
)  # fmt: skip
A = StaffAction

Expected = Denial | None
Row = tuple[StaffAction, int | None, str | None, Expected, Expected, Expected]

# An open ticket at `step`, held by `holder` (None: nobody). step None: no ticket at all.
TABLE: list[Row] = [
    # action,      step, holder, support,   senior,     management
    (A.HELP,       None, None,   OK,        OK,         OK),
    (A.QUEUE,      None, None,   OK,        OK,         OK),
    (A.ON_CALL,    None, None,   OK,        OK,         OK),
    (A.OVERRIDE,   None, None,   ROLE,      OK,         OK),
    (A.CALENDAR,   None, None,   OK,        OK,         OK),
    (A.TEAM_CALENDAR, None, None, ROLE,     ROLE,       OK),
    (A.OFFER_SHIFT, None, None,  OK,        OK,         OK),
    (A.TAKE_SHIFT, None, None,   OK,        OK,         OK),
    (A.ASSIGN_SHIFT, None, None, ROLE,      ROLE,       OK),
    (A.EXPORT,     None, None,   ROLE,      ROLE,       OK),
    (A.ERASE,      None, None,   ROLE,      ROLE,       OK),
    (A.RELOAD_CONFIG, None, None, ROLE,     ROLE,       OK),
    (A.SHOW,       1,    None,   OK,        OK,         OK),
    (A.SHOW,       3,    OTHER,  OK,        OK,         OK),
    (A.ACKNOWLEDGE, 1,   None,   OK,        OK,         OK),
    (A.ACKNOWLEDGE, 2,   OTHER,  OK,        OK,         OK),
    (A.ACKNOWLEDGE, 3,   None,   OK,        OK,         OK),
    (A.NOTE,       1,    None,   OK,        OK,         OK),
    (A.NOTE,       2,    OTHER,  OK,        OK,         OK),
    (A.NOTE,       3,    ME,     OK,        OK,         OK),
    (A.TAKE_OVER,  1,    None,   OK,        OK,         OK),
    (A.TAKE_OVER,  2,    None,   ROLE,      OK,         OK),
    (A.TAKE_OVER,  3,    None,   ROLE,      OK,         OK),
    (A.TAKE_OVER,  1,    ME,     OK,        OK,         OK),
    (A.TAKE_OVER,  2,    ME,     OK,        OK,         OK),
    (A.TAKE_OVER,  1,    OTHER,  HELD,      HELD,       HELD),
    (A.TAKE_OVER,  2,    OTHER,  HELD,      HELD,       HELD),
    (A.TAKE_OVER,  3,    OTHER,  HELD,      HELD,       HELD),
    (A.HAND_BACK,  1,    None,   NOT_HOLDER, NOT_HOLDER, NOT_HOLDER),
    (A.HAND_BACK,  2,    None,   NOT_HOLDER, NOT_HOLDER, NOT_HOLDER),
    (A.HAND_BACK,  1,    ME,     OK,        OK,         OK),
    (A.HAND_BACK,  2,    ME,     OK,        OK,         OK),
    (A.HAND_BACK,  1,    OTHER,  NOT_HOLDER, NOT_HOLDER, OK),
    (A.HAND_BACK,  3,    OTHER,  NOT_HOLDER, NOT_HOLDER, OK),
    (A.RESOLVE,    1,    None,   OK,        OK,         OK),
    (A.RESOLVE,    2,    None,   ROLE,      OK,         OK),
    (A.RESOLVE,    3,    None,   ROLE,      OK,         OK),
    (A.RESOLVE,    1,    ME,     OK,        OK,         OK),
    (A.RESOLVE,    2,    ME,     OK,        OK,         OK),
    (A.RESOLVE,    3,    ME,     OK,        OK,         OK),
    (A.RESOLVE,    1,    OTHER,  HELD,      HELD,       OK),
    (A.RESOLVE,    2,    OTHER,  HELD,      HELD,       OK),
    (A.ESCALATE,   1,    None,   OK,        OK,         OK),
    (A.ESCALATE,   1,    OTHER,  OK,        OK,         OK),
    (A.ESCALATE,   2,    None,   ROLE,      OK,         OK),
    (A.ESCALATE,   2,    ME,     ROLE,      OK,         OK),
    (A.ESCALATE,   3,    None,   FINAL,     FINAL,      FINAL),
    (A.ESCALATE,   3,    ME,     FINAL,     FINAL,      FINAL),
]  # fmt: skip


def open_ticket(step: int, holder: str | None = None) -> TicketFacts:
    return TicketFacts(TicketStatus.OPEN, step, holder)


def resolved_ticket(step: int = 1, holder: str | None = None) -> TicketFacts:
    return TicketFacts(TicketStatus.RESOLVED, step, holder)


def table_cases() -> list[object]:
    cases = []
    for action, step, holder, *expected in TABLE:
        ticket = None if step is None else open_ticket(step, holder)
        for role, denial in zip(ROLES, expected, strict=True):
            case_id = f"{action}-step{step}-held_by_{holder}-{role}"
            cases.append(pytest.param(role, action, ticket, denial, id=case_id))
    return cases


@pytest.mark.parametrize(("role", "action", "ticket", "denial"), table_cases())
def test_the_table(
    role: str, action: StaffAction, ticket: TicketFacts | None, denial: Denial | None
) -> None:
    verdict = may(role, action, ME, ticket)
    assert verdict == Verdict(denial)
    assert verdict.allowed is (denial is None)


def test_the_table_covers_every_action_for_every_role() -> None:
    assert {row[0] for row in TABLE} == set(StaffAction)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", [a for a in TICKET_ACTIONS if a != StaffAction.SHOW])
@pytest.mark.parametrize(("step", "holder"), [(1, None), (2, ME), (3, OTHER)])
def test_a_resolved_ticket_refuses_every_ticket_action_but_show(
    role: str, action: StaffAction, step: int, holder: str | None
) -> None:
    assert may(role, action, ME, resolved_ticket(step, holder)).denial == Denial.RESOLVED


@pytest.mark.parametrize("role", ROLES)
def test_show_works_on_a_resolved_ticket(role: str) -> None:
    assert may(role, StaffAction.SHOW, ME, resolved_ticket(3, OTHER)).allowed


@pytest.mark.parametrize("role", ["", "admin", "Management", "SUPPORT", "customer"])
@pytest.mark.parametrize("action", list(StaffAction))
def test_an_unknown_role_may_do_nothing(role: str, action: StaffAction) -> None:
    for ticket in (open_ticket(1), open_ticket(1, ME), resolved_ticket()):
        assert may(role, action, ME, ticket).denial == Denial.ROLE


@pytest.mark.parametrize("role", [*ROLES, "admin"])
@pytest.mark.parametrize("action", TICKET_ACTIONS)
def test_a_ticket_action_without_its_ticket_is_a_programming_error(
    role: str, action: StaffAction
) -> None:
    with pytest.raises(ValueError, match=str(action)):
        may(role, action, ME)


@pytest.mark.parametrize("action", TICKETLESS)
def test_actions_without_a_ticket_ignore_one_that_is_passed(action: StaffAction) -> None:
    assert may("management", action, ME, resolved_ticket(3, OTHER)).allowed
    assert may("support", action, ME, resolved_ticket()) == may("support", action, ME)


def test_the_verdict_is_allowed_only_without_a_denial() -> None:
    assert Verdict().allowed
    assert not any(Verdict(denial).allowed for denial in Denial)


@pytest.mark.parametrize("step", [0, 4, -1])
def test_ticket_facts_reject_steps_outside_the_chain(step: int) -> None:
    with pytest.raises(ValueError, match="escalation_step"):
        TicketFacts(TicketStatus.OPEN, step, None)


MANAGEMENT_ONLY = {A.TEAM_CALENDAR, A.ASSIGN_SHIFT, A.EXPORT, A.ERASE, A.RELOAD_CONFIG}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("support", tuple(a for a in StaffAction if a not in {A.OVERRIDE, *MANAGEMENT_ONLY})),
        ("senior", tuple(a for a in StaffAction if a not in MANAGEMENT_ONLY)),
        ("management", tuple(StaffAction)),
        ("admin", ()),
        ("", ()),
    ],
)
def test_permitted_actions_per_role(role: str, expected: tuple[StaffAction, ...]) -> None:
    assert permitted_actions(role) == expected
