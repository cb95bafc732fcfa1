"""Domain errors of the policy: the outer layers map them to replies at the edge."""


class PolicyError(Exception):
    """Base of every error the policy raises, so the edge can catch them in one place."""


class NaiveDatetimeError(PolicyError, ValueError):
    """A datetime without a zone cannot be placed on the business-hours calendar."""


class UnknownIntentError(PolicyError, ValueError):
    """An intent label outside the taxonomy in intents.md is a contract violation."""


class AlreadyAtFinalStep(PolicyError):
    """Mediation (step 3) is the last step of SLA section 5: there is no step above it."""
