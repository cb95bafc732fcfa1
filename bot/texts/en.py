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
    "received_while_degraded": (
        "Your message has arrived. A fault on our side delays handling it a little; "
        "there is no need to send it again."
    ),
    "role_support": "support engineer",
    "role_senior": "senior support engineer",
    "role_management": "management",
    # --- Moments and words -------------------------------------------------------------
    "moment": "{date} at {time}",
    "priority_P1": "highest (P1, emergency)",
    "priority_P2": "high (P2)",
    "priority_P3": "normal (P3)",
    "status_open": "open, waiting for a support engineer",
    "status_acknowledged": "acknowledged, an engineer is on it",
    "status_taken_over": "being handled by a staff member",
    "status_resolved": "resolved",
    "step_1": "step 1 (support engineer)",
    "step_2": "step 2 (senior support engineer and management)",
    "step_3": "step 3 (mediation)",
    "holder_none": "not assigned yet",
    # --- Categories (one per intent) ---------------------------------------------------
    "intent_email_problem": "Problem with email or Outlook",
    "intent_teams_problem": "Problem with Teams",
    "intent_files_problem": "Problem with files in SharePoint or OneDrive",
    "intent_office_app_problem": "Problem with Word, Excel or another Office app",
    "intent_license_problem": "Problem with a licence",
    "intent_signin_problem": "Problem signing in",
    "intent_domain_problem": "Problem with your domain",
    "intent_security_incident": "Security incident (for example a hacked account or phishing)",
    "intent_service_outage": "Office 365 outage",
    "intent_howto": "How to use an app",
    "intent_user_management": "Managing users or groups",
    "intent_security_settings_change": "Changing security settings",
    "intent_onboarding": "Setting up Office 365 (implementation)",
    "intent_escalation_request": "Escalating a report",
    "intent_ticket_status": "The status of your reports",
    "intent_greeting": "A greeting",
    "intent_thanks_goodbye": "Thanks or goodbye",
    "intent_out_of_scope": "Something other than Office 365",
    # --- Choice labels -------------------------------------------------------------------
    "choice_remind": "Remind me on {moment}",
    "choice_no_thanks": "No, thanks",
    "choice_emergency": "It is an emergency",
    "choice_yes_emergency": "Yes, we cannot work",
    "choice_no_can_wait": "No, it can wait",
    "choice_accept_quote": "Yes, send me a quote",
    "choice_other": "Something else",
    "choice_affected_one": "Only me",
    "choice_affected_several": "A few colleagues",
    "choice_affected_everyone": "The whole organisation",
    "choice_since_just_now": "It just started",
    "choice_since_today": "Since today",
    "choice_since_longer": "Longer than that",
    "rating_1": "1 – poor",
    "rating_2": "2 – fair",
    "rating_3": "3 – reasonable",
    "rating_4": "4 – good",
    "rating_5": "5 – excellent",
    "choice_take_over": "Take over {number}",
    "choice_acknowledge": "Acknowledge {number}",
    # --- Outside service hours -----------------------------------------------------------
    "out_of_hours": (
        "{why}, so we are closed. We are open again on **{moment}**.\n\n"
        "{emergency}\n\n"
        "Shall I send you a reminder then?"
    ),
    "confirm_emergency": (
        "Does this stop your organisation, or a large part of it, from working right now? "
        "Then we report it as an emergency and alert the on-call engineer."
    ),
    "not_an_emergency": (
        "Understood, so it is not an emergency. You can report it from **{moment}** and we will pick it up then.\n\n"
        "{emergency}"
    ),
    "not_an_emergency_reminder": "Shall I send you a reminder on {moment}?",
    "reminder_scheduled": "Done: I will send you a reminder on **{moment}**.",
    "reminder_declined": (
        "All right. You can report your problem as soon as we are open again.\n\n"
        "{emergency}"
    ),
    "reminder_open": "Hello! As agreed: we are open now.",
    "told_ticket_offer": "{when} you told us: *\"{told}\"*. Shall I make a ticket of it now?",
    "told_ticket_declined": "Fine, I will not make a ticket of it. If it still bothers you, just describe it.",
    "choice_make_ticket": "Yes, make the ticket",
    "day_today": "Earlier today",
    "day_yesterday": "Yesterday",
    "day_on": "On {date}",
    "reminder_message": "Please describe your problem again and I will create a report for it.",
    # --- Outside the SLA -----------------------------------------------------------------
    "quoted": "*\"{text}\"*",
    "excluded_hint_howto": (
        "Microsoft explains how to use the Office apps at support.microsoft.com."
    ),
    "excluded_hint_user_management": (
        "Your organisation's administrator can manage users and groups "
        "in the Microsoft 365 admin center (admin.microsoft.com)."
    ),
    "excluded_hint_security_settings_change": (
        "Your organisation's administrator can change the settings you manage yourselves "
        "in the Microsoft 365 admin center (admin.microsoft.com). "
        "Questions about this? Email {contact}."
    ),
    "excluded_hint_onboarding": (
        "To have Office 365 set up, please contact {msp} at {contact}."
    ),
    "quote_recorded": (
        "Thank you. I have passed your request for a quote on to {msp}. "
        "A colleague will contact you.\n\n"
        "Questions in the meantime? Email {contact}."
    ),
    "quote_declined": "All right, we will leave it there. Can I help you with anything else?",
    # --- Not sure what was meant ---------------------------------------------------------
    "clarify": "I am not sure what you mean. Which of these fits best?",
    "clarify_other": (
        "Could you describe it in other words? "
        "For example, tell me which app it is about and what goes wrong."
    ),
    # --- Intake and tickets --------------------------------------------------------------
    "ask_product": "Which app is it about?",
    "ask_affected": "How many people are affected?",
    "ask_since": "Since when has this been happening? Choose below or type it in your own words.",
    "product_other": "another app",
    "ticket_created": (
        "I have created report **{number}** for you.\n\n"
        "Category: {category}. Priority: {priority}.\n\n"
        "A support engineer will pick it up. You will hear from us in this chat."
    ),
    "emergency_paged": (
        "I have created emergency report **{number}** with the highest priority. "
        "The on-call engineer is being alerted now.\n\n"
        "As soon as someone acknowledges it, I will let you know here."
    ),
    "emergency_unanswered": (
        "We have not yet been able to reach an engineer for emergency report {number}. "
        "Please email us at {contact}; we keep trying too."
    ),
    "emergency_unanswered_phone": (
        "We have not yet been able to reach an engineer for emergency report {number}. "
        "Please call our emergency number {phone} (or email {contact}); we keep trying too."
    ),
    "emergency_joined": (
        "{name} is already working on emergency report {number}. I have added your message to it "
        "so that {name} sees it too."
    ),
    "emergency_in_hours": (
        "I have created report **{number}** with the highest priority. "
        "Our support engineers have been alerted and will pick it up straight away."
    ),
    "acknowledged": "{name} has acknowledged your report {number} and is working on it.",
    "status_none": "You have no open reports.",
    "status_intro": "Your open reports:",
    "status_line": "{subject}. Status: {status}. Escalation: {step}. Handled by: {holder}.",
    # --- Escalation ----------------------------------------------------------------------
    "ask_which_ticket": (
        "I cannot find an open report of yours to escalate. What is it about? "
        "Describe the problem and I will create a report for it."
    ),
    "escalated": "I have escalated report {number} to {step}.",
    "escalated_step_2": (
        "I have escalated report {number} to step 2. A senior support engineer "
        "and management have been notified and can take it over."
    ),
    "mediation_info": (
        "Report {number} has been escalated to step 3 of the escalation procedure (SLA section 5). "
        "At this step, further steps such as mediation can be taken.\n\n"
        "Management has been notified and will contact you."
    ),
    "already_escalated": (
        "Ticket {number} was already escalated to {step}, on {moment}. They will contact you; "
        "there is no need to escalate it again."
    ),
    "already_in_mediation": (
        "Report {number} is already at step 3, the last step (mediation). It cannot be escalated "
        "further; management will contact you."
    ),
    # --- Conversation --------------------------------------------------------------------
    "out_of_scope": (
        "I only help with Office 365 under the SLA of {msp}. "
        "For other questions, please email {contact}."
    ),
    "goodbye": "You are welcome, goodbye! Send me a message any time if there is anything else.",
    # --- Taken over, resolved, rating ----------------------------------------------------
    "staff_joined": (
        "{name} has taken over the conversation about report {number}. "
        "From now on your messages go straight to {name}."
    ),
    "handed_back": (
        "The staff member has handed the conversation about report {number} back to me. "
        "The report stays open; you will hear from us when there is news."
    ),
    "resolved": "Your report {number} has been resolved.",
    "resolved_note": "Note from the staff member: {note}",
    "rating_request": (
        "How satisfied are you with how report {number} was handled? "
        "Choose a number from 1 (poor) to 5 (excellent)."
    ),
    "rating_thanks": "Thank you for your rating: {rating} out of 5.",
    "rating_thanks_low": (
        "Thank you for your rating: {rating} out of 5. We are sorry it did not go as you wished; "
        "we use this to improve our service."
    ),
    "rating_invalid": "I did not understand that. Please choose a number from 1 to 5.",
    # --- Staff notices -------------------------------------------------------------------
    "new_ticket_notice": "**New report {number}** from {organisation}: {subject}",
    "page_notice": (
        "**Emergency {number}** from {organisation}, outside service hours. "
        "Please acknowledge that you are on it."
    ),
    "page_reason": "Why an emergency: {affected}; {stake}.",
    "page_reason_words": "The customer wrote: {words}",
    "impact_affected_one": "one person",
    "impact_affected_several": "a few people",
    "impact_affected_team": "a whole team or department",
    "impact_affected_organisation": "the whole organisation",
    "impact_affected_customers": "the organisation's customers",
    "impact_stake_none": "nothing in particular is at stake",
    "impact_stake_degraded": "it works badly",
    "impact_stake_blocked": "they cannot work",
    "impact_stake_data_loss": "data is being lost right now",
    "impact_stake_security": "possibly a security incident",
    "quote_request_notice": (
        "**Quote request** from {reporter} ({organisation}): {category}. "
        "Please contact the customer."
    ),
    "escalation_notice": "**Report {number}** from {organisation} has been escalated to {step}.",
    "auto_escalation_reason": "Automatically: unresolved for more than {hours} hours at step {step}.",
    "escalation_notice_step_2": "You can take it over.",
    "escalation_notice_step_3": (
        "The customer has been told about mediation (SLA section 5, step 3). "
        "Please contact the customer."
    ),
    # --- Pages outside Teams (e-mail, SMS or voice gateway) and the acknowledge page ------
    "oob_mail_subject": "[Emergency] {number}: {organisation}",
    "oob_greeting": "Hello {name},",
    "oob_intro": "Emergency report {number} from {organisation}, outside service hours.",
    "oob_reason_teams_unreachable": (
        "Nobody could be reached in Teams, so this page reaches you outside Teams."
    ),
    "oob_reason_round_unanswered": (
        "Nobody acknowledged the page in Teams in time, so it reaches you outside Teams as well."
    ),
    "oob_acknowledge_link": "Are you on it? Acknowledge it here: {url}",
    "oob_acknowledge_in_teams": "Are you on it? Acknowledge it in Teams with: ack {number}",
    "oob_mail_footer": "This page was sent automatically by the support bot.",
    "oob_short": "Emergency {number} at {organisation}: {description}",
    "ack_page_title": "Emergency report {number}",
    "ack_page_question": (
        "Are you on it? Then the paging stops and the customer is told that you are picking it up."
    ),
    "ack_page_button": "I am on it",
    "ack_page_closed": "Report {number} is no longer open: {status}.",
    "ack_link_title": "Acknowledge link",
    "ack_link_invalid": "This acknowledge link is not valid. Please acknowledge the report in Teams.",
    "ack_link_expired": "This acknowledge link has expired. Please acknowledge the report in Teams.",
    # --- Staff desk (the staff chat's commands) --------------------------------------
    "staff_hello": "Hello {name}, you are recognised as {role}. Type **help** for the commands.",
    "desk_help_intro": "Your commands as {role} (Dutch or English; with or without /):",
    "help_queue": "**queue**: all open reports",
    "help_show": "**show T-2026-0001**: one report with its pages, escalations and notes",
    "help_acknowledge": "**ack T-2026-0001**: you are on it (stops the paging)",
    "help_take_over": "**take over T-2026-0001**: take over the chat with the customer",
    "help_hand_back": "**/hand back**: hand the chat back to the bot",
    "help_resolve": "**resolve T-2026-0001 note**: close the report; the customer gets the note",
    "help_escalate": "**escalate T-2026-0001 reason**: one step up the escalation procedure",
    "help_note": "**note T-2026-0001 text**: a note for colleagues",
    "help_override": "**override Carla until tomorrow 09:00**: put a stand-in on the rota",
    "help_help": "**help**: this overview",
    "desk_help_holding": (
        "You hold the chat about {number}: what you type goes to the customer. "
        "Start commands with a / then, for example /hand back or /resolve note."
    ),
    "desk_unknown_command": "I do not recognise that as a command. Type **help** for the overview.",
    "command_needs_number": "This command needs a report number, for example T-2026-0001.",
    "command_needs_text": "This command needs a text (a note or a reason).",
    "override_usage": "To set a stand-in: **override Carla until tomorrow 09:00** (or: override me until 28-11 09:00).",
    "override_bad_moment": "I do not understand the moment \"{moment}\". For example: tomorrow 09:00, monday 09:00 or 28-11 09:00.",
    "override_in_past": "The moment \"{moment}\" has already passed.",
    "desk_unknown_ticket": "I know no report {number}.",
    "desk_unknown_staff": "I know no colleague \"{who}\". Use a name from the staff list, or \"me\".",
    "desk_denied_role": "A {role} may not do that for {number} ({step}). Ask a senior support engineer or management.",
    "desk_denied_override": "Only a senior support engineer or management may put a stand-in on the rota.",
    "desk_denied_not_holder": "You have not taken over the chat about {number}.",
    "desk_denied_resolved": "Report {number} has already been resolved.",
    "desk_denied_final_step": "Report {number} is already at step 3 (mediation); it cannot be escalated further.",
    "desk_held_by_other": "The chat about {number} has already been taken over by {name}.",
    "desk_queue_none": "There are no open reports.",
    "desk_queue_intro": "Open reports ({count}):",
    "desk_queue_line": "{organisation}: {subject}. {priority}, {status}, {step}. Handled by: {holder}.",
    "desk_acknowledged": "You have acknowledged {number}; the customer knows you are on it.",
    "desk_already_acknowledged": "Report {number} had already been acknowledged by {name}.",
    "desk_taken_over": (
        "You have taken over the chat about {number} with {customer} ({organisation}). "
        "What you type now goes to the customer. Start commands with a /: "
        "/hand back, /resolve note, /escalate reason, /note text."
    ),
    "desk_already_yours": "You already hold the chat about {number}.",
    "desk_holding_another": "You still hold the chat about {number}. Hand it back (/hand back) or resolve it (/resolve) first.",
    "desk_not_holding": "You have not taken over any chat.",
    "desk_handed_back": "You have handed the chat about {number} back to the bot. The report stays open.",
    "desk_resolved": "Report {number} is resolved. The customer has been told and asked for a rating.",
    "desk_escalated": "Report {number} has been escalated to {step}.",
    "desk_not_escalated": "Report {number} was not escalated further (it was already higher or is resolved).",
    "desk_note_saved": "Note on {number} saved.",
    "desk_on_call": "On call now: **{on_call}** ({because}), until {until}. Backup: {backup}.",
    "oncall_now_nobody": "Nobody is on call now (until {until}). Backup: {backup}.",
    "oncall_next": "Next: **{name}** ({because}), from {starts}.",
    "oncall_coming": "Shifts in the coming {days} days:",
    "oncall_none_coming": "none",
    "oncall_gaps": "Gaps: outside business hours nobody is on call in the coming {days} days at",
    "oncall_line": "{period}: {name} ({because})",
    "oncall_line_short": "{period}: {name}",
    "oncall_period": "{starts} to {ends}",
    "because_nobody": "nobody",
    "because_rotation": "layer {layer}, rotation {rotation}",
    "because_shift": "shift in the rota",
    "because_override": "stand-in set by {by}",
    "because_swap": "swapped, taken over from {by}",
    "because_assigned": "assigned by {by}",
    "why_paged_on_call": "you are on call: {because}",
    "why_paged_backup": "you are the backup",
    "why_paged_management": "you are management",
    "fact_why_paged": "Why you",
    "gaps_warning": "Heads-up: outside business hours nobody is on call at these moments in the coming {days} days. A report then goes straight to the backup ({backup}). Assign someone with the buttons or with **assign**:",
    "offer_none": "You have no shift to offer in the coming {days} days.",
    "offer_pick": "Which shift do you want to offer to your colleagues? Your shifts in the coming {days} days:",
    "choice_offer": "Offer: {period}",
    "offer_notice": "{name} offers a shift: {period}. Do you want to take it? (or type: take shift {number})",
    "choice_take_shift": "Take this shift",
    "offer_made": "Your shift {period} is offered to your colleagues. You will hear when someone takes it; until then you are on call.",
    "offer_in_past": "That shift is already over.",
    "offer_not_yours": "That shift is not (or no longer) yours. Choose again with **swap**.",
    "offer_unknown": "I know no offered shift {number}.",
    "offer_own": "This is your own offer; a colleague has to take it.",
    "offer_already_taken": "This shift was already taken by {name}.",
    "offer_taken": "You are on call {period}; you took it over from {name}.",
    "offer_taken_notice": "{name} took over your shift {period}. You are not on call then.",
    "assign_nothing": "There is nothing to assign in the coming {days} days.",
    "assign_pick_shift": "Which period do you want to assign? Gaps first, then the shifts of the coming {days} days:",
    "assign_pick_person": "Who will be on call {period}?",
    "choice_assign": "Assign: {period}",
    "assign_done": "{name} is on call {period}; that wins over the rota.",
    "oncall_given_notice": "{by} put you on call: {period}.",
    "oncall_taken_notice": "{by} put {name} on call for {period}; you are not on call then.",
    "desk_denied_management": "Only management may do this.",
    "calendar_usage": "This is how it works: **calendar** (your link), **calendar new** (a new link) or **calendar revoke**.",
    "take_shift_usage": "To take an offered shift: **take shift 12** (the number is in the offer).",
    "calendar_unavailable": "Calendar links are not set up yet (PUBLIC_URL is missing). Ask the bot's administrator.",
    "calendar_exists_personal": "You already have a calendar link since {since}. I do not show it again, because it is secret: **calendar new** makes a new one (the old one then stops working).",
    "calendar_exists_team": "You already have a link to the whole schedule since {since}. I do not show it again, because it is secret: **calendar team new** makes a new one (the old one then stops working).",
    "calendar_link_personal": "Your shifts as a calendar. Subscribe to it in Outlook (Add calendar, Subscribe from web) with this link:\n\n{url}\n\nKeep it secret. **calendar revoke** switches it off.",
    "calendar_link_team": "The whole schedule as a calendar, gaps included. Subscribe to it in Outlook (Add calendar, Subscribe from web) with this link:\n\n{url}\n\nKeep it secret. **calendar team revoke** switches it off.",
    "calendar_revoked": "Your calendar link no longer works.",
    "calendar_none": "You had no calendar link; nothing was revoked.",
    "calendar_name_personal": "My on-call shifts ({msp})",
    "calendar_name_team": "On-call schedule {msp}",
    "calendar_event_mine": "On call",
    "calendar_event_team": "On call: {name}",
    "calendar_event_gap": "Nobody on call",
    "help_on_call": "**who is on call**: now, next and the coming days, and why (layer and rotation, or who changed it)",
    "help_calendar": "**calendar**: your shifts as a calendar for Outlook (**calendar new**, **calendar revoke**)",
    "help_team_calendar": "**calendar team**: the whole schedule as a calendar",
    "help_offer_shift": "**swap**: offer one of your shifts to colleagues",
    "help_take_shift": "**take shift 12**: take an offered shift (or the button in the offer)",
    "help_assign_shift": "**assign**: assign a shift or a gap to someone",
    "schedule_header": "On-call schedule {period} ({zone}):",
    "schedule_gaps": "Gaps outside business hours: {count}",
    "desk_override_set": "{name} is on call until {until}; this wins over the rota.",
    "desk_handed_back_by": "{name} has handed the chat about {number} back to the bot; your messages no longer go to the customer.",
    "desk_resolved_by": "{name} has resolved report {number} and closed the chat; your messages no longer go to the customer.",
    "desk_not_relayed": (
        "This looks like a command, so I did not send it to the customer. While you hold a chat, "
        "start commands with a /, for example: /{typed}"
    ),
    "desk_queue_more": "And {count} more; use **show** with a number for the details.",
    "desk_undelivered": "Note: {count} message(s) from the bot could not be delivered. The latest:",
    "desk_undelivered_line": "{moment} to {recipient}: {text}",
    "desk_relay_failed": "Your message could not be delivered to the customer. Please try again shortly.",
    "relayed_from_customer": "**{name}** ({organisation}, {number}): {text}",
    "relayed_from_staff": "**{name}**: {text}",
    "relay_unreachable": (
        "Your message has been saved, but {name} cannot be reached in Teams right now. "
        "We will contact you as soon as possible."
    ),
    "fact_pages": "Pages",
    "fact_escalations": "Escalations",
    "fact_notes": "Notes",
    "page_line": "{moment}: {name} ({position}), {status}",
    "page_status_sending": "being sent",
    "page_status_sent": "waiting for acknowledgement",
    "page_status_acknowledged": "acknowledged",
    "page_status_timed_out": "not acknowledged in time",
    "page_status_unreachable": "unreachable in Teams, skipped",
    "position_on_call": "on call",
    "position_backup": "backup",
    "position_management": "management",
    "escalation_line": "{moment}: step {from_step} to {to_step} ({trigger}, {who}): {reason}",
    "trigger_customer": "by the customer",
    "trigger_staff": "by staff",
    "trigger_automatic": "automatically",
    "note_line": "{moment}, {name}: {text}",
    "nothing_yet": "none yet",
    "fact_ticket": "Report",
    "fact_organisation": "Organisation",
    "fact_reporter": "Reported by",
    "fact_category": "Category",
    "fact_priority": "Priority",
    "fact_status": "Status",
    "fact_step": "Escalation",
    "fact_holder": "Handled by",
    "fact_description": "Description",
    "fact_reason": "Reason",
    "fact_request": "Request",
    # --- The Teams app (manifest and its command menu, built by deploy/teams) ------------
    "teams_app_customers_name_short": "{msp} support",
    "teams_app_customers_name_full": "Office 365 support by {msp}",
    "teams_app_customers_description_short": "Office 365 support by {msp}: reports and emergencies.",
    "teams_app_customers_description_full": (
        "{msp}'s first-line support bot for Office 365. Describe your problem in a few words: in "
        "business hours the bot opens a ticket for the support engineers; outside them it accepts "
        "emergencies only and pages the engineer on call. You can also ask for the status of your "
        "reports or have one escalated. Dutch and English."
    ),
    "teams_app_staff_name_short": "{msp} support desk",
    "teams_app_staff_name_full": "{msp} support desk (staff)",
    "teams_app_staff_description_short": "Queue, pages, take-overs and escalations for {msp}'s staff.",
    "teams_app_staff_description_full": (
        "For {msp}'s staff: the queue of open tickets, acknowledging pages, taking over a customer's "
        "chat and handing it back, resolving and escalating tickets, notes, who is on call and "
        "on-call overrides."
    ),
    "teams_command_status_title": "Status of my reports",
    "teams_command_status_description": "Your organisation's open reports and where they stand.",
    "teams_command_escalate_title": "Escalate my report",
    "teams_command_escalate_description": "Move your newest open report one step up the escalation procedure.",
    "teams_command_hello_title": "Hello",
    "teams_command_hello_description": "Start a conversation, then describe your problem in a few words.",
    "teams_command_queue_title": "/queue",
    "teams_command_queue_description": "Every open ticket, emergencies first.",
    "teams_command_show_title": "/show",
    "teams_command_show_description": "One ticket with its pages, escalations and notes: /show T-2026-0001",
    "teams_command_acknowledge_title": "/ack",
    "teams_command_acknowledge_description": "You are on it; the pages stop: /ack T-2026-0001",
    "teams_command_take_over_title": "/take over",
    "teams_command_take_over_description": "Take over the customer's chat: /take over T-2026-0001",
    "teams_command_hand_back_title": "/hand back",
    "teams_command_hand_back_description": "Hand the chat you took over back to the bot.",
    "teams_command_resolve_title": "/resolve",
    "teams_command_resolve_description": "Close the ticket with a note for the customer: /resolve note",
    "teams_command_escalate_staff_title": "/escalate",
    "teams_command_escalate_staff_description": "One step up, with a reason: /escalate T-2026-0001 reason",
    "teams_command_note_title": "/note",
    "teams_command_note_description": "A note for colleagues: /note T-2026-0001 text",
    "teams_command_on_call_title": "/on call",
    "teams_command_on_call_description": "Who is on call now, the backup and overrides.",
    "teams_command_override_title": "/override",
    "teams_command_override_description": "An on-call stand-in: /override me until monday 09:00",
    "teams_command_help_title": "/help",
    "teams_command_help_description": "The commands your role may use.",
    # --- The edge (issue 11): group chats, identities, limits, no words, edits, data protection ---
    "personal_only": "I only help in a 1:1 chat. Please send me a personal message.",
    "cannot_verify": (
        "Sorry, I cannot tell who you are, so I cannot help you here. "
        "Please contact {msp} at {contact}."
    ),
    "rate_limited": (
        "You are sending messages faster than I can handle. They are saved, but I will not answer them; "
        "please wait a minute and then send your question again."
    ),
    "wordless_hint": "I can't read images; please describe the problem in a few words.",
    "desk_wordless": "I cannot read or pass on images and files; type a command or text.",
    "relayed_correction": "**{name}** ({organisation}, {number}) edited a message: {text}",
    "card_action_received": "Received.",
    "attachment_image": "image",
    "attachment_file": "file",
    "attachment_card": "card",
    "attachment_other": "attachment",
    "help_export": "**export name or object id**: all data of one customer as JSON (GDPR)",
    "help_erase": "**erase name or object id**: erase all data of one customer, after confirmation (GDPR)",
    "desk_person_unknown": "I find no customer with the name or object id {who}.",
    "desk_person_ambiguous": "Several customers are called {who}; use an object id: {ids}",
    "desk_person_needed": "Name the customer: **{command} name** or **{command} object id**.",
    "desk_export_intro": "All data of {name} ({organisation}), part {part} of {parts}:",
    "desk_erase_confirm": (
        "This permanently erases the data of {name} ({organisation}): {messages} messages and "
        "{conversations} conversations are deleted, {tickets} reports are anonymised. "
        "Are you sure? Then type: **erase {object_id} confirm**"
    ),
    "desk_erased": (
        "The data of {name} is erased: {messages} messages and {conversations} conversations deleted, "
        "{tickets} reports anonymised."
    ),
    "desk_denied_management_only": "Only management may export or erase personal data.",
    "fact_attachments": "Attachments",
    "erased_placeholder": "(erased at the data subject's request)",
    "emergency_way": (
        "Does this stop your organisation from working? Then it is an emergency: choose **It is an emergency** or type *emergency*."
    ),
    "emergency_way_phone": (
        "Does this stop your organisation from working? Then it is an emergency: choose **It is an emergency**, type *emergency* or call our emergency number {phone}."
    ),
    "emergency_later": "If it gets so bad that your organisation cannot work, type *emergency*.",
    "emergency_later_phone": (
        "If it gets so bad that your organisation cannot work, type *emergency* or call our emergency number {phone}."
    ),
    "closed_holiday": "Today is {name}",
    "closed_extra_closed_day": "Today is an extra closing day",
    "closed_weekend": "It is the weekend",
    "closed_not_a_working_day": "Today is not one of our working days",
    "closed_before_opening": "It is before {opens}",
    "closed_after_closing": "It is after {closes}",
    "closed_now": "We are outside our service hours now",
    "reminder_moved": (
        "I was to send you a reminder on {moment}, but could not at the time. {why}; I will send it on **{next}** instead."
    ),
    "offer_passed": "That offer was for {moment}, which has passed.",
    "excluded_short": "Not covered by the SLA ({section}; the Dutch text is binding):",
    "translation_line": "(Translation: {text})",
    "excluded_offer_short": "We can do this as paid work; would you like a quote?",
    "choice_full_sla": "Full SLA text",
    "full_sla_intro": (
        "What the SLA excludes (sections 2.1 and 3), word for word (the Dutch text is binding):"
    ),
    "how_can_i_help": "How can I help? Describe your problem in a few words.",
    "question_dropped": "I'll leave my earlier question.",
    "stale_choice": (
        "That button belongs to a question that has been dealt with. How can I help you now?"
    ),
    "still_open": "I still need an answer to my question.",
    "fact_noted": "I have noted that with your problem.",
    "urgent_describe": "I understand it is urgent. What is wrong? Describe the problem in a few words.",
    "describe_problem": "What is not working? Describe the problem in a few words.",
    "person_asked": (
        "A support engineer takes on every ticket and contacts you about it. What is it about? Describe the "
        "problem and I will make a ticket of it for support."
    ),
    "outside_office": "About *\"{clause}\"*: that is outside Office 365 and the SLA; for that, please email {contact}.",
    "other_problem": "And your other problem, *\"{clause}\"*:",
    "describe_if_emergency": (
        "Please also say if your organisation cannot work because of it: then it is an emergency and we call in the on-call engineer."
    ),
    "choice_hint": "Choose one of the buttons or type its number.",
    "sla_overview": "What the SLA with {msp} says, section by section (the Dutch text is binding):",
    "sla_where": (
        "The full text is in the SLA your organisation signed with {msp}; you can ask for a copy at {contact}."
    ),
    "sla_clause_1": "Purpose: the agreements between {msp} and your organisation on the Office 365 services.",
    "sla_clause_2_1": (
        "Services: Microsoft 365 licences (e-mail, Outlook, Word, Excel, PowerPoint, SharePoint, Teams, OneDrive); "
        "the one-time set-up is billed separately."
    ),
    "sla_clause_2_2": "Service hours: {hours}; outside them, emergencies only.",
    "sla_clause_3": (
        "Exclusions: help with using the apps, management you can do yourself (users and groups) and "
        "non-standard (security) settings; on request as paid work."
    ),
    "sla_clause_4": "Your responsibility: report technical problems and security incidents at once.",
    "sla_clause_5": "Escalation: first the support engineer, then a senior or management, then e.g. mediation.",
    "sla_clause_6": "Back-up: Office 365's built-in back-up for e-mail, SharePoint and OneDrive.",
    "sla_clause_7": "Changes: {msp} may change the SLA and tells you in writing.",
    "sla_clause_8": "General terms: those of {msp} apply to the SLA too.",
    "choice_exclusions_verbatim": "Exclusions word for word",
    "separate_tickets": "I read {count} problems: {problems}. Shall I open a separate ticket for each?",
    "choice_separate": "Yes, separate tickets",
    "choice_one_ticket": "No, one ticket",
    "separate_created": (
        "I have opened {count} tickets for you. A support engineer will pick them up; you will hear from us in this chat."
    ),
    "separate_line": "{category}, priority {priority}",
    "which_ticket": "Which ticket would you like to escalate?",
    "which_ticket_colleagues": (
        "You have no open ticket of your own. Would you like to escalate a colleague's ticket?"
    ),
    "choice_ticket": "{number}: {subject}",
    "choice_none_of_these": "None of these",
    "status_colleague_line": "{subject} (a colleague's)",
    "status_intro_colleagues": "You have no open tickets of your own. Your colleagues':",
    "added_to_ticket": "Thank you, I have added this to report {number}.",
    "called_off": "All right, I'll stop here; no report has been made. Send me a message any time if there is anything else.",
    "added_to_report": "I'll include that in the report.",
    "unknown_ticket": "I don't know a report numbered {number} of yours.",
    "number_unasked": "I haven't asked you anything that a number answers just now.",
    "help_reload_config": (
        "**reload config**: read the configuration again; rota and staff apply at once, without a restart"
    ),
    "desk_denied_reload_management_only": "Only management may reload the configuration.",
    "config_applied": (
        "The configuration was reloaded from {source}; changed: {sections}. The other replicas read it again "
        "within seconds too."
    ),
    "config_unchanged": "The configuration in {source} has not changed; nothing was reloaded.",
    "config_invalid": (
        "The configuration was not reloaded, because {source} is not valid. The current configuration stays "
        "in use.\n\n{reason}"
    ),
    "config_needs_restart": (
        "The configuration was not reloaded: {sections} only take effect with a restart. The current "
        "configuration stays in use; restart the bot to use the new one."
    ),
    "config_fixed": (
        "The configuration comes from the environment variable {source} and cannot be reloaded: change it "
        "and restart the bot, or use a configuration file (SUPPORTBOT_CONFIG)."
    ),
}

# What people type instead of pressing a button, per choice value (lower case). Matching the
# typed text against these is the dialogs' job; choices.choice_synonyms merges both languages.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "full_sla": ("full sla text", "full sla", "whole sla", "sla text", "sla"),
    "remind": ("remind", "remind me", "reminder", "send a reminder", "yes please", "yes"),
    "no": ("no", "nope", "no thanks", "no thank you", "not needed", "not"),
    "emergency": ("emergency", "it is an emergency", "it's an emergency", "urgent", "critical"),
    "yes": ("yes", "yeah", "yep", "correct", "indeed", "that's right", "we cannot work"),
    "accept": ("yes", "yes please", "please", "quote", "send me a quote", "send a quote", "ok", "okay"),
    "decline": ("no", "no thanks", "no thank you", "no quote", "not needed"),
    "other": ("something else", "other", "none of these", "none"),
    "one": ("only me", "just me", "me", "myself"),
    "several": ("a few colleagues", "a few", "several", "some colleagues", "colleagues"),
    "everyone": (
        "the whole organisation", "whole organisation", "whole organization", "everyone", "everybody", "all of us",
    ),
    "just_now": ("it just started", "just now", "just started", "a moment ago"),
    "today": ("since today", "today", "this morning", "this afternoon"),
    "longer": ("longer than that", "longer", "yesterday", "since yesterday", "for days", "a while"),
    "outlook": ("outlook", "outlook app", "new outlook"),
    "exchange": ("exchange", "exchange online", "mailbox", "mail server"),
    "teams": ("teams", "microsoft teams", "ms teams"),
    "sharepoint": ("sharepoint", "sharepoint online", "intranet"),
    "onedrive": ("onedrive", "one drive"),
    "word": ("word", "ms word"),
    "excel": ("excel", "ms excel", "spreadsheet"),
    "powerpoint": ("powerpoint", "ppt", "presentation"),
    "1": ("one", "poor", "bad"),
    "2": ("two", "fair"),
    "3": ("three", "reasonable", "average"),
    "4": ("four", "good"),
    "5": ("five", "excellent", "great"),
}

# Words the customer conversation reads (bot/services/customer/reading.py), lower case. Both
# languages' lists are used for every customer; `markers` tell English from Dutch.
READING: dict[str, tuple[str, ...]] = {
    "urgency": (
        "urgent", "urgently", "asap", "as soon as possible", "it is urgent", "it's urgent", "very urgent",
        "right away", "immediately", "quickly please", "high priority",
    ),
    "acknowledgement": (
        "ok", "okay", "k", "fine", "great", "good", "cool", "nice", "perfect", "super", "thanks", "thank you",
        "thanks a lot", "many thanks", "thank you very much", "thx", "ty", "cheers", "got it", "understood",
        "alright", "all right", "ok thanks", "okay thanks", "great thanks", "sounds good", "will do", "noted",
        "it works again", "that worked",
    ),
    "greeting": (
        "hello", "hi", "hey", "hiya", "good morning", "good afternoon", "good evening", "morning", "dear",
        "hello there", "hi there",
    ),
    "full_sla": (
        "exclusions word for word", "the exclusions",
        "full sla", "the sla", "whole sla", "sla text", "show the sla", "show sla", "the full sla",
        "full sla text", "the whole sla", "show me the sla",
    ),
    "markers": (
        "the", "a", "an", "and", "i", "you", "my", "me", "we", "our", "us", "your", "is", "are", "not", "no",
        "can", "cannot", "can't", "cant", "could", "would", "will", "won't", "do", "does", "doesn't", "don't",
        "have", "has", "how", "what", "where", "when", "why", "since", "anymore", "please", "thanks", "thank",
        "hello", "hi", "hey", "morning", "everyone", "nobody", "yes", "yesterday", "today", "this", "that",
        "with", "for", "to", "from", "of", "it", "it's", "working", "issue", "problem", "colleagues",
    ),
    # Typed answers to a question with buttons (customer/typed_choice.py): the n-th button, yes and no,
    # and words around a button's position or its label that say nothing themselves ("the second one").
    "ordinals": ("first", "second", "third", "fourth", "fifth", "sixth"),
    "yes": (
        "yes", "yes please", "please", "yeah", "yep", "sure", "yes sure", "of course", "go ahead", "do it", "correct",
    ),
    "no": ("no", "nope", "no thanks", "no thank you", "rather not", "no need"),
    "pointing": (
        "the", "one", "that", "this", "about", "with", "on", "number", "no", "option", "choice", "button", "ticket",
        "please", "is", "st", "nd", "rd", "th",
    ),
    # Asking what the SLA says, or to see it: the summary of its clauses (not the exclusions word for word).
    "sla_question": (
        "what does the sla say", "what is in the sla", "what's in the sla", "can i see the sla", "may i see the sla",
        "can i read the sla", "where can i find the sla", "where is the sla", "what is the sla",
        "send me the sla", "i want to see the sla", "what's in our sla", "what does our sla say",
        "what does the sla cover", "what is covered by the sla", "contents of the sla",
    ),
    # Asking for help and saying nothing about what is wrong ("help!", "I need help").
    "help": (
        "help", "i need help", "need help", "can you help me", "can you help", "help me", "please help",
        "help please", "i have a problem", "there is a problem", "could you help me",
    ),
    # Words that say nothing about what is wrong, beside who is affected or since when ("it's been going on since monday").
    "filler": (
        "it", "it's", "is", "has", "been", "was", "already", "still", "also", "and", "but", "so", "about", "around",
        "going", "on", "started", "happening", "this", "that", "here",
    ),
    # A clause opening with these guesses at a cause ("maybe something with my account"); not a second problem.
    "cause_guess": ("maybe", "perhaps", "probably", "possibly", "might be", "could be"),
    # Asking to talk to a person rather than the bot: a support engineer, not a quote for help with the apps.
    "person": (
        "talk to a human", "speak to a human", "a human", "talk to a person", "speak to a person", "real person",
        "talk to someone", "speak to someone", "a real human", "not a bot", "talk to somebody", "speak to somebody",
    ),
    # Things outside Office 365 a customer names beside an Office problem ("and my printer does not work").
    "outside_office": (
        "printer", "scanner", "copier", "wifi", "internet", "network", "router", "laptop", "computer", "pc", "phone",
        "screen", "monitor", "keyboard", "mouse", "headset", "vpn",
    ),
    # A clause opening with these says what follows from the problem told ("and then I have to restart").
    "consequence": ("then", "and then", "after that", "after which", "so that", "which means"),
    # Calling off what the bot is asking about: the intake stops, nothing is made.
    "call_off": (
        "never mind", "nevermind", "cancel", "cancel it", "cancel that", "stop", "forget it", "forget about it",
        "no longer needed", "not needed anymore", "leave it",
    ),
}
