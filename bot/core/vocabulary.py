"""General English vocabulary the reading of articles and questions needs.

Nothing here belongs to one article: these are the closed classes of newswriting (days,
months, the nouns that make a capitalised run an organisation or a place, role nouns that
make it a title) and the dictionary words of English (SCOWL, ``data/english-words.txt.gz``),
which tell an ordinary word from a name.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from bot.core.lexicon import STOPWORDS, english_words, places


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
CALENDAR = frozenset(WEEKDAYS) | frozenset(m.lower() for m in MONTHS)
MONTH_NUMBER = {m.lower(): i % 12 + 1 for i, m in enumerate(MONTHS[:12])} | {
    m.lower(): n for m, n in zip(MONTHS[12:], (1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12), strict=True)
}
#: Month number -> the ways a text writes it ("feb", "february").
MONTH_NAMES = {n: tuple(name for name, m in MONTH_NUMBER.items() if m == n) for n in range(1, 13)}

#: Head nouns that make a capitalised run the name of an organisation.
ORGANISATION_WORDS = _words(
    """
    agency agencies association authority bank banks board bureau cabinet centre center centres centers chamber
    club coalition college commission committee company congress corporation corp council court
    department desk directorate division fed federation force forces foundation fund government
    group guard hospital hospitals house inc institute institution league ltd ministry museum
    network office organisation organization parliament party police press reserve securities
    senate service services society survey system team tribunal union university administration
    airlines airline times post journal news associated co act store stores lab labs aerospace
    motors robotics technologies industries holdings alliance partners pharmaceuticals pharma
    therapeutics biologics biosciences semiconductor semiconductors pictures films studios media
    advisory capital financial bancorp insurance assurances terminals logistics shipping airways
    air hydro systems ventures energy railroad railway railways school schools academy exchange
    fc afc
    """
)
#: Nouns that make a capitalised run a place.
PLACE_WORDS = _words(
    """
    province state county city district region island islands mountain mountains mount river
    valley bay coast sea ocean lake park street avenue road square area territory peninsula
    airport port harbour harbor village town gulf strait straits canal desert forest cape
    point falls bend crossing arena stadium heights springs beach creek reservoir
    """
)
#: Role nouns: before a name they are its title ("Governor Ana Ortiz").
ROLE_WORDS = _words(
    """
    minister president vice prime governor senator sen rep representative lawmaker mayor chief
    director spokesman spokeswoman spokesperson secretary chairman chairwoman chairperson chair
    ambassador envoy judge justice prosecutor attorney officer commissioner inspector
    superintendent general gen col colonel lt lieutenant capt captain sgt sergeant adm admiral
    commander dr doctor prof professor economist analyst executive ceo cfo cto ciso founder
    manager head leader king queen prince princess pope bishop rev mr mrs ms coach
    administrator deputy assistant treasurer strategist scientist engineer researcher nurse
    councillor councilor speaker premier chancellor mp counsel gov supt insp pres
    sheriff marshal detective trooper warden constable pastor rabbi imam reverend provost
    comptroller controller auditor clerk magistrate consul councilman councilwoman congressman
    congresswoman assemblyman assemblywoman alderman supervisor corporal cpl
    """
)

#: Verbs of leading: "who runs the museum?" is answered by the sentence giving its director.
LEADING_VERBS = frozenset(["run", "runs", "lead", "leads", "head", "heads", "chair", "chairs", "manage", "manages", "direct", "directs", "oversee", "oversees", "helm", "command", "coach", "coaches"])


#: Titles written short before a name, with the word a question uses for them.
TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "dr": "doctor",
    "prof": "professor", "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
    "adm": "admiral", "supt": "superintendent", "insp": "inspector", "pres": "president",
}  # fmt: skip
_TITLE_ABBREVIATION = re.compile(r"\b(" + "|".join(TITLE_ABBREVIATIONS) + r")\.", re.IGNORECASE)


def spelled_titles(role: str) -> str:
    """A role with its short titles spelled out too: "U.S. Sen." -> "U.S. Sen. senator"."""
    found = [TITLE_ABBREVIATIONS[m.group(1).lower()] for m in _TITLE_ABBREVIATION.finditer(role)]
    return f"{role} {' '.join(found)}" if found else role


def is_common_word(word: str) -> bool:
    """True for an ordinary English word: a dictionary word or a function word."""
    return word in STOPWORDS or word in english_words() or (len(word) <= 3 and word.isalpha() and word in _SHORT)


_SHORT = _words(
    """
    a an the and or of in on at to by for as is are was be it its we he she they you i me my
    our us his her him new old big top set cut low end year day war law age job pay tax oil gas
    """
)


@cache
def country_names() -> frozenset[str]:
    """Countries, their adjectives and the world's major cities (``data/ko-places.tsv``)."""
    text = resources.files("bot.core").joinpath("data/ko-places.tsv").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        out.update(name.strip() for name in line.split("\t", 1)[1].split("|") if name.strip())
    return frozenset(out)


@cache
def place_names() -> frozenset[str]:
    """Countries, states, provinces, cities and their peoples, lower case: WordNet's places
    (``data/places.txt.gz``) and the English side of ``data/ko-places.tsv``."""
    return frozenset(places()) | country_names()
