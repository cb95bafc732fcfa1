"""Hostile and ordinary requests for the endpoint fuzz run: seeded, so a run can be repeated exactly.

Every case is (body bytes, the activity id if it is a message from a known customer that must
end up in the transcript when answered 2xx, else None).
"""

from __future__ import annotations

import json
import random
import uuid
from typing import Any

CUSTOMER_TENANT = "11111111-1111-4111-8111-111111111111"
OTHER_TENANT = "22222222-2222-4222-8222-222222222222"
MSP_TENANT = "6a1e1c2d-0000-4000-8000-000000000001"
STAFF_ID = "aaaaaaaa-0000-4000-8000-000000000001"
BOT_ID = "28:bot-app-id"
WORDS = ["Outlook", "start", "niet", "Teams", "crasht", "niemand", "kan", "inloggen", "wachtwoord", "vergeten",
         "licentie", "SharePoint", "hallo", "status", "escaleer", "noodgeval", "help", "wachtrij", "ja", "nee"]
NASTY = ["\x00", "\ud800", "\udfff", "\u202e", "😀", "<at>Support bot</at>", "<p>", "</div>", "&nbsp;", "&#0;",
         "<script>x</script>", "\r\n", "\t", "'; DROP TABLE people; --", "%s%s%n", "{{7*7}}", "\\u0000"]
TYPES = ["message"] * 6 + ["messageUpdate", "messageDelete", "invoke", "conversationUpdate", "installationUpdate",
                           "messageReaction", "typing", "event", "endOfConversation", "weirdType"]


class Cases:
    """One seeded stream of requests over `people` customers of the known tenant and a few strangers."""

    def __init__(self, seed: int, service_url: str, people: int = 200):
        self._random, self._url = random.Random(seed), service_url
        tenants = [CUSTOMER_TENANT] * 8 + [OTHER_TENANT, MSP_TENANT, str(uuid.UUID(int=seed, version=4))]
        self._people = [  # one person, one tenant: a person seen in two tenants is refused by design
            (str(uuid.UUID(int=self._random.getrandbits(128), version=4)), self._random.choice(tenants))
            for _ in range(people)
        ]

    def next(self) -> tuple[bytes, str | None]:
        roll = self._random.random()
        if roll < 0.05:
            return self._broken_body(), None
        activity = self._activity()
        if roll < 0.15:
            self._mangle(activity)
            return json.dumps(activity).encode(), None
        must_keep = activity["type"] == "message" and activity.get("_known")
        activity.pop("_known", None)
        return json.dumps(activity).encode(), activity["id"] if must_keep else None

    def _activity(self) -> dict[str, Any]:
        pick = self._random
        user, tenant = pick.choice(self._people)
        known = tenant == CUSTOMER_TENANT
        activity: dict[str, Any] = {
            "type": pick.choice(TYPES), "id": f"fuzz-{uuid.UUID(int=pick.getrandbits(128))}", "channelId": "msteams",
            "serviceUrl": self._url, "timestamp": "2026-11-30T10:00:00.000Z", "locale": pick.choice(["nl-NL", "en-US", self._text(30)]),
            "from": {"id": f"29:{user}", "name": self._text(pick.choice([12, 300])), "aadObjectId": user},
            "recipient": {"id": BOT_ID, "name": "Support bot"},
            "conversation": {"id": f"a:1:1-{user}", "conversationType": "personal", "tenantId": tenant},
            "channelData": {"tenant": {"id": tenant}} if pick.random() < 0.8 else {},
            "text": self._text(pick.choice([20, 80, 400, 9000])), "textFormat": "plain", "_known": known,
        }  # fmt: skip
        if pick.random() < 0.2:
            activity["attachments"] = [{"contentType": "image/*", "contentUrl": "https://smba.example/v3/attachments/1"},
                                       {"contentType": "text/html", "content": "<div><img src='x'></div>"}]  # fmt: skip
            activity["text"] = ""
        if pick.random() < 0.1:
            activity["entities"] = [{"type": "mention", "mentioned": {"id": BOT_ID, "name": "Support bot"}, "text": "<at>Support bot</at>"}]
        if activity["type"] == "invoke":
            activity["name"] = "adaptiveCard/action"
            activity["value"] = pick.choice([None, {}, {"action": {"type": "Action.Execute", "data": {"choice": "remind"}}}, "x"])
        return activity

    def _mangle(self, activity: dict[str, Any]) -> None:
        """Identity tricks and wrongly typed fields."""
        pick = self._random
        match pick.randrange(6):
            case 0:
                activity["from"].pop("aadObjectId")
            case 1:
                activity["from"]["aadObjectId"] = STAFF_ID
            case 2:
                activity["conversation"]["conversationType"] = "groupChat"
            case 3:
                activity["from"]["aadObjectId"] = activity["from"]["aadObjectId"].upper()
            case 4:
                activity[pick.choice(["id", "text", "from", "locale"])] = pick.choice([5, [1], {"a": 1}, None])
            case _:
                activity["value"] = {"choice": self._text(50), "nested": self._nested(pick.randrange(1, 60))}
        activity.pop("_known", None)

    def _broken_body(self) -> bytes:
        depth = self._random.choice([50, 5000, 100000])
        return self._random.choice([
            b"{not json", b"", b"[]", b'{"a": NaN}', b"\xff\xfe\x00", ("[" * depth + "]" * depth).encode(),
            b'{"type": "message", "serviceUrl": "' + self._url.encode() + b'", "conversation": {"id": "c"}, "n": ' + b"9" * 5000 + b"}",
        ])  # fmt: skip

    def _text(self, size: int) -> str:
        pieces = []
        while sum(map(len, pieces)) < size:
            pieces.append(self._random.choice(WORDS) if self._random.random() < 0.7 else self._random.choice(NASTY))
        return " ".join(pieces)[:size]

    @staticmethod
    def _nested(depth: int) -> Any:
        value: Any = "x"
        for _ in range(depth):
            value = {"n": value}
        return value
