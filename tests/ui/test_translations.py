"""The Chinese catalogue is complete and the built .qm matches its source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import i18n as tool  # noqa: E402


@pytest.mark.parametrize("ts", [tool.TS, tool.EN_TS], ids=["zh_CN", "en"])
def test_no_unfinished_or_empty_translations(ts: Path) -> None:
    tree = ElementTree.parse(ts)
    messages = list(tree.iter("message"))
    assert len(messages) > (50 if ts == tool.TS else 10)
    for message in messages:
        tr = message.find("translation")
        assert tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete"), (
            message.find("source").text
        )
        texts = [n.text for n in tr.findall("numerusform")] or [tr.text]
        assert all(t and t.strip() for t in texts), message.find("source").text


def test_every_source_string_is_in_the_catalogue(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(tool.TS, copy)
    subprocess.run(
        [tool._tool("lupdate"), *tool.sources(), "-source-language", "en", "-target-language", "zh_CN",
         "-no-obsolete", "-locations", "none", "-ts", str(copy)],
        cwd=ROOT, check=True, capture_output=True,
    )
    def sources(path: Path) -> set[tuple[str, str]]:
        tree = ElementTree.parse(path)
        return {(c.find("name").text, m.find("source").text) for c in tree.iter("context") for m in c.iter("message")}
    assert sources(copy) == sources(tool.TS)


@pytest.mark.parametrize("ts,qm", tool.CATALOGUES, ids=["zh_CN", "en"])
def test_built_qm_matches_the_catalogue(tmp_path: Path, ts: Path, qm: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    tool.release(fresh, ts)
    assert fresh.read_bytes() == qm.read_bytes(), "run: python tools/i18n.py release"


def test_english_plural_forms() -> None:
    assert tool.english_forms("%n row(s) of {columns} column(s)") == (
        "%n row of {columns} column(s)", "%n rows of {columns} column(s)")
    assert tool.english_forms("…and %n more batch(es) held back.") == (
        "…and %n more batch held back.", "…and %n more batches held back.")
    from PySide6.QtCore import QCoreApplication

    from gridkeeper.ui import i18n

    app = QCoreApplication.instance()
    assert app is not None
    i18n.install(app, "en")
    assert QCoreApplication.translate("HouseholdsPage", "%n household(s) in {where}", "", 1) == "1 household in {where}"
    assert QCoreApplication.translate("HouseholdsPage", "%n household(s) in {where}", "", 3) == "3 households in {where}"


@pytest.mark.parametrize("setting,expected", [("zh_CN", "网格管家"), ("en", "GridKeeper")])
def test_cli_translates_known_errors(setting: str, expected: str) -> None:
    from gridkeeper.errors import StoreTooNew
    from gridkeeper.ui import i18n

    message = StoreTooNew("0042").translated(i18n.cli_translate(setting))
    assert expected in message and "0042" in message
