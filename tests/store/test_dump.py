"""The canonical dump: what two converged profiles must agree on byte for byte."""

from __future__ import annotations

import io
import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text

from gridkeeper import ids
from gridkeeper.store import Store, dump, open_store
from gridkeeper.store.models import Building, Community, Compound, Grid, Household, Person, PersonTag, Tag
from gridkeeper.store.schema import SYNCED_TABLES


def dumped(store: Store) -> str:
    out = io.StringIO()
    dump.write(store, out)
    return out.getvalue()


def _rows() -> list[tuple[Any, dict[str, Any]]]:
    """(table, row) for a small street, parents before children."""
    c = ids.community_id("塘川社区")
    co = ids.compound_id("塘川社区", "阳光花园")
    g = ids.grid_id("塘川社区", "第1网格")
    b3, b12 = ids.building_id(co, "3幢"), ids.building_id(co, "12幢")
    out: list[tuple[Any, dict[str, Any]]] = [
        (Community, {"id": c, "name": "塘川社区", "division_code": "330382003001"}),
        (Compound, {"id": co, "community_id": c, "name": "阳光花园", "property_company": "新湖物业"}),
        (Grid, {"id": g, "community_id": c, "name": "第1网格", "code": "330382003001001"}),
        (Building, {"id": b3, "compound_id": co, "grid_id": g, "name": "3幢", "units": 2, "floors": 6}),
        (Building, {"id": b12, "compound_id": co, "grid_id": None, "name": "12幢", "units": 1, "floors": 18}),
    ]
    people = [("张伟", "330382196001011234", "M"), ("李娜", "330382196205051221", "F"),
              ("曾建国", "33038219700101123X", "M"), ("单丽华", "330324195603097160", "F")]
    tags = {name: ids.tag_id(name) for name in ("独居", "高龄", "残疾")}
    for name, t in tags.items():
        out.append((Tag, {"id": t, "name": name, "sensitive": name == "残疾"}))
    for i, (building, room) in enumerate(((b3, "501"), (b3, "502"), (b12, "101"), (b12, "1801"))):
        h = ids.household_id("塘川社区", "阳光花园", "3幢" if building == b3 else "12幢", "1", room)
        out.append((Household, {"id": h, "building_id": building, "unit": "1", "room": room,
                                "residence_status": "人户一致"}))
        name, number, gender = people[i]
        p = ids.person_id(number)
        out.append((Person, {"id": p, "household_id": h, "name": name, "id_number": number, "gender": gender,
                             "phones": json.dumps([f"1381234{i:04d}"]), "relation_to_head": "户主"}))
        if i % 2 == 0:
            t = tags["独居" if i == 0 else "残疾"]
            out.append((PersonTag, {"id": ids.person_tag_id(p, t), "person_id": p, "tag_id": t,
                                    "detail": "肢体二级" if i == 2 else None}))
    return out


def _fill_in_order(store: Store, shuffle: random.Random | None) -> None:
    """Insert every row of _rows(), parents first; within a table in shuffled order, one transaction each."""
    by_table: dict[Any, list[dict[str, Any]]] = {}
    for model, row in _rows():
        by_table.setdefault(model, []).append(row)
    for model, items in by_table.items():
        items = list(items)
        if shuffle is not None:
            shuffle.shuffle(items)
        for row in items:
            with store.write() as s:
                s.add(model(**row))


def _fill_core_reversed(store: Store) -> None:
    """The same rows by Core bulk insert, each table's rows in reverse order, all in one transaction."""
    by_table: dict[Any, list[dict[str, Any]]] = {}
    for model, row in _rows():
        by_table.setdefault(model, []).append(row)
    with store.begin() as conn:
        for model, items in by_table.items():
            full = [model(**r).model_dump() for r in reversed(items)]  # defaults filled as the ORM would
            conn.execute(insert(model.__table__), full)  # type: ignore[attr-defined]


@pytest.fixture
def two_dirs(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "laptop-a", tmp_path / "laptop-b"


def test_dump_is_valid_json_in_table_order_with_rows_by_id(store: Store) -> None:
    _fill_in_order(store, random.Random(1))
    text_out = dumped(store)
    data = json.loads(text_out)
    assert list(data) == list(SYNCED_TABLES)
    for table, rows in data.items():
        row_ids = [r["id"] for r in rows]
        assert row_ids == sorted(row_ids), table
        for r in rows:
            assert list(r) == sorted(r), table  # fields by name
    assert len(data["household"]) == 4 and len(data["person"]) == 4 and len(data["persontag"]) == 2
    assert data["cadre"] == [] and data["assignment"] == []
    zhang = next(p for p in data["person"] if p["name"] == "张伟")
    assert zhang["id_number"] == "330382196001011234" and zhang["deleted"] == 0
    assert "张伟" in text_out  # not escaped: values as stored, readable
    assert text_out.endswith("}\n")
    # One row a line: a diff of two dumps shows changed rows.
    assert sum(1 for line in text_out.splitlines() if line.startswith('{"')) == sum(len(v) for v in data.values())


def test_dump_leaves_out_device_local_tables(store: Store) -> None:
    _fill_in_order(store, None)
    store.set_meta("cadre_id", "cadre-of-this-laptop")
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM change_log")).scalar_one() > 0
        assert conn.execute(text("SELECT count(*) FROM search_key")).scalar_one() > 0
    out = dumped(store)
    data = json.loads(out)
    assert set(data) == set(SYNCED_TABLES)
    for name in ("local_meta", "change_log", "search_key", "alembic_version"):
        assert f'"{name}"' not in out
    assert store.device_id not in out
    assert "cadre-of-this-laptop" not in out
    assert '"hlc"' not in out


@pytest.mark.parametrize(
    ("fill_a", "fill_b"),
    [
        (lambda s: _fill_in_order(s, None), lambda s: _fill_in_order(s, random.Random(7))),
        (lambda s: _fill_in_order(s, random.Random(3)), _fill_core_reversed),
    ],
    ids=["orm-shuffled", "orm-vs-core-reversed"],
)
def test_same_rows_in_another_order_on_another_device_dump_byte_identical(
    two_dirs: tuple[Path, Path], fill_a: Callable[[Store], None], fill_b: Callable[[Store], None]
) -> None:
    a, b = open_store(two_dirs[0]), open_store(two_dirs[1], now_ms=lambda: 1_000_000_000_000)
    try:
        assert a.device_id != b.device_id
        fill_a(a)
        fill_b(b)
        # a tombstone made on each side
        for s in (a, b):
            with s.write() as w:
                w.get(Person, ids.person_id("330324195603097160")).deleted = True  # type: ignore[union-attr]
        with a.read() as ca, b.read() as cb:  # the insertion order really differs
            order_a = [r[0] for r in ca.execute(text("SELECT id FROM person ORDER BY rowid"))]
            order_b = [r[0] for r in cb.execute(text("SELECT id FROM person ORDER BY rowid"))]
        assert order_a != order_b and sorted(order_a) == sorted(order_b)
        out_a, out_b = dumped(a), dumped(b)
    finally:
        a.close()
        b.close()
    assert out_a.encode("utf-8") == out_b.encode("utf-8")
    assert len(out_a) > 1000


def test_a_different_value_makes_a_different_dump(two_dirs: tuple[Path, Path]) -> None:
    a, b = open_store(two_dirs[0]), open_store(two_dirs[1])
    try:
        _fill_in_order(a, None)
        _fill_in_order(b, None)
        assert dumped(a) == dumped(b)
        with b.write() as w:
            w.get(Person, ids.person_id("330382196001011234")).phones = '["13900000000"]'  # type: ignore[union-attr]
        assert dumped(a) != dumped(b)
    finally:
        a.close()
        b.close()


def test_a_tombstoned_row_stays_in_the_dump(store: Store) -> None:
    _fill_in_order(store, None)
    hid = ids.household_id("塘川社区", "阳光花园", "3幢", "1", "502")
    pid = ids.person_id("33038219700101123X")
    with store.write() as s:
        s.get(Person, pid).deleted = True  # type: ignore[union-attr]
        s.get(Household, hid).deleted = True  # type: ignore[union-attr]
    data = json.loads(dumped(store))
    person = {p["id"]: p for p in data["person"]}
    household = {h["id"]: h for h in data["household"]}
    assert len(person) == 4 and len(household) == 4
    assert person[pid]["deleted"] == 1 and person[pid]["name"] == "曾建国"
    assert household[hid]["deleted"] == 1 and household[hid]["room"] == "502"
    assert sum(p["deleted"] for p in person.values()) == 1


def test_demo_dump_is_stable_and_complete(small_demo_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(small_demo_dir, copy)
    s = open_store(copy)
    try:
        first, second = dumped(s), dumped(s)
        with s.read() as conn:
            counts = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar_one() for t in SYNCED_TABLES}
    finally:
        s.close()
    assert first == second
    data = json.loads(first)
    assert {t: len(v) for t, v in data.items()} == counts
    assert counts["household"] == 300
