"""The local store: one SQLite (or SQLCipher) database per profile.

`open_store()` is the way in; it applies migrations (after a backup) and gives
a `Store` whose `write()` transaction is the single write path for synced data.
"""

from gridkeeper.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
