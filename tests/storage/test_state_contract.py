"""The botbuilder Storage contract, run against every backend (after botbuilder-testing's StorageBaseTests)."""

from __future__ import annotations

import pytest
from botbuilder.core import StoreItem

from storage.state import SqlAlchemyStorage, StorageConcurrencyError


async def test_reading_missing_keys_returns_nothing_for_them(storage: SqlAlchemyStorage) -> None:
    await storage.write({"present": {"count": 1}})
    assert set(await storage.read(["present", "missing"])) == {"present"}
    assert await storage.read(["missing"]) == {}
    assert await storage.read([]) == {}


async def test_written_items_read_back_with_an_etag(storage: SqlAlchemyStorage) -> None:
    await storage.write({"conv/1": {"count": 1, "name": "Ada"}})
    item = (await storage.read(["conv/1"]))["conv/1"]
    assert item["count"] == 1 and item["name"] == "Ada"
    assert item["e_tag"]


async def test_delete_removes_and_ignores_missing_keys(storage: SqlAlchemyStorage) -> None:
    await storage.write({"a": {"v": 1}, "b": {"v": 2}})
    await storage.delete(["a", "never-written"])
    await storage.delete([])
    assert set(await storage.read(["a", "b"])) == {"b"}


async def test_batches_write_read_and_delete_together(storage: SqlAlchemyStorage) -> None:
    await storage.write({f"k{i}": {"i": i} for i in range(5)})
    items = await storage.read([f"k{i}" for i in range(5)])
    assert {key: item["i"] for key, item in items.items()} == {f"k{i}": i for i in range(5)}
    await storage.delete({"k0", "k1", "k2"})
    assert set(await storage.read([f"k{i}" for i in range(5)])) == {"k3", "k4"}


async def test_each_write_gives_a_new_etag_and_leaves_the_callers_item_alone(storage: SqlAlchemyStorage) -> None:
    etags = []
    for count in range(3):
        item = {"count": count}
        await storage.write({"k": item})
        assert item == {"count": count}
        etags.append((await storage.read(["k"]))["k"]["e_tag"])
    assert len(set(etags)) == 3


async def test_write_with_the_current_etag_succeeds(storage: SqlAlchemyStorage) -> None:
    await storage.write({"k": {"count": 1}})
    item = (await storage.read(["k"]))["k"]
    item["count"] = 2
    await storage.write({"k": item})
    assert (await storage.read(["k"]))["k"]["count"] == 2


async def test_write_with_a_stale_etag_raises_naming_the_key(storage: SqlAlchemyStorage) -> None:
    await storage.write({"conv/7": {"count": 1}})
    stale = (await storage.read(["conv/7"]))["conv/7"]
    fresh = dict(stale, count=2)
    await storage.write({"conv/7": fresh})
    stale["count"] = 99
    with pytest.raises(StorageConcurrencyError, match="conv/7") as raised:
        await storage.write({"conv/7": stale})
    assert raised.value.key == "conv/7"
    assert (await storage.read(["conv/7"]))["conv/7"]["count"] == 2
    with pytest.raises(StorageConcurrencyError):  # the fresh item's eTag is stale now too
        await storage.write({"conv/7": fresh})


async def test_a_conflict_in_a_batch_writes_none_of_it(storage: SqlAlchemyStorage) -> None:
    await storage.write({"stale": {"v": 1}, "other": {"v": 1}})
    stale = (await storage.read(["stale"]))["stale"]
    await storage.write({"stale": {"v": 2}})
    with pytest.raises(StorageConcurrencyError, match="stale"):
        await storage.write({"other": {"v": 3}, "new": {"v": 3}, "stale": dict(stale, v=3)})
    items = await storage.read(["stale", "other", "new"])
    assert {key: item["v"] for key, item in items.items()} == {"stale": 2, "other": 1}


@pytest.mark.parametrize("etag", ["*", None])
async def test_wildcard_or_no_etag_overwrites(storage: SqlAlchemyStorage, etag: str | None) -> None:
    await storage.write({"k": {"v": 1}})
    stale = (await storage.read(["k"]))["k"]
    await storage.write({"k": {"v": 2}})
    await storage.write({"k": dict(stale, v=3, e_tag=etag)})
    assert (await storage.read(["k"]))["k"]["v"] == 3


async def test_an_etag_for_a_key_nobody_stored_creates_it(storage: SqlAlchemyStorage) -> None:
    """As MemoryStorage: there is no stored eTag to conflict with (e.g. after the state was deleted)."""
    await storage.write({"gone": {"v": 1, "e_tag": "from-an-earlier-read"}})
    assert (await storage.read(["gone"]))["gone"]["v"] == 1


async def test_an_empty_etag_is_refused(storage: SqlAlchemyStorage) -> None:
    await storage.write({"k": {"v": 1}})
    with pytest.raises(ValueError, match="e_tag"):
        await storage.write({"k": {"v": 2, "e_tag": ""}})
    assert (await storage.read(["k"]))["k"]["v"] == 1


async def test_writing_nothing_is_refused_and_an_empty_batch_is_fine(storage: SqlAlchemyStorage) -> None:
    with pytest.raises(ValueError):
        await storage.write(None)
    await storage.write({})
    assert await storage.read(["anything"]) == {}


async def test_unicode_keys_and_nested_data_round_trip(storage: SqlAlchemyStorage) -> None:
    key = "msteams/conversations/19:Zoë-ünïcødé 😀 ?#%&'\"/\\ @thread.v2;messageid=1"
    value = {
        "text": "Ça marche niet — 日本語 ✓ \n\t",
        "nested": {"list": [1, 2.5, None, True, {"deep": ["x", {"deeper": -3}]}], "empty": {}},
        "tuple": (1, "two"),
        "big": 2**53 + 1,
    }
    await storage.write({key: value})
    read = (await storage.read([key]))[key]
    read.pop("e_tag")
    assert read == value


async def test_store_items_round_trip_as_store_items(storage: SqlAlchemyStorage) -> None:
    await storage.write({"item": StoreItem(count=1, tags=["a", "b"])})
    item = (await storage.read(["item"]))["item"]
    assert isinstance(item, StoreItem)
    assert (item.count, item.tags) == (1, ["a", "b"])
    assert item.e_tag
    stale_etag = item.e_tag
    item.count = 2
    await storage.write({"item": item})
    item.e_tag = stale_etag
    with pytest.raises(StorageConcurrencyError):
        await storage.write({"item": item})
    assert (await storage.read(["item"]))["item"].count == 2
