"""Who is on call, and the page chain: overrides, boundaries, duplicates, rounds, exhaustion."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.policy import (
    Override,
    PagePosition,
    PageTarget,
    Role,
    RotaEntry,
    Staff,
    on_call_at,
    page_chain,
)

AMS = ZoneInfo("Europe/Amsterdam")
ANNA, BRAM, CARLA, DIRK, EVA = "anna", "bram", "carla", "dirk", "eva"
STAFF = [
    Staff(ANNA, "Anna Bakker", Role.SUPPORT),
    Staff(BRAM, "Bram de Jong", Role.SUPPORT),
    Staff(CARLA, "Carla Visser", Role.SENIOR),
    Staff(DIRK, "Dirk Smit", Role.MANAGEMENT),
    Staff(EVA, "Eva Mulder", Role.MANAGEMENT),
]
HANDOVER = datetime(2026, 11, 30, 9, 0, tzinfo=AMS)
ROTA = [
    RotaEntry(ANNA, datetime(2026, 11, 23, 17, 0, tzinfo=AMS), HANDOVER),
    RotaEntry(BRAM, HANDOVER, datetime(2026, 12, 7, 9, 0, tzinfo=AMS)),
]
SATURDAY_NIGHT = datetime(2026, 11, 28, 23, 0, tzinfo=AMS)
M = PagePosition


def test_rota_from_is_inclusive_and_to_is_exclusive() -> None:
    assert on_call_at(HANDOVER - timedelta(microseconds=1), ROTA) == ANNA
    assert on_call_at(HANDOVER, ROTA) == BRAM
    assert on_call_at(datetime(2026, 11, 23, 17, 0, tzinfo=AMS), ROTA) == ANNA
    assert on_call_at(datetime(2026, 11, 23, 16, 59, tzinfo=AMS), ROTA) is None
    assert on_call_at(datetime(2026, 12, 7, 9, 0, tzinfo=AMS), ROTA) is None


def test_rota_lookup_works_for_a_moment_given_in_utc() -> None:
    assert on_call_at(HANDOVER.astimezone(ZoneInfo("UTC")), ROTA) == BRAM


def test_an_active_override_wins_over_the_rota() -> None:
    override = Override(
        CARLA, SATURDAY_NIGHT - timedelta(hours=1), SATURDAY_NIGHT + timedelta(hours=8)
    )
    assert on_call_at(SATURDAY_NIGHT, ROTA, [override]) == CARLA
    assert on_call_at(SATURDAY_NIGHT + timedelta(hours=8), ROTA, [override]) == ANNA


def test_among_overlapping_overrides_the_latest_created_wins() -> None:
    start, end = SATURDAY_NIGHT - timedelta(days=1), SATURDAY_NIGHT + timedelta(days=1)
    older = Override(CARLA, SATURDAY_NIGHT - timedelta(hours=2), end, created_at=start)
    newer = Override(DIRK, start, end, created_at=start + timedelta(hours=1))
    assert on_call_at(SATURDAY_NIGHT, ROTA, [newer, older]) == DIRK
    assert on_call_at(SATURDAY_NIGHT, ROTA, [older, newer]) == DIRK


def test_without_created_at_the_latest_started_override_wins() -> None:
    whole_weekend = Override(
        CARLA, SATURDAY_NIGHT - timedelta(days=1), SATURDAY_NIGHT + timedelta(days=1)
    )
    tonight = Override(
        EVA, SATURDAY_NIGHT - timedelta(hours=1), SATURDAY_NIGHT + timedelta(hours=1)
    )
    assert on_call_at(SATURDAY_NIGHT, ROTA, [tonight, whole_weekend]) == EVA


def test_chain_is_on_call_then_backup_then_every_manager_per_round() -> None:
    chain = page_chain(SATURDAY_NIGHT, ROTA, [], CARLA, STAFF, rounds=2)
    assert chain == [
        PageTarget(ANNA, 1, M.ON_CALL), PageTarget(CARLA, 1, M.BACKUP),
        PageTarget(DIRK, 1, M.MANAGEMENT), PageTarget(EVA, 1, M.MANAGEMENT),
        PageTarget(ANNA, 2, M.ON_CALL), PageTarget(CARLA, 2, M.BACKUP),
        PageTarget(DIRK, 2, M.MANAGEMENT), PageTarget(EVA, 2, M.MANAGEMENT),
    ]  # fmt: skip


def test_nobody_on_call_starts_the_chain_with_the_backup() -> None:
    gap = datetime(2026, 12, 8, 3, 0, tzinfo=AMS)
    chain = page_chain(gap, ROTA, [], CARLA, STAFF, rounds=1)
    assert [(t.staff_id, t.position) for t in chain] == [
        (CARLA, M.BACKUP), (DIRK, M.MANAGEMENT), (EVA, M.MANAGEMENT)
    ]  # fmt: skip


def test_someone_in_two_positions_is_paged_once_per_round() -> None:
    override = Override(
        DIRK, SATURDAY_NIGHT - timedelta(hours=1), SATURDAY_NIGHT + timedelta(hours=1)
    )
    chain = page_chain(SATURDAY_NIGHT, ROTA, [override], DIRK, STAFF, rounds=2)
    assert [(t.staff_id, t.round, t.position) for t in chain] == [
        (DIRK, 1, M.ON_CALL), (EVA, 1, M.MANAGEMENT),
        (DIRK, 2, M.ON_CALL), (EVA, 2, M.MANAGEMENT),
    ]  # fmt: skip


def test_no_backup_configured() -> None:
    chain = page_chain(SATURDAY_NIGHT, ROTA, [], None, STAFF, rounds=1)
    assert [t.staff_id for t in chain] == [ANNA, DIRK, EVA]


def test_rounds_must_be_positive() -> None:
    with pytest.raises(ValueError):
        page_chain(SATURDAY_NIGHT, ROTA, [], CARLA, STAFF, rounds=0)


def test_invalid_staff_and_periods_are_rejected() -> None:
    with pytest.raises(ValueError):
        Staff("x", "X", "intern")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        RotaEntry(ANNA, HANDOVER, HANDOVER)
    with pytest.raises(ValueError):
        Override(ANNA, datetime(2026, 11, 30, 9, 0), datetime(2026, 11, 30, 10, 0))
    with pytest.raises(ValueError):
        on_call_at(datetime(2026, 11, 30, 9, 0), ROTA)
