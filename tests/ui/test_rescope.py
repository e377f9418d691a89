"""My grids follow the stints: holding a grid (here or by a sync) rebuilds the window for it."""

from __future__ import annotations

from gridkeeper.places import profile, staff, street
from gridkeeper.store import Store
from tests.ui.windows import window


def test_holding_a_grid_rescopes_the_window(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    community = street.add_community(store, "城南社区")
    g1 = street.add_grid(store, community, "第1网格")
    g2 = street.add_grid(store, community, "第2网格")
    me = staff.add_cadre(store, "陈晓燕", "13805771234")
    staff.hold(store, me, g1)
    profile.choose_cadre(store, me)
    w = window(qtbot, store)
    with qtbot.assertNotEmitted(w.language_chosen):
        assert not w._rescope_if_my_grids_changed()  # nothing changed: no rebuild
    staff.hold(store, me, g2)
    with qtbot.waitSignal(w.language_chosen, timeout=1000):
        w._street_changed()
