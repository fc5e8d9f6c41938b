"""Korean questions about an English report: read by ``bot.core.korean`` into the kind of
answer wanted and English content words, then asked as English questions, so the answer cites
the English sentence verbatim.

A Korean question gives several English readings, most likely first: each content word by its
first (most common) sense, then by its common senses together, then without the verbs (which a
Korean question often adds to a noun: 대응팀 언제 출발한대 "when does the team leave"). Names are
found by sound among the report's own names (``NameBook``, built once per report from the
article: its people, bodies and places), and the report's ``korean:`` aliases in ``report.yaml``
name the bodies whose Korean name is not a transliteration (녹색동맹 Green Alliance).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from bot.core.article import Article
from bot.core.knowledge import FactBase
from bot.core.korean.grammar import PARTICLES
from bot.core.korean.lexicon import lexicon
from bot.core.korean.names import NameBook
from bot.core.korean.reader import (
    AMOUNT_NOUNS,
    COUNT_NOUNS,
    FUNCTION_WORDS,
    QUESTION_WORDS,
    KoreanQuestion,
    is_korean,
    looks_like_verb,
    read_korean,
)
from bot.core.korean.romanize import decompose, romanize
from bot.core.lexical.lemmas import lemma
from bot.core.lexicon import STOPWORDS

#: How each kind of Korean question starts in English.
_LEAD = {
    "who": "who",
    "when": "when",
    "where": "where",
    "how_many": "how many",
    "how_much": "how much",
    "why": "why",
    "what": "what",
    "which": "which",
    "said": "what did",
    "definition": "what is",
    "yes_no": "did",
    "how_long": "how long",
}
#: A romanised Korean word must score this (0–100) against one of the report's names or their
#: words to stand for it; a Korean name of several words, against a name of as many words.
NAME_MATCH = 80.0
SEVERAL_WORD_MATCH = 75.0
#: A Korean word no entry reads must score this against a word of the report to be that word.
LOANWORD_MATCH = 88.0
#: A word of two syllables that does not look transcribed says less (시추 "drilling" sounds like
#: "search"; 보트 boat looks transcribed): it must score this.
SHORT_LOANWORD_MATCH = 92.0
#: Senses of a content word used by the second reading (the lexicon lists the commonest first).
COMMON_SENSES = 3
#: The most English readings tried for one Korean question.
MAX_READINGS = 3

_POSSESSIVE = re.compile(r"[’']s$")
_WORD = re.compile(r"[A-Za-z]+")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)+\b")
_SPLIT_WORD = re.compile(r"([\uac00-\ud7a3]+)([^\uac00-\ud7a3\w]*)")
_NAME_KINDS = ("person", "organisation", "place", "name")


@dataclass(frozen=True)
class ReportTerms:
    """What a Korean question is read against, once per report: the report's names (to find
    Hangul names and loanwords by sound) and the lemmas of its words (to choose, of a Korean
    word's English senses, the one the report uses: 동결 freeze|hold → hold)."""

    names: NameBook
    lemmas: frozenset[str]
    #: The report's sentences, lower case, for names written with dots (U.S., U.K.).
    text: str = ""

    def share(self, sense: str) -> float:
        """How much of ``sense`` is words of the report: the share of its content words (of all
        its words, if all are stop words) the report has, by lemma as a noun or a verb
        (holding → holding, hold)."""
        words = _WORD.findall(sense.lower())
        words = [w for w in words if w not in STOPWORDS] or words
        if not words:
            return 0.0
        return sum(w in self.lemmas or lemma(w) in self.lemmas for w in words) / len(words)

    def uses(self, sense: str) -> bool:
        """Whether every content word of ``sense`` is a word of the report."""
        return self.share(sense) == 1.0

    def names_place(self, senses: Sequence[str]) -> bool:
        """Whether the report names a place given by these English senses (Norway, U.S.)."""
        for sense in senses:
            if self.uses(sense):
                return True
            words = sense.split()
            if len(words) > 1 and ".".join(w[0] for w in words) + "." in self.text:
                return True
        return False


def report_terms(base: FactBase, article: Article) -> ReportTerms:
    """The names (people first) and word lemmas of one report."""
    people = list(article.people)
    names: list[str] = []
    for reading in article.readings.values():
        for span in reading.spans:
            if span.kind in _NAME_KINDS:
                name = _POSSESSIVE.sub("", span.text.strip())
                name = re.sub(r"^(?:The|the)\s+", "", name)
                if name:
                    names.append(name)
    names += list(article.organisations)
    # Runs of capitalised words the article's reading may not have taken for a name ("Aid
    # worker Nadia Rahman of the Red Crescent").
    names += [run for s in base.report.sentences for run in _CAPITALISED_RUN.findall(s.text)]
    texts = [s.text for s in base.report.sentences]
    texts += [t for f in base.facts for t in (*f.questions, *f.keywords, f.answer)]
    texts += [p for group in base.synonyms for p in group]
    words = [w for t in texts for w in _WORD.findall(t.lower())]
    lemmas = frozenset(w for word in words for w in (word, lemma(word), lemma(word, "v")))
    plain = [w for t in texts[: len(base.report.sentences)] for w in _WORD.findall(t) if w.islower()]
    loanwords = [form for w in plain if w not in STOPWORDS for form in dict.fromkeys((w, lemma(w)))]
    text = " ".join(s.text for s in base.report.sentences).lower()
    return ReportTerms(NameBook(names, people, loanwords), lemmas, text)


def merged_terms(terms: Sequence[ReportTerms]) -> ReportTerms:
    """The terms of several reports together (a question asked of all of them)."""
    if len(terms) == 1:
        return terms[0]
    return ReportTerms(
        NameBook(
            [n for t in terms for n in t.names.names],
            [p for t in terms for p in t.names.people],
            [w for t in terms for w in t.names.words],
        ),
        frozenset().union(*(t.lemmas for t in terms)),
        " ".join(t.text for t in terms),
    )


@dataclass(frozen=True)
class KoreanAliases:
    """Korean names for a report's bodies (``korean:`` in report.yaml): Korean → English."""

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, groups: Iterable[Sequence[str]]) -> KoreanAliases:
        pairs = [(korean, group[0]) for group in groups for korean in group[1:] if group]
        return cls(tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True)))

    def apply(self, text: str) -> str:
        """``text`` with each Korean alias written as its English name."""
        for korean, english in self.pairs:
            if korean in text:
                text = text.replace(korean, f" {english}")  # a particle stays attached: 국민의힘은
        return " ".join(text.split())


def _names(kq: KoreanQuestion, book: NameBook) -> tuple[list[str], list[str]]:
    """The report's names the question's Hangul names stand for (question order), and the
    Korean words they cover."""
    found: list[str] = []
    covered: list[str] = []
    for korean in kq.names:
        if not book or any(part in c for c in covered for part in korean.split()):
            continue
        match = book.find(korean, cutoff=NAME_MATCH, several=SEVERAL_WORD_MATCH)
        if match is not None:
            if match[0] not in found:
                found.append(match[0])
            covered.extend(korean.split())
    return found, covered


def _unknown(kq: KoreanQuestion, covered: list[str], book: NameBook | None) -> tuple[list[str], list[str]]:
    """The report's words that the question's unread Korean words transcribe (프라임 → prime),
    and the Korean words that transcribe none (the lexicon may just lack them): left unread."""
    heard: list[str] = []
    unread: list[str] = []
    for korean in kq.unknown:
        if len(korean) < 2 or looks_like_verb(korean) or any(korean in c or c in korean for c in covered):
            continue
        cutoff = LOANWORD_MATCH if len(korean) > 2 or looks_transcribed(korean) else SHORT_LOANWORD_MATCH
        match = book.find_word(korean, cutoff=cutoff) if book is not None else None
        if match is None:
            unread.append(korean)
        elif match[0] not in heard:
            heard.append(match[0])
    return heard, unread


def looks_transcribed(word: str) -> bool:
    """Whether a Hangul word looks like the transcription of a foreign name or word: a syllable
    Sino-Korean words never have, with initial ㅋ (캘거리) or the bare vowel ㅡ that transcriptions
    put between consonants (몬트리올, 프라임)."""
    for syllable in word:
        initial, vowel, final = decompose(syllable)
        if initial == "ㅋ" or (vowel == "ㅡ" and not final and initial not in "ㅇㄱ"):
            return True
    return False


def _stems(word: str) -> list[tuple[str, str]]:
    """A word as it is and without each particle or copula ending it may end in, with the
    ending: 하트만은 → (하트만은, ""), (하트만, 은), (하트, 만은); a name may end like a particle."""
    out = [(word, "")]
    for cut in range(1, min(len(word) - 1, 6)):
        if word[-cut:] in PARTICLES:
            out.append((word[:-cut], word[-cut:]))
    return out


def _readable(stem: str) -> bool:
    """Whether a stem is a word the reader knows as it is (a lexicon word, a verb form, a
    question or function word): such a word is not taken for a name."""
    lex = lexicon()
    return (
        stem in lex.words
        or stem in lex.surfaces
        or stem in QUESTION_WORDS
        or stem in FUNCTION_WORDS
        or looks_like_verb(stem)
    )


def _known(word: str) -> bool:
    """Whether the reader knows a word, perhaps with a particle (길이는)."""
    return any(_readable(stem) for stem, _ in _stems(word) if len(stem) > 1 or stem == word)


def _best_name(book: NameBook, candidates: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Of (words, ending) candidates, the best-matching name of the report with its ending."""
    best: tuple[str, float, str] | None = None
    for words, tail in candidates:
        match = book.find(words, cutoff=NAME_MATCH, several=SEVERAL_WORD_MATCH)
        if match is not None and (best is None or match[1] > best[1]):
            best = (match[0], match[1], tail)
    return None if best is None else (best[0], best[2])


def _pair_name(book: NameBook, word: str, second_word: str) -> tuple[str, str] | None:
    """The name two words transcribe (올리비아 하트만 → Olivia Hartmann), with the second's ending;
    the second word of a name may be a word too (안젤라 마시: 마시다 "drink")."""
    return _best_name(book, [(f"{word} {second}", tail) for second, tail in _stems(second_word)])


def _single_name(book: NameBook, word: str) -> tuple[str, str] | None:
    """The name one word transcribes, without a particle it ends in, with that ending."""
    return _best_name(book, [(stem, tail) for stem, tail in _stems(word) if len(stem) >= 2])


def sound_names(text: str, book: NameBook) -> tuple[str, list[str]]:
    """``text`` with the Hangul words that transcribe a name of the report written as that
    name, and the names, question order. Runs of two words are tried first (올리비아 하트만 →
    Olivia Hartmann), then single words the reader does not know as they are, before the lexicon
    can cut a name into words (올리비아 is not 올 "this" + 리비아 "Libya")."""
    raw = text.split()
    # Each word's Hangul and what follows it (a question mark, a comma): 하트만은? → 하트만은, ?
    parts = [_SPLIT_WORD.fullmatch(w) for w in raw]
    words = [m.group(1) if m else "" for m in parts]
    after = [m.group(2) if m else "" for m in parts]
    out: list[str] = []
    names: list[str] = []
    i = 0
    while i < len(raw):
        word = words[i]
        if not word or _known(word):
            out.append(raw[i])
            i += 1
            continue
        pair = _pair_name(book, word, words[i + 1]) if i + 1 < len(raw) and words[i + 1] and not after[i] else None
        if pair is not None:
            out.append(pair[0] + pair[1] + after[i + 1])
            names.append(pair[0])
            i += 2
            continue
        single = _single_name(book, word)
        out.append(raw[i] if single is None else single[0] + single[1] + after[i])
        if single is not None:
            names.append(single[0])
        i += 1
    return " ".join(out), list(dict.fromkeys(names))


#: Particles that mark who a clause is about (the topic or the subject): 총재는, 경찰청이.
_SUBJECT_PARTICLES = frozenset({"은", "는", "이", "가", "께서", "께서는"})


def _subject(kq: KoreanQuestion) -> str | None:
    """The first noun marked as the topic or subject (총재는 뭐라고 했어: the governor), the one
    who said something in a question of what was said."""
    for piece, after in pairwise(kq.pieces):
        if piece.kind == "noun" and after.kind == "particle" and after.text in _SUBJECT_PARTICLES:
            return piece.key
    return None


_ADJECTIVE_ENDS = ("an", "ese", "ish", "i", "ic", "ch")


def _before_nouns(kq: KoreanQuestion) -> set[str]:
    """Place nouns right before another noun (캐나다 달러, 중국 국적): said as adjectives in
    English (Norwegian krone, Italian nationality)."""
    places = lexicon().places
    pieces = kq.pieces
    return {
        p.key
        for p, q in pairwise(pieces)
        if p.kind == "noun" and p.key in places and q.kind == "noun" and q.key not in places
    }


def _adjective_first(senses: tuple[str, ...]) -> tuple[str, ...]:
    """The senses with the adjective of a place first (norway|norwegian → norwegian|norway)."""
    adjectives = [
        s
        for s in senses
        if " " not in s
        and s.endswith(_ADJECTIVE_ENDS)
        and any(t != s and t[:3] == s[:3] for t in senses)
    ]
    return tuple(adjectives + [s for s in senses if s not in adjectives])


#: What a count may ask for, said in the English question (몇 개월 how many months, 몇 명
#: how many people).
_COUNTED = {"month": "months", "year": "years", "week": "weeks", "hour": "hours", "people": "people"}


def _question(
    kind: str, names: list[str], words: list[str], unit: str | None = None, speaker: str | None = None
) -> str:
    rest = [w for w in words if w]
    if kind == "said":
        speakers = names[:1] or ([f"the {speaker}"] if speaker else [])
        topic = names[1:] + rest
        if speakers:
            about = f" about {' '.join(topic)}" if topic else ""
            return f"what did {speakers[0]} say{about}?"
        return f"what did {' '.join(topic)} say?" if topic else "what was said?"
    if kind == "age":
        return " ".join(["how old is", *names, *rest]) + "?"
    if kind == "how_many" and unit in _COUNTED:
        return " ".join(["how many", _COUNTED[unit], *names, *rest]) + "?"  # 몇 개월: how many months
    lead = _LEAD.get(kind, "what")
    return " ".join([lead, *names, *rest]) + "?"


@dataclass(frozen=True)
class KoreanReading:
    """A Korean question read for the English core: its English ``questions``, most likely first
    (none when it asks about a country or city the report never names), how many of its content
    words were ``understood`` (read, or heard as a name or a word of the report) and the Korean
    words left ``unread``."""

    questions: tuple[str, ...]
    understood: int = 0
    unread: tuple[str, ...] = ()

    @property
    def mostly_unread(self) -> bool:
        """More of the question was left unread than was understood: too little to answer."""
        return len(self.unread) > self.understood


def _asks_elsewhere(kq: KoreanQuestion, terms: ReportTerms | None) -> bool:
    """Whether the question asks about a country or city the report never names (태국)."""
    if terms is None:
        return False
    places = lexicon().places
    return any(k in places and not terms.names_place(e) for k, e in kq.alternatives)


def _kind_and_asked(kq: KoreanQuestion, terms: ReportTerms | None) -> tuple[str, set[str]]:
    """The kind of answer wanted, and the Korean words that only say that kind (나이 age, 폭
    width in a question of how much, 동안 for how long), left out of the English words."""
    kind = kq.kind
    asked_by_kind: set[str] = set()
    if kq.count_unit == "age" or any("age" in e for _, e in kq.alternatives):
        kind = "age"
        asked_by_kind = {k for k, e in kq.alternatives if "age" in e}
    elif kind in ("how_much", "how_many"):
        # An amount noun the question word already says (폭 width, 규모 size), unless the report
        # uses it (규모 magnitude, in a report of an earthquake's magnitude).
        asked_by_kind = {
            k
            for k, e in kq.alternatives
            if (k in AMOUNT_NOUNS or k in COUNT_NOUNS) and not (terms is not None and any(map(terms.uses, e)))
        }
    if "동안" in kq.alternatives_keys and kind in ("when", "how_many", "how_much"):
        kind = "how_long"  # 며칠 동안, 얼마 동안: for how long
        asked_by_kind.add("동안")
    return kind, asked_by_kind


def _used(terms: ReportTerms | None, english: tuple[str, ...]) -> list[str]:
    """The senses the report uses, the most used first (주가 stock price|share price: "share
    price" in a report about shares), the lexicon's order among equals."""
    if terms is None:
        return []
    shares = {e: terms.share(e) for e in english}
    return sorted((e for e in english if shares[e] > 0), key=lambda e: -shares[e])


@dataclass(frozen=True)
class _SenseChoice:
    """How the English senses of a question's content words are picked: the words left out
    (``skipped``, and the ``verbs`` when a reading leaves verbs out), the place nouns said as
    adjectives, the words the question already has (``fixed``) and the report's ``terms``."""

    kq: KoreanQuestion
    terms: ReportTerms | None
    skipped: frozenset[str]
    verbs: frozenset[str]
    adjectival: frozenset[str]
    fixed: tuple[str, ...]

    def senses(self, choose: str, *, with_verbs: bool = True) -> list[str]:
        """The senses of every content word: the ``"first"`` the report uses, or ``"all"``."""
        out: list[str] = []
        for korean, english in self.kq.alternatives:
            if korean in self.skipped or (korean in self.verbs and not with_verbs):
                continue
            for sense in self._picked(korean, english, choose):
                if sense not in out and sense not in self.fixed:
                    out.append(sense)
        return out

    def _picked(self, korean: str, english: tuple[str, ...], choose: str) -> list[str]:
        if korean in self.adjectival:
            english = _adjective_first(english)
        in_report = _used(self.terms, english)
        if choose == "first":
            return in_report[:1] or list(english[:1])
        return in_report or list(english[:COMMON_SENSES])


def _speaker(kq: KoreanQuestion, speaker_key: str | None, terms: ReportTerms | None) -> str | None:
    """The English of the one who said something (총재 governor), in the report's sense."""
    if speaker_key is None:
        return None
    senses_of = dict(kq.alternatives)[speaker_key]
    return (_used(terms, senses_of) or list(senses_of))[0]


def read_for_english(
    text: str, terms: ReportTerms | None = None, aliases: KoreanAliases | None = None
) -> KoreanReading:
    """English readings of a Korean question, most likely first (at most ``MAX_READINGS``);
    none when it asks about a country or city the report never names (태국 Thailand).

    Each Korean content word gives, of its English senses, the first the report uses (or its
    first sense when the report uses none); the second reading takes every sense the report
    uses (or the commonest ``COMMON_SENSES``); the third leaves the verbs out."""
    if aliases is not None:
        text = aliases.apply(text)
    book = terms.names if terms is not None else None
    heard: list[str] = []
    if book:
        text, heard = sound_names(text, book)
    kq: KoreanQuestion = read_korean(text)
    if _asks_elsewhere(kq, terms):
        return KoreanReading(())
    names, covered = _names(kq, book) if book is not None else ([], [])
    names = list(dict.fromkeys(heard + names))
    found = {w for n in names for w in n.lower().split()}
    latin = [w for w in kq.latin_words if w.lower() not in found]
    heard_words, unread = _unknown(kq, covered, book)
    # A transcribed name the report does not have (캘거리 Calgary) stays in the question,
    # romanised, as an English question would name it, so that the core sees a name it lacks.
    foreign = [romanize(u).replace(" ", "") for u in unread if looks_transcribed(u)]
    fixed = latin + list(kq.numbers) + heard_words + foreign
    kind, asked_by_kind = _kind_and_asked(kq, terms)
    speaker_key = _subject(kq) if kind == "said" and not names else None
    skipped = asked_by_kind | ({speaker_key} if speaker_key is not None else set())
    verbs = frozenset(k for k, _ in kq.alternatives if k.endswith("다"))
    choice = _SenseChoice(kq, terms, frozenset(skipped), verbs, frozenset(_before_nouns(kq)), tuple(fixed))
    speaker = _speaker(kq, speaker_key, terms)
    readings: list[str] = []
    for words in (choice.senses("first"), choice.senses("all"), choice.senses("first", with_verbs=False)):
        reading = _question(kind, names, fixed + words, kq.count_unit, speaker)
        if reading not in readings:
            readings.append(reading)
    understood = len(names) + len(latin) + len(kq.numbers) + len(heard_words) + len(kq.alternatives)
    return KoreanReading(tuple(readings[:MAX_READINGS]), understood, tuple(unread))


def english_questions(
    text: str, terms: ReportTerms | None = None, aliases: KoreanAliases | None = None
) -> list[str]:
    """The English readings of a Korean question (``read_for_english``), most likely first."""
    return list(read_for_english(text, terms, aliases).questions)


def english_question(text: str, terms: ReportTerms | None = None) -> str:
    """The most likely English reading of a Korean question."""
    return english_questions(text, terms)[0]


__all__ = [
    "KoreanAliases",
    "KoreanReading",
    "ReportTerms",
    "english_question",
    "english_questions",
    "is_korean",
    "merged_terms",
    "read_for_english",
    "report_terms",
]
