"""Reading a Korean question into what the English core matches: its kind and its content words.

Each space-separated word is cut, by the cheapest cover of its syllables, into lexicon words
(nouns, and compounds of them: 금리인하 = 금리 + 인하), question words, at most one verb form at
its end (a whole conjugated verb, or 하다/되다/받다 after a noun: 출발한대 = 출발 + 한대), and a
tail of particles and copula endings (경찰청이, 만장일치였음). What no entry covers is an unknown
word; unknown words that do not look like verbs are kept as possible names, romanised for
matching by sound. Latin-script words and numbers (with Korean units: 2024년, 8월, 50만, 1.8%)
are kept apart.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from bot.core.korean._util import wordlist
from bot.core.korean.grammar import PARTICLES
from bot.core.korean.lexicon import LIGHT_VERBS, Lexicon, lexicon
from bot.core.korean.names import name_keys, surnames
from bot.core.korean.romanize import decompose

log = logging.getLogger(__name__)

KINDS = (
    "who",
    "when",
    "where",
    "how_many",
    "how_much",
    "why",
    "what",
    "which",
    "yes_no",
    "said",
    "definition",
)

#: Question words → the kind they ask for (refined in ``_kind``).
QUESTION_WORDS: dict[str, str] = {
    "누구": "who", "누가": "who", "누군": "who", "누군가": "who", "누구누구": "who", "누굴": "who",
    "언제": "when", "며칠": "when", "언제쯤": "when",
    "어디": "where", "어디서": "where", "어딘": "where", "어딜": "where",
    "몇": "how_many", "얼마나": "how_many", "얼마": "how_much", "얼만": "how_much", "금액": "how_much",
    "왜": "why", "어째서": "why", "웬": "why",
    "뭐": "what", "뭘": "what", "무엇": "what", "머": "what", "뭔": "what", "뭔가": "what", "무슨": "what",
    "어느": "which", "어떤": "which", "어떨": "what",
    "어떻게": "what", "어케": "what", "어때": "what", "어땠": "what", "어떡": "what",
}  # fmt: skip

#: Words that carry grammar or tone only: determiners, adverbs of degree, conjunctions.
FUNCTION_WORDS = frozenset(
    wordlist(
        """
    그 이 저 그런 이런 저런 요런 그거 이거 저거 그게 이게 그건 이건 그걸 이걸 더 덜 좀 잘 많이 다 또 같이
    함께 정말 진짜 너무 아주 매우 제일 가장 되게 엄청 이제 벌써 아직 혹시 대체 도대체 그냥 약 대략 거의
    한 두 세 네 다섯 것 거 건가 때 등 및 또는 그리고 그런데 근데 그래서 하지만 그러면 그럼 대해 대해서
    대한 대하여 관해 관해서 관한 위해 위한 위해서 통해 따라 따르면 의하면 혹은 만약 아마 정도 쯤 씩
    제발 그래도 과연 막 딱 꼭 바로 따로 각각 서로 모두 전부 계속 다시 방금 얼른 빨리 요 네 응 아
    """
    )
)

#: Counting units after 몇 or a number: what a count is of.
COUNTERS: dict[str, str] = {
    "건": "case", "명": "people", "개": "piece", "번": "time", "곳": "place", "차례": "time",
    "가지": "kind", "살": "age", "세": "age", "마리": "animal", "대": "vehicle", "척": "ship",
    "회": "time", "차": "round", "군데": "place", "분": "people", "채": "house", "통": "call",
    "시": "hour", "초": "second", "개월": "month", "년": "year", "시간": "hour", "주일": "week",
}  # fmt: skip
_PERCENT_UNITS = frozenset({"%", "프로", "퍼센트", "포인트"})
#: Nouns of no topic: their English is not a search term (것 thing, 수 number, 정도 extent).
STOP_NOUNS = frozenset(wordlist("것 거 수 등 정도 데 바 뿐 줄 적 때 중 측 쪽"))
#: A bare noun question ending in one of these asks for an amount (금리인하 폭? → how much).
AMOUNT_NOUNS = frozenset(
    wordlist("폭 규모 금액 가격 비용 비율 요금 액수 수치 수준 얼마 상승률 증가율 감소율")
)
COUNT_NOUNS = frozenset(wordlist("수 숫자 건수 인원 인구"))
#: One-syllable tails that are particles or copula endings but also end many names (김지나, 샌드라).
_AMBIGUOUS_TAILS = frozenset(wordlist("나 라 야 네 래 란 지 고 다 면 아 이"))
#: Native numerals before a counted noun (한 달 a month, 두 해 two years).
_NATIVE_NUMERALS = frozenset(wordlist("한 두 세 네 다섯 여섯 일곱 여덟 아홉 열"))
#: Nouns whose sense after a numeral is a unit of time (달 moon|month → month).
_COUNTED_SENSES: dict[str, tuple[str, ...]] = {"달": ("month",), "해": ("year",), "주": ("week",)}
_TIME_UNITS = frozenset({"시", "월", "년도", "일", "요일", "시간"})
MONTHS = wordlist("January February March April May June July August September October November December")
_MULTIPLIERS = {"만": 10_000, "억": 100_000_000, "조": 1_000_000_000_000, "천": 1_000, "백": 100}
_NUMBER_UNITS = wordlist(
    "년도 년 월 일 명 건 개 번 곳 살 세 시 분 퍼센트 프로 달러 원 위 차례 가지 배 주 개월 주년 회 대"
)

_TOKEN = re.compile(
    r"(?P<latin>[A-Za-z][A-Za-z0-9&'.\-]*[A-Za-z0-9]|[A-Za-z])"
    r"|(?P<number>\d+(?:[.,]\d+)*)(?P<pct>\s?%)?"
    r"|(?P<hangul>[\uac00-\ud7a3]+)"
    r"|(?P<percent>%)"
)
_QUESTION_END = re.compile(r"[?？]\s*$")
#: Endings that say a clause is a predicate (a yes/no question when no question word is asked).
_PREDICATE_ENDS = (
    "나요", "니", "냐", "어", "아", "야", "지", "죠", "음", "임", "함", "까", "요", "대", "래", "나", "네", "냐고",
    "다", "고", "게",
)  # fmt: skip


@dataclass(frozen=True)
class Piece:
    kind: str  # noun | verb | question | function | unknown | particle
    text: str  # the Korean text covered
    key: str = ""  # lexicon entry: the noun, the verb stem, the question word


@dataclass(frozen=True)
class KoreanQuestion:
    """What a Korean question asks, in terms the English core knows.

    ``english_terms`` lists every English alternative of every content word, question order;
    ``alternatives`` keeps them per Korean word. ``numbers`` are normalised (2024년 → "2024",
    8월 → "August", 50만 → "500000", 1.8% → "1.8%"); ``wants_count`` and ``count_unit`` say that a
    count is asked (몇 건 → True, "case"). ``names`` are the Korean words that may be names, and
    ``names_romanised`` their romanised keys (see ``names.name_keys``), most likely first.
    """

    text: str
    kind: str
    english_terms: tuple[str, ...]
    alternatives: tuple[tuple[str, tuple[str, ...]], ...]
    latin_words: tuple[str, ...]
    numbers: tuple[str, ...]
    names: tuple[str, ...]
    names_romanised: tuple[str, ...]
    unknown: tuple[str, ...]
    wants_count: bool = False
    count_unit: str | None = None
    negated: bool = False
    question_words: tuple[str, ...] = ()
    pieces: tuple[Piece, ...] = field(default=(), repr=False, compare=False)

    @property
    def alternatives_keys(self) -> frozenset[str]:
        """The Korean content words read."""
        return frozenset(k for k, _ in self.alternatives)

    @property
    def mapping(self) -> dict[str, tuple[str, ...]]:
        """Korean content word → its English alternatives."""
        return dict(self.alternatives)


_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def is_korean(text: str) -> bool:
    """Whether ``text`` has any Hangul syllable (a Korean word), whatever else it has."""
    return bool(_HANGUL.search(unicodedata.normalize("NFC", text)))


#: Nouns for people: "how many" when 얼마나 follows them (피해자 얼마나 돼?).
_PEOPLE = frozenset(wordlist("사람 사람들 인원 주민 시민 국민 학생 환자 이재민 시위대 관광객 회원 직원"))


def _is_people(noun: str) -> bool:
    return noun in _PEOPLE or (len(noun) >= 2 and noun.endswith(("자", "객", "민", "원", "생")))


def looks_like_verb(word: str) -> bool:
    """An unknown word that is probably a conjugated verb, not a name (깠어, 떠났대)."""
    if any(decompose(c)[2] == "ㅆ" for c in word):
        return True
    return word.endswith(
        ("다고", "는다", "ㄴ다", "습니다", "나요", "세요", "어요", "아요", "했", "한대", "됐", "돼", "돼요", "된",
         "되는", "하는", "해서", "해요", "하다", "되다")
    )


_Cover = tuple[float, tuple[Piece, ...]]


def _covers_from(word: str, i: int, best: list[_Cover], lex: Lexicon) -> list[_Cover]:
    """Every cover of ``word[i:]``: a particle tail or a verb form to its end, or one piece
    (question word, function word, noun, counter, unknown) and the cheapest cover after it."""
    n = len(word)
    rest = word[i:]
    options: list[_Cover] = []
    if i > 0 and rest in PARTICLES:
        options.append((0.1, (Piece("particle", rest),)))
    stem = lex.surfaces.get(rest)
    if stem is not None and (i == 0 or stem in LIGHT_VERBS or stem == "받"):
        options.append((1.05, (Piece("verb", rest, stem),)))
    for j in range(i + 1, n + 1):
        piece = word[i:j]
        tail_cost, tail = best[j]
        if tail_cost == float("inf"):
            continue
        if piece in QUESTION_WORDS:
            options.append((0.5 + tail_cost, (Piece("question", piece, piece), *tail)))
        if piece in FUNCTION_WORDS and i == 0 and j < n:
            options.append((0.8 + tail_cost, (Piece("function", piece, piece), *tail)))
        if piece in lex.words:
            cost = 1.0 if len(piece) > 1 else 1.6
            options.append((cost + tail_cost, (Piece("noun", piece, piece), *tail)))
        elif piece in COUNTERS:
            options.append((1.2 + tail_cost, (Piece("counter", piece, piece), *tail)))
        # Unknown: dearer than any cover by entries; one unknown syllable is dearer still.
        cost = 1.0 + 0.6 * len(piece) + (1.0 if len(piece) == 1 else 0.0)
        options.append((cost + tail_cost, (Piece("unknown", piece), *tail)))
    return options


def _merge_unknown(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Adjacent unknown pieces are one unknown word."""
    merged: list[Piece] = []
    for part in pieces:
        if merged and part.kind == "unknown" and merged[-1].kind == "unknown":
            merged[-1] = Piece("unknown", merged[-1].text + part.text)
        else:
            merged.append(part)
    return tuple(merged)


@lru_cache(maxsize=2048)
def segment(word: str) -> tuple[Piece, ...]:
    """The cheapest cover of one Hangul word by lexicon words, question words, a verb form at the
    end and a particle tail; what nothing covers becomes one unknown piece."""
    lex = lexicon()
    n = len(word)
    best: list[_Cover] = [(float("inf"), ())] * (n + 1)
    best[n] = (0.0, ())
    if word in FUNCTION_WORDS:
        return (Piece("function", word, word),)
    for i in range(n - 1, -1, -1):
        options = _covers_from(word, i, best, lex)
        if options:
            best[i] = min(options, key=lambda o: o[0])
    return _merge_unknown(best[0][1])


def _number(value: str, unit: str) -> tuple[str, ...]:
    plain = value.replace(",", "")
    if unit == "월":
        try:
            month = int(plain)
        except ValueError:
            return (plain,)
        return (MONTHS[month - 1],) if 1 <= month <= 12 else (plain,)
    if unit in _PERCENT_UNITS:
        return (f"{plain}%",)
    for multiplier, factor in _MULTIPLIERS.items():
        if unit.startswith(multiplier):
            try:
                whole = float(plain) * factor
            except ValueError:
                return (plain,)
            text = str(int(whole)) if whole == int(whole) else str(whole)
            return (text, f"{int(whole):,}") if whole == int(whole) else (text,)
    return (plain,)


def _split_unit(hangul: str) -> tuple[str, str]:
    """A Korean unit at the start of ``hangul`` right after a number: ("만", "명이") for 만명이."""
    unit = ""
    for multiplier in _MULTIPLIERS:
        if hangul.startswith(multiplier):
            unit, hangul = multiplier, hangul[len(multiplier) :]
            break
    for candidate in sorted(_NUMBER_UNITS, key=len, reverse=True):
        if hangul.startswith(candidate):
            return unit + candidate, hangul[len(candidate) :]
    return unit, hangul


def _what_kind(words: list[list[Piece]], wi: int, piece: Piece, tail: str, nxt: Piece | None) -> str | None:
    """The kind a 뭐 (what) asks when it asks what was said or why, else None."""
    if piece.key in ("뭐", "머", "뭘", "무엇") and (
        tail.startswith("라")
        or (nxt is not None and nxt.kind == "verb" and nxt.text.startswith(("하라", "하자", "말", "했")))
    ):
        return "said"
    if piece.key in ("뭐", "머") and tail.startswith("래"):
        # X이/가 뭐래: what X is, they say; X(은/는) 뭐래: what X said.
        before = [w for w in words[:wi] if w]
        subject = before and before[-1][-1].kind == "particle" and before[-1][-1].text in ("이", "가")
        return "what" if subject else "said"
    flat = [p for w in words for p in w]
    if piece.key in ("뭐", "무엇", "머") and any(p.kind == "noun" and p.key == "이유" for p in flat):
        return "why"
    return None


def _how_many_kind(
    words: list[list[Piece]], wi: int, piece: Piece, nxt: Piece | None, after: list[Piece]
) -> tuple[str, bool, str | None]:
    """The kind 몇 or 얼마나 asks: a share, a time, a count (of what) or an amount."""
    unit = nxt.text if nxt is not None else ""
    if piece.key == "몇":
        if nxt is not None and (nxt.key in _PERCENT_UNITS or unit in _PERCENT_UNITS):
            return "how_much", False, None
        if nxt is not None and nxt.key in _TIME_UNITS:
            return "when", False, None
        key = nxt.key if nxt is not None else ""
        return "how_many", True, COUNTERS.get(key)
    # 얼마나: a count with 많이, a counter or people, an amount otherwise.
    if any(p.text.startswith("많") or p.key in COUNTERS for p in after):
        return "how_many", True, None
    before_nouns = [p.key for w in words[:wi] for p in w if p.kind == "noun"]
    if before_nouns and _is_people(before_nouns[-1]):
        return "how_many", True, "people"
    return "how_much", False, None


def _asked_kind(words: list[list[Piece]], wi: int, pi: int, content: int) -> tuple[str, bool, str | None]:
    """The kind the question word at ``words[wi][pi]`` asks, read with the words around it."""
    pieces = words[wi]
    piece = pieces[pi]
    hint = QUESTION_WORDS[piece.key]
    after = pieces[pi + 1 :] + [p for w in words[wi + 1 :] for p in w]
    nxt = next((p for p in after if p.kind != "particle"), None)
    tail = pieces[pi + 1].text if pi + 1 < len(pieces) else ""
    what = _what_kind(words, wi, piece, tail, nxt)
    if what is not None:
        return what, False, None
    if piece.key == "어디" and tail.startswith("까지"):
        return "how_much", False, None  # 어디까지: how far, to what level
    if hint == "how_many":
        return _how_many_kind(words, wi, piece, nxt, after)
    if piece.key == "무슨" and nxt is not None and nxt.key == "이유":
        return "why", False, None
    alone = wi == len(words) - 1 or all(p.kind == "particle" for p in after)
    if hint == "what" and piece.key in ("뭐", "무엇", "머", "뭔") and content <= 1 and alone:
        return "definition", False, None
    return hint, False, None


def _unasked_kind(words: list[list[Piece]]) -> tuple[str, bool, str | None]:
    """The kind of a question without a question word: a reason, an amount or a count by its
    last noun, yes or no by a verb at its end, a definition by 란, else what."""
    flat = [p for w in words for p in w]
    if any(p.kind == "noun" and p.key == "이유" for p in flat):
        return "why", False, None
    nouns = [p for p in flat if p.kind in ("noun", "counter", "unknown")]
    if nouns and flat and flat[-1].kind in ("noun", "counter", "particle", "unknown"):
        if nouns[-1].key in AMOUNT_NOUNS:
            return "how_much", False, None
        if nouns[-1].key in COUNT_NOUNS:
            return "how_many", True, None
    last_word = words[-1] if words else []
    last = last_word[-1] if last_word else None
    if last is not None and (
        last.kind == "verb"
        or (last.kind == "particle" and last.text.endswith(_PREDICATE_ENDS))
        or (last.kind == "unknown" and looks_like_verb(last.text))
    ):
        return "yes_no", False, None
    if last is not None and last.kind == "particle" and re.search(r"(란|이란)$", last.text):
        return "definition", False, None
    return "what", False, None


def _kind(words: list[list[Piece]], text: str, content: int) -> tuple[str, bool, str | None]:
    """The kind of answer wanted, whether a count is, and the unit counted: by the first
    question word, else by the question's shape."""
    del text
    for wi, pieces in enumerate(words):
        for pi, piece in enumerate(pieces):
            if piece.kind == "question":
                return _asked_kind(words, wi, pi, content)
    return _unasked_kind(words)


@dataclass
class _Scan:
    """The question's space-separated words read in order: Hangul cut into ``words`` of pieces,
    Latin-script words, numbers (with their Korean units) and the unit a number counts."""

    words: list[list[Piece]] = field(default_factory=list)
    latin: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    count_unit: str | None = None

    def read(self, raw: str) -> None:
        pending_number: str | None = None
        for match in _TOKEN.finditer(raw):
            if match.group("latin"):
                self.latin.append(match.group("latin").rstrip(".'-"))
            elif match.group("number"):
                pending_number = self._numeral(raw, match, pending_number)
            elif match.group("percent"):
                self.words.append([Piece("counter", "%", "%")])
            elif match.group("hangul"):
                pending_number = self._hangul(raw, match, pending_number)

    def _numeral(self, raw: str, match: re.Match[str], pending: str | None) -> str | None:
        """Keep a number; returns it as pending when its Korean unit follows (2024년, 8월, 50만)."""
        value = match.group("number")
        if match.group("pct"):
            self.numbers.append(f"{value.replace(',', '')}%")
        elif _HANGUL.match(raw[match.end() : match.end() + 1]):
            return value
        else:
            self.numbers.extend(_number(value, ""))
        return pending

    def _hangul(self, raw: str, match: re.Match[str], pending: str | None) -> str | None:
        """Cut a Hangul run into pieces, after the unit of a pending number; returns what is
        pending after it."""
        hangul = match.group("hangul")
        before = raw[match.start() - 1] if match.start() > 0 else ""
        if before.isascii() and before.isalpha() and hangul in PARTICLES:
            return pending  # ECB의, Green Alliance가: a particle after a Latin name
        if pending is not None:
            unit, hangul = _split_unit(hangul)
            self.numbers.extend(_number(pending, unit))
            base_unit = unit.lstrip("만억조천백")
            if base_unit in COUNTERS:
                self.count_unit = self.count_unit or COUNTERS[base_unit]
            if not hangul or hangul in PARTICLES:
                return None
        elif match.start() > 0 and raw[match.start() - 1] == "%" and hangul in PARTICLES:
            return pending  # 몇 %임, 2%였어
        self.words.append(list(segment(hangul)))
        return None


@dataclass
class _Content:
    """The content words of a question's pieces, read word by word: each noun's and verb's
    English ``alternatives``, the ``unknown`` words, the possible ``names`` (a ``run`` of
    name-like words is a name of several words), whether it is ``negated`` and how many content
    words it has."""

    lex: Lexicon
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    run: list[str] = field(default_factory=list)
    nameish: set[str] = field(default_factory=set)
    negated: bool = False
    content: int = 0
    after_how_many: bool = False
    after_numeral: bool = False

    def read(self, pieces: list[Piece]) -> None:
        for index, piece in enumerate(pieces):
            counted = self.after_how_many
            numbered = self.after_numeral
            if piece.kind != "particle":
                self.after_how_many = piece.kind == "question" and piece.key in ("몇", "얼마나")
                self.after_numeral = piece.kind == "function" and piece.key in _NATIVE_NUMERALS
            if piece.kind == "noun":
                self._noun(piece, counted, numbered)
            elif piece.kind == "verb":
                self._verb(piece, counted)
            elif piece.kind == "unknown":
                self._unknown(pieces, index)
        # A word that is one name-like unknown (and particles) continues a name of several words.
        solo = [p for p in pieces if p.kind != "particle"]
        if len(solo) == 1 and solo[0].kind == "unknown" and not looks_like_verb(solo[0].text):
            whole = "".join(p.text for p in pieces)
            self.run.append(whole if len(pieces) == 2 and pieces[1].text in _AMBIGUOUS_TAILS else solo[0].text)
            return
        self.end_run()

    def end_run(self) -> None:
        if len(self.run) > 1:
            self.names.insert(0, " ".join(self.run))
        self.run = []

    def _noun(self, piece: Piece, counted: bool, numbered: bool) -> None:
        if counted and (piece.key in COUNTERS or piece.key in _PERCENT_UNITS):
            return
        if piece.key in STOP_NOUNS:
            return
        self.content += 1
        senses = self.lex.words[piece.key]
        if (numbered or counted) and piece.key in _COUNTED_SENSES:
            senses = _COUNTED_SENSES[piece.key]  # 한 달: a month, not the moon
        self.alternatives.setdefault(piece.key, senses)

    def _verb(self, piece: Piece, counted: bool) -> None:
        if counted and piece.text in COUNTERS:
            return  # 몇 번: a counter (times), not 벌다 "earn" conjugated
        if piece.key in ("없", "아니") or piece.text.startswith("안"):
            self.negated = True
        if piece.key not in LIGHT_VERBS:
            self.content += 1
            self.alternatives.setdefault(piece.key + "다", self.lex.verbs[piece.key])

    def _unknown(self, pieces: list[Piece], index: int) -> None:
        piece = pieces[index]
        self.content += 1
        self.unknown.append(piece.text)
        if not looks_like_verb(piece.text) and len(piece.text) >= 2:
            self.nameish.add(piece.text)
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if following is not None and following.text in _AMBIGUOUS_TAILS:
                self.names.append(piece.text + following.text)  # 김지나 is not 김지 + 나
            self.names.append(piece.text)


def _all_senses(alternatives: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    english: dict[str, None] = {}
    for senses in alternatives.values():
        for sense in senses:
            english.setdefault(sense, None)
    return tuple(english)


def _romanised(names: list[str]) -> tuple[str, ...]:
    romanised: dict[str, None] = {}
    for name in names:
        for key in name_keys(name):
            romanised.setdefault(key, None)
    return tuple(romanised)


def read_korean(question: str) -> KoreanQuestion:
    """Read a Korean question (Latin-script words and numbers in it are kept as they are)."""
    text = unicodedata.normalize("NFKC", question).strip()
    scan = _Scan()
    for raw in text.split():
        scan.read(raw)
    words = scan.words
    seen = _Content(lexicon())
    for pieces in words:
        seen.read(pieces)
    seen.end_run()
    names = [n for n in seen.names if " " in n or n in seen.nameish or len(n) >= 2]
    kind, wants_count, asked_unit = _kind(words, text, seen.content)
    count_unit = scan.count_unit
    if kind == "how_many":
        wants_count = True
        count_unit = asked_unit if asked_unit is not None else count_unit
    return KoreanQuestion(
        text=text,
        kind=kind,
        english_terms=_all_senses(seen.alternatives),
        alternatives=tuple(seen.alternatives.items()),
        latin_words=tuple(scan.latin),
        numbers=tuple(dict.fromkeys(scan.numbers)),
        names=tuple(dict.fromkeys(names)),
        names_romanised=_romanised(names),
        unknown=tuple(dict.fromkeys(seen.unknown)),
        wants_count=wants_count,
        count_unit=count_unit if kind == "how_many" else None,
        negated=seen.negated,
        question_words=tuple(p.key for w in words for p in w if p.kind == "question"),
        pieces=tuple(p for w in words for p in w),
    )


def load() -> None:
    """Load everything a Korean question needs, once: the lexicon and its verb forms, the
    surnames, and the English lemmatiser's tables (a Korean word's senses are looked up among a
    report's lemmas)."""
    from bot.core.lexical.lemmas import lemma  # the English core's, loaded on first use

    lexicon()
    surnames()
    read_korean("서울 날씨 어때?")
    lemma("readings")


def _load_logged() -> None:
    try:
        load()
    except Exception:  # the first Korean question loads them instead, and says why
        log.exception("could not load what Korean questions need in the background")


def warm() -> threading.Thread:
    """``load`` in a background (daemon) thread; returns the thread."""
    thread = threading.Thread(target=_load_logged, name="korean-lexicon", daemon=True)
    thread.start()
    return thread
