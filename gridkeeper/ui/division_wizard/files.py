"""Export the profile's grid division table, or save an empty template: a file dialog, the writing in
a worker, one sentence for the status bar saying what was written (or why not)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from gridkeeper import clock
from gridkeeper.places import division
from gridkeeper.store import Store
from gridkeeper.ui.worker import Job, database_pool


class TableFiles(QObject):
    """File › Export grid division table… and Save an empty grid division template…"""

    said = Signal(str)  # a sentence for the status bar
    written = Signal(object)  # the Path written (tests wait for it)

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self._store = store
        self._window = parent
        self._jobs: set[Job] = set()

    def _ask(self, title: str, suggested: str) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self._window, title, str(Path.home() / suggested),
                                                    self.tr("Excel workbook (*.xlsx)"))
        if not name:
            return None
        target = Path(name)
        return target if target.suffix.lower() == ".xlsx" else target.with_name(target.name + ".xlsx")

    def export(self) -> None:
        target = self._ask(self.tr("Export the grid division table"),
                           self.tr("grid-division-table-{day}.xlsx").format(day=clock.today().isoformat()))
        if target is None:
            return
        store = self._store

        def work(_p: Any, _c: Any) -> tuple[Path, int, int]:
            written, rows, changed = division.export_table(store, target)
            return written, rows, changed.cells

        self.said.emit(self.tr("Writing the grid division table to {path}…").format(path=str(target)))
        self._start(work, self._exported, database=True)

    def save_template(self) -> None:
        target = self._ask(self.tr("Save an empty grid division table"),
                           self.tr("grid-division-template.xlsx"))
        if target is None:
            return
        store = self._store
        self._start(lambda _p, _c: division.write_template(store, target, translate=QCoreApplication.translate),
                    self._templated, database=True)

    def _start(self, fn: Any, done: Any, *, database: bool) -> None:
        job = Job(fn, self)
        job.finished.connect(done)
        job.failed.connect(self._failed)
        job.finished.connect(self._forget)
        job.failed.connect(self._forget)
        self._jobs.add(job)
        job.start(database_pool() if database else None)

    def _forget(self, _result: object) -> None:
        self._jobs = {j for j in self._jobs if j.is_running()}

    def _exported(self, result: tuple[Path, int, int]) -> None:
        path, rows, changed = result
        sentence = self.tr("Wrote the grid division table to {path}: %n row(s), one per grid and compound.", "",
                           rows).format(path=str(path))
        if changed:
            sentence += " " + self.tr("%n cell(s) held characters a workbook cannot hold and were written with � "
                                      "in their place or cut short.", "", changed)
        self.said.emit(sentence)
        self.written.emit(path)

    def _templated(self, path: Path) -> None:
        self.said.emit(self.tr("Wrote an empty grid division table to {path}: fill it in, then import it with "
                               "File › Import grid division table….").format(path=str(path)))
        self.written.emit(path)

    def _failed(self, message: str) -> None:
        self.said.emit(self.tr("The file was not written: {reason}").format(reason=message))
