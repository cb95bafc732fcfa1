"""The acknowledge pages as HTML: small, no scripts, every value escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bot.services.ack_port import TicketGlance
from bot.services.replies import status_words
from bot.texts import LANGUAGES, text

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
    "dt{font-weight:bold}dd{margin:0 0 .6rem 0;white-space:pre-wrap}"
    "button{font-size:1.1rem;padding:.6rem 1.4rem;cursor:pointer}"
)


def ask(glance: TicketGlance) -> str:
    """The ticket and one button; only the POST it sends acknowledges."""
    lang = glance.language
    body = _facts(glance) + f"<p>{_t(lang, 'ack_page_question')}</p>" + (
        f'<form method="post"><button type="submit">{_t(lang, "ack_page_button")}</button></form>'
    )
    return _page(lang, text(lang, "ack_page_title", number=glance.ticket_number), body)


def message(lang: str, number: str, key: str, **values: str) -> str:
    """A one-sentence outcome: acknowledged, already acknowledged by NAME, no such ticket."""
    sentence = _t(lang, key, number=number, **values)
    return _page(lang, text(lang, "ack_page_title", number=number), f"<p>{sentence}</p>")


def closed(glance: TicketGlance) -> str:
    lang = glance.language
    status = status_words(lang, glance.status)
    return message(lang, glance.ticket_number, "ack_page_closed", status=status)


def invalid(key: str) -> str:
    """A link we cannot trust says so in both languages: we do not know whose it was."""
    sentences: Sequence[str] = [f'<p lang="{lang}">{_t(lang, key)}</p>' for lang in LANGUAGES]
    return _page("nl", " / ".join(text(lang, "ack_link_title") for lang in LANGUAGES), "".join(sentences))


def _facts(glance: TicketGlance) -> str:
    lang = glance.language
    rows = (
        ("fact_ticket", glance.ticket_number), ("fact_organisation", glance.organisation),
        ("fact_reporter", glance.reporter), ("fact_description", glance.description),
    )
    return "<dl>" + "".join(f"<dt>{_t(lang, key)}</dt><dd>{escape(value)}</dd>" for key, value in rows) + "</dl>"


def _t(lang: str, key: str, **values: str) -> str:
    """A catalogue sentence with its values filled in, escaped as a whole (names may hold <, &)."""
    return escape(text(lang, key, **values))


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>"
    )
