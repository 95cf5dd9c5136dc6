"""The state file: SQLite, WAL, versioned schema, one transaction per unit of work."""

from renewalwatch.store.lock import StateLock
from renewalwatch.store.sqlite import OutboxRow, SourceHealth, Store

__all__ = ["OutboxRow", "SourceHealth", "StateLock", "Store"]
