"""Names and loanwords by sound: romanised keys of a Hangul word and a fuzzy match to English names.

A Korean person's name (김지나) is surname + given name; its English spelling usually follows an
older convention for the surname (Kim, Lee, Park) and a hyphenated, loosely romanised given name
(Ji-na). A Western name or loanword (클레어 보몬트) is a transcription that adds vowels (ㅡ "eu")
between consonants. ``name_keys`` writes the spellings an English text is likely to use, and
``sound_key`` reduces any Latin spelling to its consonant skeleton (c/k/g alike, l/r alike, vowels
dropped), so "keulleeo bomonteu" and "Claire Beaumont" meet on "kl pmnt".
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

from bot.core.korean.romanize import is_syllable, romanize

#: Spelling habits of English texts for romanised Korean, applied to a given name.
_GIVEN_VARIANTS: tuple[tuple[str, str], ...] = (
    ("eo", "u"),
    ("eo", "o"),
    ("eu", "u"),
    ("yeo", "yo"),
    ("oe", "oi"),
    ("ae", "e"),
    ("u", "oo"),
    ("i", "ee"),
    ("g", "k"),
    ("d", "t"),
    ("b", "p"),
    ("j", "ch"),
    ("r", "l"),
    ("l", "r"),
)

_LETTERS = re.compile(r"[^a-z]+")


@cache
def surnames() -> dict[str, tuple[str, ...]]:
    """Hangul surname → its usual English spellings, lower case (``data/ko-surnames.tsv``)."""
    table: dict[str, tuple[str, ...]] = {}
    text = resources.files("bot.core").joinpath("data/ko-surnames.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            hangul, spellings = line.split("\t")
            table[hangul] = tuple(spellings.split("|"))
    return table


def fold(text: str) -> str:
    """Lower-case letters only: "Kim Ji-na" → "kimjina" (the processor for fuzzy comparison)."""
    return _LETTERS.sub("", text.lower())


_SKELETON_STEPS: tuple[tuple[str, str], ...] = (
    ("ch", "j"),
    ("sh", "s"),
    ("th", "t"),
    ("ph", "p"),
    ("ck", "k"),
    ("x", "ks"),
)
_SKELETON_MAP = str.maketrans("cgqkzjsfvbpdtlrmn", "kkkkjjsppppttllmn", "aeiouyhw")


def sound_key(text: str) -> str:
    """Consonant skeleton of a Latin spelling: classes k/j/s/p/t/l/m/n, vowels and h/w/y dropped."""
    word = fold(text)
    for old, new in _SKELETON_STEPS:
        word = word.replace(old, new)
    word = word.translate(_SKELETON_MAP)
    return re.sub(r"(.)\1+", r"\1", word)


def _given_variants(given: str) -> list[str]:
    out = [given]
    for old, new in _GIVEN_VARIANTS:
        if old in given:
            out.append(given.replace(old, new))
    return out


def _syllables(word: str) -> list[str]:
    return [romanize(c) for c in word]


def name_keys(hangul: str) -> list[str]:
    """Romanised spellings of a Hangul name or loanword, lower case, most likely first.

    >>> name_keys("김지나")[:3]
    ['gimjina', 'gim jina', 'kim jina']
    """
    words = [w for w in hangul.split() if w]
    keys: list[str] = [romanize(" ".join(words)).replace(" ", "")]
    if len(words) == 1 and 2 <= len(words[0]) <= 4 and all(is_syllable(c) for c in words[0]):
        word = words[0]
        table = surnames()
        for cut in (2, 1):  # two-syllable surnames first (남궁, 황보)
            surname, given = word[:cut], word[cut:]
            if surname in table and len(given) >= 1 and (cut == 1 or len(word) >= 3):
                given_rr = romanize(given)
                keys.append(f"{romanize(surname)} {given_rr}")
                hyphenated = "-".join(_syllables(given))
                for spelling in table[surname]:
                    keys.append(f"{spelling} {given_rr}")
                    if hyphenated != given_rr:
                        keys.append(f"{spelling} {hyphenated}")
                for variant in _given_variants(given_rr)[1:]:
                    keys.append(f"{table[surname][0]} {variant}")
                break
    if True:  # a loanword or a Western name, and a Korean name read as one too
        spaced = romanize(" ".join(words))
        keys.append(spaced)
        # Transcriptions add ㅡ (eu) between consonants: "keulleeo" ~ "klleeo".
        keys.append(re.sub(r"eu(?=[^aeiou]|$)", "", spaced))
        keys.append(spaced.replace("eo", "u").replace("eu", "u"))
    seen: dict[str, None] = {}
    for key in keys:
        seen.setdefault(key, None)
    return list(seen)


def _score(keys: list[str], name: str) -> float:
    spelling = process.extractOne(name, keys, scorer=fuzz.ratio, processor=fold)
    spelling_score = spelling[1] if spelling else 0.0
    skeleton_name = sound_key(name)
    skeleton_keys = [sound_key(k) for k in keys]
    sound = process.extractOne(skeleton_name, skeleton_keys, scorer=fuzz.ratio, processor=None)
    sound_score = sound[1] if sound else 0.0
    # A skeleton of one or two consonants says little: lean on the spelling then.
    weight = 0.5 if min(len(skeleton_name), len(skeleton_keys[0])) >= 3 else 0.25
    return (1 - weight) * spelling_score + weight * sound_score


def best_name_match(
    hangul_word: str, english_names: list[str], *, cutoff: float = 60.0
) -> tuple[str, float] | None:
    """The English name that ``hangul_word`` most likely transcribes, with a 0–100 score.

    Scores blend rapidfuzz ``fuzz.ratio`` over letters only (processor ``fold``) between the
    name and each of ``name_keys`` with the same ratio between consonant skeletons
    (``sound_key``). ``None`` when nothing reaches ``cutoff``.
    """
    if not english_names:
        return None
    keys = name_keys(hangul_word)
    best: tuple[str, float] | None = None
    for name in english_names:
        score = _score(keys, name)
        if best is None or score > best[1]:
            best = (name, score)
    if best is None or best[1] < cutoff:
        return None
    return best[0], round(best[1], 1)
