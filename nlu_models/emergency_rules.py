"""Explicit emergency patterns, for cases where a rule is more reliable than a model.

Two kinds: THREAT patterns (ransomware, encryption or deletion under way,
a hacked account) are emergencies on their own; SCOPE patterns (organisation-
wide wording such as "niemand kan", "hele kantoor") count only together with
a failure word, so "zet MFA uit voor iedereen" pages nobody. Patterns match
the normalised text (lower-case, no accents).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

THREAT = "THREAT"
SCOPE = "SCOPE"

THREAT_PHRASES = [
    "ransomware", "ransom", "losgeld", "losgeldbericht", "versleuteld", "encrypted",
    "gehackt", "gehacked", "hacked", "gecompromitteerd", "compromised", "datalek", "phishing",
    "phishingmail", "cryptolocker", "data lek", "data leak", "data breach", "iemand zit in",
    "someone is in", "verkeerde link", "nep microsoft", "fake microsoft", "worden verwijderd",
    "being deleted", "worden versleuteld", "being encrypted", "worden gewist", "being wiped",
    "verdwijnen steeds meer", "as we speak", "op dit moment verdwijnen",
]
SCOPE_PHRASES = [
    "niemand", "nobody", "no one", "noone", "geen enkele", "none of", "geen van", "iedereen",
    "everyone", "everybody", "hele kantoor", "hele bedrijf", "hele organisatie",
    "hele afdeling", "hele zaak", "heel kantoor", "whole office", "whole company",
    "entire company", "entire office", "whole organisation", "whole organization",
    "entire organisation", "entire organization", "entire team", "all of us", "ons allemaal",
    "any of us", "de zaak ligt stil",
]
_GROUP = ["users", "staff", "people", "employees", "colleagues", "medewerkers", "gebruikers",
          "collega's", "collegas", "werknemers", "mensen", "pcs", "computers", "laptops"]
FAILURE_WORDS = frozenset(
    """niet kan kunnen geen down plat eruit storing stil onbereikbaar cant can't cannot not
    no outage unreachable stopped fout fouten errors error zonder without werkt working works
    access problemen problems locked ligt liggen stuk kapot broken dead""".split()
)


@dataclass(frozen=True, slots=True)
class EmergencyRules:
    """Compiled patterns for one vocabulary."""

    phrases: PhraseMatcher
    tokens: Matcher

    def signals(self, doc: Doc) -> tuple[bool, bool]:
        """(threat, organisation-wide failure) found in `doc`."""
        strings = doc.vocab.strings
        labels = {strings[m] for m, _, _ in self.phrases(doc)}
        labels |= {strings[m] for m, _, _ in self.tokens(doc)}
        failing = SCOPE in labels and any(t.lower_ in FAILURE_WORDS for t in doc)
        return THREAT in labels, failing


def build_rules(nlp: Language) -> EmergencyRules:
    """Compile the phrase and token patterns once per pipeline."""
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases.add(THREAT, [nlp.make_doc(p) for p in THREAT_PHRASES])
    phrases.add(SCOPE, [nlp.make_doc(p) for p in SCOPE_PHRASES])
    tokens = Matcher(nlp.vocab)
    # "alle 40 medewerkers", "all 30 of our users", "al onze collega's"
    tokens.add(SCOPE, [[
        {"LOWER": {"IN": ["all", "alle", "al"]}}, {"LIKE_NUM": True, "OP": "?"},
        {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["our", "onze"]}, "OP": "?"},
        {"LOWER": {"IN": _GROUP}},
    ]])
    # "iemand is bezig al onze bestanden te wissen": deletion under way
    tokens.add(THREAT, [[
        {"LOWER": {"IN": ["bezig", "busy"]}}, {"OP": "{0,6}"},
        {"LOWER": {"IN": ["wissen", "verwijderen", "versleutelen", "deleting", "wiping"]}},
    ]])
    return EmergencyRules(phrases, tokens)
