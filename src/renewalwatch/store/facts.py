"""`ShowFacts` to and from the JSON the state file keeps them in."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from renewalwatch.models import Season, ShowFacts


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def facts_to_json(f: ShowFacts) -> str:
    seasons = [
        {
            "number": s.number,
            "premiere": s.premiere.isoformat() if s.premiere else None,
            "end": s.end.isoformat() if s.end else None,
            "episodes": s.episodes,
        }
        for s in f.seasons
    ]
    return json.dumps(
        {
            "seasons": seasons,
            "latest_ordered": f.latest_ordered,
            "ended": f.ended,
            "network": f.network,
            "tvmaze_id": f.tvmaze_id,
        },
        sort_keys=True,
    )


def facts_from_json(text: str) -> ShowFacts:
    data = json.loads(text)
    return ShowFacts(
        seasons=tuple(
            Season(
                number=s["number"],
                premiere=_day(s.get("premiere")),
                end=_day(s.get("end")),
                episodes=s.get("episodes"),
            )
            for s in data.get("seasons", [])
        ),
        latest_ordered=data.get("latest_ordered"),
        ended=bool(data.get("ended")),
        network=data.get("network"),
        tvmaze_id=data.get("tvmaze_id"),
    )
