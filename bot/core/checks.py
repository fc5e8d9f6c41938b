"""Checks: each one a named rule that a fact must pass to answer a question, returning the
reason it fails (or None). A confident wrong answer is worse than a decline, so a fact that
lacks what the question pins down (a name, a figure, a day, an answer of the kind asked) is
not used, however many other words it shares.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from bot.core.article import (
    DATE,
    DATELINE,
    Reading,
    Span,
    bearer_of,
    counted_units,
    other_kind_of_person,
    speaks,
    unit_class,
)
from bot.core.index import Doc, FactIndex
from bot.core.lexical.lemmas import lemma
from bot.core.lexical.morphy import morphy
from bot.core.lexical.wordnet import person_nouns
from bot.core.lexical_bridge import broader_of_word, expansions_of_word, name_of_kind, place_relatives
from bot.core.lexicon import STOPWORDS
from bot.core.question import (
    NAME_OF,
    NUMBER,
    PERSON,
    TIME,
    YES_NO,
    Question,
    asks_stands_for,
    category_asked,
    counted_words,
    is_person_noun,
    which_name,
)
from bot.core.signals import ANSWERING_KINDS, kind_present, phrase_found
from bot.core.text import WRITTEN_WORD, lemma_stem, stem, words
from bot.core.vocabulary import (
    LEADING_VERBS,
    MONTH_NAMES,
    ROLE_WORDS,
    is_common_word,
    place_names,
    spelled_titles,
)


@dataclass(frozen=True)
class Context:
    """What the checks read: the question, its tokens, and the report's index."""

    question: Question
    tokens: frozenset[str]
    names: frozenset[str]  # the question's tokens that name someone or something of the report
    unknown_names: tuple[str, ...]  # capitalised words of the question the report never uses
    index: FactIndex

    def tokens_of(self, word: str) -> frozenset[str]:
        """A question's word as the index compares it, typos repaired ("runers" -> runner)."""
        return frozenset(self.index.query(word).tokens)


def names_in_fact(ctx: Context, doc: Doc) -> str | None:
    """Every name the question gives must be in the fact's sentences (or who they refer to);
    for "who is the governor of the Bank of Ireland?", a sentence naming the governor will do
    without the bank's name."""
    missing = sorted(t for t in ctx.names if t not in doc.tokens and not _in_asks(t, doc))
    missing = [t for t in missing if not _place_as_written(ctx, t, doc.tokens)]
    if missing and _titled(ctx, doc):
        missing = [t for t in missing if t in ctx.index.person_names]
    if missing and _RELATED.search(ctx.question.folded):
        missing = [t for t in missing if not _related_by_role(ctx, doc, t)]
    return f"the fact does not mention {', '.join(missing)}" if missing else None


def _place_as_written(ctx: Context, token: str, tokens: frozenset[str]) -> bool:
    """"the German envoy" of "Germany's special envoy": a place the question names, met in
    ``tokens`` by its country or its people's word (WordNet's relatives of the word)."""
    if token not in ctx.index.place_names:
        return False
    written = [w for w in words(ctx.question.text) if lemma_stem(w) == token]
    return any(place_relatives(w) & tokens for w in written)


#: "Is Thomas Hale related to Margaret Hale?", and the sentence that answers it: "Thomas Hale,
#: who is not related to the outgoing chief executive".
_RELATED = re.compile(r"\brelated to\b|\brelatives?\b|\bsame family\b")
_RELATED_TO_ROLE = re.compile(r"\b(?:not |no )?related to (?:the |her |his )?((?:[\w-]+ ){0,3}[\w-]+)")


def _related_by_role(ctx: Context, doc: Doc, token: str) -> bool:
    """Whether the fact says who is (not) related to someone it names by a title the person
    the question names (by ``token``) holds: "related to the outgoing chief executive"."""
    people = ctx.index.article.people.values()
    roles = {w for p in people if token in ctx.index.document(p.name) for r in p.roles for w in words(r.lower())}
    for reading in doc.readings:
        for found in _RELATED_TO_ROLE.finditer(reading.sentence.text):
            if set(words(found.group(1).lower())) & roles:
                return True
    return False


def figures_in_fact(ctx: Context, doc: Doc) -> str | None:
    """A figure the question gives must be one the fact states (yes/no questions may be wrong)."""
    if ctx.question.kind == YES_NO:
        return None
    given = ctx.question.figures
    missing = sorted(f for f in given if f not in doc.figures and not _scaled_stated(f, given, doc.figures))
    return f"the fact does not state {', '.join(missing)}" if missing else None


def _scaled_stated(figure: str, given: frozenset[str], stated: frozenset[str]) -> bool:
    """ "500k" is read as 500 and 500000: the fact states it when it states 500000."""
    try:
        value = float(figure)
    except ValueError:
        return False
    return any(
        _is_float(g) and g in stated and float(g) in {value * 1e3, value * 1e6, value * 1e9} for g in given
    )


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def days_in_fact(ctx: Context, doc: Doc) -> str | None:
    """A month or weekday the question names must be the fact's, in the clause that holds the
    question's words ("inflation ... in February, while the unemployment rate ... in March"
    gives no unemployment rate for February)."""
    if ctx.question.months - doc.months:
        return "the fact is about another month"
    if ctx.question.weekdays - doc.weekdays:
        return "the fact is about another day"
    if not doc.curated:
        said = " ".join(_with_antecedent(ctx, r).lower() for r in doc.readings)
        for phrase in ctx.question.relative:
            if not _says_when(phrase, said, ctx.index.article.year):
                return f"the fact does not say {phrase!r}"
    if ctx.question.months and not doc.curated:
        clause = main_clause(doc, ctx.tokens, ctx.index).lower()
        if not any(name in clause for m in ctx.question.months for name in MONTH_NAMES[m]):
            return "the fact gives that month for something else"
    return None


#: A sentence that opens by pointing back to the one before: "The request includes ...".
_POINTS_BACK = re.compile(r"^(?:The|This|That|These|Those|It|Its|Their|They)\b")


def _with_antecedent(ctx: Context, reading: Reading) -> str:
    """The sentence's text, after the sentence before it in its paragraph when it points back to
    it: "... the budget request for fiscal 2027. The request includes $254 million ..." dates the
    request."""
    sentence = reading.sentence
    before = ctx.index.article.readings.get(f"p{sentence.paragraph}.s{sentence.index - 1}")
    if before is None or not _POINTS_BACK.match(sentence.text):
        return sentence.text
    return f"{before.sentence.text} {sentence.text}"


#: What answers "what year": a year written out. "Next year" or "last year" would answer it too,
#: but a question's tense rarely tells which: with them, one of the blind articles' future
#: questions took "last year" (one more wrong answer, no right one gained).
_ASKED_YEAR = re.compile(r"\b(?:1[5-9]|2[01])\d\d\b")
_CLOCK = re.compile(r"\d(?::\d\d)?\s?(?:a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b|\b(?:noon|midnight)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_OFFSET = {"last year": -1, "this year": 0, "next year": 1}
_YEAR_BEFORE = re.compile(r"\ba year (?:earlier|ago|before)\b|\b(?:the )?previous year\b|\byear-(?:earlier|ago)\b")


def _says_when(phrase: str, said: str, year: str | None) -> bool:
    """Whether a fact's text says the relative date ``phrase`` ("last year"), as written or as
    the year it means (from the article's year; any year when the article gives none)."""
    if phrase in said or phrase not in _YEAR_OFFSET:
        return phrase in said or phrase not in _YEAR_OFFSET
    if phrase == "last year" and _YEAR_BEFORE.search(said):
        return True  # "down from $1.84 billion a year earlier"
    years = set(_YEAR.findall(said))
    if year is None:
        return bool(years)
    return str(int(year) + _YEAR_OFFSET[phrase]) in years


_CLAUSES = re.compile(r",\s+(?:while|whereas|but|and|although)\b|;|\s+while\s+")


def main_clause(doc: Doc, tokens: frozenset[str], index: FactIndex) -> str:
    """The clause of the fact's first sentence that holds most of the question's words."""
    if not doc.readings:
        return ""
    text = doc.readings[0].sentence.text
    weighed = [(sum(index.idf.get(t, 0.0) for t in index.document(c) & tokens), c) for c in _CLAUSES.split(text)]
    best = max(weighed, key=lambda w: w[0])
    return best[1] if best[0] > 0 else text  # no clause holds the question's words: the whole sentence


def places_in_clause(ctx: Context, doc: Doc) -> str | None:
    """A place the question names must be where the sentence says what is asked: "the home
    price in Oslo" is not "home sales in Oslo ..., while the home price in Bergen"."""
    places = [t for t in ctx.names if t in ctx.index.place_names]
    if not places or doc.curated or not doc.readings or _titled(ctx, doc):
        return None
    said = main_clause(doc, ctx.tokens - ctx.names, ctx.index)
    clause = ctx.index.document(said) | ctx.index.document(said.replace("-", " "))  # "German-made"
    missing = [t for t in places if t not in clause and not _place_as_written(ctx, t, clause)]
    return f"the fact says that of another place than {', '.join(missing)}" if missing else None


def kind_in_fact(ctx: Context, doc: Doc) -> str | None:
    """The fact's sentences must hold an answer of the kind the question wants, other than
    what the question itself names ("Who is Ana Ruiz?" is not answered by "Ana Ruiz")."""
    if doc.curated or not kind_present(ctx.question, doc):
        if kind_present(ctx.question, doc) or _role_names_kind(ctx, doc):
            return None  # "what party is Ana Lind?" of "Ana Lind, a Republican", no body named
        return f"the fact holds no {ctx.question.kind}"
    wanted = ANSWERING_KINDS.get(ctx.question.kind)
    if wanted is None or "reason" in wanted:
        return None
    if ctx.question.wants_people and ctx.question.kind == PERSON:
        wanted = frozenset({"person", "role", "speaker"})
    if ctx.question.kind == "age" and ctx.names:
        return _age_of_named(ctx, doc)
    for reading in doc.readings:
        speaker = reading.speaker if "speaker" in wanted and reading.speaker != "?" else None
        if speaker and not ctx.index.document(speaker) <= ctx.tokens and not _reported(ctx, reading):
            return None
        if any(_gives_answer(ctx, reading, span, wanted) for span in reading.spans):
            return None
    return f"the fact holds no {ctx.question.kind} the question does not already give"


def _gives_answer(ctx: Context, reading: Reading, span: Span, wanted: frozenset[str]) -> bool:
    """Whether one span of the fact is an answer of the wanted kind that the question does not
    already give."""
    if span.kind not in wanted or ctx.index.document(span.text) <= ctx.tokens or _initials_given(ctx, span):
        return False
    if span.role == DATELINE and (span.kind != ctx.question.kind or (span.kind == "organisation" and not _asks_agency(ctx))):
        return False  # the agency that filed the story answers "which agency", not who, where or which company
    if _reported(ctx, reading) and span.kind == PERSON and (span.refers or span.text) == reading.speaker:
        return False  # the one who reports what others wanted
    return not _modifies_asked(ctx, reading, span)


def _initials_given(ctx: Context, span: Span) -> bool:
    """"RC" for "who leads the Civic Renewal party?": the initials of a body the question names."""
    whole = ctx.index.article.organisations.get(span.text)
    return whole is not None and frozenset(ctx.index.analyzer.index(whole)[0]) <= ctx.tokens


def _asks_agency(ctx: Context) -> bool:
    """"Which news agency reported it?": a question about who filed the story."""
    return bool(ctx.tokens & ctx.index.document("agency news wire reported reporting"))


def _modifies_asked(ctx: Context, reading: Reading, span: Span) -> bool:
    """"a $1.1 billion Acme contract" for "which companies bid for the contract?": a name that
    only describes a word the question has is not the answer to it."""
    if ctx.question.kind not in ("organisation", "person"):
        return False
    after = words(reading.sentence.text[span.end :])[:1]
    if not after or span.text.endswith(("’s", "'s")) or after[0].endswith("ed") or not morphy(after[0], "n"):
        return False  # "Acme claimed ...": the name does what is asked
    if after[0] not in morphy(after[0], "v") and morphy(after[0], "v"):
        return False  # "Ana Lind won ...": an inflected verb, though WordNet knows "won" as a noun too
    return bool(ctx.index.document(after[0]) & ctx.tokens)


#: Verbs of saying: "which senator criticised ...?" asks who said it.
_SAYING = frozenset(
    [
        "say",
        "said",
        "says",
        "tell",
        "told",
        "warn",
        "warned",
        "argue",
        "argued",
        "claim",
        "claimed",
        "criticise",
        "criticised",
        "criticize",
        "criticized",
        "call",
        "called",
        "urge",
        "urged",
        "accuse",
        "accused",
        "blame",
        "blamed",
        "praise",
        "praised",
        "announce",
        "announced",
        "deny",
        "denied",
        "admit",
        "admitted",
        "confirm",
        "confirmed",
        "insist",
        "insisted",
        "promise",
        "promised",
        "vow",
        "vowed",
        "pledge",
        "pledged",
        "demand",
        "demanded",
        "complain",
        "complained",
        "ask",
        "asked",
        "suggest",
        "suggested",
        "predict",
        "predicted",
        "describe",
        "described",
    ]
)


def _reported(ctx: Context, reading: Reading) -> bool:
    """ "Which two members wanted a hold?" of "Ruiz said two members wanted a hold": the one who
    reports it is not who is asked about (unless the question asks who said it)."""
    if not ctx.question.wants_people or ctx.question.kind != PERSON or not reading.speaker:
        return False
    return not (set(ctx.question.folded.split()) & _SAYING)


def units_in_fact(ctx: Context, doc: Doc) -> str | None:
    """ "How tall", "how heavy", "how long": a measure of that kind (a length, a weight, a time)."""
    if not ctx.question.units or doc.curated:
        return None
    if "clock" in ctx.question.units:
        clock = any(_CLOCK.search(s.text) for r in doc.readings for s in r.spans if s.kind == "date")
        return None if clock else "the fact gives no time of day"
    if "year" in ctx.question.units:
        year = any(_ASKED_YEAR.search(s.text) for r in doc.readings for s in r.spans if s.kind == "date")
        return None if year else "the fact gives no year"
    for reading in doc.readings:
        if any(unit_class(s.text) in ctx.question.units for s in reading.spans if s.kind == "measure"):
            return None
    return f"the fact gives no {' or '.join(sorted(ctx.question.units))}"


def topic_in_fact(ctx: Context, doc: Doc) -> str | None:
    """ "What did X say about Y": the fact must be about Y (half its words at least)."""
    topic = [w for w in ctx.question.topic if ctx.tokens_of(w)]
    if not topic or doc.curated:
        return None
    found = sum(1 for w in topic if ctx.tokens_of(w) & doc.tokens or expansions_of_word(w) & doc.tokens)
    return None if 2 * found >= len(topic) else f"the fact says nothing about {' '.join(topic)}"


#: Characters either side of an age (or of the name it follows) that say whose age it is: a
#: name and a title of a few words ("the Ghanaian environment minister, Kwame Mensah, 58").
AGE_WINDOW = 40


#: "How old is Ana Ruiz's grandmother?": a person's name, then what is asked about them.
_NAMED_OWNER = re.compile(r"\b((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)[’']s\s+([a-z]+)\b")


def _owned_by_person(ctx: Context) -> str | None:
    """"How old is Ana Ruiz's grandmother?": the one asked about ("grandmother"), when the
    question gives them as a named person's, not a title ("the Orbis agency's chief")."""
    found = _NAMED_OWNER.search(ctx.question.text)
    if not found or found.group(2) in ROLE_WORDS or not ctx.index.document(found.group(1)) & ctx.index.person_names:
        return None
    return found.group(2)


def _age_of_named(ctx: Context, doc: Doc) -> str | None:
    """ "How old is X?": an age written beside X ("Kiptoo, 24,"), or in a sentence about X only;
    for "X's grandmother", beside the grandmother."""
    owned = _owned_by_person(ctx)
    if owned:
        return _age_beside(ctx, doc, ctx.tokens_of(owned))
    for reading in doc.readings:
        text = reading.sentence.text
        for span in reading.spans:
            if span.kind != "age":
                continue
            bearer = bearer_of(reading, span)  # "Tuvalu’s lead negotiator, Simone Taafaki, 41"
            upto = _next_person(reading, span.end) if bearer else len(text)  # "Solberg, 48, said Pereyra ..."
            if ctx.index.document(_around(text, bearer.start if bearer else span.start, span, upto)) & ctx.names:
                return None
        known = ctx.index.article.people
        people = {p.refers or p.text for p in reading.spans if p.kind == "person"} | {n for n in reading.context if n in known}
        ages = [s for s in reading.spans if s.kind == "age" and not _someone_elses_age(text, s)]
        if ages and len(people) <= 1 and any(ctx.index.document(p) & ctx.names for p in people):
            return None
    return "the fact gives no age for the one asked about"


#: "a 23-year-old volunteer": an age that brings in someone new.
_AGE_OF_NOUN = re.compile(r"^[- ]years?[- ]old\s+[a-z]+")
_INDEFINITE = re.compile(r"\b(?:a|an)\s+$")


def _someone_elses_age(text: str, age: Span) -> bool:
    """"the other, a 23-year-old volunteer,": the age of someone the sentence brings in, not
    of the person it is about ("the 45-year-old lawyer" may be them)."""
    return bool(_AGE_OF_NOUN.match(text[age.end :])) and bool(_INDEFINITE.search(text[max(0, age.start - 4) : age.start]))


def _around(text: str, start: int, age: Span, upto: int | None = None) -> str:
    """The words within ``AGE_WINDOW`` before ``start`` (the age, or its bearer's title) and
    after the age, up to ``upto``: what says whose age it is."""
    end = min(age.end + AGE_WINDOW, len(text) if upto is None else upto)
    return text[max(0, start - AGE_WINDOW) : age.start] + " " + text[age.end : end]


def _next_person(reading: Reading, start: int) -> int:
    """Where the next name of a person after ``start`` stands, else the sentence's end."""
    return min((s.start for s in reading.spans if s.kind == "person" and s.start >= start), default=len(reading.sentence.text))


def _age_beside(ctx: Context, doc: Doc, tokens: frozenset[str]) -> str | None:
    """An age written beside the words of the one asked about."""
    for reading in doc.readings:
        text = reading.sentence.text
        for span in (s for s in reading.spans if s.kind == "age"):
            if ctx.index.document(_around(text, span.start, span)) & tokens:
                return None
    return "the fact gives no age for the one asked about"


#: Nouns that name the kind of answer wanted rather than what it is about.
KIND_NOUNS = frozenset(
    [
        "time",
        "times",
        "day",
        "days",
        "date",
        "dates",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "hour",
        "hours",
        "place",
        "places",
        "location",
        "city",
        "cities",
        "country",
        "countries",
        "town",
        "towns",
        "village",
        "villages",
        "money",
        "state",
        "states",
        "province",
        "provinces",
        "region",
        "regions",
        "name",
        "names",
        "number",
        "figure",
        "amount",
        "organisation",
        "organisations",
        "organization",
        "organizations",
    ]
)


#: Nouns that stand for any thing at all: a question's focus, but not a word the fact must use.
GENERIC_NOUNS = frozenset(
    [
        "factor",
        "factors",
        "thing",
        "things",
        "step",
        "steps",
        "measure",
        "measures",
        "issue",
        "issues",
        "aspect",
        "aspects",
        "kind",
        "kinds",
        "type",
        "types",
        "sort",
        "sorts",
        "way",
        "ways",
        "option",
        "options",
    ]
)


def focus_in_fact(ctx: Context, doc: Doc) -> str | None:
    """What a what/which/how-many question asks about must be in the fact ("the currency",
    "the share price"), as written or through a general synonym."""
    if not ctx.question.focus or doc.curated or which_name(ctx.question.text):
        return None  # "which Hale said the company ...?" asks which Hale
    head = ctx.question.focus[-1]
    if head in KIND_NOUNS:
        return None  # "what time", "which day": the kind of answer, checked by kind_in_fact
    if head in GENERIC_NOUNS:
        return None  # "what factors", "which steps": says what kind of thing, not which
    if _in_fact(ctx, doc, head) or _named_kind(doc, head) or _of_its_kind(ctx, doc, head) or _a_kind_of(ctx, doc, head):
        return None
    return f"the fact says nothing of {head!r}"


def _a_kind_of(ctx: Context, doc: Doc, head: str) -> bool:
    """"Which vessel did rescuers reach?" of "a fuel tanker": a noun of the fact that WordNet
    files under the focus (a few hypernym hops, never a very general class)."""
    wanted = lemma_stem(head)
    return any(wanted in ctx.index.kinds_of(r.sentence.text) for r in doc.readings)


#: Nouns for what someone says: a sentence that quotes or reports someone's words holds one.
SAYING_NOUNS = frozenset(
    ["message", "warning", "advice", "comment", "comments", "statement", "response", "reaction", "remarks", "words"]
)
#: Nouns for a change or a bound, which a figure states: "what raise have the employers
#: offered?" is met by "offered 4.5%". A named measure ("margin", "toll") must be written.
QUANTITY_NOUNS = frozenset(
    ["raise", "rise", "increase", "cut", "reduction", "decrease", "odds", "chance", "chances", "limit", "cap"]
)
#: Nouns for how many people live somewhere, which a count of people states.
POPULATION_NOUNS = frozenset(["population", "populations"])


def _counts_people(text: str, span: Span) -> bool:
    """Whether the figure counts people: "142,000 people", "11,000 residents"."""
    after = words(text[span.end :])[:1]
    return bool(after) and (after[0] in _PEOPLE or lemma(after[0]) in person_nouns())


#: Nouns for any body: "which company makes the drug?" is met by a body's name. A kind of body
#: ("party", "union", "university") must be named as one, like any other focus.
BODY_NOUNS = frozenset(["company", "firm", "group", "business", "maker", "manufacturer", "organisation", "organization", "body"])
#: Nouns for what someone does for a living: a title in the sentence ("Finance Director") is one.
JOB_NOUNS = frozenset(["job", "role", "position", "post", "title", "occupation", "profession"])


def _of_its_kind(ctx: Context, doc: Doc, head: str) -> bool:
    """"What was the commissioner's message?" of a sentence quoting her; "what is Ana Ruiz's
    job?" of one giving her title: the focus names the kind of thing the sentence holds (what
    the person the question names says, or the title they hold)."""
    people = _people_asked(ctx)
    if head in SAYING_NOUNS:
        return _asked_person_speaks(ctx, doc)
    if head in QUANTITY_NOUNS:
        return any(span.kind in ANSWERING_KINDS[NUMBER] for r in doc.readings for span in r.spans)
    if head in POPULATION_NOUNS:  # "what's the population of Vela?" of "a town of about 142,000 people"
        return any(_counts_people(r.sentence.text, span) for r in doc.readings for span in r.spans if span.kind == "number")
    if head in BODY_NOUNS:
        return any(span.kind == "organisation" for r in doc.readings for span in r.spans if span.role != DATELINE)
    if head in JOB_NOUNS:
        return any(
            span.kind == PERSON and span.role not in ("", DATELINE) and (not people or bool(people & ctx.index.document(span.text)))
            for r in doc.readings
            for span in r.spans
        )
    return False


def _people_asked(ctx: Context) -> frozenset[str]:
    """The tokens of the people the question names."""
    return ctx.names & ctx.index.person_names


def _asked_person_speaks(ctx: Context, doc: Doc) -> bool:
    """Whether the fact quotes or reports someone's words: the words of the person the question
    names, when it names one."""
    people = _people_asked(ctx)
    return any(
        speaks(r.sentence.text) and (not people or bool(people & ctx.index.document(r.speaker or "")))
        for r in doc.readings
    )


def _role_names_kind(ctx: Context, doc: Doc) -> bool:
    """"What party is Ana Lind?": the role the fact gives the person the question names holds
    a name of the kind asked ("a Republican"), though the fact names no body."""
    people = ctx.names & ctx.index.person_names
    if not ctx.question.focus or not people:
        return False
    head = ctx.question.focus[-1]
    return any(
        name_of_kind(span.role, head)
        for r in doc.readings
        for span in r.spans
        if span.kind == PERSON and span.role and ctx.index.document(span.refers or span.text) & people
    )


def _named_kind(doc: Doc, head: str) -> bool:
    """"What party is she in?" of "a Republican": a name in the fact whose WordNet relatives
    say what it is ("Republican Party")."""
    return any(name_of_kind(r.sentence.text, head) for r in doc.readings)


#: Kinds of question whose verb carries what they ask (a figure or a quote carries it otherwise).
PREDICATE_KINDS = frozenset({"what", "time", "place", "person", "organisation", "yes_no", "definition", "reason"})


def predicate_in_fact(ctx: Context, doc: Doc) -> str | None:
    """The verb the question asks about ("what did the drilling find?") must be the fact's,
    as written, inflected or through a general synonym: the report saying the drilling is
    planned does not say what it found."""
    verb = ctx.question.predicate
    if not verb or doc.curated or ctx.question.kind not in PREDICATE_KINDS or asks_stands_for(ctx.question.folded):
        return None
    if verb in SPEAKING_VERBS and _asked_person_speaks(ctx, doc):
        return None  # "where did Ana Ruiz speak?" of "Ruiz told reporters in Oslo"
    if verb in LEADING_VERBS and ctx.question.kind == PERSON and doc.role_tokens & ctx.index.role_vocabulary:
        return None  # "who will run the bank?" of "Ana Ruiz will be its chief executive"
    if verb in REACTING_VERBS and _reacts(ctx, doc):
        return None  # "how did the stock react?" of "Lind shares fell 9.5%"
    return None if _in_fact(ctx, doc, verb) else f"the fact does not say what the question asks ({verb!r})"


#: Verbs of reacting: "how did the stock react?" is met by what the stock did.
REACTING_VERBS = frozenset(["react", "reacted", "respond", "responded"])
#: What a reaction is: a market moving, or someone saying or doing something about it.
_REACTION = re.compile(
    r"\b(?:rose|fell|jumped|dropped|slid|climbed|gained|lost|tumbled|surged|soared|plunged|rallied|"
    r"said|called|vowed|urged|denied|criticised|criticized|welcomed|condemned|praised|warned)\b"
)


def _reacts(ctx: Context, doc: Doc) -> bool:
    """Whether the fact says how the thing the question names reacted: every other word of the
    question is in the fact, with a verb of moving or saying."""
    others = [w for w in words(ctx.question.folded) if w not in STOPWORDS and w not in REACTING_VERBS]
    if not others or not all(_in_fact(ctx, doc, w) for w in others):
        return False
    return any(_REACTION.search(r.sentence.text) for r in doc.readings)


#: Verbs of speaking, which a sentence quoting or reporting someone's words meets.
SPEAKING_VERBS = frozenset(["speak", "spoke", "spoken", "talk", "talked", "say", "said", "tell", "told", "comment", "commented"])


#: How many words from the verb asked about a date may stand and still date it.
DATE_NEAR_VERB_WORDS = 8


def date_of_verb(ctx: Context, doc: Doc) -> str | None:
    """"When did the mission launch?": a date near the word for the launch, not "a report last
    month ... including instruments, launch and ground support"."""
    verb = ctx.question.predicate
    if ctx.question.kind != TIME or not verb or doc.curated or not doc.readings:
        return None
    stems = ctx.tokens_of(verb)
    for reading in doc.readings:
        text = reading.sentence.text
        spots = [at for at, tokens in ctx.index.written_words(text) if tokens & stems]
        if not spots:
            return None  # said in other words: the predicate check judges it
        for span in reading.spans:
            if span.kind == DATE and any(_words_between(text, spot, span.start) <= DATE_NEAR_VERB_WORDS for spot in spots):
                return None
    return f"the fact dates something else than {verb!r}"


def _words_between(text: str, a: int, b: int) -> int:
    lo, hi = sorted((a, b))
    return len(text[lo:hi].split())


def subject_in_fact(ctx: Context, doc: Doc) -> str | None:
    """ "What did X say": X (a name, a title) must be who the fact's sentence quotes or names."""
    if not ctx.question.subject or doc.curated:
        return None
    titles = _speaker_titles(ctx, doc)
    missing = [w for w in ctx.question.subject if not _in_fact(ctx, doc, w, asks=False, also=titles)]
    if missing:
        return f"the fact does not quote or name {' '.join(missing)}"
    asked = {t for w in ctx.question.subject for t in ctx.index.document(w)} & ctx.index.person_names
    speakers = [r.speaker for r in doc.readings if r.speaker and r.speaker != "?"]
    if asked and not speakers and not any(speaks(r.sentence.text) for r in doc.readings):
        return f"the fact quotes no one, so nothing {' '.join(ctx.question.subject)} said"
    if asked and speakers and not any(asked & ctx.index.document(s) for s in speakers):
        return f"the fact quotes {speakers[0]}, not {' '.join(ctx.question.subject)}"
    return None


def _speaker_titles(ctx: Context, doc: Doc) -> frozenset[str]:
    """Tokens of the titles the article gives the people the fact quotes ("she said" of the
    senator named two sentences before)."""
    people = ctx.index.article.people
    titles = [spelled_titles(role) for r in doc.readings if r.speaker in people for role in people[r.speaker].roles]
    return ctx.index.document(" ".join(titles)) if titles else frozenset()


_OWNED_TITLE = re.compile(r"([\w.-]+)['’]s ((?:[a-z-]+ ){0,2}[a-z-]+)")


def title_of_owner(ctx: Context, doc: Doc) -> str | None:
    """ "Latvia's foreign minister" is not "Oslo's Foreign Minister Ida Berg": where the fact
    gives the title only as someone else's, it answers for them, not for the one asked about."""
    if doc.curated or not doc.readings:
        return None
    for owner, title in _OWNED_TITLE.findall(ctx.question.folded):
        if title.split()[-1] not in ROLE_WORDS:
            continue
        owners = _owners_of(" ".join(r.sentence.text for r in doc.readings), title)
        if owners and all(o and stem(o.lower()) != stem(owner) for o in owners):
            return f"the fact gives {owners[0]}'s {title}, not {owner}'s"
    return None


#: The possessive just before a title: "Oslo's " of "Oslo's foreign minister".
_OWNER_BEFORE = re.compile(r"([\w.-]+)['’]s\s+$")


def _owners_of(text: str, title: str) -> list[str]:
    """Whose the title is, where ``text`` writes it (case aside): the possessive before each
    ("Oslo's foreign minister"), or "" where none stands. No regular expression is built for
    the title: compiling one per new question cost more than the rest of the check."""
    lowered, out, at = text.lower(), [], 0
    while (at := lowered.find(title, at)) >= 0:
        end = at + len(title)
        if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
            owner = _OWNER_BEFORE.search(text[max(0, at - 40) : at])
            out.append(owner.group(1) if owner else "")
        at = end
    return out


def title_held(ctx: Context, doc: Doc) -> str | None:
    """"Who is the governor of Oslo?": where the report gives someone that title, the fact
    must name one who holds it; a sentence quoting someone else on "a governor" does not."""
    q = ctx.question
    if q.kind != PERSON or not q.focus or doc.curated or q.focus[-1] not in ROLE_WORDS:
        return None
    title = [ctx.tokens_of(w) for w in q.focus]  # "prime minister": both words
    if not title[-1] & ctx.index.role_vocabulary or all(t & doc.role_tokens for t in title):
        return None
    return f"no one the fact names holds the title {' '.join(q.focus)!r}"


#: Words that part a field in two: a question of one side is not answered by the other's.
_SIDES = (("men", "women"), ("boys", "girls"), ("male", "female"))
_SIDE_WORD = re.compile(r"\b(men|women|boys|girls|male|female)(?:[’']s?|s[’'])?(?=\W|$)", re.I)


def side_in_fact(ctx: Context, doc: Doc) -> str | None:
    """"Who won the men's final?" is not answered by a sentence of the women's final alone."""
    asked = {m.group(1).lower() for m in _SIDE_WORD.finditer(ctx.question.text)}
    if not asked or doc.curated:
        return None
    written = {m.group(1).lower() for r in doc.readings for m in _SIDE_WORD.finditer(r.sentence.text)}
    for side in asked:
        other = next((b if a == side else a for a, b in _SIDES if side in (a, b)), "")
        if other in written and side not in written and other not in asked:
            return f"the fact speaks of the {other}'s, the question of the {side}'s"
    return None


def names_known(ctx: Context, doc: Doc) -> str | None:
    """A name the report never uses means the question is about something else; but "Is Ana
    Lind a Republican?" is answered by a fact calling her "a Democrat"."""
    unknown = [w for w in ctx.unknown_names if not other_category(ctx.question, doc, w)]
    if unknown:
        return f"the report never mentions {', '.join(unknown)}"
    return None


def other_category(question: Question, doc: Doc, word: str = "") -> str:
    """For "Is Ana Lind a Republican?", the role the fact gives her when it calls her another
    kind of person ("a Democrat on the Vela committee"), else ""."""
    asked = category_asked(question)
    if not asked or (word and word.lower() != asked[1]):
        return ""
    return next((role for r in doc.readings if (role := other_kind_of_person(r, *asked))), "")


def _in_fact(
    ctx: Context, doc: Doc, word: str, *, asks: bool = True, also: frozenset[str] = frozenset()
) -> bool:
    """Whether a word of the question is in the fact (or in ``also``): as written, inflected, in
    a way of asking for it (with ``asks``), or through a general synonym or multiword synonym (a
    word the index cannot read counts as found)."""
    stems = ctx.tokens_of(word)
    seen = doc.tokens | also if also else doc.tokens
    if not stems or stems & seen or (asks and any(stems <= ask for ask in doc.asks)):
        return True
    if expansions_of_word(word) & seen:
        return True  # "the finance chief": "Chief Financial Officer Ana Ruiz" said it
    if any(ctx.index.initials[t] <= doc.tokens for t in stems & ctx.index.initials.keys()):
        return True  # "the BoN": "the Bank of Norway"
    return phrase_found(ctx.index.phrases_of(word), doc.pairs)  # "ceo": "Chief Executive Ana Ruiz"


def _titled(ctx: Context, doc: Doc) -> bool:
    """A who-question whose words are the title of a person the fact names ("the governor"),
    a title naming no other body ("leader of the Socialist Party" leads no other party)."""
    if ctx.question.kind != PERSON or not ctx.tokens & (doc.role_tokens - ctx.index.names):
        return False
    others = (doc.role_tokens & ctx.index.body_names) - ctx.index.place_names - ctx.tokens
    return not {t for t in others if t not in place_names()}  # "U.S. Sen." names a country, no body


def counts_in_fact(ctx: Context, doc: Doc) -> str | None:
    """A how-many question of things ("how many cranes?") is answered by a count: a sum of
    money, a share or a span of time is a figure but counts no cranes. A measure counts when
    the question names its unit ("how many years", "how many kilometres")."""
    counted = counted_words(ctx.question.folded)
    if doc.curated or not counted:
        return None
    units = counted_units(counted)
    asked = frozenset(t for w in counted for t in ctx.tokens_of(w))  # typos repaired: "acers"
    counts_else = []
    for reading in doc.readings:
        for span in reading.spans:
            if span.kind == "number" and not ctx.index.document(span.text) <= ctx.tokens:
                other = _counts_another(ctx, reading.sentence.text, span, counted)
                if not other:
                    return None
                counts_else.append(other)
            if span.kind == "measure" and (unit_class(span.text) in units or ctx.index.document(span.text.split()[-1]) & asked):
                return None
    if counts_else:
        return f"the fact counts {counts_else[0]}, not what the question counts"
    return "the fact gives no count of what the question counts"


#: Words for people in general, which a count of workers or residents may answer.
_PEOPLE = frozenset(["people", "ppl", "persons", "person", "individuals"])


_COUNTED_INSIDE = re.compile(r"\b(?:of|in)[- ](\w+)$")


def _counts_another(ctx: Context, text: str, span: Span, counted: tuple[str, ...]) -> str:
    """"3,100 residents" for "how many ships?": the noun right after a figure, when it is a
    plural noun that is none of the question's words nor related to them ("" otherwise: the
    figure may count what is asked)."""
    inside = _COUNTED_INSIDE.search(span.text)  # "hundreds of people": the figure says what it counts
    after = [inside.group(1).lower()] if inside else words(text[span.end :])[:1]
    if not after or not after[0].isalpha() or not (after[0].endswith("s") or after[0] in _PEOPLE) or not morphy(after[0], "n"):
        return ""
    noun = after[0]
    if _PEOPLE.intersection(counted) and is_person_noun(noun):
        return ""  # "how many people were hurt": "14 workers" are people
    if noun in _PEOPLE and (not ctx.question.focus or any(is_person_noun(w) or lemma(w) in person_nouns() for w in counted)):
        return ""  # "how many guests were killed", "how many died": "killing 23 people"
    tokens = ctx.index.document(noun)
    asked = frozenset(t for w in counted for t in ctx.tokens_of(w))
    if tokens & asked or expansions_of_word(noun) & asked or broader_of_word(noun) & asked:
        return ""
    if any(tokens & (expansions_of_word(w) | broader_of_word(w)) for w in counted):
        return ""
    return noun


#: How many words from the thing asked about (or from "name", "called") its name may stand:
#: "volunteer Ana Ruiz", "Ana Ruiz, a 23-year-old volunteer", "the brand name Aurelza".
NAME_NEAR_WORDS = 4


def name_of_described(ctx: Context, doc: Doc) -> str | None:
    """"What is the name of X?" needs a name the fact gives X, near the word for X (or near
    "name" or "called"): a sentence that speaks of X without naming it does not answer, however
    many other names it holds."""
    found = NAME_OF.search(ctx.question.folded)
    if doc.curated or not found:
        return None
    phrase = _DESCRIPTION_END.split(found.group(1) or found.group(2))[0]
    described = [w for w in words(phrase) if w not in STOPWORDS]  # "the drug made by ...": drug
    if not described:
        return None
    anchors = {stem(described[-1]), "name", "call"}
    for reading in doc.readings:
        text = reading.sentence.text
        found_words = list(WRITTEN_WORD.finditer(text))
        starts = [m.start() for m in found_words]  # word k starts at starts[k]
        spots = [k for k, m in enumerate(found_words) if stem(m.group(0).lower()) in anchors]
        names = [
            bisect_left(starts, s.start) for s in reading.spans
            if _names_another(ctx, reading, s) and (s.kind in (PERSON, "name") or not is_person_noun(described[-1]))
        ]  # a man's name is a person's, not "Vela" of "a 71-year-old man in Vela"
        if spots and names and _nearest_apart(spots, names) <= NAME_NEAR_WORDS:
            return None
    return f"the fact gives no name of the {described[-1]}"


def _names_another(ctx: Context, reading: Reading, span: Span) -> bool:
    """A name that could be the one asked for: not one the question gives (nor part of it: "Jacob
    van Voss" for "the van Voss landscape"; but "Elena Voss" may be "Lena Voss's daughter"), nor
    the sentence's speaker, who tells of the thing rather than naming it ("Sophie Berg said the
    suspects ...")."""
    if span.kind not in (PERSON, "organisation", "place", "name"):
        return False
    if (span.refers or span.text) == reading.speaker:
        return False
    if ctx.index.document(span.text) <= ctx.tokens:
        return False
    proper = ctx.index.document(" ".join(w for w in words(span.text) if not is_common_word(w)))  # no title
    if not proper & ctx.names:
        return True
    others = (ctx.names & ctx.index.person_names) - proper  # the question names another person
    return bool(others)


#: Where the description of the thing named ends: "the volunteer who ...", "the drug made by ...".
_DESCRIPTION_END = re.compile(r"\b(?:who|whom|whose|which|that|where|when|made|named|called|by|in|at|from|with)\b")


def _nearest_apart(a: list[int], b: list[int]) -> int:
    """The least distance between a word index of ``a`` and one of ``b`` (both sorted)."""
    best, j = 1 << 30, 0
    for x in a:
        while j + 1 < len(b) and b[j + 1] <= x:
            j += 1
        best = min(best, *(abs(x - b[k]) for k in (j, j + 1) if k < len(b)))
    return best


#: "Should museums close their skylights?": a question of what ought to be done, which a report
#: answers only where someone says what ought to be done.
_ASKS_ADVICE = re.compile(r"^(?:should|shouldn['’]?t|ought)\b")
#: "How do I get a refund?", "Can I get my money back?": what the reader may do, which a report
#: answers only where it says what people can or should do.
_ASKS_HOW_TO = re.compile(r"^(?:how|what|where|when|who) (?:do|can|should|could|must) (?:i|we|you)\b|^(?:can|could|should|do|must) (?:i|we|you)\b")
_MAY_DO = re.compile(r"\b(?:can|may|could)\b", re.IGNORECASE)
_ADVISES = re.compile(
    r"\b(?:should|shouldn['’]?t|must|ought|need(?:s|ed)? to|urg(?:e|es|ed|ing)|advis(?:e|es|ed|ing)|"
    r"recommend(?:s|ed|ing)?|call(?:s|ed)? (?:on|for)|warn(?:s|ed)?|told \w+ to|asked \w+ to)\b",
    re.IGNORECASE,
)


def advice_in_fact(ctx: Context, doc: Doc) -> str | None:
    """ "Should cargo ships avoid the gulf?" needs a sentence saying what someone should do (or
    urges, advises, warns); a sentence that only mentions the ships gives no such verdict."""
    how_to = bool(_ASKS_HOW_TO.match(ctx.question.folded))
    if not (how_to or _ASKS_ADVICE.match(ctx.question.folded)) or doc.curated:
        return None
    texts = [reading.sentence.text for reading in doc.readings]
    if any(_ADVISES.search(t) or (how_to and _MAY_DO.search(t)) for t in texts):
        return None
    return "the question asks what ought to be done; the fact says no one's view of it"


#: "Did X happen?" asks about what happened; "will", "would", "could" ... ask about what may.
_ASKS_WHAT_HAPPENED = re.compile(r"^(?:did|does|do|has|have|had|is|are|was|were)\b")
#: Before a verb, words that say it is only wished, asked for or possible: "should pass",
#: "asked the House to consider invoking", "called on Lind to resign".
_UNASSERTED_BEFORE = re.compile(
    r"\b(?:should|might|may|must|consider|considering|(?:ask|asked|asking|urge|urged|urging|call|called|calling|"
    r"plan|plans|planned|want|wants|wanted|seek|seeks|sought|propose|proposed|vow|vowed|threaten|threatened|"
    r"hope|hopes|hoped|demand|demanded|press|pressed)\b(?:\s+\S+){0,6}?\s+to)\s+(?:\S+\s+){0,1}$",
    re.IGNORECASE,
)
#: How far before the verb such words are looked for.
UNASSERTED_WINDOW = 80


def asserted_in_fact(ctx: Context, doc: Doc) -> str | None:
    """"Did the White House invoke the act?" is not answered by "he asked the White House to
    consider invoking the act", nor "has the bill passed?" by "Congress should pass it": a verb
    of the question the fact has only as wished, asked for or possible."""
    question = ctx.question
    if question.kind != YES_NO or doc.curated or not _ASKS_WHAT_HAPPENED.match(question.folded):
        return None
    for word in words(question.folded):
        if word in STOPWORDS or not morphy(word, "v"):
            continue
        stems = ctx.tokens_of(word)
        spots = [(r.sentence.text, at) for r in doc.readings for at, t in ctx.index.written_words(r.sentence.text) if t & stems]
        if spots and all(_UNASSERTED_BEFORE.search(text[max(0, at - UNASSERTED_WINDOW) : at]) for text, at in spots):
            return f"the fact has {word!r} only as wished, asked for or possible"
    return None


def _in_asks(token: str, doc: Doc) -> bool:
    return any(token in ask for ask in doc.asks)


#: Every check, in the order they are reported.
CHECKS: tuple[Callable[[Context, Doc], str | None], ...] = (
    names_known,
    names_in_fact,
    title_of_owner,
    title_held,
    side_in_fact,
    places_in_clause,
    figures_in_fact,
    days_in_fact,
    kind_in_fact,
    counts_in_fact,
    focus_in_fact,
    units_in_fact,
    topic_in_fact,
    subject_in_fact,
    predicate_in_fact,
    asserted_in_fact,
    date_of_verb,
    name_of_described,
    advice_in_fact,
)


def failures(ctx: Context, doc: Doc) -> list[tuple[str, str]]:
    """(check name, reason) for every check the fact fails."""
    out = []
    for check in CHECKS:
        reason = check(ctx, doc)
        if reason:
            out.append((check.__name__, reason))
    return out
