"""Named loggers per subsystem ("gridkeeper.store", ...) writing one rotating file (0600, folder 0700)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from gridkeeper import paths

_installed: Path | None = None


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, the rotated ones included, is created 0600: the log names people's records."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, paths.PRIVATE_FILE)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup(root: Path, level: int = logging.INFO) -> Path:
    """Send the `gridkeeper` logger tree to <data dir>/logs/gridkeeper.log (1 MB x 5)."""
    global _installed
    log_dir = paths.private_dir(paths.logs_dir(root))
    log_file = log_dir / "gridkeeper.log"
    if _installed == log_file:
        return log_file
    logger = logging.getLogger("gridkeeper")
    for old in list(logger.handlers):
        if getattr(old, "_gridkeeper", False):
            logger.removeHandler(old)
            old.close()
    handler = _PrivateFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler._gridkeeper = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    _installed = log_file
    return log_file
