"""Known errors: things a user can act on, as opposed to bugs.

Messages are English source strings in the translation context "errors". The
no-op marker below lets pyside6-lupdate extract them without this module
importing Qt; the UI and the CLI translate them with `translated()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Callable

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate looks for this name)
    return text


# How a list of names is written in a message: "花名册、统计" in Chinese, "a, b" in English.
LIST_SEPARATOR = QT_TRANSLATE_NOOP("errors", ", ")


def join_list(items: Iterable[str], translate: Translate | None = None) -> str:
    separator = (translate("errors", LIST_SEPARATOR) or LIST_SEPARATOR) if translate else LIST_SEPARATOR
    return separator.join(items)


class Names(tuple[str, ...]):
    """A message parameter that is a list of names (sheets, columns): joined by join_list."""


class Counted(tuple[tuple[str, int], ...]):
    """A message parameter listing counts of things: (("{n} households", 12), ...), each phrase
    translated (context "errors") and filled in, then joined by join_list."""


class GridKeeperError(Exception):
    """An error with a message fit for the user, in their language once translated.

    A Names parameter is joined as the user's language writes lists."""

    context = "errors"

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(self.english())

    def _params(self, translate: Translate | None) -> dict[str, Any]:
        return {k: self._param(v, translate) for k, v in self.params.items()}

    @staticmethod
    def _param(value: Any, translate: Translate | None) -> Any:
        if isinstance(value, Names):
            return join_list(value, translate)
        if isinstance(value, Counted):
            phrases = [((translate("errors", p) or p) if translate else p).format(n=n) for p, n in value]
            return join_list(phrases, translate)
        return value

    def english(self) -> str:
        return self.message.format(**self._params(None))

    def translated(self, translate: Translate) -> str:
        text = translate(self.context, self.message) or self.message
        return text.format(**self._params(translate))


class StoreError(GridKeeperError):
    """The profile's database cannot be opened or used as asked."""


class StoreTooNew(StoreError):
    def __init__(self, found: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "This profile was written by a newer version of GridKeeper (schema {found}). "
                "Install the newer version to open it; nothing was changed.",
            ),
            found=found,
        )


class MigrationFailed(StoreError):
    def __init__(self, found: str, backup: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "This profile (schema {found}) could not be upgraded; it was left as it was. "
                "A copy made before the attempt is in {backup}.",
            ),
            found=found,
            backup=backup,
        )


class PassphraseNeeded(StoreError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "This profile is encrypted: enter its passphrase to open it.")
        )


class PassphraseMissing(StoreError):
    """The command line found an encrypted profile and no passphrase in any of its three places."""

    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The profile in {path} is encrypted and no passphrase was given: set GRIDKEEPER_PASSPHRASE, "
                "give --passphrase-file FILE, or run the command in a terminal to type it.",
            ),
            path=path,
        )


_WRONG = {
    "": QT_TRANSLATE_NOOP("errors", "The passphrase is wrong."),
    "legacy": QT_TRANSLATE_NOOP("errors", "The passphrase is wrong, or the file is not a GridKeeper profile."),
    "env": QT_TRANSLATE_NOOP("errors", "The passphrase in GRIDKEEPER_PASSPHRASE is wrong for the profile in {path}."),
    "file": QT_TRANSLATE_NOOP("errors", "The passphrase in the file {file} is wrong for the profile in {path}."),
    "typed": QT_TRANSLATE_NOOP("errors", "The passphrase typed is wrong for the profile in {path}."),
}


class WrongPassphrase(StoreError):
    """The passphrase does not open the profile; `source` says where it came from (the command line)."""

    def __init__(self, source: str = "", path: str = "", file: str = "") -> None:
        self.source = source
        super().__init__(_WRONG[source], path=path, file=file)


class NotEncrypted(StoreError):
    """A passphrase was given for a profile that has none: not called wrong, and nothing is opened."""

    def __init__(self, path: str, source: str = "") -> None:
        if source:
            message = QT_TRANSLATE_NOOP(
                "errors",
                "The profile in {path} is not encrypted, yet a passphrase was given ({source}). Nothing was "
                "opened: leave the passphrase out, or encrypt the profile with “gridkeeper passphrase encrypt”.",
            )
        else:
            message = QT_TRANSLATE_NOOP(
                "errors", "The profile in {path} is not encrypted, yet a passphrase was given. Nothing was opened.")
        super().__init__(message, path=path, source=source)


class NotEncryptedYet(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The profile in {path} is not encrypted: give it a passphrase with “gridkeeper passphrase encrypt”.",
            ),
            path=path,
        )


class AlreadyEncrypted(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The profile in {path} is encrypted already; change its passphrase with "
                "“gridkeeper passphrase change”.",
            ),
            path=path,
        )


class KeyFileDamaged(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The key file {path} is damaged or not GridKeeper's, and the profile cannot be opened without "
                "it. Put back a copy of the file.",
            ),
            path=path,
        )


class KeyDoesNotFit(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The key file and the database in {path} do not belong together: the passphrase is right, but "
                "the key it opens does not open the database.",
            ),
            path=path,
        )


class PassphraseFileUnreadable(StoreError):
    def __init__(self, file: str, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The passphrase file {file} cannot be read: {reason}."),
            file=file, reason=reason,
        )


class PassphraseFileEmpty(StoreError):
    def __init__(self, file: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The passphrase file {file} is empty."), file=file)


class PassphraseTooShort(StoreError):
    def __init__(self, minimum: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "A passphrase needs at least {minimum} characters."), minimum=minimum
        )


class PassphrasesDiffer(StoreError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "The two passphrases typed differ; nothing was changed."))


class ProfileInUse(StoreError):
    """Swapping the database file needs it closed everywhere else."""

    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The profile in {path} is open in another GridKeeper window or command. Close it and try again; "
                "nothing was changed.",
            ),
            path=path,
        )


class BackupFailed(StoreError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "The backup {path} did not pass its check ({reason}), so it was removed. The profile "
                          "itself is unchanged."),
            path=path, reason=reason,
        )


class BackupUnusable(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "{path} cannot be restored: it is damaged, or it was not made with this profile's key. "
                          "Nothing was changed."),
            path=path,
        )


class BackupTooNew(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "{path} was written by a newer version of GridKeeper; install that version to restore "
                          "it. Nothing was changed."),
            path=path,
        )


class NoSuchBackup(StoreError):
    def __init__(self, name: str, folder: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "There is no backup {name} in {folder}; “gridkeeper backup list” lists them."),
            name=name, folder=folder,
        )


class NotAProfile(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "{path} is not a GridKeeper profile database."), path=path
        )


class NoProfile(StoreError):
    """A command that reads a profile met a data folder without one. It says how to make one and makes
    none: an empty profile left behind would hide the mistake (a mistyped --data-dir, say) next time."""

    def __init__(self, path: str, command: str = "gridkeeper") -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "There is no profile in the data folder {path} yet. Make one first: import a household roster "
                "({command} import-roster FILE.xlsx), generate a demo street ({command} demo), or join your "
                "office ({command} office join --folder SHARED_FOLDER --code CODE).",
            ),
            path=path, command=command,
        )


class ProfileNotEmpty(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The profile in {path} already holds data; demo data goes into a new, empty data folder.",
            ),
            path=path,
        )


class DiskFull(StoreError):
    """No room left on the disk: the write was rolled back whole."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "The disk is full: no change was saved. Free some space on the disk, then try again."))


class ProfileUnreadable(StoreError):
    """The profile's file is there but cannot be read right now; it is not called 'not a profile'."""

    def __init__(self, path: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "The profile {path} cannot be read right now (the disk may be full, failing or "
            "disconnected, or the file not readable to you). Nothing was changed; try again once the disk "
            "is working."), path=path)


class ProfileBusy(StoreError):
    """Another connection held the write lock for longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The profile is busy: another GridKeeper window or a sync is writing to it. "
                "Try again in a moment.",
            )
        )


class UnknownCadre(GridKeeperError):
    def __init__(self, name: str, matches: int) -> None:
        if matches == 0:
            super().__init__(QT_TRANSLATE_NOOP("errors", "No cadre is called {name}."), name=name)
        else:
            super().__init__(
                QT_TRANSLATE_NOOP("errors", "{count} cadres are called {name}; this cannot tell them apart."),
                name=name, count=matches,
            )
# -- night walks (gridkeeper/walks.py) -------------------------------------------


class WalkError(GridKeeperError):
    """A night walk or finding that cannot be logged as given."""


class WalkNeedsGrid(WalkError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Choose at least one grid the walk covered."))


class WalkNeedsLeader(WalkError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Enter who led the walk."))


class WalkInFuture(WalkError):
    def __init__(self, day: date) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "The walk date {day} is in the future: log a walk after it happened."),
            day=day.isoformat(),
        )


class BadTime(WalkError):
    def __init__(self, value: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "“{value}” is not a time of day: type it like 19:30 or 1930."),
            value=value,
        )


class WalkEndsBeforeStart(WalkError):
    def __init__(self, start: str, end: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                "The walk ends at {end}, not after it starts at {start}. A walk past midnight must end by 06:00.",
            ),
            start=start,
            end=end,
        )


class FindingNeedsWhat(WalkError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "A finding needs a place or a note: say where or what."))


class UnknownWalk(WalkError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "This night walk is not in the profile (deleted elsewhere?)."))


# -- the four lists (gridkeeper/lists.py) ------------------------------------------


class ListError(GridKeeperError):
    """A list item action that cannot be done as asked.

    Parameters named in `vocab_params` hold English labels of vocabulary
    (kinds and statuses in context "vocab", workflow verbs in "actions"); they
    are translated too. A tuple is a list of labels, joined with " / ".
    """

    vocab_params: dict[str, str] = {}  # parameter -> translation context

    def translated(self, translate: Translate) -> str:
        text = translate(self.context, self.message) or self.message
        params = dict(self.params)
        for name, context in self.vocab_params.items():
            value = params[name]
            if isinstance(value, tuple):
                params[name] = " / ".join(translate(context, v) or v for v in value)
            else:
                params[name] = translate(context, value) or value
        return text.format(**params)

    def english(self) -> str:
        params = {k: " / ".join(v) if isinstance(v, tuple) else v for k, v in self.params.items()}
        return self.message.format(**params)


class IllegalTransition(ListError):
    vocab_params = {"kind": "vocab", "status": "vocab", "action": "actions", "allowed": "actions"}

    def __init__(self, kind: str, status: str, action: str, allowed: tuple[str, ...]) -> None:
        if allowed:
            message = QT_TRANSLATE_NOOP(
                "errors", "This {kind} is {status}, so it cannot be {action}. It can now be: {allowed}.")
        else:
            message = QT_TRANSLATE_NOOP("errors", "This {kind} is {status} and closed, so it cannot be {action}.")
        super().__init__(message, kind=kind, status=status, action=action, allowed=allowed)


class ItemNeedsTitle(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Give the item a title: in a few words, what is it about?"))


class ClaimNeedsClaimant(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Who claims it? Enter the name of the person who takes it on."))


class DoneNeedsResolution(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Say how it was resolved before marking it done."))


class ReasonNeeded(ListError):
    vocab_params = {"action": "actions"}

    def __init__(self, action: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Give a reason: an item is {action} only with one."),
                         action=action)


class VerifyNeedsSatisfaction(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "Record the resident's satisfaction (satisfied, basically satisfied, not satisfied) to verify."))


class EscalationNotUp(ListError):
    vocab_params = {"level": "vocab", "to_level": "vocab"}

    def __init__(self, level: str, to_level: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "It is at {level} level already; it can go up to {to_level}, never down or sideways "
                      "(compound → community → street)."), level=level, to_level=to_level)


class EscalationClosed(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "A closed item is not escalated: reopen it first."))


class LinkNeedsNeed(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "A link joins a need to a service or a project that meets it."))


class FindingSettled(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "errors", "This finding was settled on the spot: there is no problem to hand on."))


class UnknownItem(ListError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "This list item is not in the profile (deleted elsewhere?)."))


class SelfTestFailed(Exception):
    """A self-test check ran and found something wrong (gridkeeper/selftest.py): its message is the line."""
