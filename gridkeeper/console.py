"""The bundle's executable on Windows is a GUI program: it has no console, and sys.stdout is None.

Started from a console with arguments (`GridKeeper.exe --self-test`, `--version`, a command),
it prints into the console it was started from; with none (a shortcut), output goes nowhere
instead of failing on None. Elsewhere, and from source, nothing changes.
"""

from __future__ import annotations

import os
import sys


def attach() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = None
    if sys.platform == "win32" and len(sys.argv) > 1:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            stream = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115 - for the process
    stream = stream or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stdout = sys.stdout or stream
    sys.stderr = sys.stderr or stream
