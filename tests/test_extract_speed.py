"""The shortcuts taken in digest/extract.py for speed give what the slow, plain code gives."""

from __future__ import annotations

from dataclasses import fields, replace

from digest.extract import _action_with
from digest.models import Action


def test_action_with_is_dataclasses_replace() -> None:
    action = Action("Anil Madhavapeddy", "write the post", 12, "Anil", "owner-verb", "Anil will …")
    assert all(getattr(action, f.name) != f.default for f in fields(Action))  # every field set
    assert _action_with(action, context="said") == replace(action, context="said")
    assert _action_with(action, task="post it") == replace(action, task="post it")
    assert _action_with(action, "post it", "said") == replace(action, task="post it",
                                                               context="said")
