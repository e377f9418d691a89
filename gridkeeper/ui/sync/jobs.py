"""What the Sync page's jobs do on the worker thread: sync, create or join an office, invite, revoke.

No Qt here: each function takes the profile and the shared folder, does the
work (the share may hang, Argon2id takes a moment), and returns plain objects
the page turns into words on the UI thread. Every one ends with the office as
the profile now knows it (`OfficeView`), so the page shows members and
buttons from what the job left, without reading the profile itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridkeeper.places import households
from gridkeeper.store import Store
from gridkeeper.sync import engine, office
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
    return OfficeView(office_id, store.device_id, office.is_admin(store), office.members(store), office.folder(store))


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


def _sync(store: Store, root: Path, progress: Any) -> SyncResult:
    result = engine.sync_folder(store, root, progress)
    if result.status == "ok":
        progress(90, "search index")
        households.update_search_index(store)  # search is right meanwhile, only slower
    return result


def run_sync(store: Store, root: Path, progress: Any) -> Outcome:
    """Look for the folder first (a missing share is not worth a sync), then sync."""
    if not _reachable(root):
        return Outcome(None, office_view(store))
    result = _sync(store, root, progress)
    return Outcome(result, office_view(store))


def run_create(store: Store, root: Path, name: str, progress: Any) -> Outcome:
    """Make the office on the folder (this laptop its admin), then a first sync to put its data there."""
    if not _reachable(root):
        raise ShareOffline(root)  # never make the folder: a mistyped path would become a local folder
    progress(2, "create")
    created = office.create(store, root, name.strip())
    result = _sync(store, root, progress)
    return Outcome(result, office_view(store), "create", created.taken_in, len(created.not_taken))


def run_join(store: Store, root: Path, code: str, progress: Any) -> Outcome:
    """Open the invitation the code names, ask to be admitted, and receive the office's data."""
    if not _reachable(root):
        raise ShareOffline(root)
    progress(2, "join")
    office.join(store, root, code)
    result = _sync(store, root, progress)
    return Outcome(result, office_view(store), "join")


def run_invite(store: Store, root: Path) -> tuple[Invite, OfficeView]:
    if not _reachable(root):
        raise ShareOffline(root)
    made = office.invite(store, root)
    return made, office_view(store)


def run_revoke(store: Store, root: Path, device: str) -> OfficeView:
    if not _reachable(root):
        raise ShareOffline(root)
    office.revoke(store, root, device)
    return office_view(store)
