"""Named loggers per subsystem ("gridkeeper.store", ...) writing one rotating file."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from gridkeeper import paths

_installed: Path | None = None


def setup(root: Path, level: int = logging.INFO) -> Path:
    """Send the `gridkeeper` logger tree to <data dir>/logs/gridkeeper.log (1 MB x 5)."""
    global _installed
    log_dir = paths.logs_dir(root)
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "gridkeeper.log"
    if _installed == log_file:
        return log_file
    logger = logging.getLogger("gridkeeper")
    for old in list(logger.handlers):
        if getattr(old, "_gridkeeper", False):
            logger.removeHandler(old)
            old.close()
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler._gridkeeper = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(level)
    _installed = log_file
    return log_file
