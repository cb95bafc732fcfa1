"""Requests the SLA excludes: one sentence, the clause word for word, the offer; the whole text on request."""

from __future__ import annotations

from bot.config.operator import OperatorConfig
from bot.policy.decisions import OfferQuote, RefuseExcluded
from bot.policy.sla_clauses import ALL_CLAUSES, SlaClause
from bot.services.messages import Reply
from bot.services.replies.choices import ACCEPT, DECLINE, FULL_SLA, choice
from bot.services.replies.words import service_hours
from bot.texts import text


def _section(lang: str, clause: SlaClause) -> str:
    return clause.section_nl if lang == "nl" else clause.section_en


def _quoted(lang: str, clause: SlaClause) -> list[str]:
    """The binding Dutch words; for English readers one line of translation under them."""
    lines = [text(lang, "quoted", text=clause.text_nl)]
    if lang != "nl":
        lines.append(text(lang, "translation_line", text=clause.translation_en.rstrip(",")))
    return lines


def excluded(lang: str, decision: RefuseExcluded | OfferQuote, config: OperatorConfig) -> Reply:
    """At most 80 words: not covered, the clause, then where to go instead or the paid-work offer."""
    paragraphs = [text(lang, "excluded_short", section=_section(lang, decision.clause)), *_quoted(lang, decision.clause)]
    full_text = choice(lang, "choice_full_sla", FULL_SLA)
    if isinstance(decision, RefuseExcluded):
        paragraphs.append(text(lang, f"excluded_hint_{decision.intent}", msp=config.msp.name, contact=config.msp.contact_email))
        return Reply("\n\n".join(paragraphs), (full_text,))
    paragraphs.append(text(lang, "excluded_offer_short"))
    return Reply("\n\n".join(paragraphs), (
        choice(lang, "choice_accept_quote", ACCEPT),
        choice(lang, "choice_no_thanks", DECLINE),
        full_text,
    ))  # fmt: skip


def full_sla(lang: str) -> Reply:
    """On request: every clause of what the SLA excludes, word for word, translated for English readers."""
    paragraphs = [text(lang, "full_sla_intro")]
    for clause in ALL_CLAUSES:
        section = _section(lang, clause)
        paragraphs.append(f"{section[:1].upper()}{section[1:]}: " + "\n".join(_quoted(lang, clause)))
    return Reply("\n\n".join(paragraphs))


# The SLA's sections in order (sla.md), each summed up in the reader's language.
SLA_SECTIONS: tuple[tuple[str, str], ...] = (
    ("1", "sla_clause_1"), ("2.1", "sla_clause_2_1"), ("2.2", "sla_clause_2_2"), ("3", "sla_clause_3"),
    ("4", "sla_clause_4"), ("5", "sla_clause_5"), ("6", "sla_clause_6"), ("7", "sla_clause_7"), ("8", "sla_clause_8"),
)  # fmt: skip


def sla_overview(lang: str, config: OperatorConfig) -> Reply:
    """On request ("wat staat er in de SLA?"): every section summed up with its number, where the full text
    is, and a button for the exclusions word for word."""
    msp, hours = config.msp.name, service_hours(lang, config)
    sections = "\n".join(f"- **{number}** {text(lang, key, msp=msp, hours=hours)}" for number, key in SLA_SECTIONS)
    where = text(lang, "sla_where", msp=msp, contact=config.msp.contact_email)
    body = f"{text(lang, 'sla_overview', msp=msp)}\n\n{sections}\n\n{where}"
    return Reply(body, (choice(lang, "choice_exclusions_verbatim", FULL_SLA),))


def quote_recorded(lang: str, config: OperatorConfig) -> Reply:
    """The quote request went to the MSP; someone will be in touch."""
    return Reply(text(lang, "quote_recorded", msp=config.msp.name, contact=config.msp.contact_email))


def quote_declined(lang: str) -> Reply:
    """No quote wanted: leave it there."""
    return Reply(text(lang, "quote_declined"))
