"""General English synonyms for the matcher, as comparison tokens (stems).

The relations come from WordNet 3.0 (``bot.core.lexical``); this module turns a question's
words into the stems of words that mean much the same, so "purchase" finds "bought".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from bot.core.analyzer import PHRASAL_PARTICLES, phrasal_token, verb_lemma
from bot.core.lexical import wordnet as _wordnet
from bot.core.lexical.lemmas import lemma as _lemma
from bot.core.text import lemma_stem, words

#: Bounded: one entry per distinct word asked about.
EXPANSION_CACHE = 8192


@lru_cache(maxsize=EXPANSION_CACHE)
def expansions_of_word(word: str) -> frozenset[str]:
    """Stems of the single-word synonyms and derived forms of one surface word."""
    if not word.isalpha() or len(word) < 3:
        return frozenset()
    lemma = _lemma(word)
    related = set(_wordnet.synonyms(lemma)) | set(_wordnet.related(lemma)) | {lemma}
    out = {lemma_stem(r) for r in related if " " not in r and "-" not in r}
    out = {s for s in out if not s.isdigit()}  # "ace" is "one" to WordNet, but no count of aces
    out |= {_phrasal(r) for r in related if _phrasal(r)}  # "depart" -> "take+off"
    return frozenset(out - {lemma_stem(word)})


@lru_cache(maxsize=EXPANSION_CACHE)
def place_relatives(word: str) -> frozenset[str]:
    """Stems of a place word's single-word synonyms and relatives, short words too: the "UK" a
    question names is the "Britain" of a sentence, "French" its "France", "British" (by way of
    "Great Britain") its "U.K.". Only for words the
    report reads as places: to WordNet, "ER" is erbium and "EV" an electron volt."""
    if not word.isalpha():
        return frozenset()
    lemma = _lemma(word)
    related = set(_wordnet.synonyms(lemma)) | set(_wordnet.related(lemma))
    related |= {s for r in related if " " in r for s in _wordnet.synonyms(r)}  # british -> great britain -> uk
    return frozenset(lemma_stem(r) for r in related if r.isalpha()) - {lemma_stem(word)}


def _phrasal(phrase: str) -> str:
    """The token of a phrasal verb ("take off" -> "take+off"), or "" for other phrases."""
    parts = phrase.split()
    if len(parts) == 2 and parts[0].isalpha() and parts[1] in PHRASAL_PARTICLES:
        return phrasal_token(parts[0], parts[1])
    return ""


@lru_cache(maxsize=EXPANSION_CACHE)
def broader_of_word(word: str) -> frozenset[str]:
    """Stems of the single-word nouns WordNet gives as broader than ``word`` (a few hypernym
    hops, never a very general class): a question's "factory" is a sentence's plant. Set on
    eighteen articles drafted with no edits: on the thirteen blind ones, 2 more right answers
    and 1 fewer decline; the development articles are unchanged."""
    if not word.isalpha() or len(word) < 3:
        return frozenset()
    return frozenset(lemma_stem(b) for b in _wordnet.broader(_lemma(word)) if " " not in b and "-" not in b)


def broader_stems(text: str) -> frozenset[str]:
    """The stems of what WordNet files the words of ``text`` under (see ``broader_of_word``)."""
    return frozenset(b for w in words(text) if w.isalpha() for b in broader_of_word(w))


@lru_cache(maxsize=EXPANSION_CACHE)
def expansions_of_phrasal(verb: str, particle: str) -> frozenset[str]:
    """Stems of the single-word synonyms of a phrasal verb ("get in" -> enter)."""
    related = _wordnet.synonyms(f"{verb} {particle}")
    return frozenset(lemma_stem(r) for r in related if " " not in r and "-" not in r)


def question_expansions(text: str) -> dict[str, frozenset[str]]:
    """For each stem of the question's words, the stems of words related to it: its synonyms and
    derived forms, and the broader nouns WordNet files it under ("factory" -> plant)."""
    out: dict[str, frozenset[str]] = {}
    found = words(text)
    for word in found:
        key = lemma_stem(word)
        out[key] = out.get(key, frozenset()) | expansions_of_word(word) | broader_of_word(word)
    for word, particle in pairwise(found):
        if particle in PHRASAL_PARTICLES and word.isalpha():
            verb = verb_lemma(word)
            out[phrasal_token(verb, particle)] = expansions_of_phrasal(verb, particle)
    return out


def phrases_of(word: str) -> list[str]:
    """The multiword synonyms of ``word`` ("ceo" -> "chief executive officer")."""
    if not word.isalpha():
        return []
    return [p for p in _wordnet.synonyms(_lemma(word)) if " " in p]


def question_phrases(text: str, analyse: Callable[[str], tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """For each of the question's word stems, its multiword synonyms as analysed tokens in order."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for word in words(text):
        found = tuple(p for p in (analyse(phrase) for phrase in phrases_of(word)) if len(p) >= 2)
        if found:
            out[lemma_stem(word)] = found
    return out


def related_phrases(lemma: str) -> frozenset[str]:
    """The multiword relatives of a lemma ("republican" -> "republican party")."""
    return frozenset(p for p in _wordnet.related(lemma) | _wordnet.synonyms(lemma) if " " in p)


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def name_of_kind(text: str, head: str, skip: str = "") -> str | None:
    """The first capitalised word of ``text`` whose WordNet relatives say it is a ``head``
    ("Republican", of "Republican Party", for "party"), other than the words in ``skip``."""
    for word in _NAME_WORD.findall(text):
        if word.lower() not in skip and any(head in p.split() for p in related_phrases(word.lower())):
            return word
    return None
