"""tools/check_installer.py: the Windows installer script checked against a bundle, without Windows."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_installer", ROOT / "tools" / "check_installer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check = _checker()


@pytest.fixture
def layout(tmp_path: Path) -> tuple[Path, Path]:
    """installer/ (the real script and its messages file) beside a small dist/GridKeeper/ shaped like the bundle."""
    installer = tmp_path / "installer"
    shutil.copytree(ROOT / "installer", installer)
    bundle = tmp_path / "dist" / "GridKeeper"
    (bundle / "_internal" / "resources" / "icons").mkdir(parents=True)
    (bundle / ("GridKeeper.exe" if sys.platform == "win32" else "GridKeeper")).write_bytes(b"exe")
    shutil.copy(ROOT / "resources" / "icons" / "gridkeeper.ico", bundle / "_internal" / "resources" / "icons")
    return installer / "gridkeeper.iss", bundle


def test_the_script_names_only_what_the_bundle_has(layout: tuple[Path, Path]) -> None:
    iss, bundle = layout
    assert check.problems(iss, bundle) == []
    assert check.main(["--iss", str(iss), "--bundle", str(bundle)]) == 0


def test_a_file_missing_from_the_bundle_is_named(layout: tuple[Path, Path]) -> None:
    iss, bundle = layout
    (bundle / "_internal" / "resources" / "icons" / "gridkeeper.ico").unlink()
    assert [p for p in check.problems(iss, bundle) if "gridkeeper.ico" in p and "does not exist" in p]
    assert check.main(["--iss", str(iss), "--bundle", str(bundle)]) == 1


def test_the_promises_per_user_upgrade_and_the_profile_kept(layout: tuple[Path, Path]) -> None:
    iss, bundle = layout
    text = iss.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in text
    broken = (text.replace("PrivilegesRequired=lowest", "PrivilegesRequired=admin")
              .replace("AppId={{5C7D2E4A", "AppId={{NOT-A-GUID")
              + '\n[UninstallDelete]\nType: filesandordirs; Name: "{localappdata}\\GridKeeper"\n'
              + '[Icons]\nName: "{autodesktop}\\x"; Filename: "{app}\\Other.exe"\n')
    iss.write_text(broken, encoding="utf-8")
    found = "\n".join(check.problems(iss, bundle))
    for words in ("PrivilegesRequired", "AppId", "[UninstallDelete]", "{localappdata}\\gridkeeper", "Other.exe"):
        assert words in found, found


def test_the_chinese_messages_file_is_there_and_says_the_profile_stays() -> None:
    text = (ROOT / "installer" / "zh_CN.isl").read_text(encoding="utf-8")
    assert "LanguageID=$0804" in text and "LanguageCodePage=0" in text  # Unicode Inno Setup 6
    confirm = next(line for line in text.splitlines() if line.startswith("ConfirmUninstall="))
    assert "不会被删除" in confirm
