"""The impact x urgency matrix, cell by cell: who is affected, what is at stake, how urgent."""

import pytest

from bot.policy import Affected, Impact, Priority, Stake, Urgency, triage

A, S = Affected, Stake
ONE, SEVERAL, TEAM, ORG, CUSTOMERS = A.ONE, A.SEVERAL, A.TEAM, A.ORGANISATION, A.CUSTOMERS
P1, P2, P3 = Priority.P1, Priority.P2, Priority.P3

# (stake, affected): (priority when normal, priority when urgent, emergency)
TABLE = {
    (S.NONE, ONE): (P3, P3, False), (S.NONE, SEVERAL): (P3, P3, False),
    (S.NONE, TEAM): (P3, P3, False), (S.NONE, ORG): (P3, P3, False),
    (S.NONE, CUSTOMERS): (P3, P3, False),
    (S.DEGRADED, ONE): (P3, P3, False), (S.DEGRADED, SEVERAL): (P3, P2, False),
    (S.DEGRADED, TEAM): (P2, P2, False), (S.DEGRADED, ORG): (P2, P2, False),
    (S.DEGRADED, CUSTOMERS): (P2, P2, False),
    (S.BLOCKED, ONE): (P3, P2, False), (S.BLOCKED, SEVERAL): (P2, P2, False),
    (S.BLOCKED, TEAM): (P1, P1, True), (S.BLOCKED, ORG): (P1, P1, True),
    (S.BLOCKED, CUSTOMERS): (P1, P1, True),
    (S.DATA_LOSS, ONE): (P1, P1, True), (S.DATA_LOSS, SEVERAL): (P1, P1, True),
    (S.DATA_LOSS, TEAM): (P1, P1, True), (S.DATA_LOSS, ORG): (P1, P1, True),
    (S.DATA_LOSS, CUSTOMERS): (P1, P1, True),
    (S.SECURITY, ONE): (P1, P1, True), (S.SECURITY, SEVERAL): (P1, P1, True),
    (S.SECURITY, TEAM): (P1, P1, True), (S.SECURITY, ORG): (P1, P1, True),
    (S.SECURITY, CUSTOMERS): (P1, P1, True),
}


def test_the_table_covers_every_combination() -> None:
    assert set(TABLE) == {(s, a) for s in Stake for a in Affected}


@pytest.mark.parametrize(("stake", "affected"), sorted(TABLE, key=str))
def test_cell(stake: Stake, affected: Affected) -> None:
    normal, urgent, emergency = TABLE[(stake, affected)]
    calm, loud = triage(affected, stake, Urgency.NORMAL), triage(affected, stake, Urgency.URGENT)
    assert (calm.priority, loud.priority) == (normal, urgent)
    assert calm.emergency is loud.emergency is emergency


def test_urgency_from_one_person_is_not_an_emergency() -> None:
    """'DRINGEND!!! mijn outlook doet het niet' at night pages nobody."""
    result = triage("one", "blocked", "urgent")
    assert not result.emergency
    assert result.priority is P2


def test_customers_bouncing_mail_is_an_emergency_without_alarm_words() -> None:
    result = triage("customers", "blocked", "normal")
    assert result.emergency and result.impact is Impact.CRITICAL and result.priority is P1


def test_only_critical_impact_is_an_emergency() -> None:
    for stake in Stake:
        for affected in Affected:
            result = triage(affected, stake, "normal")
            assert result.emergency is (result.impact is Impact.CRITICAL)


def test_unknown_signal_is_rejected() -> None:
    with pytest.raises(ValueError):
        triage("everybody", "blocked", "normal")
