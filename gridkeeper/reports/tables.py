"""Report content as plain tables: what a sheet shows, not how Excel draws it.

The builders (reports/monthly.py, reports/quarterly.py) fill these with text
already in the user's language: they are given a translate function (the
app's or the command line's), so this layer needs no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Chart", "Column", "Report", "Table", "Translate", "Words"]

#: (context, English source) -> text in the user's language.
Translate = Callable[[str, str], str]


class Words:
    """Source strings of the "report" context in the user's language (a name passes through)."""

    def __init__(self, translate: Translate) -> None:
        self._translate = translate

    def __call__(self, source: str) -> str:
        return self._translate("report", source) or source

    def other(self, context: str, source: str) -> str:
        """A word another part of the app already translates (e.g. the mediation vocabulary)."""
        return self._translate(context, source) or source

TEXT, INT, DATE, PERCENT, NUMBER = "text", "int", "date", "percent", "number"


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = TEXT
    width: int = 10  # in Chinese characters


@dataclass(frozen=True)
class Chart:
    """A bar chart of `value_columns` against `category_column` (1-based columns), over data
    rows `first_row`..`last_row` (1-based)."""

    title: str
    first_row: int
    last_row: int
    value_columns: tuple[int, ...] = (2,)
    category_column: int = 1
    kind: str = "column"  # or "line": shares over time (satisfaction), the axis 0-100 %


@dataclass
class Table:
    title: str  # the sheet name
    columns: list[Column]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    filtered: bool = True  # a filter over the header: lists have one, a summary (the overview) not


@dataclass
class Report:
    title: str
    period: str
    scope: str
    tables: list[Table] = field(default_factory=list)
    #: A line over every sheet's header (title, period, scope, as-of date): a sheet printed or
    #: copied out of the pack still says what it is. Empty: the header is the first row.
    heading: str = ""
