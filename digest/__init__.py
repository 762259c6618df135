"""digest: meeting notes in, a digest email and an Atom feed out."""

from __future__ import annotations

__version__ = "0.1.0"
