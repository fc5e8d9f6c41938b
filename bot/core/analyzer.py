"""Analysis of text into comparable tokens, with one report's vocabulary and synonyms.

The same ``Analyzer`` reads the fact base (``document``) and the questions (``query``):

1. surface words (``text.words``); hyphenated words are joined (``Jean-Luc`` -> ``jeanluc``) unless
   they hold digits (``22-year-old`` -> ``22 year old``);
2. queries only: split words glued back (``jean luc`` -> ``jeanluc``), typos repaired against the
   report's vocabulary with rapidfuzz (``kidnaping`` -> ``kidnapping``);
3. stems (Snowball), then synonym phrases replaced by one canonical token, longest first
   (``the fund`` and ``IMF`` -> ``internat_monetari_fund``);
4. stop words dropped.

A document keeps the original stems beside each canonical token (so ``intelligence`` alone
still finds the International Monetary Fund); a query keeps only the canonical token, so a
synonym counts once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.core.lexical.frequency import zipf
from bot.core.lexical.lemmas import lemma
from bot.core.lexical.morphy import is_phrasal_verb, morphy
from bot.core.lexicon import CALENDAR_WORDS, STOPWORDS, english_words
from bot.core.text import clean, lemma_stem, split_compound, stem, words

#: The particles of a phrasal verb ("get in", "lift off", "set up").
PHRASAL_PARTICLES = frozenset(["in", "up", "off", "out", "down", "on", "over", "back", "away", "through", "for", "into"])


def verb_lemma(word: str) -> str:
    """A word's base form as a verb ("looking" -> look, "got" -> get), else its lemma."""
    bases = morphy(word, "v")
    return bases[0] if bases else lemma(word)


def phrasal_token(verb: str, particle: str) -> str:
    """The token of a phrasal verb: its verb's stem and its particle ("get+in")."""
    return f"{stem(verb)}+{particle}"


#: How many analysed texts ``Analyzer.index`` keeps (the least recently used go first): all of
#: a fact base's texts (1,412 for the shipped one) and the phrases of recent questions, but never
#: one entry per question ever asked.
INDEX_CACHE_SIZE = 8192
#: Typo repair: at most this many edits (Damerau-Levenshtein: a swap of two letters is one)
#: for a word of up to 7 letters, and for a longer one. The first letter must match.
TYPO_EDITS_SHORT = 1
TYPO_EDITS_LONG = 2
#: Words shorter than this are never "repaired": too many short words are one letter apart.
TYPO_MIN_LENGTH = 4


@dataclass(frozen=True)
class Analysis:
    """The tokens of a text and what was noticed on the way."""

    tokens: tuple[str, ...]
    numbers: frozenset[str] = frozenset()
    corrections: tuple[tuple[str, str], ...] = ()
    proper: frozenset[str] = frozenset()  # tokens written with a capital inside the text
    adverbs: frozenset[str] = frozenset()  # tokens of "-ly" words ("widely", "officially")


@dataclass
class Analyzer:
    """Tokenises text the same way for the fact base and for questions of one report."""

    synonym_groups: Sequence[Sequence[str]]
    #: Lemmatise before stemming ("won" -> "win", "held" -> "hold"): the general pipeline does.
    lemmatise: bool = False
    #: Phrases that read the same as a phrase of another group once their words are normalised
    #: ("state media" and "briefed journalists"): (phrase, earlier meaning, later meaning).
    collisions: list[tuple[str, str, str]] = field(default_factory=list, init=False)
    _words: dict[str, str] = field(default_factory=dict, init=False)
    _phrases: dict[tuple[str, ...], str] = field(default_factory=dict, init=False)
    _longest: int = field(default=1, init=False)
    _compounds: set[str] = field(default_factory=set, init=False)
    _known: set[str] = field(default_factory=set, init=False)
    _by_letter: dict[str, list[str]] | None = field(default=None, init=False)
    _index_cache: OrderedDict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(
        default_factory=OrderedDict, init=False
    )

    def __post_init__(self) -> None:
        # Two passes: single words first ("govt" -> "govern"), then phrases whose words are
        # already normalised, so "previous govt" finds "previous government". Later groups
        # (the report's) override earlier ones (general English).
        groups = [[k for k in (self._stems(p) for p in group) if k] for group in self.synonym_groups]
        for keys in groups:
            if keys:
                canonical = "_".join(keys[0])
                for key in keys:
                    if len(key) == 1:
                        self._words[key[0]] = canonical
        for group, keys in zip(self.synonym_groups, groups, strict=True):
            if keys:
                canonical = "_".join(keys[0])
                for phrase, key in zip(group, keys, strict=False):
                    if len(key) > 1:
                        normal = self._normalise(key)
                        earlier = self._phrases.get(normal)
                        if earlier is not None and earlier != canonical:
                            self.collisions.append((phrase, earlier, canonical))
                        self._phrases[normal] = canonical
                        self._longest = max(self._longest, len(key))
        for group in self.synonym_groups:
            self.learn(" ".join(group))

    def _stem(self, word: str) -> str:
        return lemma_stem(word) if self.lemmatise else stem(word)

    def _normalise(self, stems: Sequence[str]) -> tuple[str, ...]:
        return tuple(self._words.get(s, s) for s in stems)

    # -- vocabulary -------------------------------------------------------------------------
    def learn(self, text: str) -> None:
        """Add the words of ``text`` to the vocabulary that typos are repaired against."""
        for word in words(text):
            parts = split_compound(word)
            if len(parts) > 1 and not any(p.isdigit() for p in parts):
                self._compounds.add("".join(parts))
                self._known.add("".join(parts))
            self._known.update(parts)
        self._by_letter = None

    def prepare(self) -> dict[str, list[str]]:
        """The known words by first letter, that typos are repaired against: built once the
        report is read (and kept with it in the cache), not by its first question with a typo."""
        if self._by_letter is None:
            self._by_letter = {}
            for known in sorted(self._known | STOPWORDS):
                if known.isalpha() and len(known) >= TYPO_MIN_LENGTH:
                    self._by_letter.setdefault(known[0], []).append(known)
        return self._by_letter

    def knows(self, word: str) -> bool:
        return word in self._known or word in STOPWORDS or word in CALENDAR_WORDS

    # -- analysis ---------------------------------------------------------------------------
    def _surface(self, text: str) -> list[str]:
        out: list[str] = []
        for word in words(text):
            if "-" not in word:
                out.append(word)
                continue
            parts = split_compound(word)
            if any(p.isdigit() for p in parts):
                out.extend(parts)
            else:
                out.append("".join(parts))
        return out

    def _stems(self, phrase: str) -> tuple[str, ...]:
        return tuple(self._stem(w) for w in self._surface(phrase))

    def _join_split_words(self, surface: list[str]) -> list[str]:
        """``picard jean luc`` -> ``picard jeanluc`` when ``jeanluc`` is a compound the report writes."""
        out: list[str] = []
        i = 0
        while i < len(surface):
            for n in (3, 2):
                glued = "".join(surface[i : i + n])
                if i + n <= len(surface) and glued in self._compounds:
                    out.append(glued)
                    i += n
                    break
            else:
                out.append(surface[i])
                i += 1
        return out

    def _repair(self, word: str) -> str | None:
        """The known word ``word`` is a typo of, if any: same first letter, one edit (two for a
        long word, keeping the last letter too, and never into a stop word: "currency" is not
        "currently"); a four-letter word only by swapping two letters ("yaer"). A real English
        word is left alone unless it is a spelling variant by a doubled letter ("kidnaping")."""
        if not word.isalpha() or self.knows(word):
            return None
        if len(word) < TYPO_MIN_LENGTH:
            return self._repair_short(word)
        real_word = word in english_words()
        by_letter = self.prepare()
        edits = TYPO_EDITS_SHORT if len(word) <= 7 else TYPO_EDITS_LONG
        found = process.extract(
            word,
            by_letter.get(word[0], []),
            scorer=DamerauLevenshtein.distance,
            processor=None,
            score_cutoff=edits,
            limit=5,
        )
        for candidate, distance, _ in sorted(found, key=lambda f: (f[1], f[0])):
            if real_word and _undouble(candidate) != _undouble(word) and not _rare_for(word, candidate):
                continue  # "spare" is a word, not a typo of "spate"; "kidnaping" is a variant
            if len(word) == 4 and sorted(candidate) != sorted(word):
                continue
            if distance > 1 and (candidate[-1] != word[-1] or candidate in STOPWORDS):
                continue
            return candidate
        return None

    def _repair_short(self, word: str) -> str | None:
        """A three-letter word is repaired only by a doubled letter the report writes ("tal" ->
        "tall"), never into another word."""
        if len(word) != 3 or word in english_words():
            return None
        for i in range(3):
            doubled = word[: i + 1] + word[i] + word[i + 1 :]
            if doubled in self._known:
                return doubled
        return None

    def query(self, text: str) -> Analysis:
        """Analyse a question: glue split words, repair typos, keep canonical tokens only."""
        surface = self._join_split_words(self._surface(text))
        corrections: list[tuple[str, str]] = []
        for i, word in enumerate(surface):
            fixed = self._repair(word)
            if fixed:
                corrections.append((word, fixed))
                surface[i] = fixed
        tokens, _ = self._canonical(surface)
        return Analysis(
            tokens=tuple(tokens),
            # Only figures written in digits must be in the fact: "the two countries" is no figure.
            numbers=frozenset(w for w in surface if w.isdigit()),
            corrections=tuple(corrections),
            proper=self._proper(text),
            adverbs=frozenset(stem(w) for w in surface if len(w) > 4 and w.endswith("ly")),
        )

    def one_token(self, phrase: str) -> str | None:
        """The one canonical token ``phrase`` reads as (``index(phrase)[0]`` of length one), or
        None; quick for a single word, so thousands of place names cost little."""
        surface = self._surface(phrase)
        if len(surface) == 1:
            word, key = surface[0], stem(surface[0])
            return self._words.get(key, key) if word not in STOPWORDS or key in self._words else None
        several = len(surface) > 1 and not any(w in STOPWORDS for w in surface)
        if several and self._normalise(tuple(stem(w) for w in surface)) not in self._phrases:
            return None  # several words, no stop word, no phrase: several tokens
        canonical = self.index(phrase)[0]
        return canonical[0] if len(canonical) == 1 else None

    def index(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Analyse fact-base text once: (canonical tokens as a question would have them,
        canonical tokens plus the original stems). Cached (at most INDEX_CACHE_SIZE texts): the
        same sentence serves many facts."""
        cache = self._index_cache
        cached = cache.get(text)
        if cached is None:
            canonical, document = self._canonical(self._surface(text))
            cached = cache[text] = (tuple(canonical), tuple(document))
            if len(cache) > INDEX_CACHE_SIZE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(text)
        return cached

    def _canonical(self, surface: list[str]) -> tuple[list[str], list[str]]:
        """Canonical tokens, and the same with each replaced word's own stem kept beside it."""
        stems = [self._stem(w) for w in surface]
        normal = self._normalise(stems)
        canonical: list[str] = []
        document: list[str] = []
        i = 0
        while i < len(normal):
            for n in range(min(self._longest, len(normal) - i), 1, -1):
                phrase = self._phrases.get(normal[i : i + n])
                if phrase is not None:
                    canonical.append(phrase)
                    document.append(phrase)
                    # Shorter phrases inside it count too: "second vice foreign minister" is
                    # also a "foreign minister".
                    document.extend(
                        inner
                        for size in range(n - 1, 1, -1)
                        for start in range(i, i + n - size + 1)
                        if (inner := self._phrases.get(normal[start : start + size])) is not None
                    )
                    document.extend(
                        s
                        for w, s in zip(surface[i : i + n], stems[i : i + n], strict=True)
                        if w not in STOPWORDS and s != phrase
                    )
                    i += n
                    break
            else:
                if surface[i] not in STOPWORDS or stems[i] in self._words:
                    canonical.append(normal[i])
                    document.append(normal[i])
                    if normal[i] != stems[i] and surface[i] not in STOPWORDS:
                        document.append(stems[i])
                phrasal = self._phrasal(surface, i)
                if phrasal:
                    canonical.append(phrasal)
                    document.append(phrasal)
                i += 1
        return canonical, document

    def _phrasal(self, surface: list[str], i: int) -> str | None:
        """"got in", "lifted off": the phrasal verb as one more token ("get+in"), which says
        what the verb and particle say together (the particle alone is a stop word)."""
        if not self.lemmatise or i + 1 >= len(surface) or surface[i + 1] not in PHRASAL_PARTICLES:
            return None
        verb = verb_lemma(surface[i])
        return phrasal_token(verb, surface[i + 1]) if is_phrasal_verb(verb, surface[i + 1]) else None

    def _proper(self, text: str) -> frozenset[str]:
        """Stems of words capitalised inside ``text`` (not only at its start): likely names."""
        capitalised: set[str] = set()
        raw = clean(text, fold=False).split()
        for position, word in enumerate(raw):
            core = word.strip(".,;:!?\"'()[]{}")
            if position > 0 and core[:1].isupper() and core.lower() not in STOPWORDS:
                for part in self._surface(core):
                    capitalised.add(stem(part))
        return frozenset(capitalised)


#: A real word this rare (Zipf) next to a report's word far more common ("manger" 3.0,
#: "manager" 5.0) is taken for a typo of it: set so that "clam" (3.2) stays itself beside
#: "calm" (4.5), and "spate" (2.8) beside "spare" (4.3).
RARE_REAL_WORD = 3.1
TYPO_FREQUENCY_GAP = 1.5


def _rare_for(word: str, candidate: str) -> bool:
    """Whether the real word ``word`` is rare enough beside ``candidate`` to be its typo."""
    return zipf(word) <= RARE_REAL_WORD and zipf(candidate) - zipf(word) >= TYPO_FREQUENCY_GAP


def _undouble(word: str) -> str:
    """``word`` with doubled letters made single: "kidnapping" and "kidnaping" meet."""
    return "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])
