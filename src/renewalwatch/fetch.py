"""Polite HTTP: conditional GET, timeouts, a streamed size limit, per-host limits, Retry-After.

Every failure is a `FetchError` (or `RetryLater`, `Gone`) naming the URL, chained from httpx.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import hashlib
import ssl
import time
import zlib
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Protocol
from urllib.parse import urlsplit

import httpx

from renewalwatch import __version__
from renewalwatch.config import DEFAULT_SETTINGS
from renewalwatch.errors import FetchError, RetryLater
from renewalwatch.transport import pooled_transport

USER_AGENT = f"renewalwatch/{__version__} (+https://pypi.org/project/renewalwatch/; polite TV-news watcher)"


class Gone(FetchError):
    """410 Gone: the source is disabled until its config changes."""


class NotFound(FetchError):
    """404: for an API (TVmaze), an answer ("no such show"), not an outage."""


@dataclass(frozen=True, slots=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # after redirects
    not_modified: bool
    body: bytes
    validators: Validators
    body_hash: str | None
    status: int
    bytes_read: int
    charset: str | None = None  # the Content-Type header's charset parameter


class Fetcher(Protocol):
    async def fetch(self, url: str, validators: Validators) -> FetchResult: ...


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), None for anything else.
    Servers send garbage too: nothing here raises."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)  # a huge number is inf or 1e20 here; the caller caps it by backoff_cap
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return max(0.0, (when - now).total_seconds())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # garbage: fall back to our own backoff


def _describe(e: httpx.HTTPError, timeout: float, max_redirects: int) -> str:
    if isinstance(e, httpx.TimeoutException):
        return f"timed out after {timeout:g}s ({type(e).__name__})"
    if isinstance(e, httpx.TooManyRedirects):
        return f"too many redirects (more than {max_redirects}; a redirect loop?)"
    if isinstance(e, httpx.ConnectError):
        return f"could not connect: {str(e) or 'connection failed'}"
    if isinstance(e, httpx.RemoteProtocolError):
        return f"the server broke the connection: {e}"
    if isinstance(e, httpx.ReadError | httpx.WriteError):  # a reset says nothing more
        return f"the connection broke mid-response: {str(e) or 'reset by the server'}"
    if isinstance(e, httpx.UnsupportedProtocol):  # sources are http(s): a redirect led away
        return f"redirected to a URL that is not http(s): {e}"
    if isinstance(e, httpx.DecodingError):
        return f"could not decode the response body: {e}"
    return f"{type(e).__name__}: {e}"


async def _refuse_bad_port(request: httpx.Request) -> None:
    """httpx follows a redirect to port 99999 and the socket layer then raises OverflowError
    inside a task group: refused here, before the connection, as the InvalidURL it is."""
    port = request.url.port
    if port is not None and not 0 < port < 65536:
        raise httpx.InvalidURL(f"port {port} is out of range")


@functools.lru_cache(maxsize=1)
def _ssl_context() -> ssl.SSLContext:
    """Loading the CA bundle costs ~14 ms; the daemon builds a client per job, so build it once."""
    return httpx.create_ssl_context()


class _Window:
    """At most `calls` requests started in any `seconds` to one host: an API's published limit
    (TVmaze: about 20 calls per 10 seconds per address), kept rather than answered with 429s."""

    def __init__(self, calls: int, seconds: float) -> None:
        self.calls = calls
        self.seconds = seconds
        self._starts: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            while self._starts and now - self._starts[0] >= self.seconds:
                self._starts.popleft()
            if len(self._starts) >= self.calls:
                await asyncio.sleep(self.seconds - (now - self._starts[0]))
                self._starts.popleft()
            self._starts.append(time.monotonic())


class HttpFetcher:
    """One pooled client for a cycle; `async with HttpFetcher(...) as f:` closes it."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_SETTINGS.timeout,
        max_bytes: int = DEFAULT_SETTINGS.max_bytes,
        max_redirects: int = DEFAULT_SETTINGS.max_redirects,
        concurrency: int = DEFAULT_SETTINGS.concurrency,
        per_host: int = DEFAULT_SETTINGS.per_host,
        user_agent: str = DEFAULT_SETTINGS.user_agent,
        transport: httpx.AsyncBaseTransport | None = None,
        host_rates: Mapping[str, tuple[int, float]] | None = None,  # host -> (calls, seconds)
    ) -> None:
        self.timeout = timeout
        self._windows = {host.lower(): _Window(*rate) for host, rate in (host_rates or {}).items()}
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._overall = asyncio.Semaphore(concurrency)
        self._per_host_limit = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        ssl_context = _ssl_context()
        self._client = httpx.AsyncClient(
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent or USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            limits=limits,
            transport=transport or pooled_transport(ssl_context=ssl_context, limits=limits),
            event_hooks={"request": [_refuse_bad_port]},
            verify=ssl_context,
            trust_env=False,
        )

    async def __aenter__(self) -> HttpFetcher:
        return self

    async def __aexit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self._per_host_limit)
        return self._hosts[host]

    async def fetch(self, url: str, validators: Validators) -> FetchResult:
        try:  # a feed item's link is fetched too, and a hostile feed's link may not even parse
            _ = urlsplit(url).port, httpx.URL(url)
        except (ValueError, httpx.InvalidURL) as e:
            raise FetchError(url, f"not a usable URL: {e}") from e
        headers = {}
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        # Host first: a request queued behind a busy (or rate-limited) host must not hold one of
        # the overall slots.
        async with self._host(url):
            window = self._windows.get(urlsplit(url).netloc.lower())
            if window is not None:
                await window.wait()
            async with self._overall:
                return await self._timed(url, headers, validators)

    async def _timed(self, url: str, headers: dict[str, str], validators: Validators) -> FetchResult:
        try:
            # The whole exchange, slow trickles included, must finish within the timeout.
            async with asyncio.timeout(self.timeout):
                return await self._get(url, headers, validators)
        except TimeoutError as e:
            raise FetchError(url, f"timed out after {self.timeout:g}s") from e
        except httpx.HTTPError as e:
            raise FetchError(url, _describe(e, self.timeout, self.max_redirects)) from e
        except httpx.InvalidURL as e:  # not an HTTPError: a Location such as `javascript:...`
            raise FetchError(url, f"redirected to a URL that cannot be followed: {e}") from e

    async def _get(self, url: str, headers: dict[str, str], validators: Validators) -> FetchResult:
        async with self._client.stream("GET", url, headers=headers) as response:
            final = str(response.url)
            if response.status_code == 304:
                await response.aread()  # an empty body, read so the connection goes back to the pool
                return FetchResult(final, True, b"", validators, None, 304, 0)
            if response.status_code in (429, 503):
                wait = parse_retry_after(response.headers.get("Retry-After"), datetime.now(UTC))
                hint = f", retry after {wait:g}s" if wait is not None else ""
                raise RetryLater(url, f"HTTP {response.status_code} {response.reason_phrase}{hint}", wait)
            if response.status_code == 410:
                raise Gone(
                    url, "HTTP 410 Gone: the source was removed; it is disabled until its config changes"
                )
            if response.status_code == 404:
                raise NotFound(url, "HTTP 404 Not Found")
            if response.status_code >= 400:
                raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(
                    url, f"body too large: {int(declared)} bytes declared, limit {self.max_bytes}"
                )
            chunks: list[bytes] = []
            size = 0
            decoder = _decoder(url, response.headers.get("Content-Encoding", ""))
            async for raw in response.aiter_raw():
                # Decoded here, never more than the limit (+1) per chunk: httpx would inflate
                # a whole chunk at once, 64 KB of gzip bomb into 64 MB.
                chunk = decoder.decode(raw, self.max_bytes - size + 1) if decoder else raw
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(url, f"body too large: over the {self.max_bytes}-byte limit")
                chunks.append(chunk)
            if decoder:
                decoder.finish()
            body = b"".join(chunks)
            return FetchResult(
                final,
                False,
                body,
                Validators(response.headers.get("ETag"), response.headers.get("Last-Modified")),
                hashlib.blake2b(body, digest_size=16).hexdigest(),
                response.status_code,
                size,
                response.charset_encoding,
            )


def fetch_once(url: str) -> FetchResult:
    """One GET with `check`'s default limits (timeout, size, redirects), for `classify URL`."""

    async def get() -> FetchResult:
        async with HttpFetcher() as fetcher:
            return await fetcher.fetch(url, Validators())

    return asyncio.run(get())


class _Inflater:
    """gzip or deflate (zlib-wrapped or raw), inflated at most `limit` bytes at a time."""

    def __init__(self, url: str, encoding: str) -> None:
        self.url = url
        self.encoding = encoding
        self._first = True
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected

    def decode(self, data: bytes, limit: int) -> bytes:
        first, self._first = self._first, False
        try:
            return self._z.decompress(data, limit)
        except zlib.error as e:
            if self.encoding == "deflate" and first:
                # Some servers send raw deflate for "deflate"; httpx accepts it too.
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.decode(data, limit)
            raise FetchError(self.url, f"could not decode the {self.encoding} body: {e}") from e

    def finish(self) -> None:
        if not self._z.eof:
            raise FetchError(self.url, f"the {self.encoding} body ended early (truncated)")


def _decoder(url: str, content_encoding: str) -> _Inflater | None:
    encoding = content_encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return _Inflater(url, encoding)
    raise FetchError(url, f"unsupported Content-Encoding {content_encoding!r} (not gzip or deflate)")
