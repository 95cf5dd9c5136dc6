"""TVmaze's API as a local fixture site serves it: search, singlesearch and shows with seasons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.servers import Site

TVMAZE = Path(__file__).parent / "fixtures" / "tvmaze"
JSON = "application/json; charset=UTF-8"


def load(name: str) -> Any:
    return json.loads((TVMAZE / name).read_text(encoding="utf-8"))


def with_seasons(show: str, seasons: str) -> bytes:
    data = load(show)
    data["_embedded"] = {"seasons": load(seasons)}
    return json.dumps(data).encode()


def serve_show(site: Site, show: str, seasons: str, *, by_name: str | None = None) -> None:
    """The show at /shows/:id?embed=seasons (and /singlesearch/shows?q=NAME&embed=seasons)."""
    body = with_seasons(show, seasons)
    site.serve(f"/shows/{load(show)['id']}?embed=seasons", body, JSON)
    name = by_name or load(show)["name"]
    site.serve(f"/singlesearch/shows?q={quote(name)}&embed=seasons", body, JSON)


def serve_search(site: Site, name: str, results: list[dict[str, Any]]) -> None:
    site.serve(f"/search/shows?q={quote(name)}", json.dumps(results).encode(), JSON)


def search_result(show: str, score: float = 0.9) -> dict[str, Any]:
    return {"score": score, "show": load(show)}
