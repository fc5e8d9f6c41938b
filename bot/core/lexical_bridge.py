"""General English synonyms for the matcher, as comparison tokens (stems).

The relations come from WordNet 3.0 (``bot.core.lexical``); this module turns a question's
words into the stems of words that mean much the same, so "purchase" finds "bought".
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.text import stem, words

from bot.core.lexical import wordnet as _wordnet

try:
    from bot.core.lexical.lemmas import lemma as _lemma
except ImportError:  # pragma: no cover

    def _lemma(word: str, pos_hint: str | None = None) -> str:
        for cut, add in (("", ""), ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
            if word.endswith(cut) and _wordnet.known(base := word[: len(word) - len(cut)] + add):
                return base
        return word

#: Bounded: one entry per distinct word asked about.
EXPANSION_CACHE = 8192


@lru_cache(maxsize=EXPANSION_CACHE)
def expansions_of_word(word: str) -> frozenset[str]:
    """Stems of the single-word synonyms and derived forms of one surface word."""
    if not word.isalpha() or len(word) < 3:
        return frozenset()
    lemma = _lemma(word)
    related = set(_wordnet.synonyms(lemma)) | set(_wordnet.related(lemma)) | {lemma}
    out = {stem(r) for r in related if " " not in r and "-" not in r}
    return frozenset(out - {stem(word)})


def question_expansions(text: str) -> dict[str, frozenset[str]]:
    """For each stem of the question's words, the stems of words related to it."""
    out: dict[str, frozenset[str]] = {}
    for word in words(text):
        key = stem(word)
        out[key] = out.get(key, frozenset()) | expansions_of_word(word)
    return out
