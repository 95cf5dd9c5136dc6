"""Editing the config file: comments and layout kept, only the one watch changed."""

from __future__ import annotations

import re
import tomllib

import pytest

from renewalwatch.configfile import WatchEntry, add_watch, new_file, remove_watch
from renewalwatch.errors import ConfigError

COMMENTED = """\
# My renewalwatch setup. Do not lose this line.
[settings]
state = "state.db"   # beside this file

[notify]
urls = []  # console for now

# Shows I care about
[[watch]]
show = "Ballard"   # Prime Video
season = 2
exclude = ["Ballard Power"]
# a note inside the Ballard table

# The trade feeds
[[source]]
name = "Deadline TV"
url = "https://deadline.com/v/tv/feed/"   # verified by hand
"""


def comments(text: str) -> list[str]:
    return [m.group(0).strip() for m in re.finditer(r"#[^\n]*", text)]


def test_add_keeps_every_comment_and_puts_the_watch_with_the_others() -> None:
    entry = WatchEntry("The Bear", 5, network="FX", tvmaze_id=90210, note="The Bear on FX (TVmaze #90210)")
    result = add_watch(COMMENTED, entry, "cfg")
    assert set(comments(COMMENTED)) <= set(comments(result))
    data = tomllib.loads(result)
    assert [w["show"] for w in data["watch"]] == ["Ballard", "The Bear"]
    assert data["watch"][1] == {"show": "The Bear", "season": 5, "network": "FX", "tvmaze_id": 90210}
    # the comment that introduces the sources still sits right above them
    assert "# The trade feeds\n[[source]]" in result
    assert result.index('show = "The Bear"') < result.index("# The trade feeds")


def test_adding_the_same_watch_twice_is_refused() -> None:
    with pytest.raises(ConfigError, match="already watched"):
        add_watch(COMMENTED, WatchEntry("ballard", 2), "cfg")


def test_remove_takes_out_only_that_watch() -> None:
    added = add_watch(COMMENTED, WatchEntry("The Bear", 5, note="for later"), "cfg")
    result, gone = remove_watch(added, "the bear", None, "cfg")
    assert [(g.show, g.season) for g in gone] == [("The Bear", 5)]
    assert tomllib.loads(result)["watch"] == tomllib.loads(COMMENTED)["watch"]
    assert set(comments(COMMENTED)) == set(comments(result))
    assert "# The trade feeds\n[[source]]" in result


def test_remove_the_first_watch_keeps_the_comments_around_it() -> None:
    added = add_watch(COMMENTED, WatchEntry("The Bear", 5), "cfg")
    result, _ = remove_watch(added, "Ballard", 2, "cfg")
    assert [w["show"] for w in tomllib.loads(result)["watch"]] == ["The Bear"]
    kept = set(comments(result))
    assert {"# Shows I care about", "# The trade feeds", "# verified by hand"} <= kept


def test_remove_needs_a_match_and_leaves_one_watch() -> None:
    with pytest.raises(ConfigError, match="no watch for Ballard season 3"):
        remove_watch(COMMENTED, "Ballard", 3, "cfg")
    with pytest.raises(ConfigError, match="needs one"):
        remove_watch(COMMENTED, "Ballard", None, "cfg")


def test_a_new_file_explains_its_keys() -> None:
    text = new_file(WatchEntry("The Bear", 5, network="FX", tvmaze_id=90210))
    data = tomllib.loads(text)
    assert data["watch"] == [{"show": "The Bear", "season": 5, "network": "FX", "tvmaze_id": 90210}]
    assert "# the season whose renewal or cancellation" in text and "auto_sources" in text
