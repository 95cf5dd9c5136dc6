"""Step 4: write the plan's intents in one transaction: all of a cycle, or none of it."""

from __future__ import annotations

import json

from renewalwatch.cycle.records import DESTINATIONS_META, Intents
from renewalwatch.store import Store


def apply(store: Store, intents: Intents) -> None:
    with store.transaction():
        for h in intents.sources:
            store.save_source(h)
        for i in intents.items:
            store.save_item(
                source=i.source, key=i.key, content_hash=i.content_hash, url=i.url, title=i.title,
                published=i.published, seen=intents.cycle.started,
            )  # fmt: skip
        for w in intents.watches:
            store.ensure_watch(w.key, w.show, w.season)
        ids = [store.add_evidence(e) for e in intents.evidence]
        for m in intents.moves:
            store.set_watch_state(m.watch_key, m.after, m.before, ids[m.evidence])
        for o in intents.owed:
            store.enqueue(o.destination, o.label, o.kind, o.title, o.body, intents.cycle.started)
        for key, facts in intents.facts:
            store.save_show_facts(key, facts, intents.cycle.started)
        for key, premiere in intents.premieres:
            store.save_premiere(key, premiere)
        for article in intents.articles:
            store.save_article(article, intents.cycle.started)
        for key, sent in intents.blind:
            store.set_blind_notice(key, sent)
        if intents.destinations is not None:
            store.set_meta(DESTINATIONS_META, json.dumps(sorted(intents.destinations)))
        c = intents.cycle
        store.record_cycle(c.started, c.finished, c.ok, c.failed, c.changes)
