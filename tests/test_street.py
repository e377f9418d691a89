"""A street built from nothing through the domain API: places, grids, cadres, households by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from gridkeeper import clock
from gridkeeper.places import household_edit, staff, street
from gridkeeper.places.profile import choose_cadre, my_grid_ids
from gridkeeper.places.street import StreetError
from gridkeeper.store.engine import Store


def _street(store: Store) -> dict[str, str]:
    """城南社区 with 阳光小区 (1-3幢) in two grids and 新月小区 covered whole by the second."""
    s: dict[str, str] = {}
    s["community"] = street.add_community(store, "城南社区", "330382001001")
    s["sun"] = street.add_compound(store, s["community"], "阳光小区", "南虹物业", "阳光小区业委会")
    s["moon"] = street.add_compound(store, s["community"], "新月小区")
    for n in ("1", "二号楼", "3幢"):
        s[f"b{len([k for k in s if k.startswith('b')]) + 1}"] = street.add_building(store, s["sun"], n, 2, 6)
    s["g1"] = street.add_grid(store, s["community"], "第1网格", "330382001001-01")
    s["g2"] = street.add_grid(store, s["community"], "第2网格", "330382001001-02")
    street.cover(store, s["g1"], building_ids=[s["b1"], s["b2"]])
    street.cover(store, s["g2"], building_ids=[s["b3"]], compound_ids=[s["moon"]])
    return s


def test_a_street_from_nothing(store: Store) -> None:
    s = _street(store)
    whole = street.structure(store)
    assert [b.name for b in whole.buildings_of(s["sun"])] == ["1幢", "2幢", "3幢"]  # named as rosters name them
    assert {b.id for b in whole.buildings_in(s["g1"])} == {s["b1"], s["b2"]}
    moon = whole.get(s["moon"])
    assert moon.grid_id == s["g2"]  # type: ignore[attr-defined]
    # A building the compound covered whole gains later lands in that grid.
    late = street.add_building(store, s["moon"], "5")
    assert street.structure(store).get(late).grid_id == s["g2"]  # type: ignore[union-attr]


def test_names_are_unique_where_they_must_be(store: Store) -> None:
    s = _street(store)
    with pytest.raises(StreetError, match="already there"):
        street.add_building(store, s["sun"], "1号楼")  # the same building as 1幢
    with pytest.raises(StreetError, match="already has the code"):
        street.add_grid(store, s["community"], "第3网格", "330382001001-01")
    with pytest.raises(StreetError, match="needs a name"):
        street.add_compound(store, s["community"], "  ")
    with pytest.raises(StreetError, match="digits only"):
        street.add_community(store, "城北社区", "33x")


def test_a_building_is_in_one_grid_and_a_move_keeps_history(store: Store) -> None:
    s = _street(store)
    hh = household_edit.create_household(store, s["b3"], "1", "301")
    assert street.cover(store, s["g1"], building_ids=[s["b3"]]) == 1
    whole = street.structure(store)
    assert whole.get(s["b3"]).grid_id == s["g1"]  # type: ignore[union-attr]
    assert s["b3"] not in {b.id for b in whole.buildings_in(s["g2"])}
    assert [m.grid_id for m in street.moves(store, [s["b3"]])] == [None, s["g2"], s["g1"]]
    # The household's scope followed its building (the search index lists it under grid 1 now).
    from gridkeeper.places import households

    assert hh in {h.household_id for h in households.search_page(store, "", [s["g1"]])}
    assert hh not in {h.household_id for h in households.search_page(store, "", [s["g2"]])}


def test_moving_one_building_out_of_a_compound_covered_whole_divides_it(store: Store) -> None:
    s = _street(store)
    b = street.add_building(store, s["moon"], "1")
    street.cover(store, s["g1"], building_ids=[b])
    assert street.structure(store).get(s["moon"]).grid_id is None  # type: ignore[union-attr]


def test_a_grid_covers_its_own_community_only(store: Store) -> None:
    s = _street(store)
    other = street.add_community(store, "城北社区")
    far = street.add_compound(store, other, "北苑")
    with pytest.raises(StreetError, match="own community"):
        street.cover(store, s["g1"], compound_ids=[far])


def test_deleting_is_refused_while_records_hang_on_the_place(store: Store) -> None:
    s = _street(store)
    household_edit.create_household(store, s["b1"], "1", "101")
    with pytest.raises(StreetError) as refused:
        street.delete(store, "building", s["b1"])
    assert "1 households" in refused.value.english()
    with pytest.raises(StreetError) as refused:
        street.delete(store, "grid", s["g1"])
    assert "2 buildings" in refused.value.english()
    with pytest.raises(StreetError) as refused:
        street.delete(store, "community", s["community"])
    assert "2 compounds" in refused.value.english() and "2 grids" in refused.value.english()
    # The empty building goes, as a tombstone.
    street.delete(store, "building", s["b2"])
    assert s["b2"] not in {b.id for b in street.structure(store).buildings}
    with store.read() as conn:
        assert conn.execute(text("SELECT deleted FROM building WHERE id = :i"), {"i": s["b2"]}).scalar() == 1


def test_a_grid_held_today_is_not_deleted(store: Store) -> None:
    s = _street(store)
    street.uncover(store, building_ids=[s["b3"]], compound_ids=[s["moon"]])
    cadre = staff.add_cadre(store, "陈晓燕", "13805771234", "网格员")
    staff.hold(store, cadre, s["g2"])
    with pytest.raises(StreetError, match="holding it today"):
        street.delete(store, "grid", s["g2"])
    staff.release(store, cadre, s["g2"])
    street.delete(store, "grid", s["g2"])


def test_unassigned_households_are_listed_by_building(store: Store) -> None:
    s = _street(store)
    loose = street.add_building(store, s["sun"], "9")
    household_edit.create_household(store, loose, "1", "101")
    household_edit.create_household(store, loose, "1", "102")
    assert [(u.compound, u.building, u.households) for u in street.unassigned(store)] == [("阳光小区", "9幢", 2)]
    street.cover(store, s["g1"], building_ids=[loose])
    assert street.unassigned(store) == []


def test_a_cadres_rotation_keeps_the_history(store: Store) -> None:
    s = _street(store)
    today = clock.today()
    old = staff.add_cadre(store, "王建国", "13905770001", "驻社区干部")
    new = staff.add_cadre(store, "李秀英", "13905770002", "社区干部")  # read as the standard role
    staff.hold(store, old, s["g1"], today - timedelta(days=200))
    with pytest.raises(StreetError, match="already holds"):
        staff.hold(store, old, s["g1"])
    staff.rotate(store, s["g1"], old, new)
    history = staff.stints(store, grid_id=s["g1"])
    assert [(h.cadre, h.role, h.start, h.end) for h in history] == [
        ("王建国", "驻社区干部", today - timedelta(days=200), today - timedelta(days=1)),
        ("李秀英", "驻社区干部", today, None),
    ]
    assert [h.cadre for h in history if h.holds_on(today)] == ["李秀英"]
    # The first cadre comes back later: a second stint, the first one kept.
    staff.release(store, new, s["g1"], today + timedelta(days=29))
    staff.hold(store, old, s["g1"], today + timedelta(days=30))
    assert [(h.cadre, h.start) for h in staff.stints(store, cadre_id=old)] == [
        ("王建国", today - timedelta(days=200)), ("王建国", today + timedelta(days=30))]


def test_my_grids_are_the_grids_held_by_this_laptops_cadre(store: Store) -> None:
    s = _street(store)
    me = staff.add_cadre(store, "陈晓燕", "13805771234", "专职网格员")
    staff.hold(store, me, s["g2"])
    choose_cadre(store, me)
    assert my_grid_ids(store) == [s["g2"]]


def test_a_cadre_who_leaves_keeps_their_stints(store: Store) -> None:
    s = _street(store)
    me = staff.add_cadre(store, "陈晓燕", "13805771234")
    staff.hold(store, me, s["g2"], clock.today() - timedelta(days=10))
    staff.leave(store, me)
    assert me not in {c.id for c in staff.cadres(store)}
    [stint] = staff.stints(store, grid_id=s["g2"])
    assert stint.end == clock.today() - timedelta(days=1)
    with pytest.raises(StreetError, match="Not a phone number"):
        staff.add_cadre(store, "赵六", "12345")


def test_households_by_hand(store: Store) -> None:
    s = _street(store)
    a = household_edit.create_household(store, s["b1"], "一单元", "301室")
    with pytest.raises(StreetError, match="already on file"):
        household_edit.create_household(store, s["b1"], "1", "301")
    b = household_edit.create_household(store, s["b3"], "2", "502")
    with pytest.raises(StreetError, match="merge"):
        household_edit.move_household(store, b, s["b1"], "1", "301")
    household_edit.move_household(store, b, s["b2"], "2", "502")
    with store.read() as conn:
        row = conn.execute(text("SELECT building_id, unit, room FROM household WHERE id = :i"), {"i": b}).first()
    assert tuple(row) == (s["b2"], "2", "502")
    household_edit.mark_vacant(store, a, date(2026, 3, 1))
    with store.read() as conn:
        assert conn.execute(text("SELECT vacant_since FROM household WHERE id = :i"), {"i": a}).scalar() == "2026-03-01"
    household_edit.mark_lived_in(store, a)


def test_merging_two_files_of_one_household(store: Store) -> None:
    from gridkeeper.places import members

    s = _street(store)
    keep = household_edit.create_household(store, s["b1"], "1", "101")
    gone = household_edit.create_household(store, s["b1"], "1", "102")
    p = members.add_person(store, gone, members.check("张三", phones="13805770000"))
    assert household_edit.merge(store, keep, gone) == 1
    with store.read() as conn:
        assert conn.execute(text("SELECT household_id FROM person WHERE id = :p"), {"p": p}).scalar() == keep
        merged = conn.execute(text("SELECT deleted, merged_into FROM household WHERE id = :i"), {"i": gone}).first()
    assert tuple(merged) == (1, keep)
    with pytest.raises(StreetError, match="no longer on file"):
        household_edit.merge(store, keep, gone)


def test_one_member_moves_to_a_new_address(store: Store) -> None:
    from gridkeeper.places import members

    s = _street(store)
    home = household_edit.create_household(store, s["b1"], "1", "101")
    p = members.add_person(store, home, members.check("李四"))
    new_home = household_edit.move_member(store, p, s["b3"], "1", "201")
    assert new_home != home
    assert household_edit.move_member(store, p, s["b3"], "1", "201") == new_home  # the household there now


def test_the_kept_household_shows_the_merged_ones_services(store: Store) -> None:
    from gridkeeper import care
    from gridkeeper.places import history

    s = _street(store)
    keep = household_edit.create_household(store, s["b1"], "1", "101")
    gone = household_edit.create_household(store, s["b1"], "1", "102")
    care.record_service(store, gone, care.SERVICE_TYPES[0], clock.today(), note="送餐")
    household_edit.merge(store, keep, gone)
    assert [e.values["note"] for e in history.timeline(store, keep) if e.kind == "service"] == ["送餐"]


def test_several_buildings_are_named_in_one_line() -> None:
    assert street.building_names("1-12") == [f"{i}幢" for i in range(1, 13)]
    assert street.building_names("1、3、5号楼") == ["1幢", "3幢", "5幢"]
    assert street.building_names("1-3幢, 综合楼 2") == ["1幢", "2幢", "3幢", "综合楼"]  # each once
    assert street.building_names("１－３") == ["1幢", "2幢", "3幢"]  # full-width, as typed with a Chinese IME
    assert street.building_names("03，3号楼") == ["3幢"]
    with pytest.raises(StreetError, match="counts backwards"):
        street.building_names("12-1")
    with pytest.raises(StreetError, match="more than 300"):
        street.building_names("1-1200")
    with pytest.raises(StreetError, match="needs a name"):
        street.building_names(" 、 ")


def test_adding_buildings_1_to_12_keeps_those_already_there(store: Store) -> None:
    s = _street(store)
    added, there = street.add_buildings(store, s["sun"], "1-5", 2, 18)
    assert there == ["1幢", "2幢", "3幢"] and len(added) == 2
    assert [b.name for b in street.structure(store).buildings_of(s["sun"])] == ["1幢", "2幢", "3幢", "4幢", "5幢"]
    # The compound covered whole takes its new buildings into its grid.
    added, _ = street.add_buildings(store, s["moon"], "1-2")
    assert {street.structure(store).get(b).grid_id for b in added} == {s["g2"]}  # type: ignore[union-attr]
    with pytest.raises(StreetError, match="between 1 and 199"):
        street.add_buildings(store, s["sun"], "8", floors=0)


def test_the_name_a_place_needs_is_asked_in_one_sentence(store: Store) -> None:
    """No English word inside a translated sentence: each kind has its own message."""
    with pytest.raises(StreetError) as refused:
        street.add_community(store, " ")
    assert refused.value.english() == "The community needs a name." and not refused.value.params


def test_a_cover_is_previewed_with_the_households_that_move_and_from_where(store: Store) -> None:
    s = _street(store)
    for room in ("101", "102"):
        household_edit.create_household(store, s["b1"], "1", room)
    household_edit.create_household(store, s["b3"], "1", "101")
    loose = street.add_building(store, s["sun"], "9")
    street.uncover(store, building_ids=[loose])
    household_edit.create_household(store, loose, "1", "101")
    whole = street.structure(store)
    preview = street.cover_preview(whole, s["g2"], compound_ids=[s["sun"]])
    # 1幢 (2 households) and 2幢 (none) leave grid 1, 9幢 (1) comes from no grid, 3幢 is in grid 2 already.
    assert (preview.buildings, preview.households) == (3, 3)
    assert preview.sources == [(s["g1"], 2, 2), (None, 1, 1)]
    street.cover(store, s["g2"], compound_ids=[s["sun"]])
    assert street.cover_preview(street.structure(store), s["g2"], compound_ids=[s["sun"]]).buildings == 0
    out = street.cover_preview(street.structure(store), None, building_ids=[s["b1"]])
    assert out.sources == [(s["g2"], 1, 2)]


def test_a_grids_history_of_buildings_in_and_out(store: Store) -> None:
    s = _street(store)
    street.cover(store, s["g2"], building_ids=[s["b1"]])
    street.uncover(store, building_ids=[s["b1"]])
    whole = street.structure(store)
    events = street.grid_moves(street.moves(store, [b.id for b in whole.buildings]), s["g2"])
    b1 = [(e.entered, e.other) for e in events if e.building_id == s["b1"]]
    assert b1 == [(True, s["g1"]), (False, None)]
    assert {e.building_id for e in events if e.entered} >= {s["b3"], s["b1"]}


def test_editing_a_cadre_keeps_the_phone_unless_a_new_one_is_typed(store: Store) -> None:
    me = staff.add_cadre(store, "陈晓燕", "13805771234", "专职网格员")
    staff.edit_cadre(store, me, "陈晓燕", None, "驻社区干部")
    [c] = staff.cadres(store)
    assert (c.phone, c.phone_masked, c.role) == ("13805771234", "138****1234", "驻社区干部")
    staff.edit_cadre(store, me, "陈晓燕", "13905770000", "驻社区干部")
    assert staff.cadres(store)[0].phone == "13905770000"


def test_who_may_edit_the_street(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.store import open_store
    from gridkeeper.sync import office

    share = tmp_path / "share"
    share.mkdir()
    admin, member = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    try:
        assert street.may_edit(admin)  # a laptop in no office is its own admin
        office.create(admin, share)
        office.join(member, share, office.invite(admin, share).code)
        assert street.may_edit(admin) and not street.may_edit(member)
    finally:
        admin.close()
        member.close()


def test_a_move_rewrites_the_search_index_as_a_rebuild_would(demo_store: Store) -> None:
    """cover() and uncover() rewrite only the moved households' grid in the search index (their other
    keys stay): the index must be what re-keying everything makes."""
    def keys() -> list[tuple[object, ...]]:
        with demo_store.read() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT * FROM search_key ORDER BY 1, 2, 3"))]

    whole = street.structure(demo_store)
    compound = max(whole.compounds, key=lambda c: sum(b.households for b in whole.buildings_of(c.id)))
    target = next(g for g in whole.grids_of(compound.community_id)
                  if all(b.grid_id != g.id for b in whole.buildings_of(compound.id)))
    assert street.cover(demo_store, target.id, compound_ids=[compound.id]) > 0
    one = whole.buildings_of(compound.id)[0]
    street.uncover(demo_store, building_ids=[one.id])
    moved = keys()
    with demo_store.bulk_load() as conn:  # re-key everything
        pass
    assert keys() == moved
    from gridkeeper.places import households

    inside = {h.household_id for h in households.search_page(demo_store, "", [target.id], limit=5000)}
    with demo_store.read() as conn:
        expected = set(conn.execute(text(
            "SELECT h.id FROM household h JOIN building b ON b.id = h.building_id "
            "WHERE b.compound_id = :c AND b.id != :b AND h.deleted = 0"), {"c": compound.id, "b": one.id}).scalars())
    assert expected and expected <= inside


def test_the_household_timeline_tells_its_buildings_grid_moves(store: Store) -> None:
    from gridkeeper.places import history

    s = _street(store)
    hh = household_edit.create_household(store, s["b3"], "1", "301")
    street.cover(store, s["g1"], building_ids=[s["b3"]])
    street.uncover(store, building_ids=[s["b3"]])
    grids = [e.values["grid"] for e in history.timeline(store, hh) if e.kind == "grid"]
    assert sorted(grids) == ["", "城南社区 第1网格", "城南社区 第2网格"]


def test_a_move_is_one_line_even_when_the_clock_ticks_between_its_fields(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A move writes building, unit and room in one UPDATE; each trigger reads the clock. Seen as of
    2026-12-31 in CI: a millisecond passed between two of them and the timeline told two moves."""
    from itertools import count

    from gridkeeper.places import history
    from gridkeeper.store import open_store

    ticks = count(1_800_000_000_000, 7)  # every reading of the clock a few milliseconds later
    store = open_store(tmp_path / "p", now_ms=lambda: next(ticks))
    try:
        s = _street(store)
        hh = household_edit.create_household(store, s["b1"], "1", "101")
        household_edit.move_household(store, hh, s["b2"], "2", "201")
        household_edit.move_household(store, hh, s["b3"], "3", "301")
        moves = [e.values for e in history.timeline(store, hh) if e.kind == "moved"]
        assert moves == [{"from": "阳光小区2幢2单元201", "to": "阳光小区3幢3单元301"},
                         {"from": "阳光小区1幢1单元101", "to": "阳光小区2幢2单元201"}]
    finally:
        store.close()
