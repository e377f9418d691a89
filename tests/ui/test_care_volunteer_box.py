"""The care plan's volunteer list: the household's own community first, filtered as the user types."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from gridkeeper import care
from gridkeeper.store import Store
from gridkeeper.store.models import Community, VolunteerTeam
from gridkeeper.ui.care.dialogs import PlanDialog
from tests.store.helpers import place


def _teams(store: Store) -> tuple[str, str]:
    here = place(store)
    with store.write() as s:
        s.add(Community(id="c-other", name="城南社区"))
        s.add(VolunteerTeam(id="t-here", name="塘川红马甲", community_id=here["community"]))
        s.add(VolunteerTeam(id="t-away", name="城南夕阳红", community_id="c-other"))
    care.add_volunteer(store, "周敏", team_id="t-away")
    near = care.add_volunteer(store, "陈阿姨", team_id="t-here")
    return here["household"], near


def test_own_community_first_and_typing_filters(qtbot: QtBot, store: Store) -> None:
    household, near = _teams(store)
    listed = care.volunteers_near(store, household)
    assert [(name, own) for _id, name, _team, own in listed] == [("陈阿姨", True), ("周敏", False)]
    dialog = PlanDialog([("p1", "王建国")], listed, date(2026, 11, 27))
    qtbot.addWidget(dialog)
    box = dialog.volunteer
    assert [box.itemText(i) for i in range(box.count())] == ["(none)", "陈阿姨（塘川红马甲）", "", "周敏（城南夕阳红）"]
    completer = box.completer()
    completer.setCompletionPrefix("红马甲")  # part of a team's name finds its volunteers
    assert completer.completionCount() == 1 and completer.currentCompletion() == "陈阿姨（塘川红马甲）"
    box.setEditText("陈阿姨（塘川红马甲）")
    dialog.accept()
    assert dialog.values["volunteer_id"] == near


def test_a_name_not_in_the_list_is_said_not_saved(qtbot: QtBot, store: Store) -> None:
    household, _near = _teams(store)
    dialog = PlanDialog([("p1", "王建国")], care.volunteers_near(store, household), date(2026, 11, 27))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.volunteer.setEditText("李四")
    dialog.accept()
    assert dialog.isVisible() and dialog.values == {} and "李四" in dialog.error.text()
