"""WordNet's morphy: base forms from the exception lists and suffix rules of WordNet 3.0.

The data (``bot/core/data/wordnet-morphy.tsv.gz``, built by ``scripts/build_morphy.py``; licence
``bot/core/data/wordnet.LICENSE``) holds the exception lists (went -> go, children -> child,
bigger -> big) and the single-word lemmas of each part of speech, against which the suffix rules'
candidates are checked (shootings -> shooting, indicted -> indict).
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from bot.core.lexical.frequency import zipf
from bot.core.lexical.wordsets import WordSet, word_set

POS = ("n", "v", "a", "r")

# WordNet's detachment rules (morph.c), per part of speech: (suffix, replacement)
_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
          ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"),
          ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}  # fmt: skip


@cache
def _data() -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, WordSet]]:
    raw = resources.files("bot.core").joinpath("data", "wordnet-morphy.tsv.gz").read_bytes()
    exc: dict[str, dict[str, list[str]]] = {p: {} for p in POS}
    lemmas: dict[str, WordSet] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        kind, _, rest_ = line.partition("\t")
        if kind in ("x", "l", "p", "i"):
            pos, *rest = rest_.split("\t")
        if kind == "x":
            exc[pos].setdefault(rest[0], []).append(rest[1])
        elif kind == "l":
            lemmas[pos] = word_set(rest[0].split(" "))  # ~57,000 nouns: see wordsets
        elif kind == "p":
            lemmas["phrasal"] = word_set(rest[0].split(" "))
        elif kind == "i":
            lemmas["initials"] = word_set(rest[0].split(" "))
    return {p: {k: tuple(v) for k, v in d.items()} for p, d in exc.items()}, lemmas


def is_phrasal_verb(verb: str, particle: str) -> bool:
    """Whether WordNet has the phrasal verb ``verb particle`` ("get in", "lift off")."""
    return f"{verb}_{particle}" in _data()[1].get("phrasal", {})


def spelled_initials(letters: str) -> str | None:
    """The word WordNet spells initials with when their letters are a word too: "us" (for
    "U.S.") -> "usa"; None for other letters."""
    prefix = f"{letters}:"
    return next((e[len(prefix) :] for e in _data()[1].get("initials", ()) if e.startswith(prefix)), None)


def is_lemma(word: str, pos: str | None = None) -> bool:
    """Whether ``word`` is a WordNet lemma (of part of speech ``pos``, or of any)."""
    lemmas = _data()[1]
    return any(word in lemmas[p] for p in ((pos,) if pos else POS))


def morphy(word: str, pos: str) -> list[str]:
    """Every base form WordNet's morphy finds for ``word`` as part of speech ``pos`` (n, v, a, r).

    Its exceptions first (found -> find, men -> man), then the word itself when it is a lemma,
    then the rules' candidates that are lemmas.
    """
    exc, lemmas = _data()
    known = lemmas[pos]
    out: list[str] = list(exc[pos].get(word, ()))
    if word in known and word not in out:
        out.append(word)
    for suffix, repl in _RULES[pos]:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: -len(suffix)] + repl
            if base in known and base not in out:
                out.append(base)
    return out


def base_form(word: str, pos: str | None = None) -> str:
    """One base form of lower-case ``word``: morphy's first for ``pos``, or a guess across them.

    Without a part of speech: an -ing noun whose plural is common English stays
    (kidnapping, shooting, meeting, as their plurals lemmatise to them; but dying -> die), then an exception wins, a verb's first (went, led, found, was, children,
    mice, bigger), then the word itself when it is a lemma (news, police, kidnapping, repatriation;
    but an -ed adjective goes to its verb: charged -> charge), then the suffix rules, the verb's
    first for -ed and -ing, the noun's first otherwise.
    """
    if pos:
        found = morphy(word, pos)
        return found[0] if found else word
    exc, lemmas = _data()
    if word.endswith("ing") and word in lemmas["n"] and zipf(word + "s") > 0:
        return word  # a countable -ing noun (shootings is common English) stays: shooting
    for p in ("v", "n", "a", "r"):
        if word in exc[p]:
            return exc[p][word][0]
    ed = word.endswith("ed")
    if ed and word not in lemmas["n"] and word not in lemmas["v"]:
        found = morphy(word, "v")
        if found:
            return found[0]
    if word.endswith("est") and word in lemmas["a"] and word not in lemmas["n"]:
        found = [b for b in morphy(word, "a") if b != word]
        if found:
            return found[0]  # a superlative that is a lemma too: lowest -> low, highest -> high
    if any(word in lemmas[p] for p in POS):
        return word
    if ed or word.endswith("ing"):
        found = morphy(word, "v")
        if found:
            return found[0]
    # otherwise the most frequent English word among the candidates: does -> do, not doe
    candidates = [c for p in ("n", "v", "a") for c in morphy(word, p)]
    return max(candidates, key=zipf) if candidates else word
