"""A household's file (一户一档) as one printable page: the address, the members, the care plans.

HTML for Qt's rich text (QTextDocument lays it out on A4 in ui/households/sheet_print.py),
with no Qt here. Words come through `translate` so the sheet is in the user's language.
ID and phone numbers are printed masked, as the screen shows them: a sheet left on a desk
must not hand out what the screen keeps behind an audited "Show".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.places.households import HouseholdFile
from gridkeeper.store.care import PlanRow

Translate = Callable[[str, str], str]
SENSITIVE_MARK = "※"

_TITLE = QT_TRANSLATE_NOOP("householdsheet", "Household file")
_FACTS = (QT_TRANSLATE_NOOP("householdsheet", "Address"), QT_TRANSLATE_NOOP("householdsheet", "Community"),
          QT_TRANSLATE_NOOP("householdsheet", "Grid"), QT_TRANSLATE_NOOP("householdsheet", "Household no."),
          QT_TRANSLATE_NOOP("householdsheet", "Residence status"), QT_TRANSLATE_NOOP("householdsheet", "Note"))
_MEMBERS = QT_TRANSLATE_NOOP("householdsheet", "Members")
_MEMBER_COLUMNS = (QT_TRANSLATE_NOOP("householdsheet", "Name"), QT_TRANSLATE_NOOP("householdsheet", "Relation"),
                   QT_TRANSLATE_NOOP("householdsheet", "Gender"), QT_TRANSLATE_NOOP("householdsheet", "Born"),
                   QT_TRANSLATE_NOOP("householdsheet", "ID number"), QT_TRANSLATE_NOOP("householdsheet", "Phones"),
                   QT_TRANSLATE_NOOP("householdsheet", "Tags"))
_PLANS = QT_TRANSLATE_NOOP("householdsheet", "Care plans")
_PLAN_COLUMNS = (QT_TRANSLATE_NOOP("householdsheet", "Who"), QT_TRANSLATE_NOOP("householdsheet", "Contact"),
                 QT_TRANSLATE_NOOP("householdsheet", "Volunteer"), QT_TRANSLATE_NOOP("householdsheet", "From"),
                 QT_TRANSLATE_NOOP("householdsheet", "Until"))
_NONE = QT_TRANSLATE_NOOP("householdsheet", "(none)")
_RUNNING = QT_TRANSLATE_NOOP("householdsheet", "(running)")
_WHOLE = QT_TRANSLATE_NOOP("householdsheet", "whole household")
_GENDER = {"M": QT_TRANSLATE_NOOP("householdsheet", "Male"), "F": QT_TRANSLATE_NOOP("householdsheet", "Female")}
_STATUS = {"moved_out": QT_TRANSLATE_NOOP("householdsheet", "moved out"),
           "deceased": QT_TRANSLATE_NOOP("householdsheet", "deceased")}
_PRINTED = QT_TRANSLATE_NOOP("householdsheet", "Printed on {date}. ID and phone numbers masked; "
                                               "{mark} sensitive personal information.")


def _table(head: Sequence[str], rows: list[Sequence[str]], none: str) -> str:
    cells = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(head)}">{escape(none)}</td></tr>'
    return f'<table class="grid" width="100%" cellspacing="0" cellpadding="4"><tr>{cells}</tr>{body}</table>'


def html(file: HouseholdFile, plans: Sequence[PlanRow], printed_on: date, translate: Translate,
         frequency: Callable[[str, int | None], str] = lambda code, _n: code) -> str:
    """The sheet; `frequency` names a plan's frequency in the user's language."""
    def t(source: str) -> str:
        return translate("householdsheet", source) or source

    facts = (file.row.address, file.row.community, file.row.grid or "—", file.household_no or "—",
             file.residence_status or "—", file.note or "—")
    fact_rows = "".join(f'<tr><td class="label" width="22%">{escape(t(label))}</td><td>{escape(value)}</td></tr>'
                        for label, value in zip(_FACTS, facts))
    members = []
    for m in file.members:
        name = m.name + (f"（{t(_STATUS[m.status])}）" if m.status in _STATUS else "")
        tags = "、".join((SENSITIVE_MARK if sensitive else "") + (f"{tag}（{detail}）" if detail else tag)
                        for tag, sensitive, detail in m.tags)
        members.append((name, m.relation or "—", t(_GENDER[m.gender]) if m.gender in _GENDER else "—",
                        m.birth_date.isoformat() if m.birth_date else "—", m.id_number_masked or "—",
                        "、".join(m.phones_masked) or "—", tags or "—"))
    plan_rows = [(p.name if p.person_id else f"{t(_WHOLE)}（{p.name}）", frequency(p.frequency, p.interval_days),
                  p.volunteer or "—", p.start_date.isoformat(), p.end_date.isoformat() if p.end_date else t(_RUNNING))
                 for p in plans]
    return f"""<html><head><style>
h1 {{ text-align: center; font-size: 20pt; margin-bottom: 4pt; }}
h2 {{ font-size: 13pt; margin-top: 12pt; margin-bottom: 4pt; }}
table.grid {{ border-collapse: collapse; border: 1px solid #444; }}
table.grid td, table.grid th {{ border: 1px solid #444; }}
th {{ background-color: #eeeeee; font-weight: bold; text-align: left; }}
td.label {{ font-weight: bold; }}
p.foot {{ font-size: 9pt; color: #555555; margin-top: 12pt; }}
</style></head><body>
<h1>{escape(t(_TITLE))}</h1>
<table class="grid" width="100%" cellspacing="0" cellpadding="4">{fact_rows}</table>
<h2>{escape(t(_MEMBERS))}</h2>
{_table([t(c) for c in _MEMBER_COLUMNS], members, t(_NONE))}
<h2>{escape(t(_PLANS))}</h2>
{_table([t(c) for c in _PLAN_COLUMNS], plan_rows, t(_NONE))}
<p class="foot">{escape(t(_PRINTED).format(date=printed_on.isoformat(), mark=SENSITIVE_MARK))}</p>
</body></html>"""
