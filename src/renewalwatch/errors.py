"""The exception tree. Every error renewalwatch raises on purpose derives from one root.

RenewalwatchError
├── ConfigError        a config file, key or value is wrong (path, key)
├── FetchError         a source could not be fetched (url); chained from the httpx error
│   └── RetryLater     the server asked us to come back later (429/503 with Retry-After)
├── ParseError         fetched bytes are not what the source's kind expects (url)
├── StoreError         the state file cannot be used (path)
│   ├── StateLockedError   another renewalwatch holds the state file
│   └── StateAccessError   the file or its folder cannot be read or written (permissions, a
│                          read-only or full disk): nothing is wrong with its content
├── NotifyError        a notification could not be handed to a destination (masked url)
├── ServeError         the web page cannot listen on the address asked for (address)
└── CorpusError        a labelled corpus case is malformed (path)
"""

from __future__ import annotations


class RenewalwatchError(Exception):
    """Root of renewalwatch's own errors; `str(err)` is a one-line message for the user."""


class ConfigError(RenewalwatchError):
    def __init__(self, path: str, key: str, message: str) -> None:
        self.path = path
        self.key = key
        self.message = message
        where = f"{path}: {key}" if key else path
        super().__init__(f"{where}: {message}")


class FetchError(RenewalwatchError):
    def __init__(self, url: str, message: str) -> None:
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")


class RetryLater(FetchError):
    """The server answered 429 or 503; `retry_after` is in seconds (None when not given)."""

    def __init__(self, url: str, message: str, retry_after: float | None) -> None:
        super().__init__(url, message)
        self.retry_after = retry_after


class ParseError(RenewalwatchError):
    def __init__(self, url: str, message: str) -> None:
        self.url = url
        self.message = message
        super().__init__(f"{url}: {message}")


class StoreError(RenewalwatchError):
    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class StateLockedError(StoreError):
    """Another process holds the state file's lock."""


class StateAccessError(StoreError):
    """The state file or its folder cannot be read or written; its content may be fine."""


class ServeError(RenewalwatchError):
    def __init__(self, address: str, message: str) -> None:
        self.address = address
        self.message = message
        super().__init__(f"--http {address}: {message}")


class NotifyError(RenewalwatchError):
    def __init__(self, destination: str, message: str) -> None:
        self.destination = destination
        self.message = message
        super().__init__(f"{destination}: {message}")


class CorpusError(RenewalwatchError):
    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")
