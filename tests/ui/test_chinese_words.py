"""The Chinese a cadre reads: full-width punctuation, one term per concept (docs/glossary.md),
and the rejected-rows file's headers in Chinese."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from openpyxl import Workbook

from gridkeeper.io import roster
from gridkeeper.io.roster_rejects import write_rejected
from gridkeeper.rules import idnumber

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "gridkeeper_zh_CN.ts"
_CJK = re.compile(r"[\u3400-\u9fff]")
# Half-width where a program reads it, not a person: accelerators (&N), file filters (*.xlsx) and
# their ;; separator, {placeholders}, addresses and paths, times 19:30.
_KEPT = [re.compile(p) for p in (r"\(&.\)", r"\([^()]*\*[^()]*\)", r";;", r"\{[^{}]*\}", r"https?://\S+",
                                 r"\b[A-Z]:\\", r"\d:\d")]


def _translations() -> list[tuple[str, str, str]]:
    out = []
    for context in ElementTree.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            tr = message.find("translation")
            for text in [n.text for n in tr.findall("numerusform")] or [tr.text]:  # type: ignore[union-attr]
                out.append((context.findtext("name") or "", message.findtext("source") or "", text or ""))
    return out


def half_width(text: str) -> list[str]:
    """Half-width : , ( ) ; in Chinese text, once what a program reads is set aside."""
    if not _CJK.search(text):
        return []
    for kept in _KEPT:
        text = kept.sub("", text)
    return re.findall(r"[:,();]", text)


def test_the_check_finds_half_width_punctuation() -> None:
    assert half_width("上次:2026-11-01, 共 3 次(含补记)") == [":", ",", "(", ")"]
    assert half_width("名称(&N)：") == [] and half_width("Excel 工作簿 (*.xlsx)") == []
    assert half_width("例如 Z:\\gridkeeper，或 https://192.168.1.10:8443") == []
    assert half_width("Row 7: id_checksum") == []  # not Chinese


def test_chinese_translations_use_full_width_punctuation() -> None:
    found = [(c, s, t) for c, s, t in _translations() if half_width(t)]
    assert found == []


def test_one_term_per_concept() -> None:
    """周夜行 is the practice, a walk logged is 一次夜巡 (docs/glossary.md); 夜行 alone is neither."""
    texts = [t for _c, _s, t in _translations()]
    assert not [t for t in texts if re.search(r"(?<!周)夜行", t)]
    assert not [t for t in texts if "一次周夜行" in t]
    programmer = ("0 表示", "离线优先", "已是最新，未作改动")  # as a program reports it, not as a cadre says it
    assert not [t for t in texts if any(p in t for p in programmer)]


def test_rejected_rows_file_has_chinese_headers_in_a_chinese_profile(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from gridkeeper.ui import i18n

    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "公民身份号码", "楼栋", "房号"])
    bad = idnumber.make("330382", date(1950, 3, 2), 11)
    ws.append(["坏号码", bad[:-1] + ("0" if bad[-1] != "0" else "1"), "3幢", "502"])
    wb.save(tmp_path / "r.xlsx")
    sheet = roster.read_sheet(tmp_path / "r.xlsx")
    header = roster.detect_header(sheet)
    rows = roster.validate(sheet, header)
    i18n.install(qapp, "zh_CN")
    try:
        write_rejected(tmp_path / "out.xlsx", sheet, header, rows, QCoreApplication.translate)
    finally:
        i18n.install(qapp, "en")
    back = roster.read_sheet(tmp_path / "out.xlsx")
    assert back.rows[0][-3:] == ["问题", "原表行号", "原因代码"]  # not "问题 / Problems"
    assert "第2行" in back.rows[1][-3] and back.rows[1][-1] == "id_checksum"
