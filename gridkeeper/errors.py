"""Known errors: things a user can act on, as opposed to bugs.

Messages are English source strings in the translation context "errors". The
no-op marker below lets pyside6-lupdate extract them without this module
importing Qt; the UI and the CLI translate them with `translated()`.
"""

from __future__ import annotations

from typing import Any, Callable

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate looks for this name)
    return text


class GridKeeperError(Exception):
    """An error with a message fit for the user, in their language once translated."""

    context = "errors"

    def __init__(self, message: str, **params: Any) -> None:
        self.message = message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        return self.message.format(**self.params)

    def translated(self, translate: Translate) -> str:
        text = translate(self.context, self.message) or self.message
        return text.format(**self.params)


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


class WrongPassphrase(StoreError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors", "The passphrase is wrong, or the file is not a GridKeeper profile."
            )
        )


class NotAProfile(StoreError):
    def __init__(self, path: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("errors", "{path} is not a GridKeeper profile database."), path=path
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


class UnknownCadre(GridKeeperError):
    def __init__(self, name: str, matches: int) -> None:
        if matches == 0:
            super().__init__(QT_TRANSLATE_NOOP("errors", "No cadre is called {name}."), name=name)
        else:
            super().__init__(
                QT_TRANSLATE_NOOP("errors", "{count} cadres are called {name}; this cannot tell them apart."),
                name=name, count=matches,
            )
