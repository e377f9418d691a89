"""`gridkeeper self-test` and `GridKeeper --self-test`: what a bundle can lose without noticing.

A frozen app fails late and far from its builder: a migration script, a Qt plugin,
a translation file, a native library or a font that was not copied in shows only
when a cadre reaches the page that needs it. Each check here does the real thing,
end to end, in a temporary folder (nothing of the user's profile is touched):

  profile       a new encrypted SQLCipher profile, migrated to the head revision, opened again
  qt            the offscreen platform plugin loads; the native one (xcb, windows, cocoa) is there
  translations  our zh_CN catalogue and Qt's own qtbase_zh_CN load and translate
  excel         openpyxl and XlsxWriter write workbooks that calamine reads back
  pdf           the mediation agreement of a case in that profile renders to PDF with Chinese text
  sync          the profile founds an office on a temporary share, pushes its changes, and the
                batch read back from the share (signature, decryption) holds them

One line per check; exit 0 only when all pass. No Qt at this module's top: the
command line imports it; the Qt checks live in gridkeeper/ui/selftest.py and are
imported when they run. The lines are in English: they are for the IT person
and for bug reports, and name libraries, not screens.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from gridkeeper.errors import SelfTestFailed as CheckFailed

if TYPE_CHECKING:
    from gridkeeper.store import Store

#: A passphrase for the throw-away profile: its key file is made with the real Argon2id cost.
PASSPHRASE = "self-test 网格管家 passphrase"
#: What the agreement and the synced rows carry, to find again in the PDF and in the batch.
PARTY = "欧阳建军"
SUBJECT = "车位买卖纠纷"


@dataclass(frozen=True)
class Outcome:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'}  {self.name:<13} {self.detail} ({self.seconds:.1f} s)"


class Workspace:
    """The temporary folder the checks share, and the profile in it (made by the first check that needs it)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._store: Store | None = None
        self.case_id = ""

    @property
    def profile(self) -> Path:
        return self.folder / "profile"

    def store(self) -> Store:
        if self._store is None:
            from gridkeeper.store import open_store

            self._store = open_store(self.profile, PASSPHRASE)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


# -- the checks without Qt -------------------------------------------------------------------


def check_profile(ws: Workspace) -> str:
    from gridkeeper.store import cipher
    from gridkeeper.store.migrate import current_revision
    from gridkeeper.store.schema import HEAD_REVISION

    store = ws.store()
    if not store.encrypted:
        raise CheckFailed("the new profile is not encrypted")
    revision = current_revision(store.engine)
    if revision != HEAD_REVISION:
        raise CheckFailed(f"migrated to {revision}, not {HEAD_REVISION}")
    import sqlcipher3

    with store.read() as conn:
        cipher_version = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    ws.close()
    if cipher.is_plain(ws.profile / "gridkeeper.db"):
        raise CheckFailed("the database file is plain SQLite")
    ws.store()  # opened again: the key file unwraps and the key fits
    return f"SQLCipher {cipher_version} ({sqlcipher3.__name__}), encrypted, migrated to {revision}, reopened"


def check_excel(ws: Workspace) -> str:
    from gridkeeper.io import report_xlsx
    from gridkeeper.io.roster import TEMPLATE_HEADERS, write_template
    from gridkeeper.io.roster_read import read_sheet
    from gridkeeper.reports.tables import Column, Report, Table

    template = ws.folder / "roster template.xlsx"
    write_template(template)  # openpyxl
    header = [str(c) for c in read_sheet(template).rows[0] if c not in (None, "")]
    wanted = [text for text, _field, _width in TEMPLATE_HEADERS]
    if header != wanted:
        raise CheckFailed(f"the roster template read back as {header[:3]}…, not {wanted[:3]}…")
    report = Report("自检", "2026-05", "城南街道", [Table("调解", [Column("事由", width=12)], [(SUBJECT,)])])
    written = report_xlsx.write(report, ws.folder / "report.xlsx")  # XlsxWriter
    cells = {str(c) for row in read_sheet(written).rows for c in row}
    if SUBJECT not in cells:
        raise CheckFailed("a report written with XlsxWriter read back without its Chinese text")
    return "openpyxl and XlsxWriter wrote, calamine read back (Chinese text intact)"


def make_case(ws: Workspace) -> str:
    """A mediation case with a written agreement in the profile: for the PDF and for sync."""
    if ws.case_id:
        return ws.case_id
    from gridkeeper import mediation as m

    store = ws.store()
    case = m.open_case(store, m.NewCase(
        date(2026, 11, 2), "application", "parking", SUBJECT, None, "王芳",
        (m.PartyInput("applicant", "陈美玲", "13812345678", "阳光花园3幢2单元401"),
         m.PartyInput("respondent", PARTY, "0577-61234567", "阳光花园5幢1单元1802"))))
    m.start_mediation(store, case)
    m.reach_agreement(store, case, m.Agreement(
        "written", date(2026, 11, 9), "双方就地下车位B-118的转让价款发生争议。",
        "一、欧阳建军将车位B-118转让给陈美玲，价款人民币150000元。", "银行转账", date(2026, 11, 20)))
    ws.case_id = case
    return case


def check_sync(ws: Workspace) -> str:
    from gridkeeper.sync import office
    from gridkeeper.sync.engine import sync_folder
    from gridkeeper.sync.folder import Batch, FolderShare, Opening

    store = ws.store()
    make_case(ws)
    share = ws.folder / "share"
    share.mkdir()
    created = office.create(store, share, "自检街道")
    result = sync_folder(store, share)
    if result.status != "ok" or result.pushed_batches < 1:
        raise CheckFailed(f"sync {result.status}: {result.message or 'nothing pushed'}")
    me = store.device_id
    opening = Opening(created.office, office.epoch_keys(store), office.device_keys(store).sign_public)
    folder = FolderShare(share, created.office)
    changes = []
    for seq, path in sorted(folder.batch_files(me).items()):
        raw = path.read_bytes()
        if PARTY.encode() in raw:
            raise CheckFailed(f"a party's name is readable in {path.name} on the share")
        batch = folder.read_batch(me, seq, path, opening)
        if not isinstance(batch, Batch):
            raise CheckFailed(f"our own batch {path.name} read back as bad: {batch.reason}")
        changes.extend(batch.changes)
    if not any(c.value and PARTY in c.value for c in changes):
        raise CheckFailed("the batches read back do not hold the mediation case's party")
    return (f"office founded, {result.pushed_changes} changes pushed in {result.pushed_batches} "
            f"batch(es), read back signed and decrypted")


# -- running them ----------------------------------------------------------------------------


def _qt_checks() -> list[tuple[str, Callable[[Workspace], str]]]:
    from gridkeeper.ui import selftest as qt  # Qt: imported when the checks run, never by the cli's import

    return [("qt", lambda _ws: qt.check_platform()), ("translations", lambda _ws: qt.check_translations()),
            ("pdf", lambda ws: qt.check_pdf(ws.store(), make_case(ws), PARTY, ws.folder))]


def checks() -> list[tuple[str, Callable[[Workspace], str]]]:
    """In order: the profile first (pdf and sync use it)."""
    try:
        qt = _qt_checks()
    except Exception as exc:  # noqa: BLE001 - Qt itself missing: each Qt check fails with the reason
        reason = f"Qt cannot be imported: {exc}"

        def missing(_ws: Workspace) -> str:
            raise CheckFailed(reason)

        qt = [("qt", missing), ("translations", missing), ("pdf", missing)]
    named = dict(qt)
    return [("profile", check_profile), ("qt", named["qt"]), ("translations", named["translations"]),
            ("excel", check_excel), ("pdf", named["pdf"]), ("sync", check_sync)]


def _run_one(name: str, check: Callable[[Workspace], str], ws: Workspace) -> Outcome:
    started = time.perf_counter()
    try:
        detail, ok = check(ws), True
    except CheckFailed as exc:
        detail, ok = str(exc), False
    except Exception as exc:  # noqa: BLE001 - the point is to report what broke, not to stop at it
        where = traceback.extract_tb(exc.__traceback__)[-1]
        detail, ok = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})", False
    return Outcome(name, ok, detail, time.perf_counter() - started)


def run(out: TextIO | None = None) -> list[Outcome]:
    """Run every check in a fresh temporary folder, printing each line as it finishes."""
    from gridkeeper import __version__

    folder = Path(tempfile.mkdtemp(prefix="gridkeeper-selftest-"))
    ws = Workspace(folder)
    outcomes = []
    if out is not None:
        print(f"GridKeeper {__version__} self-test in {folder}", file=out, flush=True)
    try:
        for name, check in checks():
            outcome = _run_one(name, check, ws)
            outcomes.append(outcome)
            if out is not None:
                print(outcome.line(), file=out, flush=True)
    finally:
        ws.close()
        shutil.rmtree(folder, ignore_errors=True)
    return outcomes


def main(out: TextIO) -> int:
    outcomes = run(out)
    failed = [o.name for o in outcomes if not o.ok]
    # Not "N passed, N failed": CI reads a line like that as a test runner's summary.
    summary = f"all {len(outcomes)} checks passed" if not failed else (
        f"{len(failed)} of {len(outcomes)} checks failed: {', '.join(failed)}")
    print(f"self-test: {summary}", file=out, flush=True)
    return 1 if failed else 0
