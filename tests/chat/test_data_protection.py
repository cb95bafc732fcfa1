"""AVG/GDPR over HTTP: management exports or erases one customer's data; the nightly retention purge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot import keys
from bot.services.retention import TIMER_ID
from fakes import teams_events
from fakes.chat import say
from fakes.clock import amsterdam
from fakes.http_helpers import count, post, rows
from fakes.operator_config import OPERATOR_CONFIG
from fakes.people import ANNA, CARLA, CUSTOMER, DIRK, OTHER_CUSTOMER
from storage.models import Conversation, JobRun, Person, Ticket, TranscriptMessage

EXCEL_REPORT = "Excel crasht bij het opstarten, alleen bij mij, sinds gisteren"


@pytest.fixture
def environment(database_url: str) -> dict[str, str]:
    return {"SUPPORTBOT_CONFIG": str(OPERATOR_CONFIG), "DATABASE_URL": database_url}


def exported(parts: list[str]) -> dict:
    """The JSON document spread over the export's messages, each part in a code block."""
    return json.loads("".join(part.split("```\n", 1)[1].rsplit("\n```", 1)[0] for part in parts))


async def petra_with_a_ticket(bot, connector) -> Ticket:
    await say(bot, connector, CUSTOMER, "hallo")
    await say(bot, connector, CUSTOMER, EXCEL_REPORT)
    await say(bot, connector, OTHER_CUSTOMER, "Outlook van Kees start niet")
    [ticket] = await rows(bot, Ticket, Ticket.reporter.has(aad_object_id=CUSTOMER.object_id))
    return ticket


async def test_management_exports_one_customers_data_and_nobody_elses(bot, connector):
    ticket = await petra_with_a_ticket(bot, connector)

    parts = await say(bot, connector, DIRK, "exporteer Petra de Vries")

    assert parts[0].startswith("Alle gegevens van Petra de Vries (Bakkerij de Vries B.V.), deel 1 van 1:")
    data = exported(parts)
    assert data["person"]["object_id"] == CUSTOMER.object_id
    assert data["person"]["organisation"]["name"] == "Bakkerij de Vries B.V."
    assert EXCEL_REPORT in [m["text"] for m in data["messages"]]
    assert [t["number"] for t in data["tickets"]] == [ticket.number]
    assert "Kees" not in json.dumps(data)


@pytest.mark.parametrize("staff", [ANNA, CARLA])
async def test_only_management_may_export_or_erase(bot, connector, staff):
    await petra_with_a_ticket(bot, connector)
    for command in ("export Petra de Vries", f"erase {CUSTOMER.object_id} confirm"):
        [refused] = await say(bot, connector, staff, command)
        assert refused == "Alleen het management mag persoonsgegevens exporteren of wissen."
    assert await count(bot, Conversation, Conversation.id == CUSTOMER.conversation_id) == 1


async def test_erasing_asks_first_and_only_the_object_id_confirms(bot, connector):
    ticket = await petra_with_a_ticket(bot, connector)

    [question] = await say(bot, connector, DIRK, "wis Petra de Vries")
    assert f"Typ dan: **wis {CUSTOMER.object_id} bevestig**" in question
    await say(bot, connector, DIRK, "wis Petra de Vries bevestig")  # a name does not confirm
    assert await count(bot, TranscriptMessage, TranscriptMessage.conversation_id == CUSTOMER.conversation_id) > 0

    [done] = await say(bot, connector, DIRK, f"wis {CUSTOMER.object_id.upper()} bevestig")

    assert done.startswith("De gegevens van Petra de Vries zijn gewist")
    assert await count(bot, TranscriptMessage, TranscriptMessage.conversation_id == CUSTOMER.conversation_id) == 0
    assert await count(bot, Conversation, Conversation.id == CUSTOMER.conversation_id) == 0
    assert await count(bot, Person, Person.aad_object_id == CUSTOMER.object_id) == 0
    [kept] = await rows(bot, Ticket, Ticket.number == ticket.number)
    assert (kept.status, kept.priority) == (ticket.status, ticket.priority)  # the record stays, the words go
    assert EXCEL_REPORT not in (kept.subject, kept.description)
    assert not [m for m in await rows(bot, TranscriptMessage) if "Excel crasht" in m.text and m.author_person_id]
    assert await count(bot, TranscriptMessage, TranscriptMessage.text == "Outlook van Kees start niet") == 1


async def test_an_unknown_or_ambiguous_person_is_named_not_guessed(bot, connector):
    await petra_with_a_ticket(bot, connector)
    [unknown] = await say(bot, connector, DIRK, "export Jan Modaal")
    assert unknown == "Ik vind geen klant met de naam of het object-id Jan Modaal."
    [staff] = await say(bot, connector, DIRK, f"export {ANNA.object_id}")
    assert staff.startswith("Ik vind geen klant")  # staff data lives in the config, not here


def config_with_retention(tmp_path: Path, days: int) -> Path:
    config = yaml.safe_load(OPERATOR_CONFIG.read_text(encoding="utf-8"))
    config["data_protection"] = {"retention_days": days, "purge_at": "03:30"}
    path = tmp_path / "retention.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


async def test_the_nightly_purge_removes_old_transcripts_once_across_replicas(make_bot, clock, connector, tmp_path):
    config = str(config_with_retention(tmp_path, days=30))
    bot = await make_bot(SUPPORTBOT_CONFIG=config)
    other_replica = await make_bot(SUPPORTBOT_CONFIG=config)
    await post(bot, teams_events.screenshot(CUSTOMER, connector.url))  # an attachment reference, on 26 November
    clock.set(amsterdam(2027, 1, 5, 3, 30))
    await say(bot, connector, OTHER_CUSTOMER, "hallo")

    job = bot.app[keys.SCHEDULER].get_job(TIMER_ID)
    assert str(job.trigger) == "cron[hour='3', minute='30']"
    await job.func(*job.args, **job.kwargs)

    remaining = await rows(bot, TranscriptMessage)
    assert {m.conversation_id for m in remaining} == {OTHER_CUSTOMER.conversation_id}
    assert not [m for m in remaining if m.payload and "attachments" in m.payload]

    clock.set(amsterdam(2026, 11, 27, 10, 0))
    await post(other_replica, teams_events.screenshot(CUSTOMER, connector.url))  # old by then: it and the hint
    clock.set(amsterdam(2027, 1, 5, 3, 31))
    await other_replica.app[keys.SCHEDULER].get_job(TIMER_ID).func(*job.args, **job.kwargs)  # the same night
    assert await count(bot, TranscriptMessage, TranscriptMessage.conversation_id == CUSTOMER.conversation_id) == 2
    clock.set(amsterdam(2027, 1, 6, 3, 30))
    await other_replica.app[keys.SCHEDULER].get_job(TIMER_ID).func(*job.args, **job.kwargs)  # the next night
    assert await count(bot, TranscriptMessage, TranscriptMessage.conversation_id == CUSTOMER.conversation_id) == 0
    assert await count(bot, JobRun, JobRun.key.startswith(f"{TIMER_ID}:")) == 2  # one purge per night
