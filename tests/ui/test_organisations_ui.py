"""The Organisations page driven through each tab: a committee term and its Party organisation, a change of
property company and an inspection, a survey typed and one imported, a team found by search and its activity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from gridkeeper import attachments
from gridkeeper.organisations import committees, supervision, surveys, teams
from gridkeeper.store import Store
from gridkeeper.ui.organisations import dialogs
from gridkeeper.ui.organisations.page import OrganisationsPage
from tests.attachment_files import png
from tests.conftest import clock_on
from tests.walk_fixtures import Street, street

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 27)
_clock = clock_on(TODAY)


@pytest.fixture
def st(store: Store) -> Street:
    return street(store)


@pytest.fixture
def page(qtbot, store: Store, st: Street) -> OrganisationsPage:  # type: ignore[no-untyped-def]
    p = OrganisationsPage(store, [st.grid1], "李娜")
    qtbot.addWidget(p)
    p.show()
    return p


def cells(table, row: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_committee_and_party_organisation(page: OrganisationsPage, store: Store, st: Street) -> None:
    assert cells(page.committees)[1:3] == ["阳光花园", "no committee"]
    form = dialogs.CommitteeDialog(store, st.compound, page)
    form.elected.setDate(form.elected.date().addYears(-4))  # 2022-11-27, term to 2027-11-27
    form.ends.setDate(form.elected.date())  # the term must end after the election: refused, form open
    form.chair.setText("王建国")
    form.accept()
    assert "must end after" in form.error.text() and form.saved is None
    form.ends.setDate(form.elected.date().addYears(4).addMonths(3))  # ends 2027-02-27: within 6 months
    form.members.setText("陈芳、赵强")
    form.accept()
    assert form.saved
    party = dialogs.PartyOrgDialog(store, st.compound, page)
    party.name.setText("阳光花园党支部")
    party.secretary.setText("王建国")
    party.accept()
    page.refresh()
    row = cells(page.committees)
    assert row[4:8] == ["王建国", "阳光花园党支部", "王建国", "yes"] and row[8] == "term ends in 92 days"
    assert "1 with an owners' committee" in page.figures.text() and "coverage 100%" in page.figures.text()
    assert len(committees.committee_history(store, st.compound)[0][1]) == 3


def test_company_change_and_inspection(page: OrganisationsPage, store: Store, st: Street, tmp_path: Path) -> None:
    for name in ("宏达物业", "南虹物业"):
        form = dialogs.CompanyDialog(store, page)
        form.name.setText(name)
        form.accept()
        assert form.saved
    first = dialogs.ChangeCompanyDialog(store, st.compound, page)
    first.company.setCurrentIndex(first.company.findText("宏达物业"))
    first.day.setDate(first.day.date().addYears(-3))
    first.accept()
    change = dialogs.ChangeCompanyDialog(store, st.compound, page)
    change.company.setCurrentIndex(change.company.findText("南虹物业"))
    change.day.setDate(change.day.date().addMonths(-2))
    change.accept()
    assert "why" in change.error.text()  # no reason: refused, the form stays
    change.reason.setText("业主大会表决更换")
    change.accept()
    assert change.saved
    page.refresh()
    assert [cells(page.history, r)[2:] for r in range(page.history.rowCount())] == [
        ["宏达物业", "业主大会表决更换"], ["南虹物业", ""]]
    inspection = dialogs.InspectionDialog(store, st.compound, "李娜", page)
    inspection.checks.item(0, 0).setCheckState(inspection.checks.item(0, 0).checkState().Unchecked)
    inspection.checks.item(0, 1).setText("3幢东侧堆放杂物")
    inspection.accept()
    assert len(inspection.problems) == 1
    page.refresh()
    # The inspection is listed under the compound's history and takes photos of what was found.
    assert cells(page.inspections, 0)[1:] == ["李娜", f"{inspection.checks.item(0, 0).text()}：3幢东侧堆放杂物"]
    photo = tmp_path / "fire-lane.png"
    photo.write_bytes(png())
    assert page.inspection_photos.add_button.isEnabled()
    assert page.inspection_photos.add_files([photo]) == 1
    [kept] = attachments.of_entity(store, "inspection", supervision.inspections(store, st.compound)[0].id)
    assert page.inspection_photos.list.count() == 1 and kept.added_by == "李娜"
    company_row = next(cells(page.companies, r) for r in range(page.companies.rowCount())
                       if page.companies.item(r, 0).text() == "南虹物业")
    assert company_row[2:4] == ["阳光花园", "1"]
    evaluation = dialogs.EvaluationDialog(store, st.compound, "2026-Q4", page)
    evaluation.party.setCurrentIndex(evaluation.party.findData("hoa"))
    evaluation.scores["cleaning"].setValue(95)
    evaluation.accept()
    assert evaluation.saved
    early = dialogs.EvaluationDialog(store, st.compound, "2027-Q1", page)
    early.accept()
    assert not early.saved and "has not started" in early.error.text()  # refused in words, the form stays
    page.refresh()
    assert "2026-Q4" in page.ranking.text() and "1. 阳光花园 82.5" in page.ranking.text()  # (95 + 5 x 80) / 6


def test_survey_typed_and_imported(page: OrganisationsPage, store: Store, st: Street, tmp_path: Path,
                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]
    form = dialogs.SurveyDialog(store, st.compound, page)
    form.asked.setValue(100)
    form.answered.setValue(101)
    form.overall.setValue(31)
    form.accept()
    assert "only 100 were asked" in form.error.text()
    form.answered.setValue(100)
    form.day.setDate(form.day.date().addMonths(-6))
    form.accept()
    assert form.saved
    sheet = tmp_path / "answers.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["满意度调查"])
    book.active.append(["户号", "总体满意度", "安全"])
    for answer in ("满意", "基本满意", "不满意", "满意", "说不清"):
        book.active.append(["1-101", answer, "满意"])
    book.save(sheet)
    monkeypatch.setattr(dialogs.SurveyDialog, "exec", lambda self: (self.asked.setValue(10), self.accept(),
                                                                      self.saved is not None)[-1])
    page.import_answers_from(st.compound, str(sheet))
    imported = page._pending_form
    assert "4 answers counted" in imported.error.text() and ": 7." in imported.error.text()  # row 7 set aside
    page.refresh()
    latest = surveys.surveys(store, st.compound)[-1]
    assert (latest.asked, latest.answered, latest.overall, latest.topics["safety"]) == (10, 4, 3, 4)
    chart = page.chart.chart()
    assert chart.series()[0].count() == 2
    assert cells(page.surveys)[2:5] == ["10", "4", "75%"]


def test_teams_search_sort_and_activity(page: OrganisationsPage, store: Store, st: Street) -> None:
    for n in (1, 11, 2):
        teams.add_team(store, f"第{n}队", compound_id=st.compound)
    teams.add_team(store, "书法社", "skill_club", leader="陈芳")
    page.refresh()
    page.search.setText("队")
    shown = [r for r in range(page.team_table.rowCount()) if not page.team_table.isRowHidden(r)]
    assert [page.team_table.item(r, 0).text() for r in shown] == ["第1队", "第2队", "第11队"]
    from gridkeeper import lists

    service = lists.create_item(store, lists.NewItem("service", "独居老人送餐", "door_knock", "community"), "李娜")
    page.team_table.selectRow(shown[2])
    form = dialogs.ActivityDialog(store, page._team(), page._compounds, page, "李娜")
    form.service.setCurrentIndex(form.service.findData(service))
    form.what.setText("敲门日走访")
    form.participants.setValue(4)
    form.minutes.setValue(90)
    form.households.setValue(12)
    form.accept()
    assert form.saved
    page.refresh()
    assert page.team_table.isRowHidden(0)  # 书法社: still left out by the search after the refresh
    assert cells(page.team_table, shown[2])[5:] == ["1", "6", "12"]
    assert lists.item_detail(store, service, TODAY).item.status == "done"
    assert "6 volunteer hours" in page.work_line.text()


def test_property_problems_are_owned_by_the_new_company(store: Store, st: Street) -> None:
    old, new = supervision.add_company(store, "宏达物业"), supervision.add_company(store, "南虹物业")
    supervision.serve(store, st.compound, old, date(2020, 1, 1))
    supervision.change_company(store, st.compound, new, date(2026, 10, 1), "到期未续")
    served = {s.name: s.compounds for s in supervision.summaries(store, TODAY)}
    assert served == {"宏达物业": (), "南虹物业": ("阳光花园",)}


def test_volunteers_page_sorts_teams_as_numbers_finds_and_shows_hours(qtbot, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper import care
    from gridkeeper.ui.care.volunteers_page import VolunteersPage

    eleven, two = teams.add_team(store, "第11队"), teams.add_team(store, "第2队")
    care.add_volunteer(store, "张三", team_id=eleven)
    li = care.add_volunteer(store, "李四", team_id=two)
    teams.add_activity(store, teams.NewActivity(two, TODAY, "送餐", 2, 90, 3, volunteer_ids=[li]))
    page = VolunteersPage(store)
    qtbot.addWidget(page)
    page.refresh()
    assert [cells(page.table, r)[:2] for r in range(2)] == [["李四", "第2队"], ["张三", "第11队"]]
    assert cells(page.table, 0)[4] == "1.5"
    page.search.setText("11")
    assert [cells(page.table, r)[0] for r in range(page.table.rowCount()) if not page.table.isRowHidden(r)] == ["张三"]
    page.search.setText("")
    assert not any(page.table.isRowHidden(r) for r in range(page.table.rowCount()))


def test_reports_page_shows_committee_and_team_figures(qtbot, store: Store, st: Street) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.reports import monthly, period, scope
    from gridkeeper.ui.reports.page import DashboardPage

    committees.add_committee(store, st.compound, date(2022, 3, 1), members=[committees.NewMember("王建国", "chair")])
    committees.set_party_org(store, st.compound, "branch", "阳光花园党支部", "王建国")
    team = teams.add_team(store, "第1队", compound_id=st.compound)
    teams.add_activity(store, teams.NewActivity(team, TODAY, "敲门日", 4, 90, 12, compound_id=st.compound))
    page = DashboardPage(store)
    qtbot.addWidget(page)
    page.show_figures(monthly.monthly_figures(store, period.month("2026-11"), scope.EVERYTHING))
    text = page.org_line.text()
    assert "1 of 1 compounds" in text and "coverage 100%" in text and "(一肩挑): 1" in text
    assert "terms ending within 6 months: 1" in text and "6 volunteer hours" in text
