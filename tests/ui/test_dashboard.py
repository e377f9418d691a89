"""The Reports page: this month's figures, charts, and the monthly pack exported from it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gridkeeper.store import Store
from gridkeeper.ui.reports.page import DashboardPage


def test_figures_charts_and_export(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    _figures_charts_and_export(qtbot, demo_store, tmp_path)


def test_figures_charts_and_export_on_hard_days(qtbot: QtBot, hard_demo: Store, tmp_path: Path) -> None:
    """The 1st of a month, a leap day, new year's day...: this month so far may hold a day or a week."""
    _figures_charts_and_export(qtbot, hard_demo, tmp_path)


def _figures_charts_and_export(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    page = DashboardPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()  # the first show counts
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    care = page.figures.care  # type: ignore[union-attr]
    assert care.plans > 0 and page.figure_labels["plans"].text() == f"{care.plans:,}"
    assert page.services_chart.chart() is not None and page.coverage_chart.chart().series()
    services = page.services_chart.chart()
    # On a month's first morning no service is delivered yet and the chart is empty. More than four service types lie down, names on the left in full; a few stand up.
    lying = len(care.services) > 4
    names = services.axes(Qt.Orientation.Vertical if lying else Qt.Orientation.Horizontal)[0].categories()
    assert isinstance(services.series()[0], QHorizontalBarSeries if lying else QBarSeries)
    assert len(names) == len(care.services)
    assert "figures as of" in page.state.text()

    whole = page.scope.findText("Whole street")
    page.scope.setCurrentIndex(whole)
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.scope.grid_ids is None, timeout=10_000)
    assert page.figures.care.plans >= care.plans  # type: ignore[union-attr]

    job = page.export_to(tmp_path / "pack.xlsx")
    qtbot.waitUntil(lambda: "Saved the monthly pack" in page.state.text(), timeout=20_000)
    assert job.error is None
    wb = openpyxl.load_workbook(tmp_path / "pack.xlsx")
    assert wb.sheetnames[0] == "Overview" and "Care coverage" in wb.sheetnames and "Agenda" in wb.sheetnames
    values = {row[1]: row[2] for row in wb["Overview"].iter_rows(min_row=2, values_only=True)}
    assert values["Persons under a care plan"] == page.figures.care.plans  # type: ignore[union-attr]
    assert page.grab().save(str(tmp_path / "dashboard.png"))


def _texts(page: DashboardPage) -> list[str]:
    """The scope choices as listed; "—" for a separator line."""
    return [page.scope.itemText(i) if page.scope.itemData(i) is not None else "—" for i in range(page.scope.count())]


def _choose(qtbot: QtBot, page: DashboardPage, text: str) -> None:
    index = page.scope.findText(text)
    assert index >= 0, text
    page.scope.setCurrentIndex(index)
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.scope.name == text
                    and page.refresh_button.isEnabled(), timeout=10_000)


def test_scope_a_community_or_a_grid(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    from dataclasses import replace

    from gridkeeper.reports.monthly import monthly_figures
    from gridkeeper.reports.scope import resolve

    page = DashboardPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    # My grids first (the demo's cadre has 塘川社区's two), the whole profile, each community, each grid:
    # 第1网格 is in both communities, so a grid is named with its community.
    assert _texts(page) == ["My grids", "Whole street", "—", "双雁社区", "塘川社区", "—", "双雁社区 第1网格",
                            "双雁社区 第2网格", "塘川社区 第1网格", "塘川社区 第2网格"]
    assert page.scope.currentIndex() == 0 and page.scope.maxVisibleItems() >= 15
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    assert "· 塘川社区 第1网格、第2网格 ·" in page.state.text()  # my grids, with their community

    whole = monthly_figures(demo_store, page.selected_period(), resolve(demo_store), office=page._office())
    for text, where in (("塘川社区", resolve(demo_store, community="塘川社区")),
                        ("双雁社区 第1网格", resolve(demo_store, grid="双雁社区/第1网格"))):
        _choose(qtbot, page, text)
        shown = page.figures
        assert shown is not None and sorted(shown.scope.grid_ids or []) == sorted(where.grid_ids or [])
        expected = monthly_figures(demo_store, page.selected_period(), where, office=page._office())
        assert replace(expected, scope=shown.scope) == shown
        assert page.figure_labels["plans"].text() == f"{expected.care.plans:,}"
        assert f"· {text} ·" in page.state.text() and "figures as of" in page.state.text()
    assert shown.care.plans < whole.care.plans  # a grid is not the whole street

    page.scope.setCurrentIndex(page.scope.findText("Whole street"))
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.scope.grid_ids is None, timeout=10_000)
    assert "· whole street ·" in page.state.text()


def test_a_scope_chosen_while_counting_is_counted(qtbot: QtBot, demo_store: Store) -> None:
    page = DashboardPage(demo_store)
    qtbot.addWidget(page)
    page.show()  # counting My grids…
    page.scope.setCurrentIndex(page.scope.findText("双雁社区"))  # …when the cadre picks another scope
    page.scope.setCurrentIndex(page.scope.findText("塘川社区 第2网格"))
    qtbot.waitUntil(lambda: page.figures is not None and page.figures.scope.name == "塘川社区 第2网格"
                    and page.refresh_button.isEnabled(), timeout=20_000)
    assert "塘川社区 第2网格" in page.state.text()


def test_export_for_a_grid_names_the_grid(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    page = DashboardPage(demo_store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    _choose(qtbot, page, "塘川社区 第1网格")
    job = page.export_to(tmp_path / "grid.xlsx")
    qtbot.waitUntil(lambda: "Saved the monthly pack" in page.state.text(), timeout=20_000)
    assert job.error is None
    overview = list(openpyxl.load_workbook(tmp_path / "grid.xlsx")["Overview"].iter_rows(values_only=True))
    assert ("Scope", "塘川社区 第1网格") in [row[:2] for row in overview]
    figures = {row[1]: row[2] for row in overview[1:]}
    assert figures["Persons under a care plan"] == page.figures.care.plans  # type: ignore[union-attr]


def test_the_pack_is_offered_under_the_scope_name(qtbot: QtBot, demo_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (offered.append(args[2]), ("", ""))[1])
    page = DashboardPage(demo_store)
    qtbot.addWidget(page)
    page.scope.setCurrentIndex(page.scope.findText("塘川社区 第1网格"))
    page.export()
    page.scope.setCurrentIndex(page.scope.findText("Whole street"))
    page.export()
    label = page.selected_period().label
    assert [Path(p).name for p in offered] == [f"Monthly pack {label} 塘川社区 第1网格.xlsx", f"Monthly pack {label}.xlsx"]


def test_the_page_opens_on_the_last_complete_month_and_says_the_period(qtbot: QtBot, store: Store,
                                                                         tmp_path: Path) -> None:
    from datetime import date

    from gridkeeper import clock

    today = date(2026, 12, 8)
    with clock.moved_to(today):
        page = DashboardPage(store)
        qtbot.addWidget(page)
        assert page.month.itemText(0) == "2026-12 (so far)" and page.month.currentData() == "2026-11"
        page.show()
        qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
        assert page.heading.text() == "2026-11 (2026-11-01 to 2026-11-30) · whole street · figures as of 2026-11-30"
        job = page.export_quarterly_to(tmp_path / "q.xlsx")  # 季督考 from the page, not only the command line
        qtbot.waitUntil(lambda: "Saved the quarterly evaluation" in page.state.text(), timeout=20_000)
    assert job.error is None and page.quarterly_button.text() == "&Quarterly evaluation 2026-Q4 (.xlsx)…"
    assert page.heading.text().startswith("2026-11 (2026-11-01 to 2026-11-30)")  # still said after the export
    wb = openpyxl.load_workbook(tmp_path / "q.xlsx")
    assert "Ranking" in wb.sheetnames and wb["About"]["A1"].value.startswith("Quarterly evaluation 2026-Q4")
