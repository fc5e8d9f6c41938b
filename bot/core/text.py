"""Turning text into the tokens the matcher compares.

Questions and the fact base go through the same steps, so they meet on common ground:
Unicode and quote normalisation, case folding, possessives and contractions, number words to
digits, British to American spelling, then Snowball stemming (PyStemmer). Synonyms and typo repair happen
one level up (``matcher.Vocabulary``), because they depend on the fact base.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers in C

from bot.core.lexical.morphy import spelled_initials
from bot.core.lexicon import NUMBER_WORDS, STOPWORDS

_STEMMER = Stemmer.Stemmer("english")

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
# Zero-width and direction marks, soft hyphens and other format characters.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Latin letters Unicode does not write as a letter and a mark ("ø" is not "o" + a mark).
_UNMARKED = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
_BRITISH = (
    (re.compile(r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing)?$"), r"or\1"),
)


def clean(text: str, *, fold: bool = True) -> str:
    """Unicode-normalise ``text``: NFKC, straight quotes, no invisible marks, and (``fold``) lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text).translate(_QUOTES)
    return text.casefold() if fold else text


_POSSESSIVE = re.compile(r"(\w)'s\b")
_PLURAL_POSSESSIVE = re.compile(r"(\w)s'(?=\W|$)")
_NOT = re.compile(r"n't\b")
_CONTRACTION = re.compile(r"'(re|ve|ll|d|m)\b")


#: Initials written with stops ("U.S.", "U.K.") or in capitals ("US"): one word, not letters.
_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}|\b[A-Z]{2,4}\b")


@lru_cache(maxsize=1024)
def _initials_word(initials: str) -> str:
    """ "U.S." -> "usa", "U.K." -> "uk": the letters joined; when they spell a stop word ("us")
    and WordNet knows them as initials, its longer spelling ("USA"), so they still count."""
    joined = initials.replace(".", "").lower()
    if joined not in STOPWORDS:
        return joined if "." in initials else initials
    return spelled_initials(joined) or initials  # "IN", "IT": not initials WordNet knows


def fold_accents(text: str) -> str:
    """Latin letters without their accents ("Dvořáková" -> "dvorakova", "Søren" -> "soren"), so a
    name typed without them meets the article's; other scripts (Hangul) are left whole."""
    if text.isascii():
        return text
    bare = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare).translate(_UNMARKED)


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    if "." in text or text[1:] != text[1:].lower():  # stops or capitals: maybe initials
        text = _INITIALS.sub(lambda m: _initials_word(m.group(0)), text)
    text = fold_accents(clean(text))
    if "'" in text:
        text = _POSSESSIVE.sub(r"\1", text)
        text = _PLURAL_POSSESSIVE.sub(r"\1s", text)
        text = _NOT.sub(" not", text)
        text = _CONTRACTION.sub("", text)
        text = text.replace("'", "")
    return tuple(_WORD.findall(text))


#: A word as it stands in a sentence, apostrophes and hyphens inside it.
WRITTEN_WORD = re.compile(r"[\w’'-]+")


def written_at(text: str, keep: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Where the words of ``text`` that ``keep`` accepts stand (start, end): where a sentence
    writes the question's words or its verb."""
    return [m.span() for m in WRITTEN_WORD.finditer(text) if keep(m.group(0))]


def words(text: str) -> list[str]:
    """Lower-case surface words of ``text``, with possessives and contractions resolved.

    Hyphenated words stay whole here (``jean-luc``, ``22-year-old``); ``split_compound`` parts them.
    """
    return list(_words(text))


def split_compound(word: str) -> list[str]:
    """``jean-luc`` -> ``[jean, luc]``; ``22-year-old`` -> ``[22, year, old]``."""
    return [part for part in word.split("-") if part]


def americanise(word: str) -> str:
    """British to American spelling ("organise" -> "organize", "labour" -> "labor")."""
    if "is" not in word and "our" not in word:
        return word  # neither rule can apply: most words, read at every start-up
    for pattern, repl in _BRITISH:
        new = pattern.sub(repl, word)
        if new != word:
            return new
    return word


#: Words the stemmer would merge with unrelated ones ("department" -> "depart").
STEM_OVERRIDES = {
    "department": "department",
    "departments": "department",
    "responsible": "responsible",
    "responsibility": "responsibility",
    "responsibilities": "responsibility",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The comparison form of one surface word (number words become digits)."""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    if word.isdigit():
        return word
    return _STEMMER.stemWord(americanise(word))


@lru_cache(maxsize=65536)
def lemma_stem(word: str) -> str:
    """The stem of a word's lemma: irregular forms meet their verb ("won" ~ "winning")."""
    from bot.core.lexical.lemmas import lemma  # the WordNet data loads on first use

    if not word.isalpha() or word in NUMBER_WORDS:
        return stem(word)
    return stem(lemma(word))


def latin_letter_share(text: str) -> float:
    """Share of the letters in ``text`` that are Latin (ASCII or accented); 1.0 with no letters."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return latin / len(letters)
