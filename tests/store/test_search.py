"""Household search (store/households.py over the search_key index of searchindex.py).

Hand-built data checks each kind of key exactly; the demo street checks the
index against plain SQL over the whole data set; every write path must leave
the trigger-maintained index equal to a full rebuild.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Connection, insert, text

from gridkeeper import ids
from gridkeeper.store import Store, households, open_store, searchindex, searchkeys
from gridkeeper.store.households import Hit
from tests.store.helpers import place

COMMUNITY = "塘川社区"


# --------------------------------------------------------------------------- builders


def household(
    store: Store, compound: str, building: str, unit: str, room: str, community: str = COMMUNITY
) -> str:
    """A household at compound/building/unit/room, creating the places it needs."""
    from gridkeeper.store.models import Building, Community, Compound, Household

    c_id = ids.community_id(community)
    co_id = ids.compound_id(community, compound)
    b_id = ids.building_id(co_id, building)
    h_id = ids.household_id(community, compound, building, unit, room)
    with store.write() as s:
        if s.get(Community, c_id) is None:
            s.add(Community(id=c_id, name=community))
        if s.get(Compound, co_id) is None:
            s.add(Compound(id=co_id, community_id=c_id, name=compound))
        if s.get(Building, b_id) is None:
            s.add(Building(id=b_id, compound_id=co_id, name=building))
        s.add(Household(id=h_id, building_id=b_id, unit=unit, room=room))
    return h_id


def person(
    store: Store,
    household_id: str,
    name: str,
    *,
    id_number: str | None = None,
    phones: tuple[str, ...] = (),
    relation: str | None = None,
    birth: date | None = None,
    status: str = "active",
) -> str:
    from gridkeeper.store.models import Person

    pid = ids.person_id(id_number) if id_number else str(uuid.uuid4())
    with store.write() as s:
        s.add(
            Person(
                id=pid, household_id=household_id, name=name, id_number=id_number,
                phones=json.dumps(list(phones)), relation_to_head=relation, birth_date=birth,
                status=status,
            )
        )
    return pid


def grid(store: Store, name: str, *building_ids: str) -> str:
    from gridkeeper.store.models import Building, Grid

    g_id = ids.grid_id(COMMUNITY, name)
    with store.write() as s:
        s.add(Grid(id=g_id, community_id=ids.community_id(COMMUNITY), name=name))
        s.flush()
        for b in building_ids:
            s.get(Building, b).grid_id = g_id  # type: ignore[union-attr]
    return g_id


def tag(store: Store, person_id: str, name: str, sensitive: bool = False, detail: str | None = None) -> None:
    from gridkeeper.store.models import PersonTag, Tag

    t_id = ids.tag_id(name)
    with store.write() as s:
        if s.get(Tag, t_id) is None:
            s.add(Tag(id=t_id, name=name, sensitive=sensitive))
            s.flush()  # see test_a_new_place_in_one_orm_write_is_stored_and_searchable: the ORM does not order these inserts
        s.add(PersonTag(id=ids.person_tag_id(person_id, t_id), person_id=person_id, tag_id=t_id, detail=detail))


def find(store: Store, query: str, grid_ids: list[str] | None = None) -> list[str]:
    with store.read() as conn:
        return households.search_ids(conn, query, grid_ids)


def index_rows(conn: Connection) -> list[tuple[Any, ...]]:
    return sorted(tuple(r) for r in conn.execute(text(
        "SELECT k.key, k.sort, h.household_id, g.grid_id FROM search_key k "
        "JOIN search_household h ON h.hh = k.hh LEFT JOIN search_grid g ON g.g = k.grid")))


def assert_index_current(store: Store) -> None:
    """The index kept by the triggers is exactly what a full rebuild makes."""
    with store.engine.connect() as conn:
        trans = conn.begin()
        live = index_rows(conn)
        searchindex.rebuild(conn)
        fresh = index_rows(conn)
        trans.rollback()
    assert fresh, "a rebuild that makes no keys proves nothing"
    assert live == fresh


def build_world(store: Store) -> dict[str, str]:
    """Six households in two compounds and two grids; people with names, ID and phone numbers.

    幸福里   3幢 2单元 501  单丽华                               grid B
    阳光花园 2幢 1单元 101  王芳
    阳光花园 3幢 2单元 501  张伟 (1234, phone …5678), 李娜     grid A
    阳光花园 3幢 2单元 502  曾建国 (ID …123X)                   grid A
    阳光花园 3幢 2单元 1201 刘洋                               grid A
    阳光花园 12幢 1单元 101 赵强
    """
    w: dict[str, str] = {}
    yg = place(store, "501")
    w["yg501"], w["yg_b3"], w["yg_compound"] = yg["household"], yg["building"], yg["compound"]
    w["yg502"] = place(store, "502")["household"]
    w["yg1201"] = place(store, "1201")["household"]
    xf = place(store, "501", compound="幸福里")
    w["xf501"], w["xf_b3"] = xf["household"], xf["building"]
    w["yg2"] = household(store, "阳光花园", "2幢", "1", "101")
    w["yg12"] = household(store, "阳光花园", "12幢", "1", "101")
    w["zhangwei"] = person(
        store, w["yg501"], "张伟", id_number="330382196001011234", phones=("13812345678",),
        relation="户主", birth=date(1960, 1, 1),
    )
    w["lina"] = person(store, w["yg501"], "李娜", relation="配偶", birth=date(1962, 5, 5))
    w["zeng"] = person(store, w["yg502"], "曾建国", id_number="33038219700101123X", relation="户主")
    w["shan"] = person(store, w["xf501"], "单丽华", phones=("0577-65022798",), relation="户主")
    w["wangfang"] = person(store, w["yg2"], "王芳", relation="户主")
    w["zhaoqiang"] = person(store, w["yg12"], "赵强", relation="户主")
    w["liuyang"] = person(store, w["yg1201"], "刘洋", relation="户主")
    w["gridA"] = grid(store, "第1网格", w["yg_b3"])
    w["gridB"] = grid(store, "第2网格", w["xf_b3"])
    return w


@pytest.fixture
def world(store: Store) -> dict[str, str]:
    return build_world(store)


@pytest.fixture(scope="module")
def shared_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, str]]]:
    """The same world, built once for the read-only tests."""
    s = open_store(tmp_path_factory.mktemp("search-world"))
    yield s, build_world(s)
    s.close()


# --------------------------------------------------------------------------- finding


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("张伟", ["yg501"]),            # full name
        ("伟", ["yg501"]),              # one character of the given name
        ("张", ["yg501"]),              # one character: the surname
        ("建国", ["yg502"]),            # two characters
        ("丽华", ["xf501"]),
        ("zw", ["yg501"]),              # pinyin initials
        ("ZW", ["yg501"]),              # typed in capitals
        ("zjg", ["yg502"]),             # 曾 read as zeng, not ceng
        ("zengjianguo", ["yg502"]),
        ("zengj", ["yg502"]),           # full pinyin prefix
        ("zhang", ["yg501"]),
        ("zhangwei", ["yg501"]),
        ("slh", ["xf501"]),             # 单 read as shan, not dan
        ("shanlihua", ["xf501"]),
        ("阳光花园3幢2单元501", ["yg501"]),
        ("3幢2单元501", ["xf501", "yg501"]),  # same key: address order, 幸福里 before 阳光花园
        ("2单元501", ["xf501", "yg501"]),
        ("501", ["xf501", "yg501"]),          # not 1201
        ("1201", ["yg1201"]),
        ("3-2-501", ["xf501", "yg501"]),      # compact building-unit-room
        ("3-2-1201", ["yg1201"]),
        ("12-1-101", ["yg12"]),
        ("2-1-101", ["yg2"]),                 # not 12-1-101
        ("5678", ["yg501"]),                  # last 4 digits of a mobile number
        ("13812345678", ["yg501"]),           # the whole number
        ("2798", ["xf501"]),                  # landline suffix, dash ignored
        ("1234", ["yg501"]),                  # ID number suffix
        ("123x", ["yg502"]),                  # ID number suffix, X typed in lower case
        ("123X", ["yg502"]),
        ("张 501", ["yg501"]),                # every term must match the same household
        ("501 张", ["yg501"]),
        ("单 501", ["xf501"]),
        ("  zw   5678 ", ["yg501"]),
        ("张 502", []),
        ("王伟", []),
        ("9999", []),
    ],
)
def test_search_finds_by_every_kind_of_key(
    shared_world: tuple[Store, dict[str, str]], query: str, expected: list[str]
) -> None:
    store, world = shared_world
    assert find(store, query) == [world[k] for k in expected]


def test_empty_query_lists_every_live_household_in_natural_address_order(
    store: Store, world: dict[str, str]
) -> None:
    order = ["xf501", "yg2", "yg501", "yg502", "yg1201", "yg12"]  # 2幢 < 3幢 < 12幢, 502 < 1201
    found = find(store, "")
    assert found == [world[k] for k in order]
    with store.read() as conn:
        listed = households.rows(conn, found)
    assert [listed[h].address for h in found] == [
        "幸福里3幢2单元501", "阳光花园2幢1单元101", "阳光花园3幢2单元501",
        "阳光花园3幢2单元502", "阳光花园3幢2单元1201", "阳光花园12幢1单元101",
    ]


def test_grid_scope(store: Store, world: dict[str, str]) -> None:
    a, b = world["gridA"], world["gridB"]
    assert find(store, "", [a]) == [world["yg501"], world["yg502"], world["yg1201"]]
    assert find(store, "", [b]) == [world["xf501"]]
    assert set(find(store, "", [a, b])) == {world["yg501"], world["yg502"], world["yg1201"], world["xf501"]}
    assert find(store, "501", [a]) == [world["yg501"]]
    assert find(store, "501", [b]) == [world["xf501"]]
    assert find(store, "3-2-501", [a, b]) == [world["xf501"], world["yg501"]]
    assert find(store, "王芳", [a, b]) == []  # 2幢 is in no grid
    assert find(store, "王芳") == [world["yg2"]]
    assert find(store, "", []) == []  # a cadre with no grid sees nothing, not everything
    assert find(store, "张伟", []) == []


def test_moving_a_building_to_another_grid_rescopes_its_households(
    store: Store, world: dict[str, str]
) -> None:
    from gridkeeper.store.models import Building

    with store.write() as s:
        s.get(Building, world["yg_b3"]).grid_id = world["gridB"]  # type: ignore[union-attr]
    assert find(store, "", [world["gridA"]]) == []
    assert set(find(store, "", [world["gridB"]])) == {
        world["xf501"], world["yg501"], world["yg502"], world["yg1201"]
    }
    assert find(store, "张伟", [world["gridB"]]) == [world["yg501"]]
    assert_index_current(store)


def test_rows_members_and_totals(store: Store, world: dict[str, str]) -> None:
    tag(store, world["zhangwei"], "高龄")
    tag(store, world["zhangwei"], "独居")
    tag(store, world["lina"], "残疾", sensitive=True, detail="肢体二级")
    person(store, world["yg501"], "张小明", relation="子", birth=date(1990, 3, 3), status="moved_out")
    with store.read() as conn:
        r = households.rows(conn, [world["yg501"], world["yg2"]])
        assert set(r) == {world["yg501"], world["yg2"]}
        row = r[world["yg501"]]
        assert (row.address, row.community, row.grid, row.head, row.members) == (
            "阳光花园3幢2单元501", COMMUNITY, "第1网格", "张伟", 2  # the moved-out son is not counted
        )
        assert row.tags == "残疾、独居、高龄"
        assert r[world["yg2"]].grid == "" and r[world["yg2"]].head == "王芳" and r[world["yg2"]].tags == ""
        assert households.rows(conn, []) == {}
        people = households.members(conn, world["yg501"])
        assert [p.name for p in people] == ["张伟", "李娜", "张小明"]  # head, then by birth; inactive last
        assert people[0].birth_date == date(1960, 1, 1) and people[0].id_number == "330382196001011234"
        assert json.loads(people[0].phones) == ["13812345678"]
        assert people[0].tags == (("独居", False, ""), ("高龄", False, ""))
        assert people[1].tags == (("残疾", True, "肢体二级"),)
        assert people[2].status == "moved_out"
        assert households.totals(conn) == (6, 7)  # 8 persons, one moved out


def test_paging_with_after_neither_repeats_nor_skips(store: Store, world: dict[str, str]) -> None:
    # Another community has a compound of the same name: two households share one address,
    # so their index entries tie on (key, sort) and only the household id tells them apart.
    twin = household(store, "阳光花园", "3幢", "2", "501", community="双雁社区")
    person(store, twin, "张伟")
    assert set(find(store, "阳光花园3幢2单元501")) == {world["yg501"], twin}
    assert set(find(store, "张伟")) == {world["yg501"], twin}
    # Pages smaller than the keys of one household: 张伟 matches under many keys at once.
    for query in ("", "501", "z", "3", "阳光", "张伟"):
        with store.read() as conn:
            whole = households.search_page(conn, query, limit=100_000)
            for limit in (1, 2, 3, 5):
                paged: list[Hit] = []
                after = None
                while True:
                    page = households.search_page(conn, query, after=after, limit=limit)
                    assert len(page) <= limit
                    paged.extend(page)
                    if len(page) < limit:
                        break
                    after = page[-1]
                assert paged == whole, (query, limit)
        assert whole, query
        assert len(set(whole)) == len(whole)
        distinct = list(dict.fromkeys(h.household_id for h in whole))
        assert distinct == find(store, query)


# --------------------------------------------------------------------------- the index stays current


def test_renaming_a_person(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Person

    with store.write() as s:
        s.get(Person, world["zhangwei"]).name = "张卫"  # type: ignore[union-attr]
    assert find(store, "张伟") == []
    assert find(store, "伟") == []
    assert find(store, "卫") == [world["yg501"]]
    assert find(store, "张卫") == [world["yg501"]]
    assert find(store, "zw") == [world["yg501"]]
    assert_index_current(store)


def test_tombstoning_a_person(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Person

    with store.write() as s:
        s.get(Person, world["zhangwei"]).deleted = True  # type: ignore[union-attr]
    assert find(store, "张伟") == []
    assert find(store, "5678") == []  # nor by the phone of the deleted person
    assert find(store, "李娜") == [world["yg501"]]  # the household itself is still there
    assert find(store, "阳光花园3幢2单元501") == [world["yg501"]]
    with store.read() as conn:
        assert households.totals(conn) == (6, 6)
        assert [p.name for p in households.members(conn, world["yg501"])] == ["李娜"]
    assert_index_current(store)


def test_tombstoning_and_restoring_a_household(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Household

    with store.write() as s:
        s.get(Household, world["yg501"]).deleted = True  # type: ignore[union-attr]
    assert find(store, "阳光花园3幢2单元501") == []
    assert find(store, "3-2-501") == [world["xf501"]]
    assert find(store, "张伟") == []  # its people are not listed under a deleted household
    assert world["yg501"] not in find(store, "")
    assert world["yg501"] not in find(store, "", [world["gridA"]])
    assert len(find(store, "")) == 5
    with store.read() as conn:
        assert households.totals(conn)[0] == 5
    assert_index_current(store)
    with store.write() as s:
        s.get(Household, world["yg501"]).deleted = False  # type: ignore[union-attr]
    assert find(store, "张伟") == [world["yg501"]]
    assert_index_current(store)


def test_moving_a_person_to_another_household(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Person

    with store.write() as s:
        s.get(Person, world["zhangwei"]).household_id = world["yg502"]  # type: ignore[union-attr]
    assert find(store, "张伟") == [world["yg502"]]
    assert find(store, "5678") == [world["yg502"]]
    assert find(store, "张 501") == []
    assert find(store, "张 502") == [world["yg502"]]
    assert find(store, "李娜") == [world["yg501"]]
    assert_index_current(store)


def test_renaming_a_building(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Building

    with store.write() as s:
        s.get(Building, world["yg_b3"]).name = "5幢"  # type: ignore[union-attr]
    assert find(store, "阳光花园3幢2单元501") == []
    assert find(store, "阳光花园5幢2单元501") == [world["yg501"]]
    assert find(store, "5幢2单元502") == [world["yg502"]]
    assert find(store, "3-2-501") == [world["xf501"]]
    assert find(store, "5-2-501") == [world["yg501"]]
    # Address order follows the new name: 5幢 now sorts after 2幢 and before 12幢 still.
    assert find(store, "")[-4:] == [world["yg501"], world["yg502"], world["yg1201"], world["yg12"]]
    assert_index_current(store)


def test_renaming_a_compound(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Compound

    with store.write() as s:
        s.get(Compound, world["yg_compound"]).name = "阳光新城"  # type: ignore[union-attr]
    assert find(store, "阳光花园") == []
    assert find(store, "阳光花园3幢2单元501") == []
    assert find(store, "阳光新城3幢2单元501") == [world["yg501"]]
    assert set(find(store, "阳光新城")) == {
        world["yg501"], world["yg502"], world["yg1201"], world["yg2"], world["yg12"]
    }
    assert find(store, "3幢2单元501") == [world["xf501"], world["yg501"]]  # 幸 < 阳 still
    assert_index_current(store)


def test_adding_a_phone_by_raw_sql(store: Store, world: dict[str, str]) -> None:
    assert find(store, "1111") == []
    with store.begin() as conn:
        conn.execute(
            text("UPDATE person SET phones = :p WHERE id = :id"),
            {"p": json.dumps(["13900001111"]), "id": world["wangfang"]},
        )
    assert find(store, "1111") == [world["yg2"]]
    assert find(store, "13900001111") == [world["yg2"]]
    assert_index_current(store)


def test_core_insert_of_a_person_is_indexed(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Person

    with store.begin() as conn:
        conn.execute(
            insert(Person.__table__),  # type: ignore[attr-defined]
            [{"id": "p-core", "household_id": world["yg12"], "name": "欧阳秀英", "phones": "[]",
              "status": "active", "deleted": False}],
        )
    assert find(store, "oyxy") == [world["yg12"]]
    assert find(store, "ouyang") == [world["yg12"]]
    assert find(store, "秀英") == [world["yg12"]]
    assert_index_current(store)


def test_a_new_place_in_one_orm_write_is_stored_and_searchable(store: Store) -> None:
    from gridkeeper.store.models import Building, Community, Compound, Household, Person

    with store.write() as s:
        s.add(Community(id="c1", name="双雁社区"))
        s.add(Compound(id="co1", community_id="c1", name="金桥家园"))
        s.add(Building(id="b1", compound_id="co1", name="9幢"))
        s.add(Household(id="h1", building_id="b1", unit="1", room="101"))
        s.add(Person(id="p1", household_id="h1", name="解放"))
    assert find(store, "金桥家园9幢1单元101") == ["h1"]
    assert find(store, "xf") == ["h1"]  # 解 read as xie
    assert_index_current(store)


def test_a_rolled_back_write_leaves_the_index_as_it_was(store: Store, world: dict[str, str]) -> None:
    from gridkeeper.store.models import Person

    with pytest.raises(RuntimeError):
        with store.write() as s:
            s.get(Person, world["zhangwei"]).name = "张卫"  # type: ignore[union-attr]
            s.flush()
            raise RuntimeError("cancelled")
    assert find(store, "张伟") == [world["yg501"]]
    assert find(store, "张卫") == []
    assert_index_current(store)


# --------------------------------------------------------------------------- bulk loads


def _insert_bulk(conn: Connection, compound: str, with_community: bool) -> str:
    c_id = ids.community_id(COMMUNITY)
    co_id = ids.compound_id(COMMUNITY, compound)
    b_id = ids.building_id(co_id, "7幢")
    h_id = ids.household_id(COMMUNITY, compound, "7幢", "1", "303")
    if with_community:
        conn.execute(text("INSERT INTO community (id, name, deleted) VALUES (:id, :n, 0)"), {"id": c_id, "n": COMMUNITY})
    conn.execute(
        text("INSERT INTO compound (id, community_id, name, deleted) VALUES (:id, :c, :n, 0)"),
        {"id": co_id, "c": c_id, "n": compound},
    )
    conn.execute(
        text("INSERT INTO building (id, compound_id, name, deleted) VALUES (:id, :c, '7幢', 0)"),
        {"id": b_id, "c": co_id},
    )
    conn.execute(
        text("INSERT INTO household (id, building_id, unit, room, deleted) VALUES (:id, :b, '1', '303', 0)"),
        {"id": h_id, "b": b_id},
    )
    conn.execute(
        text("INSERT INTO person (id, household_id, name, id_number, phones, status, deleted) "
             "VALUES ('p-bulk', :h, '翟志刚', '330382198002021118', '[\"13700004321\"]', 'active', 0)"),
        {"h": h_id},
    )
    return h_id


def test_bulk_load_rebuilds_the_index_on_exit(store: Store, world: dict[str, str]) -> None:
    with store.bulk_load() as conn:
        h_id = _insert_bulk(conn, "金桥家园", with_community=False)
    assert find(store, "翟志刚") == [h_id]
    assert find(store, "zzg") == [h_id]        # 翟 read as zhai
    assert find(store, "zhaizhigang") == [h_id]
    assert find(store, "金桥家园7幢1单元303") == [h_id]
    assert find(store, "7-1-303") == [h_id]
    assert find(store, "4321") == [h_id]
    assert find(store, "1118") == [h_id]
    assert find(store, "张伟") == [world["yg501"]]  # what was there before is still found
    assert len(find(store, "")) == 7
    assert_index_current(store)
    # The triggers are back on after the bulk load.
    person(store, h_id, "翟小燕")
    assert find(store, "小燕") == [h_id]
    assert_index_current(store)


def test_bulk_load_into_an_empty_profile(store: Store) -> None:
    with store.bulk_load() as conn:
        h_id = _insert_bulk(conn, "金桥家园", with_community=True)
    assert find(store, "") == [h_id]
    assert find(store, "翟") == [h_id]
    assert_index_current(store)


def test_a_failed_bulk_load_leaves_nothing_behind(store: Store, world: dict[str, str]) -> None:
    with store.read() as conn:
        before = {
            t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
            for t in ("compound", "building", "household", "person", "change_log", "search_key")
        }
        keys_before = index_rows(conn)
    with pytest.raises(RuntimeError, match="half way"):
        with store.bulk_load() as conn:
            _insert_bulk(conn, "金桥家园", with_community=False)
            raise RuntimeError("import failed half way")
    with store.read() as conn:
        after = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in before}
        assert index_rows(conn) == keys_before
        # the index on household_id that rebuild drops and recreates is there
        assert conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_search_key_household'")
        ).scalar_one() == 1
    assert after == before
    assert find(store, "翟志刚") == []
    assert find(store, "张伟") == [world["yg501"]]
    assert_index_current(store)
    # The bulk switch was reset: an ordinary write is indexed at once.
    person(store, world["yg12"], "翟志刚")
    assert find(store, "翟志刚") == [world["yg12"]]
    assert_index_current(store)


# --------------------------------------------------------------------------- the demo street


def _live_households_where(conn: Connection, person_where: str, params: dict[str, Any]) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            text(
                "SELECT DISTINCT h.id FROM household h JOIN person p ON p.household_id = h.id "
                f"WHERE h.deleted = 0 AND p.deleted = 0 AND ({person_where})"
            ),
            params,
        )
    }


def test_demo_known_heads_are_found_by_name_initials_and_full_pinyin(demo_store: Store) -> None:
    expectations = {
        "张伟": ("zw", "zhangwei"),
        "曾建国": ("zjg", "zengjianguo"),
        "欧阳秀英": ("oyxy", "ouyangxiuying"),
        "单丽华": ("slh", "shanlihua"),
    }
    with demo_store.read() as conn:
        for name, (initials, full) in expectations.items():
            holders = _live_households_where(conn, "p.name = :n", {"n": name})
            assert holders, name
            by_name = households.search_ids(conn, name)
            # every household with someone of that name, and only households with a name containing it
            assert holders <= set(by_name)
            assert set(by_name) == _live_households_where(conn, "instr(p.name, :n) > 0", {"n": name})
            assert holders <= set(households.search_ids(conn, initials)), initials
            assert holders <= set(households.search_ids(conn, full)), full
            heads = households.rows(conn, by_name)
            assert any(r.head == name for r in heads.values()), name


@pytest.mark.parametrize("fragment", ["伟", "华", "建国", "秀英", "欧阳", "张"])
def test_demo_name_fragments_match_exactly_the_sql_substring_search(demo_store: Store, fragment: str) -> None:
    with demo_store.read() as conn:
        expected = _live_households_where(conn, "instr(p.name, :n) > 0", {"n": fragment})
        found = households.search_ids(conn, fragment)
    assert expected
    assert len(found) == len(set(found))
    assert set(found) == expected


def test_demo_phone_and_id_suffixes(demo_store: Store) -> None:
    with demo_store.read() as conn:
        p = conn.execute(
            text("SELECT household_id, phones FROM person WHERE deleted = 0 AND phones LIKE '[\"1%' LIMIT 1")
        ).one()
        suffix = json.loads(p.phones)[0][-4:]
        found = set(households.search_ids(conn, suffix))
        assert p.household_id in found
        assert _live_households_where(conn, "p.phones LIKE :s", {"s": f'%{suffix}"%'}) <= found
        x = conn.execute(
            text("SELECT household_id, id_number FROM person WHERE deleted = 0 AND id_number LIKE '%X' LIMIT 1")
        ).one()
        lower = x.id_number[-4:].lower()
        assert lower.endswith("x")
        found_x = set(households.search_ids(conn, lower))
        assert x.household_id in found_x
        assert _live_households_where(conn, "p.id_number LIKE :s", {"s": "%" + x.id_number[-4:]}) <= found_x


def test_demo_address_queries(demo_store: Store) -> None:
    with demo_store.read() as conn:
        h = conn.execute(
            text(
                "SELECT h.id, c.name AS compound, b.name AS building, h.unit, h.room FROM household h "
                "JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id "
                "ORDER BY h.id LIMIT 1"
            )
        ).one()
        full = searchkeys.address(h.compound, h.building, h.unit, h.room)
        assert households.search_ids(conn, full) == [h.id]
        short = f"{h.building}{h.unit}单元{h.room}"
        compact = f"{h.building.rstrip('幢')}-{h.unit}-{h.room}"
        for q in (short, f"{h.unit}单元{h.room}", h.room, compact):
            assert h.id in households.search_ids(conn, q), q
        # every result for the compact form really is at that building-unit-room
        found = households.rows(conn, households.search_ids(conn, compact))
        assert all(r.address.endswith(short) for r in found.values())


def test_demo_empty_query_is_every_live_household_in_address_order(demo_store: Store) -> None:
    with demo_store.read() as conn:
        listed = households.search_ids(conn, "")
        rows = conn.execute(
            text(
                "SELECT h.id, c.name AS compound, b.name AS building, h.unit, h.room FROM household h "
                "JOIN building b ON b.id = h.building_id JOIN compound c ON c.id = b.compound_id "
                "WHERE h.deleted = 0"
            )
        ).all()
        total_households, total_persons = households.totals(conn)
        active = conn.execute(text("SELECT count(*) FROM person WHERE deleted = 0 AND status = 'active'")).scalar()
    expected = [r.id for r in sorted(rows, key=lambda r: (searchkeys.sort_key(r.compound, r.building, r.unit, r.room), r.id))]
    assert listed == expected
    assert total_households == len(rows) == 300
    assert total_persons == active and total_persons > total_households


def test_demo_grid_scope_lists_exactly_that_grids_households(demo_store: Store) -> None:
    with demo_store.read() as conn:
        grids = [r[0] for r in conn.execute(text("SELECT id FROM grid ORDER BY id"))]
        assert len(grids) >= 2
        seen: set[str] = set()
        for g in grids:
            expected = [
                r[0]
                for r in conn.execute(
                    text(
                        "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id "
                        "JOIN compound c ON c.id = b.compound_id "
                        "WHERE b.grid_id = :g AND h.deleted = 0 "
                        "ORDER BY gk_sort_key(c.name, b.name, h.unit, h.room), h.id"
                    ),
                    {"g": g},
                )
            ]
            assert expected, g
            assert households.search_ids(conn, "", [g]) == expected
            assert not seen & set(expected)
            seen |= set(expected)
            # a name search scoped to the grid only returns that grid's households
            assert set(households.search_ids(conn, "张", [g])) <= set(expected)
        assert households.search_ids(conn, "张", grids[:1]) != households.search_ids(conn, "张")


@pytest.mark.parametrize("query", ["", "zhang", "1", "张"])
def test_demo_paging_matches_one_big_page(demo_store: Store, query: str) -> None:
    with demo_store.read() as conn:
        whole = households.search_page(conn, query, limit=1_000_000)
        paged: list[Hit] = []
        after = None
        while True:
            page = households.search_page(conn, query, after=after, limit=7)
            paged.extend(page)
            if len(page) < 7:
                break
            after = page[-1]
        big = list(dict.fromkeys(h.household_id for h in whole))
        small = list(dict.fromkeys(h.household_id for h in paged))
        assert paged == whole
        assert small == big == households.search_ids(conn, query)
        assert len(big) > 7


def test_demo_index_is_what_a_rebuild_makes(demo_store: Store) -> None:
    assert_index_current(demo_store)
