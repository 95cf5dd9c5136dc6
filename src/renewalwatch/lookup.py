"""Look a show up on TVmaze for `renewalwatch add`: which show a name means, its network and seasons.

TVmaze allows about 20 calls per 10 seconds per address and answers 429 beyond that; a 429 is
waited out (its Retry-After, capped) and retried a few times before giving up.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from renewalwatch.autosources import tvmaze_candidates_url, tvmaze_show_url
from renewalwatch.errors import RetryLater
from renewalwatch.fetch import Fetcher, NotFound, Validators
from renewalwatch.models import Season
from renewalwatch.sources import tvmaze

logger = logging.getLogger(__name__)

RETRIES = 3
MAX_WAIT = 10.0  # seconds: a longer Retry-After is not worth holding a command line for
DEFAULT_WAIT = 2.0


@dataclass(frozen=True, slots=True)
class Found:
    show: tvmaze.Show
    seasons: tuple[Season, ...]
    others: tuple[tvmaze.Show, ...] = ()  # other shows with the same name, for the user to see
    exact: bool = True  # the name (or the id) matched; else only TVmaze's closest guess

    def show_season(self, number: int) -> Season | None:
        return next((s for s in self.seasons if s.number == number), None)

    @property
    def next_season(self) -> int:
        """The season after the latest one TVmaze lists (1 for a show with none yet)."""
        return max((s.number for s in self.seasons), default=0) + 1


async def _get(fetcher: Fetcher, url: str) -> bytes:
    for attempt in range(RETRIES + 1):
        try:
            return (await fetcher.fetch(url, Validators())).body
        except RetryLater as e:
            if attempt == RETRIES:
                raise
            wait = min(MAX_WAIT, e.retry_after if e.retry_after is not None else DEFAULT_WAIT * 2**attempt)
            logger.info("tvmaze asked to wait url=%s seconds=%g", url, wait)
            await asyncio.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


async def find(
    fetcher: Fetcher, base: str, name: str, *, network: str | None = None, tvmaze_id: int | None = None
) -> Found | None:
    """The show `name` (on `network`) or `tvmaze_id` means, with its seasons; None when TVmaze
    knows no such show. A network or protocol failure is a FetchError for the caller to report."""
    others: tuple[tvmaze.Show, ...] = ()
    exact = True
    if tvmaze_id is None:
        url = tvmaze_candidates_url(base, name)
        best, others = tvmaze.pick(tvmaze.parse_candidates(await _get(fetcher, url), url), name, network)
        if best is None:
            return None
        tvmaze_id, exact = best.id, tvmaze.same_name(best.name, name)
    url = tvmaze_show_url(base, tvmaze_id)
    try:
        found = tvmaze.parse_lookup(await _get(fetcher, url), url)
    except NotFound:
        return None
    return Found(found.show, found.seasons, others, exact)


__all__ = ["Found", "find"]
