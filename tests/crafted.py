"""Distinct questions without end, for the tests and the benchmark of the core's bounded caches."""

from __future__ import annotations


def crafted(n: int) -> str:
    """The n-th of many distinct questions: a name never seen (letters only, so that it reads
    as a name), owned things and a number, so that every cache sees new texts."""
    letters, k = "", n + 26 * 26
    while k:
        k, r = divmod(k, 26)
        letters += chr(97 + r)
    name = "Zor" + letters
    return f"What did the minister of {name} say about {name}'s task force and {n * 7919} kidnappings?"
