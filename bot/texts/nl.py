"""Dutch: the customers' main language. Keys match en.py exactly (a test checks)."""

TEXTS: dict[str, str] = {
    "welcome": (
        "Welkom bij de Office 365-support van {msp}! Ik ben de eerstelijns supportbot.\n\n"
        "Ik help bij storingen in Office 365: e-mail en Outlook, Teams, SharePoint en OneDrive, "
        "Word, Excel en de andere Office-apps, licenties, inloggen, uw domein, "
        "beveiligingsincidenten en uitval van Office 365.\n\n"
        "Servicetijden: {hours}. Daarbuiten handelen we alleen noodgevallen af.\n\n"
        "Niet onder de SLA vallen: hulp bij het gebruik van de apps, gebruikers- en groepsbeheer, "
        "afwijkende (beveiligings)instellingen en eenmalige implementatie. "
        "Dat kunnen we wel als betaald werk aanbieden.\n\n"
        "Beschrijf uw probleem in een paar woorden."
    ),
    "service_hours": "{days} van {opens} tot {closes} uur (niet op feestdagen)",
    "weekdays_mon_fri": "werkdagen",
    "no_contract": (
        "Helaas vinden we geen supportcontract voor uw organisatie, dus ik kan u hier niet helpen. "
        "Neem contact op met {msp} via {contact} als u denkt dat dit niet klopt."
    ),
    "turn_error": (
        "Sorry, er ging iets mis bij het verwerken van uw bericht. Probeer het zo nog eens; "
        "bij spoed kunt u mailen naar {contact}."
    ),
    "staff_hello": "Hallo {name}, u bent herkend als {role}. De staff-opdrachten volgen in deze chat.",
    "role_support": "supportmedewerker",
    "role_senior": "senior supportmedewerker",
    "role_management": "management",
}
