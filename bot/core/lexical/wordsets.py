"""Large word lists kept where Python's garbage collector never walks them.

A ``frozenset`` is tracked by the collector whatever it holds, so every collection of the
young generations after a 60,000-word list is read walks all of it: measured on this
machine, one such collection in the middle of a question took 4.8 ms, more than the rest
of the answer. A ``dict`` whose keys and values are all strings (or ``None``) is never
tracked, and answers ``word in words`` just as fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

#: A read-only set of words: ask ``word in words``.
WordSet = Mapping[str, None]


def word_set(words: Iterable[str]) -> WordSet:
    """``words`` as a set the garbage collector does not track."""
    return dict.fromkeys(words)
