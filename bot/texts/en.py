"""English, for customers who write or set Teams in English. Keys match nl.py exactly."""

TEXTS: dict[str, str] = {
    "welcome": (
        "Welcome to {msp}'s Office 365 support! I am the first-line support bot.\n\n"
        "I help with Office 365 problems: email and Outlook, Teams, SharePoint and OneDrive, "
        "Word, Excel and the other Office apps, licences, signing in, your domain, "
        "security incidents and Office 365 outages.\n\n"
        "Service hours: {hours}. Outside them we handle emergencies only.\n\n"
        "Not covered by the SLA: help with using the apps, user and group management, "
        "non-standard (security) settings and one-time implementation work. "
        "We can offer those as paid work.\n\n"
        "Describe your problem in a few words."
    ),
    "service_hours": "{days} from {opens} to {closes} (not on public holidays)",
    "weekdays_mon_fri": "working days",
    "no_contract": (
        "Sorry, we cannot find a support contract for your organisation, so I cannot help you here. "
        "Please contact {msp} at {contact} if you think this is a mistake."
    ),
    "turn_error": (
        "Sorry, something went wrong while handling your message. Please try again shortly; "
        "if it is urgent, email {contact}."
    ),
    "staff_hello": "Hello {name}, you are recognised as {role}. Staff commands follow in this chat.",
    "role_support": "support engineer",
    "role_senior": "senior support engineer",
    "role_management": "management",
}
