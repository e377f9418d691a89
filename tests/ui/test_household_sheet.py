"""A household's file (一户一档) printed on A4 in Chinese: read back out of the PDF."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from gridkeeper import care
from gridkeeper.places import households, members
from gridkeeper.rules.idnumber import make, mask
from gridkeeper.store import Store
from gridkeeper.ui.households.sheet_print import save_pdf
from tests.store.helpers import place

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui

NUMBER = make("330382", date(1948, 5, 17), 13)
_RADICALS = str.maketrans({"戶": "户", "⺠": "民", "⻔": "门", "⻓": "长", "⻛": "风", "⻋": "车", "⻅": "见", "⻉": "贝"})


def test_the_file_prints_on_a4_in_chinese(qapp, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gridkeeper.ui import i18n

    h = place(store)["household"]
    pid = members.add_person(store, h, members.check("王建国", NUMBER, phones="13857712345"), relation="户主")
    members.set_tag(store, pid, "残疾", "肢体二级")
    care.save_plan(store, h, pid, "weekly", date(2026, 3, 1))
    file = households.household_file(store, h)
    assert file is not None
    i18n.install(qapp, "zh_CN")
    try:
        pdf = save_pdf(store, file, tmp_path / "一户一档.pdf")
    finally:
        i18n.install(qapp, "en")
    reader = pypdf.PdfReader(str(pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait, in points
    raw = "".join(p.extract_text() for p in reader.pages).translate(_RADICALS)
    text = "".join(unicodedata.normalize("NFKC", raw).translate(_RADICALS).split())
    for words in ("一户一档", "王建国", "户主", "阳光花园", "关爱计划", "每周", "男"):
        assert words in text, words
    assert mask(NUMBER) in text and NUMBER not in text  # masked on paper as on screen
    assert "Household" not in text and "Members" not in text  # no English in a Chinese profile
