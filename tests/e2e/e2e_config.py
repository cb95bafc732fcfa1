"""Config files for the end-to-end test: the operator's (the bot's) and the Agents Playground's.

The Playground's mock tenant (`tenantId`) becomes `channelData.tenant.id` of every activity it sends,
its `currentUser.aadObjectId` becomes `from.aadObjectId`, and `personalChat.id` the conversation id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_CONFIG = REPO_ROOT / "config" / "example.yaml"
# The operator's customer whose tenant the Playground's mock tenant stands for.
E2E_CUSTOMER_TENANT = "e2e00000-0000-4000-8000-000000000001"
E2E_CUSTOMER_NAME = "Playground Testbedrijf B.V."
STRANGER_TENANT = "e2e00000-0000-4000-8000-0000000000ff"


@dataclass(frozen=True)
class Persona:
    """Who the Playground's mock user (`currentUser`) is, and in which tenant."""

    key: str
    tenant_id: str
    aad_object_id: str
    name: str
    email: str


def operator_config(base: Path = EXAMPLE_CONFIG) -> dict[str, Any]:
    """The example operator config with the e2e customer tenant added to `customers`."""
    config = yaml.safe_load(base.read_text(encoding="utf-8"))
    customers = [c for c in config.get("customers") or [] if c["tenant_id"] != E2E_CUSTOMER_TENANT]
    config["customers"] = [{"tenant_id": E2E_CUSTOMER_TENANT, "name": E2E_CUSTOMER_NAME}, *customers]
    return config


def personas(config: Mapping[str, Any]) -> dict[str, Persona]:
    """A customer of the e2e tenant, the config's first staff member (MSP tenant), and a stranger."""
    staff = config["staff"][0]
    return {
        "customer": Persona("customer", E2E_CUSTOMER_TENANT, "e2e00000-0000-4000-8000-00000000c001",
                            "Eva de Vries", "eva@testbedrijf.example"),
        "staff": Persona("staff", config["msp"]["tenant_id"], staff["object_id"], staff["name"],
                         "staff@msp.example"),
        "stranger": Persona("stranger", STRANGER_TENANT, "e2e00000-0000-4000-8000-00000000f001",
                            "Sam Onbekend", "sam@unknown.example"),
    }


def playground_config(persona: Persona, bot_name: str) -> dict[str, Any]:
    """A Playground config (schema 0.1.1) whose mock tenant and current user are `persona`."""
    def user(number: int, name: str) -> dict[str, str]:
        given, _, surname = name.partition(" ")
        return {"id": f"user-id-{number}", "name": name, "userPrincipleName": f"user{number}@tenant.example",
                "aadObjectId": f"e2e00000-0000-4000-8000-0000000000{number:02d}", "givenName": given,
                "surname": surname or given, "email": f"user{number}@tenant.example"}

    given, _, surname = persona.name.partition(" ")
    current = {"id": "user-id-0", "name": persona.name, "userPrincipleName": persona.email,
               "aadObjectId": persona.aad_object_id, "givenName": given, "surname": surname or given,
               "email": persona.email}
    others = ["Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Lynne Robbins"]
    return {
        "version": "0.1.1",
        "tenantId": persona.tenant_id,
        "bot": {"id": "e2e-bot-id", "name": bot_name},
        "currentUser": current,
        "users": [user(number, name) for number, name in enumerate(others, start=1)],  # exactly 5
        "personalChat": {"id": "e2e-personal-chat"},
        "groupChat": {"id": "e2e-group-chat", "name": "Group Chat"},
        "team": {"id": "e2e-team", "name": "My Team", "aadGroupId": "e2e00000-0000-4000-8000-000000000031",
                 "channels": [{"id": "e2e-channel", "name": "Announcements"}]},
    }


def write_yaml(path: Path, data: Mapping[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path
