"""Contract text of the Office 365 SLA (sla.md), quoted word for word.

These are not UI strings: the Dutch text is the binding clause and must stay verbatim (a
test compares it with sla.md). Lines the PDF wrapped are joined with one space; everything
else, punctuation included, is as in the contract. The English is our translation, given
for English-speaking customers and marked as such; it is not contract text.
"""

from dataclasses import dataclass
from types import MappingProxyType

EXCLUSIONS_NL = "artikel 3, Uitsluitingen"
EXCLUSIONS_EN = "section 3, Exclusions"


@dataclass(frozen=True, slots=True)
class SlaClause:
    """One quotable clause: the binding Dutch text, its translation and where it is."""

    text_nl: str
    translation_en: str
    section_nl: str
    section_en: str
    translation_note_en: str = "Translation; the Dutch text of the SLA is binding."


EXCLUSIONS_INTRO = SlaClause(
    text_nl="De volgende zaken vallen buiten de scope van deze Service Level Agreement:",
    translation_en="The following matters fall outside the scope of this Service Level Agreement:",
    section_nl=EXCLUSIONS_NL,
    section_en=EXCLUSIONS_EN,
)

HOWTO = SlaClause(
    text_nl="Ondersteuning bij het gebruik van Office 365-applicaties (zoals Word, Excel, enz.),",
    translation_en="Support with the use of Office 365 applications (such as Word, Excel, etc.),",
    section_nl=EXCLUSIONS_NL,
    section_en=EXCLUSIONS_EN,
)

USER_MANAGEMENT = SlaClause(
    text_nl=(
        "Aanpassingen aan de standaardinstellingen van de Office 365-omgeving die door de klant"
        " zelf kunnen worden beheerd, zoals gebruikers- en groepsbeheer."
    ),
    translation_en=(
        "Changes to the standard settings of the Office 365 environment that the customer can"
        " manage themselves, such as user and group management."
    ),
    section_nl=EXCLUSIONS_NL,
    section_en=EXCLUSIONS_EN,
)

SECURITY_SETTINGS_CHANGE = SlaClause(
    text_nl="Aanpassingen aan de (beveiligings)instellingen die afwijken van de standaardopzet.",
    translation_en="Changes to the (security) settings that deviate from the standard set-up.",
    section_nl=EXCLUSIONS_NL,
    section_en=EXCLUSIONS_EN,
)

# The whole implementation bullet: "Deze (eenmalige) onboardingswerkzaamheden" only makes
# sense together with the sentence before it, which says what that work is.
ONBOARDING = SlaClause(
    text_nl=(
        "Ondersteuning bij implementatie: opzetten van office 365-omgeving, zoals het aanmaken"
        " van gebruikersaccounts en de configuratie van domeinen. Deze (eenmalige)"
        " onboardingswerkzaamheden worden apart in rekening gebracht."
    ),
    translation_en=(
        "Support with implementation: setting up an Office 365 environment, such as creating"
        " user accounts and configuring domains. This (one-time) onboarding work is billed"
        " separately."
    ),
    section_nl="artikel 2.1, Omschrijving van de diensten",
    section_en="section 2.1, Description of the services",
)

# Section 3's closing sentence, for quote offers. "webhostingpakket" is what the contract
# says (in an Office 365 SLA); quoted as written, translated as written.
PAID_SUPPORT = SlaClause(
    text_nl=(
        "Websitenazorg.nl kan op verzoek van jou ondersteuning bieden bij bovenstaande zaken,"
        " maar deze ondersteuning valt niet onder het webhostingpakket en zal separaat"
        " gefactureerd worden of kan worden opgenomen in een supportpakket."
    ),
    translation_en=(
        "At your request, Websitenazorg.nl can provide support with the matters above, but"
        " this support is not covered by the web hosting package and will be invoiced"
        " separately or can be included in a support package."
    ),
    section_nl=EXCLUSIONS_NL,
    section_en=EXCLUSIONS_EN,
)

EXCLUSION_CLAUSES: MappingProxyType[str, SlaClause] = MappingProxyType(
    {
        "howto": HOWTO,
        "user_management": USER_MANAGEMENT,
        "security_settings_change": SECURITY_SETTINGS_CHANGE,
        "onboarding": ONBOARDING,
    }
)

ALL_CLAUSES: tuple[SlaClause, ...] = (
    EXCLUSIONS_INTRO,
    HOWTO,
    USER_MANAGEMENT,
    SECURITY_SETTINGS_CHANGE,
    ONBOARDING,
    PAID_SUPPORT,
)
