"""How autocomplete ranks the questions it offers against the words typed so far.

Each word typed is looked for in every way of asking a fact: the last one, still being typed, as
the start of a word; another ending or a typo counts less, little words less still. The fact's
first question is preferred, and more so when it starts with the words typed.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.core.lexicon import STOPWORDS
from bot.core.text import stem

#: A way of asking a fact as autocomplete compares it: its words, their stems, the set of words.
Form = tuple[tuple[str, ...], tuple[str, ...], set[str]]
#: An offered question (as shown) and the forms of all the ways of asking its fact.
Offered = tuple[str, list[Form]]
#: A word typed: the word, its stem, its weight, whether it is the word still being typed.
Typed = tuple[str, str, float, bool]
#: How much a typed word counts when a form holds it only as a typo or another ending.
COMPLETE_NEAR = 0.8
#: The weight of a little word typed (a stop word), against 1 for a content word.
COMPLETE_LITTLE = 0.3
#: Points (of 100) added when the fact's first question starts with the words typed, in order.
COMPLETE_IN_ORDER = 10.0
#: Points taken from a match on another way of asking than the fact's first question.
COMPLETE_OTHER_FORM = 3.0
#: The score (of 100) a question needs to be offered.
COMPLETE_ENOUGH = 70.0
#: ``fuzz.ratio`` a typed word's stem needs with a form's stem to count as a typo of it (words
#: over 3 letters), and the word still being typed with the start of a form's word (over 4).
TYPO_CUTOFF = 75
PARTIAL_TYPO_CUTOFF = 80


def typed_words(typed: list[str], *, partial: bool) -> list[Typed]:
    """The words typed, weighed: little words count less when content words are typed too."""
    content = [w for w in typed if w not in STOPWORDS] or typed
    return [
        (w, stem(w), 1.0 if w in content else COMPLETE_LITTLE, partial and i == len(typed) - 1)
        for i, w in enumerate(typed)
    ]


def completion_score(typed: list[str], asked: list[Typed], forms: list[Form]) -> float:
    """How well an offered question fits the words typed: its best way of asking, the first
    preferred, and more when it starts with the words typed."""
    n = len(typed)
    first = forms[0][0]
    starts = len(first) >= n and first[: n - 1] == tuple(typed[:-1]) and first[n - 1].startswith(typed[-1])
    return max(
        [_closeness(asked, *forms[0]) + COMPLETE_IN_ORDER * starts]
        + [_closeness(asked, *f) - COMPLETE_OTHER_FORM for f in forms[1:]]
    )


def _closeness(asked: list[Typed], form: tuple[str, ...], stems: tuple[str, ...], bag: set[str]) -> float:
    """The weighted share (of 100) of the typed words that one way of asking holds."""
    score = 0.0
    for w, w_stem, weight, last in asked:
        if w in bag or w_stem in stems or (last and any(x.startswith(w) for x in form)):
            score += weight
        elif _near(w, w_stem, last, form, stems):
            score += COMPLETE_NEAR * weight
    return 100.0 * score / sum(a[2] for a in asked)


def _near(word: str, word_stem: str, last: bool, form: tuple[str, ...], stems: tuple[str, ...]) -> bool:
    """Whether a way of asking holds the typed word as a typo or another ending, or (the word
    still being typed) the start of one of its words as a typo."""
    if len(word) > 3 and process.extractOne(word_stem, stems, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF):
        return True
    if not (last and len(word) > 4):
        return False
    starts = [x[: len(word)] for x in form]
    return process.extractOne(word, starts, scorer=fuzz.ratio, score_cutoff=PARTIAL_TYPO_CUTOFF) is not None
