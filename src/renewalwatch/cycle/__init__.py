"""The check cycle, in four steps, after lemon24/reader's update path:

1. `snapshot.take`  reads everything the cycle needs from the store, once: each source's
   health and HTTP validators, the seen items of the sources being checked, each watch's
   status and blind-notice flag.
2. `gather.gather`  fetches the chosen sources concurrently (I/O only; a source due for
   backoff is skipped) and reads each changed body on one reader thread: its kind
   (`sources.KINDS`) turns bytes into documents, new documents are classified into evidence.
3. `plan.plan`      is pure: snapshot + fetched + config + clock → `Intents` (health moves,
   new items, evidence, status moves, notifications owed per destination, the cycle record).
4. `apply.apply`    writes the intents in one transaction.
Then `outbox.deliver_owed` sends what is owed. `run.run_once` wires the four steps.
"""

from renewalwatch.cycle.gather import FetcherFactory, http_fetcher_factory
from renewalwatch.cycle.records import SourceReport
from renewalwatch.cycle.run import CycleReport, run_once

__all__ = ["CycleReport", "FetcherFactory", "SourceReport", "http_fetcher_factory", "run_once"]
