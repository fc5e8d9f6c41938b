"""Names and loanwords by sound: romanised keys of a Hangul word and a fuzzy match to English names.

A Korean person's name (박서연) is surname + given name; its English spelling usually follows an
older convention for the surname (Park, Choe, Ro) and a hyphenated, loosely romanised given name
(Seo-yeon). A Western name or loanword (마리 뒤퐁) is a transcription that adds vowels (ㅡ "eu")
between consonants. ``name_keys`` writes the spellings an English text is likely to use, and
``sound_key`` reduces any Latin spelling to its consonant skeleton (c/k/g alike, l/r alike, vowels
dropped), so "mari dwipong" and "Marie Dupont" meet on "mr tpnt".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
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
    """Lower-case letters only: "Park Seo-yeon" → "parkseoyeon" (the processor for fuzzy comparison)."""
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
#: An English r after a vowel and before a consonant or the end (Mark, Clare, Oscar): a
#: Korean transcription does not write it (마크, 클레어, 오스카). Revised Romanization writes r
#: only before a vowel, so the rule never touches a romanised key.
_POSTVOCALIC_R = re.compile(r"(?<=[aeiouy])r+(?=[^aeiouy]|e?$)")
#: How a Korean ear simplifies English spellings, for ``loan_key``: (spelling, its sound).
_EAR_STEPS: tuple[tuple[str, str], ...] = (
    ("ph", "p"), ("th", "t"), ("ck", "k"), ("sh", "s"), ("ch", "j"), ("f", "p"), ("v", "b"), ("c", "k"),
    ("q", "k"), ("x", "ks"), ("z", "j"), ("g", "k"), ("d", "t"), ("b", "p"), ("r", "l"), ("eo", "o"),
    ("ou", "u"), ("ee", "i"), ("ea", "i"), ("oo", "u"), ("ae", "e"), ("y", "i"), ("w", "u"),
)  # fmt: skip


def sound_key(text: str) -> str:
    """Consonant skeleton of a Latin spelling: classes k/j/s/p/t/l/m/n, vowels and h/w/y dropped
    (and an r after a vowel, which Korean transcriptions leave out)."""
    word = _POSTVOCALIC_R.sub("", fold(text))
    for old, new in _SKELETON_STEPS:
        word = word.replace(old, new)
    word = word.translate(_SKELETON_MAP)
    return re.sub(r"(.)\1+", r"\1", word)


def loan_key(text: str, *, romanised: bool = False) -> str:
    """A spelling with the distinctions a Korean transcription loses removed: voiced and voiceless
    stops alike, f as p, v as b, r as l, double letters single, an English silent r or final e
    dropped; for a ``romanised`` key, the vowel ㅡ (eu) a transcription adds between consonants.
    "keulleeo" and "Clare" give "kleo" and "klae"; "oseuka" and "Oscar" both give "oska"."""
    word = fold(text)
    if romanised:
        # ㅡ (eu) added between consonants; ㅐ (ae) is how an English "a" is written (캘러웨이).
        word = re.sub(r"eu(?=[^aeiou]|$)", "", word).replace("ae", "a")
    else:
        # A silent r; th heard as t at the start (Thomas 토마스), s elsewhere (Beth 베스);
        # c as s before e, i, y (Cynthia 신시아).
        word = _POSTVOCALIC_R.sub("", word)
        word = re.sub(r"^th", "t", word).replace("th", "s")
        word = re.sub(r"c(?=[eiy])", "s", word)
        word = re.sub(r"(?<=[aeiou])g(?=[eiy])", "j", word)  # Regina 레지나, Gina 지나
    for old, new in _EAR_STEPS:
        word = word.replace(old, new)
    word = re.sub(r"(.)\1+", r"\1", word)
    if not romanised:
        word = re.sub(r"(?<=[^aeiou])e$", "", word)
    return word


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

    >>> name_keys("박서연")[:3]
    ['bakseoyeon', 'bak seoyeon', 'park seoyeon']
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


@dataclass(frozen=True)
class _Heard:
    """The comparison keys of one spelling (English, or a romanised Hangul key)."""

    folded: str
    loan: str
    sound: str


@lru_cache(maxsize=4096)
def _heard_korean(hangul: str) -> tuple[_Heard, ...]:
    return tuple(_Heard(fold(k), loan_key(k, romanised=True), sound_key(k)) for k in name_keys(hangul))


@lru_cache(maxsize=4096)
def _heard_english(name: str) -> _Heard:
    return _Heard(fold(name), loan_key(name), sound_key(name))


def _heard_score(keys: tuple[_Heard, ...], name: _Heard) -> float:
    """``_score`` on precomputed keys: the best spelling or Korean-ear match, blended with the
    consonant skeletons' match."""
    if not keys:
        return 0.0
    spelling = max(
        max(fuzz.ratio(name.folded, k.folded), fuzz.ratio(name.loan, k.loan)) for k in keys
    )
    sound = max(fuzz.ratio(name.sound, k.sound) for k in keys)
    weight = 0.5 if min(len(name.sound), len(keys[0].sound)) >= 3 else 0.25
    return (1 - weight) * spelling + weight * sound


def name_score(hangul: str, english: str) -> float:
    """0–100: how well a Hangul name or loanword (one or more words) sounds like ``english``.

    A name of several words is also compared word by word, in order, with an English name of as
    many words (마리 뒤퐁 with Marie Dupont: the mean of 마리~Marie and 뒤퐁~Dupont),
    which holds better than comparing the whole strings when one word is transcribed loosely."""
    whole = _heard_score(_heard_korean(hangul), _heard_english(english))
    korean_words = hangul.split()
    english_words = english.split()
    if len(korean_words) > 1 and len(korean_words) == len(english_words):
        aligned = sum(
            _heard_score(_heard_korean(k), _heard_english(e))
            for k, e in zip(korean_words, english_words, strict=True)
        ) / len(korean_words)
        whole = max(whole, aligned)
    return whole


class NameBook:
    """The names of a report (people, bodies, places), their words, and its other words, to find
    Hangul names and loanwords in.

    ``find`` matches a Korean name of several words against the names of as many words, and one
    Korean word against every name and every word of a name; a word that belongs to one person
    only (Okoye in Ada Okoye) stands for the person's full name. ``find_word`` matches a Korean
    loanword (프라임) against the report's other words (prime)."""

    def __init__(self, names: Iterable[str], people: Iterable[str] = (), words: Iterable[str] = ()) -> None:
        self.people = tuple(dict.fromkeys(people))
        self.names = tuple(dict.fromkeys([*self.people, *names]))
        owners: dict[str, list[str]] = {}
        for person in self.people:
            for word in person.split():
                owners.setdefault(word, []).append(person)
        # (Only for names of capitalised words: "Oregon and Utah" is no person of Utah.)
        self._owner = {
            w: ps[0]
            for w, ps in owners.items()
            if len(ps) == 1 and len(ps[0].split()) > 1 and all(p[:1].isupper() for p in ps[0].split())
        }
        name_words = [w for n in self.names for w in n.split() if len(fold(w)) >= 2]
        self._single = _Choices([*self.names, *name_words])
        # Runs of capitalised words inside longer names (Nadia Rahman in "Nadia Rahman of the
        # Red Crescent"), for Korean names of several words.
        runs: list[str] = []
        for name in self.names:
            parts = name.split()
            for size in range(2, len(parts)):
                for start in range(len(parts) - size + 1):
                    run = parts[start : start + size]
                    if all(w[:1].isupper() for w in run):
                        runs.append(" ".join(run))
        self._runs = tuple(dict.fromkeys([*self.names, *runs]))
        self.words = tuple(w for w in dict.fromkeys(words) if len(w) >= 4)
        self._words = _Choices(self.words)

    def __bool__(self) -> bool:
        return bool(self.names)

    def find(self, hangul: str, *, cutoff: float, several: float) -> tuple[str, float] | None:
        """The English name ``hangul`` stands for and its score, or None below the cut-offs
        (``several`` for a Korean name of several words, ``cutoff`` for one word)."""
        count = len(hangul.split())
        best: tuple[str, float] | None = None
        if count > 1:
            for name in self._runs:
                if len(name.split()) == count:
                    score = name_score(hangul, name)
                    if best is None or score > best[1]:
                        best = (name, score)
            limit = several
        else:
            best = self._single.best(hangul)
            limit = cutoff
        if best is None or best[1] < limit:
            return None
        return self._owner.get(best[0], best[0]), round(best[1], 1)

    def find_word(self, hangul: str, *, cutoff: float) -> tuple[str, float] | None:
        """The report's word a Korean loanword transcribes (프라임 → prime), or None."""
        best = self._words.best(hangul)
        if best is None or best[1] < cutoff:
            return None
        return best[0], round(best[1], 1)


class _Choices:
    """English spellings with their comparison keys, scored against a Hangul word at once
    (rapidfuzz ``process.extract`` over each key list)."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = tuple(dict.fromkeys(texts))
        heard = [_heard_english(t) for t in self.texts]
        self.folded = [h.folded for h in heard]
        self.loan = [h.loan for h in heard]
        self.sound = [h.sound for h in heard]

    def best(self, hangul: str) -> tuple[str, float] | None:
        if not self.texts:
            return None
        keys = _heard_korean(hangul)
        if not keys:
            return None
        n = len(self.texts)
        spelling = [0.0] * n
        sound = [0.0] * n
        for key in keys:
            for query, choices, into in (
                (key.folded, self.folded, spelling),
                (key.loan, self.loan, spelling),
                (key.sound, self.sound, sound),
            ):
                for _, score, i in process.extract(query, choices, scorer=fuzz.ratio, processor=None, limit=None):
                    if score > into[i]:
                        into[i] = score
        short = len(keys[0].sound)
        blended = [
            (1 - w) * spelling[i] + w * sound[i]
            for i in range(n)
            for w in (0.5 if min(len(self.sound[i]), short) >= 3 else 0.25,)
        ]
        i = max(range(n), key=blended.__getitem__)
        return self.texts[i], blended[i]


def _score(keys: list[str], name: str) -> float:
    spelling = process.extractOne(name, keys, scorer=fuzz.ratio, processor=fold)
    spelling_score = spelling[1] if spelling else 0.0
    heard = process.extractOne(
        loan_key(name), [loan_key(k, romanised=True) for k in keys], scorer=fuzz.ratio, processor=None
    )
    spelling_score = max(spelling_score, heard[1] if heard else 0.0)
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
