"""botbuilder's Storage on SQLAlchemy, so dialog and conversation state survive restarts and replicas.

Semantics follow botbuilder's storages (MemoryStorage, and CosmosDbPartitionedStorage for the eTag):

* ``read`` leaves missing keys out of its result and gives every item found an ``e_tag``.
* ``write`` stores a new ``e_tag`` with each item. An item carrying an ``e_tag`` other than ``"*"``
  is written only if that is still the stored one, else ``StorageConcurrencyError``; an item with
  no ``e_tag`` or ``"*"`` overwrites. A batch is one transaction: one conflict writes nothing.
  The caller's objects are not changed, as in botbuilder: to write again, read again.
* ``delete`` ignores keys that are not there.

Items are serialised the way botbuilder's own storages and ``BotState`` do it: jsonpickle's
``Pickler().flatten`` into a JSON document (``py/object`` tags name the classes of DialogState,
DialogInstance, Activity and other msrest models), restored with ``Unpickler().restore``. The
``e_tag`` lives in its own column, not in the document. Restoring imports the named classes, so
the table must only ever be written by this bot.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable, Mapping
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from typing import Any

from botbuilder.core import Storage
from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage import unit_of_work
from storage.models import BotStateRecord

_WILDCARD = "*"


_READ = select(BotStateRecord.key, BotStateRecord.document, BotStateRecord.etag).where(
    BotStateRecord.key.in_(bindparam("keys", expanding=True))
)
_GUARDED_UPDATE = update(BotStateRecord).where(
    BotStateRecord.key == bindparam("wanted_key"), BotStateRecord.etag == bindparam("expected")
)
_UPSERT = {
    name: (lambda statement: statement.on_conflict_do_update(
        index_elements=[BotStateRecord.key],
        set_={"document": statement.excluded.document, "etag": statement.excluded.etag,
              "updated_at": statement.excluded.updated_at},
    ))(insert(BotStateRecord))
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
# SQLAlchemy reports an INSERT's rowcount only when asked to keep it.
_INSERT_IF_ABSENT = {
    name: insert(BotStateRecord).on_conflict_do_nothing(index_elements=[BotStateRecord.key])
    .execution_options(preserve_rowcount=True)
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


class StorageConcurrencyError(Exception):
    """Someone else wrote the item since it was read; the turn should fail rather than lose their change."""

    def __init__(self, key: str) -> None:
        super().__init__(f"eTag conflict writing storage key {key!r}: it changed since it was read")
        self.key = key


class SqlAlchemyStorage(Storage):
    """Stores botbuilder state in the ``bot_state`` table of the app's database (SQLite or PostgreSQL)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._upsert, self._insert_if_absent = _UPSERT[engine.dialect.name], _INSERT_IF_ABSENT[engine.dialect.name]

    async def read(self, keys: Iterable[str] | None) -> dict[str, Any]:
        return {key: _from_document(document) for key, document in (await self.read_documents(keys)).items()}

    async def read_documents(self, keys: Iterable[str] | None) -> dict[str, dict[str, Any]]:
        """The stored documents themselves (with their `e_tag`), as `flatten_item` makes them."""
        wanted = set(keys or ())
        if not wanted:
            return {}
        async with self._connection(write=False, items=0) as connection:
            rows = (await connection.execute(_READ, {"keys": list(wanted)})).all()
        return {row.key: {**row.document, "e_tag": row.etag} for row in rows}

    async def write(self, changes: Mapping[str, Any] | None) -> None:
        if changes is None:
            raise ValueError("Changes are required when writing")
        # Validate and serialise every item before the transaction starts.
        await self.write_documents({key: flatten_item(item) for key, item in changes.items()})

    async def write_documents(self, documents: Mapping[str, dict[str, Any]]) -> None:
        """`write` for items already flattened (by `flatten_item`): their `e_tag` is the expected one."""
        prepared = [(key, _expected_etag(key, document), _without_etag(document)) for key, document in documents.items()]
        if not prepared:
            return
        now = datetime.now(timezone.utc)
        async with self._connection(write=True, items=len(prepared)) as connection:
            for key, expected, document in prepared:
                values = {"document": document, "etag": uuid.uuid4().hex, "updated_at": now}
                await self._write_one(connection, key, expected, values)

    async def delete(self, keys: Iterable[str] | None) -> None:
        doomed = set(keys or ())
        if not doomed:
            return
        async with self._connection(write=True, items=1) as connection:  # one statement: all or nothing
            await connection.execute(delete(BotStateRecord).where(BotStateRecord.key.in_(doomed)))

    @asynccontextmanager
    async def _connection(self, *, write: bool, items: int) -> AsyncIterator[AsyncConnection]:
        """Inside a unit of work (a turn), its transaction, so state commits with the turn; else our own.

        A savepoint only where a batch could fail halfway (several items written): a read changes
        nothing, and one item is one statement that either happens or raises, failing the turn."""
        unit = unit_of_work.current()
        if unit is not None and items <= 1:
            yield await unit.session.connection()
            return
        if unit is not None:
            async with unit.session.begin_nested():
                yield await unit.session.connection()
            return
        if write:
            async with self._engine.begin() as connection:
                yield connection
        else:
            async with self._engine.connect() as connection:
                yield connection

    async def _write_one(
        self, connection: AsyncConnection, key: str, expected: str | None, values: dict[str, Any]
    ) -> None:
        """Unconditional upsert without an eTag; else a conditional update, or an insert if absent."""
        row = {"key": key, **values}
        if expected is None or expected == _WILDCARD:
            await connection.execute(self._upsert, row)
            return
        if (await connection.execute(_GUARDED_UPDATE, {**values, "wanted_key": key, "expected": expected})).rowcount == 1:
            return
        # Not stored with that eTag: fine only if nobody has stored it at all (MemoryStorage does the same).
        if (await connection.execute(self._insert_if_absent, row)).rowcount != 1:
            raise StorageConcurrencyError(key)


def _expected_etag(key: str, item: Any) -> str | None:
    etag = item.get("e_tag") if isinstance(item, Mapping) else getattr(item, "e_tag", None)
    if etag == "":
        raise ValueError(f"Storage key {key!r}: e_tag is empty; use None or '*' to overwrite")
    return etag


def flatten_item(item: Any) -> dict[str, Any]:
    """An item as stored (jsonpickle's flattened form), its `e_tag` still in it."""
    document = Pickler().flatten(item)
    if not isinstance(document, dict):
        raise TypeError(f"Storage items must be dicts or objects, not {type(item).__name__}")
    return document


def _without_etag(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "e_tag"}


def _from_document(document: dict[str, Any]) -> Any:
    return Unpickler(safe=True).restore(dict(document))
