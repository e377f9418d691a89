"""What the Sync page's jobs do on the worker thread: sync, create or join an office, invite, revoke.

No Qt here: each function takes the profile and the shared folder (or a server's address, a str
beginning https://: sync/remote.py), does the
work (the share may hang, Argon2id takes a moment), and returns plain objects
the page turns into words on the UI thread. Every one ends with the office as
the profile now knows it (`OfficeView`), so the page shows members and
buttons from what the job left, without reading the profile itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError
from gridkeeper.places import households
from gridkeeper.store import Store
from gridkeeper.sync import engine, office, remote
from gridkeeper.sync.engine import SyncResult
from gridkeeper.sync.folder import ShareOffline
from gridkeeper.sync.office import Invite, Member


@dataclass(frozen=True)
class OfficeView:
    """This laptop's office as its profile last verified it (no share access)."""

    office: str | None = None  # None: in no office yet
    me: str = ""
    admin: bool = False
    members: dict[str, Member] = field(default_factory=dict)
    folder: Path | None = None  # the share it was created or joined on
    server: str = ""  # or the server's address, when the office is on a GridKeeper server

    @property
    def name(self) -> str:
        """The office's name, as its founder gave it (may be empty)."""
        for member in self.members.values():
            if member.about.get("office"):
                return member.about["office"]
        return ""

    @property
    def revoked(self) -> bool:
        me = self.members.get(self.me)
        return me is not None and me.revoked_after is not None


def office_view(store: Store) -> OfficeView:
    office_id = office.office_id(store)
    if not office_id:
        return OfficeView(me=store.device_id)
    pinned = remote.server_of(store)
    return OfficeView(office_id, store.device_id, office.is_admin(store), office.members(store),
                      None if pinned else office.folder(store), pinned.url if pinned else "")


Where = Path | str  # a shared folder, or a server's address

CREATE_ON_SERVER = QT_TRANSLATE_NOOP(
    "errors", "An office on a GridKeeper server is created on the server itself (gridkeeper server office "
    "create), which gives the first admin laptop its enrolment code. Join with that code here.")


def is_server(where: Where) -> bool:
    return isinstance(where, str)


def where(text: str) -> Where:
    """What was typed in the Sync page's one field: a server's address (https://...) or a folder."""
    return text if text.lower().startswith(("https://", "http://")) else Path(text)


@dataclass
class Outcome:
    """What a job found. result None: the folder was not there and the engine was not asked."""

    result: SyncResult | None
    view: OfficeView = field(default_factory=OfficeView)
    action: str = "sync"  # sync, create, join
    taken_in: int = 0  # create: changes taken in from an old unencrypted dataset on the share
    not_taken: int = 0  # create: its batches that could not be read


def _reachable(root: Path) -> bool:
    try:
        return root.is_dir()
    except OSError:
        return False


def _sync(store: Store, root: Where, progress: Any) -> SyncResult:
    result = remote.sync_server(store, root, progress) if isinstance(root, str) else engine.sync_folder(
        store, root, progress)
    if result.status == "ok":
        progress(90, "search index")
        households.update_search_index(store)  # search is right meanwhile, only slower
    return result


def run_sync(store: Store, root: Where, progress: Any) -> Outcome:
    """Look for the folder first (a missing share is not worth a sync), then sync."""
    if not is_server(root) and not _reachable(root):  # type: ignore[arg-type]
        return Outcome(None, office_view(store))
    result = _sync(store, root, progress)
    return Outcome(result, office_view(store))


def run_create(store: Store, root: Where, name: str, progress: Any) -> Outcome:
    """Make the office on the folder (this laptop its admin), then a first sync to put its data there."""
    if isinstance(root, str):
        raise GridKeeperError(CREATE_ON_SERVER)
    if not _reachable(root):
        raise ShareOffline(root)  # never make the folder: a mistyped path would become a local folder
    progress(2, "create")
    created = office.create(store, root, name.strip())
    result = _sync(store, root, progress)
    return Outcome(result, office_view(store), "create", created.taken_in, len(created.not_taken))


def run_join(store: Store, root: Where, code: str, progress: Any) -> Outcome:
    """Open the invitation the code names, ask to be admitted, and receive the office's data."""
    progress(2, "join")
    if isinstance(root, str):
        remote.join(store, root, code)
        return Outcome(_sync(store, root, progress), office_view(store), "join")
    if not _reachable(root):
        raise ShareOffline(root)
    office.join(store, root, code)
    result = _sync(store, root, progress)
    return Outcome(result, office_view(store), "join")


def run_invite(store: Store, root: Where) -> tuple[Invite, OfficeView]:
    if remote.server_of(store):
        return remote.invite(store), office_view(store)
    if isinstance(root, str) or not _reachable(root):
        raise ShareOffline(root)
    made = office.invite(store, root)
    return made, office_view(store)


def run_revoke(store: Store, root: Where, device: str) -> OfficeView:
    if remote.server_of(store):  # as the CLI does: the membership as the server holds it, then publish
        result = remote.sync_server(store)
        if result.status != "ok":
            raise getattr(result, "error", None) or GridKeeperError(remote.OFFLINE, url=str(root))
        office.revoke(store, remote.staging(store), device)
        remote.publish(store)
        return office_view(store)
    if isinstance(root, str) or not _reachable(root):
        raise ShareOffline(root)
    office.revoke(store, root, device)
    return office_view(store)
