"""Names sorted as people read them: numbers inside compare as numbers (第2队 before 第11队)."""

from __future__ import annotations

import re

_PARTS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """第2队 < 第11队 < 第12队 (plain string order gives 1, 11, 12, 2)."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _PARTS.split(text) if part)
