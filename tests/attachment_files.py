"""Small picture files made by hand (no image library needed): valid, bomb-shaped, damaged."""

from __future__ import annotations

import struct
import zlib


def png(width: int = 4, height: int = 3, seed: int = 0) -> bytes:
    """A real, decodable RGB PNG of `width` × `height`."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes((x * 40 + seed) % 256 for x in range(width * 3)) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds almost nothing: a decompression bomb's first bytes."""
    return png(1, 1)[:16] + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0) + b"\x00" * 40


def jpeg_header(width: int, height: int) -> bytes:
    """A JPEG's markers up to its frame header (APP0, then SOF0 with the size)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
