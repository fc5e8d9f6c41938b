"""From a question to ranked facts, and the rules that decide to answer or decline.

Signals, all computed over the fact base prepared once at start-up:

* **coverage**: the share of the question's words (weighted by how rare they are in the fact
  base, i.e. IDF) that a fact explains with its questions, keywords, answer or sources. A word
  the report never uses ("Vietnam", "currency") weighs more, so near misses decline;
* **BM25** of the question against each fact, for ranking facts that explain the same words;
* **fuzzy similarity** (rapidfuzz ``process.extract`` over prepared strings) between the
  question and the ways people ask for a fact, on tokens and on the raw text, for phrasing;
* **question type**: a "who/when/where/how many/how old" question only goes to a fact that
  answers that type;
* **numbers, places and owners**: every number in the question must be in the fact ("2022" is
  not), a place the report never names ("Laos") declines, and "Peru's foreign minister"
  needs a fact that says "Peru's ... minister".

Thresholds are named constants below; ``decide`` applies them and the ambiguity rule. Each
check (``CHECKS``) is written once, with the factor its failure puts on the score; a fact that
fails a hard check (type, number, owner, place) is never the answer.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.core.analyzer import Analysis, Analyzer
from bot.core.knowledge import Fact, FactBase
from bot.core.lexicon import ANTONYMS, CALENDAR_WORDS, LIGHT_WORDS, ROLE_WORDS, STOPWORDS, places
from bot.core.text import clean, stem
from bot.core.vocabulary import ORGANISATION_WORDS

log = logging.getLogger(__name__)

#: Below this score the bot declines.
ANSWER_THRESHOLD = 0.52
#: The best fact must explain at least this share of the question (IDF-weighted) to answer.
MIN_COVERAGE = 0.7
#: A question asking for a name needs a fact whose questions and keywords (not only its answer
#: or source) explain this share of it: "the names of the suspects" is not "who reported their
#: indictment".
MIN_NAME_COVERAGE = 0.6
#: Below this score an answer carries a "not fully sure" hint.
CONFIDENT = 0.7
#: Ambiguity rule: a runner-up within this margin of the best score, above the threshold,
#: explaining the question about as fully (coverage within RELEVANCE_MARGIN) and citing other
#: sentences is cited as well ("how much did burglaries rise": the figures and the average).
AMBIGUITY_MARGIN = 0.1
RELEVANCE_MARGIN = 0.05
#: At most this many facts make one answer.
MAX_FACTS_PER_ANSWER = 2

#: Weights of the signals in the score (they sum to 1).
W_COVERAGE = 0.55
W_BM25 = 0.15
W_FUZZY_TOKENS = 0.15
W_FUZZY_TEXT = 0.15

#: A word found only in a fact's source sentences counts this much (curated fields count 1).
SOURCE_ONLY_WEIGHT = 0.85
#: Weight of a word that frames a question without choosing its topic (``lexicon.LIGHT_WORDS``).
LIGHT_WEIGHT = 0.2
#: Weight (times the rarest word's IDF) of a question word no fact uses: a common word ("attend")
#: counts like a rare one, a capitalised word (a name: "Vietnam") counts much more.
UNKNOWN_WORD_WEIGHT = 0.35
UNKNOWN_NAME_WEIGHT = 2.0
#: Score factors (for ranking; ``decide`` never answers with such a fact) for a fact that does
#: not answer the question's type, lacks one of its numbers, or does not support "X's Y".
TYPE_MISMATCH = 0.55
#: Score factor for a fact that does not answer a "how" question's type.
SOFT_TYPE_MISMATCH = 0.9
#: Score factor for a fact that only answers who/when/where/... when the question asks none of
#: them ("what did Ortiz say" is not "who is Ortiz").
NARROW_FACT = 0.85
NUMBER_MISMATCH = 0.35
OWNER_MISMATCH = 0.55
#: Score factor for every fact when the question names a place the report never mentions.
PLACE_MISMATCH = 0.4
#: How many facts (by coverage) go on to the fuzzy comparison.
CANDIDATES = 60
#: BM25 parameters.
BM25_K1 = 1.2
BM25_B = 0.5

#: Question types a fact must answer when the question asks them.
HARD_TYPES = frozenset({"who", "name", "when", "future", "where", "how_many", "age", "why"})
SOFT_TYPES = frozenset({"how"})
OPEN_TYPES = frozenset({"what", "why", "how"})
_LIGHT = frozenset(stem(w) for w in LIGHT_WORDS)
_TYPE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("age", r"\bhow old\b|\bwhat age\b|\bage of\b|\baged?\b"),
        (
            "how_many",
            r"\bhow (many|much)\b|\bwhat (number|percentage|share|amount)\b|\bnumber of\b"
            r"|\bby what factor\b|\bhow (big|high|large) (was|is|were|are)\b"
            r"|\bhow (bad|serious|severe|widespread|common|frequent)\b"
            r"|\b(what|which) (level|rank|grade|degree|stage|tier)\b",
        ),
        ("when", r"\bwhen\b|\b(what|which) (day|date|time|year|month|week|weekday)\b"),
        (
            "where",
            r"\bwhere\b|\b(what|which) (\w+ )?(country|city|province|place|region|area|location"
            r"|mountain|town|areas|places|regions|cities|provinces|district|districts|constituency)\b(?!')",
        ),
        (
            "who",
            r"\bwho(m|se|s)?\b|\b(what|which) (person|people|official|officials|minister"
            r"|organi[sz]ations?|agency|agencies|party|parties|group|groups|lawmakers?"
            r"|politicians?|news agency|ministry|ministries|nationality)\b"
            r"|\bname\b|\bnamed\b",
        ),
        ("name", r"\bnames?\b|\bnamed\b|\bstands? for\b|\bshort for\b|\bfull form\b"),
        (
            "why",
            r"\bwhy\b|\breasons?\b|\bwhat (prompted|caused|triggered|sparked|led)\b"
            r"|\bwhat('s| is| was) the (purpose|point|aim|goal)\b",
        ),
        ("how", r"^how\b(?! (many|much|old))"),
    )
)
#: Kinds of place or body that have proper names: "which university?" asks for one.
_NAMED_KINDS = "university|college|school|company|firm|hospital|gang|court|prison|bank|hotel|church"
_WHICH_NAMED = re.compile(rf"\b(?:which|what) ({_NAMED_KINDS})\b", re.IGNORECASE)
_YES_NO = re.compile(r"^(is|are|was|were|will|would|did|does|do|has|have|had|can|could|should)\b")
_FUTURE = re.compile(r"\bwill\b|\bgoing to\b|\bgonna\b|\bwhen (does|do)\b|\bsoon\b|\bnext\b")
_SOURCE_QUESTION = re.compile(r"\bwhere\b.*\b(come|comes|came|coming)\s+from\b|\bsource\b")
_POSSESSIVE = re.compile(r"\b([A-Za-z][A-Za-z.-]*(?: [A-Za-z-]+)?)'s ((?:[A-Za-z-]+ ?){1,3})")
#: Who acts for a place: "the Peruvian government" is not "the government" of the report.
_ACTORS = (
    "government|administration|ambassador|envoy|minister|foreign minister|president|prime minister"
    "|spokesman|spokesperson|official|authorities|authority|prosecutor|lawmaker|parliament"
    "|leader|king|military|army|court|media|ministry|police"
)
_OF_OWNER = re.compile(r"\b((?:[A-Za-z-]+ ){0,2}[A-Za-z-]+) (?:of|for) ((?:the )?[A-Za-z]+(?: [A-Za-z]+)?)\b")
_PLACE_ACTOR = re.compile(rf"'?s? ((?:{_ACTORS})s?)\b")
_US = re.compile(r"\bU\.?S\.?A?\b")
_NAME_WORD = re.compile(r"[^\W_]+")


@cache
def _general_places() -> dict[tuple[str, ...], str]:
    return {tuple(_NAME_WORD.findall(n)): n for n in places()}  # already lower-case


class Gazetteer:
    """Place names (``lexicon.places()`` and a report's own), found in text by runs of words.

    A name is found where its words stand side by side in the lower-cased text ("peru's" holds
    "peru"), the longest name first ("south africa" before "africa").
    """

    def __init__(self, extra: Iterable[str] = ()) -> None:
        """The general places (``lexicon.places()``) and ``extra`` names (a report's own)."""
        self.names = dict(_general_places())
        self.names.update((tuple(_NAME_WORD.findall(clean(n))), clean(n)) for n in extra)
        self.names.pop((), None)
        #: first word -> the lengths (in words) of the names it starts, longest first
        self._starts: dict[str, list[int]] = {}
        for key in self.names:
            self._starts.setdefault(key[0], []).append(len(key))
        for lengths in self._starts.values():
            lengths.sort(reverse=True)

    def spans(self, text: str) -> list[tuple[str, int]]:
        """(place, where its last word ends) for each place named in cleaned ``text``."""
        tokens = list(_NAME_WORD.finditer(text))
        found: list[tuple[str, int]] = []
        i = 0
        while i < len(tokens):
            for n in self._starts.get(tokens[i].group(0), ()):
                if i + n > len(tokens):
                    continue
                name = self.names.get(tuple(t.group(0) for t in tokens[i : i + n]))
                if name is not None:
                    found.append((name, tokens[i + n - 1].end()))
                    i += n
                    break
            else:
                i += 1
        return found

    def places_in(self, text: str) -> set[str]:
        """The places named in ``text``."""
        found = {name for name, _ in self.spans(clean(text))}
        if _US.search(clean(text, fold=False)):  # "US" only in capitals: "tell us" is no country
            found.add("united states")
        return found

    def actors(self, text: str) -> list[tuple[str, str]]:
        """(place, actor) for "Peru's foreign minister", "the Peruvian government"."""
        pairs = []
        for name, end in self.spans(text):
            m = _PLACE_ACTOR.match(text, end)
            if m:
                pairs.append((name, m.group(1)))
        return pairs


#: Ways of asking "why" whose verb would otherwise be read as a topic ("what led Lima to ...").
_WHY_PHRASES = re.compile(
    r"\b(what|which \w+) (led|made|drove|pushed|caused|prompted|triggered|spurred|motivated)\b"
    r"|\bhow come\b|\bfor what reason\b|\bwhat('s| is) the reason\b",
    re.IGNORECASE,
)


def rewrite(question: str) -> str:
    """The question with phrasings the analysis would misread put plainly ("what led X" -> "why X")."""
    return _WHY_PHRASES.sub("why", question)


def question_types(question: str) -> frozenset[str]:
    """The types a question asks: ``who``, ``when``, ``where``, ``how_many``, ``age``, ``why``, ``how``."""
    text = clean(question)
    found = {name for name, pattern in _TYPE_PATTERNS if pattern.search(text)}
    if _SOURCE_QUESTION.search(text):
        found |= {"who", "where"}
    if "age" in found:
        found.discard("how_many")
    if "when" in found and _FUTURE.search(text):  # "when will the new office open?"
        found = (found - {"when"}) | {"future"}
    return frozenset(found)


@dataclass(frozen=True)
class Match:
    """How well one fact fits one question."""

    fact: Fact
    score: float
    coverage: float
    bm25: float
    fuzzy: float
    #: The names of the checks (``CHECKS``) the fact fails.
    failed: frozenset[str] = frozenset()

    @property
    def answerable(self) -> bool:
        """Whether the fact passes every hard check: one that fails any never answers."""
        return not self.failed & HARD_CHECKS

    @property
    def type_ok(self) -> bool:
        return "type" not in self.failed

    @property
    def numbers_ok(self) -> bool:
        return "numbers" not in self.failed

    @property
    def owner_ok(self) -> bool:
        return "owner" not in self.failed

    @property
    def place_ok(self) -> bool:
        return "place" not in self.failed


@dataclass(frozen=True)
class Ranking:
    """The facts for one question, best first, and how the question was read."""

    question: str
    analysis: Analysis
    types: frozenset[str]
    matches: tuple[Match, ...]

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None


@dataclass(frozen=True)
class Decision:
    """The facts to answer with (empty: decline) and the confidence."""

    facts: tuple[Fact, ...]
    confidence: float
    uncertain: bool


@dataclass(frozen=True)
class _Asked:
    """A question as the checks read it, once for all its candidate facts."""

    tokens: tuple[str, ...]
    idf: dict[str, float]
    total: float
    yes_no: bool
    #: The days and months it names, and with them its figures: the fact must state them.
    days: frozenset[str]
    numbers: frozenset[str]
    hard: frozenset[str]
    soft: frozenset[str]
    #: "university" for "which university?"
    named_kind: str | None
    #: ("peru", "foreign_minist") for "Peru's foreign minister"
    owners: tuple[tuple[str, str], ...]
    #: False when it names a place the report never mentions
    place_ok: bool


@dataclass(frozen=True)
class _Signals:
    """The candidate facts' signals for one question."""

    coverage: dict[int, float]
    bm25: dict[int, float]
    top_bm25: float
    fuzzy: dict[int, tuple[float, float]]


class FactIndex:
    """One report's fact base, prepared once for fast matching."""

    def __init__(self, base: FactBase) -> None:
        self.base = base
        self.facts = base.facts
        self.analyzer = Analyzer(base.synonyms)
        self.gazetteer = Gazetteer(base.info.places)
        self._calendar = frozenset(stem(w) for w in CALENDAR_WORDS)
        curated_texts = [(*f.questions, *f.keywords, f.answer) for f in self.facts]
        source_texts = [tuple(s.text for s in f.sources) for f in self.facts]
        self._learn_words(curated_texts, source_texts)
        postings = self._index_facts(curated_texts, source_texts)
        self._postings = dict(postings)
        self._places = self._report_places()
        self._places_tokens = frozenset(
            t for t in map(self.analyzer.one_token, self.gazetteer.names.values()) if t is not None
        )
        self._names = self._places_tokens | self._single_tokens(self._bodies())
        self._antonyms = self._antonym_tokens()
        n = len(self.facts)
        self._idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
        self._idf_unknown = math.log(1 + (n + 0.5) / 0.5)
        self._avg_len = sum(sum(tf.values()) for tf in self._tf) / max(n, 1)
        self._prepare_ways_of_asking()

    def _learn_words(self, curated_texts: list[tuple[str, ...]], source_texts: list[tuple[str, ...]]) -> None:
        """Teach the analyzer every word of the fact base and the report (typos repair to them)."""
        for text in {t for texts in (*curated_texts, *source_texts) for t in texts}:
            self.analyzer.learn(text)
        for sentence in self.base.report.sentences:
            self.analyzer.learn(sentence.text)

    def _index_facts(
        self, curated_texts: list[tuple[str, ...]], source_texts: list[tuple[str, ...]]
    ) -> dict[str, list[tuple[int, float]]]:
        """Per fact: each token's weight (1 in its own fields, less in its source sentences only)
        and term frequency, the figures and days it states, the canonical token sequences of its
        texts (for "X's Y" checks, done lazily on the few candidates) and the tokens of the ways
        people ask for it. Returns the postings from token to (fact, weight)."""
        self._weights: list[dict[str, float]] = []
        self._tf: list[dict[str, float]] = []
        self._numbers: list[frozenset[str]] = []
        self._sequences: list[tuple[tuple[str, ...], ...]] = []
        self._adjacent: dict[int, Adjacency] = {}  # filled on first use, per fact
        self._asked: list[frozenset[str]] = []  # tokens of the ways people ask for the fact
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i, (own, sources) in enumerate(zip(curated_texts, source_texts, strict=True)):
            weights, tf, sequences = self._weigh(own, sources)
            self._weights.append(weights)
            self._tf.append(tf)
            self._numbers.append(self._stated(self.facts[i], sources))
            self._sequences.append(sequences)
            self._asked.append(self._asking_tokens(self.facts[i]))
            for t, w in weights.items():
                postings[t].append((i, w))
        return postings

    def _weigh(
        self, own: tuple[str, ...], sources: tuple[str, ...]
    ) -> tuple[dict[str, float], dict[str, float], tuple[tuple[str, ...], ...]]:
        """A fact's token weights, term frequencies and canonical token sequences."""
        tf: dict[str, float] = defaultdict(float)
        weights: dict[str, float] = {}
        sequences = []
        for texts, weight in ((sources, SOURCE_ONLY_WEIGHT), (own, 1.0)):
            for text in texts:
                canonical, document = self.analyzer.index(text)
                sequences.append(canonical)
                for t in document:
                    tf[t] += weight
                    weights[t] = max(weights.get(t, 0.0), weight)
        return weights, dict(tf), tuple(sequences)

    def _stated(self, fact: Fact, sources: tuple[str, ...]) -> frozenset[str]:
        """The figures and days a fact states: in its answer or its sources, not in the ways
        people ask for it ("how many a year before 2024?" does not make 2024 its figure)."""
        stated = (t for text in (fact.answer, *sources) for t in self.analyzer.index(text)[1])
        return frozenset(t for t in stated if t.isdigit() or t in self._calendar)

    def _asking_tokens(self, fact: Fact) -> frozenset[str]:
        """The tokens of the ways people ask for ``fact`` (its questions and keywords)."""
        return frozenset(t for q in (*fact.questions, *fact.keywords) for t in self.analyzer.index(q)[1])

    def _report_places(self) -> set[str]:
        """The places the report names, in its sentences or its synonym groups."""
        places_in = self.gazetteer.places_in
        return places_in(" ".join(s.text for s in self.base.report.sentences)) | {
            place for group in self.base.synonyms for place in places_in(" , ".join(group))
        }

    def _bodies(self) -> list[str]:
        """Of the report's names, bodies own things ("the Green Party's leader"): those its
        ``report.yaml`` lists, and its capitalised synonym groups whose last word names a kind
        of organisation. People are left out: "Smith's order" is said in too many ways to check."""
        return list(self.base.info.bodies) + [
            g[0]
            for g in self.base.synonyms
            if g[0][:1].isupper() and g[0].split()[-1].lower() in ORGANISATION_WORDS
        ]

    def _single_tokens(self, names: list[str]) -> frozenset[str]:
        """The names that read as one token each ("united nations" gives no "nation")."""
        tokens = (self.analyzer.index(name)[0] for name in names)
        return frozenset(t[0] for t in tokens if len(t) == 1)

    def _antonym_tokens(self) -> dict[str, str]:
        """Each token of ``lexicon.ANTONYMS`` and its opposite, both ways."""
        antonyms: dict[str, str] = {}
        for a, b in ANTONYMS:
            ta, tb = self.analyzer.index(a)[0], self.analyzer.index(b)[0]
            if ta and tb:
                antonyms[ta[0]], antonyms[tb[0]] = tb[0], ta[0]
        return antonyms

    def _prepare_ways_of_asking(self) -> None:
        """The ways people ask, prepared for rapidfuzz: token strings and cleaned text."""
        self._ask_fact: list[int] = []
        self._ask_tokens: list[str] = []
        self._ask_text: list[str] = []
        self._rows_of: dict[int, list[int]] = defaultdict(list)
        for i, fact in enumerate(self.facts):
            for q in (*fact.questions, *fact.keywords):
                self._rows_of[i].append(len(self._ask_fact))
                self._ask_fact.append(i)
                self._ask_tokens.append(" ".join(sorted(self.analyzer.index(q)[0])))
                self._ask_text.append(clean(q).rstrip("?. "))

    def idf(self, token: str, analysis: Analysis, *, yes_no: bool = False) -> float:
        if token in _LIGHT or (
            yes_no and (token.isdigit() or token in self._calendar) and token not in self._idf
        ):
            return LIGHT_WEIGHT  # a figure or day no fact has, in a yes/no question, may just be wrong
        if token in self._idf:
            return self._idf[token]
        if token in analysis.adverbs:
            return LIGHT_WEIGHT
        weight = UNKNOWN_NAME_WEIGHT if token in analysis.proper else UNKNOWN_WORD_WEIGHT
        return self._idf_unknown * weight

    def rank(self, question: str) -> Ranking:
        """Score every fact that shares a word with ``question``; best first."""
        analysis = self.analyzer.query(rewrite(question))
        types = question_types(question)
        tokens = list(dict.fromkeys(analysis.tokens))
        if all(t in _LIGHT for t in tokens):  # "what time is it?": nothing to look for
            return Ranking(question, analysis, types, ())
        yes_no = bool(_YES_NO.match(clean(question)))
        idf = {t: self.idf(t, analysis, yes_no=yes_no) for t in tokens}
        covered = self._covered(tokens, idf, yes_no=yes_no)
        if not covered:
            return Ranking(question, analysis, types, ())
        total = sum(idf.values())
        coverage = {i: c / total for i, c in covered.items()}
        candidates = heapq.nlargest(CANDIDATES, coverage, key=lambda i: (coverage[i], -i))
        signals = self._signals(question, candidates, coverage, tokens, idf)
        asked = self._read(question, analysis, types, tokens, idf, yes_no=yes_no)
        matches = [self._match(i, asked, signals) for i in candidates]
        matches.sort(key=lambda m: (-m.score, m.fact.id))
        return Ranking(question, analysis, types, tuple(matches))

    def _covered(self, tokens: list[str], idf: dict[str, float], *, yes_no: bool) -> dict[int, float]:
        """Per fact that shares a word with the question, the IDF weight of the words it explains.

        A yes/no question's direction may be wrong ("did burglaries fall?"): the fact that
        says the opposite ("they soared") answers it."""
        covered: dict[int, float] = defaultdict(float)
        for t in tokens:
            best: dict[int, float] = {}
            for alt in (t, self._antonyms.get(t)) if yes_no else (t,):
                for i, weight in self._postings.get(alt or "", ()):
                    best[i] = max(best.get(i, 0.0), weight)
            for i, weight in best.items():
                covered[i] += idf[t] * weight
        return covered

    def _signals(
        self,
        question: str,
        candidates: list[int],
        coverage: dict[int, float],
        tokens: list[str],
        idf: dict[str, float],
    ) -> _Signals:
        """BM25 and fuzzy similarity of the candidate facts, besides their coverage."""
        bm25 = {i: self._bm25(i, tokens, idf) for i in candidates}
        fuzzy = self._fuzzy(candidates, " ".join(tokens), clean(question).rstrip("?. "))
        return _Signals(coverage, bm25, max(bm25.values()) or 1.0, fuzzy)

    def _read(
        self,
        question: str,
        analysis: Analysis,
        types: frozenset[str],
        tokens: list[str],
        idf: dict[str, float],
        *,
        yes_no: bool,
    ) -> _Asked:
        """What the checks need of the question."""
        # A day or month named in the question must be in the fact, like a figure ("what did the
        # ministry do on Friday?"); "did the team leave on Thursday?" may be wrong, like a figure.
        days = frozenset(t for t in tokens if t in self._calendar)
        hard = types & HARD_TYPES
        kind = _WHICH_NAMED.search(question)
        # "X's Y" must hold in the fact, except in a yes/no question, whose premise may be wrong
        # ("indicted by Chilean prosecutors?" is answered by "Peruvian prosecutors").
        owners = () if yes_no else tuple(self._owners(question, names=bool(hard)))
        return _Asked(
            tokens=tuple(tokens),
            idf=idf,
            total=sum(idf.values()),
            yes_no=yes_no,
            days=days,
            numbers=analysis.numbers | days,
            hard=hard,
            soft=types & SOFT_TYPES,
            named_kind=kind.group(1).lower() if kind else None,
            owners=owners,
            place_ok=not (self.gazetteer.places_in(question) - self._places),
        )

    def _match(self, i: int, asked: _Asked, signals: _Signals) -> Match:
        """Fact ``i`` scored by its signals, then put to every check."""
        coverage, bm25 = signals.coverage[i], signals.bm25[i]
        ftok, ftext = signals.fuzzy[i]
        score = (
            W_COVERAGE * coverage
            + W_BM25 * bm25 / signals.top_bm25 * coverage
            + W_FUZZY_TOKENS * ftok
            + W_FUZZY_TEXT * ftext
        )
        failed = frozenset(check.name for check in CHECKS if not check.passes(self, i, asked))
        return Match(self.facts[i], min(penalised(score, failed), 1.0), coverage, bm25, ftok, failed)

    def _bm25(self, i: int, tokens: list[str], idf: dict[str, float]) -> float:
        tf = self._tf[i]
        length = sum(tf.values())
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / self._avg_len)
        return sum(idf[t] * tf[t] * (BM25_K1 + 1) / (tf[t] + norm) for t in tokens if t in tf)

    def _fuzzy(self, candidates: list[int], tokens: str, text: str) -> dict[int, tuple[float, float]]:
        """Per candidate, rapidfuzz's best closeness of the question to a way of asking for it:
        of the sorted tokens (the ways' tokens are kept sorted, so ``ratio`` is rapidfuzz's
        ``token_sort_ratio`` without sorting each way again) and of the cleaned text."""
        rows = [row for i in candidates for row in self._rows_of[i]]
        best: dict[int, tuple[float, float]] = {i: (0.0, 0.0) for i in candidates}
        if not rows:
            return best
        query = " ".join(sorted(tokens.split()))
        tok = process.extract(query, [self._ask_tokens[r] for r in rows], scorer=fuzz.ratio, processor=None, limit=None)
        txt = process.extract(text, [self._ask_text[r] for r in rows], scorer=fuzz.ratio, processor=None, limit=None)
        for _choice, score, at in tok:
            i = self._ask_fact[rows[at]]
            best[i] = (max(best[i][0], score / 100), best[i][1])
        for _choice, score, at in txt:
            i = self._ask_fact[rows[at]]
            best[i] = (best[i][0], max(best[i][1], score / 100))
        return best

    def _owners(self, question: str, *, names: bool) -> list[tuple[str, str]]:
        """("peru", "foreign_minist") for "Peru's foreign minister", "... of Peru" or
        "the Peruvian foreign minister".

        Only places own things here, and (``names``, for who/when/where... questions) the names
        of the report's synonym groups; never a role ("the minister's summons"). An owner that the
        question's own reading folds into a phrase ("Peru's capital") is no owner.
        """
        asked = set(self.analyzer.query(question).tokens)
        raw = clean(question, fold=False)
        # (owner, owned words, where the head of the owned words is): "X's <head> ..." and
        # "... <head> of X".
        found = [(m.group(1), m.group(2), 0) for m in _POSSESSIVE.finditer(raw)]
        found += [(m.group(2), m.group(1), -1) for m in _OF_OWNER.finditer(raw)]
        found += [(place, actor, 0) for place, actor in self.gazetteer.actors(clean(question))]
        pairs: list[tuple[str, str]] = []
        for owner, owned, head in found:
            owner_tokens = self.analyzer.index(owner)[0]
            owned_tokens = self.analyzer.index(owned)[0]
            if not owner_tokens or not owned_tokens:
                continue
            if owner.split()[-1].lower().rstrip("s") in ROLE_WORDS:
                continue  # "the foreign minister's summons": a role, not an owner of things
            if owned.split()[head].lower() in STOPWORDS:
                continue  # "out of Peru", "some of them"
            known = self._names if names else self._places_tokens
            named = [t for t in owner_tokens if t in known and t in asked]
            if named and owned_tokens[head] not in self._names:  # "the capital of Peru": a place
                pairs.append((named[-1], owned_tokens[head]))
        return pairs

    def _names_kind(self, i: int, kind: str) -> bool:
        """Whether fact ``i`` names a ``kind`` ("... University", "... Hospital") in its answer or sources."""
        fact = self.facts[i]
        pattern = re.compile(rf"\b[A-Z][\w'-]*(?: [A-Z][\w'-]*)* {kind.capitalize()}\b")
        return any(pattern.search(text) for text in (fact.answer, *(s.text for s in fact.sources)))

    def _supports(self, i: int, pair: tuple[str, str]) -> bool:
        """Whether a text of fact ``i`` has the two tokens of ``pair`` side by side (stop words such
        as "of" and "'s" are already gone): "Peru's ambassador", "ambassador of Peru"."""
        adjacent = self._adjacent.get(i)
        if adjacent is None:
            adjacent = self._adjacent[i] = Adjacency(self._sequences[i])
        return adjacent.side_by_side(*pair)


class Adjacency:
    """Which words stand side by side in a fact's token sequences, either way round, or inside
    one phrase token ("polici_committe_chairperson" holds its words): each word's positions,
    built in one pass over the texts (where every pair of a phrase token's parts was quadratic),
    on the first question that needs it, and kept."""

    def __init__(self, sequences: tuple[tuple[str, ...], ...]) -> None:
        self._at: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for n, seq in enumerate(sequences):
            for k, token in enumerate(seq):
                self._at[token].add((n, k))
                if "_" in token:
                    for part in token.split("_"):
                        self._at[part].add((n, k))

    def side_by_side(self, first: str, second: str) -> bool:
        at_first, at_second = self._at.get(first), self._at.get(second)
        if not at_first or not at_second:
            return False
        return any((n, k + step) in at_second for n, k in at_first for step in (-1, 0, 1))


# -- the checks: each one named, written once; its factor ranks a failing fact down, and a
# -- failed hard check keeps the fact from answering (``Match.answerable``, used by ``decide``).


def _answers_type(index: FactIndex, i: int, q: _Asked) -> bool:
    """A who/when/where/how many... question needs a fact that answers that type."""
    fact = index.facts[i]
    if q.named_kind and not index._names_kind(i, q.named_kind):
        return False  # "which university?": the fact must name one ("Kyoto University")
    if "name" in q.hard:  # asked for a name: only a fact that gives that name will do
        asked = sum(q.idf[t] for t in q.tokens if t in index._asked[i]) / q.total
        return "name" in fact.types and asked >= MIN_NAME_COVERAGE
    return not q.hard or bool(q.hard & set(fact.types))


def _answers_soft_type(index: FactIndex, i: int, q: _Asked) -> bool:
    """A "how" question prefers a fact that answers "how"."""
    return not q.soft or bool(q.soft & set(index.facts[i].types))


def _is_broad(index: FactIndex, i: int, q: _Asked) -> bool:
    """A fact that only answers who/when/where/... suits a question that asks one of them ("what
    did Ortiz say" is not "who is Ortiz"), and a "when" fact one that names a day."""
    types = index.facts[i].types
    return bool(q.hard or OPEN_TYPES & set(types) or (q.days and "when" in types))


def _states_numbers(index: FactIndex, i: int, q: _Asked) -> bool:
    """The fact states every figure and day of the question. A yes/no question may carry a wrong
    one ("were 500 kidnapped?"): the fact with the right one answers it."""
    return q.yes_no or q.numbers <= index._numbers[i]


def _supports_owners(index: FactIndex, i: int, q: _Asked) -> bool:
    """The fact says "X's Y" for each "X's Y" of the question ("Peru's foreign minister")."""
    return all(index._supports(i, pair) for pair in q.owners)


def _knows_places(index: FactIndex, i: int, q: _Asked) -> bool:
    """The question names no place the report never mentions ("Laos")."""
    return q.place_ok


@dataclass(frozen=True)
class Check:
    """One check a fact is put to for a question."""

    name: str
    #: The score is multiplied by this when the fact fails the check.
    factor: float
    #: A fact that fails a hard check never answers; a soft one only ranks it down.
    hard: bool
    passes: Callable[[FactIndex, int, _Asked], bool]


#: Every check, in the order their factors apply to the score.
CHECKS = (
    Check("type", TYPE_MISMATCH, True, _answers_type),
    Check("soft_type", SOFT_TYPE_MISMATCH, False, _answers_soft_type),
    Check("broad", NARROW_FACT, False, _is_broad),
    Check("numbers", NUMBER_MISMATCH, True, _states_numbers),
    Check("owner", OWNER_MISMATCH, True, _supports_owners),
    Check("place", PLACE_MISMATCH, True, _knows_places),
)
HARD_CHECKS = frozenset(check.name for check in CHECKS if check.hard)


def penalised(score: float, failed: frozenset[str]) -> float:
    """``score`` times the factor of each check in ``failed``."""
    for check in CHECKS:
        if check.name in failed:
            score *= check.factor
    return score


def decide(ranking: Ranking) -> Decision:
    """Apply the thresholds and the ambiguity rule to a ranking."""
    best = ranking.best
    if best is None or best.score < ANSWER_THRESHOLD or best.coverage < MIN_COVERAGE or not best.answerable:
        return Decision((), best.score if best else 0.0, False)
    chosen = [best.fact]
    cited = {s.id for s in best.fact.sources}
    for m in ranking.matches[1:]:
        if len(chosen) >= MAX_FACTS_PER_ANSWER or best.score - m.score > AMBIGUITY_MARGIN:
            break
        relevant = m.coverage >= best.coverage - RELEVANCE_MARGIN and m.type_ok and m.numbers_ok
        if m.score >= ANSWER_THRESHOLD and relevant and not cited & {s.id for s in m.fact.sources}:
            chosen.append(m.fact)
            cited |= {s.id for s in m.fact.sources}
    return Decision(tuple(chosen), best.score, best.score < CONFIDENT)
