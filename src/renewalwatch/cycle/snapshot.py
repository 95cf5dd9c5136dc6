"""Step 1: read everything the cycle needs from the store, once, before any fetch."""

from __future__ import annotations

import json
from collections.abc import Sequence

from renewalwatch.cycle.plan import MAX_ARTICLE_ATTEMPTS
from renewalwatch.cycle.records import DESTINATIONS_META, Snapshot
from renewalwatch.models import Source
from renewalwatch.store import Store


def take(store: Store, sources: Sequence[Source]) -> Snapshot:
    """Every source's health, the seen items of the `sources` being checked, every watch's status
    and blind-notice flag. Fetch tasks read this, never the store."""
    watches = store.watch_states()
    return Snapshot(
        sources={h.name: h for h in store.sources()},
        seen=store.item_hashes(s.name for s in sources),
        watches=watches,
        # the claims a lone new one may be corroborated by
        recent={key: tuple(store.evidence(key)) for key in watches},
        blind=store.blind_notices(),
        facts=store.show_facts(),
        premieres=store.premieres(),
        destinations=_destinations(store.meta(DESTINATIONS_META)),
        pending_articles=tuple(store.pending_articles(MAX_ARTICLE_ATTEMPTS)),
        article_keys=store.article_keys(),
    )


def _destinations(stored: str | None) -> frozenset[str] | None:
    return None if stored is None else frozenset(json.loads(stored))
