"""Small helpers shared by the Korean modules."""

from __future__ import annotations


def wordlist(text: str) -> tuple[str, ...]:
    """The space-separated words of ``text`` (lists of Korean forms are easier to read this way)."""
    return tuple(text.split())
