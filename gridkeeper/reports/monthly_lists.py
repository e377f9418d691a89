"""The monthly pack's night walks, findings, four lists and agenda: overview rows and sheets.

Words for codes come from the pages' own vocabularies (context "vocab", the
Night walks and Lists pages' words), so the pack says what the app says.
"""

from __future__ import annotations

from gridkeeper import lists, walks
from gridkeeper.errors import QT_TRANSLATE_NOOP
from gridkeeper.reports.list_figures import ListFigures
from gridkeeper.reports.mediation_figures import MediationFigures
from gridkeeper.reports.overview import Overview
from gridkeeper.reports.tables import DATE, INT, NUMBER, TEXT, Column, Table, Words
from gridkeeper.reports.walk_figures import WalkFigures

_WALKS = QT_TRANSLATE_NOOP("report", "Night walks")
_LISTS = QT_TRANSLATE_NOOP("report", "Four lists")
_PROPERTY = QT_TRANSLATE_NOOP("report", "Property companies")


def _v(w: Words, table: dict[str, str], code: str | None) -> str:
    return w.other("vocab", table[code]) if code in table else (code or "")


def _columns(w: Words, spec: tuple[tuple[str, str, int], ...]) -> list[Column]:
    return [Column(w(title), kind, width) for title, kind, width in spec]


def walks_overview(o: Overview, f: WalkFigures, w: Words) -> None:
    o.add(_WALKS, QT_TRANSLATE_NOOP("report", "Night walks held"), len(f.walks))
    share = f.weeks_walked / f.weeks_expected if f.weeks_expected else None
    o.add(_WALKS, QT_TRANSLATE_NOOP("report", "Grid-weeks with a walk / expected (one a week per grid)"),
          f.weeks_walked, share)
    o.add(_WALKS, QT_TRANSLATE_NOOP("report", "Grid-weeks expected"), f.weeks_expected)
    o.add(_WALKS, QT_TRANSLATE_NOOP("report", "Findings logged"), len(f.findings))
    o.add(_WALKS, QT_TRANSLATE_NOOP("report", "Settled on the spot"), f.settled)
    o.add(_WALKS, QT_TRANSLATE_NOOP("report", "Turned into problems"), f.made_problems)
    o.block(_WALKS, QT_TRANSLATE_NOOP("report", "Findings by category"),
            [(_v(w, walks.CATEGORIES, k), n) for k, n in sorted(f.by_category().items())])


def lists_overview(o: Overview, f: ListFigures, w: Words) -> None:
    o.add(_LISTS, QT_TRANSLATE_NOOP("report", "Problems opened"), len(f.opened("problem")))
    o.add(_LISTS, QT_TRANSLATE_NOOP("report", "Problems closed"), len(f.closed("problem")))
    o.add(_LISTS, QT_TRANSLATE_NOOP("report", "Problems open at the end"), len(f.open_at_end("problem")))
    median = f.median_days("problem")
    o.add(_LISTS, QT_TRANSLATE_NOOP("report", "Median days to close a problem"),
          round(median) if median is not None else None)
    for kind in ("need", "service", "project"):
        for status, n in sorted(f.by_status(kind).items()):
            o.rows.append((w(QT_TRANSLATE_NOOP("report", "Status at the end")),
                           f"{_v(w, lists.KINDS, kind)} · {_v(w, lists.STATUSES, status)}", n, None))
    owners = f.by_owner("problem")
    o.block(_LISTS, QT_TRANSLATE_NOOP("report", "Problems open at the end by owner"),
            [(_owner(w, r.owner, r.name), r.open_at_end) for r in owners if not r.name])
    for r in owners:
        if r.name:  # the supervision of property services: each company apart
            o.rows.append((w(_PROPERTY), r.name, r.open_at_end, None))


def _owner(w: Words, party: str, name: str) -> str:
    word = _v(w, lists.OWNER_PARTIES, party)
    return f"{word} · {name}" if name else word


_WALK_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Date"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Time"), TEXT, 6),
    (QT_TRANSLATE_NOOP("report", "Grids"), TEXT, 12), (QT_TRANSLATE_NOOP("report", "Leader"), TEXT, 4),
    (QT_TRANSLATE_NOOP("report", "People"), INT, 3), (QT_TRANSLATE_NOOP("report", "Findings"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Route"), TEXT, 16),
)
_COMPLIANCE_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Grid"), TEXT, 10), (QT_TRANSLATE_NOOP("report", "Weeks"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Weeks walked"), INT, 3), (QT_TRANSLATE_NOOP("report", "Weeks missed"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Walks"), INT, 3),
)
_FINDING_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Date"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Grid"), TEXT, 5),
    (QT_TRANSLATE_NOOP("report", "Place"), TEXT, 12), (QT_TRANSLATE_NOOP("report", "What was found"), TEXT, 6),
    (QT_TRANSLATE_NOOP("report", "Severity"), TEXT, 3), (QT_TRANSLATE_NOOP("report", "Settled on the spot"), TEXT, 4),
    (QT_TRANSLATE_NOOP("report", "Problem status"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Note"), TEXT, 16),
)
_ITEM_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Kind"), TEXT, 3), (QT_TRANSLATE_NOOP("report", "Title"), TEXT, 14),
    (QT_TRANSLATE_NOOP("report", "Status at the end"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Owner"), TEXT, 18),
    (QT_TRANSLATE_NOOP("report", "Claimant"), TEXT, 4), (QT_TRANSLATE_NOOP("report", "Opened"), DATE, 6),
    (QT_TRANSLATE_NOOP("report", "Due"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Closed"), DATE, 6),
    (QT_TRANSLATE_NOOP("report", "Days to close"), INT, 3), (QT_TRANSLATE_NOOP("report", "Days overdue"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Level"), TEXT, 3), (QT_TRANSLATE_NOOP("report", "Source"), TEXT, 4),
    (QT_TRANSLATE_NOOP("report", "Place"), TEXT, 12), (QT_TRANSLATE_NOOP("report", "Satisfaction"), TEXT, 4),
)
_AGENDA_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Topic"), TEXT, 8), (QT_TRANSLATE_NOOP("report", "Item"), TEXT, 16),
    (QT_TRANSLATE_NOOP("report", "Place"), TEXT, 8), (QT_TRANSLATE_NOOP("report", "Owner"), TEXT, 18),
    (QT_TRANSLATE_NOOP("report", "Since"), DATE, 6), (QT_TRANSLATE_NOOP("report", "Days overdue"), INT, 3),
    (QT_TRANSLATE_NOOP("report", "Notes"), TEXT, 16),
)


_OWNER_COLUMNS = (
    (QT_TRANSLATE_NOOP("report", "Owner"), TEXT, 16), (QT_TRANSLATE_NOOP("report", "Problems opened"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Problems closed"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Problems open at the end"), INT, 4),
    (QT_TRANSLATE_NOOP("report", "Median days to close a problem"), NUMBER, 4),
)


def owner_sheet(f: ListFigures, w: Words) -> Table:
    """Problems by owner party, each property company on its own row: the supervision of property services."""
    rows = [(_owner(w, r.owner, r.name), r.opened, r.closed, r.open_at_end, r.median_days)
            for r in f.by_owner("problem")]
    return Table(w(QT_TRANSLATE_NOOP("report", "Problems by owner")), _columns(w, _OWNER_COLUMNS), rows)


def walk_sheets(f: WalkFigures, w: Words) -> list[Table]:
    walk_rows = [(r.walk_date, r.time, r.grids, r.leader, r.people, r.findings, r.route) for r in f.walks]
    compliance = [(g.grid, g.weeks, g.weeks_walked, g.weeks_missed, g.walks) for g in f.grids]
    yes, no = w(QT_TRANSLATE_NOOP("report", "yes")), w(QT_TRANSLATE_NOOP("report", "no"))
    finding_rows = [(r.walk_date, r.grid, r.place, _v(w, walks.CATEGORIES, r.category),
                     _v(w, walks.SEVERITIES, r.severity), yes if r.settled else no,
                     _v(w, lists.STATUSES, r.problem_status) if r.problem_status else "", r.note)
                    for r in f.findings]
    return [Table(w(QT_TRANSLATE_NOOP("report", "Night walks")), _columns(w, _WALK_COLUMNS), walk_rows),
            Table(w(QT_TRANSLATE_NOOP("report", "Walks per grid")), _columns(w, _COMPLIANCE_COLUMNS), compliance),
            Table(w(QT_TRANSLATE_NOOP("report", "Findings")), _columns(w, _FINDING_COLUMNS), finding_rows)]


def items_sheet(f: ListFigures, w: Words) -> Table:
    rows = [(_v(w, lists.KINDS, r.kind), r.title, _v(w, lists.STATUSES, r.status), _owner(w, r.owner_party, r.owner_name),
             r.claimant, r.opened_on, r.due_date, r.closed_on, r.closure_days, r.overdue_days or None,
             _v(w, lists.LEVELS, r.level), _v(w, lists.SOURCES, r.source), r.place,
             _v(w, lists.SATISFACTION, r.satisfaction) if r.satisfaction else "")
            for r in sorted(f.rows, key=lambda r: (r.kind, r.status not in ("open", "claimed", "in_progress"),
                                                   -r.overdue_days, r.opened_on))]
    return Table(w(QT_TRANSLATE_NOOP("report", "List items")), _columns(w, _ITEM_COLUMNS), rows)


def agenda_sheet(f: ListFigures, m: MediationFigures, w: Words) -> Table:
    """议题: what the monthly meeting has to talk about."""
    agenda = f.agenda()
    rows: list[tuple[object, ...]] = []
    for r in agenda["escalated"]:
        rows.append((w(QT_TRANSLATE_NOOP("report", "Escalated")), r.title, r.place,
                     _owner(w, r.owner_party, r.owner_name), r.opened_on, r.overdue_days or None,
                     f"{_v(w, lists.LEVELS, r.level)} · {r.escalation_note}".strip(" ·")))
    for r in agenda["overdue"]:
        rows.append((w(QT_TRANSLATE_NOOP("report", "Overdue problem")), r.title, r.place,
                     _owner(w, r.owner_party, r.owner_name), r.opened_on, r.overdue_days, ""))
    # Mediations the meeting has to take up: failed, escalated, a return visit overdue. The
    # mediators are who answers for a case.
    for c in m.rows:
        if c.status == "failed":
            topic = QT_TRANSLATE_NOOP("report", "Failed mediation")
        elif c.status == "escalated":
            topic = QT_TRANSLATE_NOOP("report", "Escalated mediation")
        elif c.visit_overdue_days > 0:
            topic = QT_TRANSLATE_NOOP("report", "Return visit overdue")
        else:
            continue
        rows.append((w(topic), f"{c.number} {c.parties}", c.compound, c.mediators, c.received_on,
                     c.visit_overdue_days or None, c.summary))
    for r in agenda["unclaimed_needs"]:
        rows.append((w(QT_TRANSLATE_NOOP("report", "Need without a claimant")), r.title, r.place,
                     _owner(w, r.owner_party, r.owner_name), r.opened_on, r.overdue_days or None, ""))
    return Table(w(QT_TRANSLATE_NOOP("report", "Agenda")), _columns(w, _AGENDA_COLUMNS), rows)
