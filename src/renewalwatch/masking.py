"""Hide the secrets in notification URLs before they reach a log line, the console or the state."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_TOKENISH = re.compile(r"^(?=.*\d)[\w.~-]{8,}$|^[\w.~-]{20,}$")
_URL_IN_TEXT = re.compile(r"\b[a-z][a-z0-9+.-]{1,15}://[^\s'\"<>]+", re.IGNORECASE)


def _mask_token(value: str) -> str:
    return value[:2] + "****" if _TOKENISH.match(value) else value


_SECRET_KEYS = re.compile(r"pass|pwd|token|secret|key|auth|sig|cred|session|code", re.IGNORECASE)


def _mask_value(key: str, value: str) -> str:
    """A query value is hidden when its name says secret, or it looks like a token."""
    if not value:
        return value
    return "****" if _SECRET_KEYS.search(key) else _mask_token(value)


def mask_url(url: str) -> str:
    """`mailto://me:hunter2@example.com` -> `mailto://me:****@example.com`; long tokens cut."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split(":", 1)[0] + "://****"
    if not parts.scheme:
        return url
    netloc = parts.netloc
    userinfo, _, hostport = netloc.rpartition("@")
    if userinfo:
        user, _, password = userinfo.partition(":")
        userinfo = _mask_token(user) + (":****" if password else "") + "@"
    host, colon, port = hostport.partition(":")
    host = (
        (host if "." in host else _mask_token(host))
        + colon
        + (port if port.isdigit() else "****" if port else "")
    )
    path = "/".join(_mask_token(seg) for seg in parts.path.split("/"))
    query = "&".join(
        f"{k}={_mask_value(k, v)}" if "=" in pair else _mask_token(pair)
        for pair in parts.query.split("&")
        if pair
        for k, _, v in [pair.partition("=")]
    )
    masked = f"{parts.scheme}://{userinfo}{host}{path}"
    return masked + (f"?{query}" if query else "")


def mask_text(text: str, secrets: tuple[str, ...] = ()) -> str:
    """Mask every URL in free text, and any known secret string."""
    for secret in secrets:
        if secret:
            masked = mask_url(secret)
            text = text.replace(secret, masked)
            # A service may quote one part alone ("invalid token (abc123...)"): hide those too.
            for part in re.split(r"[/:@?&=#+]+", secret.split("://", 1)[-1]):
                if len(part) >= 6 and part not in masked:
                    text = text.replace(part, part[:2] + "****")
    return _URL_IN_TEXT.sub(lambda m: mask_url(m.group(0)), text)
