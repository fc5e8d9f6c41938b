"""General English knowledge the matcher needs, independent of any one report.

Report-specific names, abbreviations and synonyms live with each report's fact base
(``knowledge/<report>/report.yaml``); this module holds only what is true of English.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _names(text: str) -> frozenset[str]:
    """Comma-separated names, each possibly of several words."""
    return frozenset(" ".join(name.split()) for name in text.split(",") if name.strip())


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

#: Opposites a yes/no question may get wrong ("did kidnappings fall?" is answered by "they soared").
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

#: Synonym groups of general English; the first phrase of each group is its canonical form.
# fmt: off
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("lead", "leads", "leader", "led", "head", "heads", "heading", "headed", "in charge",
     "charge of", "chief", "helm", "command", "commands", "commanding", "running", "boss",
     "bosses", "in command"),
    ("participate", "take part", "taking part", "takes part", "took part", "join", "joins",
     "joining", "involved", "involve", "participant", "participants", "participating"),
    ("depart", "leave", "leaves", "leaving", "departure", "set off", "head out", "set out",
     "dispatched", "dispatch", "send", "sent", "sending", "bound for", "on the way to",
     "on their way to"),
    ("agency", "agencies", "organisation", "organisations", "organization", "organizations",
     "body", "bodies", "institution", "institutions", "authority", "authorities"),
    ("rise", "rose", "increase", "increased", "soar", "soared", "jump", "jumped", "grow", "grew",
     "growth", "surge", "surged", "climb", "climbed", "spike", "spiked", "go up", "went up",
     "risen", "rising", "boost", "boosted", "boosting", "ramp up", "ramped up", "expand",
     "expanded"),
    ("criticize", "criticise", "criticism", "critic", "critics", "slam", "slammed", "attack",
     "attacked", "blast", "blasted", "fault", "faulted", "complain", "complained", "mad", "angry",
     "upset", "unhappy", "furious", "annoyed", "displeased", "find fault", "found fault",
     "finds fault"),
    ("blame", "blamed", "blames", "accuse", "accused", "accuses", "accusation", "responsible",
     "point fingers", "pointing fingers", "pointed fingers", "point the finger",
     "pointing the finger", "finger pointing", "pin on", "pinned on", "pins on",
     "hold responsible", "held responsible", "holds responsible", "holding responsible"),
    ("victim", "victims"),
    ("trick", "tricks", "tricked", "lure", "lured", "lures", "luring", "deceive", "deceived",
     "fool", "fooled", "entice", "enticed", "bait", "scam", "scammed", "con", "conned", "recruit",
     "recruited", "recruits", "attract", "attracted", "attracts", "draw in", "drawn in"),
    ("kill", "killed", "murder", "murdered", "death", "dead", "die", "died", "slain"),
    ("find", "found", "discover", "discovered"),
    ("police", "cop", "cops", "policeman", "policemen", "officer", "officers", "police officer",
     "police officers"),
    ("job", "jobs", "work", "employment", "career", "careers"),
    ("role", "roles", "job title", "title", "position", "positions", "rank", "occupation",
     "profession"),
    ("mean", "means", "stand for", "stands for", "short for", "abbreviation", "acronym", "meaning",
     "full name", "full form"),
    ("fake", "false", "bogus", "phony", "phoney", "sham"),
    ("want", "wants", "wanted", "call for", "called for", "calls for", "demand", "demanded",
     "urge", "urged", "seek", "sought", "ask", "asked", "hope", "hopes", "hoped", "expect",
     "expects", "encourage", "encouraged", "encourages", "order", "ordered", "orders", "instruct",
     "instructed", "instructs", "direct", "directed"),
    ("gang", "gangs", "syndicate", "syndicates", "mob", "cartel", "ring", "rings",
     "criminal organisation", "criminal organization", "criminal group", "criminal groups"),
    ("government", "govt", "gov", "administration"),
    ("meeting", "meet", "met", "session"),
    ("citizen", "citizens", "compatriot", "compatriots"),
    ("summon", "summoned", "summons", "call in", "called in", "calls in", "haul in", "hauled in",
     "summoning"),
    ("reduce", "reduced", "cut", "cuts", "slash", "slashed", "decrease", "decreased", "lower",
     "lowered", "shrink", "shrank", "drop", "dropped", "fall", "fell", "decline", "declined",
     "fewer", "less"),
    ("ignore", "ignored", "ignoring", "dismiss", "dismissed", "turn down", "turned down", "reject",
     "rejected"),
    ("neglect", "neglected", "neglecting", "overlook", "overlooked", "disregard", "disregarded"),
    ("reason", "reasons", "cause", "caused", "prompt", "prompted", "trigger", "triggered",
     "led to"),
    ("average", "typical", "usually", "normally", "typically"),
    ("torture", "tortured", "torturing", "abuse", "abused", "beaten", "beat"),
    ("indict", "indicted", "indictment", "charge", "charged", "prosecute", "prosecuted",
     "accused of"),
    ("detain", "detained", "detention", "detentions", "captive", "captivity", "imprison",
     "imprisoned", "confined", "confine", "held captive", "held hostage",
     "held against their will", "holding captive", "captives", "trap", "trapped", "stuck",
     "stranded", "kept", "keep", "keeping"),
    ("return", "returned", "repatriate", "repatriated", "repatriation", "bring back", "bring home",
     "come home", "go home", "back home", "rescue", "rescued", "evacuate", "evacuation"),
    ("raise", "raised", "upgrade", "upgraded", "upgrading", "heighten", "heightened", "elevate",
     "elevated", "strengthen", "toughen", "toughened", "tougher", "tighten", "tightened",
     "stricter", "higher", "beef up", "beefing up", "beefed up", "bolster", "bolstered",
     "reinforce", "reinforced", "stronger", "strengthened", "strengthening"),
    ("alert", "alerts", "warning", "warnings", "advisory", "advisories"),
    ("spokesman", "spokesperson", "spokeswoman", "spokesmen", "spokespeople"),
    ("lawmaker", "lawmakers", "legislator", "legislators", "mp", "mps", "congressman",
     "congresswoman", "assemblyman", "assemblywoman", "politician", "politicians"),
    ("number", "numbers", "count", "figure", "figures", "total", "tally", "statistics", "stats",
     "data", "amount", "rate", "how many"),
    ("crime", "crimes", "criminal", "offence", "offences", "offense", "offenses"),
    ("student", "students", "undergraduate", "undergrad", "uni student", "college student"),
    ("mission", "missions", "trip", "visit"),
    ("task force", "taskforce", "team", "response team", "joint response team", "delegation",
     "group", "groups"),
    ("ministry", "ministries", "department", "departments"),
    ("say", "said", "says", "statement", "told", "tell", "remark", "remarks", "comment",
     "comments", "claim", "claimed", "argue", "argued", "announce", "announced", "quote", "quoted",
     "quotes", "cite", "cited", "citing", "deliver", "delivered", "delivers", "speak", "spoke",
     "spoken", "speaking", "speaks", "brief", "briefed", "briefing"),
    ("previous", "previously", "earlier", "prior", "past", "former", "formerly", "predecessor",
     "predecessors"),
    ("president", "presidential", "presidency", "presidents"),
    ("expedite", "expedited", "speed up", "sped up", "speeding up", "accelerate", "accelerated",
     "hasten", "fast-track", "fast track", "quicken", "quickly"),
    ("area", "areas", "part", "parts", "zone", "zones", "district", "districts", "spot", "spots",
     "region", "regions"),
    ("nation", "nations", "country", "countries"),
    ("begin", "began", "begun", "beginning", "start", "started", "starts", "starting", "commence",
     "commenced", "kick off", "kicked off"),
    ("response", "respond", "responded", "responds", "responses", "reply", "replied", "react",
     "reacted", "reaction", "reactions"),
    ("risk", "risks", "at risk", "endanger", "endangering", "endangered", "danger", "dangerous",
     "jeopardize", "jeopardise", "jeopardizing", "threaten", "threatening", "imperil"),
    ("discuss", "discussed", "discusses", "discussing", "discussion", "bring up", "brought up",
     "talk about", "talked about", "talks about", "debate", "debated", "raise the issue",
     "raised the issue", "raises the issue", "bring up the issue"),
    ("launch", "launched", "launching", "launches", "open", "opens", "opened", "opening", "set up",
     "sets up", "setting up", "establish", "established", "establishing", "establishment",
     "create", "created", "creating", "begin operating"),
    ("fail", "failed", "failing", "fails", "failure", "failures"),
    ("operation", "operations", "business", "businesses", "scheme", "schemes", "racket", "rackets",
     "enterprise", "enterprises", "industry"),
    ("high-profile", "highly publicized", "highly publicised", "widely publicized",
     "widely publicised", "well-known", "prominent", "notorious", "widely reported",
     "media attention", "attention", "publicity", "coverage", "widely covered"),
    ("year", "years", "yr", "yrs"),
    ("mountain", "mountains", "mtn", "mount"),
    ("oversee", "oversees", "overseeing", "oversaw", "supervise", "supervising", "supervision",
     "coordinate", "coordinating", "coordination"),
    ("reporter", "reporters", "press", "journalist", "journalists", "media", "newsmen"),
    ("consult", "consulting", "consultation", "consultations", "confer", "conferring", "work with",
     "talk with", "talks with", "liaise"),
    ("capability", "capabilities", "capacity", "capacities", "ability", "abilities", "readiness"),
    ("station", "stationed", "stationing", "posted", "deploy", "deployed", "deploying",
     "deployment", "dispatch officers"),
    ("consider", "considering", "considered", "weigh", "weighing", "mull", "mulling",
     "contemplate", "contemplating", "think about", "thinking about", "look into", "looking into",
     "review", "reviewing"),
    ("prevent", "prevention", "preventing", "avoid", "avoiding", "stop", "stopping", "deter",
     "curb", "curbing"),
    ("damage", "harm", "harms", "losses", "casualties", "suffering"),
    ("regular", "permanent", "standing", "routine", "ongoing", "formal"),
    ("system", "systems", "mechanism", "mechanisms", "framework", "frameworks", "arrangement",
     "channel", "channels"),
    ("reach", "reached", "reaches", "hit", "hits", "amount to", "amounted to", "total of"),
    ("case", "cases", "incident", "incidents", "instance", "instances"),
    ("link", "linked", "links", "connected", "connection", "connections", "tied", "ties",
     "related", "relation", "behind"),
    ("large-scale", "massive", "huge", "major", "big", "sprawling", "extensive", "large"),
    ("illegal", "unlawful", "illicit", "underground"),
    ("force", "forced", "forces", "forcing", "made to", "compelled", "coerced", "coerce",
     "pressured"),
    ("rash", "spate", "string", "series", "wave", "flurry"),
    ("handle", "handles", "handled", "handling", "deal with", "deals with", "dealing with",
     "dealt with", "tackle", "tackling", "address", "addressing", "addressed", "solve", "fix",
     "combat", "manage", "managing"),
    ("target", "targets", "targeted", "targeting", "aimed at", "prey on", "preying on"),
    ("important", "crucial", "vital", "essential", "top", "primary", "paramount", "foremost"),
    ("responsibility", "responsibilities", "duty", "duties", "obligation", "obligations"),
    ("full-scale", "all-out", "comprehensive", "sweeping", "whole-of-government"),
    ("local", "on-the-ground", "on the ground", "in-country"),
    ("fill", "filling", "filled", "appoint", "appointing", "appointed", "staff up"),
    ("reveal", "revealed", "reveals", "disclose", "disclosed", "emerge", "emerged", "uncover",
     "uncovered", "expose", "exposed", "come to light", "came to light"),
    ("request", "requests", "requested", "appeal", "appeals", "plea", "pleas"),
    ("real", "genuine", "legitimate", "authentic", "legit"),
    ("praise", "praised", "praises", "commend", "commended", "applaud", "applauded", "welcome",
     "welcomed", "satisfied", "pleased", "happy", "content"),
    ("release", "released", "free", "freed", "freeing", "let go", "set free", "escape", "escaped"),
    ("offer", "offers", "offered", "offering", "promise", "promised", "promises", "promising"),
    ("age", "aged", "teenager", "teenagers", "teen", "teens", "year old", "years old", "year-old"),
    ("transnational", "cross-border", "cross border", "across borders", "international",
     "internationally"),
)
# fmt: on

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

#: Countries, their people and major cities: a question about a place the report never names
#: ("kidnappings in Laos") is about something else, however well its other words match.
PLACES = _names(
    """
    afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
    azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin, bhutan,
    bolivia, bosnia, botswana, brazil, brunei, bulgaria, burkina faso, burundi, cambodia,
    cameroon, canada, chile, china, colombia, comoros, congo, costa rica, croatia, cuba,
    cyprus, czechia, czech republic, denmark, djibouti, dominica, ecuador, egypt, el salvador,
    eritrea, estonia, eswatini, ethiopia, fiji, finland, france, gabon, gambia, georgia,
    germany, ghana, greece, grenada, guatemala, guinea, guyana, haiti, honduras, hungary,
    iceland, india, indonesia, iran, iraq, ireland, israel, italy, jamaica, japan, jordan,
    kazakhstan, kenya, kiribati, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho,
    liberia, libya, liechtenstein, lithuania, luxembourg, madagascar, malawi, malaysia,
    maldives, mali, malta, mauritania, mauritius, mexico, micronesia, moldova, monaco, mongolia,
    montenegro, morocco, mozambique, myanmar, burma, namibia, nauru, nepal, netherlands,
    holland, new zealand, nicaragua, niger, nigeria, north korea, dprk, norway, oman, pakistan,
    palau, palestine, panama, paraguay, peru, philippines, poland, portugal, qatar, romania,
    russia, rwanda, samoa, san marino, saudi arabia, senegal, serbia, seychelles, sierra leone,
    singapore, slovakia, slovenia, somalia, south africa, south korea, korea, spain, sri lanka,
    sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand, timor,
    togo, tonga, trinidad, tunisia, turkey, turkiye, turkmenistan, tuvalu, uganda, ukraine,
    united arab emirates, uae, united kingdom, uk, britain, great britain, england, scotland,
    wales, united states, usa, america, uruguay, uzbekistan, vanuatu, vatican, venezuela,
    vietnam, viet nam, yemen, zambia, zimbabwe, hong kong, macau, europe, africa, asia, afghan,
    american, argentine, australian, austrian, bangladeshi, belgian, brazilian, british,
    burmese, cambodian, canadian, chilean, chinese, colombian, cuban, danish, dutch, egyptian,
    filipino, finnish, french, german, greek, indian, indonesian, iranian, iraqi,
    irish, israeli, italian, japanese, korean, laotian, lao, malaysian, mexican, mongolian,
    nepali, nepalese, nigerian, north korean, norwegian, pakistani, philippine, polish,
    portuguese, russian, saudi, singaporean, south korean, spanish, swedish, swiss, syrian,
    taiwanese, thai, turkish, ukrainian, vietnamese, khmer, seoul, busan, incheon, daegu,
    gwangju, jeju, pyongyang, phnom penh, siem reap, sihanoukville, battambang, poipet, kampot,
    bokor, tokyo, osaka, beijing, shanghai, shenzhen, guangzhou, taipei, manila, bangkok,
    pattaya, hanoi, ho chi minh city, saigon, vientiane, yangon, naypyidaw, kuala lumpur,
    jakarta, bali, singapore, delhi, new delhi, mumbai, dhaka, karachi, dubai, abu dhabi, doha,
    riyadh, tehran, baghdad, istanbul, ankara, moscow, kyiv, kiev, berlin, paris, london, rome,
    madrid, lisbon, amsterdam, brussels, vienna, geneva, zurich, stockholm, oslo, warsaw,
    prague, athens, cairo, lagos, nairobi, johannesburg, washington, new york, los angeles,
    chicago, san francisco, toronto, vancouver, ottawa, mexico city, sydney, melbourne,
    canberra, auckland, united nations, european union, eu, asean, nato, interpol, world bank,
    imf, unicef, unhcr, red cross, amnesty international, human rights watch
    """
)


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words of four letters or more (SCOWL via Debian's wamerican; see
    ``data/english-words.COPYRIGHT``): a real word is never "repaired" into another one."""
    data = resources.files("bot.core").joinpath("data/english-words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())
