"""What every command shares: the profile opened with its passphrase, the user's language,
--json output, exit codes (architecture.md, "The command line")."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gridkeeper.errors import (
    QT_TRANSLATE_NOOP,
    GridKeeperError,
    NoProfile,
    NotEncrypted,
    PassphraseFileEmpty,
    PassphraseFileUnreadable,
    PassphraseMissing,
    Translate,
    WrongPassphrase,
)

if TYPE_CHECKING:
    from gridkeeper.store import Store


_M_NEW_MISSING = QT_TRANSLATE_NOOP(
    "cli", "No new passphrase: give --new-passphrase-file FILE, or run the command in a terminal to type it.")


_M_ASK_AGAIN = QT_TRANSLATE_NOOP("cli", "The new passphrase again: ")


_M_ASK_NEW = QT_TRANSLATE_NOOP("cli", "New passphrase (at least {minimum} characters): ")


_M_ASK = QT_TRANSLATE_NOOP("cli", "Passphrase of the profile in {path}: ")


ENV_PASSPHRASE = "GRIDKEEPER_PASSPHRASE"


EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


@dataclass(frozen=True)
class _Given:
    """A passphrase and where it came from, so a message can say which one is wrong."""

    value: str
    source: str  # "file", "env" or "typed" (errors.WrongPassphrase)
    file: str = ""

    def name(self) -> str:
        return f"--passphrase-file {self.file}" if self.source == "file" else ENV_PASSPHRASE


def _read_passphrase_file(name: str) -> str:
    try:
        with open(name, encoding="utf-8") as fh:
            text = fh.read()
    except OSError as exc:
        raise PassphraseFileUnreadable(name, exc.strerror or str(exc)) from None
    except UnicodeDecodeError:
        raise PassphraseFileUnreadable(name, "not UTF-8 text") from None
    text = text[:-2] if text.endswith("\r\n") else text.removesuffix("\n")
    if not text:
        raise PassphraseFileEmpty(name)
    return text


_passphrase_file: str | None = None  # --passphrase-file, set by cli.main()
_data_dir_given: str | None = None  # --data-dir as typed, for the commands a message suggests


def _given() -> _Given | None:
    """The passphrase given without asking: --passphrase-file first, then $GRIDKEEPER_PASSPHRASE."""
    if _passphrase_file:
        return _Given(_read_passphrase_file(_passphrase_file), "file", _passphrase_file)
    env = os.environ.get(ENV_PASSPHRASE)
    return _Given(env, "env") if env else None


def _passphrase() -> str | None:
    """For the desktop app: the passphrase given on the command line's terms, if any (it asks for the rest)."""
    given = _given()
    return given.value if given else None


def _ask(prompt: str) -> str:
    import getpass

    return getpass.getpass(prompt)


def _open(root: Path, *, create: bool = False) -> Store:
    """The profile in `root`, its passphrase from --passphrase-file, $GRIDKEEPER_PASSPHRASE or the terminal.

    Each failure is one line that says which passphrase is missing or wrong; a passphrase given for an
    unencrypted profile opens nothing (NotEncrypted) rather than being called wrong. Only the commands
    that make a profile (`create`: demo, import-roster, office create and join) open a folder without
    one; the others say how to make one (NoProfile) and leave the folder as it was."""
    from gridkeeper.store import encryption, open_store
    from gridkeeper.store.encryption import State

    state = encryption.state(root)
    if state is State.NEW and not create:
        raise _no_profile(root)
    given = _given()
    if state in (State.WRAPPED, State.LEGACY):
        if given is None:
            if not sys.stdin.isatty():
                raise PassphraseMissing(str(root))
            given = _Given(_ask(_words(_translator(root), _M_ASK, path=root)), "typed")
        try:
            return open_store(root, given.value)
        except WrongPassphrase:
            raise WrongPassphrase(given.source, str(root), given.file) from None
    if state is State.PLAIN and given is not None:
        raise NotEncrypted(str(root), given.name())
    return open_store(root, given.value if given else None)


def _no_profile(root: Path) -> NoProfile:
    """NoProfile, its suggested commands aimed at the same data folder as the one that failed."""
    command = "gridkeeper"
    if _data_dir_given:
        import shlex

        command += f" --data-dir {shlex.quote(_data_dir_given)}"
    return NoProfile(str(root), command)


def _new_passphrase(args: argparse.Namespace, root: Path) -> str:
    """A new passphrase from --new-passphrase-file, else typed twice at the terminal; checked for length."""
    from gridkeeper.rules import passphrase as rules

    if args.new_passphrase_file:
        new = _read_passphrase_file(args.new_passphrase_file)
        rules.check_new(new)
        return new
    if not sys.stdin.isatty():
        raise GridKeeperError(_M_NEW_MISSING)
    translate = _translator(root)
    new = _ask(_words(translate, _M_ASK_NEW, minimum=rules.MIN_LENGTH))
    rules.check_new(new, _ask(_words(translate, _M_ASK_AGAIN)))
    return new


def _emit(args: argparse.Namespace, payload: dict[str, Any], human: str) -> None:
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n")
    else:
        print(human)


def _output_closed() -> None:
    """The reader of our output went away (`| head`): what is still buffered, and the
    interpreter's last flush, go nowhere instead of into a BrokenPipeError."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    if not sys.stderr.isatty():  # `2>&1 | head`: the same pipe
        os.dup2(devnull, sys.stderr.fileno())


def _translator(root: Path) -> Translate:
    """translate(context, text) in the profile's language setting, else the system's."""
    try:
        from gridkeeper import settings as cfg
        from gridkeeper.settings import Settings
        from gridkeeper.ui import i18n

        # Settings of a folder that does not exist are the defaults ("system"); nothing is created.
        return i18n.cli_translate(Settings(root).get(cfg.LANGUAGE))  # type: ignore[no-any-return]
    except Exception:  # no Qt: English source text
        return lambda _context, text: text


def _words(translate: Translate, message: str, **params: Any) -> str:
    """A "cli" message in the user's language; the English source if its translation is broken."""
    try:
        return (translate("cli", message) or message).format(**params)
    except (KeyError, IndexError, ValueError):
        return message.format(**params)


def _error_text(exc: GridKeeperError, root: Path) -> str:
    try:
        return exc.translated(_translator(root))
    except Exception:  # translation is a nicety; never hide the error itself
        return exc.english()
