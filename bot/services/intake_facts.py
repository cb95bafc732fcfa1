"""What a first message already tells the intake (product, who is affected, since when), so it asks less."""

from __future__ import annotations

import re
from dataclasses import dataclass


_PRODUCTS: tuple[tuple[str, str], ...] = (
    ("outlook", r"\boutlook\b"), ("exchange", r"\bexchange\b"), ("teams", r"\bteams\b"),
    ("sharepoint", r"\bsharepoint\b"), ("onedrive", r"\bone\s?drive\b"), ("word", r"\bword\b"),
    ("excel", r"\bexcel\b"), ("powerpoint", r"\bpower\s?point\b|\bppt\b"),
)
_IMPLIED_PRODUCT = {"email_problem": "outlook", "teams_problem": "teams"}
_EVERYONE = r"\b(iedereen|niemand|hele (kantoor|bedrijf|organisatie)|alle (collega'?s|medewerkers|gebruikers)|everyone|nobody|no one|whole (office|company)|all (users|staff|colleagues))\b"
_SEVERAL = r"\b(collega'?s|meerdere|een paar|enkele|wij|we|ons|colleagues|several|a few|some of us|\d+ (mensen|gebruikers|people|users))\b"
_ONE = r"\b(alleen (bij )?(mij|ik|mijn)|alleen mijn|bij mij|only (me|mine|my)|just (me|mine|my)|nobody else|niemand anders)\b"
_SINCE = r"\b(sinds|vanaf|since|vanochtend|vanmorgen|gisteren|vandaag|this morning|yesterday|today|al \d+ (dagen|uur)|for \d+ (days|hours))\b[^,.;!?\n]*"  # up to the end of its clause


@dataclass(frozen=True, slots=True)
class IntakeFacts:
    product: str | None
    affected: str | None  # "one" | "several" | "everyone"
    since: str | None


def facts_from(text: str, intent: str) -> IntakeFacts:
    lowered = text.lower()
    product = next((name for name, pattern in _PRODUCTS if re.search(pattern, lowered)), None)
    since = re.search(_SINCE, lowered)
    return IntakeFacts(
        product=product or _IMPLIED_PRODUCT.get(intent),
        affected=_affected(lowered),
        since=since.group(0).strip() if since else None,  # the ticket clips it to its column
    )


_ME_AND_OTHERS = r"\b(mij|mijzelf|ik|me|myself) (en|and) (\w+ )?(collega|colleague|anderen|others|\d+|twee|drie|een paar|a few)"


def _affected(lowered: str) -> str | None:
    """"bij mij en twee collega's" is several, though it begins with "bij mij"."""
    if re.search(_ONE, lowered) and not re.search(_ME_AND_OTHERS, lowered):
        return "one"
    if re.search(_EVERYONE, lowered):
        return "everyone"
    if re.search(_SEVERAL, lowered) or re.search(_ME_AND_OTHERS, lowered):
        return "several"
    return None
