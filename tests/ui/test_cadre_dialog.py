"""First start: who is using this laptop."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from gridkeeper.places import profile
from gridkeeper.store import Store
from gridkeeper.ui.cadre_dialog import CadreDialog
from tests.ui.typing import type_text

pytestmark = pytest.mark.gui


def test_choose_an_existing_cadre(qtbot, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    demo_store.set_meta(profile.CADRE_KEY, "")
    assert profile.current_cadre(demo_store) is None
    dialog = CadreDialog(demo_store)
    qtbot.addWidget(dialog)
    cadres = profile.list_cadres(demo_store)
    target = cadres[-1]
    type_text(qtbot, dialog.filter, target.name)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    me = profile.current_cadre(demo_store)
    assert me is not None and me.id == target.id and me.grids == target.grids


def test_a_new_cadre_is_created_through_the_write_path(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = CadreDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.new.isChecked() and not dialog.list.isEnabled()  # empty profile: nobody to choose
    dialog.accept()
    assert dialog.error.text()  # no name given: told so, not accepted
    assert profile.current_cadre(store) is None
    type_text(qtbot, dialog.name, "林晓燕")
    dialog.accept()
    me = profile.current_cadre(store)
    assert me is not None and me.name == "林晓燕" and me.grids == ()
    with store.read() as conn:
        logged = conn.execute(text("SELECT count(*) FROM change_log WHERE tbl = 'cadre' AND row_id = :i"),
                              {"i": me.id}).scalar()
    assert logged == 1
