"""One renewalwatch per state file: an advisory lock on `<state>.lock` that names its holder."""

from __future__ import annotations

import fcntl
import os
import socket
import time
from pathlib import Path
from types import TracebackType

from renewalwatch.errors import StateAccessError, StateLockedError


class StateLock:
    """`flock` is released by the kernel when the process dies, so a kill -9 leaves no stale lock."""

    def __init__(self, state: Path, purpose: str) -> None:
        self.path = state.with_name(state.name + ".lock")
        self.purpose = purpose
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> None:
        try:
            self._acquire(wait)
        except OSError as e:
            self.release()
            raise StateAccessError(str(self.path), f"cannot create or lock: {e.strerror or e}") from e

    def _acquire(self, wait: float) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
                    os.close(fd)
                    raise StateLockedError(str(self.path), f"in use by {holder}") from None
                time.sleep(0.2)
        self._fd = fd
        os.ftruncate(fd, 0)
        os.pwrite(
            fd, f"renewalwatch {self.purpose} (pid {os.getpid()} on {socket.gethostname()})".encode(), 0
        )

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> StateLock:
        self.acquire()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.release()
