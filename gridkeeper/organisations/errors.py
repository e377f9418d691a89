"""What the organisations area refuses, in words a cadre can act on (context "errors")."""

from __future__ import annotations

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError

__all__ = ["QT_TRANSLATE_NOOP", "OrgError", "refuse"]


class OrgError(GridKeeperError):
    """Bad input for a committee, company, inspection, survey or activity: nothing was written."""


def refuse(message: str, **params: object) -> OrgError:
    return OrgError(message, **params)
