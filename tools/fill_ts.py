"""Fill unfinished entries of a .ts catalogue from a JSON {source: translation} file.

    python tools/fill_ts.py resources/translations/gridkeeper_zh_CN.ts /tmp/zh.json

A numerus entry takes a one-element list (Chinese has one plural form).
Prints what is still unfinished afterwards.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def fill(ts: Path, table: dict[str, str | list[str]]) -> list[str]:
    text = ts.read_text(encoding="utf-8")
    head = text[: text.index("<TS")]
    tree = ET.ElementTree(ET.fromstring(text[len(head):]))
    left = []
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is None or tr.get("type") != "unfinished":
            continue
        source = message.findtext("source") or ""
        if source not in table:
            left.append(source)
            continue
        value = table[source]
        del tr.attrib["type"]
        if message.get("numerus") == "yes":
            for form in list(tr):
                tr.remove(form)
            for v in value if isinstance(value, list) else [value]:
                ET.SubElement(tr, "numerusform").text = v
        else:
            tr.text = value if isinstance(value, str) else value[0]
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(head + body + "\n", encoding="utf-8")
    return left


if __name__ == "__main__":
    left = fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    for source in left:
        print("unfinished:", source)
