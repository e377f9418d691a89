"""A fresh data folder: commands that need a profile say how to make one, exit 2, and create nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import _env, gk_many

pytestmark = pytest.mark.e2e

NEEDS_A_PROFILE: tuple[tuple[str, ...], ...] = (
    ("today",),
    ("report", "monthly", "--month", "2026-05", "-o", "out.xlsx"),
    ("report", "quarterly", "--quarter", "2026-Q2", "-o", "out.xlsx"),
    ("sync", "--folder", "SHARE"),
    ("dump",),
    ("conflicts",),
    ("backup", "create"),
    ("backup", "restore", "gridkeeper-20260101-000000-manual.db"),
    ("office", "invite"),
    ("office", "members"),
    ("office", "revoke", "abcd"),
    ("office", "rejoin", "--folder", "SHARE"),
    ("passphrase", "encrypt"),
    ("passphrase", "change"),
)


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) if folder.exists() else ["<absent>"]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_commands_that_need_a_profile_say_how_to_make_one(tmp_path: Path, language: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    share = tmp_path / "share"
    share.mkdir()
    env = _env(home, LANG="zh_CN.UTF-8" if language == "zh_CN" else "C.UTF-8", LC_ALL="")
    empty, absent = tmp_path / "empty", tmp_path / "not there"
    empty.mkdir()
    calls = []
    for args in NEEDS_A_PROFILE:
        args = tuple(str(share) if a == "SHARE" else str(tmp_path / a) if a == "out.xlsx" else a for a in args)
        for folder in (empty, absent):
            calls.append((args, folder, env))
    for (args, folder, _env_), proc in zip(calls, gk_many(*calls), strict=True):
        said = proc.stderr.decode()
        assert proc.returncode == 2, (args, folder, said)
        assert proc.stdout == b"", args
        assert "Traceback" not in said, said
        # The three ways to make a profile, aimed at the same data folder (a space in its name quoted).
        quoted = f"'{folder}'" if " " in str(folder) else str(folder)
        for way in ("import-roster", "demo", "office join"):
            assert f"gridkeeper --data-dir {quoted} {way}" in said, (args, said)
        if language == "zh_CN":
            assert "还没有档案" in said and "花名册" in said, said
        else:
            assert "There is no profile in the data folder" in said, said
    # Nothing was made: the empty folder is still empty (no database, no settings, no logs), the absent
    # one still absent, and no report was written.
    assert _listing(empty) == [] and _listing(absent) == ["<absent>"]
    assert not (tmp_path / "out.xlsx").exists()
    assert _listing(share) == []
