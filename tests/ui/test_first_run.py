"""A new laptop and a new cadre: the language first, Qt's own words in it, then who uses the laptop,
then a main window scoped to the grids that cadre ticked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton, QWidget

from gridkeeper import settings as cfg
from gridkeeper.places import profile
from gridkeeper.settings import Settings
from gridkeeper.store import Store, open_store
from gridkeeper.store.models import Building
from gridkeeper.ui import app as app_module
from gridkeeper.ui import i18n
from gridkeeper.ui.cadre_dialog import CadreDialog
from gridkeeper.ui.language_dialog import LanguageDialog, first_run_language
from tests.store.test_search import household, person
from tests.test_profile import _street
from tests.ui.typing import type_text

pytestmark = pytest.mark.gui


def when_modal(kind: type, act: Callable[[QWidget], None]) -> None:
    """Act on the modal dialog of `kind` once it is open (exec() blocks the test until it closes)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


# -- Qt's own words ------------------------------------------------------------------------


def test_qt_standard_buttons_and_dialogs_speak_the_chosen_language(qapp) -> None:  # type: ignore[no-untyped-def]
    def words() -> list[str]:
        box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Ok
                          | QMessageBox.StandardButton.Cancel)
        bar = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        out = [box.button(QMessageBox.StandardButton.Ok).text(), box.button(QMessageBox.StandardButton.Cancel).text(),
               *(b.text() for b in bar.buttons())]
        files = QFileDialog()
        files.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own file dialog: its words are Qt's
        out.append(next(b.text() for b in files.findChildren(QPushButton) if "&" in b.text()))
        for w in (box, bar, files):
            w.deleteLater()
        return out

    try:
        assert i18n.install(qapp, "zh_CN") == "zh_CN"
        assert words() == ["确定", "取消", "保存", "关闭", "打开(&O)"]
    finally:
        i18n.install(qapp, "en")
    assert words() == ["OK", "Cancel", "Save", "Close", "&Open"]


# -- the language ---------------------------------------------------------------------------


@pytest.mark.parametrize(("system", "chinese_data", "expected"), [
    ("zh_CN", False, "zh_CN"),   # a Chinese system
    ("zh_TW", False, "zh_CN"),   # Traditional: Simplified reads better than English
    ("en_US", True, "zh_CN"),    # an English system on a street whose data is Chinese
    ("en_US", None, "zh_CN"),    # an encrypted profile, unreadable before its passphrase: in use on a street
    ("C", False, "zh_CN"),       # a bare Linux: nobody chose English
    ("de_DE", False, "zh_CN"),   # a language we do not have
    ("en_US", False, "en"),      # everything points to English: a new profile on an English system
    ("en_GB", False, "en"),
])
def test_the_language_preselected(system: str, chinese_data: bool | None, expected: str) -> None:
    assert i18n.first_choice(system, chinese_data) == expected


def test_the_profile_is_read_for_chinese_names_before_it_is_opened(tmp_path: Path) -> None:
    from gridkeeper.store import peek

    assert peek.holds_chinese(tmp_path / "nothing") is False
    english = open_store(tmp_path / "en")
    chinese = open_store(tmp_path / "zh")
    locked = open_store(tmp_path / "locked", passphrase="秘密口令 2026")
    try:
        person(english, household(english, "Sunny Gardens", "3", "2", "501", community="Riverside"), "Ann Lee")
        person(chinese, household(chinese, "阳光花园", "3幢", "2", "501", community="城南社区"), "廖欣")
    finally:
        for s in (english, chinese, locked):
            s.close()
    assert peek.holds_chinese(tmp_path / "en") is False
    assert peek.holds_chinese(tmp_path / "zh") is True
    assert peek.holds_chinese(tmp_path / "locked") is None


def test_the_language_dialog_speaks_the_language_chosen_in_it(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        dialog = LanguageDialog(qapp, "zh_CN")
        qtbot.addWidget(dialog)
        assert dialog.choices["zh_CN"].isChecked()
        assert dialog.windowTitle() == "语言" and dialog.intro.text().startswith("请选择")
        assert [b.text() for b in dialog.buttons.buttons()] == ["确定"]
        assert [dialog.choices[k].text() for k in ("zh_CN", "en")] == ["简体中文", "English"]  # never translated
        dialog.choices["en"].click()
        assert dialog.language == "en" and dialog.windowTitle() == "Language"
        assert [b.text() for b in dialog.buttons.buttons()] == ["OK"]
        dialog.choices["zh_CN"].click()
        assert dialog.windowTitle() == "语言"
    finally:
        i18n.install(qapp, "en")


def test_the_first_start_asks_once_and_remembers(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(tmp_path)
    asked: list[str] = []

    def choose_english(dialog: QWidget) -> None:
        assert isinstance(dialog, LanguageDialog)
        asked.append(dialog.language)
        dialog.choices["en"].click()
        dialog.accept()

    when_modal(LanguageDialog, choose_english)
    try:
        assert first_run_language(qapp, tmp_path, settings) == "en"
        assert Settings(tmp_path).get(cfg.LANGUAGE) == "en" and Settings(tmp_path).is_set(cfg.LANGUAGE)
        assert first_run_language(qapp, tmp_path, Settings(tmp_path)) == "en"  # no dialog: it would block here
        assert len(asked) == 1
    finally:
        i18n.install(qapp, "en")


def test_a_dialog_closed_without_choosing_asks_again_next_time(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    when_modal(LanguageDialog, lambda d: d.reject())
    try:
        language = first_run_language(qapp, tmp_path, Settings(tmp_path))
        assert language in ("zh_CN", "en")  # the preselected one, for this start
        assert not Settings(tmp_path).is_set(cfg.LANGUAGE)
    finally:
        i18n.install(qapp, "en")


# -- a new cadre ------------------------------------------------------------------------------


def _street_with_households(store: Store) -> dict[str, str]:
    """城南社区 and 塘川社区, each with 第1网格 and 第2网格; one household in each of 城南社区's grids and
    one in 塘川社区 第1网格."""
    _street(store)
    homes = {}
    for community, compound, grid_name, head in (("城南社区", "阳光花园", "第1网格", "王建国"),
                                                 ("城南社区", "春晖苑", "第2网格", "李秀英"),
                                                 ("塘川社区", "阳光花园", "第1网格", "陈立")):
        h = household(store, compound, "3幢", "2", "501", community=community)
        person(store, h, head, relation="户主")
        from gridkeeper import ids

        with store.write() as s:
            s.get(Building, ids.building_id(ids.compound_id(community, compound), "3幢")).grid_id = \
                f"{community}/{grid_name}"
        homes[head] = h
    return homes


def test_a_new_cadre_ticks_grids_by_community(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    _street_with_households(store)
    profile.create_cadre(store, "王书记", role="驻社区干部", grid_ids=["塘川社区/第1网格"])
    store.set_meta(profile.CADRE_KEY, "")
    dialog = CadreDialog(store)
    qtbot.addWidget(dialog)
    # The street's cadres with role, community and the grids held today.
    row = dialog.list.topLevelItem(0)
    assert [row.text(c) for c in range(4)] == ["王书记", "驻社区干部", "塘川社区", "塘川社区 第1网格"]
    today = profile.history(store, profile.list_cadres(store)[0].id)[0].start
    assert row.toolTip(0).splitlines() == ["Grids held, past and present:", f"塘川社区 第1网格  {today} – now"]
    # The grids, community by community.
    tree = [(dialog.grids.topLevelItem(i).text(0),
             [dialog.grids.topLevelItem(i).child(j).text(0) for j in range(dialog.grids.topLevelItem(i).childCount())])
            for i in range(dialog.grids.topLevelItemCount())]
    assert tree == [("城南社区", ["第1网格", "第2网格"]), ("塘川社区", ["第1网格", "第2网格"])]
    type_text(qtbot, dialog.name, "林晓燕")
    assert dialog.new.isChecked()
    dialog.accept()
    assert "Tick the grids" in dialog.error.text() and dialog.result() != dialog.DialogCode.Accepted
    dialog.tick("城南社区")  # the whole community: both its grids
    dialog.role.setCurrentText("小区党建指导员")
    assert dialog.ticked_grids() == ["城南社区/第1网格", "城南社区/第2网格"]
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    me = profile.current_cadre(store)
    assert me is not None and me.name == "林晓燕" and me.role == "小区党建指导员" and me.community == "城南社区"
    assert [g.id for g in me.grids] == ["城南社区/第1网格", "城南社区/第2网格"]


def test_the_first_run_ends_in_a_window_scoped_to_the_new_cadres_grids(qtbot, qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The app's start on a laptop whose profile holds the street: language, cadre, window (app.start: all
    of run() but the event loop, whose quit would end every later dialog's loop in this process)."""
    root = tmp_path / "laptop"
    store = open_store(root)
    homes = _street_with_households(store)
    store.close()
    Settings(root).set(cfg.KEEP_UNENCRYPTED, True)  # not the question under test
    seen: dict[str, object] = {}

    def language(dialog: QWidget) -> None:
        assert isinstance(dialog, LanguageDialog)
        seen["preselected"] = dialog.language
        dialog.choices["zh_CN"].click()
        dialog.accept()
        when_modal(CadreDialog, cadre)

    def cadre(dialog: QWidget) -> None:
        assert isinstance(dialog, CadreDialog)
        seen["cadre title"] = dialog.windowTitle()
        dialog.name.setText("林晓燕")
        dialog.tick("城南社区", "第1网格")
        dialog.accept()

    when_modal(LanguageDialog, language)
    controller = app_module.start(qapp, root)
    try:
        assert isinstance(controller, app_module.Controller)
        w = controller.window
        model = w.households.model
        assert seen["preselected"] == "zh_CN"  # the profile's names are Chinese, whatever this machine's locale
        assert seen["cadre title"] == "谁在使用这台电脑？" and w.windowTitle() == "网格管家"
        assert [model.household_id(r) for r in range(model.rowCount())] == [homes["王建国"]]  # 城南社区 第1网格
        assert w.households.scope_line.text() == w.today.scope_line.text() == "显示范围：我的网格——城南社区 第1网格"
        assert Settings(root).get(cfg.LANGUAGE) == "zh_CN"
    finally:
        i18n.install(qapp, "en")
        if isinstance(controller, app_module.Controller):
            controller.window.close()
            controller.close()
