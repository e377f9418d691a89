"""What the division wizard's pages share: the profile, the file, the sheet, the checked table,
its plan (the dry run) and the report, and the jobs that made them.

Pages read what the pages before them left here and leave their own; none imports the wizard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from gridkeeper.places.division import CheckedTable, DivisionPlan, DivisionReport, DivisionSheet
from gridkeeper.store import Store
from gridkeeper.ui.worker import Job, database_pool


class DivisionState:
    def __init__(self, store: Store, owner: QObject) -> None:
        self.store = store
        self.path: Path | None = None
        self.sheet: DivisionSheet | None = None  # as read, its header found
        self.checked: CheckedTable | None = None
        self.plan: DivisionPlan | None = None  # what importing would do (the preview's dry run)
        self.report: DivisionReport | None = None  # what importing did
        self._owner = owner
        self._jobs: set[Job] = set()

    def run(self, fn: Callable[[Any, Any], Any], on_done: Callable[[Any], None],
            on_failed: Callable[[str], None], *, database: bool = False) -> Job:
        """Start `fn` as a Job owned by the wizard; it is waited for when the wizard closes."""
        job = Job(fn, self._owner)
        job.finished.connect(on_done)
        job.failed.connect(on_failed)
        job.finished.connect(lambda _r: self._jobs.discard(job))
        job.failed.connect(lambda _m: self._jobs.discard(job))
        self._jobs.add(job)
        job.start(database_pool() if database else None)
        return job

    def stop_jobs(self) -> None:
        """Wait for every job still running (the wizard is closing)."""
        for job in list(self._jobs):
            job.cancel()
            job.wait()
