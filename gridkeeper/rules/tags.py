"""Which tags are sensitive personal information (PIPL art. 28: health, disability, welfare)."""

from __future__ import annotations

SENSITIVE: frozenset[str] = frozenset({"失能失智", "残疾", "低保", "特困", "重病"})
#: Parts of a tag name that make a tag typed by a user sensitive too (残疾人, 低保户, 精神病...).
_SENSITIVE_PARTS = ("残疾", "低保", "特困", "病", "失能", "失智", "精神", "智障", "艾滋", "吸毒")


def is_sensitive(name: str) -> bool:
    return name in SENSITIVE or any(part in name for part in _SENSITIVE_PARTS)


#: The care tags of the source article, offered first wherever a tag is chosen.
CARE_TAGS: tuple[str, ...] = ("独居", "空巢", "高龄", "失能失智", "残疾", "低保", "特困", "重病")
