"""A host's published rate limit is kept: no more than N requests start in any window."""

from __future__ import annotations

import asyncio

from renewalwatch.fetch import HttpFetcher, Validators
from tests.servers import LOCALHOST, Site

JSON = "application/json"


def test_requests_to_a_rate_limited_host_are_spread_out(site: Site) -> None:
    for i in range(6):
        site.serve(f"/shows/{i}", b"{}", JSON)
    host = f"{LOCALHOST}:{site.port}"

    async def run() -> None:
        async with HttpFetcher(per_host=6, host_rates={host: (2, 0.5)}) as fetcher:
            await asyncio.gather(*(fetcher.fetch(site.url(f"/shows/{i}"), Validators()) for i in range(6)))

    asyncio.run(run())
    starts = sorted(h.at for h in site.hits())
    assert len(starts) == 6
    # any three consecutive requests span at least the window (less a little arrival jitter)
    assert all(starts[i + 2] - starts[i] >= 0.45 for i in range(4)), starts


def test_other_hosts_are_not_held_back(site: Site) -> None:
    for i in range(4):
        site.serve(f"/feed/{i}", b"<rss/>")

    async def run() -> None:
        async with HttpFetcher(per_host=4, host_rates={"api.tvmaze.com": (1, 60.0)}) as fetcher:
            await asyncio.gather(*(fetcher.fetch(site.url(f"/feed/{i}"), Validators()) for i in range(4)))

    asyncio.run(asyncio.wait_for(run(), 10))
    assert len(site.hits()) == 4
