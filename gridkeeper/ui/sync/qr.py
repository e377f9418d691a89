"""An enrolment code as a QR code, drawn from segno's module matrix (no image files, no network)."""

from __future__ import annotations

import segno
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

BORDER = 4  # the quiet zone the standard asks for, in modules


def qr_pixmap(text: str, size_px: int) -> QPixmap:
    """A square black-on-white QR code of `text`, whole modules of at least 2 px, about `size_px` wide.

    Medium error correction: a code shown on a screen and photographed may be glared or blurred."""
    code = segno.make(text, error="m")
    rows = [list(row) for row in code.matrix_iter(scale=1, border=BORDER)]
    modules = len(rows)
    scale = max(2, size_px // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRect(x * scale, y * scale, scale, scale))
    painter.end()
    return QPixmap.fromImage(image)
