"""Replays of labelled corpora through the real check path, scored by what a user receives."""

from renewalwatch.replay.run import load_watches, replay
from renewalwatch.replay.score import ReplayReport

__all__ = ["ReplayReport", "load_watches", "replay"]
