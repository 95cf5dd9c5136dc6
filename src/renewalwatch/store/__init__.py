"""The state file: SQLite, WAL, versioned schema, one transaction per unit of work."""

from renewalwatch.store.lock import StateLock
from renewalwatch.store.protocol import Store
from renewalwatch.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "StateLock", "Store"]
