"""Requests the SLA excludes: the clause word for word, then a refusal or a paid-work offer."""

from __future__ import annotations

from bot.config.operator import OperatorConfig
from bot.policy.decisions import OfferQuote, RefuseExcluded
from bot.policy.sla_clauses import EXCLUSIONS_INTRO, SlaClause
from bot.services.messages import Reply
from bot.services.replies.choices import ACCEPT, DECLINE, choice
from bot.texts import text

# The intent for which the customer's own administrator is the free alternative, even when we offer paid work.
_SELF_SERVICE_INTENTS = frozenset({"user_management"})


def _section(lang: str, clause: SlaClause) -> str:
    return clause.section_nl if lang == "nl" else clause.section_en


def _quoted(lang: str, clause: SlaClause, *, with_intro: bool) -> str:
    """The binding Dutch text; for other languages followed by the marked translation."""
    parts = [EXCLUSIONS_INTRO, clause] if with_intro else [clause]
    paragraphs = [text(lang, "quoted", text=part.text_nl) for part in parts]
    if lang != "nl":
        paragraphs.append(clause.translation_note_en)
        paragraphs += [text(lang, "quoted", text=part.translation_en) for part in parts]
    return "\n\n".join(paragraphs)


def _clause_paragraphs(lang: str, clause: SlaClause) -> list[str]:
    """Section 3 items are quoted with the sentence that makes them exclusions."""
    with_intro = clause.section_nl == EXCLUSIONS_INTRO.section_nl and clause is not EXCLUSIONS_INTRO
    return [
        text(lang, "excluded_intro", section=_section(lang, clause)),
        _quoted(lang, clause, with_intro=with_intro),
    ]


def excluded(lang: str, decision: RefuseExcluded | OfferQuote, config: OperatorConfig) -> Reply:
    """Outside the SLA: quote the clause, then refuse (with a pointer) or offer a quote."""
    paragraphs = _clause_paragraphs(lang, decision.clause)
    hint = text(lang, f"excluded_hint_{decision.intent}", msp=config.msp.name, contact=config.msp.contact_email)
    if isinstance(decision, RefuseExcluded):
        paragraphs += [text(lang, "excluded_refuse"), hint]
        return Reply("\n\n".join(paragraphs))
    paragraphs += [
        text(lang, "excluded_offer", section=_section(lang, decision.offer)),
        _quoted(lang, decision.offer, with_intro=False),
    ]
    if decision.intent in _SELF_SERVICE_INTENTS:
        paragraphs.append(hint)
    paragraphs.append(text(lang, "excluded_offer_question"))
    return Reply("\n\n".join(paragraphs), (
        choice(lang, "choice_accept_quote", ACCEPT),
        choice(lang, "choice_no_thanks", DECLINE),
    ))  # fmt: skip


def quote_recorded(lang: str, config: OperatorConfig) -> Reply:
    """The quote request went to the MSP; someone will be in touch."""
    return Reply(text(lang, "quote_recorded", msp=config.msp.name, contact=config.msp.contact_email))


def quote_declined(lang: str) -> Reply:
    """No quote wanted: leave it there."""
    return Reply(text(lang, "quote_declined"))
