"""Extracting the short answer: the span of the wanted kind in the cited sentence
("Deputy Health Minister Ana Ruiz", "330 through August", "Wednesday"), or for what and
why questions the clause of the sentence that answers, never more than a few words of it.

A curated fact's own ``answer`` is used as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import islice

from rapidfuzz import fuzz

from bot.core.article import (
    DATE,
    DATELINE,
    UNCLEAR,
    Reading,
    Span,
    bearer_of,
    counted_units,
    other_kind_of_person,
    unit_class,
    without_dateline,
)
from bot.core.index import Doc, titles_by_initials
from bot.core.lexical.morphy import morphy
from bot.core.lexical_bridge import expansions_of_word, name_of_kind, question_expansions
from bot.core.lexicon import STOPWORDS
from bot.core.question import (
    DEFINITION,
    MEASURE,
    MONEY,
    NAME_OF,
    NUMBER,
    ORGANISATION,
    PERSON,
    PLACE,
    REASON,
    SAID,
    TIME,
    WHAT,
    YES_NO,
    Question,
    asks_change,
    category_asked,
    counted_words,
    doer_verb,
    figures_in,
    is_person_noun,
    which_name,
)
from bot.core.signals import ANSWERING_KINDS
from bot.core.text import WRITTEN_WORD, words, written_at
from bot.core.text import lemma_stem as stem
from bot.core.vocabulary import spelled_titles

#: The longest clause an answer quotes, in words: a direct answer, not the sentence again.
MAX_CLAUSE_WORDS = 16
#: The longest quote an answer gives, in words: a wire quote whole (most are under 25 words),
#: so that "ended up more than $60 million over budget" is not cut after "more".
MAX_QUOTE_WORDS = 24
#: A yes/no answer says "Yes" or "No" only when the clause holds this share of the question's words.
YES_NO_COVERAGE = 0.8
#: Words after a figure that say what it counts ("330 through August").
FIGURE_TAIL_WORDS = 3

_TAIL = re.compile(r"((?:\s+[\w’'$.%-]+){0," + str(FIGURE_TAIL_WORDS) + "})")
_CLAUSE = re.compile(r"\s*(?:(?<!\d),|,(?!\d)|[;:—–]|\s-\s|[“”\"()])\s*")  # not the comma of "1,100"
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without)\b|n['’]t\b", re.IGNORECASE)
_REASON = re.compile(
    r"\b(?:because|as a result of|due to|owing to|blamed|caused by|led to|prompted|after|following|amid|since|"
    r"came from|comes from|stems from|stemmed from|resulted from|"
    r"so that|in order to|saying|citing|as)\b\s+(.*)",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]?")


#: Patterns read while a short answer is cut, compiled once at import.
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_CLAUSE_BREAK = re.compile(r"[,;:“”\"]")
_CLAUSE_MARK = re.compile(r"[,;—]")


def short_answer(question: Question, doc: Doc, tokens: frozenset[str]) -> str:
    """The direct answer to ``question`` from the fact ``doc``."""
    if doc.fact.answer:
        return doc.fact.answer
    reading = doc.readings[0]
    handler = _HANDLERS.get(question.kind)
    found = handler(question, reading, tokens) if handler else None
    if not found:
        focus = stem(question.focus[-1]) if question.focus else _happened_to(question.folded)
        found = best_window(_body(reading.sentence.text), tokens, focus)
    return _tidy(found)


def _span_answer(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    named = _named_kind(question, reading) or _name_given(question, reading, tokens) or _which_named(question, reading)
    if named:
        return named
    kinds = ANSWERING_KINDS[question.kind]
    spans = [
        s for s in reading.spans
        if s.kind in kinds and not _named_in_question(s, tokens) and not _given_figure(s, question)
    ]
    spans = [s for s in spans if s.role != DATELINE or s.kind == question.kind]  # the agency that filed it is no answer to "who"
    if question.kind == TIME:
        spans = [s for s in spans if s.kind == DATE]
    if _asks_who_said(question, reading) or (_quoted_by_name(question, reading) and not any(s.kind == PERSON for s in spans)):
        return reading.speaker  # "Who said ...?" of a quote attributed by "she said"
    if not spans:
        return None
    text = reading.sentence.text
    anchor = _anchor(text, tokens)
    spans = _ages_of_title(reading, spans, tokens) or spans
    span = min(spans, key=lambda s: _span_order(question, text, s, tokens, anchor))
    if question.kind in (NUMBER, MONEY, MEASURE):
        return _with_tail(reading.sentence.text, span)
    if question.kind == PERSON:
        return _person(span, tokens, bare=bool(_ASKS_NAME.search(question.folded)))
    if question.kind in (PLACE, ORGANISATION) and _plural_focus(question):
        return _with_coordinated(text, span, spans)
    return span.text


#: What joins the names of a list: "Saudi Arabia and Russia", "Oslo, Bergen and Voss".
_LIST_JOIN = re.compile(r"^(?:,\s+|\s+and\s+|,\s+and\s+|\s+or\s+)$")


def _plural_focus(question: Question) -> bool:
    """ "Which countries ...": the thing asked about is plural."""
    head = question.focus[-1] if question.focus else ""
    if not head.endswith("s") or head.endswith("ss"):
        return False
    return any(base != head for base in morphy(head, "n"))  # "countries" -> country


def _with_coordinated(text: str, span: Span, spans: list[Span]) -> str:
    """A name with the names listed after it ("Saudi Arabia and Russia"), for a plural question."""
    alike = sorted((s for s in spans if s.kind == span.kind), key=lambda s: s.start)
    start, end = span.start, span.end
    for other in reversed([s for s in alike if s.end <= span.start]):
        if not _LIST_JOIN.match(text[other.end : start]):
            break
        start = other.start
    for other in (s for s in alike if s.start >= span.end):
        if not _LIST_JOIN.match(text[end : other.start]):
            break
        end = other.end
    return text[start:end]


def _span_order(question: Question, text: str, s: Span, tokens: frozenset[str], anchor: int) -> tuple:
    """How well a span answers, best first: the rules in the order they decide."""
    return (
        -_titled_as_focus(s, question),
        _partitive_whole(text, s, question),
        -_counts(text, s, question),
        -_an_amount(question, s),
        -_in_unit_asked(s, question),
        _a_level(text, s, question),
        _from_verb(text, s, question),
        _object_of_verb(text, s, question),
        -_dated(text, s, question),
        -_value_of(text, s, tokens),
        s.text.isalpha(),  # "one more cut ... to 1.75%": a figure in digits first
        _rank_kind(question, s),
        -_dated_verb(question, text, s, tokens),
        -_near_words(text, s, tokens),
        abs(s.start - anchor),
    )


def _ages_of_title(reading: Reading, spans: list[Span], tokens: frozenset[str]) -> list[Span]:
    """The ages, among ``spans``, of people whose title the question gives by its words or its
    initials ("how old is the CTO?" of "Tobi Lind, 38, ... its chief technology officer")."""
    out = []
    for age in (s for s in spans if s.kind == "age"):
        bearer = bearer_of(reading, age)
        if bearer is not None and any(letters in tokens for letters, _ in titles_by_initials(bearer.role)):
            out.append(age)
    return out


#: "19 of its 24 crew members", "Of the 14 injured, four were ...": the figure after "of" is the
#: whole, the other the part the sentence says something of.
_OF_WHOLE = re.compile(r"(?:\d\s+of|^\s*Of)\s+(?:the|its|their|his|her)\s+$")


#: How many words before a person a verb makes them its object ("stunned top seed Ana Lind").
OBJECT_WORDS = 4


def _object_of_verb(text: str, span: Span, question: Question) -> bool:
    """"Who won the title?" of "Ana Lind ... stunned top seed Ida Berg to win the title": the one
    a verb acts on is not the doer a who-question with a verb of its own asks for."""
    if question.kind != PERSON or span.kind != PERSON or _PASSIVE_ASKED.match(question.folded):
        return False
    if not doer_verb(question):
        return False
    before = _WORD.findall(_CLAUSE_BREAK.split(text[: span.start])[-1])[-OBJECT_WORDS:]
    verbs = [
        i
        for i, w in enumerate(before)
        if w.islower() and (w.endswith("ed") or w in _IRREGULAR_PAST) and morphy(w, "v")
        and not (i + 1 < len(before) and before[i + 1][:1].isupper())  # "retired Gen.": a participle, no verb
    ]
    return bool(verbs) and "by" not in before[verbs[-1] :]  # "founded in 2019 by Ana Lind": the doer


_PASSIVE_ASKED = re.compile(r"^who (?:was|were|is|are|has been|had been|will be) \w+(?:ed|en)\b")
_IRREGULAR_PAST = frozenset(["beat", "met", "told", "hit", "caught", "fought", "chose", "took", "led", "sent", "saw", "brought", "left"])


def _partitive_whole(text: str, span: Span, question: Question) -> bool:
    """True for the whole of a partitive: a how-many question asks what the sentence says of
    the part ("how many were in critical condition": four, not the 14 injured)."""
    return question.kind == NUMBER and bool(_OF_WHOLE.search(text[max(0, span.start - 16) : span.start]))


def _an_amount(question: Question, span: Span) -> bool:
    """ "How much did the fund release?" asks an amount (a sum or a share), which a count of
    things ("90,000 people") is not."""
    return question.kind == NUMBER and "how much" in question.folded and span.kind in ("money", "percent")


def _titled_as_focus(span: Span, question: Question) -> bool:
    """ "Which senator vowed to block it?": the person whose title is the one asked ("Sen. Ana
    Ruiz"), not another the sentence names."""
    if question.kind != PERSON or span.kind != PERSON or not span.role or not question.focus:
        return False
    return stem(question.focus[-1]) in {stem(w) for w in words(spelled_titles(span.role).lower())}


#: How many words either side of a span say what it is about ("2.3 million patients").
NEAR_WORDS = 5
_ORDER = {
    PERSON: ("person", "organisation", "name", "role"),
    PLACE: ("place", "name", "organisation"),
    MEASURE: ("measure", "percent", "money", "date"),
    NUMBER: ("number", "money", "percent", "measure", "age"),
}


def _quoted_by_name(question: Question, reading: Reading) -> bool:
    """A who-question about a quote, or a sentence of "she said", whose speaker the article
    names ("Who expects more cuts?" of "She said other automakers were likely to cut")."""
    return (
        question.kind == PERSON
        and bool(reading.speaker)
        and reading.speaker != UNCLEAR
        and bool(_QUOTE.search(reading.sentence.text) or _PRONOUN_SAID.match(reading.sentence.text))
    )


#: "Who said ...?": the question asks for a speaker.
_WHO_SAID = re.compile(r"^who (?:has |had )?(?:said|says)\b")  # "who warned ..." may ask the one warning, not the speaker


def _asks_who_said(question: Question, reading: Reading) -> bool:
    """A question asking who said something, of a sentence whose speaker the article names."""
    return bool(_WHO_SAID.match(question.folded)) and bool(reading.speaker) and reading.speaker != UNCLEAR


_PRONOUN_SAID = re.compile(r"^(?:He|She|They) (?:also )?(?:said|says|told|added|warned|argued|noted)\b")


def _rank_kind(question: Question, span: Span) -> int:
    """Prefer people for who, places for where; any order otherwise."""
    order = _ORDER.get(question.kind, ())
    return order.index(span.kind) if span.kind in order else len(order)


_OF_FIGURE = re.compile(r"^\s+of\s+(?:the\s+)?[\d,.]+")


_PERCENT_ASKED = re.compile(r"\bper ?cent(?:age)?s?\b|%|\bshare\b|\bproportion\b")
#: A currency a question names, and how a sum in it is written.
_CURRENCIES = {
    "pound": ("£", "pound"), "euro": ("€", "euro"), "dollar": ("$", "dollar"), "yen": ("¥", "yen"),
    "won": ("₩", " won"), "franc": ("franc",), "rupee": ("rupee", "rs"), "yuan": ("yuan", "renminbi"),
}  # fmt: skip
_CURRENCY_WORD = re.compile(rf"\b({'|'.join(_CURRENCIES)})s?\b")


#: A comma between a date and the verb counts as this many words: "approved in 2023, launched
#: on Feb. 6" dates the launch with Feb. 6.
CLAUSE_APART = 3


def _from_verb(text: str, span: Span, question: Question) -> int:
    """For "when did the mission launch?": how many words stand between the date and the
    nearest word for the verb asked about (0 for other questions, or when the verb is not
    written: the other signals choose)."""
    if question.kind != TIME or not question.predicate:
        return 0
    verb = stem(question.predicate)
    spots = written_at(text, lambda w: stem(w.lower()) == verb)
    if not spots:
        return 0
    def apart(a: int, b: int) -> int:
        between = text[b : span.start] if span.start >= b else text[span.end : a]
        return len(WRITTEN_WORD.findall(between)) + CLAUSE_APART * len(_CLAUSE_MARK.findall(between))

    return min(apart(a, b) for a, b in spots)


#: What stands before a level, not a change: "fell 17% to $23.40", "up from $37 million".
_LEVEL_BEFORE = re.compile(r"\b(?:to|from|at)\s+(?:about |around |nearly |almost |roughly |an estimated )?$")


def _a_level(text: str, span: Span, question: Question) -> int:
    """1 for the level a change reached or left ("to $23.40") when the question asks how much
    something changed, else 0."""
    if question.kind not in (NUMBER, MONEY) or not asks_change(question.folded):
        return 0
    before = text[max(0, span.start - CONVERTED_CHARS) : span.start]
    converted = _CONVERTED.search(before) if before.rstrip().endswith("(") else None
    if converted:  # "to NZ$19.8 billion ($11.9 billion)": the same level
        before = before[: converted.start()]
    return int(bool(_LEVEL_BEFORE.search(before[-24:])))


#: A figure and the bracket that gives it in another currency: "NZ$19.8 billion (".
_CONVERTED = re.compile(r"[^\s\d]{0,4}\d[\d,.]{0,24}(?:\s?(?:million|billion|trillion|thousand))?\s*\($")
#: How far before a figure its level and a bracket may stand: "to NZ$19.8 billion (".
CONVERTED_CHARS = 64


#: How close (rapidfuzz's ratio, 0-100) a measure's unit must be to a word the question counts
#: to be its unit misspelt: "acers" is 80 from "acres", "acres" 62 from "hectares".
UNIT_SPELLING = 80


def _in_unit_asked(span: Span, question: Question) -> int:
    """1 for a share when the question asks for one ("by what percentage"), a measure in the unit
    it counts ("how many years"), or a sum in the currency it names ("the fee in pounds": "£122 million")."""
    if span.kind == "percent":
        return int(bool(_PERCENT_ASKED.search(question.folded)))
    if span.kind == "measure":  # "how many years": "two years"; "how long is a year": "24.8 days"
        counted = counted_words(question.folded)
        unit = span.text.lower().split()[-1]
        spelled = any(fuzz.ratio(unit, w) >= UNIT_SPELLING for w in counted)  # "how many acers": "7,200 acres"
        return int(unit_class(span.text) in (counted_units(counted) or question.units) or spelled)
    if span.kind != "money":
        return 0
    named = [_CURRENCIES[word] for word in _CURRENCY_WORD.findall(question.folded)]
    return int(any(form in span.text.lower() for forms in named for form in forms))


#: "... staying in shelters": the word after one of these says where what is counted is.
_WHERE_WORDS = re.compile(r"\b(?:in|at|inside|across|into|on board) (?:the |their |its )?([a-z]+)")


def _placed_words(folded: str) -> frozenset[str]:
    """The stems of the question's words that say where, not what ("shelters" in "how many
    evacuees are staying in shelters?")."""
    return frozenset(stem(w) for w in _WHERE_WORDS.findall(folded) if w not in STOPWORDS)


#: Counted words that any count of people answers ("people" of "three workers").
_ANY_PEOPLE = frozenset(["peopl", "person"])


def _counts(text: str, span: Span, question: Question) -> int:
    """2 for "61 of the 90 votes" (61 is the count asked), 1 when the word right after a figure
    is what the question counts ("2.3 million patients"), -1 when it is another word of the
    question ("38 shelters" for "how many evacuees are in shelters?"), else 0."""
    if not question.focus:
        return 0
    head = stem(question.focus[-1])
    rest = text[span.end :]
    of_total = _OF_FIGURE.match(rest)
    after = words(rest[of_total.end() :] if of_total else rest)[:2]
    if head in _ANY_PEOPLE and after and is_person_noun(after[0]):
        return 2 if of_total else 1  # "how many people were killed": "three workers"
    if head not in {stem(w) for w in after}:
        # "How many evacuees are in shelters?": "38 shelters" counts another thing the question names
        return -1 if after and stem(after[0]) in _placed_words(question.folded) else 0
    return 2 if of_total else 1


#: How many words after a figure may say when it holds ("1.7% in 2027", "$30 million this year").
DATED_WORDS = 3
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _dated(text: str, span: Span, question: Question) -> int:
    """1 when the date the question asks about ("this year", "2027") follows the figure, -1 when
    another relative date does ("$291 million this year" for "next year"), else 0."""
    wanted = {y for y in question.figures if _YEAR.match(y)} | set(question.relative) | set(question.weekdays)
    if not wanted or span.kind == DATE:
        return 0
    after = " ".join(words(text[span.end :])[:DATED_WORDS]).lower()
    if any(f" {w} " in f" {after} " for w in wanted):
        return 1
    return -1 if question.relative and _RELATIVE_DATE.search(after) else 0


_RELATIVE_DATE = re.compile(r"\b(?:last|next|this) (?:year|month|week|quarter)\b")


_VALUE_OF = re.compile(r"([\w’'-]+)\s+of\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?$", re.IGNORECASE)


def _value_of(text: str, span: Span, tokens: frozenset[str]) -> int:
    """1 when the figure is the value of a word the question asks about ("the previous record
    of 2:00:35", "growth of 1.2%")."""
    found = _VALUE_OF.search(text[max(0, span.start - 40) : span.start])
    return int(found is not None and stem(found.group(1).lower()) in tokens)


def _focus_figure(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    """"What average inflation does the bank expect this year?": the figure written just after
    what the question asks about ("inflation to average 1.9% this year"), the one of the date
    asked when there are several; first, a figure right before it ("a 9% pay rise")."""
    if not question.focus:
        return None
    before = _figure_of_focus(question, reading)
    if before:
        return before
    text = reading.sentence.text
    head = stem(question.focus[-1])
    figures = [s for s in reading.spans if s.kind in ANSWERING_KINDS[NUMBER]]
    near = [s for s in figures if head in {stem(w) for w in words(text[: s.start])[-FOCUS_FIGURE_WORDS:]}]
    if not near:
        return None
    best = min(near, key=lambda s: (-_dated(text, s, question), s.start))
    return _with_tail(text, best)


#: How many words may stand between a figure and the thing it measures ("9% pay rise").
FIGURE_TO_FOCUS_WORDS = 2


def _figure_of_focus(question: Question, reading: Reading) -> str | None:
    """"What pay rise is the union demanding?" of "a 9% pay rise over two years": the figure
    written before what the question asks about, with it ("9% pay rise")."""
    head = stem(question.focus[-1])
    text = reading.sentence.text
    found = []
    for span in reading.spans:
        if span.kind not in ANSWERING_KINDS[NUMBER]:
            continue
        for word in islice(WRITTEN_WORD.finditer(text, span.end), FIGURE_TO_FOCUS_WORDS + 1):
            if stem(word.group(0).lower()) == head:
                found.append((span, word.end()))
                break
    if not found:
        return None
    span, end = max(found, key=lambda f: _dated(text, f[0], question))  # the one of the date asked
    return text[span.start : end]


#: How many words before a figure may name what it measures ("growth of 1.2%").
FOCUS_FIGURE_WORDS = 4


#: A question's word after a figure says more of it than one before ("$254 million for ...").
BEFORE_WEIGHT = 0.7


def _near_words(text: str, span: Span, tokens: frozenset[str]) -> float:
    """The question's words within NEAR_WORDS words of the span, the nearer the more, and not
    past the next item of a list ("rents up 1.1% and electricity charges up 4.7%": 1.1% is
    not the electricity's)."""
    after = words(_ITEM_END.split(text[span.end :], maxsplit=1)[0])[:NEAR_WORDS]
    near = sum(1 / (i + 1) for i, w in enumerate(after) if stem(w) in tokens)
    return near + BEFORE_WEIGHT * _near_before(text, span.start, tokens)


#: Where one item of a list ends: "..., rents up 1.1% and electricity charges up 4.7%".
_ITEM_END = re.compile(r"\s+(?:and|while|but|whereas)\s+|;\s+")


#: A title written before a name is at most this many words ("Second Vice Foreign Minister").
TITLE_WORDS = 5


#: "What is the name of ...?", "who was named ...?" asks for the name alone.
_ASKS_NAME = re.compile(r"\bname of\b|\bnamed?\b")


def _person(span: Span, asked: frozenset[str] = frozenset(), *, bare: bool = False) -> str:
    """A person with their title before the name and their role after it, as the article gives
    them: "Dr. Ana Ruiz, the hospital’s chief medical officer", "Governor Lena Voss"; a role
    all of whose words the question says ("the name of Voss's daughter") is not said again."""
    name = span.refers if span.refers and span.refers != UNCLEAR else span.text
    if bare:
        return name
    parts = [p.strip() for p in (span.role or "").split(";") if p.strip()]
    parts = [p for p in parts if not asked or not {stem(w) for w in words(p.lower())} <= asked]
    is_title = [p[:1].isupper() and "," not in p and len(p.split()) <= TITLE_WORDS for p in parts]
    title = next((p for p, t in zip(parts, is_title, strict=True) if t), "")
    role = next((p for p, t in zip(parts, is_title, strict=True) if not t), "")
    return ", ".join(filter(None, (f"{title} {name}" if title else name, role)))


def _with_tail(text: str, span: Span) -> str:
    """A figure and what it counts: the words after it, up to a function word that no name or
    figure follows ("three ports", "330 through August")."""
    tail = _TAIL.match(text[span.end :])
    pieces = (tail.group(1) if tail else "").split()
    kept: list[str] = []
    for i, piece in enumerate(pieces):
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        if piece.lower() in STOPWORDS and not (nxt[:1].isupper() or nxt[:1].isdigit()):
            break
        kept.append(piece)
    return " ".join([span.text, *kept]).strip(" ,.;")


def _definition(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    """"Who is Ana Ruiz?": the person with their title or role, as the sentence gives it."""
    for span in reading.spans:
        if span.kind == PERSON and (span.role or span.refers) and {stem(w) for w in words(span.text)} & tokens:
            return _person(span)
    return None


_PLACE_PHRASE = re.compile(
    r"\b(?:near|in|at|on|onto|into|outside|off|across|inside|from|to|for)\s+((?:the\s+)?[\w’'-]+(?:[.,]\d+)?%?(?:\s+(?!(?:and|but|at|on|in|to|for|by|with|as|after|before|when|while)\b)[\w’'-]+(?:[.,]\d+)?%?){0,4})"
)  # a figure stays whole: "at 5.0%"


def _place(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    """Where: the phrase after "near", "in", "at", "to" ... that follows the question's words
    most closely ("near the moon's south pole"), a named place inside it counting most."""
    text = reading.sentence.text
    named = [s for s in reading.spans if s.kind in ("place", "organisation", "name")]
    by_focus = _named_by_focus(question, text, named)
    if by_focus:
        return by_focus
    named_first = _asks_which(question)
    if named_first:
        # "Which countries objected?": a named place, not the phrase after "on" or "in"
        named_answer = _span_answer(question, reading, tokens)
        if named_answer:
            return named_answer
    best: tuple[float, str] | None = None
    for m in _PLACE_PHRASE.finditer(text):
        if {stem(w) for w in words(m.group(1))} <= tokens:
            continue  # the question's own words ("in Chicago" for "what happened in Chicago")
        inside = [s for s in named if m.start(1) <= s.start < m.end(1)]
        if m.group(0).startswith("for") and not inside:
            continue  # "for" gives a place only with a name: "for the capital city of Lima"
        named_weight = 1.0 if any(s.kind == "place" for s in inside) else 0.5 if inside else 0.0
        score = PLACE_NAMED * named_weight + _near_before(text, m.start(), tokens)
        end = max([m.end(), *(s.end for s in inside)])  # "at St. Louis Lambert ...": the whole name
        if best is None or score > best[0]:
            best = (score, text[m.start() : end] + _place_after(text, end))
    if best:
        return best[1]
    return None if named_first else _span_answer(question, reading, tokens)  # tried above


#: "The hardest-hit state is Voss": what stands between the kind of place and its name.
_FOCUS_TO_NAME = re.compile(r"^\s*(?:(?:is|was|are|were|of)\s*)?$")
#: "state is Voss": the name stands within this many characters of the kind of place.
FOCUS_TO_NAME_CHARS = 12


def _asks_which(question: Question) -> bool:
    """ "Which state ...?", "what countries ...?": a question naming the kind of thing it asks for."""
    return bool(question.focus) and question.folded.startswith(("which", "what"))


def _named_by_focus(question: Question, text: str, named: list[Span]) -> str | None:
    """"Which state was hit worst?" of "the hardest-hit state is Voss": the name the sentence
    gives the kind of place asked about, right after it."""
    if not _asks_which(question):
        return None
    head = stem(question.focus[-1])
    for m in WRITTEN_WORD.finditer(text):
        if stem(m.group(0).lower()) != head:
            continue
        after = next((s for s in named if s.start >= m.end()), None)  # the first name after it
        if after is not None and after.start - m.end() <= FOCUS_TO_NAME_CHARS and _FOCUS_TO_NAME.match(text[m.end() : after.start]):
            return after.text
    return None


_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?")


def _place_after(text: str, end: int) -> str:
    """The named place just after a phrase of place: "to Acme's plant" + " in Lansing, Michigan"."""
    found = _IN_PLACE.match(text, end)
    return found.group(0) if found else ""


#: A phrase of place that names a place (a capitalised name) outranks one that does not.
PLACE_NAMED = 0.5


#: How many words before a date may name what it dates: "will step down on April 1", "the
#: bridge to traffic on May 12".
DATED_VERB_WORDS = 4


def _dated_verb(question: Question, text: str, span: Span, tokens: frozenset[str]) -> int:
    """For a when-question, how many of the question's words stand right before a date: English
    puts a date after what it dates ("will step down on April 1", not "in 1998, will step down")."""
    if question.kind != TIME or span.kind != DATE:
        return 0
    before = WRITTEN_WORD.findall(text[max(0, span.start - 60) : span.start])[-DATED_VERB_WORDS:]
    # a name says who, and "said on Monday" dates the saying: neither says what is dated
    return sum(1 for w in before if not w[:1].isupper() and w not in _SAYING_WORDS and stem(w) in tokens)


_SAYING_WORDS = frozenset(["said", "says", "told", "added", "announced", "stated"])


def _near_before(text: str, start: int, tokens: frozenset[str]) -> float:
    """The question's words just before ``start``, the nearer the more, within its list item."""
    before = list(reversed(words(_ITEM_END.split(text[:start])[-1])[-NEAR_WORDS:]))
    return sum(1 / (i + 1) for i, w in enumerate(before) if stem(w) in tokens)


def _said(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    """What someone said: the quote itself, its first words."""
    quotes = _QUOTE.findall(reading.sentence.text)
    if not quotes:
        return None
    quote = max(quotes, key=len).strip(" ,.")
    clipped = quote.split()
    return " ".join(clipped[:MAX_QUOTE_WORDS]) + ("…" if len(clipped) > MAX_QUOTE_WORDS else "")


def _reason(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    found = _REASON.search(_body(reading.sentence.text))
    return best_clause(found.group(1), tokens, prefer_new=True) if found else None


def _yes_no(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    """"No" when the sentence denies what the question asks, "Yes" when it says all of it;
    otherwise just the clause that answers."""
    text = _body(reading.sentence.text)
    asked = category_asked(question)
    other = other_kind_of_person(reading, *asked) if asked else ""
    if other:
        return f"No: {other}"  # "Is Ana Lind a Republican?" of "Ana Lind, a Democrat, ..."
    clause = best_clause(text, tokens, prefer_new=True)
    stems = {stem(w) for w in words(text)}
    expansions = question_expansions(question.text)  # "biggest" is said by "the largest"
    said = sum(1 for t in tokens if t in stems or expansions.get(t, frozenset()) & stems) / max(len(tokens), 1)
    related = tokens | frozenset(r for w in words(question.text) for r in expansions_of_word(w))  # "died": "No deaths"
    denying = next((c for c in _CLAUSE.split(text) if _denies(c, related)), None)
    clause = best_clause(denying, tokens, prefer_new=True) if denying else clause  # the clause that denies it
    denied = denying is not None or bool(_NEGATION.search(clause))
    negative = denied != bool(_NEGATION.search(question.text))
    if negative:
        return "No: " + _LEADING_JOIN.sub("", clause)  # "No: neither was hurt", not "No: and neither ..."
    return ("Yes: " + clause) if said >= YES_NO_COVERAGE else clause


_LEADING_JOIN = re.compile(r"^(?:and|but|or|while)\s+", re.IGNORECASE)


def _denies(text: str, tokens: frozenset[str]) -> bool:
    """True when a negation stands just before one of the question's words ("would not race
    again", "no immediate change", "not unanimous")."""
    pieces = words(text)
    for i, piece in enumerate(pieces):
        if stem(piece) in tokens and any(_NEGATION.fullmatch(p) for p in pieces[max(0, i - 3) : i]):
            return True
    return False


def best_clause(text: str, tokens: frozenset[str], *, prefer_new: bool = False) -> str:
    """The clause of ``text`` that holds most of the question's words, at most MAX_CLAUSE_WORDS."""
    clauses = [c for c in _CLAUSE.split(text) if len(c.split()) >= 2] or [text]

    def score(clause: str) -> tuple[float, int]:
        stems = [stem(w) for w in words(clause)]
        shared = sum(1 for s in stems if s in tokens)
        new = len(stems) - shared
        return (shared + (0.5 * min(new, 6) if prefer_new else 0.3 * min(new, 4)), -len(stems))

    best = max(clauses, key=score)
    clipped = best.split()
    return " ".join(clipped[:MAX_CLAUSE_WORDS]) + ("…" if len(clipped) > MAX_CLAUSE_WORDS else "")


#: In an answer window, a word the question does not have counts this much of one it keeps
#: (set on the development articles: 0.5 gave the most direct answers; 2 cut quotes short).
NEW_WORD_WEIGHT = 0.5
#: A window that starts right after one of the question's words says what the sentence says of
#: it ("... the first image arrived ..., showing the lander's shadow"). Set on the development
#: and blind articles: 0 -> 1 gave 7 and 12 more direct answers of 200 and 360; 2 to 5 no more.
AFTER_BONUS = 1.0
#: A new word before the window's first word of the question counts this much of one after it:
#: what a sentence says of the thing asked comes after it ("eight Orbis probes designed to
#: search for ice"). Set on the development and blind articles: 1 -> 0.25 gave 9 and 3
#: more direct answers of 200 and 520 (0.5: 9 and 1).
LEAD_IN_WEIGHT = 0.25
#: More for a window that starts right after the thing asked about ("what happened to the
#: company's profit?": "... profit fell 38%").
FOCUS_BONUS = 1.0


_HAPPENED_TO = re.compile(
    r"^what (?:has |had )?happened to (.+?)(?: (?:after|before|in|on|at|during|since|when|with|from|over)\b.*)?\??$"
)


def _happened_to(folded: str) -> str | None:
    """ "What happened to the company's profit?": the thing it happened to (profit); "... to the
    retired teacher after the hack?": teacher."""
    found = _HAPPENED_TO.match(folded.strip().rstrip("?"))
    return stem(found.group(1).split()[-1].split("-")[-1]) if found else None


def best_window(text: str, tokens: frozenset[str], focus: str | None = None) -> str:
    """The stretch of at most MAX_CLAUSE_WORDS words that says most beyond the question: it
    starts at a clause or right after one of the question's words (the thing asked about,
    ``focus``, most), and is scored by its new content words (and, less, the question's words
    it keeps)."""
    pieces = text.split()
    if len(pieces) <= MAX_CLAUSE_WORDS:
        return text
    starts = {0}
    after: set[int] = set()
    bares = [piece.lower().strip(_PUNCTUATION) for piece in pieces]
    stems_of = [stem(bare) for bare in bares]
    asked = [_asks(bare, tokens) for bare in bares]
    after_focus = {i + 1 for i, bare in enumerate(bares) if focus and _asks(bare, frozenset({focus}))}
    for i in range(len(pieces)):
        if i and pieces[i - 1].endswith((",", ";", ":", "—")):
            starts.add(i)
        if asked[i]:
            starts.add(i + 1)
            after.add(i + 1)

    function_stems = _function_stems()

    def score(start: int) -> float:
        flags = asked[start : start + MAX_CLAUSE_WORDS]
        stems = stems_of[start : start + MAX_CLAUSE_WORDS]
        first = next((i for i, q in enumerate(flags) if q), len(flags))
        new = sum(
            1.0 if i > first else LEAD_IN_WEIGHT
            for i, (x, q) in enumerate(zip(stems, flags, strict=True))
            if not q and x not in function_stems
        )
        return NEW_WORD_WEIGHT * new + sum(flags) + AFTER_BONUS * (start in after) + FOCUS_BONUS * (start in after_focus)

    best = max(sorted(s for s in starts if s < len(pieces)), key=score)
    window = pieces[best : best + MAX_CLAUSE_WORDS]
    return " ".join(window).rstrip(",;:") + ("…" if best + MAX_CLAUSE_WORDS < len(pieces) else "")


@cache
def _function_stems() -> frozenset[str]:
    """The stems of the stop words: built on the first question, as the lemma data loads then."""
    return frozenset(stem(w) for w in STOPWORDS)


def prepare() -> None:
    """Build the tables a short answer may need (from the lemma data, a few milliseconds) with
    the first question, whatever it asks, rather than with the first that needs them."""
    _function_stems()


#: What stands around a word of a sentence but is not part of it.
_PUNCTUATION = ".,;:“”\"’'()"


def _asks(bare: str, tokens: frozenset[str]) -> bool:
    """Whether a (lower-case, bare) word of the sentence is one of the question's
    ("second-quarter" holds "quarter")."""
    if stem(bare) in tokens or stem(bare.replace("-", "")) in tokens:
        return True  # the analyser reads "second-quarter" as one word
    return any(stem(part) in tokens for part in bare.split("-") if part)


def _given_figure(span: Span, question: Question) -> bool:
    """A figure the question gives ("on a 500k mortgage") is not its answer."""
    if span.kind == DATE or not question.figures:
        return False
    stated = set(figures_in(span.text))
    return bool(stated) and stated <= question.figures


#: "under the brand name Aurelza", "a plan called Homes First", "a boy named Ali": where the
#: sentence gives a thing its name.
_NAMING = re.compile(r"((?:[\w’'-]+,?\s+){1,4})(?:names?|called|named|dubbed|known as)\s+(?:the\s+)?$", re.IGNORECASE)


def _name_given(question: Question, reading: Reading, tokens: frozenset[str]) -> str | None:
    """ "What is the brand name of X?": the name the sentence gives right after "name",
    "called" or "named" when the word before that is the question's ("brand name Aurelza"),
    not the name of something else ("a charity called Harbor Aid" for the volunteer's name)."""
    if not NAME_OF.search(question.folded):
        return None
    text = reading.sentence.text
    for span in reading.spans:
        if span.kind not in (PERSON, "organisation", "place", "name") or _named_in_question(span, tokens):
            continue
        cue = _NAMING.search(text[max(0, span.start - 60) : span.start])
        named = next((w for w in reversed(words(cue.group(1))) if w not in STOPWORDS), "") if cue else ""
        if named and stem(named) in tokens:  # "the line, to be called ...": the line
            return span.text
    return None


def _which_named(question: Question, reading: Reading) -> str | None:
    """ "Which Ruiz said ...?": the Ruiz the sentence quotes, else the one it names; not
    someone else, whom the question's "Ruiz" does not ask about."""
    asked = which_name(question.text)
    if not asked:
        return None
    people = [s for s in reading.spans if s.kind == PERSON and s.refers != UNCLEAR]
    names = [reading.speaker] if reading.speaker and reading.speaker != UNCLEAR else []
    names += [p.refers or p.text for p in people]
    fitting = [n for n in names if asked in n.split() and n != asked]
    if not fitting:
        return None
    span = next((p for p in people if (p.refers or p.text) == fitting[0]), None)
    return _person(span) if span is not None else fitting[0]


def _named_kind(question: Question, reading: Reading) -> str | None:
    """"What party is she in?": the name in the sentence that WordNet says is one ("Republican",
    of "Republican Party"), when the question does not name it."""
    if not question.focus or question.kind not in (ORGANISATION, WHAT):
        return None
    return name_of_kind(reading.sentence.text, question.focus[-1], skip=question.folded)


def _named_in_question(span: Span, tokens: frozenset[str]) -> bool:
    """Whether the question names ``span``: its words, or a name the question uses whole (a
    multiword token such as "coastal_resili_author" for "CRA"), written out or by its initials."""
    stems = {stem(w) for w in words(span.text)}
    if stems and stems <= tokens:
        return True
    for token in tokens:
        parts = [p for p in token.split("_") if p not in STOPWORDS]
        if len(parts) > 1 and (stems <= set(parts) or span.text.lower() == "".join(p[0] for p in parts)):
            return True
    return False


def _anchor(text: str, tokens: frozenset[str]) -> int:
    """Where in the sentence the question's words are, on average."""
    spots = [a for a, _ in written_at(text, lambda w: stem(w.lower()) in tokens)]
    return sum(spots) // len(spots) if spots else 0


def _body(text: str) -> str:
    return without_dateline(text)


def _tidy(text: str) -> str:
    text = text.strip(" ,;:—–-“”\"")
    return text[:1].upper() + text[1:] if text else text


_HANDLERS: dict[str, Callable[[Question, Reading, frozenset[str]], str | None]] = {
    **{kind: _span_answer for kind in ANSWERING_KINDS if kind != REASON},
    SAID: _said,
    WHAT: _focus_figure,
    DEFINITION: _definition,
    PLACE: _place,
    REASON: _reason,
    YES_NO: _yes_no,
}
