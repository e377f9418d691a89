"""`gridkeeper meetings list|show|deliberations` and `gridkeeper duty`: issue 22's records, headless."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from gridkeeper import clock, paths
from gridkeeper.commands.common import EXIT_OK, EXIT_REJECTED, _emit, _no_profile, _open, _translator, _words
from gridkeeper.errors import QT_TRANSLATE_NOOP

_M_NO_MEETING = QT_TRANSLATE_NOOP("cli", "No meeting with the id {id} (or more than one starts so).")
_M_NO_DELIBERATION = QT_TRANSLATE_NOOP("cli", "No deliberation with the id {id} (or more than one starts so).")


def _month(value: str) -> tuple[date, date]:
    try:
        first = date.fromisoformat(value + "-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a month (YYYY-MM): {value!r}") from None
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first, last


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    meetings = sub.add_parser("meetings", help="meetings (三方联席会议) and deliberations (议事)")
    msub = meetings.add_subparsers(dest="meetings_command", metavar="ACTION", required=True)
    lst = msub.add_parser("list", help="meetings, newest first")
    lst.add_argument("--month", metavar="YYYY-MM", type=_month, help="only this month's")
    show = msub.add_parser("show", help="one meeting: attendees, agenda, minutes, decisions")
    show.add_argument("id", metavar="ID", help="the meeting's id (or its first characters)")
    delib = msub.add_parser("deliberations", help="deliberation matters (议事) and their stage")
    delib.add_argument("--id", metavar="ID", help="one matter in full (or its id's first characters)")
    for p in (lst, show, delib):
        p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    duty = sub.add_parser("duty", help="the weekend duty roster (我与书记有约), its matters and monthly counts")
    duty.add_argument("--month", metavar="YYYY-MM", type=_month, help="the month (default: this month)")
    duty.add_argument("--json", action="store_true", help="print the result as one JSON object")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _pick(ids: list[str], prefix: str) -> str | None:
    found = [i for i in ids if i.startswith(prefix.strip())] if prefix.strip() else []
    return found[0] if len(found) == 1 else None


def run_meetings(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.meetings import deliberation, meeting
    from gridkeeper.meetings.terms import KINDS, SOURCES, STAGES

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    store = _open(root)
    try:
        if args.meetings_command == "list":
            first, last = args.month if args.month else (None, None)
            rows = meeting.list_meetings(store, first=first, last=last)
            lines = [f"{r.held_on} {r.where} {KINDS.get(r.kind, r.kind)}: {r.items} items, {r.decisions} decisions"
                     f"  [{r.id[:8]}]" for r in rows]
            _emit(args, {"meetings": _plain(rows)}, "\n".join(lines + [f"{len(rows)} meetings."]))
            return EXIT_OK
        if args.meetings_command == "show":
            found = _pick([r.id for r in meeting.list_meetings(store)], args.id)
            f = meeting.meeting_file(store, found) if found else None
            if f is None:
                print(_words(_translator(root), _M_NO_MEETING, id=args.id), file=sys.stderr)
                return EXIT_REJECTED
            m = f.meeting
            lines = [f"{m.held_on} {m.where} {KINDS.get(m.kind, m.kind)} {m.place}"]
            lines += [f"  {a.side}: {a.name}" for a in f.attendees]
            for a in f.agenda:
                status = f" [{a.item_status}]" if a.item_status else ""
                lines.append(f"{a.position}. ({SOURCES.get(a.source, a.source)}) {a.title}{status}")
                if a.minutes:
                    lines.append(f"   minutes: {a.minutes}")
                if a.decision:
                    lines.append(f"   decision: {a.decision} — {a.owner_party} {a.owner_name or ''} by {a.due_date}")
            _emit(args, _plain(f), "\n".join(lines))
            return EXIT_OK
        rows = deliberation.matters(store)
        if args.id:
            found = _pick([r.id for r in rows], args.id)
            df = deliberation.matter_file(store, found) if found else None
            if df is None:
                print(_words(_translator(root), _M_NO_DELIBERATION, id=args.id), file=sys.stderr)
                return EXIT_REJECTED
            lines = [f"{df.compound} {df.title}: {STAGES.get(df.stage, df.stage)}"]
            lines += [f"  {s.at} {s.from_stage or ''} -> {s.to_stage} {s.note}" for s in df.steps]
            if df.tally:
                t = df.tally
                lines.append(f"  consulted {t.consulted}: for {t.for_}, against {t.against}, abstain {t.abstain}, "
                             f"not reached {t.not_reached}")
            _emit(args, _plain(df), "\n".join(lines))
            return EXIT_OK
        lines = [f"{r.opened_on} {r.compound} {r.title}: {STAGES.get(r.stage, r.stage)}  [{r.id[:8]}]" for r in rows]
        _emit(args, {"deliberations": _plain(rows)}, "\n".join(lines + [f"{len(rows)} deliberations."]))
        return EXIT_OK
    finally:
        store.close()


def run_duty(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper.meetings import duty

    if not paths.database_path(root).exists():
        raise _no_profile(root)
    first, last = args.month or _month(clock.today().isoformat()[:7])
    store = _open(root)
    try:
        shifts = duty.roster(store, first, last)
        counts = duty.monthly_counts(store, first, last)
        matters = {s.id: duty.matters_of(store, s.id) for s in shifts}
    finally:
        store.close()
    payload = {"month": first.isoformat()[:7], "counts": _plain(counts),
               "shifts": [{**_plain(s), "matter_list": _plain(matters[s.id])} for s in shifts]}
    lines = [f"{s.on_date} {s.compound}: {s.secretary} {s.hoa_chair} {s.cadres}  {s.matters} matters" for s in shifts]
    lines += [f"{c.compound}: {c.evenings} evenings, {c.taken} matters taken, {c.settled} settled on the spot, "
              f"{c.escalated} escalated, {c.answered_in_time} answered within 7 days" for c in counts]
    _emit(args, payload, "\n".join(lines))
    return EXIT_OK
