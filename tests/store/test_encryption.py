"""The profile key and the passphrase: wrapped key, passphrase change, old-style profiles, encryption in place,
file modes."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from gridkeeper import logs
from gridkeeper.errors import KeyFileDamaged, NotEncrypted, PassphraseNeeded, ProfileInUse, WrongPassphrase
from gridkeeper.store import backups, cipher, encryption, keyfile, open_store
from gridkeeper.store.encryption import State
from tests.store.helpers import place

PASS = "门前三包 2026"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with store.read() as conn:
        raw = conn.connection.driver_connection
        return cipher.table_counts(raw)


def _plain_profile(root: Path) -> dict[str, int]:
    store = open_store(root)
    place(store)
    place(store, room="502")
    counts = _rows(store)
    store.close()
    return counts


def _legacy_profile(root: Path, passphrase: str) -> dict[str, int]:
    """A profile as GridKeeper wrote it before the key file: the passphrase itself as SQLCipher's key."""
    counts = _plain_profile(root)
    db = root / "gridkeeper.db"
    conn = cipher.connect(db, root=root, sqlcipher=True)
    conn.execute("PRAGMA journal_mode = DELETE")
    old = root / "old.db"
    conn.execute("ATTACH DATABASE ? AS old KEY ?", (str(old), passphrase))
    conn.execute("SELECT sqlcipher_export('old')")
    conn.execute("DETACH DATABASE old")
    conn.close()
    os.replace(old, db)
    assert encryption.state(root) is State.LEGACY
    return counts


def test_a_new_profile_with_a_passphrase_has_a_wrapped_random_key(data_dir: Path) -> None:
    store = open_store(data_dir, PASS)
    place(store)
    store.close()
    body = json.loads((data_dir / "profile.key").read_text())
    assert body["kdf"] == "argon2id" and {"salt", "nonce", "wrapped", "memory_kib", "iterations", "lanes"} <= set(body)
    assert PASS.encode() not in (data_dir / "profile.key").read_bytes()
    key = keyfile.unwrap(data_dir, PASS)
    assert len(key) == 32 and key.hex() not in (data_dir / "profile.key").read_text()
    assert encryption.state(data_dir) is State.WRAPPED
    assert cipher.opens(data_dir / "gridkeeper.db", key=key)
    assert not cipher.opens(data_dir / "gridkeeper.db", passphrase=PASS)  # the passphrase is not the key
    with pytest.raises(WrongPassphrase) as wrong:
        open_store(data_dir, "门前三包 2025")
    assert wrong.value.english() == "The passphrase is wrong."
    with pytest.raises(PassphraseNeeded):
        open_store(data_dir)
    again = open_store(data_dir, key=key)  # what the app does after unwrapping off the UI thread
    assert again.encrypted and again.key == key
    again.close()


def test_a_wrong_passphrase_never_reaches_sqlcipher_and_nothing_is_printed(data_dir: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    open_store(data_dir, PASS).close()
    with pytest.raises(WrongPassphrase):
        open_store(data_dir, "wrong")
    assert capfd.readouterr().err == ""


def test_the_key_files_parameters_are_bound_to_it(data_dir: Path) -> None:
    open_store(data_dir, PASS).close()
    path = data_dir / "profile.key"
    body = json.loads(path.read_text())
    body["iterations"] += 1  # a weaker or stronger setting written in: the wrapped key no longer opens
    path.write_text(json.dumps(body))
    with pytest.raises(WrongPassphrase):
        keyfile.unwrap(data_dir, PASS)
    body["memory_kib"] = 64 * 1024 * 1024  # 64 GiB asked for: refused before anything is allocated
    path.write_text(json.dumps(body))
    with pytest.raises(KeyFileDamaged):
        keyfile.unwrap(data_dir, PASS)
    path.write_text("{not json")
    with pytest.raises(KeyFileDamaged):
        open_store(data_dir, PASS)


def test_the_real_parameters_are_the_documented_ones() -> None:
    assert keyfile.DEFAULT == keyfile.KdfParams(memory_kib=131072, iterations=4, lanes=4)
    docs = (Path(__file__).parents[2] / "docs" / "performance.md").read_text(encoding="utf-8")
    assert "Argon2id" in docs and "128 MiB" in docs


def test_changing_the_passphrase_rewrites_the_key_file_only(data_dir: Path) -> None:
    store = open_store(data_dir, PASS)
    place(store)
    backup = backups.create(store)
    store.close()
    db = data_dir / "gridkeeper.db"
    before, backup_before = _digest(db), _digest(backup.path)
    key = keyfile.unwrap(data_dir, PASS)
    with pytest.raises(WrongPassphrase):
        encryption.change_passphrase(data_dir, "not it", "新的口令 2027")
    encryption.change_passphrase(data_dir, PASS, "新的口令 2027")
    assert _digest(db) == before and _digest(backup.path) == backup_before
    assert keyfile.unwrap(data_dir, "新的口令 2027") == key
    with pytest.raises(WrongPassphrase):
        open_store(data_dir, PASS)
    store = open_store(data_dir, "新的口令 2027")
    with store.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM household")).scalar() == 1
    store.close()
    assert backups.verify(backup.path, data_dir, key) is None  # old backups open with the same key


def test_an_old_style_profile_still_opens_and_is_rekeyed_with_a_backup_first(data_dir: Path) -> None:
    counts = _legacy_profile(data_dir, PASS)
    before = _digest(data_dir / "gridkeeper.db")
    with pytest.raises(WrongPassphrase) as wrong:
        open_store(data_dir, "wrong")
    assert "or the file is not a GridKeeper profile" in wrong.value.english()
    assert _digest(data_dir / "gridkeeper.db") == before  # a wrong passphrase changes nothing
    store = open_store(data_dir, PASS)
    assert _rows(store) == counts
    store.close()
    assert encryption.state(data_dir) is State.WRAPPED
    key = keyfile.unwrap(data_dir, PASS)
    assert not cipher.opens(data_dir / "gridkeeper.db", passphrase=PASS)
    saved = [b for b in backups.list_backups(data_dir) if b.reason == "before-rekey"]
    assert len(saved) == 1 and backups.verify(saved[0].path, data_dir, key) is None
    open_store(data_dir, PASS).close()  # and next time, the ordinary way


def test_an_old_style_conversion_cut_off_after_the_key_file_is_finished(data_dir: Path) -> None:
    counts = _legacy_profile(data_dir, PASS)
    key = keyfile.new_key()
    keyfile.write(data_dir, key, PASS)  # written, then the power went before the new database was in place
    store = open_store(data_dir, PASS)
    assert _rows(store) == counts and store.key == key
    store.close()
    assert cipher.opens(data_dir / "gridkeeper.db", key=key)


def test_encryption_in_place_keeps_every_row_and_leaves_a_backup(data_dir: Path) -> None:
    counts = _plain_profile(data_dir)
    store = open_store(data_dir)
    old_plain = backups.create(store, "daily")
    store.close()
    with pytest.raises(NotEncrypted) as refused:  # a passphrase for a plain profile is not "wrong"
        open_store(data_dir, PASS)
    assert "not encrypted" in refused.value.english() and "wrong" not in refused.value.english()
    encryption.encrypt(data_dir, PASS)
    db = data_dir / "gridkeeper.db"
    assert not cipher.is_plain(db) and b"\xe9\x98\xb3\xe5\x85\x89" not in db.read_bytes()  # 阳光 gone
    store = open_store(data_dir, PASS)
    assert _rows(store) == counts
    store.close()
    key = keyfile.unwrap(data_dir, PASS)
    found = backups.list_backups(data_dir)
    assert any(b.reason == "before-encryption" for b in found)
    for b in found:  # the older plaintext backup was encrypted too: no readable copy stays behind
        assert not cipher.is_plain(b.path) and backups.verify(b.path, data_dir, key) is None
    assert old_plain.path.exists()


def test_encryption_in_place_is_refused_while_another_process_has_the_profile_open(data_dir: Path) -> None:
    import subprocess
    import sys

    _plain_profile(data_dir)
    db = data_dir / "gridkeeper.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('PRAGMA journal_mode = WAL'); c.execute('SELECT 1 FROM sqlite_master').fetchall(); "
         "print('open', flush=True); time.sleep(30)", str(db)], stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"open"
        before = _digest(db)
        with pytest.raises(ProfileInUse):
            encryption.encrypt(data_dir, PASS)
        assert _digest(db) == before and encryption.state(data_dir) is State.PLAIN
    finally:
        holder.kill()
        holder.wait()
    assert not (data_dir / "gridkeeper.db.converting").exists()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_profile_folder_is_0700_and_its_files_0600(tmp_path: Path) -> None:
    root = tmp_path / "new"
    store = open_store(root, PASS)
    logs.setup(root)
    import logging

    logging.getLogger("gridkeeper.store").info("a line")
    place(store)
    backups.create(store)
    from gridkeeper import settings as cfg
    from gridkeeper.settings import Settings

    Settings(root).set(cfg.LANGUAGE, "en")
    with pytest.raises(WrongPassphrase):
        open_store(root, "wrong")
    files = [root / "gridkeeper.db", root / "gridkeeper.db-wal", root / "gridkeeper.db-shm", root / "profile.key",
             root / "settings.json", *root.joinpath("backups").iterdir(), *root.joinpath("logs").iterdir()]
    store.close()
    assert _mode(root) == 0o700 and _mode(root / "backups") == 0o700 and _mode(root / "logs") == 0o700
    for f in files:
        if f.exists():
            assert _mode(f) == 0o600, f
    assert (root / "logs" / "gridkeeper.log").exists()


def test_an_older_profile_left_readable_is_narrowed_when_opened(data_dir: Path) -> None:
    _plain_profile(data_dir)
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "gridkeeper.db", 0o644)
    open_store(data_dir).close()
    assert _mode(data_dir) == 0o700 and _mode(data_dir / "gridkeeper.db") == 0o600


def test_sqlcipher_complaints_go_to_the_log_not_stderr(data_dir: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    _legacy_profile(data_dir, PASS)
    with pytest.raises(WrongPassphrase):
        open_store(data_dir, "wrong")
    assert capfd.readouterr().err == ""
    assert "hmac check failed" in (data_dir / "logs" / "sqlcipher.log").read_text()


def test_a_plain_profile_is_still_plain_sqlite(data_dir: Path) -> None:
    _plain_profile(data_dir)
    conn = sqlite3.connect(data_dir / "gridkeeper.db")
    assert conn.execute("SELECT count(*) FROM household").fetchone() == (2,)
    conn.close()
    assert not (data_dir / "profile.key").exists()


def test_the_apps_unlock_converts_an_old_style_profile_and_finishes_a_cut_conversion(tmp_path: Path) -> None:
    old, cut = tmp_path / "old", tmp_path / "cut"
    counts = _legacy_profile(old, PASS)
    key = encryption.unlock(old, PASS)
    assert encryption.state(old) is State.WRAPPED and cipher.opens(old / "gridkeeper.db", key=key)
    _legacy_profile(cut, PASS)
    written = keyfile.new_key()
    keyfile.write(cut, written, PASS)  # the key file, and then the power went
    with pytest.raises(WrongPassphrase):
        encryption.unlock(cut, "wrong")
    assert encryption.unlock(cut, PASS) == written
    store = open_store(cut, key=written)
    assert _rows(store) == counts
    store.close()
