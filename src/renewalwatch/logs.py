"""Logging set-up for the shell (cli, daemon): readable or JSON lines, secrets always masked,
every message on one line without escape sequences."""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from renewalwatch.masking import mask_text
from renewalwatch.untrusted import for_terminal

_FORMATTER = logging.Formatter()


class MaskingFilter(logging.Filter):
    """Masks URLs in every record (message, arguments, traceback and stack), whoever logged it."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        # One record, one line: a feed's text inside a message (a link holding a newline) must
        # not forge a line of its own; tracebacks below keep their lines.
        record.msg = for_terminal(mask_text(record.getMessage(), self.secrets))
        record.args = None
        # Formatters reuse `exc_text` when it is set: formatted and masked here, a traceback that
        # quotes a URL (an exception's message, a local in a frame) never shows its secret.
        if record.exc_info and not record.exc_text:
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text, self.secrets)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info, self.secrets)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info or record.exc_text:
            entry["exception"] = record.exc_text or self.formatException(record.exc_info)  # type: ignore[arg-type]
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)


def setup(level: str = "warning", fmt: str = "plain", secrets: tuple[str, ...] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(MaskingFilter(secrets))
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("httpx", "httpcore", "apscheduler", "apprise"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


def add_secrets(secrets: tuple[str, ...]) -> None:
    for handler in logging.getLogger().handlers:
        for f in handler.filters:
            if isinstance(f, MaskingFilter):
                f.secrets = secrets
