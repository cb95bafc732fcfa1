"""Fixtures of the storage tests alone; the database fixtures are in tests/conftest.py."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.state import SqlAlchemyStorage


@pytest.fixture
def storage(async_engine: AsyncEngine) -> SqlAlchemyStorage:
    """The botbuilder Storage over a migrated database, once per backend."""
    return SqlAlchemyStorage(async_engine)
