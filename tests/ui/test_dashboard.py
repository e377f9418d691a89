"""The Reports page: this month's figures, charts, and the monthly pack exported from it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCharts import QHorizontalBarSeries
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gridkeeper.store import Store
from gridkeeper.ui.dashboard_page import DashboardPage


def test_figures_charts_and_export(qtbot: QtBot, demo_store: Store, tmp_path: Path) -> None:
    page = DashboardPage(demo_store)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()  # the first show counts
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)
    care = page.figures.care  # type: ignore[union-attr]
    assert care.plans > 0 and page.figure_labels["plans"].text() == f"{care.plans:,}"
    assert page.services_chart.chart() is not None and page.coverage_chart.chart().series()
    services = page.services_chart.chart()
    assert len(care.services) > 4  # the demo's six service types: they lie down, names on the left in full
    names = services.axes(Qt.Orientation.Vertical)[0].categories()
    assert isinstance(services.series()[0], QHorizontalBarSeries) and len(names) == len(care.services)
    assert "figures as of" in page.state.text()

    whole = page.scope.findText("Whole profile")
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
