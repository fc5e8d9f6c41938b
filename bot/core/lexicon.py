"""General English knowledge the matcher needs, independent of any one report.

Report-specific names, places, bodies and synonyms live with each report's fact base
(``knowledge/<report>/report.yaml``); this module holds only what is true of English: closed
word classes (stop words, days, number words), and lists built by scripts from published
resources (places from WordNet, the dictionary words of SCOWL). Synonyms in general come from
WordNet (``bot.core.lexical``); ``tests/test_general_data.py`` checks that no file here holds a
word of a shipped or test article.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from bot.core.lexical.wordsets import WordSet, word_set


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that carry no topic: function words, question fillers and chat politeness.
STOPWORDS = _words(
    """
    a able about above actually again all also although always am among an and another answer
    any anybody anyone anything anyway apart approximately are around article as at basically be
    because been being believe believed believes below besides bot both but by can concerning
    could curious currently d describe did do does doing done down during each either else even
    ever every everybody everything exactly except explain feel feels few for from further get
    give got guess had happen happened happening happens has have having he hello her here hers
    hey hi him his how hows i if in include included includes including into is it it's its just
    kind know let lets like ll lot lots m made make makes many may me might mine more most much
    must my neither never news no nor not nothing now of off often ok okay on once one ones only
    onto or other our ours out over own people per person persons please pls plz precisely
    question questions quick re really recently regarding report reportbot roughly s same saying
    seem seems shall she should so some somebody someone something sometimes sort specifically
    still story stuff such t than thank thanks that the their theirs them then there these they
    thing things think thinks this those though thought to today too type under until up upon us
    ve very via was we were what whats when where wheres whether which while who whom whos whose
    why whys will with within without wonder wondering would yes yet you your yours
    thinking according accordingly go goes went gone going come comes came ppl guys folks vs
    versus name names named called call so far wat wot wht r u ur ya da wats whatre well extra
    additional against end ended ends before after true correct accurate fact help try tries tried trying attempt attempts along kinds types
    sorts helping helps helped rn tbh btw idk wich whcih waht whta teh hte thier whole entire
    become becomes became saw see seen seeing
    """
)

#: Words that frame a question without choosing its topic ("provide", "compare", "which day"):
#: they count, but only a little, whether or not the fact base uses them.
LIGHT_WORDS = _words(
    """
    provide provides provided providing face faces faced facing compare compared comparison
    add adds added adding talk talks talked talking cover covers covered span spans
    mention mentions mentioned decision decisions decide decided situation issue issues matter
    detail details info information update updates latest status day days date dates time times
    month months week weeks happen happens happened latest current currently exact specific
    overall main key city cities town towns place places location locations based located
    situated headquartered bad problem problems serious severe widespread common period role
    reason change changed changes file filed
    bring brings brought back grant granted step steps hold holds act acts acting crisis plan plans
    planned planning belong belongs belonged affiliated affiliation describe
    described outline outlined propose proposed measure measures aspect side
    right historical rationale young officials use used uses using behavior behaviour treat
    treated treatment dedicated purpose purposes aim goal point meant citizenship form factor
    stated hand hands presence headline headlines apparently
    """
)

#: Words for roles: "the minister's summons" is not something a place or a name owns.
ROLE_WORDS = _words(
    """
    minister ministry president spokesman spokesperson spokeswoman lawmaker chairperson chair
    chairman chairwoman ambassador envoy prosecutor official leader head chief member rep
    representative officer secretary director commander
    """
)

#: Opposites a yes/no question may get wrong ("did prices fall?" is answered by "they soared").
ANTONYMS: tuple[tuple[str, str], ...] = (
    ("rise", "reduce"),
    ("ignore", "want"),
    ("previous", "next"),
    ("criticize", "praise"),
    ("detain", "release"),
)

#: Days and months: never "repaired" into one another ("thursday" is not a typo of "tuesday").
CALENDAR_WORDS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    """
)


NUMBER_WORDS = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
}

#: Function words of other languages written in Latin script; two of them and no English one
#: mark a question the bot cannot read.
FOREIGN_FUNCTION_WORDS = _words(
    """
    as avec che chi com combien comment como con cuando cuantas cuantos cuándo cuántos dans das
    del della der des di die donde dove du dónde ein eine el es est esta estan fue gli il ist la
    las le les lo los mit nel nicht não o onde os para pas perché por porque pour pourquoi quand
    quando quanti quantos que quem qui quien quién quoi qué sind son sono sont um uma un una
    unas und une unos wann warum wer wie wieviele wo
    """
)


@cache
def places() -> frozenset[str]:
    """Countries, their peoples, states, cities and international bodies, lower case: a question
    about a place the report never names ("the floods in Laos") is about something else.

    Built by ``scripts/build_places.py`` from WordNet 3.0 (the instances of countries, cities,
    states, continents... and their adjectives; licence ``data/wordnet.LICENSE``) into
    ``data/places.txt.gz``. A report adds its own local places in its ``report.yaml``
    (``report: places:``)."""
    data = resources.files("bot.core").joinpath("data/places.txt.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def english_words() -> WordSet:
    """Lower-case English words of four letters or more (SCOWL via Debian's wamerican; see
    ``data/english-words.COPYRIGHT``): a real word is never "repaired" into another one."""
    data = resources.files("bot.core").joinpath("data/english-words.txt.gz").read_bytes()
    return word_set(gzip.decompress(data).decode("ascii").split())  # 63,000 words: see wordsets
