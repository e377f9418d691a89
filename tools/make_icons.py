#!/usr/bin/env python3
"""Draw GridKeeper's icon with QPainter (offscreen) into resources/icons: PNGs 16..256 and a Windows .ico.

The icon: a rounded square in deep red with a white 3x3 grid, its middle cell filled
in gold: a grid, and the one cell a cadre keeps. Plain shapes, so it stays readable
at 16 px. Each size is drawn anew (not scaled down), its lines snapped to pixels.

    .venv/bin/python tools/make_icons.py        (writes resources/icons/; commit the result)

The .ico holds the PNGs themselves (Windows Vista and later read PNG entries): its
format is a 6-byte header and a 16-byte entry per image, written here by hand.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
RED_TOP, RED_BOTTOM = QColor("#c62828"), QColor("#9a1414")
GOLD = QColor("#ffc83d")
WHITE = QColor("#ffffff")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    margin = 0 if size <= 24 else s * 0.03
    body = QRectF(margin, margin, s - 2 * margin, s - 2 * margin)
    path = QPainterPath()
    path.addRoundedRect(body, s * 0.2, s * 0.2)
    gradient = QLinearGradient(0, 0, 0, s)
    gradient.setColorAt(0, RED_TOP)
    gradient.setColorAt(1, RED_BOTTOM)
    p.fillPath(path, gradient)

    # The grid: four bars each way around three equal cells, all whole pixels (exact, no blur).
    line = max(1, round(s / 24))
    cell = max(2, round((s * 0.56 - 4 * line) / 3))
    span = 3 * cell + 4 * line
    left = (size - span) // 2
    bars = [left + k * (cell + line) for k in range(4)]
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.fillRect(bars[1] + line, bars[1] + line, cell, cell, GOLD)  # the middle cell
    for at in bars:
        p.fillRect(at, left, line, span, WHITE)  # vertical
        p.fillRect(left, at, span, line, WHITE)  # horizontal
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR (reserved, type 1, count), then an ICONDIRENTRY per image, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841 - QPainter on images needs one
    OUT.mkdir(parents=True, exist_ok=True)
    pngs = {}
    for size in SIZES:
        data = png_bytes(draw(size))
        (OUT / f"gridkeeper-{size}.png").write_bytes(data)
        pngs[size] = data
    (OUT / "gridkeeper.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    print(f"wrote {len(SIZES)} PNGs and gridkeeper.ico to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
