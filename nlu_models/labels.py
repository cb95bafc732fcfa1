"""The intent labels of the contract in shared/spec/intents.md, in one place."""

from __future__ import annotations

COVERED_PROBLEMS: tuple[str, ...] = (
    "email_problem",
    "teams_problem",
    "files_problem",
    "office_app_problem",
    "license_problem",
    "signin_problem",
    "domain_problem",
    "security_incident",
    "service_outage",
)
EXCLUDED_REQUESTS: tuple[str, ...] = (
    "howto",
    "user_management",
    "security_settings_change",
    "onboarding",
)
CONVERSATION: tuple[str, ...] = (
    "escalation_request",
    "ticket_status",
    "greeting",
    "thanks_goodbye",
    "out_of_scope",
)
INTENTS: tuple[str, ...] = COVERED_PROBLEMS + EXCLUDED_REQUESTS + CONVERSATION
COVERED_INTENTS: frozenset[str] = frozenset(COVERED_PROBLEMS)
EXCLUDED_INTENTS: frozenset[str] = frozenset(EXCLUDED_REQUESTS)
# Emergencies by definition (intents.md, "The emergency flag").
ALWAYS_EMERGENCY: frozenset[str] = frozenset({"security_incident", "service_outage"})
# Requests, questions, small talk and what we do not deliver: never an emergency,
# whatever they mention ("zet MFA uit voor iedereen", "hoe herken ik phishing?").
# The policy pages only for covered problems anyway.
NEVER_EMERGENCY: frozenset[str] = frozenset(
    {"howto", "user_management", "security_settings_change", "onboarding", "greeting",
     "thanks_goodbye", "out_of_scope"}
)
