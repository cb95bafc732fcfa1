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
    "received_while_degraded": (
        "Uw bericht is ontvangen. Door een storing aan onze kant verwerken we het met enige vertraging; "
        "u hoeft het niet opnieuw te sturen."
    ),
    "role_support": "supportmedewerker",
    "role_senior": "senior supportmedewerker",
    "role_management": "management",
    # --- Moments and words -------------------------------------------------------------
    "moment": "{date} om {time}",
    "priority_P1": "hoogste (P1, noodgeval)",
    "priority_P2": "hoog (P2)",
    "priority_P3": "normaal (P3)",
    "status_open": "open, wacht op een supportmedewerker",
    "status_acknowledged": "bevestigd, een engineer is ermee bezig",
    "status_taken_over": "in behandeling bij een medewerker",
    "status_resolved": "opgelost",
    "step_1": "stap 1 (supportmedewerker)",
    "step_2": "stap 2 (senior supportmedewerker en management)",
    "step_3": "stap 3 (mediation)",
    "holder_none": "nog niet toegewezen",
    # --- Categories (one per intent) ---------------------------------------------------
    "intent_email_problem": "Probleem met e-mail of Outlook",
    "intent_teams_problem": "Probleem met Teams",
    "intent_files_problem": "Probleem met bestanden in SharePoint of OneDrive",
    "intent_office_app_problem": "Probleem met Word, Excel of een andere Office-app",
    "intent_license_problem": "Probleem met een licentie",
    "intent_signin_problem": "Probleem met inloggen",
    "intent_domain_problem": "Probleem met uw domein",
    "intent_security_incident": "Beveiligingsincident (bijvoorbeeld een gehackt account of phishing)",
    "intent_service_outage": "Storing in Office 365",
    "intent_howto": "Uitleg over het gebruik van een app",
    "intent_user_management": "Gebruikers of groepen beheren",
    "intent_security_settings_change": "Beveiligingsinstellingen aanpassen",
    "intent_onboarding": "Office 365 inrichten (implementatie)",
    "intent_escalation_request": "Een melding escaleren",
    "intent_ticket_status": "De status van uw meldingen",
    "intent_greeting": "Een begroeting",
    "intent_thanks_goodbye": "Bedanken of afsluiten",
    "intent_out_of_scope": "Iets anders dan Office 365",
    # --- Choice labels -------------------------------------------------------------------
    "choice_remind": "Herinner mij op {moment}",
    "choice_no_thanks": "Nee, dank u",
    "choice_emergency": "Het is een noodgeval",
    "choice_yes_emergency": "Ja, we kunnen niet werken",
    "choice_no_can_wait": "Nee, het kan wachten",
    "choice_accept_quote": "Ja, graag een offerte",
    "choice_other": "Iets anders",
    "choice_affected_one": "Alleen ik",
    "choice_affected_several": "Een paar collega's",
    "choice_affected_everyone": "De hele organisatie",
    "choice_since_just_now": "Net begonnen",
    "choice_since_today": "Sinds vandaag",
    "choice_since_longer": "Al langer",
    "rating_1": "1 – slecht",
    "rating_2": "2 – matig",
    "rating_3": "3 – redelijk",
    "rating_4": "4 – goed",
    "rating_5": "5 – uitstekend",
    "choice_take_over": "Overnemen {number}",
    "choice_acknowledge": "Bevestigen {number}",
    # --- Outside service hours -----------------------------------------------------------
    "out_of_hours": (
        "{why}, dus we zijn gesloten. We zijn er weer op **{moment}**.\n\n"
        "{emergency}\n\n"
        "Zal ik u dan een herinnering sturen?"
    ),
    "confirm_emergency": (
        "Kan uw organisatie, of een groot deel ervan, hierdoor nu niet werken? "
        "Dan melden we het als noodgeval en waarschuwen we de dienstdoende engineer."
    ),
    "not_an_emergency": (
        "Helder, dan is het geen noodgeval. U kunt het melden vanaf **{moment}**; dan pakken we het op.\n\n"
        "{emergency}"
    ),
    "not_an_emergency_reminder": "Zal ik u op {moment} een herinnering sturen?",
    "reminder_scheduled": "Afgesproken: ik stuur u op **{moment}** een herinnering.",
    "reminder_declined": (
        "Prima. U kunt uw probleem melden zodra we weer open zijn.\n\n"
        "{emergency}"
    ),
    "reminder_open": "Goedendag! Zoals afgesproken: we zijn nu open.",
    "told_ticket_offer": "{when} meldde u: *\"{told}\"*. Zal ik daar nu een melding van maken?",
    "told_ticket_declined": "Prima, dan maak ik er geen melding van. Speelt het toch nog? Beschrijf het dan gerust.",
    "choice_make_ticket": "Ja, maak de melding",
    "day_today": "Eerder vandaag",
    "day_yesterday": "Gisteren",
    "day_on": "Op {date}",
    "reminder_message": "Beschrijf uw probleem nog een keer, dan maak ik er een melding van.",
    # --- Outside the SLA -----------------------------------------------------------------
    "quoted": "*\"{text}\"*",
    "excluded_hint_howto": (
        "Uitleg over het gebruik van de Office-apps vindt u bij Microsoft op support.microsoft.com."
    ),
    "excluded_hint_user_management": (
        "Gebruikers en groepen kan de beheerder van uw organisatie zelf beheren "
        "in het Microsoft 365-beheercentrum (admin.microsoft.com)."
    ),
    "excluded_hint_security_settings_change": (
        "Instellingen die u zelf mag beheren, kan de beheerder van uw organisatie aanpassen "
        "in het Microsoft 365-beheercentrum (admin.microsoft.com). "
        "Vragen hierover? Mail naar {contact}."
    ),
    "excluded_hint_onboarding": (
        "Voor het inrichten van Office 365 kunt u contact opnemen met {msp} via {contact}."
    ),
    "quote_recorded": (
        "Dank u. Ik heb uw verzoek om een offerte doorgegeven aan {msp}. "
        "Een collega neemt contact met u op.\n\n"
        "Vragen in de tussentijd? Mail naar {contact}."
    ),
    "quote_declined": "Prima, dan laten we het hierbij. Kan ik u nog ergens anders mee helpen?",
    # --- Not sure what was meant ---------------------------------------------------------
    "clarify": "Ik weet niet zeker wat u bedoelt. Welke van deze past het best?",
    "clarify_other": (
        "Kunt u het in andere woorden beschrijven? "
        "Vertel bijvoorbeeld om welk programma het gaat en wat er misgaat."
    ),
    # --- Intake and tickets --------------------------------------------------------------
    "ask_product": "Om welk programma gaat het?",
    "ask_affected": "Hoeveel mensen hebben hier last van?",
    "ask_since": "Sinds wanneer speelt dit? Kies hieronder of typ het in uw eigen woorden.",
    "product_other": "een ander programma",
    "ticket_created": (
        "Ik heb melding **{number}** voor u aangemaakt.\n\n"
        "Categorie: {category}. Prioriteit: {priority}.\n\n"
        "Een supportmedewerker pakt uw melding op. U hoort in deze chat van ons."
    ),
    "emergency_paged": (
        "Ik heb noodmelding **{number}** aangemaakt met de hoogste prioriteit. "
        "De dienstdoende engineer wordt nu gewaarschuwd.\n\n"
        "Zodra iemand de melding bevestigt, laat ik het u hier weten."
    ),
    "emergency_unanswered": (
        "Het is ons nog niet gelukt een engineer te bereiken voor noodmelding {number}. "
        "Mail ons alstublieft via {contact}; wij blijven het ook proberen."
    ),
    "emergency_unanswered_phone": (
        "Het is ons nog niet gelukt een engineer te bereiken voor noodmelding {number}. "
        "Bel alstublieft ons noodnummer {phone} (of mail {contact}); wij blijven het ook proberen."
    ),
    "emergency_joined": (
        "{name} werkt al aan noodmelding {number}. Ik heb uw bericht erbij gezet, "
        "zodat {name} het ook ziet."
    ),
    "emergency_in_hours": (
        "Ik heb melding **{number}** aangemaakt met de hoogste prioriteit. "
        "Onze supportmedewerkers zijn nu gewaarschuwd en pakken het direct op."
    ),
    "acknowledged": "{name} heeft uw melding {number} bevestigd en gaat ermee aan de slag.",
    "status_none": "U heeft geen openstaande meldingen.",
    "status_intro": "Uw openstaande meldingen:",
    "status_line": "{subject}. Status: {status}. Escalatie: {step}. Behandelaar: {holder}.",
    # --- Escalation ----------------------------------------------------------------------
    "ask_which_ticket": (
        "Ik zie geen openstaande melding van u om te escaleren. Waar gaat het om? "
        "Beschrijf het probleem, dan maak ik er een melding van."
    ),
    "escalated": "Ik heb melding {number} geëscaleerd naar {step}.",
    "escalated_step_2": (
        "Ik heb melding {number} geëscaleerd naar stap 2. Een senior supportmedewerker "
        "en het management zijn gewaarschuwd en kunnen de melding overnemen."
    ),
    "mediation_info": (
        "Melding {number} is geëscaleerd naar stap 3 van de escalatieprocedure (SLA artikel 5). "
        "In deze stap kunnen verdere stappen worden genomen, zoals mediation.\n\n"
        "Het management is op de hoogte gebracht en neemt contact met u op."
    ),
    "already_escalated": (
        "Melding {number} is al geëscaleerd naar {step}, op {moment}. Zij nemen contact met u op; "
        "opnieuw escaleren is niet nodig."
    ),
    "already_in_mediation": (
        "Melding {number} is al in stap 3, de laatste stap (mediation). Verder escaleren kan niet; "
        "het management neemt contact met u op."
    ),
    # --- Conversation --------------------------------------------------------------------
    "out_of_scope": (
        "Ik help alleen bij Office 365 onder de SLA van {msp}. "
        "Voor andere vragen kunt u mailen naar {contact}."
    ),
    "goodbye": "Graag gedaan, en tot ziens! Stuur gerust een bericht als er nog iets is.",
    # --- Taken over, resolved, rating ----------------------------------------------------
    "staff_joined": (
        "{name} heeft het gesprek over melding {number} overgenomen. "
        "Uw berichten gaan vanaf nu rechtstreeks naar {name}."
    ),
    "handed_back": (
        "De medewerker heeft het gesprek over melding {number} aan mij teruggegeven. "
        "De melding blijft open; u hoort van ons zodra er nieuws is."
    ),
    "resolved": "Uw melding {number} is opgelost.",
    "resolved_note": "Toelichting van de medewerker: {note}",
    "rating_request": (
        "Hoe tevreden bent u over de afhandeling van melding {number}? "
        "Kies een cijfer van 1 (slecht) tot 5 (uitstekend)."
    ),
    "rating_thanks": "Dank u voor uw beoordeling: {rating} van 5.",
    "rating_thanks_low": (
        "Dank u voor uw beoordeling: {rating} van 5. Jammer dat het niet naar wens ging; "
        "we gebruiken dit om onze service te verbeteren."
    ),
    "rating_invalid": "Dat begreep ik niet. Kies een cijfer van 1 tot 5.",
    # --- Staff notices -------------------------------------------------------------------
    "new_ticket_notice": "**Nieuwe melding {number}** van {organisation}: {subject}",
    "page_notice": (
        "**Noodmelding {number}** van {organisation}, buiten servicetijden. "
        "Bevestig dat u ermee aan de slag gaat."
    ),
    "page_reason": "Waarom een noodgeval: {affected}; {stake}.",
    "page_reason_words": "De klant schreef: {words}",
    "impact_affected_one": "één persoon",
    "impact_affected_several": "een paar mensen",
    "impact_affected_team": "een heel team of een afdeling",
    "impact_affected_organisation": "de hele organisatie",
    "impact_affected_customers": "de klanten van de organisatie",
    "impact_stake_none": "er staat niets bijzonders op het spel",
    "impact_stake_degraded": "het werkt slecht",
    "impact_stake_blocked": "zij kunnen niet werken",
    "impact_stake_data_loss": "er gaan op dit moment gegevens verloren",
    "impact_stake_security": "mogelijk een beveiligingsincident",
    "quote_request_notice": (
        "**Offerteaanvraag** van {reporter} ({organisation}): {category}. "
        "Neem contact op met de klant."
    ),
    "escalation_notice": "**Melding {number}** van {organisation} is geëscaleerd naar {step}.",
    "auto_escalation_reason": "Automatisch: langer dan {hours} uur onopgelost in stap {step}.",
    "escalation_notice_step_2": "U kunt de melding overnemen.",
    "escalation_notice_step_3": (
        "De klant is gewezen op mediation (SLA artikel 5, stap 3). Neem contact op met de klant."
    ),
    # --- Pages outside Teams (e-mail, SMS or voice gateway) and the acknowledge page ------
    "oob_mail_subject": "[Noodgeval] {number}: {organisation}",
    "oob_greeting": "Hallo {name},",
    "oob_intro": "Noodmelding {number} van {organisation}, buiten servicetijden.",
    "oob_reason_teams_unreachable": (
        "Via Teams was niemand te bereiken, daarom krijgt u deze oproep buiten Teams om."
    ),
    "oob_reason_round_unanswered": (
        "Niemand heeft de oproep in Teams op tijd bevestigd, daarom krijgt u hem ook buiten Teams om."
    ),
    "oob_acknowledge_link": "Gaat u ermee aan de slag? Bevestig het hier: {url}",
    "oob_acknowledge_in_teams": "Gaat u ermee aan de slag? Bevestig het in Teams met: ack {number}",
    "oob_mail_footer": "Deze oproep is automatisch verstuurd door de supportbot.",
    "oob_short": "Noodgeval {number} bij {organisation}: {description}",
    "ack_page_title": "Noodmelding {number}",
    "ack_page_question": (
        "Gaat u ermee aan de slag? Dan stopt het oproepen en hoort de klant dat u de melding oppakt."
    ),
    "ack_page_button": "Ik pak het op",
    "ack_page_closed": "Melding {number} staat niet meer open: {status}.",
    "ack_link_title": "Bevestigingslink",
    "ack_link_invalid": "Deze bevestigingslink klopt niet. Bevestig de melding in Teams.",
    "ack_link_expired": "Deze bevestigingslink is verlopen. Bevestig de melding in Teams.",
    # --- Staff desk (the staff chat's commands) --------------------------------------
    "staff_hello": "Hallo {name}, u bent herkend als {role}. Typ **help** voor de opdrachten.",
    "desk_help_intro": "Uw opdrachten als {role} (Nederlands of Engels; met of zonder /):",
    "help_queue": "**wachtrij**: alle open meldingen",
    "help_show": "**toon T-2026-0001**: een melding met pages, escalaties en notities",
    "help_acknowledge": "**bevestig T-2026-0001**: u gaat ermee aan de slag (de oproepen stoppen)",
    "help_take_over": "**overnemen T-2026-0001**: het gesprek met de klant overnemen",
    "help_hand_back": "**/teruggeven**: het gesprek teruggeven aan de bot",
    "help_resolve": "**opgelost T-2026-0001 notitie**: de melding sluiten; de klant krijgt de notitie",
    "help_escalate": "**escaleer T-2026-0001 reden**: een stap hoger in de escalatieprocedure",
    "help_note": "**notitie T-2026-0001 tekst**: een notitie voor collega's",
    "help_override": "**vervang Carla tot morgen 09:00**: een vervanging in het rooster zetten",
    "help_help": "**help**: dit overzicht",
    "desk_help_holding": (
        "U heeft nu het gesprek over {number}: wat u typt gaat naar de klant. "
        "Opdrachten begint u dan met een /, bijvoorbeeld /teruggeven of /opgelost notitie."
    ),
    "desk_unknown_command": "Dat herken ik niet als opdracht. Typ **help** voor het overzicht.",
    "command_needs_number": "Bij deze opdracht hoort een meldingsnummer, bijvoorbeeld T-2026-0001.",
    "command_needs_text": "Bij deze opdracht hoort een tekst (een notitie of een reden).",
    "override_usage": "Zo zet u een vervanging: **vervang Carla tot morgen 09:00** (of: vervang mij tot 28-11 09:00).",
    "override_bad_moment": "Ik begrijp het tijdstip \"{moment}\" niet. Bijvoorbeeld: morgen 09:00, maandag 09:00 of 28-11 09:00.",
    "override_in_past": "Het tijdstip \"{moment}\" is al voorbij.",
    "desk_unknown_ticket": "Ik ken geen melding {number}.",
    "desk_unknown_staff": "Ik ken geen collega \"{who}\". Gebruik een naam uit de medewerkerslijst, of \"ik\".",
    "desk_denied_role": "Dat mag een {role} niet bij {number} ({step}). Vraag een senior supportmedewerker of management.",
    "desk_denied_override": "Een vervanging in het rooster zetten mag alleen een senior supportmedewerker of management.",
    "desk_denied_not_holder": "U heeft het gesprek over {number} niet overgenomen.",
    "desk_denied_resolved": "Melding {number} is al opgelost.",
    "desk_denied_final_step": "Melding {number} staat al in stap 3 (bemiddeling); verder escaleren kan niet.",
    "desk_held_by_other": "Het gesprek over {number} is al overgenomen door {name}.",
    "desk_queue_none": "Er zijn geen open meldingen.",
    "desk_queue_intro": "Open meldingen ({count}):",
    "desk_queue_line": "{organisation}: {subject}. {priority}, {status}, {step}. Behandelaar: {holder}.",
    "desk_acknowledged": "U heeft {number} bevestigd; de klant weet dat u ermee bezig bent.",
    "desk_already_acknowledged": "Melding {number} was al bevestigd door {name}.",
    "desk_taken_over": (
        "U heeft het gesprek over {number} met {customer} ({organisation}) overgenomen. "
        "Wat u nu typt, gaat naar de klant. Opdrachten begint u met een /: "
        "/teruggeven, /opgelost notitie, /escaleer reden, /notitie tekst."
    ),
    "desk_already_yours": "U heeft het gesprek over {number} al.",
    "desk_holding_another": "U heeft het gesprek over {number} nog. Geef dat eerst terug (/teruggeven) of sluit het (/opgelost).",
    "desk_not_holding": "U heeft geen gesprek overgenomen.",
    "desk_handed_back": "U heeft het gesprek over {number} teruggegeven aan de bot. De melding blijft open.",
    "desk_resolved": "Melding {number} is opgelost. De klant heeft bericht gekregen en is om een beoordeling gevraagd.",
    "desk_escalated": "Melding {number} is geëscaleerd naar {step}.",
    "desk_not_escalated": "Melding {number} is niet verder geëscaleerd (hij stond al hoger of is opgelost).",
    "desk_note_saved": "Notitie bij {number} opgeslagen.",
    "desk_on_call": "Nu dienst: **{on_call}** ({because}), tot {until}. Back-up: {backup}.",
    "oncall_now_nobody": "Nu heeft niemand dienst (tot {until}). Back-up: {backup}.",
    "oncall_next": "Daarna: **{name}** ({because}), vanaf {starts}.",
    "oncall_coming": "Diensten in de komende {days} dagen:",
    "oncall_none_coming": "geen",
    "oncall_gaps": "Gaten: buiten kantooruren heeft in de komende {days} dagen niemand dienst op",
    "oncall_line": "{period}: {name} ({because})",
    "oncall_line_short": "{period}: {name}",
    "oncall_period": "{starts} tot {ends}",
    "because_nobody": "niemand",
    "because_rotation": "laag {layer}, rotatie {rotation}",
    "because_shift": "dienst in het rooster",
    "because_override": "vervanging, gezet door {by}",
    "because_swap": "geruild, overgenomen van {by}",
    "because_assigned": "toegewezen door {by}",
    "why_paged_on_call": "u heeft dienst: {because}",
    "why_paged_backup": "u bent de back-up",
    "why_paged_management": "u bent management",
    "fact_why_paged": "Waarom u",
    "gaps_warning": "Let op: buiten kantooruren heeft in de komende {days} dagen op deze momenten niemand dienst. Een melding gaat dan direct naar de back-up ({backup}). Wijs iemand toe met de knoppen of met **toewijzen**:",
    "offer_none": "U heeft in de komende {days} dagen geen dienst om aan te bieden.",
    "offer_pick": "Welke dienst wilt u aanbieden aan uw collega's? Uw diensten in de komende {days} dagen:",
    "choice_offer": "Aanbieden: {period}",
    "offer_notice": "{name} biedt een dienst aan: {period}. Wilt u hem overnemen? (of typ: dienst overnemen {number})",
    "choice_take_shift": "Dienst overnemen",
    "offer_made": "Uw dienst {period} is aangeboden aan uw collega's. U hoort het zodra iemand hem overneemt; tot dan houdt u dienst.",
    "offer_in_past": "Die dienst is al voorbij.",
    "offer_not_yours": "Die dienst is niet (meer) van u. Kies opnieuw met **ruil**.",
    "offer_unknown": "Ik ken geen aangeboden dienst {number}.",
    "offer_own": "Dit is uw eigen aanbod; een collega moet het overnemen.",
    "offer_already_taken": "Deze dienst is al overgenomen door {name}.",
    "offer_taken": "U heeft dienst {period}; u heeft hem overgenomen van {name}.",
    "offer_taken_notice": "{name} heeft uw dienst {period} overgenomen. U heeft dan geen dienst.",
    "assign_nothing": "Er is in de komende {days} dagen niets toe te wijzen.",
    "assign_pick_shift": "Welke periode wilt u toewijzen? Gaten eerst, dan de diensten van de komende {days} dagen:",
    "assign_pick_person": "Wie krijgt dienst {period}?",
    "choice_assign": "Toewijzen: {period}",
    "assign_done": "{name} heeft dienst {period}; dat gaat voor het rooster.",
    "oncall_given_notice": "{by} heeft u dienst gegeven: {period}.",
    "oncall_taken_notice": "{by} heeft {name} dienst gegeven voor {period}; u heeft dan geen dienst.",
    "desk_denied_management": "Dit mag alleen management.",
    "calendar_usage": "Zo werkt het: **agenda** (uw link), **agenda nieuw** (een nieuwe link) of **agenda intrekken**.",
    "take_shift_usage": "Zo neemt u een aangeboden dienst over: **dienst overnemen 12** (het nummer staat in het aanbod).",
    "calendar_unavailable": "Agendalinks zijn nog niet ingesteld (PUBLIC_URL ontbreekt). Vraag het de beheerder van de bot.",
    "calendar_exists_personal": "U heeft al een agendalink sinds {since}. Die toon ik niet nog eens, want hij is geheim: **agenda nieuw** maakt een nieuwe (de oude werkt dan niet meer).",
    "calendar_exists_team": "U heeft al een link naar de hele dienstplanning sinds {since}. Die toon ik niet nog eens, want hij is geheim: **agenda team nieuw** maakt een nieuwe (de oude werkt dan niet meer).",
    "calendar_link_personal": "Uw diensten als agenda. Abonneer erop in Outlook (Agenda toevoegen, Abonneren vanaf internet) met deze link:\n\n{url}\n\nHoud hem geheim. **agenda intrekken** zet hem uit.",
    "calendar_link_team": "De hele dienstplanning als agenda, met de gaten. Abonneer erop in Outlook (Agenda toevoegen, Abonneren vanaf internet) met deze link:\n\n{url}\n\nHoud hem geheim. **agenda team intrekken** zet hem uit.",
    "calendar_revoked": "Uw agendalink werkt niet meer.",
    "calendar_none": "U had geen agendalink; er is niets ingetrokken.",
    "calendar_name_personal": "Mijn diensten ({msp})",
    "calendar_name_team": "Dienstplanning {msp}",
    "calendar_event_mine": "Dienst",
    "calendar_event_team": "Dienst: {name}",
    "calendar_event_gap": "Niemand heeft dienst",
    "help_on_call": "**wie heeft dienst**: nu, daarna en de komende dagen, en waarom (laag en rotatie, of wie het wijzigde)",
    "help_calendar": "**agenda**: uw diensten als agenda voor Outlook (**agenda nieuw**, **agenda intrekken**)",
    "help_team_calendar": "**agenda team**: de hele dienstplanning als agenda",
    "help_offer_shift": "**ruil**: een dienst aanbieden aan collega's",
    "help_take_shift": "**dienst overnemen 12**: een aangeboden dienst overnemen (of de knop in het aanbod)",
    "help_assign_shift": "**toewijzen**: een dienst of gat aan iemand toewijzen",
    "schedule_header": "Dienstrooster {period} ({zone}):",
    "schedule_gaps": "Gaten buiten kantooruren: {count}",
    "desk_override_set": "{name} heeft dienst tot {until}; dat gaat voor het rooster.",
    "desk_handed_back_by": "{name} heeft het gesprek over {number} teruggegeven aan de bot; uw berichten gaan niet meer naar de klant.",
    "desk_resolved_by": "{name} heeft melding {number} opgelost en het gesprek gesloten; uw berichten gaan niet meer naar de klant.",
    "desk_not_relayed": (
        "Dit lijkt een opdracht, dus ik heb het niet naar de klant gestuurd. Zolang u een gesprek "
        "heeft, begint u opdrachten met een /, bijvoorbeeld: /{typed}"
    ),
    "desk_queue_more": "En nog {count} meer; gebruik **toon** met een nummer voor de details.",
    "desk_undelivered": "Let op: {count} bericht(en) van de bot kon(den) niet worden afgeleverd. De laatste:",
    "desk_undelivered_line": "{moment} aan {recipient}: {text}",
    "desk_relay_failed": "Uw bericht kon niet bij de klant worden afgeleverd. Probeer het zo nog eens.",
    "relayed_from_customer": "**{name}** ({organisation}, {number}): {text}",
    "relayed_from_staff": "**{name}**: {text}",
    "relay_unreachable": (
        "Uw bericht is bewaard, maar {name} is op dit moment niet bereikbaar in Teams. "
        "We nemen zo snel mogelijk contact met u op."
    ),
    "fact_pages": "Pages",
    "fact_escalations": "Escalaties",
    "fact_notes": "Notities",
    "page_line": "{moment}: {name} ({position}), {status}",
    "page_status_sending": "wordt verstuurd",
    "page_status_sent": "wacht op bevestiging",
    "page_status_acknowledged": "bevestigd",
    "page_status_timed_out": "niet op tijd bevestigd",
    "page_status_unreachable": "niet bereikbaar in Teams, overgeslagen",
    "position_on_call": "dienst",
    "position_backup": "back-up",
    "position_management": "management",
    "escalation_line": "{moment}: stap {from_step} naar {to_step} ({trigger}, {who}): {reason}",
    "trigger_customer": "door de klant",
    "trigger_staff": "door een medewerker",
    "trigger_automatic": "automatisch",
    "note_line": "{moment}, {name}: {text}",
    "nothing_yet": "nog geen",
    "fact_ticket": "Melding",
    "fact_organisation": "Organisatie",
    "fact_reporter": "Melder",
    "fact_category": "Categorie",
    "fact_priority": "Prioriteit",
    "fact_status": "Status",
    "fact_step": "Escalatie",
    "fact_holder": "Behandelaar",
    "fact_description": "Omschrijving",
    "fact_reason": "Reden",
    "fact_request": "Verzoek",
    # --- The Teams app (manifest and its command menu, built by deploy/teams) ------------
    "teams_app_customers_name_short": "{msp} support",
    "teams_app_customers_name_full": "Office 365-support van {msp}",
    "teams_app_customers_description_short": "Office 365-support van {msp}: meldingen en noodgevallen.",
    "teams_app_customers_description_full": (
        "De eerstelijns supportbot van {msp} voor Office 365. Beschrijf uw probleem in een paar woorden: "
        "binnen kantoortijd maakt de bot een melding voor de supportmedewerkers, daarbuiten neemt hij "
        "alleen noodgevallen aan en roept hij de medewerker met dienst op. U kunt ook de status van uw "
        "meldingen opvragen of een melding laten escaleren. Nederlands en Engels."
    ),
    "teams_app_staff_name_short": "{msp} supportdesk",
    "teams_app_staff_name_full": "Supportdesk van {msp} (medewerkers)",
    "teams_app_staff_description_short": "Wachtrij, oproepen en escalaties voor medewerkers van {msp}.",
    "teams_app_staff_description_full": (
        "Voor de medewerkers van {msp}: de wachtrij met open meldingen, oproepen bevestigen, het gesprek "
        "met een klant overnemen en teruggeven, meldingen oplossen en escaleren, notities, wie dienst "
        "heeft en vervangingen in het rooster."
    ),
    "teams_command_status_title": "Status van mijn meldingen",
    "teams_command_status_description": "De open meldingen van uw organisatie en hoe het ermee staat.",
    "teams_command_escalate_title": "Melding escaleren",
    "teams_command_escalate_description": "Uw nieuwste open melding een stap hoger in de escalatieprocedure.",
    "teams_command_hello_title": "Hallo",
    "teams_command_hello_description": "Begin een gesprek en beschrijf daarna uw probleem in een paar woorden.",
    "teams_command_queue_title": "/wachtrij",
    "teams_command_queue_description": "Alle open meldingen, noodgevallen eerst.",
    "teams_command_show_title": "/toon",
    "teams_command_show_description": "Eén melding met oproepen, escalaties en notities: /toon T-2026-0001",
    "teams_command_acknowledge_title": "/bevestig",
    "teams_command_acknowledge_description": "U gaat ermee aan de slag; de oproepen stoppen: /bevestig T-2026-0001",
    "teams_command_take_over_title": "/overnemen",
    "teams_command_take_over_description": "Het gesprek met de klant overnemen: /overnemen T-2026-0001",
    "teams_command_hand_back_title": "/teruggeven",
    "teams_command_hand_back_description": "Het overgenomen gesprek teruggeven aan de bot.",
    "teams_command_resolve_title": "/opgelost",
    "teams_command_resolve_description": "De melding sluiten met een notitie voor de klant: /opgelost notitie",
    "teams_command_escalate_staff_title": "/escaleer",
    "teams_command_escalate_staff_description": "Een stap hoger, met een reden: /escaleer T-2026-0001 reden",
    "teams_command_note_title": "/notitie",
    "teams_command_note_description": "Een notitie voor collega's: /notitie T-2026-0001 tekst",
    "teams_command_on_call_title": "/dienst",
    "teams_command_on_call_description": "Wie nu dienst heeft, de back-up en vervangingen.",
    "teams_command_override_title": "/vervang",
    "teams_command_override_description": "Een vervanging in het rooster: /vervang Carla tot morgen 09:00",
    "teams_command_help_title": "/help",
    "teams_command_help_description": "De opdrachten die u met uw rol mag gebruiken.",
    # --- The edge (issue 11): group chats, identities, limits, no words, edits, data protection ---
    "personal_only": "Ik help alleen in een 1-op-1-chat. Stuur mij een persoonlijk bericht.",
    "cannot_verify": (
        "Sorry, ik kan niet vaststellen wie u bent, dus ik kan u hier niet helpen. "
        "Neem contact op met {msp} via {contact}."
    ),
    "rate_limited": (
        "U stuurt meer berichten dan ik zo snel kan verwerken. Ze zijn bewaard, maar ik reageer er niet op; "
        "wacht een minuut en stuur uw vraag dan nog eens."
    ),
    "wordless_hint": "Ik kan geen afbeeldingen lezen; beschrijf het probleem in een paar woorden.",
    "desk_wordless": "Afbeeldingen en bestanden kan ik niet lezen of doorsturen; typ een opdracht of tekst.",
    "relayed_correction": "**{name}** ({organisation}, {number}) heeft een bericht aangepast: {text}",
    "card_action_received": "Ontvangen.",
    "attachment_image": "afbeelding",
    "attachment_file": "bestand",
    "attachment_card": "kaart",
    "attachment_other": "bijlage",
    "help_export": "**exporteer naam of object-id**: alle gegevens van één klant als JSON (AVG)",
    "help_erase": "**wis naam of object-id**: alle gegevens van één klant wissen, na bevestiging (AVG)",
    "desk_person_unknown": "Ik vind geen klant met de naam of het object-id {who}.",
    "desk_person_ambiguous": "Meerdere klanten heten {who}; gebruik een object-id: {ids}",
    "desk_person_needed": "Noem de klant: **{command} naam** of **{command} object-id**.",
    "desk_export_intro": "Alle gegevens van {name} ({organisation}), deel {part} van {parts}:",
    "desk_erase_confirm": (
        "Dit wist de gegevens van {name} ({organisation}) definitief: {messages} berichten en "
        "{conversations} gesprekken verdwijnen, {tickets} meldingen worden geanonimiseerd. "
        "Zeker weten? Typ dan: **wis {object_id} bevestig**"
    ),
    "desk_erased": (
        "De gegevens van {name} zijn gewist: {messages} berichten en {conversations} gesprekken verwijderd, "
        "{tickets} meldingen geanonimiseerd."
    ),
    "desk_denied_management_only": "Alleen het management mag persoonsgegevens exporteren of wissen.",
    "fact_attachments": "Bijlagen",
    "erased_placeholder": "(gewist op verzoek van de betrokkene)",
    "emergency_way": (
        "Kan uw organisatie hierdoor niet werken? Dan is het een noodgeval: kies **Het is een noodgeval** of typ *noodgeval*."
    ),
    "emergency_way_phone": (
        "Kan uw organisatie hierdoor niet werken? Dan is het een noodgeval: kies **Het is een noodgeval**, typ *noodgeval* of bel ons noodnummer {phone}."
    ),
    "emergency_later": "Wordt het toch zo erg dat uw organisatie niet kan werken? Typ dan *noodgeval*.",
    "emergency_later_phone": (
        "Wordt het toch zo erg dat uw organisatie niet kan werken? Typ dan *noodgeval* of bel ons noodnummer {phone}."
    ),
    "closed_holiday": "Het is vandaag {name}",
    "closed_extra_closed_day": "Vandaag is een extra sluitingsdag",
    "closed_weekend": "Het is weekend",
    "closed_not_a_working_day": "Vandaag is geen werkdag voor ons",
    "closed_before_opening": "Het is nog voor {opens} uur",
    "closed_after_closing": "Het is na {closes} uur",
    "closed_now": "Het is nu buiten onze servicetijden",
    "reminder_moved": (
        "Ik zou u op {moment} een herinnering sturen, maar dat lukte toen niet. {why}; ik stuur hem nu op **{next}**."
    ),
    "offer_passed": "Dat aanbod was voor {moment}, en dat moment is al voorbij.",
    "excluded_short": "Dit valt niet onder de SLA. In {section} staat:",
    "translation_line": "(Vertaling: {text})",
    "excluded_offer_short": "Wel kunnen we u hier tegen betaling mee helpen. Wilt u een offerte?",
    "choice_full_sla": "Hele SLA-tekst",
    "full_sla_intro": "Wat de SLA uitsluit (artikel 2.1 en 3), woord voor woord:",
    "how_can_i_help": "Waarmee kan ik u helpen? Beschrijf uw probleem in een paar woorden.",
    "question_dropped": "Mijn vorige vraag laat ik rusten.",
    "stale_choice": "Die knop hoort bij een vraag die al is afgehandeld. Waarmee kan ik u nu helpen?",
    "still_open": "Graag nog een antwoord op mijn vraag.",
    "fact_noted": "Dat noteer ik bij uw probleem.",
    "urgent_describe": (
        "Ik begrijp dat het dringend is. Wat is er aan de hand? Beschrijf het probleem in een paar woorden."
    ),
    "describe_problem": "Wat werkt er niet? Beschrijf het probleem in een paar woorden.",
    "person_asked": (
        "Een supportmedewerker neemt elke melding in behandeling en neemt daarover contact met u op. Waar gaat het "
        "om? Beschrijf het probleem, dan maak ik er een melding van voor support."
    ),
    "outside_office": (
        "Over *\"{clause}\"*: dat valt buiten Office 365 en de SLA; daarvoor kunt u mailen naar {contact}."
    ),
    "other_problem": "En uw andere probleem, *\"{clause}\"*:",
    "describe_if_emergency": (
        "Zeg er ook bij als uw organisatie hierdoor niet kan werken: dan is het een noodgeval en halen we de dienstdoende engineer erbij."
    ),
    "choice_hint": "Kies een van de knoppen of typ het nummer.",
    "sla_overview": "Wat er in de SLA met {msp} staat, per artikel:",
    "sla_where": (
        "De volledige tekst staat in de SLA die uw organisatie met {msp} heeft afgesloten; een kopie vraagt u op via {contact}."
    ),
    "sla_clause_1": "Doel: de afspraken tussen {msp} en uw organisatie over de Office 365-diensten.",
    "sla_clause_2_1": (
        "Diensten: licenties voor Microsoft 365 (e-mail, Outlook, Word, Excel, PowerPoint, SharePoint, Teams, OneDrive); "
        "de eenmalige inrichting wordt apart gefactureerd."
    ),
    "sla_clause_2_2": "Service-uren: {hours}; daarbuiten alleen noodgevallen.",
    "sla_clause_3": (
        "Uitsluitingen: hulp bij het gebruik van de apps, beheer dat u zelf kunt doen (gebruikers en groepen) en "
        "afwijkende (beveiligings)instellingen; op verzoek tegen betaling."
    ),
    "sla_clause_4": "Uw verantwoordelijkheid: technische problemen en beveiligingsincidenten meteen melden.",
    "sla_clause_5": "Escalatie: eerst de supportmedewerker, dan een senior of het management, daarna bijvoorbeeld mediation.",
    "sla_clause_6": "Back-up: de ingebouwde back-up van Office 365 voor e-mail, SharePoint en OneDrive.",
    "sla_clause_7": "Wijzigingen: {msp} mag de SLA wijzigen en laat dat u schriftelijk weten.",
    "sla_clause_8": "Algemene voorwaarden: die van {msp} gelden ook voor de SLA.",
    "choice_exclusions_verbatim": "Uitsluitingen woord voor woord",
    "separate_tickets": (
        "Ik lees {count} problemen: {problems}. Zal ik voor elk een aparte melding maken?"
    ),
    "choice_separate": "Ja, aparte meldingen",
    "choice_one_ticket": "Nee, één melding",
    "separate_created": (
        "Ik heb {count} meldingen voor u aangemaakt. Een supportmedewerker pakt ze op; u hoort in deze chat van ons."
    ),
    "separate_line": "{category}, prioriteit {priority}",
    "which_ticket": "Welke melding wilt u escaleren?",
    "which_ticket_colleagues": (
        "U heeft zelf geen openstaande melding. Wilt u een melding van een collega escaleren?"
    ),
    "choice_ticket": "{number}: {subject}",
    "choice_none_of_these": "Geen van deze",
    "status_colleague_line": "{subject} (van een collega)",
    "status_intro_colleagues": "U heeft zelf geen openstaande meldingen. Die van uw collega's:",
    "added_to_ticket": "Dank u, ik heb dit toegevoegd aan melding {number}.",
    "called_off": "Goed, dan stop ik hiermee; er is geen melding gemaakt. Stuur gerust een bericht als er nog iets is.",
    "added_to_report": "Dat neem ik mee in de melding.",
    "unknown_ticket": "Een melding met nummer {number} ken ik niet van u.",
    "number_unasked": "Ik heb u nu geen vraag gesteld waar een getal het antwoord op is.",
    "help_reload_config": (
        "**herlaad config**: de configuratie opnieuw inlezen; rooster en medewerkers gelden dan meteen, zonder herstart"
    ),
    "desk_denied_reload_management_only": "Alleen het management mag de configuratie herladen.",
    "config_applied": (
        "De configuratie is herladen uit {source}; gewijzigd: {sections}. De andere replica's lezen haar binnen "
        "enkele seconden ook opnieuw in."
    ),
    "config_unchanged": "De configuratie in {source} is niet gewijzigd; er is niets herladen.",
    "config_invalid": (
        "De configuratie is niet herladen, want {source} klopt niet. De huidige configuratie blijft in gebruik.\n\n"
        "{reason}"
    ),
    "config_needs_restart": (
        "De configuratie is niet herladen: {sections} gaan pas bij een herstart in. De huidige configuratie "
        "blijft in gebruik; herstart de bot om de nieuwe te gebruiken."
    ),
    "config_fixed": (
        "De configuratie komt uit de omgevingsvariabele {source} en kan niet worden herladen: pas die aan en "
        "herstart de bot, of gebruik een configuratiebestand (SUPPORTBOT_CONFIG)."
    ),
}

# What people type instead of pressing a button, per choice value (lower case). Matching the
# typed text against these is the dialogs' job; choices.choice_synonyms merges both languages.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_sla": ("hele sla-tekst", "hele sla", "volledige sla", "sla-tekst", "sla tekst", "sla"),
    "remind": ("herinner", "herinner mij", "herinnering", "stuur een herinnering", "ja graag", "ja", "graag"),
    "no": ("nee", "neen", "nee dank u", "nee dank je", "nee bedankt", "niet nodig", "hoeft niet", "niet"),
    "emergency": ("noodgeval", "het is een noodgeval", "nood", "spoed", "spoedgeval", "dringend", "calamiteit"),
    "yes": ("ja", "jawel", "klopt", "ja klopt", "inderdaad", "zeker", "we kunnen niet werken"),
    "accept": ("ja", "ja graag", "graag", "offerte", "stuur een offerte", "akkoord", "prima"),
    "decline": ("nee", "neen", "nee dank u", "nee bedankt", "geen offerte", "niet nodig", "hoeft niet"),
    "other": ("iets anders", "anders", "geen van deze", "geen van allen", "overig"),
    "one": ("alleen ik", "ik", "alleen mij", "mij", "ikzelf", "alleen mijzelf", "één persoon"),
    "several": ("een paar collega's", "een paar", "paar collega's", "meerdere", "enkele collega's", "collega's"),
    "everyone": (
        "de hele organisatie", "hele organisatie", "iedereen", "het hele bedrijf", "heel het bedrijf", "allemaal",
    ),
    "just_now": ("net begonnen", "net", "zojuist", "nu net", "sinds net", "net pas"),
    "today": ("sinds vandaag", "vandaag", "vanochtend", "vanmorgen", "vanmiddag"),
    "longer": ("al langer", "langer", "gisteren", "sinds gisteren", "al dagen", "al een tijdje", "al een week"),
    "outlook": ("outlook", "outlook app", "nieuwe outlook"),
    "exchange": ("exchange", "exchange online", "mailbox", "postvak", "mailserver"),
    "teams": ("teams", "microsoft teams", "ms teams"),
    "sharepoint": ("sharepoint", "sharepoint online", "intranet"),
    "onedrive": ("onedrive", "one drive"),
    "word": ("word", "ms word"),
    "excel": ("excel", "ms excel", "rekenblad"),
    "powerpoint": ("powerpoint", "ppt", "presentatie"),
    "1": ("een", "één", "slecht"),
    "2": ("twee", "matig"),
    "3": ("drie", "redelijk"),
    "4": ("vier", "goed"),
    "5": ("vijf", "uitstekend", "perfect"),
}

# Words the customer conversation reads (bot/services/customer/reading.py), lower case. Both
# languages' lists are used for every customer; `markers` tell Dutch from English.
READING: dict[str, tuple[str, ...]] = {
    "urgency": (
        "dringend", "spoed", "met spoed", "spoedig", "urgent", "haast", "het is dringend", "heel dringend",
        "zo snel mogelijk", "zsm", "asap", "erg dringend", "zeer dringend", "snel graag",
    ),
    "acknowledgement": (
        "ok", "oke", "oké", "okay", "okee", "oki", "top", "prima", "fijn", "mooi", "goed", "helder", "duidelijk",
        "super", "perfect", "bedankt", "dank", "dank je", "dank u", "dankjewel", "dank je wel", "dank u wel",
        "dankuwel", "hartelijk dank", "thx", "merci", "top bedankt", "ok bedankt", "oke bedankt", "prima bedankt",
        "ja prima", "ja top", "ja goed", "komt goed", "is goed", "akkoord", "begrepen", "gelukt", "het werkt weer",
    ),
    "greeting": (
        "hallo", "hoi", "hey", "hai", "dag", "goedemorgen", "goedemiddag", "goedenavond", "goeiemorgen",
        "goedendag", "beste", "hallo daar", "hoi hoi",
    ),
    "full_sla": (
        "uitsluitingen woord voor woord", "de uitsluitingen",
        "sla", "de sla", "hele sla", "de hele sla", "volledige sla", "sla tekst", "sla-tekst", "toon de sla",
        "toon sla", "laat de sla zien", "volledige sla-tekst", "hele sla-tekst",
    ),
    "markers": (
        "de", "het", "een", "en", "ik", "je", "jij", "u", "mijn", "mij", "we", "wij", "ons", "onze", "is", "niet",
        "geen", "wel", "nog", "ook", "maar", "dat", "die", "dit", "er", "met", "voor", "bij", "naar", "kan",
        "kun", "kunnen", "wil", "wilt", "werkt", "doet", "heb", "heeft", "hoe", "wat", "waar", "wanneer",
        "sinds", "meer", "hallo", "hoi", "goedemorgen", "goedemiddag", "goedenavond", "bedankt",
        "dank", "graag", "alstublieft", "alsjeblieft", "iedereen", "niemand", "ja", "nee", "gisteren",
        "vandaag", "vanochtend", "inloggen", "storing", "melding", "probleem", "collega", "collega's",
    ),
    # Typed answers to a question with buttons (customer/typed_choice.py): the n-th button, yes and no,
    # and words around a button's position or its label that say nothing themselves ("de tweede graag").
    "ordinals": ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde"),
    "yes": (
        "ja", "ja graag", "graag", "jawel", "jazeker", "ja zeker", "zeker", "ja hoor", "ja dat klopt", "doe maar",
        "ja doe maar", "ja alstublieft", "ja please",
    ),
    "no": ("nee", "neen", "nee hoor", "nee dank u", "nee dank je", "nee bedankt", "liever niet", "nee liever niet"),
    "pointing": (
        "de", "het", "die", "dat", "deze", "over", "met", "van", "nummer", "nr", "optie", "keuze", "knop", "melding",
        "graag", "is", "e", "ste", "alstublieft",
    ),
    # Asking what the SLA says, or to see it: the summary of its clauses (not the exclusions word for word).
    "sla_question": (
        "wat staat er in de sla", "wat zegt de sla", "wat staat in de sla", "mag ik de sla zien", "mag ik de sla",
        "kan ik de sla zien", "kan ik de sla lezen", "mag ik de sla lezen", "waar vind ik de sla",
        "waar kan ik de sla vinden", "wat is de sla", "wat houdt de sla in", "stuur de sla", "stuur mij de sla",
        "ik wil de sla zien", "ik wil de sla lezen", "wat staat er in onze sla", "wat staat er in mijn sla",
        "kunt u de sla sturen", "wat zijn de afspraken in de sla", "inhoud van de sla", "de sla graag",
    ),
    # Asking for help and saying nothing about what is wrong ("help!", "ik heb hulp nodig").
    "help": (
        "help", "hulp", "helpen", "ik heb hulp nodig", "hulp nodig", "kunt u mij helpen", "kun je me helpen",
        "kunt u helpen", "help mij", "help me", "ik heb een probleem", "er is een probleem", "graag hulp",
        "hulp graag", "ik kan wel wat hulp gebruiken",
    ),
    # Words that say nothing about what is wrong, beside who is affected or since when ("het is al sinds gisteren").
    "filler": (
        "het", "is", "al", "pas", "nog", "ook", "en", "maar", "dus", "eigenlijk", "ongeveer", "zo", "rond",
        "speelt", "begon", "begonnen", "gebeurt", "dit", "dat", "er", "hier", "last", "van",
    ),
    # A clause opening with these guesses at a cause ("misschien iets met mijn account"); not a second problem.
    "cause_guess": ("misschien", "wellicht", "mogelijk", "waarschijnlijk", "vermoedelijk", "zou het"),
    # Asking to talk to a person rather than the bot: a support engineer, not a quote for help with the apps.
    "person": (
        "mens spreken", "een mens", "met een mens", "iemand spreken", "medewerker spreken", "een medewerker",
        "echt persoon", "echte persoon", "een persoon spreken", "met iemand praten", "iemand aan de lijn",
        "iemand bellen", "geen bot",
    ),
    # Things outside Office 365 a customer names beside an Office problem ("en mijn printer werkt niet").
    "outside_office": (
        "printer", "scanner", "kopieerapparaat", "wifi", "internet", "netwerk", "router", "laptop", "computer", "pc",
        "telefoon", "beeldscherm", "monitor", "toetsenbord", "muis", "headset", "vpn",
    ),
    # A clause opening with these says what follows from the problem told ("en dan moet ik opnieuw opstarten").
    "consequence": ("dan", "en dan", "daarna", "waarna", "waardoor", "zodat", "en daarna"),
    # Calling off what the bot is asking about: the intake stops, nothing is made.
    "call_off": (
        "laat maar", "laat maar zitten", "laat ook maar", "annuleren", "annuleer", "annuleer maar", "stop", "stoppen",
        "vergeet het", "vergeet het maar", "hoeft niet meer", "niet meer nodig", "toch niet", "laat maar hoor",
    ),
}
