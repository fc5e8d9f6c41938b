"""Ranking: the question read, its tokens weighted, every fact scored by the signals and put
through the checks. The result says, per fact, the signals and the checks it failed, so that
``--explain`` can show why the bot answered or declined.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from rapidfuzz import fuzz, process

from bot.core.analyzer import Analysis
from bot.core.article import REASON_CUE, refers_back
from bot.core.checks import Context, failures, units_in_fact
from bot.core.index import Doc, FactIndex
from bot.core.knowledge import Fact
from bot.core.lexical.morphy import morphy
from bot.core.lexical_bridge import expansions_of_word, place_relatives, question_expansions, question_phrases
from bot.core.lexicon import LIGHT_WORDS, STOPWORDS
from bot.core.question import (
    DEFINITION,
    NUMBER,
    PERSON,
    REASON,
    SAID,
    Question,
    doer_verb,
    initials_asked,
    read_question,
)
from bot.core.report import Sentence
from bot.core.signals import Weighted, asked, coverage, phrase_found
from bot.core.text import lemma_stem as stem
from bot.core.text import words
from bot.core.vocabulary import LEADING_VERBS, is_common_word

#: Framing words ("provide", "details", "situation") weigh this much of a topic word.
LIGHT_WEIGHT = 0.2
#: A word the report never uses weighs this share of the rarest word's weight: the question
#: may be about something the report does not say, or just use another word for it.
UNKNOWN_WEIGHT = 0.35
#: ...and a rare one (not an everyday English word) weighs more: it names the topic.
UNKNOWN_RARE_WEIGHT = 0.9
#: The closest way of asking counts when rapidfuzz finds the question this close to it (0-100).
FUZZY_FLOOR = 60
#: How much a perfect rapidfuzz match adds, in proportion to the words' score.
FUZZY_BONUS = 0.1
#: How much a person's title matching a who-question's words adds, at most.
ROLE_BONUS = 1.0
#: A title carried from elsewhere in the report counts this share of one the sentence writes:
#: "who is the CEO?" is answered where the report says so, not by every sentence naming her.
CARRIED_TITLE_SHARE = 0.5
#: How much a figure of the very thing a how-many question counts adds.
COUNT_BONUS = 0.3
#: "Who is Ana Lind?": how much the sentence that says who she is ("Ana Lind, the incident
#: commander for the federal team, said") adds over the others that name her.
INTRODUCES_BONUS = 0.1
#: "How far did the slide run?": how much a measure of the kind asked (a length) adds. Set on
#: 47 drafted articles (1,880 questions to answer, 932 to decline): 0.1 gave 9 more right
#: citations, 0.15 gave 11, 0.25 gave 14 and 0.35 15; each one decline fewer, one more wrong.
UNITS_BONUS = 0.25
#: How many facts keep their full signals in the ranking.
KEEP = 8
#: When none of them passes the checks, the next are judged in turn, down to this score and
#: at most this many in all.
RESCUE_FLOOR = 0.4
MAX_KEEP = 24


@cache
def _light() -> frozenset[str]:
    """The stems of the light words: built on the first question, as the lemma data loads then."""
    return frozenset(stem(w) for w in LIGHT_WORDS)


@dataclass(frozen=True)
class Match:
    """How well one fact fits one question."""

    fact: Fact
    doc: Doc
    score: float
    coverage: float
    asked: float
    fuzzy: float
    failed: tuple[tuple[str, str], ...] = ()

    @property
    def passes(self) -> bool:
        return not self.failed


@dataclass(frozen=True)
class Ranking:
    """The facts for one question, best first, and how the question was read."""

    question: Question
    analysis: Analysis
    weights: dict[str, float]
    matches: tuple[Match, ...]
    context: Context | None = field(default=None, compare=False)
    #: The question's words the report never uses, nor anything related to them.
    strangers: frozenset[str] = frozenset()

    @property
    def best(self) -> Match | None:
        passing = [m for m in self.matches if m.passes]
        return passing[0] if passing else None

    @property
    def top(self) -> Match | None:
        return self.matches[0] if self.matches else None


def rank(index: FactIndex, text: str, *, syntax: bool = True) -> Ranking:
    """Score every fact of ``index`` for the question ``text``."""
    question = read_question(text, syntax=syntax)
    analysis = index.query(question.text)
    weighted = _weigh(index, analysis, question)
    ctx = _context(index, analysis, question)
    fuzzy = _fuzzy(index, analysis)
    masses = index.ask_masses
    leading = _leading_token(question)
    matches = []
    for i, doc in enumerate(index.docs):
        cov = coverage(weighted, doc, referred=question.kind != PERSON)
        ask = asked(weighted, doc, masses[i])
        fz = fuzzy.get(i, 0.0)
        # rapidfuzz's closeness only lifts a fact the weighted words already found: alone, shared
        # letters ("peru currency" ~ "peru citizens") are no evidence.
        score = max(cov, ask) + FUZZY_BONUS * fz * max(cov, ask) + _role_bonus(question, weighted, doc, leading)
        score += COUNT_BONUS if _counts_focus(question, doc) else 0.0
        score += INTRODUCES_BONUS if _introduces(question, weighted, doc) else 0.0
        score += SPELLED_OUT_BONUS if _spells_out(question, doc) else 0.0
        score += UNITS_BONUS if question.units and not doc.curated and units_in_fact(ctx, doc) is None else 0.0
        if score <= 0:
            continue
        matches.append(Match(doc.fact, doc, score, cov, ask, fz))
    matches.sort(key=lambda m: (-m.score, -m.fuzzy, -m.asked, m.fact.sources[0].paragraph, m.fact.sources[0].index))
    # The checks run on the kept facts only: the ranking is by score, the checks judge the top.
    def judged(m: Match) -> Match:
        return replace(m, failed=tuple(failures(ctx, m.doc)))

    kept = [judged(m) for m in matches[:KEEP]]
    for m in matches[KEEP:MAX_KEEP]:
        if any(k.passes for k in kept) or m.score < RESCUE_FLOOR:
            break
        kept.append(judged(m))  # the next, until one passes
    kept = _with_reason_after(index, question, kept)
    kept += [judged(m) for m in _speech_beside(index, question, kept)]
    return Ranking(question, analysis, dict(weighted.weights), tuple(kept), ctx, _strangers(index, weighted))


def _strangers(index: FactIndex, weighted: Weighted) -> frozenset[str]:
    """The question's words the report never uses, nor any word related to them."""
    vocabulary = index.vocabulary
    return frozenset(
        t
        for t in weighted.weights
        if "+" not in t
        and t not in vocabulary
        and t not in index.initials  # "cto": the report's chief technology officer
        and weighted.related.get(t, frozenset()).isdisjoint(vocabulary)
    )


def _with_reason_after(index: FactIndex, question: Question, kept: list[Match]) -> list[Match]:
    """"Why did the mission cost more?": when the sentence that says so gives no reason, the
    next one may ("... had grown to $417 million." then "The report blamed delays in ..."), if
    it points back to it and gives a reason."""
    if question.kind != REASON or not kept or any(m.passes for m in kept):
        return kept
    for top in kept[:REASON_AFTER_TOP]:
        if [name for name, _ in top.failed] != ["kind_in_fact"] or len(top.doc.readings) != 1:
            continue
        after = _reason_after(index, top.doc.readings[0].sentence)
        if after is not None:
            return [Match(after.fact, after, top.score, top.coverage, top.asked, top.fuzzy), *kept]
    return kept


def _speech_beside(index: FactIndex, question: Question, kept: list[Match]) -> list[Match]:
    """"What did X call the plan?": the sentences beside the best one in its paragraph, judged
    too, so that a quote of the same speaker there ("“A wish list,” Ruiz said.") can be cited
    with it however few of the question's words it holds (``decide`` checks the speaker)."""
    if question.kind != SAID or not kept or len(kept[0].doc.readings) != 1:
        return []
    here = kept[0].doc.readings[0].sentence
    have = {m.fact.id for m in kept}
    beside = [index.sentence_docs.get((here.paragraph, here.index + step)) for step in (-1, 1)]
    return [Match(doc.fact, doc, 0.0, 0.0, 0.0, 0.0) for _, doc in filter(None, beside) if doc.fact.id not in have]


#: How many of the best facts may lend their score to a reason given in the sentence after them.
REASON_AFTER_TOP = 3


def _reason_after(index: FactIndex, here: Sentence) -> Doc | None:
    """The fact of the sentence right after ``here`` (in its paragraph or opening the next), when
    it points back and gives a reason."""
    after = [index.sentence_docs.get(at) for at in ((here.paragraph, here.index + 1), (here.paragraph + 1, 1))]
    found = [
        (order, doc)
        for order, doc in filter(None, after)
        if refers_back(doc.readings[0].sentence.text) and REASON_CUE.search(doc.readings[0].sentence.text)
    ]
    return min(found, key=lambda pair: pair[0])[1] if found else None  # the first of the report's facts


def _introduces(question: Question, weighted: Weighted, doc: Doc) -> bool:
    """Whether, for "who is Ana Lind?", the fact gives the one asked about a role in words
    ("the incident commander for ..."), not only a title's abbreviation ("Dr.")."""
    if question.kind != DEFINITION:
        return False
    for reading in doc.readings:
        for span in reading.spans:
            named = {stem(w) for w in words(span.refers or span.text)}
            if span.kind == PERSON and named <= weighted.tokens and any(w.islower() for w in span.role.split()):
                return True
    return False


def _leading_token(question: Question) -> str:
    """The token of a verb of leading a who-question asks about ("who runs the museum?": its
    director meets it), or ""."""
    verb = doer_verb(question)
    return stem(verb) if question.kind == PERSON and verb in LEADING_VERBS else ""


def _role_bonus(question: Question, weighted: Weighted, doc: Doc, leading: str) -> float:
    """"Who is the governor?": a sentence naming a person with that title answers it; the
    question's verb of leading (``leading``) is met by any title."""
    if question.kind != PERSON or not doc.role_tokens:
        return 0.0
    share = sum(w * _title_share(t, weighted, doc, leading) for t, w in weighted.weights.items() if t == leading or _in_title(t, weighted, doc))
    return ROLE_BONUS * share / weighted.total


def _title_share(token: str, weighted: Weighted, doc: Doc, leading: str) -> float:
    """How much a title the question names counts for the fact: all of it where the sentence
    writes the title, ``CARRIED_TITLE_SHARE`` where it only names someone the report titles elsewhere."""
    if token in doc.written_role_tokens or (token == leading and doc.written_role_tokens):
        return 1.0
    phrases = weighted.phrases.get(token, ())
    written = any(set(p[:2]) <= doc.written_role_tokens for p in phrases)  # "chief executive (officer)"
    return 1.0 if written else CARRIED_TITLE_SHARE


def _in_title(token: str, weighted: Weighted, doc: Doc) -> bool:
    """A question word that is a title the fact gives someone: "governor", or "CEO" for
    "Chief Executive Ana Ruiz"."""
    if token in doc.role_tokens:
        return True
    phrases = weighted.phrases.get(token, ())
    return any(set(p) & doc.role_tokens for p in phrases) and phrase_found(phrases, doc.pairs)


#: "What does ARIA stand for?": the sentence that spells the initials out, "... (ARIA)", is the
#: answer, however few of the question's other words it holds.
SPELLED_OUT_BONUS = 0.3


def _spells_out(question: Question, doc: Doc) -> bool:
    """Whether the question asks what initials stand for and the fact writes them in brackets."""
    initials = initials_asked(question.folded)
    if not initials:
        return False
    return any(f"({initials})" in r.sentence.text.lower().replace(".", "") for r in doc.readings)


def _counts_focus(question: Question, doc: Doc) -> bool:
    """"How many people ...": the sentence has a figure of people ("620 people")."""
    if question.kind != NUMBER or not question.focus:
        return False
    head = stem(question.focus[-1])
    for reading in doc.readings:
        text = reading.sentence.text
        for span in reading.spans:
            if span.kind in ("number", "money", "percent") and head in {stem(w) for w in words(text[span.end :])[:2]}:
                return True
    return False


def _weigh(index: FactIndex, analysis: Analysis, question: Question) -> Weighted:
    unknown = index.unknown_idf()
    weights: dict[str, float] = {}
    proper = analysis.proper
    expansions = question_expansions(question.text)
    for token in analysis.tokens:
        if "+" in token and token not in index.vocabulary and not expansions.get(token, frozenset()) & index.vocabulary:
            continue  # a phrasal verb ("get in") the report never uses: its verb still counts
        if token in _light():
            w = LIGHT_WEIGHT
        elif token in index.idf or token in index.vocabulary:
            w = index.idf.get(token, unknown * UNKNOWN_WEIGHT)
        elif token in proper or not is_common_word(token):
            w = unknown * UNKNOWN_RARE_WEIGHT
        else:
            w = unknown * UNKNOWN_WEIGHT
        weights[token] = max(weights.get(token, 0.0), w)
    related = {t: r for t, r in expansions.items() if t in weights}
    wholes = {t: index.initials[t] for t in weights if t in index.initials}  # "bon": the Bank of Norway
    phrases = {t: p for t, p in question_phrases(question.text, index.phrase).items() if t in weights}
    return Weighted(weights, related, phrases, wholes)


def _context(index: FactIndex, analysis: Analysis, question: Question) -> Context:
    tokens = frozenset(analysis.tokens)
    names = frozenset(t for t in tokens if t in index.names) - _plain_words(question)
    capitals = [w for w in question.capitalised if w.lower() not in STOPWORDS]
    unknown = tuple(w for w in capitals if _unknown_name(index, w))
    return Context(question, tokens, names, unknown, index)


def _plain_words(question: Question) -> frozenset[str]:
    """The tokens of everyday words the question writes in lower case ("the dam engineer"):
    not a name, though one of the article's names holds the word ("Harrow Creek Dam")."""
    capital = {w.lower() for w in question.capitalised}
    return frozenset(
        stem(w) for w in words(question.text) if w not in capital and w.isalpha() and w not in STOPWORDS and _everyday(w)
    )


def _everyday(word: str) -> bool:
    """A dictionary word; a short one ("dam", "bay") where WordNet knows it as a noun."""
    return is_common_word(word) or (len(word) <= 3 and bool(morphy(word, "n")))


def _unknown_name(index: FactIndex, word: str) -> bool:
    """A capitalised word of the question that the report never uses, nor anything it means
    ("War" in "the Korean War", "Vietnam"); an acronym is known by what it stands for, a place by
    its other names."""
    stems = index.document(word)
    if not stems or stems & index.vocabulary or stems & index.initials.keys():
        return False
    lower = word.lower().strip(".")
    if expansions_of_word(lower) & index.vocabulary or place_relatives(lower) & index.place_names:
        return False  # "UK" of a report saying "Britain"
    if not word.isupper():
        return True
    phrases = index.phrases_of(lower)  # "CEO": "Chief Executive Ana Ruiz"
    return not (any(set(p) <= index.vocabulary for p in phrases) or phrase_found(phrases, index.pairs))


def _fuzzy(index: FactIndex, analysis: Analysis) -> dict[int, float]:
    """Per fact, how close the question's words are to its closest way of asking (0-1):
    rapidfuzz on the analysed tokens, so shared stop words ("what is the") count for nothing."""
    choices = index.ask_token_texts
    if not choices or not analysis.tokens:
        return {}
    found = process.extract(
        " ".join(sorted(analysis.tokens)),
        index.ask_token_choices,
        scorer=fuzz.ratio,
        processor=None,
        limit=10,
        score_cutoff=FUZZY_FLOOR,
    )
    out: dict[int, float] = {}
    for _text, score, row in found:
        i = choices[row][0]
        out[i] = max(out.get(i, 0.0), score / 100)
    return out
