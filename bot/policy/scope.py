"""The SLA scope of each intent: covered (2.1), excluded (3 and 2.1 onboarding), conversation."""

from enum import StrEnum
from types import MappingProxyType

from bot.policy.errors import UnknownIntentError
from bot.policy.sla_clauses import EXCLUSION_CLAUSES, SlaClause


class Intent(StrEnum):
    """The intent labels of intents.md; a StrEnum, so each compares equal to its label."""

    EMAIL_PROBLEM = "email_problem"
    TEAMS_PROBLEM = "teams_problem"
    FILES_PROBLEM = "files_problem"
    OFFICE_APP_PROBLEM = "office_app_problem"
    LICENSE_PROBLEM = "license_problem"
    SIGNIN_PROBLEM = "signin_problem"
    DOMAIN_PROBLEM = "domain_problem"
    SECURITY_INCIDENT = "security_incident"
    SERVICE_OUTAGE = "service_outage"
    HOWTO = "howto"
    USER_MANAGEMENT = "user_management"
    SECURITY_SETTINGS_CHANGE = "security_settings_change"
    ONBOARDING = "onboarding"
    ESCALATION_REQUEST = "escalation_request"
    TICKET_STATUS = "ticket_status"
    GREETING = "greeting"
    THANKS_GOODBYE = "thanks_goodbye"
    OUT_OF_SCOPE = "out_of_scope"

    @property
    def scope(self) -> "Scope":
        """Covered, excluded or conversation, per SLA 2.1 and 3."""
        return SCOPES[self]


class Scope(StrEnum):
    """What the SLA says about an intent."""

    COVERED = "covered"
    EXCLUDED = "excluded"
    CONVERSATION = "conversation"


COVERED_INTENTS = frozenset({
    Intent.EMAIL_PROBLEM, Intent.TEAMS_PROBLEM, Intent.FILES_PROBLEM,
    Intent.OFFICE_APP_PROBLEM, Intent.LICENSE_PROBLEM, Intent.SIGNIN_PROBLEM,
    Intent.DOMAIN_PROBLEM, Intent.SECURITY_INCIDENT, Intent.SERVICE_OUTAGE,
})  # fmt: skip
EXCLUDED_INTENTS = frozenset(Intent(label) for label in EXCLUSION_CLAUSES)
CONVERSATION_INTENTS = frozenset(Intent) - COVERED_INTENTS - EXCLUDED_INTENTS

# Say nothing about what the customer needs: never offered as a choice when the model is unsure
# ("which of these did you mean: a greeting?"); "something else" covers them.
NOT_A_REQUEST = frozenset({Intent.GREETING, Intent.THANKS_GOODBYE, Intent.OUT_OF_SCOPE})

# Emergencies by definition (intents.md, "The emergency flag").
ALWAYS_EMERGENCY = frozenset({Intent.SECURITY_INCIDENT, Intent.SERVICE_OUTAGE})

SCOPES: MappingProxyType[Intent, Scope] = MappingProxyType(
    {intent: Scope.COVERED for intent in COVERED_INTENTS}
    | {intent: Scope.EXCLUDED for intent in EXCLUDED_INTENTS}
    | {intent: Scope.CONVERSATION for intent in CONVERSATION_INTENTS}
)


def parse_intent(label: str) -> Intent:
    """The Intent for a label; an unknown label is a contract violation, not a guess."""
    try:
        return Intent(label)
    except ValueError:
        raise UnknownIntentError(f"unknown intent label {label!r}") from None


def scope_of(intent: str) -> Scope:
    """Covered, excluded or conversation, per SLA 2.1 and 3."""
    return parse_intent(intent).scope


def exclusion_clause(intent: str) -> SlaClause:
    """The SLA clause that excludes this intent, to quote to the customer word for word."""
    if scope_of(intent) is not Scope.EXCLUDED:
        raise ValueError(f"{intent!r} is not excluded by the SLA")
    return EXCLUSION_CLAUSES[intent]
