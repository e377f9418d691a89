"""What the wizard's pages share: the profile, the file, each step's value, and the jobs.

The wizard makes one RosterState and gives it to every page; a page reads what the
pages before it left here and leaves its own. Pages never import the wizard (it
imports them): what a page needs of the QWizard it asks `QWizardPage.wizard()`,
and what the wizard must hear of it a page says with a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from gridkeeper.io.roster import Header
from gridkeeper.places.roster_import import CheckedRoster, ImportReport, RosterSheet
from gridkeeper.store import Store
from gridkeeper.ui.worker import Job, database_pool


class RosterState:
    def __init__(self, store: Store, owner: QObject) -> None:
        self.store = store
        self.path: Path | None = None
        self.sheet: RosterSheet | None = None  # as read, with the header found in it
        self.header: Header | None = None  # as mapped by the user
        self.checked: CheckedRoster | None = None  # the rows the preview checked and showed; then the ones stored
        self.report: ImportReport | None = None
        self._owner = owner  # the jobs' parent
        self._jobs: set[Job] = set()

    def checked_fits(self) -> bool:
        """Whether `checked` holds the rows of the sheet and mapping the wizard has now."""
        checked, header = self.checked, self.header
        return checked is not None and header is not None and checked.sheet is self.sheet and \
            (checked.header.row, checked.header.columns) == (header.row, header.columns)

    def run(self, fn: Callable[[Any, Any], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[str], None], on_progress: Callable[[int, str], None] | None = None,
            *, database: bool = False) -> Job:
        """Start `fn` as a Job owned by the wizard; it is waited for when the wizard closes."""
        job = Job(fn, self._owner)
        job.finished.connect(on_done)
        job.failed.connect(on_failed)
        if on_progress is not None:
            job.progress.connect(on_progress)
        job.finished.connect(lambda _r: self._forget(job))
        job.failed.connect(lambda _m: self._forget(job))
        self._jobs.add(job)
        job.start(database_pool() if database else None)
        return job

    def _forget(self, job: Job) -> None:
        # Not deleteLater(): deleting a Job whose signal still holds a lambda has crashed
        # PySide; the wizard owns its jobs (their parent) and frees them when it goes.
        self._jobs.discard(job)

    def stop_jobs(self) -> None:
        """Cancel every job still running and wait for it (the wizard is closing)."""
        for job in list(self._jobs):
            job.cancel()
            job.wait()
