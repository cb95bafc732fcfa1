"""Small helpers for HTTP-level tests: post an activity, read rows back."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient
from sqlalchemy import func, select

from bot import keys


async def post(bot: TestClient, activity: dict[str, Any], *, expect: int = 201, **headers: str) -> None:
    response = await bot.post("/api/messages", json=activity, headers=headers)
    body = await response.text()
    assert response.status == expect, body


async def rows(bot: TestClient, model: Any, *where: Any) -> list[Any]:
    async with bot.app[keys.SESSIONS]() as session:
        return list(await session.scalars(select(model).where(*where)))


async def count(bot: TestClient, model: Any, *where: Any) -> int:
    async with bot.app[keys.SESSIONS]() as session:
        return await session.scalar(select(func.count()).select_from(model).where(*where)) or 0
