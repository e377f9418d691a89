"""Search rows say which member matched and the community with the grid (two 廖欣 told apart)."""

from __future__ import annotations

from gridkeeper import ids
from gridkeeper.places import households as use_cases
from gridkeeper.store import Store
from gridkeeper.store.households import MemberMatch
from gridkeeper.store.models import Building, Grid
from tests.store.test_search import household, person


def _two_liao_xin(store: Store) -> tuple[str, str]:
    """Two households with a 廖欣 in two communities, both in a grid called 第1网格, and 廖欣 not the head."""
    east = household(store, "阳光花园", "3幢", "2", "501", community="城南社区")
    west = household(store, "阳光花园", "3幢", "2", "501", community="塘川社区")
    for h, community, head in ((east, "城南社区", "王建国"), (west, "塘川社区", "陈立")):
        person(store, h, head, relation="户主", id_number=None, phones=("13800001111",))
        person(store, h, "廖欣", relation="户主之妻", phones=("13912345678",) if h == east else ())
        g = ids.grid_id(community, "第1网格")
        with store.write() as s:
            s.add(Grid(id=g, community_id=ids.community_id(community), name="第1网格"))
            s.flush()
            s.get(Building, ids.building_id(ids.compound_id(community, "阳光花园"), "3幢")).grid_id = g
    return east, west


def test_the_member_who_matched_and_the_community(store: Store) -> None:
    east, west = _two_liao_xin(store)
    found = [h for h in (east, west) if h in use_cases.rows(store, [east, west], "廖欣")]
    assert found == [east, west]
    by_name = use_cases.rows(store, [east, west], "廖欣")
    assert {h: (r.community, r.grid) for h, r in by_name.items()} == {
        east: ("城南社区", "第1网格"), west: ("塘川社区", "第1网格")}
    assert by_name[east].head == "王建国"  # the head column shows the head, not who matched
    assert {h: r.matched for h, r in by_name.items()} == {
        h: MemberMatch("廖欣", "户主之妻", False) for h in (east, west)}
    # Pinyin initials and full pinyin find her too.
    assert use_cases.rows(store, [east], "lx")[east].matched == MemberMatch("廖欣", "户主之妻", False)
    assert use_cases.rows(store, [east], "liaoxin")[east].matched == MemberMatch("廖欣", "户主之妻", False)
    # The last digits of her phone: matched by number.
    assert use_cases.rows(store, [east], "5678")[east].matched == MemberMatch("廖欣", "户主之妻", True)
    # A term for the head and one for the address: the head matched (the address is nobody).
    assert use_cases.rows(store, [east], "王 501")[east].matched == MemberMatch("王建国", "户主", False)
    # The member matching more terms is named: 廖 and 欣 both hers.
    assert use_cases.rows(store, [east], "廖 欣")[east].matched == MemberMatch("廖欣", "户主之妻", False)


def test_an_address_search_or_no_search_names_nobody(store: Store) -> None:
    east, _west = _two_liao_xin(store)
    assert use_cases.rows(store, [east], "3幢2单元501")[east].matched is None
    assert use_cases.rows(store, [east], "")[east].matched is None
    assert use_cases.rows(store, [east])[east].matched is None
