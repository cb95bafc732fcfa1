"""Emergency and priority as impact x urgency, in two explicit tables.

Why: "DRINGEND!!!" from one person is urgency without impact and must not page
anyone at night, while "de klanten krijgen onze mail terug" is impact without a
single alarm word. Impact comes from who is affected and what is at stake;
urgency only moves a ticket within its impact, never into an emergency.

IMPACT (stake down, who is affected across):

    stake \\ affected  one       several   team      organisation  customers
    none              low       low       low       low           low
    degraded          low       medium    high      high          high
    blocked           medium    high      critical  critical      critical
    data_loss         critical  critical  critical  critical      critical
    security          critical  critical  critical  critical      critical

DECISION (impact down, urgency across):

    impact \\ urgency  normal         urgent
    low               P3             P3
    medium            P3             P2
    high              P2             P2
    critical          P1 emergency   P1 emergency

"blocked" means people cannot work (cannot send, sign in, call, open files);
"degraded" means it works badly (slow, delayed, duplicated); "data_loss" is
loss under way (files vanishing now); "security" is a compromise. A team is a
department or a group that works as one (the call centre, sales); customers
means the organisation's own customers, patients or pupils cannot reach it.
"""

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from bot.policy.model import Priority


class Affected(StrEnum):
    """How many are affected, smallest first."""

    ONE = "one"
    SEVERAL = "several"
    TEAM = "team"
    ORGANISATION = "organisation"
    CUSTOMERS = "customers"


class Stake(StrEnum):
    """What is at stake, least first."""

    NONE = "none"
    DEGRADED = "degraded"
    BLOCKED = "blocked"
    DATA_LOSS = "data_loss"
    SECURITY = "security"


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class Impact(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4


_L, _M, _H, _C = Impact.LOW, Impact.MEDIUM, Impact.HIGH, Impact.CRITICAL
_COLUMNS = (Affected.ONE, Affected.SEVERAL, Affected.TEAM, Affected.ORGANISATION, Affected.CUSTOMERS)
_ROWS: dict[Stake, tuple[Impact, ...]] = {
    Stake.NONE: (_L, _L, _L, _L, _L),
    Stake.DEGRADED: (_L, _M, _H, _H, _H),
    Stake.BLOCKED: (_M, _H, _C, _C, _C),
    Stake.DATA_LOSS: (_C, _C, _C, _C, _C),
    Stake.SECURITY: (_C, _C, _C, _C, _C),
}
IMPACT: dict[tuple[Stake, Affected], Impact] = {
    (stake, affected): row[i] for stake, row in _ROWS.items() for i, affected in enumerate(_COLUMNS)
}
DECISION: dict[tuple[Impact, Urgency], Priority] = {
    (_L, Urgency.NORMAL): Priority.P3, (_L, Urgency.URGENT): Priority.P3,
    (_M, Urgency.NORMAL): Priority.P3, (_M, Urgency.URGENT): Priority.P2,
    (_H, Urgency.NORMAL): Priority.P2, (_H, Urgency.URGENT): Priority.P2,
    (_C, Urgency.NORMAL): Priority.P1, (_C, Urgency.URGENT): Priority.P1,
}


@dataclass(frozen=True, slots=True)
class Triage:
    """The matrix's answer, with its inputs, so staff can see why."""

    affected: Affected
    stake: Stake
    urgency: Urgency
    impact: Impact
    priority: Priority

    @property
    def emergency(self) -> bool:
        """Only critical impact is an emergency, whatever the urgency."""
        return self.impact is Impact.CRITICAL


def triage(affected: Affected | str, stake: Stake | str, urgency: Urgency | str) -> Triage:
    """Look the message's signals up in the two tables; unknown values raise ValueError."""
    a, s, u = Affected(affected), Stake(stake), Urgency(urgency)
    impact = IMPACT[(s, a)]
    return Triage(a, s, u, impact, DECISION[(impact, u)])
