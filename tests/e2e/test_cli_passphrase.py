"""The command line and the passphrase: where it comes from, one line when it is missing or wrong, no
SQLCipher internals; `passphrase change|encrypt`; `backup list|create|restore`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gridkeeper.store import backups, encryption, keyfile, open_store
from gridkeeper.store.encryption import State
from tests.e2e.test_cli import REPO, _env, _ok, gk, gk_many
from tests.store.helpers import place

pytestmark = pytest.mark.e2e

PASS = "门前三包 2026"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def _encrypted(root: Path) -> dict[str, str]:
    store = open_store(root, PASS)
    where = place(store)
    store.close()
    return where


def _legacy(root: Path) -> None:
    """A profile encrypted the old way: the passphrase itself as SQLCipher's key."""
    from gridkeeper.store import cipher

    store = open_store(root)
    place(store)
    store.close()
    db = root / "gridkeeper.db"
    conn = cipher.connect(db, root=root, sqlcipher=True)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("ATTACH DATABASE ? AS old KEY ?", (str(root / "old.db"), PASS))
    conn.execute("SELECT sqlcipher_export('old')")
    conn.execute("DETACH DATABASE old")
    conn.close()
    os.replace(root / "old.db", db)


def _one_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    assert proc.returncode == 2 and proc.stdout == b""
    err = proc.stderr.decode()
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "sqlcipher" not in err.lower() and "hmac" not in err
    return err.strip()


def test_each_missing_or_wrong_passphrase_is_one_line_that_says_which(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "secret"
    _encrypted(root)
    wrong_file = tmp_path / "wrong.txt"
    wrong_file.write_text("not it\n", encoding="utf-8")
    empty_file = tmp_path / "empty.txt"
    empty_file.write_text("", encoding="utf-8")
    missing, env_wrong, file_wrong, no_file, empty = gk_many(
        (("dump",), root, _env(home)),
        (("dump",), root, _env(home, GRIDKEEPER_PASSPHRASE="not it")),
        (("--passphrase-file", str(wrong_file), "dump"), root, _env(home, GRIDKEEPER_PASSPHRASE=PASS)),
        (("--passphrase-file", str(tmp_path / "nowhere.txt"), "dump"), root, _env(home)),
        (("--passphrase-file", str(empty_file), "dump"), root, _env(home)),
    )
    assert _one_line(missing) == (
        f"The profile in {root} is encrypted and no passphrase was given: set GRIDKEEPER_PASSPHRASE, give "
        "--passphrase-file FILE, or run the command in a terminal to type it.")
    assert _one_line(env_wrong) == f"The passphrase in GRIDKEEPER_PASSPHRASE is wrong for the profile in {root}."
    # the file comes first: GRIDKEEPER_PASSPHRASE (right here) is not used when a file is given
    assert _one_line(file_wrong) == f"The passphrase in the file {wrong_file} is wrong for the profile in {root}."
    assert _one_line(no_file).startswith(f"The passphrase file {tmp_path / 'nowhere.txt'} cannot be read")
    assert _one_line(empty) == f"The passphrase file {empty_file} is empty."


def test_the_passphrase_file_opens_the_profile(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "secret"
    where = _encrypted(root)
    right = tmp_path / "pass.txt"
    right.write_text(PASS + "\r\n", encoding="utf-8")  # as Notepad saves it: the line ending is not part of it
    data = json.loads(_ok(gk("--passphrase-file", str(right), "dump", data_dir=root, home=home)))
    assert [h["id"] for h in data["household"]] == [where["household"]]


def test_a_passphrase_for_an_unencrypted_profile_is_not_called_wrong(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "plain"
    store = open_store(root)
    place(store)
    store.close()
    before = hashlib.sha256((root / "gridkeeper.db").read_bytes()).hexdigest()
    proc = gk("today", data_dir=root, home=home, env=_env(home, GRIDKEEPER_PASSPHRASE=PASS))
    line = _one_line(proc)
    assert line.startswith(f"The profile in {root} is not encrypted, yet a passphrase was given "
                           "(GRIDKEEPER_PASSPHRASE). Nothing was opened")
    assert "wrong" not in line
    assert hashlib.sha256((root / "gridkeeper.db").read_bytes()).hexdigest() == before
    _ok(gk("today", data_dir=root, home=home))  # without one it opens


def test_an_old_style_profile_opens_from_the_command_line_and_its_sqlcipher_lines_go_to_the_log(
        tmp_path: Path, home: Path) -> None:
    root = tmp_path / "legacy"
    _legacy(root)
    wrong = gk("dump", data_dir=root, home=home, env=_env(home, GRIDKEEPER_PASSPHRASE="not it"))
    assert _one_line(wrong) == f"The passphrase in GRIDKEEPER_PASSPHRASE is wrong for the profile in {root}."
    assert "hmac check failed" in (root / "logs" / "sqlcipher.log").read_text()
    _ok(gk("dump", data_dir=root, home=home, env=_env(home, GRIDKEEPER_PASSPHRASE=PASS)))
    assert encryption.state(root) is State.WRAPPED
    assert [b.reason for b in backups.list_backups(root)] == ["before-rekey"]


def test_a_new_profile_with_a_passphrase_is_encrypted_with_the_real_cost(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "new"
    _ok(gk("demo", "--json", data_dir=root, home=home, env=_env(home, GRIDKEEPER_PASSPHRASE=PASS)))
    assert keyfile.params(root) == keyfile.DEFAULT  # the command line's own parameters, not the tests'
    assert encryption.state(root) is State.WRAPPED


def test_passphrase_change_and_encrypt_from_the_command_line(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "plain"
    store = open_store(root)
    place(store)
    store.close()
    new = tmp_path / "new.txt"
    new.write_text("新口令 2027 夏天\n", encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("abc\n", encoding="utf-8")
    assert _one_line(gk("passphrase", "encrypt", "--new-passphrase-file", str(short), data_dir=root, home=home)) \
        == "A passphrase needs at least 8 characters."
    out = _ok(gk("passphrase", "encrypt", "--new-passphrase-file", str(new), data_dir=root, home=home)).decode()
    assert out.startswith(f"Encrypted the profile in {root}.")
    assert encryption.state(root) is State.WRAPPED
    db = root / "gridkeeper.db"
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    third = tmp_path / "third.txt"
    third.write_text("第三个口令 2028\n", encoding="utf-8")
    wrong = gk("--passphrase-file", str(third), "passphrase", "change", "--new-passphrase-file", str(third),
               data_dir=root, home=home)
    assert _one_line(wrong) == f"The passphrase in the file {third} is wrong for the profile in {root}."
    changed = gk("--passphrase-file", str(new), "passphrase", "change", "--new-passphrase-file", str(third),
                 data_dir=root, home=home)
    assert _ok(changed).decode().startswith(f"Changed the passphrase of the profile in {root}")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert encryption.unlocks(root, "第三个口令 2028")


def test_backup_list_create_restore(tmp_path: Path, home: Path) -> None:
    root = tmp_path / "secret"
    _encrypted(root)
    env = _env(home, GRIDKEEPER_PASSPHRASE=PASS)
    listed = json.loads(_ok(gk("backup", "list", "--json", data_dir=root, home=home, env=env)))
    assert listed["backups"] == []
    made = json.loads(_ok(gk("backup", "create", "--json", data_dir=root, home=home, env=env)))["backup"]
    assert made["reason"] == "manual" and made["bytes"] > 0
    human = _ok(gk("backup", "list", data_dir=root, home=home)).decode()  # listing needs no passphrase
    assert made["name"] in human and "made by hand" in human
    store = open_store(root, PASS)
    place(store, room="502")
    device = store.device_id
    store.close()
    restored = json.loads(_ok(gk("backup", "restore", made["name"], "--json", data_dir=root, home=home, env=env)))
    assert restored["restored"]["name"] == made["name"] and restored["before"]["reason"] == "before-restore"
    assert restored["device"] != device
    dump = json.loads(_ok(gk("dump", data_dir=root, home=home, env=env)))
    assert len(dump["household"]) == 1
    missing = gk("backup", "restore", "gridkeeper-20000101-000000-daily.db", data_dir=root, home=home, env=env)
    assert "There is no backup" in _one_line(missing)


def test_a_typed_passphrase_at_a_terminal(tmp_path: Path, home: Path) -> None:
    """getpass reads the controlling terminal: the command runs on a pseudo-terminal, as in a console."""
    pty = pytest.importorskip("pty")

    root = tmp_path / "secret"
    _encrypted(root)
    leader, follower = pty.openpty()
    # A new session (start_new_session) whose first step takes the pseudo-terminal on stdin as its
    # controlling terminal, then becomes the command: no preexec_fn in a test process with threads.
    shim = ("import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
            "os.execv(sys.executable, [sys.executable, '-m', 'gridkeeper', *sys.argv[1:]])")
    proc = subprocess.Popen([sys.executable, "-c", shim, "--data-dir", str(root), "today"],
                            stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(home),
                            cwd=REPO, start_new_session=True)
    os.close(follower)
    prompt = b""
    while b": " not in prompt:
        prompt += os.read(leader, 1024)
    os.write(leader, (PASS + "\n").encode())
    out, err = proc.communicate(timeout=60)
    os.close(leader)
    assert f"Passphrase of the profile in {root}".encode() in prompt
    assert proc.returncode == 0, err.decode()
    assert b"due" in out and PASS.encode() not in out + err
