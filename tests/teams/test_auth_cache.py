"""A channel token is checked in full once per channel and service URL, until it expires; a refusal is never remembered."""

from __future__ import annotations

import jwt
import pytest
from botbuilder.schema import Activity

from bot.teams.auth_cache import CheckedTokens

SECRET = "only-for-this-test-only-for-this-test"


class FakeSdkAuthentication:
    """Stands in for the SDK: accepts tokens issued for `good_service_url`, counts the full checks."""

    def __init__(self, good_service_url: str):
        self.good_service_url, self.checks = good_service_url, 0

    async def authenticate_request(self, activity: Activity, auth_header: str) -> str:
        self.checks += 1
        claims = jwt.decode(auth_header.removeprefix("Bearer "), SECRET, algorithms=["HS256"],
                            options={"verify_exp": False})
        if claims["serviceurl"] != activity.service_url:
            raise PermissionError("Invalid 'serviceurl' claim")
        return "claims"


class Clock:
    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


def header(service_url: str, expires: float) -> str:
    return "Bearer " + jwt.encode({"serviceurl": service_url, "exp": int(expires)}, SECRET, algorithm="HS256")


def activity(service_url: str) -> Activity:
    return Activity(type="message", channel_id="msteams", service_url=service_url)


async def test_a_token_that_passed_is_not_checked_again_until_it_expires():
    sdk, clock = FakeSdkAuthentication("https://smba/"), Clock(1000.0)
    tokens = CheckedTokens(sdk, now=clock)
    token = header("https://smba/", expires=1600)
    for _ in range(3):
        await tokens.authenticate_request(activity("https://smba/"), token)
    assert sdk.checks == 1
    clock.now = 1600.0
    await tokens.authenticate_request(activity("https://smba/"), token)
    assert sdk.checks == 2


async def test_the_same_token_for_another_service_url_is_checked_and_refused_every_time():
    sdk = FakeSdkAuthentication("https://smba/")
    tokens = CheckedTokens(sdk, now=Clock(1000.0))
    token = header("https://smba/", expires=1600)
    await tokens.authenticate_request(activity("https://smba/"), token)
    for _ in range(2):
        with pytest.raises(PermissionError):
            await tokens.authenticate_request(activity("https://evil.example/"), token)
    assert sdk.checks == 3


async def test_only_so_many_tokens_are_remembered_the_least_recently_used_go_first():
    sdk = FakeSdkAuthentication("https://smba/")
    tokens = CheckedTokens(sdk, now=Clock(1000.0), size=2)
    first, second, third = (header("https://smba/", expires=1600 + n) for n in range(3))
    for token in (first, second, first, third):  # `second` is now the least recently used
        await tokens.authenticate_request(activity("https://smba/"), token)
    await tokens.authenticate_request(activity("https://smba/"), first)
    assert sdk.checks == 3
    await tokens.authenticate_request(activity("https://smba/"), second)
    assert sdk.checks == 4
