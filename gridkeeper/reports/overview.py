"""The monthly pack's overview sheet, row by row: what the pack's parts add to it.

`monthly.py` makes one and hands it to its own sections and to `monthly_lists.py`'s;
both import it from here, so neither needs the other to name its type.
"""

from __future__ import annotations

from gridkeeper.reports.tables import Chart, Words


class Overview:
    """Rows of the overview sheet; remembers where each block starts for its chart."""

    def __init__(self, w: Words) -> None:
        self.w = w
        self.rows: list[tuple[object, ...]] = []
        self.charts: list[Chart] = []

    def add(self, section: str, figure: str, count: int | None, share: float | None = None) -> None:
        """`section` and `figure` are source strings (a figure may also be a name or a date)."""
        self.rows.append((self.w(section), self.w(figure), count, share))

    def block(self, section: str, title: str, items: list[tuple[str, int]]) -> None:
        """Rows that a bar chart shows (figure = category, already in words)."""
        start = len(self.rows) + 1
        for name, count in items:  # the section column names what is counted: "Findings by category"
            self.rows.append((self.w(title), name, count, None))
        if items:
            self.charts.append(Chart(self.w(title), start, len(self.rows), (3,), category_column=2))
