"""One spelling per concept: the classifier's labels, the policy's intents and the config's values agree."""

import json
from pathlib import Path

import pytest

from fakes.operator_config import OPERATOR_CONFIG

from bot.config.operator import OperatorConfig, StaffMember, load_operator_config
from bot.policy import (
    ALWAYS_EMERGENCY, COVERED_INTENTS, DEFAULT_EXCLUDED_HANDLING, EXCLUDED_INTENTS, ExcludedHandling, Intent,
    PolicyRules, Priority, Role, TicketStatus,
)  # fmt: skip
from nlu_models import labels

SHIPPED_PIPELINE = Path(labels.__file__).parent / "model" / "textcat" / "cfg"


def test_the_classifier_labels_are_the_policys_intents() -> None:
    assert set(labels.INTENTS) == {intent.value for intent in Intent}
    assert len(labels.INTENTS) == len(set(labels.INTENTS))


def test_the_shipped_pipeline_predicts_exactly_the_policys_intents() -> None:
    shipped = json.loads(SHIPPED_PIPELINE.read_text())["labels"]
    assert sorted(shipped) == sorted(intent.value for intent in Intent)


def test_the_classifier_and_the_policy_agree_on_scope_and_emergencies() -> None:
    assert labels.COVERED_INTENTS == {intent.value for intent in COVERED_INTENTS}
    assert labels.EXCLUDED_INTENTS == {intent.value for intent in EXCLUDED_INTENTS}
    assert labels.ALWAYS_EMERGENCY == {intent.value for intent in ALWAYS_EMERGENCY}


def test_an_operator_config_without_excluded_requests_gets_the_policys_defaults() -> None:
    data = load_operator_config(OPERATOR_CONFIG).model_dump(by_alias=True)
    del data["excluded_requests"]
    config = OperatorConfig.model_validate(data)
    assert config.excluded_requests == {str(k): v for k, v in DEFAULT_EXCLUDED_HANDLING.items()}
    assert config.excluded_requests["security_settings_change"] is ExcludedHandling.REFUSE
    assert dict(PolicyRules().excluded_handling) == config.excluded_requests


@pytest.mark.parametrize(("enum", "values"), [
    (Role, {"support", "senior", "management"}),
    (Priority, {"P1", "P2", "P3"}),
    (TicketStatus, {"open", "acknowledged", "taken_over", "resolved"}),
])
def test_each_concept_has_one_enum(enum: type, values: set[str]) -> None:
    assert {member.value for member in enum} == values


def test_the_config_reads_roles_as_the_policys_role() -> None:
    member = StaffMember.model_validate({"object_id": "aaaaaaaa-0000-4000-8000-000000000001", "name": "A", "role": "senior"})
    assert member.role is Role.SENIOR
