"""What staff read about on call: who and why, the coming days, gaps, offered shifts, calendar links."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.config.operator import OperatorConfig
from bot.policy import Because, Gap, PageTarget, PagePosition, Reason, Segment
from bot.services.messages import Choice, Reply
from bot.services.replies.choices import ASSIGN_PREFIX, OFFER_PREFIX, TAKE_SHIFT_PREFIX, period_value
from bot.texts import text as say

NameOf = Callable[[str], str]
MAX_BUTTONS = 6  # Teams shows six card buttons
MAX_LINES = 40  # one Teams message stays readable


@dataclass(frozen=True, slots=True)
class Overview:
    """`wie heeft dienst`: now, next, the coming days' shifts and gaps."""

    now: Segment
    next: Segment | None
    coming: Sequence[Segment]
    gaps: Sequence[Gap]
    backup: str
    days: int


def staff_names(config: OperatorConfig) -> NameOf:
    """Object id to name, from the directory; an id nobody has keeps the id."""

    def name_of(object_id: str) -> str:
        member = config.staff_member(object_id)
        return member.name if member else object_id

    return name_of


def short_moment(lang: str, moment: datetime, zone: str) -> str:
    """"za 5 dec. 17:00": short enough for a button."""
    local = moment.astimezone(ZoneInfo(zone))
    return f"{format_date(local.date(), 'EEE d MMM', locale=lang)} {local:%H:%M}"


def period_words(lang: str, starts: datetime, ends: datetime, zone: str) -> str:
    return say(lang, "oncall_period", starts=short_moment(lang, starts, zone), ends=short_moment(lang, ends, zone))


def because_words(lang: str, because: Because | None, name_of: NameOf) -> str:
    """Which layer and rotation, the dated rota, or which override and who set it."""
    if because is None:
        return say(lang, "because_nobody")
    if because.reason is Reason.ROTATION:
        return say(lang, "because_rotation", layer=because.layer, rotation=because.rotation)
    by = name_of(because.set_by) if because.set_by else "?"
    return say(lang, f"because_{because.reason.value}", by=by)


def why_paged(lang: str, target: PageTarget, name_of: NameOf) -> str:
    """For the page card: on call because of a layer or override; else backup or management."""
    if target.position is PagePosition.ON_CALL:
        return say(lang, "why_paged_on_call", because=because_words(lang, target.because, name_of))
    return say(lang, f"why_paged_{target.position.value}")


def overview(lang: str, view: Overview, zone: str, name_of: NameOf) -> Reply:
    lines = [_now_line(lang, view.now, view.backup, zone, name_of)]
    if view.next is not None and view.next.assignment is not None:
        lines.append(say(
            lang, "oncall_next", name=name_of(view.next.assignment.staff_id), starts=short_moment(lang, view.next.starts, zone),
            because=because_words(lang, view.next.assignment.because, name_of),
        ))  # fmt: skip
    lines.append(say(lang, "oncall_coming", days=view.days))
    lines += [f"- {_shift_line(lang, s, zone, name_of)}" for s in view.coming[:MAX_LINES]] or [say(lang, "oncall_none_coming")]
    if view.gaps:
        lines.append(say(lang, "oncall_gaps", days=view.days))
        lines += [f"- {period_words(lang, g.starts, g.ends, zone)}" for g in view.gaps[:MAX_LINES]]
    return Reply("\n\n".join(lines))


def _now_line(lang: str, now: Segment, backup: str, zone: str, name_of: NameOf) -> str:
    until = short_moment(lang, now.ends, zone)
    if now.assignment is None:
        return say(lang, "oncall_now_nobody", until=until, backup=backup)
    return say(
        lang, "desk_on_call", on_call=name_of(now.assignment.staff_id), until=until, backup=backup,
        because=because_words(lang, now.assignment.because, name_of),
    )  # fmt: skip


def _shift_line(lang: str, segment: Segment, zone: str, name_of: NameOf) -> str:
    assert segment.assignment is not None
    return say(
        lang, "oncall_line", period=period_words(lang, segment.starts, segment.ends, zone),
        name=name_of(segment.assignment.staff_id), because=because_words(lang, segment.assignment.because, name_of),
    )  # fmt: skip


def gap_warning(lang: str, gaps: Sequence[Gap], days: int, backup: str, zone: str) -> Reply:
    """To management: every uncovered moment, with a button to assign someone to each."""
    lines = [say(lang, "gaps_warning", days=days, backup=backup)]
    lines += [f"- {period_words(lang, g.starts, g.ends, zone)}" for g in gaps[:MAX_LINES]]
    buttons = tuple(_assign_button(lang, g.starts, g.ends, zone) for g in gaps[:MAX_BUTTONS])
    return Reply("\n\n".join(lines), buttons)


def offer_pick(lang: str, shifts: Sequence[Segment], days: int, zone: str, name_of: NameOf) -> Reply:
    if not shifts:
        return Reply(say(lang, "offer_none", days=days))
    shown = shifts[:MAX_BUTTONS]
    lines = [say(lang, "offer_pick", days=days)] + [f"- {_shift_line(lang, s, zone, name_of)}" for s in shown]
    buttons = tuple(
        Choice(say(lang, "choice_offer", period=period_words(lang, s.starts, s.ends, zone)), OFFER_PREFIX + period_value(s.starts, s.ends))
        for s in shown
    )  # fmt: skip
    return Reply("\n\n".join(lines), buttons)


def offer_notice(lang: str, offer_id: int, offered_by: str, starts: datetime, ends: datetime, zone: str) -> Reply:
    """To colleagues: a shift on offer, taken with one button (or typed)."""
    period = period_words(lang, starts, ends, zone)
    body = say(lang, "offer_notice", name=offered_by, period=period, number=offer_id)
    return Reply(body, (Choice(say(lang, "choice_take_shift"), f"{TAKE_SHIFT_PREFIX}{offer_id}"),))


def assign_pick_shift(lang: str, gaps: Sequence[Gap], shifts: Sequence[Segment], days: int, zone: str, name_of: NameOf) -> Reply:
    """Management: gaps first, then the coming shifts; each a button."""
    periods = [(g.starts, g.ends, say(lang, "because_nobody")) for g in gaps]
    periods += [(s.starts, s.ends, name_of(s.staff_id or "")) for s in shifts]
    if not periods:
        return Reply(say(lang, "assign_nothing", days=days))
    shown = periods[:MAX_BUTTONS]
    lines = [say(lang, "assign_pick_shift", days=days)]
    lines += [f"- {say(lang, 'oncall_line_short', period=period_words(lang, a, b, zone), name=who)}" for a, b, who in shown]
    return Reply("\n\n".join(lines), tuple(_assign_button(lang, a, b, zone) for a, b, _ in shown))


def assign_pick_person(lang: str, starts: datetime, ends: datetime, people: Sequence[tuple[str, str]], zone: str) -> Reply:
    """Management: who gets this period; one button per colleague (the first six)."""
    value = ASSIGN_PREFIX + period_value(starts, ends)
    body = say(lang, "assign_pick_person", period=period_words(lang, starts, ends, zone))
    return Reply(body, tuple(Choice(name, f"{value}:{object_id}") for object_id, name in people[:MAX_BUTTONS]))


def _assign_button(lang: str, starts: datetime, ends: datetime, zone: str) -> Choice:
    label = say(lang, "choice_assign", period=period_words(lang, starts, ends, zone))
    return Choice(label, ASSIGN_PREFIX + period_value(starts, ends))
