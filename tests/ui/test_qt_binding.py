"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did: the app aborted)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_filling_a_table_keeps_the_reference_count_of_none(qtbot) -> None:
    table = QTableWidget(200, 4)
    qtbot.addWidget(table)
    before = sys.getrefcount(None)
    for row in range(200):
        for col in range(4):
            table.setItem(row, col, QTableWidgetItem("x"))
        table.setRowHidden(row, False)
    # A healthy binding leaves the count where it was, give or take a few references held elsewhere.
    assert abs(sys.getrefcount(None) - before) < 50
