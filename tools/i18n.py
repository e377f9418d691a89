"""Translations: `python tools/i18n.py update` re-extracts strings into the .ts
catalogues; `python tools/i18n.py release` builds the .qm files the app loads.

gridkeeper_zh_CN.ts is the Chinese translation (translated by people).
gridkeeper_en.ts holds only English plural forms ("%n household(s)" ->
"1 household" / "2 households"), filled in here from the "(s)" after %n.
The .ts (source) and the .qm (built) are checked in; tests check that each
.qm is what lrelease makes of its .ts and that nothing is unfinished.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "gridkeeper_zh_CN.ts"
QM = TS.with_suffix(".qm")
EN_TS = TS.with_name("gridkeeper_en.ts")
EN_QM = EN_TS.with_suffix(".qm")
CATALOGUES = ((TS, QM), (EN_TS, EN_QM))
_COUNTED = re.compile(r"(%L?n [^{}%]*?)\((e?s)\)")  # "%n row(s)", "%n batch(es)", "%Ln change(s)"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gridkeeper").rglob("*.py"))


def update() -> None:
    for ts, language, extra in ((TS, "zh_CN", []), (EN_TS, "en", ["-pluralonly"])):
        subprocess.run(
            [_tool("lupdate"), *sources(), *extra, "-source-language", "en", "-target-language", language,
             "-no-obsolete", "-locations", "none", "-ts", str(ts)],
            cwd=ROOT, check=True,
        )
    fill_english_plurals()


def english_forms(source: str) -> tuple[str, str]:
    """("%n row(s)") -> ("%n row", "%n rows"), ("%n batch(es)") -> ("%n batch", "%n batches"); a "(s)" not
    counted by %n stays."""
    return _COUNTED.sub(r"\1", source), _COUNTED.sub(r"\1\2", source)


def fill_english_plurals() -> None:
    from xml.etree import ElementTree

    tree = ElementTree.parse(EN_TS)
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        forms = english_forms(message.findtext("source") or "")
        nodes = translation.findall("numerusform")
        while len(nodes) < 2:
            nodes.append(ElementTree.SubElement(translation, "numerusform"))
        for node, text in zip(nodes, forms):
            node.text = text
        del translation.attrib["type"]
    with open(EN_TS, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)


def release(target: Path = QM, source: Path = TS) -> None:
    subprocess.run([_tool("lrelease"), "-silent", str(source), "-qm", str(target)], cwd=ROOT, check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "release":
        for ts, qm in CATALOGUES:
            release(qm, ts)
    else:
        raise SystemExit("usage: python tools/i18n.py update|release")
