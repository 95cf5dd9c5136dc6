"""Hide the secrets in URLs (notification destinations and sources alike) before they reach a
log line, the console or the state. One function, `mask_url`, for every URL.

Web URLs (http, https) keep their path and public query readable: only the userinfo password,
query parameters whose names say secret, and the path tokens of known services are hidden.
Notification URLs (Apprise's `discord://`, `tgram://`, `mailto://` ...) carry their secrets in
any part, so there every token-like part is hidden too.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MASK = "****"
_TOKENISH = re.compile(r"^(?=.*\d)[\w.~-]{8,}$|^[\w.~-]{20,}$")
_URL_IN_TEXT = re.compile(r"\b[a-z][a-z0-9+.-]{1,15}://[^\s'\"<>]+", re.IGNORECASE)
_WEB = frozenset({"http", "https"})
# A URL carried in another URL's path (a fetch proxy, a web archive: `/fetch/https://u:pw@host/`).
_URL_IN_PATH = re.compile(r"[a-z][a-z0-9+.-]{1,15}://", re.IGNORECASE)

# A query parameter is secret when a word of its name is one of these (api_key, apiKey,
# X-Amz-Signature, client_secret ...), or starts with one of the prefixes (password, tokens).
_SECRET_WORDS = frozenset(
    {"key", "apikey", "pw", "pwd", "pass", "passwd", "code", "sig", "hmac", "jwt", "otp", "pin"}
)
_SECRET_PREFIXES = ("pass", "token", "secret", "auth", "signature", "cred", "session", "apikey", "private")
_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

# Known services that put their secret in a web URL's path: (host pattern, path pattern whose
# groups are secret).
_PATH_TOKENS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"(^|\.)discord(app)?\.com$"), re.compile(r"^/api/webhooks/([^/]+)/([^/?]+)")),
    (re.compile(r"^hooks\.slack\.com$"), re.compile(r"^/(?:services|workflows|triggers)/(.+)$")),
    (re.compile(r"^api\.telegram\.org$"), re.compile(r"^/(?:file/)?bot([^/]+)")),
    (re.compile(r"^maker\.ifttt\.com$"), re.compile(r"/with/key/([^/?]+)")),
    (re.compile(r"\.webhook\.office\.com$"), re.compile(r"^/webhookb2/(.+)$")),
    (re.compile(r"^hooks\.zapier\.com$"), re.compile(r"^/hooks/catch/(.+)$")),
    (re.compile(r"^(ntfy\.sh|api\.pushover\.net|gotify\.[^/]+)$"), re.compile(r"[?&]token=([^&]+)")),
)


def _mask_token(value: str) -> str:
    return value[:2] + MASK if _TOKENISH.match(value) else value


def is_secret_name(name: str) -> bool:
    """`api_key`, `apiKey`, `pw`, `X-Amz-Signature`, `access_token` yes; `keywords`, `page` no."""
    words = [w.lower() for w in _WORD.findall(name)]
    whole = re.sub(r"[^a-z0-9]", "", name.lower())
    return (
        whole in _SECRET_WORDS
        or whole.startswith(_SECRET_PREFIXES)
        or any(w in _SECRET_WORDS or w.startswith(_SECRET_PREFIXES) for w in words)
    )


def _mask_value(key: str, value: str, web: bool) -> str:
    """A query value is hidden when its name says secret, or (outside the web) looks like a token."""
    if not value:
        return value
    if is_secret_name(key):
        return MASK
    return value if web else _mask_token(value)


def _mask_known_path(host: str, path: str) -> str:
    for host_rule, path_rule in _PATH_TOKENS:
        if host_rule.search(host) and (m := path_rule.search(path)):
            for i in range(len(m.groups()), 0, -1):  # from the end: earlier offsets stay valid
                if m.group(i):
                    path = path[: m.start(i)] + MASK + path[m.end(i) :]
            return path
    return path


def mask_url(url: str) -> str:
    """`mailto://me:hunter2@example.com` -> `mailto://me:****@example.com`; long tokens cut."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.split(":", 1)[0] + "://" + MASK
    if not parts.scheme or "://" not in url:
        return url
    web = parts.scheme.lower() in _WEB
    userinfo, _, hostport = parts.netloc.rpartition("@")
    if userinfo:
        user, _, password = userinfo.partition(":")
        userinfo = (user if web else _mask_token(user)) + (f":{MASK}" if password else "") + "@"
    host, colon, port = hostport.partition(":")
    port = port if port.isdigit() else MASK if port else ""
    if web:
        path = _mask_known_path(host.lower(), parts.path)
        if inner := _URL_IN_PATH.search(path):
            path = path[: inner.start()] + mask_url(path[inner.start() :])
    else:
        host = host if "." in host else _mask_token(host)
        path = "/".join(_mask_token(seg) for seg in parts.path.split("/"))
    query = "&".join(
        f"{k}={_mask_value(k, v, web)}" if "=" in pair else (pair if web else _mask_token(pair))
        for pair in parts.query.split("&")
        if pair
        for k, _, v in [pair.partition("=")]
    )
    masked = f"{parts.scheme}://{userinfo}{host}{colon}{port}{path}"
    return masked + (f"?{query}" if query else "")


def mask_opaque(url: str) -> str:
    """A URL nothing could parse as a service (an unloadable notify URL): only its scheme and a
    host with a dot are shown, since any other part might be a short secret."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return MASK
    host = re.split(r"[/?#]", rest.rpartition("@")[2], maxsplit=1)[0]
    return f"{scheme}://" + (f"{host}/{MASK}" if "." in host else MASK)


def secret_parts(url: str) -> tuple[str, ...]:
    """The parts of `url` that its mask hides (so a message quoting one alone can hide it too)."""
    masked = mask_url(url)
    return tuple(
        part
        for part in re.split(r"[/:@?&=#+]+", url.split("://", 1)[-1])
        if len(part) >= 3 and part not in masked
    )


def mask_text(text: str, secrets: tuple[str, ...] = ()) -> str:
    """Mask every URL in free text, and any known secret string."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, mask_url(secret))
            # A service may quote one part alone ("invalid token (abc123...)"): hide those too.
            for part in secret_parts(secret):
                if len(part) >= 6:
                    text = text.replace(part, part[:2] + MASK)
    return _URL_IN_TEXT.sub(lambda m: mask_url(m.group(0)), text)
