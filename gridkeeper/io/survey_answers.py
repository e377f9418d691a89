"""A sheet of satisfaction survey answers, one row per household (Excel or WPS).

Read with the roster's guarded reader (size limits, damaged or encrypted files
refused in words). The header is the first of the top 10 rows naming the
overall question; topic columns are found by their usual headings. Cells are
text answers (满意 / 基本满意 / 不满意 ...); organisations.surveys counts them.
"""

from __future__ import annotations

from pathlib import Path

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.io.roster_read import read_sheet

#: Column key -> headings seen on survey forms (compared without spaces).
HEADINGS: dict[str, tuple[str, ...]] = {
    "overall": ("总体满意度", "总体评价", "总体", "总体满意", "整体满意度", "overall"),
    "property_service": ("物业服务", "物业", "物业服务满意度", "property service"),
    "environment": ("环境", "小区环境", "环境卫生", "environment"),
    "safety": ("安全", "治安", "小区安全", "治安安全", "safety"),
    "neighbours": ("邻里关系", "邻里", "neighbourhood relations", "neighbours"),
    "community_work": ("社区工作", "社区", "社区工作满意度", "the community's work", "community work"),
}
_LOOKUP = {h.replace(" ", "").lower(): key for key, names in HEADINGS.items() for h in names}


class AnswersUnreadable(GridKeeperError):
    pass


def read_answers(path: Path, sheet: str | None = None) -> list[tuple[int, dict[str, str]]]:
    """(Excel row number, {column key: answer}) of every non-empty row under the header."""
    found = read_sheet(Path(path), sheet)
    for r, row in enumerate(found.rows[:10]):
        columns = {}
        for c, cell in enumerate(row):
            key = _LOOKUP.get(str(cell or "").replace(" ", "").lower())
            if key and key not in columns:
                columns[key] = c
        if "overall" in columns:
            break
    else:
        raise AnswersUnreadable(QT_TRANSLATE_NOOP(
            "errors", "{file} has no column of overall satisfaction (a heading such as 总体满意度) in its first "
                      "10 rows."), file=Path(path).name)
    out = []
    for n, row in enumerate(found.rows[r + 1:], start=r + 2):
        answers = {k: str(row[c]).strip() if c < len(row) and row[c] is not None else "" for k, c in columns.items()}
        if any(answers.values()):
            out.append((n, answers))
    return out
