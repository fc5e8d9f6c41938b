"""Which of several reports a question is about.

With several reports and no ``--report``, a question is asked of the reports that hold the most
of its words, each word weighted by how few reports hold it: a word every report uses ("said",
"taken") tells them apart less than one only a single report uses ("contract"). Reports tied
at the top are all asked, and the best of their verdicts answers. A report that holds less of the
question is not asked: its answer would come from words the question shares with it only by
chance, which is how one report answered another's question with a sentence about something else.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol, TypeVar

from bot.core.lexicon import STOPWORDS
from bot.core.text import stem, words

#: A question word this long is also held by a report that writes it as the start of a longer
#: word ("storm" in "stormwater", "cyber" in "cyberattack"); shorter ones start too many words.
#: With the four development reports in one folder, this gave one more right citation and no
#: wrong one (a question's word reached the report that writes it only inside a compound).
PREFIX_MIN_LETTERS = 5

#: Shares this close count as tied (floating-point sums of the same weights).
TIED = 1e-9


class Routable(Protocol):
    @property
    def report_stems(self) -> frozenset[str]: ...

    @property
    def sorted_stems(self) -> tuple[str, ...]: ...


R = TypeVar("R", bound=Routable)


def holds(report: Routable, word_stem: str) -> bool:
    """True when the report uses the stem, or starts a longer word with it."""
    if word_stem in report.report_stems:
        return True
    if len(word_stem) < PREFIX_MIN_LETTERS:
        return False
    stems = report.sorted_stems
    at = bisect_left(stems, word_stem)
    return at < len(stems) and stems[at].startswith(word_stem)


def shares(text: str, scope: Sequence[Routable]) -> list[float]:
    """For each report, the share of the question's words it holds, weighted by rarity among
    the reports (an inverse document frequency over reports); all 0.0 when none holds any."""
    asked = {stem(w) for w in words(text) if w not in STOPWORDS}
    held = {s: [holds(report, s) for report in scope] for s in asked}
    weight = {s: math.log(1 + len(scope) / sum(hits)) for s, hits in held.items() if any(hits)}
    total = sum(weight.values())
    if not total:
        return [0.0] * len(scope)
    return [sum(w for s, w in weight.items() if held[s][i]) / total for i in range(len(scope))]


def route(text: str, scope: Sequence[R]) -> list[R]:
    """The reports a question is about: those holding the most of its words (every report
    when it shares no word with any)."""
    if len(scope) < 2:
        return list(scope)
    found = shares(text, scope)
    best = max(found)
    if not best:
        return list(scope)
    return [report for report, share in zip(scope, found, strict=True) if share >= best - TIED]
