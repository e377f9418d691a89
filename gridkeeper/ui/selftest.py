"""The self-test's Qt checks (gridkeeper/selftest.py runs them): platform plugins, translations, the PDF.

They run before any window exists (GridKeeper --self-test) or beside the app's own
QApplication (tests): with none, a QGuiApplication on the offscreen platform is
made, which needs no display, so the check works on a server and in CI. The
native plugin (xcb, windows, cocoa) is checked to be there, not loaded: loading a
platform plugin that fails aborts the process, and with no display it would fail.
"""

from __future__ import annotations

import re
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon

from gridkeeper.errors import SelfTestFailed as _fail
from gridkeeper.ui import i18n
from gridkeeper.ui.app_icon import app_icon

if TYPE_CHECKING:
    from gridkeeper.store import Store

_app: QGuiApplication | None = None  # kept alive for the checks that follow

#: The platform plugin a desktop of this system uses, by sys.platform prefix.
NATIVE = {"win32": "qwindows.dll", "darwin": "libqcocoa.dylib", "linux": "libqxcb.so"}
#: A message of each catalogue and what it must say in Chinese. Held here, not written in the translate()
#: calls: lupdate would take Qt's own message for ours.
OURS = ("App", "GridKeeper", "网格管家")
QTS = ("QPlatformTheme", "Cancel", "取消")
#: A few characters of the agreement's title that Qt never maps to radical look-alikes (人 -> ⼈ does).
TITLE_CHARS = "调解协议书"


def application() -> QCoreApplication:
    global _app
    app = QCoreApplication.instance()
    if app is None:
        _app = QGuiApplication(["GridKeeper", "-platform", "offscreen"])
        app = _app
    return app


def plugins_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))


def check_platform() -> str:
    app = application()
    if not isinstance(app, QGuiApplication):
        raise _fail("a QCoreApplication without a GUI is running")
    platform = QGuiApplication.platformName()
    native = next((name for prefix, name in NATIVE.items() if sys.platform.startswith(prefix)), None)
    found = native is None or (plugins_dir() / "platforms" / native).is_file()
    if not found:
        raise _fail(f"platform plugin {native} is not in {plugins_dir() / 'platforms'}")
    icon: QIcon = app_icon()
    if icon.isNull() or icon.pixmap(32, 32).isNull():
        raise _fail("the application icon does not load")
    return f"platform {platform} loaded; {native or 'native plugin'} present; app icon loads"


def check_translations() -> str:
    application()
    ours = QTranslator()
    path = i18n.translations_dir() / f"{i18n.CATALOGUE}_zh_CN.qm"
    if not ours.load(str(path)):
        raise _fail(f"our Chinese catalogue does not load: {path}")
    if ours.translate(OURS[0], OURS[1]) != OURS[2]:
        raise _fail(f"our Chinese catalogue {path.name} does not translate the app's name")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator()
    if not qt.load("qtbase_zh_CN", qt_dir):
        raise _fail(f"Qt's own qtbase_zh_CN.qm does not load from {qt_dir}")
    if qt.translate(QTS[0], QTS[1]) != QTS[2]:
        raise _fail("qtbase_zh_CN.qm does not translate the standard buttons")
    return f"{path.name} and qtbase_zh_CN.qm load and translate"


def pdf_text_chars(data: bytes) -> set[str]:
    """The characters a PDF's ToUnicode maps say it shows (what a reader extracts), without a PDF library:
    every FlateDecode stream holding a CMap, its bfchar and bfrange entries."""
    chars: set[str] = set()
    for match in re.finditer(rb"stream\r?\n", data):
        start = match.end()
        end = data.find(b"endstream", start)
        try:
            body = zlib.decompressobj().decompress(data[start:end])
        except zlib.error:
            body = data[start:end]
        if b"begincmap" not in body:
            continue
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", body, re.DOTALL):
            for _src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                chars.add(_utf16(dst))
        for block in re.findall(rb"beginbfrange(.*?)endbfrange", body, re.DOTALL):
            for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                first = ord(_utf16(dst)[:1] or "\0")
                chars.update(chr(first + n) for n in range(min(int(hi, 16) - int(lo, 16), 0xFFFF) + 1))
    return chars


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode("ascii")).decode("utf-16-be", errors="replace")


def check_pdf(store: Store, case_id: str, party: str, folder: Path) -> str:
    from gridkeeper.mediation import agreement
    from gridkeeper.ui.mediation.agreement_print import save_pdf

    application()
    doc = agreement.document(store, case_id)
    pdf = save_pdf(doc, folder / "调解协议书.pdf")
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise _fail("the agreement is not a PDF")
    shown = pdf_text_chars(data)
    missing = sorted(set(TITLE_CHARS + party) - shown)
    if missing:
        cjk = [f for f in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)][:3]
        raise _fail(f"the agreement's PDF does not show {''.join(missing)} (Chinese fonts found: {cjk or 'none'})")
    fonts = sorted({m.decode("latin-1").split("+")[-1] for m in re.findall(rb"/BaseFont\s*/([^\s/<>\[\]]+)", data)})
    return f"{len(data) // 1024} KiB, Chinese text shown with {', '.join(fonts)}"
