"""Fill unfinished entries of a .ts catalogue from another .ts (same context and source).

    python tools/merge_ts.py OURS.ts THEIRS.ts

For merging branches: keep one side's catalogue, run `tools/i18n.py update`,
then take the other side's translations with this. Prints what is left.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def _entries(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.fromstring(path.read_text(encoding="utf-8").split("<!DOCTYPE TS>", 1)[-1])
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished"):
                out[(name, message.findtext("source") or "")] = tr
    return out


def merge(ours: Path, theirs: Path) -> list[str]:
    text = ours.read_text(encoding="utf-8")
    head = text[: text.index("<TS")]
    root = ET.fromstring(text[len(head):])
    known = _entries(theirs)
    left = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") != "unfinished":
                continue
            found = known.get((name, message.findtext("source") or ""))
            if found is None:
                left.append(f"{name}: {message.findtext('source')}")
                continue
            message.remove(tr)
            message.append(found)
    tree = ET.ElementTree(root)
    ET.indent(tree, space="    ")
    ours.write_text(head + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return left


if __name__ == "__main__":
    for entry in merge(Path(sys.argv[1]), Path(sys.argv[2])):
        print("unfinished:", entry)
