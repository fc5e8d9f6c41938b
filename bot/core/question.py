"""Reading a question: what kind of answer it wants, and the words, names, figures and days it
names. Markup is removed first, so ``**who** leads `the team`?`` reads as plain words.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.core.lexical.morphy import morphy
from bot.core.lexical.wordnet import person_nouns
from bot.core.lexicon import LIGHT_WORDS, STOPWORDS
from bot.core.text import clean
from bot.core.vocabulary import CALENDAR, MONTH_NUMBER, ROLE_WORDS, WEEKDAYS

#: The kinds of answer a question can want.
AGE, MONEY, MEASURE = "age", "money", "measure"
PERSON, ORGANISATION, PLACE, TIME, NUMBER, REASON, SAID, YES_NO, DEFINITION, WHAT = (
    "person",
    "organisation",
    "place",
    "time",
    "number",
    "reason",
    "said",
    "yes_no",
    "definition",
    "what",
)

_AUX = r"is|are|was|were|will|would|did|does|do|has|have|had|can|could|should|shall|may|might|must"
#: Words before the people asked about ("which two council members"): modifiers, not a verb or
#: a preposition ("what happens to the victims" asks what, not who).
_MODIFIER = rf"(?!(?:{_AUX}|to|of|in|on|at|for|with|by|from|about|the|a|an|happens?|happened)\b)[\w-]+ "
_ORG_NOUNS = (
    r"agency|agencies|organi[sz]ations?|company|companies|firm|bank|banks|group|body|bodies|"
    r"institution|department|ministry|office|party|parties|outlet|publication|newspaper|"
    r"university|universities|hospitals?|courts?|unions?|websites?|body|teams?|associations?|regulators?|"
    r"firms|ministries|departments|offices|outlets|newspapers|institutions|clubs|schools|airlines|stores|labs?"
)
_PERSON_NOUNS = (
    r"person|people|official|officials|minister|leader|man|woman|men|women|lawmaker|lawmakers|senator|"
    r"spokesman|economist|executive|members?|players?|workers?|employees?|astronauts?|victims?|suspects?|"
    r"passengers?|candidates?|judges?|doctors?|nurses?|soldiers?|students?|residents?|scientists?|athletes?"
)
_PERSON_NOUN = re.compile(rf"(?:{_PERSON_NOUNS})")


def is_person_noun(word: str) -> bool:
    """Whether a (lower-case) noun names people: "workers", "residents", a title."""
    return bool(_PERSON_NOUN.fullmatch(word)) or word in ROLE_WORDS


_PLACE_NOUNS = (
    r"city|cities|countr(?:y|ies)|provinces?|states?|regions?|places?|towns?|areas?|mountains?|capitals?|islands?|"
    r"villages?|districts?|count(?:y|ies)|neighbou?rhoods?|locations?"
)
_TIME_NOUNS = r"day|date|time|year|month|week|hour|weekday"
#: A question about how much something changed ("how far did the shares fall?", "by how much
#: has the cost grown?"): its answer is the change, a share or a sum, not the level reached.
_CHANGE = (
    r"\b(?:how (?:far|much|sharply|steeply)|by how much|by what (?:percentage|percent|amount|margin))"
    r"(?! money\b)(?: [\w'’.-]+){0,4}? (?:fall|fell|fallen|drop|dropped|slide|slid|sink|sank|"
    r"plunge|plunged|decline|declined|rise|rose|risen|grow|grew|grown|climb|climbed|jump|jumped|gain|gained|"
    r"increase|increased|decrease|decreased|soar|soared|surge|surged|shrink|shrank|tumble|tumbled)\b"
)


def asks_change(folded: str) -> bool:
    """Whether the question asks how much something changed, not what it stands at."""
    return bool(re.search(_CHANGE, folded))


_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (AGE, r"\bhow old\b|\bwhat age\b|\bage of\b|\bwhat is (?:his|her|their) age\b"),
        (SAID, r"\bwhat (?:did|does|do|has|have) (?:[\w'’.-]+ ){1,5}(?:say|said|tell|told|add|warn|argue|claim|write|mean|think|call for|want)\b|\bwhat (?:was|is) (?:\w+ ){1,4}(?:quote|statement|comment|message|warning|view|position)\b|\bquote\b|\bin (?:his|her|their) words\b|\baccording to\b"
                r"|\bwhat (?:did|does|do) (?:[\w'’.-]+ ){1,5}call (?:the|it|this|that|them|him|her|their|his|its)\b|\bhow (?:did|does|do) (?:[\w'’.-]+ ){1,5}describe\b"),
        (NUMBER, _CHANGE),
        (MONEY, r"\bhow much (?:[\w'’]+ ){0,8}?(?:cost|costs|costing|pay|paid|pays|paying|spend|spent|spending|worth|price|priced|budget|money|fund|funding|charge|charged|charging|fine|fined|fining|salary|owe|owed|owing|raise|raised|raising|earn|earned|earning|profit|revenue|sell|sold|selling|buy|bought|buying|save|saves|saved|saving|invest|invested|investing|lose|lost|losing|award|awarded|seek|sought|get|receive|received)\b|\bhow much money\b|\bwhat (?:did|does|will|would) (?:[\w'’]+ ){0,8}?cost\b|\bwhat (?:is|was|are|were) (?:[\w'’]+ ){0,3}(?:cost|costs|price|budget|value|fine|salary|bill|tab|fee|fees|wage|wages|bonus)\b|\bhow expensive\b"),
        (NUMBER, r"\bhow (?:far|much|fast) (?:[\w'’]+ ){0,5}?(?:fall|fell|fallen|drop|dropped|rise|rose|risen|climb|climbed|decline|declined|slide|slid|sink|sank|jump|jumped|grow|grew|grown|shrink|shrank|gain|gained|slump|slumped|plunge|plunged|soar|soared)\b"),
        (MEASURE, r"\bhow (?:long|tall|far|wide|heavy|fast)\b|\b(?:winning|finishing|record|race|lap|best) times?\b|\bhow much (?:\w+ ){0,4}?(?:weigh|weighs|weighed)\b"),
        (NUMBER, r"\bwhere (?:\w+ ){0,6}?(?:rate|rates|price|prices|level|yield|yields|inflation|index|stocks?|shares|dollar|currency)\b(?: \w+){0,3}? (?:be|end|go|head|settle|stand|land)\b"
         r"|\bhow (?:many|much|big|large|high|low|far|long|often|fast)\b|\bwhat (?:percentage|share|proportion|fraction|portion|number|amount|rate|level|sum|figure|price|cost)\b|\bnumber of\b|\bhow much\b|\bwhat(?: i|')s the (?:rate|figure|number|total|tally|count)\b"),
        (TIME, rf"^when\b|\bwhen (?:{_AUX})\b|\b(?:what|which) (?:{_TIME_NOUNS})\b|\bwhat time\b|\bwhen\?*$|\bsince when\b|\bhow soon\b"),
        (PLACE, rf"^where\b|\bwhere (?:{_AUX})\b|\b(?:what|which|in which|in what) (?:(?!(?:{_AUX})\b)\w+ ){{0,1}}(?:{_PLACE_NOUNS})\b|\bwhere\?*$"),
        (REASON, r"^why\b|\bwhy (?:" + _AUX + r")\b|\bwhat (?:caused|prompted|led to|triggered|drove|is behind|was behind|explains)\b|\bfor what reason\b|\breason (?:for|why|behind)\b|\bhow come\b|\bwhy\?*$"),
        (ORGANISATION, rf"\b(?:which|what) (?:(?!(?:{_AUX})\b)\w+ ){{0,2}}(?:{_ORG_NOUNS})\b|\bwho (?:reported|published|funded|financed|conducted)\b|\bwho did the (?:\w+ )?(?:study|survey|research|analysis|poll|audit|report|review)\?*$"),
        (PERSON, rf"^who\b|\bwho(?:m|se)?\b|\b(?:which|what) (?:{_MODIFIER}){{0,3}}(?:{_PERSON_NOUNS})\b|\bname of\b|\bnamed?\b.*\?$"),
        (YES_NO, rf"^(?:{_AUX})\b|^(?:isn't|aren't|wasn't|weren't|didn't|doesn't|don't|won't|hasn't|haven't|can't)\b|^is it true\b"),
    )
)
_DEFINITION = re.compile(r"^(?:what|who) (?:is|are|was|were) (?:the |a |an )?[\w .'-]{1,40}\??$")
_MARKUP = (
    re.compile(r"<[^>]{0,200}>"),  # HTML tags
    re.compile(r"```|`"),  # code fences and backticks
    re.compile(r"(?<!\w)[*_~]{1,3}|[*_~]{1,3}(?!\w)"),  # **bold**, *em*, __underline__, ~~strike~~
    re.compile(r"^\s{0,3}(?:#{1,6}|>+|[-*+]|\d+[.)])\s+", re.MULTILINE),  # headers, quotes, lists
    re.compile(r"\|\|"),  # spoilers
    re.compile(r"\[([^\]]{0,200})\]\([^)]{0,500}\)"),  # [text](link) -> text
)
_QUESTION_WORD = re.compile(rf"\b(?:who|whom|whose|what|which|when|where|why|how|{_AUX})\b|\?")
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_MULTIPLIER = re.compile(r"(\d[\d,.]*)\s?(k|m|bn|b|million|billion|thousand)\b", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """The text of a chat message without HTML, Markdown emphasis, code marks, quotes or links."""
    text = html.unescape(text)
    text = _MARKUP[-1].sub(r"\1", text)
    for pattern in _MARKUP[:-1]:
        text = pattern.sub(" ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Question:
    """A question as read: its text, the kind of answer it wants, and what it names."""

    text: str
    folded: str
    kind: str
    figures: frozenset[str]
    months: frozenset[int]
    weekdays: frozenset[str]
    capitalised: tuple[str, ...]
    #: The noun phrase the question asks about ("currency" in "what is the currency of ..."),
    #: and, for "what did X say", who X is.
    focus: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    #: The verb a question asks about ("find" in "what did the first drilling attempt find?").
    predicate: str = ""
    #: "last year", "next month": relative dates the fact must give too.
    relative: frozenset[str] = frozenset()
    #: What a "what did X say about Y" question is about: Y's words.
    topic: tuple[str, ...] = ()
    #: "Which astronauts ...?": people, not a body or a place.
    wants_people: bool = False
    #: The kind of unit a how-tall/how-long/how-heavy question wants (length, weight, time, speed).
    units: frozenset[str] = frozenset()

    @property
    def keyword_query(self) -> bool:
        """No question word and no verb of asking: "Lima province", "ecb new policy rate"."""
        return not _QUESTION_WORD.search(self.folded)

    @property
    def wants_span(self) -> bool:
        return self.kind in (PERSON, ORGANISATION, PLACE, TIME, NUMBER, AGE)


#: Chat spellings of everyday words ("wen", "ppl") and a question word's contractions ("what's"):
#: general English, not any report's.
CHAT_SPELLINGS = {
    "wen": "when", "wat": "what", "wich": "which", "whcih": "which", "waht": "what", "whta": "what",
    "wher": "where", "whre": "where", "hw": "how", "whn": "when", "whos": "who is", "wot": "what", "wht": "what", "whats": "what is", "wats": "what is",
    "ppl": "people", "u": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please",
    "govt": "government", "gov't": "government", "yr": "year", "yrs": "years", "hrs": "hours",
    "mins": "minutes", "bc": "because", "cuz": "because", "coz": "because", "abt": "about", "w/": "with",
    "tmrw": "tomorrow", "thru": "through", "tho": "though", "b4": "before", "ppls": "people's",
    "what's": "what is", "what’s": "what is", "who's": "who is", "who’s": "who is", "where's": "where is",
    "where’s": "where is", "when's": "when is", "when’s": "when is", "how's": "how is", "how’s": "how is",
}  # fmt: skip
#: "Q2", "H1": the second quarter, the first half (of a company's year), as articles write them.
_QUARTER = re.compile(r"\b([QqHh])([1-4])\b")
_PARTS = ("first", "second", "third", "fourth")
_PERIODS = {"q": "quarter", "h": "half"}
_CHAT = re.compile(r"(?<![\w'’])(" + "|".join(re.escape(w) for w in CHAT_SPELLINGS) + r")(?![\w'’])", re.IGNORECASE)


#: Word patterns read while a question is answered, compiled once at import.
_LETTERS = re.compile(r"[a-z]+")
_TOPIC_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_CAPITAL_WORD = re.compile(r"[A-Za-z][\w’'.-]*")


def read_question(text: str, *, syntax: bool = True) -> Question:
    """Read ``text`` (already tidied of mentions and URLs). With ``syntax`` false the text is a
    question word and keywords (a Korean question's English reading), so no phrase of it is
    read as the thing asked about, its verb or its speaker."""
    plain = _CHAT.sub(lambda m: CHAT_SPELLINGS[m.group(1).lower()], strip_markup(text))
    plain = _QUARTER.sub(lambda m: f"{_PARTS[int(m.group(2)) - 1]} {_PERIODS[m.group(1).lower()]}", plain)
    folded = clean(plain)
    words = _LETTERS.findall(folded)
    kind = PERSON if _WHICH_NAME.match(plain) else answer_kind(folded)  # "Which Ruiz said ...?"
    if not syntax:
        kind = lead_kind(folded) or kind
    units = units_of(folded) if kind != NUMBER else frozenset()  # "how far did prices fall": a figure
    if kind in (WHAT, DEFINITION) and units - {"year"} and "clock" not in units:
        kind = MEASURE  # "what was Berg's time?", "the winning time": a measure, not who Berg is
    return Question(
        text=plain,
        folded=folded,
        kind=kind,
        figures=frozenset(figures_in(plain)),
        months=frozenset(MONTH_NUMBER[w] for w in words if w in MONTH_NUMBER and w in CALENDAR and w != "may"),
        weekdays=frozenset(w for w in words if w in WEEKDAYS),
        capitalised=tuple(_capitalised(plain)),
        focus=tuple(focus_of(folded)) if syntax else (),
        subject=tuple(subject_of(folded)) if syntax else (),
        predicate=predicate_of(folded) if syntax else "",
        topic=tuple(topic_of(folded)) if syntax else (),
        relative=frozenset(m.group(0) for m in _RELATIVE.finditer(folded)),
        units=units,
        wants_people=bool(_WHICH_PEOPLE.search(folded)),
    )


#: A keyword query names the kind it wants with a word ("ransom demand amount", "launch date").
_KEYWORD_KINDS = (
    (MONEY, re.compile(r"\b(?:cost|costs|price|budget|salary|fine|worth|funding|fee|fees|wage|wages)\b")),
    (NUMBER, re.compile(
        r"\b(?:amount|numbers?|count|total|tally|figures?|rates?|percent|percentage|share|how many|yields?|"
        r"forecast|forcast|projection|growth|inflation|unemployment|toll|size|cap|limit)\b")),
    (MEASURE, re.compile(r"\b(?:radius|distance|length|height|depth|width|area|temperature|speed)\b")),
    (AGE, re.compile(r"\bage\b")),
    # not "5 year bond", "revenue last year" (a time it is about) nor "one-time charges"
    (TIME, re.compile(r"\b(?:date|day|when|month)\b|(?<!-)\btime\b|(?<!\d )(?<!\d-)(?<!last )(?<!this )(?<!next )(?<!past )\byear\b")),
    (PLACE, re.compile(r"\b(?:where|location|place|city|country)\b")),
    # after the time: "bail hearing date", "settlement date" ask when
    (MONEY, re.compile(r"\b(?:damages|compensation|settlement|payout|ransom|bail)\b")),
    (PERSON, re.compile(r"\b(?:who|name)\b")),
)


_JOB = re.compile(r"^what (?:does|did|do) [\w .'’-]{1,40} do(?: for (?:a )?(?:living|work))?\??$|\b(?:job|occupation|profession|title|role|position)\b")
_WHICH_NAME = re.compile(
    rf"^[Ww]hich ([A-Z][\w’'-]+) (?!(?:{_ORG_NOUNS}|{_PERSON_NOUNS}|{_PLACE_NOUNS})\b)[a-z]"
)  # "Which Ruiz said ...?", not "Which Acme hospitals ...?" nor "Which Danish banks ...?"


def which_name(text: str) -> str:
    """The name a "which Ruiz ...?" question asks among ("Ruiz"), or ""."""
    found = _WHICH_NAME.match(text)
    return found.group(1) if found else ""


_WHO_IS = re.compile(
    r"^(?:who|what) (?:is|was|are|were) (?!the\b|a\b|an\b)(?![\w .-]*['’]s\b)"
    r"(?![\w .'’-]*\b(?:in|for|at|on|with|among|behind|responsible|accountable|leading|heading|running)\b)"
    r"[\w .'’-]{2,40}\??$"
)  # "Who is Ana Ruiz?", not "who is in charge of ...?" nor "who was runner-up among the men?"


#: "Is Ana Lind a Republican?": a yes/no question of which kind of person someone is.
_CATEGORY_ASKED = re.compile(r"^(?:is|was|are|were) (.+?) (?:a|an) ([a-z]+)\W*$")


def category_asked(question: Question) -> tuple[str, str] | None:
    """(who, what kind) for "Is Ana Lind a Republican?" ("ana lind", "republican"), when the
    kind is a word for a person."""
    found = _CATEGORY_ASKED.match(question.folded.strip())
    if question.kind != YES_NO or not found or found.group(2) not in person_nouns():
        return None
    return found.group(1), found.group(2)


def _passive_or_progressive(folded: str) -> bool:
    """"Who was named best director?", "who is buying the bank?": a verb after "is"/"was", so
    the question asks who did or had something done, not who someone is."""
    after = folded.split()[2:3]
    if not after:
        return False
    word = after[0].strip("?.!")
    if word.endswith("ing") and morphy(word, "v"):
        return True  # "buying", though WordNet knows "buying" as a noun too
    return (_verb_form(word) or bool(morphy(word, "v") and word not in morphy(word, "v"))) and not morphy(word, "n")


_LEADS = (
    (AGE, re.compile(r"^how old\b")),
    (MONEY, re.compile(r"^how much (?:\w+ )*?(?:cost|pay|paid|spend|spent|worth|price|budget|money|save|earn|fine)\b")),
    (MEASURE, re.compile(r"^how (?:long|tall|far|wide|heavy|fast)\b")),
    (NUMBER, re.compile(r"^how (?:many|much)\b")),
    (TIME, re.compile(r"^when\b")),
    (PLACE, re.compile(r"^where\b")),
    (REASON, re.compile(r"^why\b")),
    (PERSON, re.compile(r"^who\b")),
    (SAID, re.compile(r"^what did (?:\S+ ){1,6}say\b")),
    (YES_NO, re.compile(rf"^(?:{_AUX})\b")),
    (WHAT, re.compile(r"^what\b")),
)


def lead_kind(folded: str) -> str | None:
    """The kind a question word and keywords ask for, from the question word alone."""
    return next((kind for kind, pattern in _LEADS if pattern.search(folded)), None)


def answer_kind(folded: str) -> str:
    """The kind of answer a (case-folded) question wants; WHAT when it says nothing sharper."""
    if (_WHO_IS.match(folded) and not _passive_or_progressive(folded)) or (_JOB.search(folded) and lead_kind(folded) in (None, WHAT)):
        return DEFINITION  # "Who is Ana Ruiz?", "what does Fell do?": who they are; not "when will the job cuts end?"
    for kind, pattern in _KINDS:
        if pattern.search(folded):
            return kind
    if not _QUESTION_WORD.search(folded):
        for kind, pattern in _KEYWORD_KINDS:
            if pattern.search(folded):
                return kind
    if _DEFINITION.match(folded):
        return DEFINITION
    return WHAT


#: Words that measure or frame rather than name what is asked ("what share of", "what kind of").
_MEASURES = frozenset(
    ["kind", "kinds", "type", "types", "sort", "sorts", "share", "percentage", "percent", "proportion", "number", "numbers", "amount", "level", "part", "portion", "way", "ways", "thing", "things", "sum", "total", "lot", "bit", "one", "ones", "much", "many"]
)
_LIGHT_FOCUS = LIGHT_WORDS | STOPWORDS
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "any"])
_FOCUS = re.compile(r"^(how (?:many|much)|(?:what|which)(?: (?:is|was|are|were))?)\s+((?:[a-z'’.-]+\s*){1,6})")
#: "who is the bank's ceo", "who was the governor of ...": the title is what the fact must name.
_WHO_ROLE = re.compile(
    r"^who (?:is|was|are|were|(?:will|would|could|might) (?:be|become)|becomes|became) (?:the )?"
    r"(?:(?:[a-z.-]+ ){0,3}[a-z.-]+(?:'s|’s) )?(?:new |current |former |next |interim |acting )?([a-z]+)\b"
)
_STOP_FOCUS = re.compile(
    rf"\b(?:{_AUX}|of|in|on|at|for|to|from|with|by|about|after|before|since|during|between|that|"
    r"who|which|when|where|why|how|i|you|we|they|he|she|it|there)\b"
)
_SUBJECT = re.compile(
    r"what (?:did|does|do|has|have|had) ((?:[a-z'’.-]+ ){1,5}?)(?:say|said|tell|told|add|warn|argue|claim|write|mean|think|call for|want)\b"
)


#: "How many of the 27 injured are children?": the part of a whole that is counted.
_SUBSET = re.compile(r"^how many of (?:the |them|those |these )[\w\s,'’-]*? (?:are|were|is|was) ([a-z]+)$")


def focus_of(folded: str) -> list[str]:
    """The words of the noun phrase a what/which/how-many question asks about, head last; for
    "who is the bank's governor?", the title asked for."""
    found = _FOCUS.match(folded.rstrip("?!. "))
    if not found:
        return _title_asked(folded.rstrip("?!. "))
    words = found.group(2).split()
    subset = _SUBSET.match(folded.rstrip("?!. "))
    if subset:
        return [subset.group(1)]  # "how many of the 27 injured are children": children
    if found.group(1).startswith("how"):
        # "how many mortgages come up": the noun right after, whatever it is ("people")
        first = words[0] if words else ""
        if _verb_form(first) or (morphy(first, "v") and not morphy(first, "n")):
            return []  # "how many died": how many people
        return [first] if first and first not in _DETERMINERS and not _STOP_FOCUS.fullmatch(first) else []
    out: list[str] = []
    for i, word in enumerate(words):
        if out and _dates_it(words[i:]):
            break  # "what was its profit last year": the profit
        if _STOP_FOCUS.fullmatch(word):
            if out or word != "of":
                break
            continue
        if word in _DETERMINERS or (word in _MEASURES and not out):
            continue
        if word in STOPWORDS:
            break
        if word.endswith(("'s", "’s")):
            out = []  # "acme corp's share price": the owner is not the focus
            continue
        out.append(word)
    while out and out[-1] in _MEASURES:
        out.pop()  # "the phone number": the phone
    while out and _verb_form(out[-1]):
        out.pop()  # "the agency's instruments looking for": the instruments
    return out[-2:]


#: "last year", "this quarter", "next month": a time the question is about, not its focus.
_RELATIVE_START = frozenset(["last", "this", "next", "previous", "past"])
_TIME_UNITS = frozenset(["year", "years", "month", "months", "week", "weeks", "quarter", "season", "spring", "summer", "fall", "autumn", "winter", "decade"])


def _dates_it(rest: list[str]) -> bool:
    """Whether the words from here on open a relative time ("last year") or name a day or month."""
    if rest[0] in WEEKDAYS or rest[0] in MONTH_NUMBER or rest[0] in ("yesterday", "today", "tomorrow"):
        return True
    return len(rest) > 1 and rest[0] in _RELATIVE_START and rest[1] in _TIME_UNITS


def _title_asked(folded: str) -> list[str]:
    """"Who is the bank's chief executive?": the title asked for, all its words ("chief",
    "executive"), when they are titles."""
    role = _WHO_ROLE.match(folded)
    if not role:
        return []
    title = [role.group(1)]
    for word in folded[role.end() :].split()[:TITLE_AFTER_WORDS]:
        if word in STOPWORDS or not word.isalpha():
            break
        title.append(word)  # "chief executive", "vice president", "chief financial officer"
    while title and title[0] not in ROLE_WORDS:
        title.pop(0)  # "the american envoy", "the museum director": the title is the envoy's
    while title and title[-1] not in ROLE_WORDS:
        title.pop()
    return title[-2:]


#: Words of a title after its first ("chief financial officer"): the title ends at a title word.
TITLE_AFTER_WORDS = 3


def _verb_form(word: str) -> bool:
    """An -ing or -ed form of a verb ("looking", "proposed"), not the noun asked about."""
    return word.endswith(("ing", "ed")) and bool(morphy(word, "v"))


_AUX_START = re.compile(
    r"^(?:what|when|where|why|how|who|whom|which \w+|what \w+|how \w+) (?:did|does|do|will|would|has|have|had|can|could|should) (.+?)[?.!]*$"
)
_PREPOSITIONS = frozenset(["at", "on", "in", "to", "for", "about", "with", "by", "from", "after", "before", "during", "over", "into", "onto", "so", "now", "next", "down", "up", "out", "off", "as"])


#: "Who will lead the bank?": the question word is the subject, the verb follows the auxiliary.
_WHO_DOES = re.compile(r"^who (?:will|would|could|can|should|might|did|does|do) ([a-z]+)\b")
#: "Who won the title?", "who leads the union?": a verb right after the question word (the
#: question word its subject); read for the answer's extraction, not as the verb the checks demand.
_WHO_DID = re.compile(rf"^who (?!(?:{_AUX})\b)([a-z]+)\b")
_COPULAS = frozenset(["be", "become", "remain", "stay", "have"])


def doer_verb(question: Question) -> str:
    """The verb a question asks someone did: its predicate, else the verb right after "who"
    ("who won the title?": "won"), or ""."""
    if question.predicate:
        return question.predicate
    doer = _WHO_DID.match(question.folded)
    return doer.group(1) if doer and morphy(doer.group(1), "v") else ""


#: Light words in a question's weighting that still carry what a verb asks ("decide").
_CONTENT_VERBS = frozenset(["decide", "decided"])


def predicate_of(folded: str) -> str:
    """The main verb of "what did X find?", "what will X decide at its meeting?" (empty when
    unclear): the last word WordNet knows as a verb that ends the question or comes before a
    preposition, and is not a noun after "the", "its" or the like."""
    subject_asked = _WHO_DOES.match(folded.strip())
    if subject_asked and subject_asked.group(1) not in _DETERMINERS and is_verb(subject_asked.group(1)):
        return "" if subject_asked.group(1) in _COPULAS else subject_asked.group(1)
    found = _AUX_START.match(folded.strip())
    if not found:
        return ""
    rest = found.group(1).split()
    verbs = [
        w
        for i, w in enumerate(rest)
        if i > 0
        and (w not in _LIGHT_FOCUS or w in _CONTENT_VERBS)
        and len(w) >= 3
        and is_verb(w)
        and rest[i - 1] not in _DETERMINERS
        and not rest[i - 1].isdigit()
        and (i + 1 == len(rest) or rest[i + 1] in _PREPOSITIONS)
    ]
    only = [w for w in verbs if not morphy(w, "n")]  # "decide" before "meeting"
    if not only and verbs and rest[-1] == verbs[0] and len(rest) >= 3:
        before = rest[-2]  # "why did the bank lower rates": "rates" is the object of "lower"
        if is_verb(before) and rest[-3] not in _DETERMINERS and before not in _LIGHT_FOCUS | _DETERMINERS:
            return before
    return (only or verbs)[0] if verbs else ""


_WHICH_PEOPLE = re.compile(rf"^(?:which|what) (?:{_MODIFIER}){{0,3}}(?:{_PERSON_NOUNS})\b")
_RELATIVE = re.compile(r"\b(?:last|next|this) (?:year|month|week|spring|summer|fall|autumn|winter|season)\b|\b(?:yesterday|tomorrow|tonight)\b")
_TOPIC = re.compile(r"\b(?:say|said|says|tell|told|think|thinks|thought|warn|warned|claim|claimed|argue|argued)\b.*?\babout\s+(.+?)\??$")
_UNITS = (
    ("length", re.compile(r"\bhow (?:tall|far|wide)\b")),
    ("weight", re.compile(r"\bhow (?:heavy\b|much (?:\w+ ){0,4}?weigh)")),
    ("speed", re.compile(r"\bhow fast\b")),
    ("time", re.compile(r"\bhow long\b|\b(?:winning|finishing|record|race|lap|best) times?\b|['’]s time\b")),
    ("clock", re.compile(r"\b(?:what|which) time\b|\bat what hour\b")),
    ("year", re.compile(r"\b(?:what|which) year\b")),
    ("length", re.compile(
        r"\bhow long (?:is|are|was|were|will (?:[\w'’-]+ ){1,5}be)\b"
        r"(?! (?:a|an|one|the|its) (?:day|days|year|years|week|month|night|orbit|trip|journey|flight|wait|delay|shift|season|term)\b)"
    )),  # "how long is the bridge", not "how long is a year on the planet"
)


def topic_of(folded: str) -> list[str]:
    """The words of what "what did X say about ..." asks about."""
    found = _TOPIC.search(folded)
    if not found:
        return []
    return [w for w in _TOPIC_WORD.findall(found.group(1)) if w not in _LIGHT_FOCUS]


#: "How many cranes ...": the words after "how many", where a unit may stand ("how many years").
_HOW_MANY = re.compile(r"\bhow many ((?:[a-z'’-]+ ?){1,3})")
#: Words after "how many" that ask for a figure other than a count of things.
_NOT_A_COUNT = re.compile(
    r"\b(?:percent|percentage|points?|times|dollars?|euros?|pounds?|yen|francs?|rupees?|yuan|votes?)\b"
)


#: "What does FTA stand for?", "what is CWA short for?": a question of what initials spell.
_STANDS_FOR = re.compile(r"\b(?:stands?|stood) for\b|\bshort for\b")
#: The initials such a question names, when it is asked in the usual way.
_INITIALS_ASKED = re.compile(
    r"^what (?:does|do|did) (?:the )?([a-z][a-z&.]{1,9}) (?:stand|stands) for\b|^what is ([a-z]{2,10}) short for\b"
)


def asks_stands_for(folded: str) -> bool:
    """Whether the question asks what something stands for (no verb of the report is asked)."""
    return bool(_STANDS_FOR.search(folded))


def initials_asked(folded: str) -> str | None:
    """The initials "what does X stand for?" names, without their full stops ("fta"), or None."""
    found = _INITIALS_ASKED.match(folded)
    return (found.group(1) or found.group(2)).replace(".", "") if found else None


#: "What is the name of the 23-year-old volunteer?", "what are the names of the suspects?", "what
#: is the app called?": the thing named.
NAME_OF = re.compile(
    r"\bnames? (?:of|for) (?:the |a |an |his |her |their |its )?(.+?)[?.!]*$"
    r"|\b(?:what|how) (?:is|was|are|were) (?:the )?(.+?) (?:called|named)\b"
)


def counted_words(folded: str) -> tuple[str, ...]:
    """The words after "how many" ("automated", "cranes", "will"), or () when the question counts
    no things: no "how many", or one of a share, a sum or votes ("how many percent")."""
    found = _HOW_MANY.search(folded)
    if not found or _NOT_A_COUNT.search(found.group(1)):
        return ()
    return tuple(found.group(1).split())


def units_of(folded: str) -> frozenset[str]:
    """The unit classes a measuring question accepts ("how long": a duration or a length)."""
    return frozenset(unit for unit, pattern in _UNITS if pattern.search(folded))


def is_verb(word: str) -> bool:
    """True when WordNet knows ``word`` as (a form of) a verb."""
    return bool(morphy(word, "v"))


def subject_of(folded: str) -> list[str]:
    """Who a "what did X say" question names: ``X``'s words."""
    found = _SUBJECT.search(folded)
    if not found:
        return []
    return [w for w in found.group(1).split() if w not in _DETERMINERS]


#: Ordinals that pin a fact down like a figure ("who finished second?"); "first" is too common.
ORDINALS = {w: f"#{n}" for n, w in enumerate(["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 2)}
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r")\b(?![ -](?:half|quarter)\b)", re.IGNORECASE)


def figures_in(text: str) -> list[str]:
    """The figures written in digits, normalised: ``500k`` -> ``500000``, ``2.00%`` -> ``2``;
    and ordinals from "second" on, as ``#2``."""
    out = [ORDINALS[m.group(1).lower()] for m in _ORDINAL.finditer(text)]
    text = _MULTIPLIER.sub(_expand, text)
    for raw in _DIGITS.findall(text):
        value = raw.replace(",", "").rstrip(".")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        out.append(value)
    return out


def _expand(match: re.Match[str]) -> str:
    scale = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
    try:
        value = float(match.group(1).replace(",", "")) * scale[match.group(2).lower()]
    except (ValueError, OverflowError):
        return match.group(0)
    return f"{match.group(0)} {int(value)}" if value < 1e15 else match.group(0)


def _capitalised(text: str) -> list[str]:
    """Words written with a capital other than the first: likely names."""
    words = _CAPITAL_WORD.findall(text)
    return [w for i, w in enumerate(words) if i > 0 and (w[0].isupper() or w.isupper())]
