"""Impact signals in a message: who is affected, what is at stake, and urgency words.

Why rules: staff must see *why* a message was judged an emergency, in the
customer's own words ("het hele callcenter", "kan niet bellen"); the matched
phrases are that evidence. The learned emergency model catches what these miss
(impact implied without keywords). Patterns run on normalised text (lower
case, no accents). The values are those of bot.policy.triage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ONE, SEVERAL, TEAM, ORGANISATION, CUSTOMERS = "one", "several", "team", "organisation", "customers"
NONE, DEGRADED, BLOCKED, DATA_LOSS, SECURITY = "none", "degraded", "blocked", "data_loss", "security"
AFFECTED_ORDER = (ONE, SEVERAL, TEAM, ORGANISATION, CUSTOMERS)
STAKE_ORDER = (NONE, DEGRADED, BLOCKED, DATA_LOSS, SECURITY)


_NOT_SUPPORT = (r"(?! (?:\w+ )?(?:gesproken|gebeld|teruggebeld|gereageerd|reageert|reageerde|neemt op|nam op|"
                r"heeft gereageerd|heeft teruggebeld|called|calls|answered|answers|replied|responded|got back|"
                r"has called|has answered|has replied|has responded|has got back))")


def _rx(*parts: str) -> re.Pattern[str]:
    # An apostrophe inside a word ("collega's") is no boundary; a quote around a pasted error is.
    return re.compile(r"(?<!\w)(?<!\w')(?:" + "|".join(parts) + r")(?!\w)(?!'\w)")


_GROUP_NL = (r"(?:medewerkers|collega'?s|gebruikers|mensen|werknemers|personeelsleden|personeel|accounts|mailboxen|"
             r"mailboxes|vestigingen|locaties|docenten|leerlingen|studenten|artsen|dokters|verpleegkundigen|"
             r"advocaten|agenten|monteurs|kinderen|klassen)")
_GROUP_EN = (r"(?:staff|users|employees|colleagues|people|accounts|mailboxes|branches|sites|teachers|students|"
             r"pupils|kids|doctors|nurses|lawyers|agents|engineers|laptops|pcs|computers|devices|workstations)")
_PLACE = r"(?:kantoor|bedrijf|organisatie|zaak|praktijk|school|tenant|omgeving|firma|kantoren|company|office|organisation|organization|firm|practice|school|business|environment)"
_TEAM_NL = (r"(?:afdeling|team|administratie|verkoop|verkoopafdeling|klantenservice|servicedesk|helpdesk|"
            r"planning|receptie|boekhouding|financiele administratie|callcenter|call center|magazijn|"
            r"secretariaat|monteurs|chauffeurs|meldkamer|support|sales|finance|kassa'?s|balie|nachtploeg|dagploeg|"
            r"avondploeg|ploeg|dienst|nachtdienst|artsen|assistentes|receptionistes|docenten)")
_TEAM_EN = (r"(?:team|department|sales team|sales department|call cent(?:re|er)|service desk|support desk|"
            r"helpdesk|help desk|support team|front desk|finance team|accounts team|warehouse|engineers|"
            r"drivers|reception|night shift|day shift|shift|doctors|nurses|receptionists|agents)")

AFFECTED_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (ONE, _rx(r"alleen (?:bij )?(?:mij|mijn|ik)", r"bij mij alleen", r"only (?:me|mine|for me|my)",
              r"just (?:me|mine|for me)", r"niemand anders", r"nobody else", r"no one else",
              r"de rest (?:wel|niet|werkt|heeft|doet)", r"(?:the )?others? (?:are |is )?fine",
              r"(?:everyone|everybody) else (?:is )?fine", r"(?:bij )?de anderen? (?:wel|niet)",
              r"mijn collega'?s? (?:wel|niet|hebben er geen last)", r"my colleagues? (?:is|are) fine",
              r"(?:mijn |de )?collega'?s (?:hebben|heeft) (?:er )?(?:nergens|geen|niks|niets) (?:last|problemen|moeite)",
              r"(?:de )?(?:anderen?|rest|collega'?s) (?:kan|kunnen) (?:wel |gewoon |prima )+(?:werken|inloggen|mailen|verder)",
              r"(?:the )?(?:others?|rest of (?:us|the \w+)|colleagues) (?:can|are able to) (?:still )?(?:work|log in|sign in|login)",
              r"(?:everyone|everybody) else (?:can|is|are|works|has)", r"de rest van (?:het |de )?\w+ (?:werkt|kan|heeft|doet)",
              r"(?:de )?enige (?:admin|beheerder)", r"(?:the )?only (?:admin|administrator)")),
    (CUSTOMERS, _rx(r"(?<!naar )(?<!to )(?<!aan )(?<!bij )(?<!met )(?<!for )(?<!with )(?<!andere )(?<!other )"
                    r"(?<!paar )(?<!enkele )(?<!sommige )(?<!some )(?<!few )(?<!couple )(?<!een )(?<!one )(?<!a )"
                    r"(?:onze |de |alle |our |the )?(?:klanten|clienten|patienten|ouders|leveranciers|bellers|"
                    r"customers|clients|patients|parents|suppliers|callers)"
                    r"(?= (?:\S+ ){0,8}(?:ons|onze|we|wij|us|our)(?![\w']))",
                    r"(?:klanten|patienten|bellers|customers|clients|patients|callers) (?:die )?(?:ons )?(?:bellen|calling|who call)",
                    r"(?:mail|e-?mails?|berichten) (?:\w+ )?(?:van|from) (?:buiten(?:af)?|outside|extern\w*|external)",
                    r"(?:externe|inkomende|external|incoming|inbound) (?:mail|e-?mails?|afzenders|senders)")),
    (ORGANISATION, _rx(r"(?<!heb )(?<!had )(?<!hebben )niemand(?! (?:kan |kon )?(?:mij|me) (?:horen|zien|verstaan))" + _NOT_SUPPORT,
                       r"iedereen", r"geen enkele", r"geen van (?:de|onze|ons)",
                       r"nobody(?! (?:can |could )?(?:hear|see|understand) me)" + _NOT_SUPPORT,
                       r"no one(?! (?:can |could )?(?:hear|see|understand) me)" + _NOT_SUPPORT,
                       r"(?:for|voor|bij) (?:anyone|anybody|niemand)",
                       r"(?:we|wij) (?:\w+ ){0,3}(?:liggen|zitten|staan) (?:\w+ ){0,3}(?:plat|stil|zonder)",
                       r"we(?:'re| are) (?:all )?(?:\w+ ){0,2}(?:down|dead in the water|at a standstill|offline)",
                       r"(?:op|naar|to|at|for|voor) (?:\w+ )?@[\w-]+\.[\w.-]+", r"noone", r"everyone", r"everybody", r"none of (?:us|our|the)",
                       r"all of us", r"any of us", r"met z'?n allen", r"ons allemaal", r"we allemaal",
                       r"(?:het |de )?hele " + _PLACE, r"heel (?:het )?" + _PLACE, r"(?:the )?(?:whole|entire) " + _PLACE,
                       r"alle (?:\d+ )?" + _GROUP_NL, r"al (?:onze|de) " + _GROUP_NL,
                       r"all (?:\d+ )?(?:of )?(?:our |the )?" + _GROUP_EN,
                       r"every (?:single )?(?:user|mailbox|pc|computer|account|employee|member of staff|staff member|laptop)",
                       r"(?:not a single|not one) (?:employee|user|person|colleague|pc|computer|mailbox)",
                       r"(?:on )?any (?:pc|computer|laptop|device)", r"all (?:of )?(?:our |the )?(?:\w+ )?(?:laptops|pcs|computers|devices|workstations)", r"alle (?:\w+)?(?:computers|pc'?s|laptops|werkplekken|kassa'?s)",
                       r"nergens (?:in|op) (?:de|het|ons|onze) (?:praktijk|zaak|winkel|school|kantoor|bedrijf|afdeling)",
                       r"(?:beide|alle) (?:locaties|vestigingen)", r"(?:both|all) (?:sites|branches|offices)",
                       r"(?:\d{2,}|[5-9]) (?:man|mensen|medewerkers|gebruikers|collega'?s|people|users|staff)")),
    (TEAM, _rx(r"(?:de |het |onze |ons )?hele \w*(?:team|afdeling)", r"(?:the |our )?(?:whole|entire) \w* ?(?:team|department)",
               r"(?:de |het |onze |ons )?hele " + _TEAM_NL, r"(?:the |our )?(?:whole|entire) " + _TEAM_EN,
               r"(?:de |het |onze |ons )?" + _TEAM_NL + r"(?= (?:\S+ ){0,2}(?:kan|kunnen|zit|zitten|ligt|staat|krijgt|krijgen|ontvangt|"
               r"ontvangen|hoort|horen|ziet|zien|heeft|hebben)(?![\w']))",
               r"(?:the |our )?" + _TEAM_EN + r"(?= (?:\S+ ){0,2}(?:can|cannot|can't|cant|is|are|gets|get|has|have|hear|hears|"
               r"see|sees|lost)(?![\w']))")),
    (SEVERAL, _rx(r"(?:een paar|enkele|meerdere|sommige|twee|drie|vier|2|3|4) (?:collega'?s|mensen|gebruikers|medewerkers)",
                  r"(?:a few|several|some|two|three|four|2|3|4) (?:of us|colleagues|people|users|staff)",
                  r"mijn collega en ik", r"(?:ik en )?(?:een|1) collega", r"my colleague and i",
                  r"(?:twee|two) of us", r"collega'?s", r"colleagues")),
)
_FIRST_PERSON = _rx(r"ik", r"mijn", r"mij", r"mn", r"m'n", r"i", r"my", r"me", r"i'm", r"im")

STAKE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (SECURITY, _rx(r"gehackt", r"gehacked", r"hacked", r"gecompromitteerd", r"compromised", r"phishing\w*",
                   r"ransomware", r"losgeld\w*", r"ransom", r"versleuteld", r"encrypted", r"datalek", r"data ?leak",
                   r"data breach", r"(?:die|dat) ik (?:\w+ ){0,3}(?:niet|nooit) (?:\w+ ){0,3}(?:verstuurd|gestuurd|aangevraagd|gestart|gedaan|gemaakt|ken)",
                   r"(?:heb|had) ik (?:niet|nooit) (?:\w+ )?(?:verstuurd|gestuurd|gedaan|gemaakt|aangevraagd)",
                   r"(?:niet|nooit) (?:zelf|door mij) (?:\w+ ){0,2}(?:verstuurd|gestuurd|aangevraagd|gestart|gedaan|gemaakt)",
                   r"(?:that )?i (?:\w+ ){0,2}(?:never|didn'?t|did not) (?:\w+ ){0,2}(?:send|sent|start|started|request|requested|make|made)",
                   r"(?:it'?s|that'?s|its|thats|was) not me", r"(?:wasn'?t|was not) me",
                   r"(?:mailt|stuurt|verstuurt|mailing|sending|sends|emails|emailing) (?:\S+ ){0,6}(?:uit zichzelf|vanzelf|by itself|on its own)",
                   r"onbekend\w* (?:app|apparaat|telefoon|gebruiker|adres|land|server|persoon)",
                   r"unknown (?:app|device|phone|user|address|country|server|person)", r"verdacht\w*",
                   r"suspicious", r"nep ?\w*(?:mail|pagina|site|link)", r"fake \w*(?:mail|page|site|link)",
                   r"gestolen", r"stolen", r"\.locked", r"riskante gebruiker", r"risky user",
                   r"(?:iemand|someone|somebody|mensen|people|personen) (?:van|from) (?:buiten|outside)(?: \S+){0,4} "
                   r"(?:heeft|hebben|has|have|had|kan|can|kunnen) (?:\w+ )?(?:toegang|access|bij)",
                   r"(?:oud-?(?:medewerker|collega)|ex-?(?:medewerker|collega|employee|colleague)|former (?:employee|colleague|staff member))"
                   r"(?: \S+){0,5} (?:logt|logs|logged|inloggen|signs|signed|heeft toegang|has access|still has access)",
                   r"(?:onverwacht\w*|unexpected|random|vreemde|rare|onbekende|strange) (?:mfa|authenticator|inlog|sign-?in|login|"
                   r"verificatie|verification)[ -]?(?:\w+ )?(?:meldingen|melding|verzoeken|prompts?|requests?|notifications?|codes?|pushe?s?|pushmeldingen)",
                   r"(?:stuurt|verstuurt|sends|sent|is sending|mailt|mailde|mailed|heeft \w+ gestuurd) (?:\S+ ){0,5}(?:naar|to) "
                   r"(?:al mijn|al onze|alle|all (?:of )?(?:my|our)|iedereen in (?:mijn|ons)|everyone in (?:my|our)) (?:\w+ )?"
                   r"(?:contacten|contactpersonen|contacts|relaties|adresboek|address book|klanten|customers|clients)",
                   r"(?:iemand|someone|somebody) (?:heeft|has|had)? ?(?:\S+ ){0,3}(?:dns|mx|nameservers?|naamservers?)\S*(?: \S+){0,3} "
                   r"(?:aangepast|gewijzigd|veranderd|omgezet|changed|modified|altered|updated)",
                   r"(?:someone|somebody) (?:changed|modified|altered|updated) (?:\S+ ){0,3}(?:dns|mx|nameservers?)",
                   r"(?:dns|mx|nameservers?|naamservers?)\S*(?: \S+){0,4} (?:gewijzigd|aangepast|veranderd|changed|modified|altered) "
                   r"(?:door|by) (?:iemand|someone|somebody|een onbekende|an unknown|not us|niet ons)")),
    (DATA_LOSS, _rx(r"(?:verdwijnen|verdwijnt) (?:er )?(?:steeds|nog steeds|op dit moment|nu|allemaal|terwijl)",
                    r"(?:lopen|loopt) leeg", r"worden? (?:allemaal )?(?:verwijderd|gewist|versleuteld)",
                    r"(?:is )?bezig (?:met )?(?:\w+ ){0,5}(?:te )?(?:wissen|verwijderen)",
                    r"terwijl (?:we|wij|ik) (?:kijken|kijk)", r"steeds meer (?:\w+ )?(?:weg|verdwijnt|bestanden)",
                    r"vanishing", r"disappearing", r"(?:being|are being|is being) (?:deleted|wiped|encrypted)",
                    r"(?:is|keeps?|are) (?:deleting|wiping)", r"emptying", r"while (?:we|i) watch",
                    r"more (?:and more )?disappears", r"as we speak")),
    (BLOCKED, _rx(r"(?:niemand|nobody|no one|noone|geen enkele|geen van|none of|not a single|not one)(?: \S+){0,6} "
                  r"(?:kan|kunnen|can|krijgt|ontvangt|komt|gets|receives|werkt)(?! (?:mij|me) (?:horen|zien|hear|see))",
                  r"(?:doet het|werkt) nergens", r"start (?:\w+ )?(?:niet|nergens)",
                  r"kan (?:niet|geen|nergens|niks|nog niet)", r"kunnen (?:niet|geen|nergens|niks)", r"lukt (?:niet|het niet)",
                  r"(?:werkt|werken|doet|doen) (?:\w+ ){0,2}(?:niet|nie)",
                  r"(?:mail|mails|e-?mails?|berichten|alles) (?:\w+ ){0,3}terug", r"verlopen", r"expired",
                  r"opgeschort", r"suspended", r"doet het niet", r"doen het niet", r"plat", r"ligt eruit",
                  r"liggen eruit", r"(?:ligt|liggen|staat|staan|zit|zitten) (?:\w+ )?stil", r"onbereikbaar",
                  r"geen (?:mail|e-?mail|toegang|verbinding)", r"(?:ontvangt|ontvangen|krijgt|krijgen) (?:niks|niets|geen)",
                  r"komt (?:niks|niets|er niks|er niets)", r"komen (?:niet|terug)", r"kom(?:t|en)? (?:er )?niet meer in", r"komt terug", r"terug ?gestuurd",
                  r"bounce\w*", r"geweigerd", r"geblokkeerd", r"buitengesloten", r"kom(?:t|en)? (?:er )?niet (?:meer )?in",
                  r"can'?t", r"cannot", r"can not", r"unable", r"not working", r"doesn'?t work", r"don'?t work",
                  r"isn'?t working", r"dead", r"down", r"unreachable", r"no (?:email|mail|access)", r"locked out",
                  r"rejected", r"stopped", r"nothing (?:works|comes|arrives|loads)", r"crash\w*", r"start niet",
                  r"opent niet", r"won'?t (?:start|open|load)",
                  r"(?:starten|openen|laden|laadt|start|opent|open|opens|loads?) (?:\w+ ){0,2}(?:niet|nergens|nowhere)",
                  r"service unavailable", r"foutpagina", r"offline", r"verbinding verbroken", r"disconnected",
                  r"(?:hoort|horen|hear|hears) (?:niks|niets|nothing|geen|niemand|no one|nobody)",
                  r"(?:hoort|horen|hoorde|hoorden) (?:\w+ ){1,3}(?:niet|nauwelijks)", r"(?:can'?t|cannot|can not|couldn'?t) hear",
                  r"wit(?:te)? scherm", r"(?:white|blank) screen", r"leeg scherm",
                  r"(?:kan|kunnen|kon|konden) (?:\w+ ){1,3}(?:niet|nergens)", r"(?:niks|niets|nothing) (?:\w+ ){0,4}(?:doet het|werkt|works)", r"(?:komt|komen) (?:\w+ ){0,3}niet (?:meer )?aan", r"(?:has|have) been locked",
                  r"alleen[- ]lezen", r"read[- ]only")),
    (DEGRADED, _rx(r"traag", r"langzaam", r"slow", r"vertraagd", r"vertraging", r"delay\w*", r"dubbele?",
                   r"duplicat\w*", r"twice", r"soms", r"sometimes", r"af en toe", r"hapert", r"haperen",
                   r"laggy", r"instabiel", r"onstabiel", r"te laat", r"late")),
)
# The Office 365 services a message names; several at once is how an outage reads ("mail en teams liggen eruit").
SERVICE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mail", _rx(r"outlook", r"outlok", r"e-?mail\w*", r"mail\w*", r"exchange", r"inbox", r"postvak\w*", r"agenda'?s?", r"calendars?")),
    ("teams", _rx(r"teams", r"team's")),
    ("files", _rx(r"sharepoint", r"sp", r"onedrive", r"od", r"one drive", r"share ?point", r"intranet")),
    ("apps", _rx(r"word", r"excel", r"powerpoint", r"office apps?", r"de office programma'?s")),
    ("portal", _rx(r"portal\.office\.com", r"office\.com", r"admin ?cent(?:er|re)", r"beheercentrum", r"365 portal")),
)
EVERYTHING_PATTERN = _rx(r"(?:niks|niets|alles|geen enkele dienst|geen van de diensten) (?:\w+ ){0,2}(?:van )?(?:microsoft|office|365|o365|m365)",
                         r"(?:nothing|everything|none of the services|all (?:the )?services) (?:\w+ ){0,2}(?:of |from |in )?(?:microsoft|office|365|o365|m365)",
                         r"(?:microsoft|office) 365 (?:\w+ ){0,2}(?:ligt|is|are|zijn) (?:\w+ )?(?:plat|down|eruit|onbereikbaar|unreachable)",
                         r"alle (?:microsoft |office |365 )?diensten", r"all (?:microsoft |office |365 )?services",
                         r"service unavailable")


def services_named(normalized: str) -> int:
    """How many distinct Office 365 services a message names; 3 when it says all of Office 365."""
    if EVERYTHING_PATTERN.search(normalized):
        return 3
    return sum(1 for _, pattern in SERVICE_PATTERNS if pattern.search(normalized))


URGENCY_PATTERN = _rx(r"dringend", r"spoed\w*", r"urgent\w*", r"asap", r"zsm", r"z\.s\.m", r"zo snel mogelijk",
                      r"noodgeval\w*", r"emergency", r"help+", r"hulp", r"paniek", r"panic", r"meteen", r"direct",
                      r"right now", r"immediately", r"deadline", r"nu", r"now")
_EXCLAIM = re.compile(r"!{2,}")


@dataclass(frozen=True, slots=True)
class Signals:
    """Explicit impact signals and the phrases they came from."""

    affected: str | None  # None: the message does not say
    stake: str
    urgent: bool
    evidence: tuple[str, ...]
    only_one: bool = False  # the message says others are fine ("alleen bij mij", "the others can work")

    @property
    def critical(self) -> bool:
        """The critical cells of bot.policy.triage: a compromise, loss under way, or a group blocked."""
        return self.stake in (SECURITY, DATA_LOSS) or (
            self.stake == BLOCKED and self.affected in (TEAM, ORGANISATION, CUSTOMERS))


def _first(patterns: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> tuple[str, str] | None:
    for value, pattern in patterns:
        match = pattern.search(text)
        if match:
            return value, match.group(0)
    return None


def read_signals(normalized: str) -> Signals:
    """Affected, stake and urgency stated in an already normalised message."""
    evidence: list[str] = []
    affected_hit = _first(AFFECTED_PATTERNS, normalized)
    affected = affected_hit[0] if affected_hit else (ONE if _FIRST_PERSON.search(normalized) else None)
    stake_hit = _first(STAKE_PATTERNS, normalized)
    urgent_hit = URGENCY_PATTERN.search(normalized) or _EXCLAIM.search(normalized)
    for hit in (affected_hit, stake_hit):
        if hit:
            evidence.append(hit[1])
    if urgent_hit:
        evidence.append(urgent_hit.group(0))
    return Signals(affected, stake_hit[0] if stake_hit else NONE, bool(urgent_hit), tuple(evidence),
                   bool(affected_hit) and affected == ONE)
