"""Reading an article once: the people, organisations, places, dates, figures and quotes of
each sentence, so that later steps never re-parse the text.

Everything here is general English newswriting, learnt from the article itself: a name is a
run of capitalised words, a title is the role words before it ("Second Vice Foreign Minister
Ana Ruiz"), a role may follow it ("Tom Fell, chief economist at North Bank"), a
quote's speaker is named beside it or, for "she said", is the last person named before it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

from bot.core.lexical.frequency import zipf
from bot.core.lexical.morphy import morphy
from bot.core.lexical.wordnet import person_nouns, same_kind_of_person
from bot.core.lexicon import NUMBER_WORDS, STOPWORDS
from bot.core.report import Report, Sentence
from bot.core.text import stem, words
from bot.core.vocabulary import (
    CALENDAR,
    MONTHS,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
    WEEKDAYS,
    country_names,
    is_common_word,
    place_names,
)

#: Kinds of span the analysis finds; questions ask for the same kinds.
MEASURE = "measure"
PERSON, ORGANISATION, PLACE, DATE, NUMBER, MONEY, PERCENT, AGE = (
    "person",
    "organisation",
    "place",
    "date",
    "number",
    "money",
    "percent",
    "age",
)

#: A capital (Latin, with accents: "Élise"), and the letters of a name ("Huamán", "O’Neill").
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LETTERS = r"(?:[^\W\d_]|['’])*"
#: A capital word, never the letters of a currency ("A$4.1 million", "US$205").
_CAP = rf"(?:(?:[A-Z]\.){{2,}}|[{_UPPER}]{_LETTERS}(?:-[^\W\d_]+)*\.?|[A-Z]{{2,}}s?)(?![\w$€£¥₩])"
#: The plain words a name of a body or place may hold ("Bank of Ireland"), and the particles of a
#: person's name ("de", "von").
_LINK_WORDS = ("of", "for", "and", "the", "&")
_NAME_PARTICLES = ("de", "du", "von", "van", "da", "di", "del", "dos")
#: "van der Meulen", "von der Leyen", "de la Cruz": a particle and an article before a surname.
_PARTICLE_PAIRS = r"(?:van|von|de) (?:der|den|la|las|los)"
_LINK = rf"(?:\s+(?:{_PARTICLE_PAIRS}|{'|'.join(_LINK_WORDS + _NAME_PARTICLES)})\s+(?=[A-Z]))"
#: A run of capitalised words, allowing "of", "for", "and", "the" inside ("Bank of Ireland").
_RUN = re.compile(rf"{_CAP}(?:(?:\s+|{_LINK}){_CAP})*")
_ACRONYM_DEF = re.compile(r"([A-Z][\w’'.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.-]*)){1,12})\s+\(([A-Z][A-Za-z&.]{1,9})\)")
#: "the Civic Renewal party (RC)": a name, a lower-case word for its kind, its initials.
_KIND_ACRONYM = re.compile(r"\b([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,5})\s+[a-z]+\s+\(([A-Z]{2,6})\)")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONEY = re.compile(
    r"(?:(?:[A-Z]{1,3})?[$€£¥₩]\s?\d[\d,]{0,24}(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|[mbk]n?)\b)?"
    r"|\b\d(?:[\d,]{0,24}\d)?(?:\.\d+)?\s?(?:million|billion|trillion)?\s?(?:[A-Z][a-z]+\s)?"  # "1.8 million Swiss francs"
    r"(?:dollars|euros|pounds|won|yen|yuan|francs|rupees|naira|pesos|soles|rand|rubles|roubles|lira|kroner|kronor|"
    r"krone|shekels|dirhams|riyals|baht|ringgit|rupiah|dinars|shillings|cedis|reais|zloty|forint)\b)"
)
#: Figures have at most 25 digits and commas: a bounded run keeps a hostile "1,1,1,..." linear.
_PERCENT = re.compile(r"\b\d[\d,]{0,24}(?:\.\d+)?\s?(?:%|per\s?cent|percent|percentage points?|basis points?)")
_NUMBER = re.compile(
    r"\b\d[\d,]{0,24}(?:\.\d+)?(?:\s?(?:million|billion|trillion|thousand|hundred))?\b"
    r"|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"dozens?|hundreds|thousands|millions)\b(?:[- ](?:in|of)[- ]\w+)?",
    re.IGNORECASE,
)
#: The class of each unit word a measure can have.
UNIT_CLASSES = {
    **dict.fromkeys(["kilometer", "kilometre", "km", "meter", "metre", "m", "centimeter", "cm", "millimeter", "mm", "mile", "feet", "foot", "ft", "inch", "yard"], "length"),
    **dict.fromkeys(["kilogram", "kg", "gram", "g", "ton", "tonne", "pound", "lb"], "weight"),
    **dict.fromkeys(["second", "minute", "hour", "day", "week", "month", "year", "decade"], "time"),
    **dict.fromkeys(["mph", "km/h", "knot"], "speed"),
    **dict.fromkeys(["hectare", "acre"], "area"),
    **dict.fromkeys(["liter", "litre", "gallon"], "volume"),
    **dict.fromkeys(["degree", "fahrenheit", "celsius"], "temperature"),
}


#: What ``unit_class`` reads, compiled once at import: it runs while questions are answered.
_CLOCK_TIME = re.compile(r"[\d:.]+")
_LIGHT_YEARS = re.compile(r"light[- ]years?", re.IGNORECASE)
_PER_HOUR = re.compile(r"\b(?:per|an) hour$", re.IGNORECASE)


def unit_class(measure: str) -> str:
    """The class of a measure span's unit ("4.3 meters" -> "length"; "2:05:12" -> "time")."""
    if _CLOCK_TIME.fullmatch(measure) and ":" in measure:
        return "time"
    if _LIGHT_YEARS.search(measure):
        return "length"  # "48 light-years": a distance, though it ends in "years"
    if _PER_HOUR.search(measure):
        return "speed"  # "47 miles per hour"
    word = measure.lower().split()[-1].split("-")[-1]
    for candidate in (word, word.rstrip("s"), word[:-2] if word.endswith("es") else word):
        if candidate in UNIT_CLASSES:
            return UNIT_CLASSES[candidate]
    return ""


def counted_units(counted: tuple[str, ...]) -> frozenset[str]:
    """The unit classes among the words a how-many question counts ("years": time)."""
    return frozenset(unit_class(f"1 {w}") for w in counted) - {""}


#: A figure with a unit of length, weight, time, speed or area ("4.3 meters", "about 12 days");
#: a time taken, whole ("2 hours, 5 minutes and 12 seconds", "2:05:12", "59:41.3").
_MEASURE = re.compile(
    r"\b\d+ hours?,? \d+ minutes?(?:,? and \d+ seconds?)?|\b\d+ minutes?,? and \d+ seconds?"
    r"|\b\d{1,2}:\d\d:\d\d(?:\.\d+)?\b|(?<![\d:])\d{1,2}:\d\d\.\d+\b"
    r"|\b\d[\d,]{0,24}(?:\.\d+)?[- ]?(?:(?:miles|kilometers|kilometres) (?:per|an) hour|(?:square |cubic )?(?:kilometers?|kilometres?|km|meters?|metres?|m|centimeters?|cm|"
    r"millimeters?|mm|miles?|feet|foot|ft|inches?|yards?|kilograms?|kg|grams?|g|tons?|tonnes?|pounds?|lbs?|"
    r"hectares?|acres?|liters?|litres?|gallons?|seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"decades?|mph|km/h|knots?|light[- ]years?|degrees?(?: Fahrenheit| Celsius)?)\b)"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a dozen)[- ]"
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:working|business|school|calendar|"
    r"consecutive|straight) (?:days?|weeks?|months?|years?|hours?)\b",  # "10 working days"
    re.IGNORECASE,
)
_AGE = re.compile(
    r"(?<=, )\d{1,3}(?=, )|\b\d{1,3}(?=-year-old)"
    r"|\b\d[\d.,]{0,12}(?: (?:thousand|million|billion))?(?= years? old\b)"  # "roughly 6 billion years old"; bounded: linear time
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?!\d)(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH_NAMES})\b(?:\s+\d{{4}})?"
    rf"|(?:early |late |mid-?)?(?:{_MONTH_NAMES})\b(?:\s+(?:of\s+)?(?:this year|last year|\d{{4}}))?"
    rf"|(?:on |by |until |through )?(?:{'|'.join(w.capitalize() for w in WEEKDAYS)})\b"
    r"|\b(?:this|last|next) (?:year|month|week|spring|summer|fall|autumn|winter|quarter)\b"
    r"|\b(?:in |by |during )?the (?:first|second|third|fourth|final) (?:quarter|half)(?: of (?:the year|20\d\d))?\b"
    r"|\b(?:by |until |before )?the (?:end|start|beginning|middle) of (?:the |this |next |last )?"
    r"(?:year|month|week|quarter|decade|summer|winter|spring|fall|season)\b"
    r"|\b(?:in|since|by|from|until|through) (?:1[89]\d\d|20\d\d)\b|\b(?:1[89]\d\d|20\d\d)\b"
    r"|(?<=\()1\d\d\d(?=\))"  # "“Portrait of a Merchant’s Wife” (1654)": a work's year
    r"|\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.)(?:\s+[A-Z][a-z]+ Time)?)",
)
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]?")
_SAID = r"(?:said|says|told|added|asked|wrote|noted|warned|argued|explained|stated|announced)"
_PRONOUN_SPEAKER = re.compile(rf"[”\"],?\s+(?:he|she|they)\s+{_SAID}|\b(?:he|she|they)\s+{_SAID}\b", re.I)
_PRONOUN_START = re.compile(r"^(?:[“\"]|(?:He|She|They|It|His|Her|Their)\b)")
#: "LIMA, May 2 (AP) -", "BERGEN, Norway, Sept. 14 (AP) -": a place, a region or country, a date.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]+?)(?:,\s+(?P<region>[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2}))?,"
    r"\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\s*(?:\((?P<agency>[^)]+)\))?\s*[-–—]"
)


@dataclass(frozen=True)
class Span:
    """A piece of a sentence of one kind: ``text`` is verbatim, ``role`` a person's title."""

    kind: str
    text: str
    start: int
    end: int
    role: str = ""
    #: For a lone surname: the full name of the one person it points at, or UNCLEAR.
    refers: str = ""

    @property
    def words(self) -> frozenset[str]:
        return frozenset(w.lower().strip(".,") for w in re.split(r"[\s-]+", self.text) if w)


@dataclass(frozen=True)
class Person:
    """Someone the article names, with the titles and roles it gives them."""

    name: str
    roles: tuple[str, ...] = ()

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Reading:
    """What one sentence holds."""

    sentence: Sentence
    spans: tuple[Span, ...]
    speaker: str | None = None
    #: Names the sentence refers back to ("she said", an unattributed quote): the previous speaker.
    context: tuple[str, ...] = ()

    def of_kind(self, *kinds: str) -> list[Span]:
        return [s for s in self.spans if s.kind in kinds]

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(s.kind for s in self.spans)


@dataclass
class Article:
    """An article read once: its sentences' readings, its people and its aliases."""

    report: Report
    readings: dict[str, Reading]
    people: dict[str, Person]
    organisations: dict[str, str] = field(default_factory=dict)  # acronym -> full name
    dateline: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> str | None:
        """The year the article is written in: the first year its first paragraph names, else
        unknown. Guessing it from the years named later is wrong as often as right (a story of
        2026 names the 2024 test and the 2027 budget), and "this year" then pins nothing."""
        if not self.report.paragraphs:
            return None
        found = _YEAR.search(self.report.paragraphs[0].text)
        return found.group(1) if found else None

    @cached_property
    def sentence_counts(self) -> dict[str, int]:
        """In how many sentences of the article each word stem stands."""
        counts: dict[str, int] = {}
        for s in self.report.sentences:
            for w in {stem(x) for x in words(s.text)}:
                counts[w] = counts.get(w, 0) + 1
        return counts

    def surname_owners(self, surname: str) -> list[Person]:
        key = surname.lower()
        return [p for p in self.people.values() if p.surname.lower() == key]

    def reading(self, sentence_id: str) -> Reading:
        return self.readings[sentence_id]


def read_article(report: Report) -> Article:
    """Read every sentence of ``report`` once."""
    people: dict[str, Person] = {}
    organisations: dict[str, str] = {}
    readings: dict[str, Reading] = {}
    previous: Reading | None = None
    recent: tuple[str, ...] = ()  # the people last named in full, the latest first
    for sentence in report.sentences:
        for full, short in _ACRONYM_DEF.findall(sentence.text) if "(" in sentence.text else ():
            organisations.setdefault(short.rstrip("s"), re.sub(r"^(?:The|the)\s+", "", full))
        for full, short in _KIND_ACRONYM.findall(sentence.text) if "(" in sentence.text else ():
            if sorted(short) == sorted(w[0] for w in full.split()):  # "the Civic Renewal party (RC)", in any order
                organisations.setdefault(short, full)
        spans = tuple(_resolve_surnames(sentence.text, _spans(sentence.text, people), people, recent))
        recent = _named_in_full(spans, recent)
        if previous is None:
            spans = _dateline_spans(sentence.text, spans)
        near = previous if previous and sentence.paragraph - previous.sentence.paragraph <= 1 else None
        reading = _reading(sentence, spans, near, people)
        readings[sentence.id] = reading
        previous = reading
    readings = _places_kept(readings, people)
    return Article(report, _with_principal_body(readings), people, organisations, _dateline(report))


def _places_kept(readings: dict[str, Reading], people: dict[str, Person]) -> dict[str, Reading]:
    """A name the article shows to be a place ("near Los Lunas") is one wherever it stands,
    though a sentence alone would take it for a person ("a plant that Los Lunas will own")."""
    places = {s.text for r in readings.values() for s in r.spans if s.kind == PLACE}
    mistaken = {name for name, person in people.items() if name in places and not person.roles}
    if not mistaken:
        return readings
    for name in mistaken:
        del people[name]
    return {
        sid: replace(r, spans=tuple(replace(s, kind=PLACE) if s.kind == PERSON and s.text in mistaken else s for s in r.spans))
        for sid, r in readings.items()
    }


#: "The company", "the bank": a body the sentence does not name.
_THE_BODY = re.compile(
    r"\b(?:[Tt]he (?:company|firm|group|bank|lender|insurer|chain|automaker|carmaker|airline|retailer|"
    r"club|agency|maker|manufacturer|developer|operator|utility|startup|business)|^(?:It|Its))\b"
)
#: "Net income dropped to $412 million": a company's accounts, which a sentence naming no one
#: gives for the body the article is about.
_ACCOUNTS = re.compile(
    r"\b(?:[Nn]et (?:income|profit|loss)|[Rr]evenue|[Oo]perating (?:profit|income|loss|margin)|[Gg]ross margin|"
    r"[Ee]arnings per share|[Ff]ree cash flow|[Ss]hares (?:rose|fell|jumped|dropped|slid|climbed|gained))\b"
)
#: How often the article must name its principal body for "the company" to mean it.
PRINCIPAL_MENTIONS = 3


def _with_principal_body(readings: dict[str, Reading]) -> dict[str, Reading]:
    """A sentence that speaks of "the company" and names no body refers to the body the article
    names most (and in its first sentence), as news reports do after the first mention."""
    first: dict[str, str] = {}
    spans: dict[str, int] = {}
    for reading in readings.values():
        for span in reading.spans:
            if span.kind in (ORGANISATION, "name") and span.role != DATELINE:
                key = _bare(span.text.split()[0])
                spans[key] = spans.get(key, 0) + 1
                first.setdefault(key, re.sub(r"[’']s$", "", span.text))
    if not first:
        return readings
    written = _mentions(readings, {key: re.sub(r"[’']s$", "", name.split()[0]) for key, name in first.items()})
    counts = {key: max(spans[key], written[key]) for key in first}
    leading = max(counts, key=counts.__getitem__)  # the first named of the most named
    opening = next(iter(readings.values()))
    if counts[leading] < PRINCIPAL_MENTIONS or not any(_bare(s.text.split()[0]) == leading for s in opening.spans):
        return readings
    body = first[leading]
    out = {}
    for sid, reading in readings.items():
        named = any(s.kind in (ORGANISATION, "name") for s in reading.spans)
        text = reading.sentence.text
        if not named and (_THE_BODY.search(text) or _ACCOUNTS.search(text)) and body not in reading.context:
            reading = Reading(reading.sentence, reading.spans, reading.speaker, (*reading.context, body))
        out[sid] = reading
    return out


def _mentions(readings: dict[str, Reading], written: dict[str, str]) -> dict[str, int]:
    """How many sentences write each body's first word (``written``, by key) as it is written:
    after "Vela Robotics" a report says "Vela", which is no name span of its own. A word that
    is also a place or a person's name ("Oslo" of "Oslo City Council") counts only as a span."""
    texts = [r.sentence.text for r in readings.values()]
    others = {w for r in readings.values() for s in r.spans if s.kind in (PLACE, PERSON) for w in s.text.split()}
    return {
        key: sum(1 for text in texts if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)) if word not in others else 0
        for key, word in written.items()
    }


def _reading(sentence: Sentence, spans: tuple[Span, ...], previous: Reading | None, people: dict[str, Person]) -> Reading:
    """One sentence's reading, with who it quotes and the names it refers back to."""
    text = sentence.text
    speaker = _speaker(text, spans) or _role_speaker(text, people)
    refers = tuple(s.refers for s in spans if s.refers and s.refers != UNCLEAR)
    back = _BACK_REFERENCE.match(text) or _PRONOUN_SPEAKER.search(text)
    inherited: tuple[str, ...] = ()
    if previous is not None and (back or not _names(spans)):
        last = previous.speaker if previous.speaker and previous.speaker != UNCLEAR else None
        inherited = tuple(dict.fromkeys(((last,) if last else ()) + _names(previous.spans)))[:4]
        if speaker is None and last and (_QUOTE.search(text) or _PRONOUN_SPEAKER.search(text) or _says_as_he_or_she(text)):
            speaker = last
        elif speaker is None and _HE_OR_SHE_SAID.search(text):
            # "Ana Ruiz visited the shelters." then "..., she said.", with perhaps a sentence
            # that names no one between
            speaker = _subject_person(previous) or _carried_person(previous, people)
    context = tuple(dict.fromkeys(refers + inherited))
    return Reading(sentence, spans, speaker, context)


def _carried_person(previous: Reading, people: dict[str, Person]) -> str | None:
    """The person a sentence naming no one carries on from the one before it (its first
    reference back, when that is a person): "Ana Ruiz told the crowd ..." "Police put it at
    45,000." "“...,” she said."."""
    if any(s.kind in (PERSON, "name") for s in previous.spans) or not previous.context:
        return None
    first = previous.context[0]
    return first if first in people else None


#: "He estimated ... and said ...": a sentence whose subject is "he" or "she".
_HE_OR_SHE_OPENS = re.compile(r"^(?:He|She)\s")


def _says_as_he_or_she(text: str) -> bool:
    """Whether a sentence opening with "He" or "She" reports what they said."""
    return bool(_HE_OR_SHE_OPENS.match(text)) and speaks(text)


#: "he said", "she said": one person ("they said" may be a body or several people).
_HE_OR_SHE_SAID = re.compile(rf"\b(?:he|she)\s+{_SAID}\b", re.I)


def _subject_person(reading: Reading) -> str | None:
    """The one person a sentence names, when the sentence opens with them (its subject): not
    "Police arrested Ana Ruiz." for a later "she said"."""
    people = [s for s in reading.spans if s.kind == PERSON and s.refers != UNCLEAR]
    if len({s.refers or s.text for s in people}) != 1:
        return None
    before = reading.sentence.text[: people[0].start]
    if not _only_a_title(before.rpartition(", ")[2] if _FRONTED.match(before) else before):
        return None
    return people[0].refers or people[0].text


#: "Asked whether ..., Ana Ruiz smiled.": a clause before the subject, set off by a comma.
_FRONTED = re.compile(r"^(?:Asked|After|Before|When|While|Speaking|Standing|Looking|Once|As)\b[^“”\"]*,\s+(?:\S+\s+){0,3}$")


#: The most words of a title before a sentence's subject ("NCA leader", "Emergency Minister").
SUBJECT_TITLE_WORDS = 4


def _only_a_title(before: str) -> bool:
    """Whether what stands before a name can only be its title: a few words, no verb form and no
    function word ("NCA leader Marit Hoekstra", not "Police arrested Marco Bell")."""
    found = before.split()
    return len(found) <= SUBJECT_TITLE_WORDS and not any(
        w.lower() in STOPWORDS or w.lower().endswith(("ed", "ing")) for w in found
    )


_NAME_DRESS = re.compile(r"^(?:The|the)\s+|[’']s$")


def plain_name(text: str) -> str:
    """A name without its article and possessive: "The Bank of Norway’s" -> "Bank of Norway"."""
    return _NAME_DRESS.sub("", text)


def _names(spans: Sequence[Span]) -> tuple[str, ...]:
    return tuple(s.refers or s.text for s in spans if s.kind in (PERSON, ORGANISATION, "name") and s.refers != UNCLEAR)


#: A sentence that starts by pointing back: "The company ...", "She ...", "It ...".
_BACK_REFERENCE = re.compile(
    r"^(?:[“\"]|(?:He|She|They|It|His|Her|Their|Its|This|That|These|Those)\b|The (?:company|bank|firm|agency|"
    r"group|chain|government|ministry|department|team|council|board|court|committee|party|office|"
    r"mission|report|spacecraft|lander|official|officials|governor|minister|president|senator|judge|"
    r"centre|center|organisation|organization|club|city|state|country)\b)"
)
def refers_back(text: str) -> bool:
    """Whether a sentence opens by pointing back ("The report blamed ...", "It said ...")."""
    return bool(_BACK_REFERENCE.match(text))


_ROLE_SAID = re.compile(rf"\b[Tt]he ((?:[a-z]+ ){{0,2}}[a-z]+) {_SAID}\b")


def _role_speaker(text: str, people: dict[str, Person]) -> str | None:
    """"The governor said": the one person of the article with that role."""
    found = _ROLE_SAID.search(text)
    if not found or not any(w in ROLE_WORDS for w in found.group(1).split()):
        return None
    role = found.group(1).split()[-1]
    owners = [p.name for p in people.values() if any(role in r.lower().split() for r in p.roles)]
    # "Commissioner Doyle" is "RFS Commissioner Fiona Doyle" named again, not a second commissioner
    owners = [o for o in owners if not any(other != o and other.endswith(" " + o) for other in owners)]
    return owners[0] if len(owners) == 1 else None


#: Words that give a reason ("because", "blamed", "saying", "due to", "after").
REASON_CUE = re.compile(
    r"\b(?:because|as a result|due to|owing to|thanks to|blamed|blames|blaming|caused|causing|led to|"
    r"came from|comes from|stems from|stemmed from|resulted from|result of|"
    r"prompted|prompting|triggered|after|following|amid|since|so that|in order to|saying|citing|"
    r"attributed|driven by|reason|why|fears?|feared|wants?|wanted|worried that|concerned that|"
    r"accused|accusing|argued|arguing|forced?|forcing|refused|in a bid to|to compete|triggers?|causes?)\b"
    # a rule that makes it so ("tripled under the competition law"); a change it goes with ("as
    # temperatures fell below freezing")
    r"|\bunder (?:[\w.’'-]+ ){0,3}(?:law|laws|rules?|regulations?|agreements?|deal|contracts?|act|treaty|terms)\b"
    r"|\bas (?:[\w’'-]+ ){1,6}?(?:fell|rose|dropped|climbed|surged|mounted|grew|spread|worsened|increased|declined|soared|plunged|slowed)\b",
    re.IGNORECASE,
)
#: A person named only by a role: "the agency's inspector general", "a spokesperson".
_ROLE_ONLY = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+(?:[A-Za-z]+[’']s\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + r")s?\b(?:\s+general)?"
)

#: The speaker of a sentence whose surname two people of the article share ("Fell said").
UNCLEAR = "?"


def _resolve_surnames(text: str, spans: list[Span], people: dict[str, Person], recent: tuple[str, ...]) -> list[Span]:
    """A lone surname ("Fell said") is the one person of that surname; when several share it,
    the one its title or apposition names ("Dr. Fell", "Fell, the coach,"), else the one named
    in full just before, else unclear."""
    out: list[Span] = []
    for span in spans:
        lone = span.kind in ("name", PLACE) or (span.kind == PERSON and not span.refers)  # "Dr. Fell said"
        if lone and (" " not in span.text or _family_of_someone(span.text, people)):  # "Paris said": the person
            key = _bare(span.text)
            owners = [p for p in people.values() if key in (_bare(p.surname), _bare(p.name.split()[0]), family_name(p))]
            owners = [p for p in owners if " " in p.name] or owners  # "Dr. Fell" alone is no other Fell
            if owners:
                chosen = owners if len(owners) == 1 else _by_title(text, span, owners) or _latest(owners, recent)
                refers = chosen[0].name if len(chosen) == 1 else UNCLEAR
                span = Span(PERSON, span.text, span.start, span.end, span.role if span.kind == PERSON else "", refers)
        out.append(span)
    return out


def family_name(person: Person) -> str:
    """The surname with its particle, as compared: "Joris van Dam" -> "van dam"."""
    parts = person.name.lower().split()
    return " ".join(parts[-2:]) if len(parts) >= 3 and parts[-2] in _NAME_PARTICLES else _bare(parts[-1])


def _family_of_someone(text: str, people: dict[str, Person]) -> bool:
    """"Van Dam", "De Smet": a particle and a surname that someone the article named carries."""
    parts = text.lower().split()
    return len(parts) == 2 and parts[0] in _NAME_PARTICLES and any(family_name(p) == " ".join(parts) for p in people.values())


#: How many people named in full since a shared surname may still point at one of them: the
#: last two, so "Mayor Tom Fell, 44, of Vela Lines said ..." then "“...,” Fell said." is the
#: mayor (a body read as a person may stand between), but not after two others were named.
RECENT_PEOPLE = 2
#: "the coach," right after a surname: its apposition.
_APPOSED = re.compile(r"^,\s+(?:the|a|an)\s+([a-z][a-z -]{1,40}?),")


def _by_title(text: str, span: Span, owners: list[Person]) -> list[Person]:
    """Of the people sharing a surname, those whose roles hold the title written just before
    it ("Dr. Fell", "Mayor Fell") or the apposition just after ("Fell, the coach,")."""
    before = text[max(0, span.start - 24) : span.start].split()
    after = _APPOSED.match(text[span.end :])
    said = {_bare(before[-1])} if before and _bare(before[-1]) in ROLE_WORDS else set()
    said |= {_bare(w) for w in after.group(1).split()} & ROLE_WORDS if after else set()
    if not said:
        return []
    matched = [p for p in owners if said & {_bare(w) for r in p.roles for w in r.split()}]
    return matched if len(matched) == 1 else []


def _latest(owners: list[Person], recent: tuple[str, ...]) -> list[Person]:
    """The one of ``owners`` named in full most lately, if that was among the last people so named."""
    names = {p.name: p for p in owners}
    return [names[n] for n in recent[:RECENT_PEOPLE] if n in names][:1]


def _named_in_full(spans: Sequence[Span], recent: tuple[str, ...]) -> tuple[str, ...]:
    """The people last named in full, with this sentence's in front."""
    here = [s.text for s in spans if s.kind == PERSON and " " in s.text and not s.refers]
    return tuple(dict.fromkeys([*reversed(here), *recent]))[: RECENT_PEOPLE]


#: The role of a dateline's place and agency: they answer "where" and "which agency" only.
DATELINE = "dateline"


def _dateline_spans(text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The dateline's place and agency as such ("LIMA, May 2 (AP) -"): where the
    story is told from, and the agency that tells it."""
    found = _DATELINE.match(text)
    if not found:
        return spans
    kept = [s for s in spans if s.start >= found.end() or s.kind == DATE]
    marks = [Span(PLACE, found["place"].strip(), found.start("place"), found.end("place"), DATELINE)]
    if found["region"]:
        marks.append(Span(PLACE, found["region"].strip(), found.start("region"), found.end("region"), DATELINE))
    if found["agency"]:
        marks.append(Span(ORGANISATION, found["agency"].strip(), found.start("agency"), found.end("agency"), DATELINE))
    return tuple(sorted(kept + marks, key=lambda s: s.start))


def without_dateline(text: str) -> str:
    """The sentence after its dateline: "OSLO, May 2 (AP) - The bank cut ..." -> "The bank cut ..."."""
    found = _DATELINE.match(text)
    return text[found.end() :].lstrip() if found else text


def _dateline(report: Report) -> dict[str, str]:
    if not report.sentences:
        return {}
    found = _DATELINE.match(report.sentences[0].text)
    if not found:
        return {}
    out = {"place": found["place"].strip().title(), "date": found["date"]}
    if found["agency"]:
        out["agency"] = found["agency"].strip()
    return out


#: A sentence's first word when it stands alone (not "Berg Holdings").
_LEAD_WORD = re.compile(rf"^[“\"]?([{_UPPER}]{_LETTERS})(?![\w’'-])(?!\s+[{_UPPER}])")


#: A span's text ending in an abbreviation keeps its full stop ("6 a.m.", "Acme Inc.").
_ENDS_ABBREVIATED = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]|\b(?:Inc|Corp|Co|Ltd|Jr|Sr))\.$")


def _span_text(raw: str) -> str:
    """A span's text without the punctuation around it, but with an abbreviation's full stop."""
    text = raw.strip(" ,;:")
    return text if _ENDS_ABBREVIATED.search(text) else text.strip(" ,.;:")


def _spans(text: str, people: dict[str, Person]) -> list[Span]:
    spans: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int, role: str = "") -> None:
        if end <= start or _overlaps(taken, start, end):
            return
        insort(taken, (start, end))
        spans.append(Span(kind, _span_text(text[start:end]), start, end, role))

    for pattern, kind in ((_MONEY, MONEY), (_PERCENT, PERCENT), (_AGE, AGE), (_MEASURE, MEASURE), (_DATE, DATE)):
        for m in pattern.finditer(text):
            add(kind, m.start(), m.end())
    lead = _LEAD_WORD.match(text)
    if lead and any(_bare(p.surname) == _bare(lead.group(1)) for p in people.values()):
        add("name", lead.start(1), lead.end(1))  # "Berg said ...": a surname, however plain a word
    for name in people:
        if text.startswith(name) and not text[len(name) : len(name) + 1].isalnum():
            add(PERSON, 0, len(name), "; ".join(people[name].roles))  # "Faith Berg said": not "Berg"
    for kind, start, end, role in _name_spans(text, people):
        add(kind, start, end, role)
    for m in _NUMBER.finditer(text):
        add(NUMBER, m.start(), m.end())
    for m in _ROLE_ONLY.finditer(text):
        add("role", m.start(), m.end())
    return sorted(spans, key=lambda s: s.start)


def _name_spans(text: str, people: dict[str, Person]) -> list[tuple[str, int, int, str]]:
    """The names of a sentence's capitalised runs (kind, start, end, role), each person's roles
    added to ``people``."""
    surnames = {_bare(p.surname) for p in people.values()}
    out = []
    for m in _RUN.finditer(text):
        if _NUMBER.fullmatch(m.group(0)):
            continue  # "Fifty-one of the cases": a count, not a name
        found = _classify_run(text, m.start(), m.end()) or _surname_alone(text, m.start(), m.end(), surnames)
        for start, end, kind, role in found:
            if kind == PERSON and _family_of_someone(text[start:end], people):
                kind = "name"  # "Van Dam said": the surname of Joris van Dam, resolved below
            if kind == PERSON:
                end = start + len(_OWNED.sub("", text[start:end]))  # "Tobias Lind’s parents": Tobias Lind
                name = text[start:end].strip(" ,.")
                person = people.get(name)
                roles = tuple(r for r in (_role_before(text, m.start()), role, _apposition(text, end), _relative_role(text, end)) if r)
                merged = tuple(dict.fromkeys((person.roles if person else ()) + roles))
                people[name] = Person(name, merged)
                role = "; ".join(merged)
            out.append((kind, start, end, role))
    return out


_OWNED = re.compile(r"[’']s?$")
#: A capitalised word with a contraction: "I’ve", "Don’t", "We’re", "It’ll".
_CONTRACTION = re.compile(r"[A-Z][a-z]*(?:n[’']t|[’'](?:ve|d|ll|re|m))")


#: A capitalised run longer than this is no one name (a hostile text's thousands of capitals).
MAX_RUN_CHARS = 200
#: How many times a run is split (owner, "and", "of", "-based") before it is taken as one name:
#: a real name needs two or three; a hostile run of thousands of "and"s must not recurse.
MAX_RUN_SPLITS = 4


def _surname_alone(text: str, start: int, end: int, surnames: set[str]) -> list[tuple[int, int, str, str]]:
    """"Hale told analysts": one capitalised plain word that is the surname of someone the
    article named is a name (a person, once the surname is resolved), not an ordinary word."""
    word = text[start:end].strip(" ,.;:")
    return [(start, start + len(word), "name", "")] if " " not in word and _bare(word) in surnames else []


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``taken`` (sorted, not overlapping each other)."""
    k = bisect_left(taken, (start, end))
    return (k > 0 and taken[k - 1][1] > start) or (k < len(taken) and taken[k][0] < end)


def _classify_run(text: str, start: int, end: int, depth: int = 0) -> list[tuple[int, int, str, str]]:
    """Split a capitalised run into title + name and say what it names."""
    if _CONTRACTION.fullmatch(text[start:end].strip()):
        return []  # "I’ve", "Don’t": no name
    if depth > MAX_RUN_SPLITS or end - start > MAX_RUN_CHARS:
        return [(start, end, "name", "")]
    owner = _POSSESSIVE_OWNER.match(text[start:end])
    if owner and start + owner.end() < end:  # "Kenya’s Brian Kiptoo": Kenya, then Brian Kiptoo
        first = _classify_run(text, start, start + owner.end(1), depth + 1)
        return first + _classify_run(text, start + owner.end(), end, depth + 1)
    start, tokens = _without_lead(text, start, end)
    if not tokens:
        return []
    lowered = [_bare(t) for t in tokens]
    if all(w in CALENDAR for w in lowered):
        return []
    if lowered[-1].endswith("-based"):  # "the San Jose-based maker": San Jose
        return _classify_run(text, start, end - len("-based"), depth + 1)
    parts = _linked_parts(text, start, end, tokens, lowered)
    if parts:
        return [found for a, b in parts for found in _classify_run(text, a, b, depth + 1)]
    last_role = max((i for i, w in enumerate(lowered) if w in ROLE_WORDS or _hyphened_role(w)), default=-1)
    rest = lowered[last_role + 1 :]
    if 0 <= last_role < len(tokens) - 1 and not any(w in ORGANISATION_WORDS | PLACE_WORDS for w in rest):
        return [_titled_person(text, start, end, tokens, last_role)]
    kind = _kind_of_run(text, start, end, tokens, lowered, last_role)
    if kind == PLACE and len(tokens) > 1 and _ACTS.match(text[end:]):
        kind = ORGANISATION  # "Harbour Valley declined to say": a body that acts, not a valley
    return [(start, end, kind, "")] if kind else []


def _linked_parts(text: str, start: int, end: int, tokens: list[str], lowered: list[str]) -> list[tuple[int, int]]:
    """The runs inside a run that names two things: "the U.S. and Ireland" (not one name, unless
    its words name a body: "Centers for Disease Control and Prevention"), and a person with
    where or whom they are from ("Sen. Ana Ruiz of Texas", "Ana Ruiz of Orbis Group")."""
    run = text[start:end]
    if "and" in lowered and not any(w in ORGANISATION_WORDS for w in lowered):
        cuts = [m.start() for m in re.finditer(" and ", run)]
        edges = [0, *(c for cut in cuts for c in (cut, cut + len(" and "))), len(run)]
        return [(start + a, start + b) for a, b in zip(edges[::2], edges[1::2], strict=True) if b > a]
    if "of" in lowered:
        at = lowered.index("of")
        titled = max((i for i, w in enumerate(lowered[:at]) if w in ROLE_WORDS), default=-1)
        cut = run.find(" of ")
        if cut > 0 and _person_like(tokens[titled + 1 : at]):
            return [(start, start + cut), (start + cut + len(" of "), end)]
    return []


def _person_like(tokens: list[str]) -> bool:
    """Two or three capitalised words that could be a person's name ("Ana Ruiz"), not a body's
    ("Communications Workers") nor a place's."""
    lowered = [_bare(t) for t in tokens]
    return (
        2 <= len(tokens) <= 3
        and not any(w in ORGANISATION_WORDS | PLACE_WORDS | ROLE_WORDS for w in lowered)
        and not all(_plain(t) for t in tokens)
        and " ".join(lowered) not in place_names()
        and lowered[0] not in place_names()
    )


#: What a body does and a place does not: it says, declines, reports, hires.
_ACTS = re.compile(
    rf"^(?:[’']s\s+(?:spokesperson|spokesman|spokeswoman|filing|chief|board|statement|shares))?\s*,?\s*(?:{_SAID}|"
    r"declined|denied|confirmed|reported|hired|employs|runs|operates|filed|agreed|plans|expects|expected)\b"
)


#: What follows a person's name: their age, or a verb of saying.
_PERSON_AFTER = re.compile(rf"^,\s+\d{{1,3}},|^\s+{_SAID}\b")


def _without_lead(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """The run's start and words, without the sentence's first word when that is an ordinary
    word (it is capitalised anyway)."""
    run = text[start:end]
    tokens = run.split()
    at_start = start == 0 or text[:start].rstrip().endswith(("“", '"', "("))
    titled = len(tokens) > 1 and _bare(tokens[1]) in ROLE_WORDS  # "Port Director Amelia Stroud"
    named = 2 <= len(tokens) <= 3 and bool(_PERSON_AFTER.match(text[end:]))  # "Faith Berg, 31, won"
    joined = len(tokens) > 1 and tokens[1][:1].isupper() and _bare(tokens[0]) not in STOPWORDS  # "Harbour Valley said"
    drop = 1 if at_start and _plain(tokens[0]) and not titled and not named and not joined else 0
    while drop < len(tokens) and (tokens[drop].islower() or tokens[drop].lower().endswith("-based")):
        drop += 1  # "Shares of Acme ...": the link after the dropped word; "Oslo-based"
    if drop:
        offset = run.find(tokens[drop], len(" ".join(tokens[:drop])) - 1) if drop < len(tokens) else len(run)
        return start + offset, tokens[drop:]
    return start, tokens


def _titled_person(text: str, start: int, end: int, tokens: list[str], last_role: int) -> tuple[int, int, str, str]:
    """A person named after their title ("Second Vice Foreign Minister Ana Ruiz"): the name's
    span, with the title as its role."""
    run = text[start:end]
    title = " ".join(tokens[: last_role + 1])
    name_start = start + run.find(tokens[last_role + 1], len(" ".join(tokens[:last_role])))
    last = title.split()[-1].rstrip(".").lower()
    abbreviated = title.endswith(".") and len(last) <= 4 and last in ROLE_WORDS  # "Dr.", "Sen."
    return (name_start, end, PERSON, title if abbreviated else title.rstrip("."))


def _kind_of_run(
    text: str, start: int, end: int, tokens: list[str], lowered: list[str], last_role: int
) -> str | None:
    """What a capitalised run with no title before a name names, or None when it names nothing."""
    if len(tokens) == 1 and "." in tokens[0] and tokens[0].lower() in place_names():
        return PLACE  # "U.S.", "U.K.": a country's initials, not a body's ("U.N.")
    if any(w in ORGANISATION_WORDS for w in lowered) or (len(tokens) == 1 and tokens[0].rstrip("s").isupper() and len(tokens[0]) > 1):
        return ORGANISATION
    if lowered[0] in PLACE_WORDS and len(tokens) > 1 and _role_before(text, start):
        return PERSON  # "director Park Ji-won": a title before, so a name, not a park
    if any(w in PLACE_WORDS for w in lowered) or (lowered[0] in COMPASS and len(tokens) > 1):
        return PLACE  # "West Bergen", not "Western" alone
    if " ".join(lowered) in place_names():
        return PLACE
    if _plain(tokens[0]) and any(w in country_names() for w in lowered):
        return ORGANISATION  # "Statistics Norway", "Norway Post"
    if last_role >= 0:
        return None  # a bare title ("the Governor"), no name
    if any(w in _LINK_WORDS for w in lowered) or (len(tokens) >= 2 and _acts_as_body(text, start, end)):
        return ORGANISATION  # "Communications Workers of America", "shipping group Vela Line"
    if 2 <= len(tokens) <= 3 and _PERSON_AFTER.match(text[end:]):
        return PERSON  # "Faith Berg, 31," and "Grace Hill said": plain words, but a person
    if _adjective(text, end, lowered):
        return None
    if _after_place_preposition(text, start, _IN_PLACE):
        return PLACE  # "a line near Casa Grande", "the plant in Los Lunas"
    if len(tokens) >= 3 and _plain(tokens[-1]) and _plain(tokens[-2]):
        return "name"  # "James Webb Space Telescope": a thing named after someone
    if 2 <= len(tokens) <= 4 and not all(_plain(t) for t in tokens) and (lowered[0] not in place_names() or _place_as_first_name(lowered)):
        return PERSON
    if _after_place_preposition(text, start):
        return PLACE
    if len(tokens) == 1 and _plain(tokens[0]):
        return None
    return "name"


def _hyphened_role(word: str) -> bool:
    """"Director-General", "Attorney-General": a title written with a hyphen."""
    return "-" in word and any(part in ROLE_WORDS for part in word.split("-"))


def _place_as_first_name(lowered: list[str]) -> bool:
    """"Sofia Lind", "Florence Adeyemi": a place's name before a surname that is no English
    word nor place is a first name ("Georgia Tech", "Sofia Airport" stay names)."""
    return len(lowered) == 2 and not is_common_word(lowered[1]) and lowered[1] not in place_names()


#: What stands before a body's name and never before a person's: "of the Bergen Greens",
#: "shipping group Vela Line", "made by Orbis Therapeutics".
_BODY_BEFORE = re.compile(
    r"(?:\b[Tt]he|\bmade by|\bcompany|\bfirm|\bgroup|\bcarrier|\bairline|\blender|\binsurer|\bmaker|"
    r"\bdeveloper|\bchain|\boperator|\bretailer|\bmanufacturer|\bstartup|\bparty)\s+$"
)
#: What follows a body's name and never a person's: "Vela Line, which", "Acme’s shares".
_BODY_AFTER = re.compile(r"^(?:,?\s+which\b|[’']s\s+(?:shares|stock)\b)")


def _acts_as_body(text: str, start: int, end: int) -> bool:
    """Whether the words around a run of capitals show it names a body, not a person."""
    return bool(_BODY_BEFORE.search(text[max(0, start - 24) : start]) or _BODY_AFTER.match(text[end:]))


COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "new", "greater", "upper", "lower"])
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|ic)$")


def _bare(token: str) -> str:
    """A word without its possessive and dots, lower-case."""
    return re.sub(r"[’']s$", "", token.lower()).strip(".,")


def _adjective(text: str, end: int, lowered: list[str]) -> bool:
    """A proper adjective ("Italian government", "Brazilian nationals"): not a name."""
    following = re.match(r"\s+([a-z]+)", text[end:])
    # only before a lower-case word: "the hardest-hit state is Voss," is a name, not an adjective
    last = lowered[-1]
    # "Pakistani", "Israeli": a demonym may end in "i", but so do many surnames ("Rossi")
    return following is not None and bool(_DEMONYM.search(last) or (last.endswith("i") and last in place_names()))


_POSSESSIVE_OWNER = re.compile(r"^((?:\S+\s+){0,2}?\S+)[’']s\s+(?=[A-Z])")


def _plain(token: str) -> bool:
    """An ordinary English word (not a name), whatever its case: "Two firefighters were hurt"."""
    bare = _bare(token)
    return is_common_word(bare) or bare in NUMBER_WORDS or (not token.isupper() and _short_word(bare))  # not "EU"


#: A word of three letters or fewer is an ordinary one ("Net income ...") when it is this
#: frequent (Zipf) and WordNet knows it: "net" 4.8, "tax" 5.1, but not the surnames "Li" 4.3, "Wu" 3.8.
SHORT_WORD_ZIPF = 4.5


def _short_word(word: str) -> bool:
    if len(word) > 3 or not word.isalpha():
        return False
    return zipf(word) >= SHORT_WORD_ZIPF and bool(morphy(word, "n") or morphy(word, "v") or morphy(word, "a"))


_PLACE_PREP = re.compile(r"\b(?:in|near|from|to|at|across|outside|around|into)\s+(?:the\s+)?$")


def _after_place_preposition(text: str, start: int, prepositions: re.Pattern[str] = _PLACE_PREP) -> bool:
    return bool(prepositions.search(text[max(0, start - 12) : start]))


#: After these a name is a place's, however like a person's it looks: one is near or in a place,
#: where one may write to or hear from a person.
_IN_PLACE = re.compile(r"\b(?:in|near|outside|around|across)\s+$")


#: The two words before a name, the second a lower-case title: "Transportation economist Dr. Ana Ruiz".
_ROLE_BEFORE = re.compile(r"(?:^|[\s(])((?:[A-Za-z][\w-]*\s+)?([a-z][\w-]*))\s+$")
#: A role set off before a name, owned or definite: "The museum’s director, Dr. ", "Its president, ".
_SET_OFF_BEFORE = re.compile(
    r"(?:^|\s)(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|(?:[Tt]he\s+)?[\w.-]+[’']s)\s+((?:[\w-]+\s+){0,5}?[\w-]+),\s+"
    r"(?:[A-Z][a-z]{0,4}\.\s+)?$"
)


def _role_before(text: str, start: int) -> str:
    """The role written before a name: in lower case ("economist", "filmmaker"), with the word
    before it when that is no function word ("transportation economist", "Brazilian filmmaker");
    or set off by commas ("The museum’s director, Dr. Ana Lind, said": "director")."""
    set_off = _set_off_before(text, start)
    if set_off:
        return set_off
    found = _ROLE_BEFORE.search(text[max(0, start - 40) : start])
    if not found or not (found.group(2) in ROLE_WORDS or found.group(2) in person_nouns()):
        return ""
    first = found.group(1).split()[0]
    return found.group(1) if first.lower() not in STOPWORDS else found.group(2)


def _set_off_before(text: str, start: int) -> str:
    """ "The museum’s director, Dr. Ana Lind, said": the role before a name, set off by commas."""
    window = max(0, start - 80)
    found = _SET_OFF_BEFORE.search(text[window:start])
    if not found or not _closes_apposition(text, start) or _fronted_before(text, window + found.start()):
        return ""
    return found.group(1) if _is_role(found.group(1).split()) else ""


def _closes_apposition(text: str, start: int) -> bool:
    """Whether the name at ``start`` is followed by a comma (perhaps after an age): the role
    before it was set off by commas, not the end of a clause ("In a note to investors, Lind said")."""
    name = _CAP_WORDS.match(text, start)
    return bool(name and re.match(r",(?:\s+\d{1,3},)?", text[name.end() :]))


#: Words opening a clause put before the subject ("After meeting the minister, Ana Lind said"):
#: a role phrase ending such a clause is not the name's.
_FRONTING = frozenset(
    ["after", "before", "when", "while", "as", "in", "at", "on", "speaking", "asked", "following", "during", "since", "until", "despite", "for", "with", "without", "by", "from"]
)


def _fronted_before(text: str, at: int) -> bool:
    before = text[:at]
    first = before.split(maxsplit=1)[0].lower().strip("“\"") if before.strip() else ""
    return first in _FRONTING and "," not in before


_CAP_WORDS = re.compile(rf"[{_UPPER}][\w’'.-]*(?:\s+(?:{'|'.join(_NAME_PARTICLES)}\s+)?[{_UPPER}][\w’'.-]*)*")


def _apposition(text: str, end: int) -> str:
    """The role written after a name (and its age): ", chief economist at North Bank,", ", a
    senior mediator with the Vela Service,", ", a Bergen Democrat,", ", a retired postmaster who
    lives ..."; never a relative clause (", who is not related to the union leader,")."""
    words = _set_off_words(text[end:])
    if words and words[0][-2:] in ("’s", "'s") and words[0][:1].isupper():
        words = words[1:]  # "Acme’s chief executive": the role, not Acme
    if not words or words[0].lower() in _RELATIVE or len(words) > MAX_ROLE_WORDS:
        return ""
    return " ".join(words) if _is_role(words) else ""


#: "Tobi Lind, 38, a former researcher who is now its chief technology officer": a relative
#: clause that gives the title someone holds.
_WHO_IS = re.compile(r"^,[^.;“”\"]{0,80}?\bwho (?:is|was|will be|has been|had been) (?:now |also |currently )?((?:its|the|their|his|her|a|an) [^,.;“”\"()]+)")


def _relative_role(text: str, end: int) -> str:
    """The title a relative clause after a name gives ("who is now its chief technology
    officer"), else ""."""
    found = _WHO_IS.match(text[end:])
    if not found:
        return ""
    words = found.group(1).split()
    return " ".join(words) if len(words) <= MAX_ROLE_WORDS and _is_role(words) else ""


#: A role after a name longer than this is a clause, not a title. At 12, ", an astronomer at the
#: Vela Space Science Institute in Bergen and the study’s lead author." was lost (+1 citation at 20).
MAX_ROLE_WORDS = 20
#: A relative clause after a name says what someone does or is not, not their title.
_RELATIVE = frozenset(["who", "whose", "which", "that", "whom"])
_ROLE_PREPOSITIONS = frozenset(["at", "of", "for", "in", "with", "on", "from", "to"])
_AFTER_NAME = re.compile(r"^,\s+(?:\d{1,3},\s+)?")


def _set_off_words(after: str) -> list[str]:
    """The words of the phrase a comma sets off after a name, up to the next comma, semicolon,
    stop, quote or relative word ("a retired postmaster" of ", a retired postmaster who ...")."""
    opened = _AFTER_NAME.match(after)
    if not opened:
        return []
    out: list[str] = []
    for word in after[opened.end() :].split()[: MAX_ROLE_WORDS + 1]:
        if (word.lower() in _RELATIVE and out) or word[:1] in "“\"":
            break
        bare = word.rstrip(",;:")
        if bare != word or (word.endswith(".") and not _ABBREVIATED.search(word)):
            out.append(bare.rstrip(".") if bare == word else bare)
            break
        out.append(word)
    return [w for w in out if w]


#: "U.S.", "Dr.", "St.": a stop that ends a word, not the phrase.
_ABBREVIATED = re.compile(
    r"^(?:[A-Za-z]\.){2,}$|^(?:" + "|".join(["Dr", "Sen", "Rep", "Gov", "Gen", "St", "Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Mt", "Ft", "No", *MONTHS]) + r")\.$"
)


def _is_role(words: list[str]) -> bool:
    """A role's words: a title word before its first preposition, or a word for a person at its head."""
    lowered = [w.lower().strip("(),’'") for w in words]
    if lowered and lowered[0] in ("a", "an", "the"):
        lowered = lowered[1:]
    cut = next((i for i, w in enumerate(lowered) if w in _ROLE_PREPOSITIONS), len(lowered))
    if not cut:
        return False
    return any(w in ROLE_WORDS for w in lowered[:cut]) or lowered[cut - 1] in person_nouns()


def bearer_of(reading: Reading, age: Span) -> Span | None:
    """The person whose name an age follows ("Simone Taafaki, 41"), if any."""
    return next((s for s in reading.spans if s.kind == PERSON and 0 <= age.start - s.end <= 3), None)


def other_kind_of_person(reading: Reading, who: str, kind: str) -> str:
    """The role the sentence gives ``who`` ("ana lind") when it calls them a capitalised kind of
    person other than ``kind`` ("a Democrat on the Vela committee" for "republican"), else ""."""
    asked = set(who.split())
    for span in reading.spans:
        if span.kind != PERSON or not {w.lower() for w in (span.refers or span.text).split()} & asked:
            continue
        for role in span.role.split(";"):
            kinds = [w.lower() for w in role.split() if w[:1].isupper() and w.lower() in person_nouns()]
            if kinds and kinds[-1] != kind and same_kind_of_person(kinds[-1], kind):
                return role.strip()  # "a Democrat" answers "a Republican?", not "a Catholic?"
    return ""


def speaks(text: str) -> bool:
    """Whether a sentence quotes or reports someone's words."""
    return bool(re.search(_SAID, text) or _QUOTE.search(text))


def _speaker(text: str, spans: Sequence[Span]) -> str | None:
    """The person a quoted or reported sentence is attributed to, when it names them."""
    if not speaks(text):
        return None
    quoted = [m.span() for m in _QUOTE.finditer(text)]
    people = [s for s in spans if s.kind == PERSON and not _inside(s.start, quoted)]
    if not people:
        return None  # "“I am sad for Ana,” she said": Ana is spoken of, not speaking
    said = [m.span() for m in re.finditer(_SAID, text)]
    if not said:
        best = people[-1]
        return best.refers or best.text
    attached = _attached(text, people, said)
    if not attached and any(_AND_SAID.search(text[max(0, a - 20) : a]) for a, _ in said) and _opens(text, people[0]):
        return people[0].refers or people[0].text  # "Ruiz scheduled a hearing and said ...": the subject
    if not attached:
        return None  # "organizers said", "X said Y had ...": Y is spoken of; the role rule may find who
    best = min(attached, key=lambda p: attached[p])
    return best.refers or best.text


#: How far (in characters) a speaker may stand from the verb of saying: an apposition's length.
MAX_SPEAKER_GAP = 160
#: How long a speaker's name may be for the search before a verb of saying to reach its start.
SPEAKER_NAME_CHARS = 60


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``at`` falls inside one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(spans, (at, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _attached(text: str, people: list[Span], said: list[tuple[int, int]]) -> dict[Span, int]:
    """The people a verb of saying attributes words to, each with its distance to the nearest
    such verb. Only the people within an apposition's length of a verb are looked at, so a
    hostile sentence of thousands of names costs little."""
    starts = [p.start for p in people]
    out: dict[Span, int] = {}
    for verb in said:
        lo = bisect_left(starts, verb[0] - MAX_SPEAKER_GAP - SPEAKER_NAME_CHARS)
        hi = bisect_right(starts, verb[1] + MAX_SPEAKER_GAP)
        for person in people[lo:hi]:
            if _says(text, person, verb):
                out[person] = min(out.get(person, 1 << 30), abs(person.start - verb[0]))
    return out


#: What may stand between a speaker and the verb of saying: where or whom they are from ("Ruiz
#: of Texas said"), an apposition (", her coach,") and an adverb or auxiliary ("Ruiz also said").
_SPEAKER_GAP = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of|for|and|the|[A-Z][\w.’'-]*))*\s*)?"  # "of the University of Oslo"
    r"(?:,[^“”\"]*,|,)?\s*(?:who\s+)?(?:(?:also|later|then|again|has|had|have|once|previously|\w+ly)\s+)?$"
)
#: What may follow "said Ana Ruiz": the sentence's end, or her apposition (", the governor.").
_AFTER_INVERTED = re.compile(r"^\s*(?:[,.;:!?”\"]|$)")


#: "... and said", "... but said": the verb of saying shares the sentence's subject.
_AND_SAID = re.compile(r"\b(?:and|but)\s+(?:also\s+)?$")


def _opens(text: str, person: Span) -> bool:
    """Whether ``person`` is the sentence's subject: named before any plain word but one
    ("The governor", "Sen. Ana Ruiz, a Democrat, ...")."""
    return sum(1 for w in text[: person.start].split() if w[:1].islower()) <= 1


def _says(text: str, person: Span, verb: tuple[int, int]) -> bool:
    """Whether ``person`` is who the verb of saying at ``verb`` attributes the words to:
    "Ruiz, her coach, said", "said Ruiz." (not "Berg said Ruiz had ...")."""
    if person.end <= verb[0]:
        return verb[0] - person.end <= MAX_SPEAKER_GAP and bool(_SPEAKER_GAP.match(text[person.end : verb[0]]))
    if person.start >= verb[1]:
        if person.start - verb[1] > MAX_SPEAKER_GAP:
            return False
        between = text[verb[1] : person.start].split()
        title = set(person.role.lower().split())  # "said union president Ana Ruiz"
        titled = all(w[:1].isupper() or w.lower() in ROLE_WORDS | title for w in between) and len(between) <= 3
        return titled and bool(_AFTER_INVERTED.match(text[person.end :]))  # "said Dr. Ruiz, 29."
    return False
