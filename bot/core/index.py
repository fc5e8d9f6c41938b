"""The index: every fact of one report analysed once into what the signals compare.

A fact is found through two fields: the sentences it cites (with the people a sentence refers
back to, and what the article's analysis found in them) and the ways curators wrote of asking
for it (``questions`` and ``keywords``). Words are weighted by how rare they are among the
report's sentences (BM25's idf), so "Ruiz" counts more than "bank".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any

from bot.core.analyzer import Analysis, Analyzer
from bot.core.article import (
    DATELINE,
    REASON_CUE,
    UNCLEAR,
    Article,
    Reading,
    Span,
    _bare,
    plain_name,
    read_article,
)
from bot.core.knowledge import Fact, FactBase
from bot.core.lexical import wordnet
from bot.core.lexical.morphy import spelled_initials
from bot.core.lexical_bridge import broader_stems, phrases_of
from bot.core.lexicon import NUMBER_WORDS
from bot.core.question import figures_in
from bot.core.text import WRITTEN_WORD, clean
from bot.core.vocabulary import CALENDAR, MONTH_NUMBER, WEEKDAYS, is_common_word, spelled_titles

#: Questions analysed and kept per report: enough for a busy channel's repeats, bounded so
#: that crafted distinct questions cannot grow memory without end.
QUERY_CACHE = 2048


@dataclass(frozen=True)
class Doc:
    """One fact as the signals see it."""

    fact: Fact
    readings: tuple[Reading, ...]
    tokens: frozenset[str]  # its sentences, their context names, its answer and keywords
    asks: tuple[frozenset[str], ...]  # each way of asking for it
    ask_texts: tuple[str, ...]
    figures: frozenset[str]
    months: frozenset[int]
    weekdays: frozenset[str]
    kinds: frozenset[str]
    #: Tokens of the titles and roles of the people the sentences name ("governor").
    role_tokens: frozenset[str] = frozenset()
    #: The role tokens the fact's sentences write themselves, not only their people's titles
    #: given elsewhere in the report ("Ana Lind, the company's chief executive, said").
    written_role_tokens: frozenset[str] = frozenset()
    #: Tokens of the roles of the people it names by surname alone, given elsewhere in the report
    #: ("Boyd, 58, ..." is the union president's age): met only by a question not asking who.
    referred_tokens: frozenset[str] = frozenset()
    #: Tokens that stand next to each other in its sentences, for multiword synonyms.
    pairs: frozenset[tuple[str, str]] = frozenset()

    @property
    def curated(self) -> bool:
        return bool(self.fact.answer)


#: The least weight a way of asking has, as a share of an unknown word's: a keyword the report
#: names in many sentences ("Vela") is no close match for every question naming it. Set on 35
#: drafted articles: 0.7 gave 1 fewer right citation and 3 fewer wrong answers; 1.0 and 1.3
#: lost 3 and 5 right citations for the same wrong answers.
ASK_MASS_FLOOR = 0.7


class FactIndex:
    """One report's facts, read and indexed once for fast matching."""

    def __init__(self, base: FactBase, article: Article | None = None) -> None:
        self.base = base
        self.facts = base.facts
        self.article = article or read_article(base.report)
        self.analyzer = Analyzer(base.synonyms, lemmatise=True)
        for sentence in base.report.sentences:
            self.analyzer.learn(sentence.text)
        for fact in self.facts:
            self.analyzer.learn(" ".join((*fact.questions, *fact.keywords, fact.answer)))
        self.docs = tuple(self._doc(f) for f in self.facts)
        self.idf = self._idf()
        self.names = self._name_tokens()
        self.person_names = self._name_tokens(("person",))
        self.place_names = self._name_tokens(("place",))
        self.body_names = self._name_tokens(("organisation",))
        self._query = lru_cache(maxsize=QUERY_CACHE)(self.analyzer.query)
        #: (fact number, analysed tokens of one way of asking, sorted), for rapidfuzz: sorted
        #: once here, so ``fuzz.ratio`` of sorted tokens is ``token_sort_ratio`` without re-sorting.
        self.ask_token_texts = [
            (i, " ".join(sorted(self.analyzer.index(q)[0])))
            for i, fact in enumerate(self.facts)
            for q in fact.questions
        ]
        self.ask_token_choices = [text for _, text in self.ask_token_texts]

    def __getstate__(self) -> dict[str, Any]:
        """For the cache of analysed reports: the question cache is rebuilt, not stored."""
        state = dict(self.__dict__)
        del state["_query"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._query = lru_cache(maxsize=QUERY_CACHE)(self.analyzer.query)

    def query(self, text: str) -> Analysis:
        """The tokens of a question (cached, bounded)."""
        return self._query(text)

    @cached_property
    def sentence_words(self) -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
        """For each sentence, where each word stands and its index tokens: what the checks read
        to find a question's word in a sentence, analysed once with the report."""
        return {s.text: self._words_at(s.text) for s in self.base.report.sentences}

    @cached_property
    def sentence_kinds(self) -> dict[str, frozenset[str]]:
        """For each sentence, the stems of what WordNet files its nouns under ("vessel" for
        "tanker"): what a which-question's focus may be met by, analysed once with the report."""
        return {s.text: broader_stems(s.text) for s in self.base.report.sentences}

    def kinds_of(self, text: str) -> frozenset[str]:
        """The broader stems of a sentence's nouns (from the analysis, when it is the report's)."""
        found = self.sentence_kinds.get(text)
        return found if found is not None else broader_stems(text)

    def written_words(self, text: str) -> tuple[tuple[int, frozenset[str]], ...]:
        """(start, index tokens) of each word of ``text``, a sentence's from the analysis."""
        found = self.sentence_words.get(text)
        return found if found is not None else self._words_at(text)

    def _words_at(self, text: str) -> tuple[tuple[int, frozenset[str]], ...]:
        return tuple((m.start(), self.document(m.group(0))) for m in WRITTEN_WORD.finditer(text))

    def document(self, text: str) -> frozenset[str]:
        """The index tokens of a text written in a fact (the analyser caches them)."""
        return frozenset(self.analyzer.index(text)[1])

    def _doc(self, fact: Fact) -> Doc:
        readings = tuple(self.article.reading(s.id) for s in fact.sources)
        context = " ".join(name for r in readings for name in (*r.context, r.speaker or ""))
        roles = " ".join(_role_words(span) for r in readings for span in r.spans if span.role)
        texts = [s.text for s in fact.sources] + [fact.answer, " ".join(fact.keywords), context, roles]
        texts += [initials for r in readings for span in r.spans if (initials := _initials_of(span))]
        texts += [s.text.replace("-", " ") for s in fact.sources if "-" in s.text]  # "variable-rate" ~ "variable rates"
        stated = " ".join([fact.answer, *(s.text for s in fact.sources)])
        words = clean(stated).split()
        return Doc(
            fact=fact,
            readings=readings,
            tokens=frozenset(t for text in texts for t in self.analyzer.index(text)[1]),
            asks=tuple(self.document(q) for q in (*fact.questions, *fact.keywords)),
            ask_texts=tuple(clean(q).rstrip("?. ") for q in fact.questions),
            figures=frozenset(figures_in(stated)) | self._this_year(stated) | _spelled_figures(stated),
            months=frozenset(MONTH_NUMBER[w.strip(".,")] for w in words if w.strip(".,") in MONTH_NUMBER),
            weekdays=frozenset(w.strip(".,") for w in words if w.strip(".,") in WEEKDAYS),
            kinds=frozenset(k for r in readings for k in r.kinds) | self._implied_kinds(readings),
            role_tokens=frozenset(self.analyzer.index(roles)[1]),
            written_role_tokens=frozenset(self.analyzer.index(_written_roles(readings))[1]),
            referred_tokens=frozenset(self.analyzer.index(" ".join(self._referred_roles(readings)))[1]),
            pairs=frozenset(pair for text in texts for pair in self._pairs(text)),
        )

    def _referred_roles(self, readings: tuple[Reading, ...]) -> list[str]:
        """The roles of the people a sentence names by surname alone ("Boyd, 58, has worked ..."
        is Local President Terrence Boyd's age)."""
        people = self.article.people
        return [
            spelled_titles(role)
            for r in readings
            for span in r.spans
            if span.refers and span.refers in people and not span.role
            for role in people[span.refers].roles
        ]

    def _pairs(self, text: str) -> list[tuple[str, str]]:
        tokens = self.analyzer.index(text)[1]
        return list(pairwise(tokens))

    def phrase(self, text: str) -> tuple[str, ...]:
        """A phrase's tokens, in order."""
        return tuple(self.analyzer.index(text)[1])

    def phrases_of(self, word: str) -> tuple[tuple[str, ...], ...]:
        """A word's multiword synonyms, as this report's tokens in order ("ceo" -> (chief, execut, offic))."""
        return tuple(self.phrase(p) for p in phrases_of(word))

    @staticmethod
    def _implied_kinds(readings: tuple[Reading, ...]) -> frozenset[str]:
        """Kinds a sentence answers without a span of them: who is quoted ("she said" after a
        named quote), and a reason when it gives one ("because", "blamed", "saying")."""
        out = set()
        for r in readings:
            if r.speaker and r.speaker != UNCLEAR:
                out.add("speaker")
            if REASON_CUE.search(r.sentence.text):
                out.add("reason")
        return frozenset(out)

    def _this_year(self, text: str) -> frozenset[str]:
        """The article's year, for a sentence that says "this year"."""
        year = self.article.year
        return frozenset({year}) if year and "this year" in text.lower() else frozenset()

    def _idf(self) -> dict[str, float]:
        """BM25's idf over the report's sentences."""
        df: dict[str, int] = {}
        sentences = self.base.report.sentences
        for s in sentences:
            for t in set(self.analyzer.index(s.text)[1]):
                df[t] = df.get(t, 0) + 1
        n = max(len(sentences), 1)
        return {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def _name_tokens(self, kinds: tuple[str, ...] = ("person", "organisation", "place", "name")) -> frozenset[str]:
        """Tokens of the names the article holds (people, bodies, places)."""
        out: set[str] = set()
        for reading in self.article.readings.values():
            for span in reading.spans:
                if span.kind in kinds:
                    keep = span.text.split() if span.kind == "person" else [
                        w for w in span.text.split() if not is_common_word(_bare(w))
                    ]  # "Faith Kiptoo": a common word is a name when a person bears it
                    out.update(self.analyzer.index(" ".join(keep))[1])
        return frozenset(t for t in out if not t.isdigit() and t not in CALENDAR)

    @cached_property
    def initials(self) -> dict[str, frozenset[str]]:
        """The initials of the article's names of bodies ("bon" and "bn" for the Bank of Norway),
        each with the tokens of the name: a question may use them though the article does not."""
        out: dict[str, set[frozenset[str]]] = {}
        for reading in self.article.readings.values():
            for span in (s for s in reading.spans if s.kind == "person"):
                for letters, title in titles_by_initials(span.role):  # "cto": chief technology officer
                    out.setdefault(letters, set()).add(frozenset(self.analyzer.index(" ".join(title))[1]))
            for span in reading.spans:
                words = plain_name(span.text).split()
                if span.kind != "organisation" or len(words) < 2:
                    continue
                tokens = frozenset(self.analyzer.index(" ".join(words))[1])
                for keep_links in (True, False):
                    letters = "".join(w[0] for w in words if keep_links or w[:1].isupper()).lower()
                    if len(letters) >= 2 and letters.isalpha():
                        out.setdefault(letters, set()).add(tokens)
        return {k: next(iter(v)) for k, v in out.items() if len(v) == 1 and k not in self.vocabulary}

    def unknown_idf(self) -> float:
        n = max(len(self.base.report.sentences), 1)
        return math.log(1 + (n + 0.5) / 0.5)

    @cached_property
    def role_vocabulary(self) -> frozenset[str]:
        """The tokens of every title and role the report gives someone."""
        return frozenset(t for doc in self.docs for t in doc.role_tokens)

    @cached_property
    def ask_masses(self) -> tuple[tuple[float, ...], ...]:
        """For each fact, the idf of each of its ways of asking (a word's capped at an unknown
        word's): the part of the ``asked`` overlap that no question changes."""
        unknown = self.unknown_idf()
        floor = ASK_MASS_FLOOR * unknown
        return tuple(
            tuple(max(sum(min(self.idf.get(t, unknown), unknown) for t in ask), floor) for ask in doc.asks) for doc in self.docs
        )

    @cached_property
    def sentence_docs(self) -> dict[tuple[int, int], tuple[int, Doc]]:
        """(paragraph, sentence) -> (order, drafted fact of that one sentence), the first such fact
        of each sentence."""
        out: dict[tuple[int, int], tuple[int, Doc]] = {}
        for order, doc in enumerate(self.docs):
            if len(doc.readings) == 1 and not doc.curated:
                sentence = doc.readings[0].sentence
                out.setdefault((sentence.paragraph, sentence.index), (order, doc))
        return out

    @cached_property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """Every pair of tokens that stand together in the report's facts."""
        return frozenset(pair for doc in self.docs for pair in doc.pairs)

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every token of the report's facts."""
        return frozenset(t for d in self.docs for t in d.tokens) | frozenset(
            t for d in self.docs for a in d.asks for t in a
        )


_SPELLED = re.compile(r"\b(" + "|".join(w for w in NUMBER_WORDS if w != "zero") + r")\b(?=[\s-])", re.IGNORECASE)


def _spelled_figures(text: str) -> frozenset[str]:
    """Figures written as words ("the five-year bond", "two members"), as digits."""
    return frozenset(NUMBER_WORDS[m.group(1).lower()] for m in _SPELLED.finditer(text))


#: What the body a dateline names is: the agency in "(Agency) -" filed the story, so it answers "which agency".
DATELINE_BODY = "news agency"


def _written_roles(readings: tuple[Reading, ...]) -> str:
    """The roles of a fact's people that its own sentences write ("Ana Lind, the company's
    chief executive, said"), not those carried from elsewhere ("Ana Lind founded Vela")."""
    return " ".join(
        spelled_titles(part)
        for r in readings
        for s in r.spans
        if s.role and s.role != DATELINE
        for part in s.role.split("; ")
        if part.lower() in r.sentence.text.lower()
    )


def _role_words(span: Span) -> str:
    """The words a span's role adds to its fact: a title spelled out, or what a dateline's
    body is."""
    if span.role == DATELINE:
        return DATELINE_BODY if span.kind == "organisation" else ""
    return spelled_titles(span.role)


#: Fewer letters than this are initials of a place only where WordNet gives them for its name.
MIN_INITIALS = 3

#: The kinds of name a question may write by their initials though the sentence spells them out
#: (a body's initials are ``FactIndex.initials``, which the question's words are matched with).
INITIALLED_KINDS = ("place",)


#: A title of this many lower-case words or more may be asked by its initials ("CTO", "CFO").
TITLE_INITIALS = 3
#: Words that end a run of title words.
_NOT_TITLE = frozenset(["the", "a", "an", "its", "his", "her", "their", "of", "at", "for", "and", "in", "on", "who", "with"])


def titles_by_initials(role: str) -> list[tuple[str, list[str]]]:
    """The runs of three or more title words in a role, each with its initials ("its chief
    technology officer": "cto", [chief, technology, officer]), articles, possessives and
    prepositions cutting them."""
    out: list[tuple[str, list[str]]] = []
    for part in role.split("; "):
        run: list[str] = []
        for word in [*part.split(), ""]:
            if word.isalpha() and word.islower() and word not in _NOT_TITLE:
                run.append(word)
                continue
            if len(run) >= TITLE_INITIALS:
                out.append(("".join(w[0] for w in run), run))
            run = []
    return out


def _initials_of(span: Span) -> str:
    """ "United States" -> "U.S.", "United Arab Emirates" -> "UAE": the initials of a place's name
    of two or more capitalised words, written as a question would write them. Two letters only
    when WordNet gives them for the name ("UK", not "SA" for South Africa nor "CT" for Cape Town,
    which other names share); "" when they spell a common word WordNet spells no other way
    ("New Orleans West" is not asked as "NOW"), "U.S." when it does ("us" is a word)."""
    words = [w for w in plain_name(span.text).split() if w[:1].isupper()]
    if span.kind not in INITIALLED_KINDS or len(words) < 2 or not all(w.isalpha() for w in words):
        return ""
    letters = "".join(w[0] for w in words)
    known = {s.replace(".", "") for s in wordnet.synonyms(" ".join(words).lower())}
    if len(letters) < MIN_INITIALS and letters.lower() not in known:
        return ""
    if is_common_word(letters.lower()):
        return ".".join(letters) + "." if spelled_initials(letters.lower()) else ""
    return letters
