"""Run one long job off the UI thread and hear about it through signals.

A `Job` wraps a function `fn(progress, cancelled) -> result`. The function
runs on a pool thread; it reports with `progress(percent, step)` and polls
`cancelled()` where stopping is safe. Everything it says reaches the UI thread
as a queued signal, so slots may touch widgets.

Why a relay object: the worker thread emits on `_Relay`, whose signals are
connected to the Job's slots (the Job lives in the UI thread, so Qt queues
them). The Job re-emits from the UI thread, so even a lambda connected to
`finished` runs there, whatever PySide does with non-QObject receivers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from gridkeeper.errors import GridKeeperError

log = logging.getLogger("gridkeeper.ui")

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]
JobFunction = Callable[[Progress, Cancelled], Any]

_database_pool: QThreadPool | None = None


def database_pool() -> QThreadPool:
    """One thread for work that writes the profile: database jobs queue, never overlap."""
    global _database_pool
    if _database_pool is None:
        _database_pool = QThreadPool()
        _database_pool.setMaxThreadCount(1)
    return _database_pool


class _Relay(QObject):
    progress = Signal(int, str)
    done = Signal(object)
    error = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: JobFunction, relay: _Relay, cancel: threading.Event, ended: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Job keeps us; Python owns the wrapper
        self._fn, self._relay, self._cancel, self._ended = fn, relay, cancel, ended

    def run(self) -> None:
        try:
            result = self._fn(self._relay.progress.emit, self._cancel.is_set)
        except GridKeeperError as exc:
            self._relay.error.emit(exc)
        except BaseException as exc:  # noqa: BLE001 (a bug: logged with its traceback, told in words)
            log.exception("background job failed")
            self._relay.error.emit(exc)
        else:
            self._relay.done.emit(result)
        finally:
            self._ended.set()


class Job(QObject):
    """One run of `fn` on a pool thread. Connect the signals, then `start()`."""

    progress = Signal(int, str)
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a message for the user, already in their language

    def __init__(self, fn: JobFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._ended = threading.Event()
        self._ended.set()  # not started: nothing to wait for
        self._relay = _Relay()
        self._relay.progress.connect(self._on_progress)
        self._relay.done.connect(self._on_done)
        self._relay.error.connect(self._on_error)
        self._runnable = _Runnable(fn, self._relay, self._cancel, self._ended)
        self._running = False
        self.error: BaseException | None = None  # what made it fail, for callers that care which

    def start(self, pool: QThreadPool | None = None) -> None:
        assert not self._running, "a Job runs once at a time"
        self._cancel.clear()
        self._ended.clear()
        self._running = True
        self.error = None
        (pool or QThreadPool.globalInstance()).start(self._runnable)

    def cancel(self) -> None:
        """Ask the function to stop; it notices the next time it polls `cancelled()`."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        """True from start() until finished or failed has been emitted."""
        return self._running

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until the function has returned (its signals may still be queued)."""
        return self._ended.wait(None if timeout_ms < 0 else timeout_ms / 1000)

    @Slot(int, str)
    def _on_progress(self, percent: int, step: str) -> None:
        if self._running:
            self.progress.emit(percent, step)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._running = False
        self.finished.emit(result)

    @Slot(object)
    def _on_error(self, exc: BaseException) -> None:
        self._running = False
        self.error = exc
        if isinstance(exc, GridKeeperError):
            message = exc.translated(QCoreApplication.translate)
        else:
            message = self.tr("Something went wrong and the work was stopped. "
                              "The details are in the log file.")
        self.failed.emit(message)
