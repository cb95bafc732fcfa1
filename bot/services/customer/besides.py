"""What a message says beside its main subject, so that no part of it goes unanswered: a problem
outside Office 365 told with one inside it ("Outlook crasht en mijn printer werkt niet"), or a new
problem told with an escalation request ("ik wil dit escaleren, en Outlook start ook niet")."""

from __future__ import annotations

from bot.policy import Scope, scope_of
from bot.services.customer.reading import follows_on, guesses_cause, names_outside_office, only_facts, parts
from bot.services.customer.tickets import SEVERAL_CONFIDENCE
from bot.services.customer.turn import Classified, Classifier


def _clauses(text: str) -> list[str]:
    """The clauses that may tell something of their own (not who or since when, a guess at the cause,
    or what follows from the problem)."""
    return [part for part in parts(text) if not (only_facts(part) or guesses_cause(part) or follows_on(part))]


def outside_clause(classifier: Classifier, text: str) -> str | None:
    """A clause clearly about something outside Office 365 that it names (a printer, the wifi), in a
    message that says more than that."""
    clauses = _clauses(text)
    if len(clauses) < 2:
        return None
    for clause in clauses:
        found = classifier.classify(clause)
        if found.intent == "out_of_scope" and found.confidence >= SEVERAL_CONFIDENCE and names_outside_office(clause):
            return clause
    return None


def problem_clause(classifier: Classifier, text: str) -> tuple[str, Classified] | None:
    """A clause that clearly tells a problem the SLA covers, as written up to the next clause (a word
    the clauses leave out stays: "Outlook start ook niet"), with how the clause reads."""
    clauses = _clauses(text)
    for index, clause in enumerate(clauses):
        found = classifier.classify(clause)
        if found.confidence >= SEVERAL_CONFIDENCE and scope_of(found.intent) is Scope.COVERED:
            start = text.find(clause)
            end = text.find(clauses[index + 1], start + len(clause)) if index + 1 < len(clauses) else -1
            return text[start:end if end >= 0 else len(text)].strip(" ,.;:!?\n"), found
    return None
