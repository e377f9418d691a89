"""The bundle's executable on Windows is a GUI program: it has no console, and sys.stdout is None.

Started from a console with arguments (`start /wait "" GridKeeper.exe --self-test`, `--version`,
a command), it prints into the console it was started from and reads it; with none (a shortcut),
output goes nowhere and input is empty instead of failing on None. Elsewhere, and from source,
nothing changes (all three streams are there).
"""

from __future__ import annotations

import os
import sys


def attach() -> None:
    if sys.stdout is not None and sys.stderr is not None and sys.stdin is not None:
        return
    out = keys = None
    if sys.platform == "win32" and len(sys.argv) > 1:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            out = open("CONOUT$", "w", encoding="utf-8", errors="replace")  # noqa: SIM115 - for the process
            keys = open("CONIN$", encoding="utf-8", errors="replace")  # noqa: SIM115
    out = out or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stdout = sys.stdout or out
    sys.stderr = sys.stderr or out
    sys.stdin = sys.stdin or keys or open(os.devnull, encoding="utf-8")  # noqa: SIM115 - isatty() is False
