"""A page nested thousands of levels deep (a hostile article link, a `page` source) is read in
work proportional to its size: asking each tag whether it was removed, or each paragraph for
its parents, cost the square of the depth (5,000 levels took 24 s of CPU in one check, 20,000
over a minute). Counted in Python function calls, never timed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

from renewalwatch.sources.page import parse_page

DEPTH = 2_000


def _calls(work: Callable[[], Any]) -> tuple[int, Any]:
    count = 0

    def tally(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(tally)
    try:
        result = work()
    finally:
        sys.setprofile(None)
    return count, result


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("<div class='x'>", "</div>"),  # deep wrappers around the text
        ("<div><p>Harbor Lights renewed.</p>", "</div>"),  # a paragraph at every level
        ("<blockquote>", "</blockquote>"),  # blocks inside blocks
    ],
    ids=["divs", "paragraph-per-level", "blockquotes"],
)
def test_a_deeply_nested_page_costs_work_in_proportion_to_its_size(opening: str, closing: str) -> None:
    page = (
        "<html><body><article><h1>Northwind renews Harbor Lights for a third season</h1>"
        + opening * DEPTH
        + "Northwind has renewed Harbor Lights for a third season."
        + closing * DEPTH
        + "</article></body></html>"
    )
    calls, docs = _calls(lambda: parse_page(page, "http://127.0.0.1:9/a", "Wire"))
    assert "Harbor Lights" in docs[0].text
    assert calls < 200 * DEPTH, f"{calls} calls for {DEPTH} levels"
