"""The words of an out-of-band page, in the staff member's language: mail subject and body, and
the short text a gateway turns into an SMS or reads out."""

from __future__ import annotations

from bot.services.out_of_band import OutOfBandPage
from bot.texts import text

_MAX_MAIL_DESCRIPTION = 4000
_MAX_SHORT_DESCRIPTION = 120  # an SMS stays within two or three parts, link included


def mail_subject(page: OutOfBandPage) -> str:
    subject = text(page.language, "oob_mail_subject", number=page.ticket_number, organisation=page.organisation)
    return " ".join(subject.split())  # no line breaks in a header, whatever the names hold


def mail_body(page: OutOfBandPage) -> str:
    lang = page.language
    return "\n\n".join((
        text(lang, "oob_greeting", name=page.staff_name),
        text(lang, "oob_intro", number=page.ticket_number, organisation=page.organisation),
        text(lang, f"oob_reason_{page.reason.value}"),
        f"{text(lang, 'fact_reporter')}: {page.reporter}\n{text(lang, 'fact_description')}:\n"
        f"{_clip(page.description, _MAX_MAIL_DESCRIPTION)}",
        acknowledge_line(page),
        text(lang, "oob_mail_footer"),
    )) + "\n"


def short_text(page: OutOfBandPage) -> str:
    """One or two sentences for an SMS or a voice call, with the link."""
    description = _clip(" ".join(page.description.split()), _MAX_SHORT_DESCRIPTION)
    head = text(page.language, "oob_short", number=page.ticket_number, organisation=page.organisation,
                description=description)
    if not head.endswith((".", "!", "?", "…")):
        head += "."
    return f"{head} {acknowledge_line(page)}"


def acknowledge_line(page: OutOfBandPage) -> str:
    if page.acknowledge_url:
        return text(page.language, "oob_acknowledge_link", url=page.acknowledge_url)
    return text(page.language, "oob_acknowledge_in_teams", number=page.ticket_number)


def _clip(value: str, limit: int) -> str:
    value = value.strip()
    return value if len(value) <= limit else value[: limit - 1] + "…"
