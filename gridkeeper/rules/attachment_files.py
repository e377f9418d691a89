"""What a photo or scan may be: JPEG, PNG or PDF, told by its first bytes, within size and pixel limits.

The pixel size is read from the image's own header (PNG IHDR, JPEG SOF) without decoding
anything, so a decompression bomb is refused before any pixel exists. No Qt here: the UI
decodes thumbnails itself, under Qt's allocation limit.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError

# A phone photo is 2-8 MB, a scanned A4 page 0.3-3 MB.
MAX_FILE_BYTES = 15 * 1024 * 1024
# 50 megapixels: phones take 12-48. A bigger image would take 200 MB and more once decoded.
MAX_PIXELS = 50_000_000
MAX_SIDE = 20_000
KINDS = ("jpeg", "png", "pdf")


class AttachmentRefused(GridKeeperError):
    """A file that cannot be attached; `reason` is a code for --json."""

    def __init__(self, reason: str, message: str, **params: object) -> None:
        super().__init__(message, **params)
        self.reason = reason


def too_big(size: int) -> AttachmentRefused:
    return AttachmentRefused(
        "too_large",
        QT_TRANSLATE_NOOP("errors", "The file is {size} MB; a photo or scan may be at most {limit} MB. "
                                    "Take the photo at a lower resolution or scan at 200-300 dpi."),
        size=f"{size / 1024 / 1024:.1f}", limit=MAX_FILE_BYTES // 1024 // 1024)


def _not_a_picture() -> AttachmentRefused:
    return AttachmentRefused(
        "not_a_picture",
        QT_TRANSLATE_NOOP("errors", "This file is not a photo or a scan that GridKeeper can keep: "
                                    "only JPEG and PNG pictures and PDF files are accepted."))


def _damaged() -> AttachmentRefused:
    return AttachmentRefused(
        "damaged", QT_TRANSLATE_NOOP("errors", "The picture is damaged or cut short; it cannot be attached."))


def _too_many_pixels(width: int, height: int) -> AttachmentRefused:
    return AttachmentRefused(
        "too_many_pixels",
        QT_TRANSLATE_NOOP("errors", "The picture is {width} × {height} pixels, more than a photo needs "
                                    "(at most {limit} million pixels); it is not attached."),
        width=width, height=height, limit=MAX_PIXELS // 1_000_000)


@dataclass(frozen=True)
class FileInfo:
    kind: str  # jpeg / png / pdf
    width: int | None  # None for a PDF
    height: int | None


def inspect(data: bytes) -> FileInfo:
    """The kind and pixel size of `data`, or AttachmentRefused saying why it cannot be attached."""
    if len(data) > MAX_FILE_BYTES:
        raise too_big(len(data))
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        width, height = _png_size(data)
        return _checked(FileInfo("png", width, height))
    if data.startswith(b"\xff\xd8\xff"):
        width, height = _jpeg_size(data)
        return _checked(FileInfo("jpeg", width, height))
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise _damaged()
        return FileInfo("pdf", None, None)
    raise _not_a_picture()


def _checked(info: FileInfo) -> FileInfo:
    w, h = info.width or 0, info.height or 0
    if w <= 0 or h <= 0:
        raise _damaged()
    if w * h > MAX_PIXELS or w > MAX_SIDE or h > MAX_SIDE:
        raise _too_many_pixels(w, h)
    return info


def _png_size(data: bytes) -> tuple[int, int]:
    # The first chunk must be IHDR: length 13, then width and height as big-endian u32.
    if len(data) < 33 or data[12:16] != b"IHDR":
        raise _damaged()
    width, height = struct.unpack(">II", data[16:24])
    return width, height


#: Start-of-frame markers (baseline, progressive, lossless...): not DHT (C4), JPG (C8), DAC (CC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Walk the JPEG's segments to its frame header; a bounded loop over the bytes given."""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise _damaged()
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            pos += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or scan data before any frame header
            break
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        if length < 2:
            raise _damaged()
        if marker in _SOF:
            if pos + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
            return width, height
        pos += 2 + length
    raise _damaged()
