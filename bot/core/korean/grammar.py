"""Korean grammar the reader needs, written from the general rules (no data from any report).

* ``PARTICLES``: what may follow a noun inside one space-separated word: case particles (이/가,
  을/를, 에, 에서, 에게/한테, 로/으로, 와/과, 의 …), delimiters (은/는, 도, 만, 까지, 부터 …),
  the plural 들, and the copula 이다 in its casual and polite endings (이야, 예요, 였어, 이래 …),
  in the combinations speakers use (들한테, 에서도, 이었나요 …).
* ``conjugate(stem)``: the surface forms of a verb or adjective stem with the common endings:
  consonant endings (-고, -지, -는, -다고 …), 으-endings (-(으)ㄴ, -(으)ㄹ, -(으)면, -(으)ㅁ …),
  the plain present -ㄴ다/-는다 and its reported forms (-ㄴ대, -ㄴ다고), formal -ㅂ니다/-습니다,
  and the 아/어 forms with vowel contraction (보+아 → 봐, 되+어 → 돼, 하+여 → 해, 리+어 → 려) and
  the past -았/었- (했어, 됐대, 올렸어). Irregular stems: ㄹ-dropping (만들 → 만든, 만드니까),
  르 (모르 → 몰라), and the short lists of ㅂ/ㄷ/ㅅ irregulars below. Rarer ones are not covered.
"""

from __future__ import annotations

from itertools import product

from bot.core.korean._util import wordlist
from bot.core.korean.romanize import compose, decompose, is_syllable

_CASE = wordlist(
    "이 가 을 를 은 는 에 에서 에게 한테 께 께서 에게서 한테서 로 으로 와 과 랑 이랑 하고 의 도 만 "
    "까지 부터 보다 처럼 같이 마다 조차 밖에 이나 나 이든 든 에는 에선 엔 로는 으로는 에서는 에도 "
    "에서도 에게는 한테는 까지는 부터는 만은 로서 으로서 로써 으로써 보다는 이라도 라도 이란 란 "
    "이라는 라는 에서의 에의 로의 으로의 과의 와의 이며 며 에다 에다가 랑은 이랑은 짜리 쯤 씩 대로"
)
#: The copula 이다 after a noun, casual and polite (the 이 drops after a vowel: 뭐야, 거예요).
_COPULA = wordlist(
    "이다 다 이야 야 이에요 예요 이예요 입니다 이었어 였어 이었어요 였어요 이었다 였다 이었음 였음 "
    "엿음 이었나요 였나요 이었나 였나 이었지 였지 이었냐 였냐 이었대 였대 이래 래 이래요 래요 이라고 "
    "라고 이라 라 인 이고 고 이면 면 이지 지 이죠 죠 인가 인가요 인지 이냐 냐 임 이었던 였던 일까 "
    "일까요 인데 인데요 이니 이네 네 이었는데 였는데 이었고 였고 이었을 였을 일 이었습니다 였습니다 "
    "입니까 이에용 이었어용 이신 이세요 이래서 이라서 라서 이잖아 잖아 이거든 이었으면 였으면"
)

_PLURAL = ("", "들")


def _particle_table() -> frozenset[str]:
    endings = set(_CASE) | set(_COPULA)
    combined = {a + b for a, b in product(_PLURAL, endings)}
    combined |= {"들"}
    # A case particle and then 은/는/도/만 or the copula (에서는, 한테도, 거라고).
    for first in ("에", "에서", "에게", "한테", "로", "으로", "까지", "부터", "와", "과", "랑", "이랑", "께"):
        for second in (
            "은",
            "는",
            "도",
            "만",
            "요",
            "이야",
            "야",
            "이에요",
            "예요",
            "이었어",
            "였어",
            "인가",
            "일까",
        ):
            combined.add(first + second)
            combined.add("들" + first + second)
    return frozenset(combined)


PARTICLES: frozenset[str] = _particle_table()

# Endings added to the bare stem, by how they attach.
_CONSONANT_ENDINGS = wordlist(
    "고 고요 지 지만 지요 죠 다 다고 다는 다니 다며 다면 던 도록 게 게요 기 기로 기도 네 네요 나 나요 "
    "냐 냐고 니 자 자고 자는 겠 겠다 겠어 겠지 겠네 거나 거든 거든요 구나 군 군요 잖아 잖아요 는 는데 "
    "는데요 는지 는다 는대 는다고 는다는 는다며 는가 느냐 던데 든 든지 더라 대 대요"
)
#: Endings written with 으 after a consonant stem; the first letter may be a bare jamo.
_EU_ENDINGS = wordlist(
    "ㄴ ㄴ가 ㄴ지 ㄴ데 ㄹ ㄹ까 ㄹ까요 ㄹ게 ㄹ게요 ㄹ래 ㄹ지 ㄹ거야 ㄹ걸 ㅁ 면 면서 며 니까 니 러 려고 "
    "려는 려면 라고 라 라는 라며 시 세요 셨 셨어 셨어요 셨다 셨나요 셨대 십니다 신 실 셔서"
)
#: The plain present after a vowel stem (간다) or ㄹ stem (만든다); a consonant stem takes 는다.
_N_ENDINGS = ("ㄴ다", "ㄴ대", "ㄴ다고", "ㄴ다는", "ㄴ다며", "ㄴ대요", "ㄴ다면", "ㄴ답니다")
_FORMAL = ("ㅂ니다", "ㅂ니까", "ㅂ시다")
_EO_ENDINGS = ("", "요", "서", "도", "야", "야지", "야죠", "라", "줘", "줄", "주", "버렸", "봐", "보")
_PAST_ENDINGS = (
    "", "어", "어요", "다", "다고", "다는", "대", "대요", "지", "지요", "죠", "는데", "는데요", "던", "나", "나요",
    "냐", "음", "네", "네요", "고", "을", "을까", "는지", "거든", "구나", "잖아", "습니다", "습니까", "으니",
    "으면", "어서", "었", "었어", "었다", "었대",
)  # fmt: skip

_B_IRREGULAR = frozenset(
    wordlist("어렵 쉽 돕 가깝 무섭 덥 춥 아름답 고맙 반갑 즐겁 부럽 새롭 귀엽 가볍 무겁")
)
_D_IRREGULAR = frozenset(wordlist("듣 묻 걷 싣 깨닫"))
_S_IRREGULAR = frozenset(wordlist("낫 짓 붓 잇"))

#: Contraction of a final vowel with 어/아: stem vowel → vowel of the 어-form syllable.
_CONTRACT = {"ㅗ": "ㅘ", "ㅜ": "ㅝ", "ㅣ": "ㅕ", "ㅚ": "ㅙ", "ㅡ": "ㅓ"}
_ABSORB = frozenset("ㅏㅓㅐㅔㅕㅒㅖ")
_BRIGHT = frozenset("ㅏㅗㅑㅘ")


def _add_final(syllable: str, final: str) -> str:
    initial, vowel, _ = decompose(syllable)
    return compose(initial, vowel, final)


def _set_vowel(syllable: str, vowel: str) -> str:
    initial, _, final = decompose(syllable)
    return compose(initial, vowel, final)


def _attach(base: str, ending: str) -> str:
    """``base`` + ``ending``, where an ending starting with a bare jamo becomes the final."""
    if ending and not is_syllable(ending[0]):
        return base[:-1] + _add_final(base[-1], ending[0]) + ending[1:]
    return base + ending


def _bright(stem: str) -> bool:
    for syllable in reversed(stem):
        vowel = decompose(syllable)[1]
        if vowel != "ㅡ" or syllable == stem[0]:
            return vowel in _BRIGHT
    return False


def eo_forms(stem: str) -> list[str]:
    """The 아/어 form(s) of a stem: 하 → 해/하여, 보 → 봐/보아, 먹 → 먹어, 모르 → 몰라."""
    last = stem[-1]
    initial, vowel, final = decompose(last)
    head = stem[:-1]
    if stem.endswith("하"):
        return [head + "해", head + "하여"]
    if final == "":
        if last == "르" and head:
            return [head[:-1] + _add_final(head[-1], "ㄹ") + ("라" if _bright(head) else "러")]
        if vowel in _ABSORB:
            return [stem]
        if vowel == "ㅡ":
            return [head + compose(initial, "ㅏ" if head and _bright(head) else "ㅓ")]
        if vowel in _CONTRACT:
            full = stem + ("아" if vowel == "ㅗ" else "어")
            return [head + compose(initial, _CONTRACT[vowel]), full]
        return [stem + "어"]
    bright = vowel in _BRIGHT
    if final == "ㅂ" and stem in _B_IRREGULAR:
        plain = head + compose(initial, vowel)
        return [plain + ("와" if stem in ("돕", "곱") else "워")]
    if final == "ㄷ" and stem in _D_IRREGULAR:
        stem = head + compose(initial, vowel, "ㄹ")
    if final == "ㅅ" and stem in _S_IRREGULAR:
        stem = head + compose(initial, vowel)
    return [stem + ("아" if bright else "어")]


def _eu_base(stem: str) -> tuple[str, bool]:
    """The stem as an 으-ending sees it, and whether it then ends in a vowel (takes no 으)."""
    initial, vowel, final = decompose(stem[-1])
    if final == "":
        return stem, True
    if final == "ㄹ":
        return stem, True  # ㄹ stems behave like vowel stems (ㄹ drops before ㄴ/ㅂ/ㅅ, below)
    if final == "ㅂ" and stem in _B_IRREGULAR:
        return stem[:-1] + compose(initial, vowel) + "우", True
    if final == "ㄷ" and stem in _D_IRREGULAR:
        return stem[:-1] + compose(initial, vowel, "ㄹ"), False
    if final == "ㅅ" and stem in _S_IRREGULAR:
        return stem[:-1] + compose(initial, vowel), False
    return stem, False


def _drop_rieul(stem: str) -> str:
    initial, vowel, _ = decompose(stem[-1])
    return stem[:-1] + compose(initial, vowel)


def _consonant_forms(stem: str) -> set[str]:
    """The forms with endings that start with a consonant (ㄹ drops before 는/니/네/나/냐)."""
    forms: set[str] = set()
    final = decompose(stem[-1])[2]
    rieul = final == "ㄹ"
    for ending in _CONSONANT_ENDINGS:
        if ending.startswith("는다") or ending == "는대":
            if final and not rieul:
                forms.add(stem + ending)
            continue
        base = _drop_rieul(stem) if rieul and ending[0] in "는니네나냐" else stem
        forms.add(base + ending)
    return forms


def _eu_form(stem: str, base: str, ending: str) -> str:
    """An 으-ending on a stem that ends in a vowel or ㄹ (``base`` as ``_eu_base`` gives it)."""
    rieul = decompose(stem[-1])[2] == "ㄹ"
    if rieul and ending[0] in ("ㄴ", "ㄹ", "니", "시", "세", "셨", "십", "신", "실", "셔"):
        return _attach(_drop_rieul(base), ending)
    if rieul and ending[0] == "ㅁ":
        return stem[:-1] + _add_final(stem[-1], "ㄻ") + ending[1:]
    if rieul and ending[0] in ("면", "며", "러", "려", "라"):
        return base + ending
    return _attach(base, ending)


def _eu_forms(stem: str) -> set[str]:
    """The forms with 으-endings, the ㄴ-endings and the formal ones (습니다 after a consonant)."""
    forms: set[str] = set()
    rieul = decompose(stem[-1])[2] == "ㄹ"
    base, vowel_like = _eu_base(stem)
    for ending in _EU_ENDINGS:
        if vowel_like:
            forms.add(_eu_form(stem, base, ending))
        elif is_syllable(ending[0]):
            forms.add(base + "으" + ending)
        else:
            forms.add(base + _attach("으", ending))
    if vowel_like:
        n_base = _drop_rieul(base) if rieul else base
        for ending in _N_ENDINGS + _FORMAL:
            forms.add(_attach(n_base, ending))
    else:
        for ending in ("습니다", "습니까"):
            forms.add(stem + ending)
    return forms


def _eo_and_past_forms(stem: str) -> set[str]:
    """The forms with 아/어-endings and the past (했어, 했던)."""
    forms: set[str] = set()
    for eo in eo_forms(stem):
        for ending in _EO_ENDINGS:
            forms.add(eo + ending)
        past = eo[:-1] + _add_final(eo[-1], "ㅆ")
        for ending in _PAST_ENDINGS:
            forms.add(past + ending)
            if ending[:1] == "어":
                forms.add(past + "던")
    return forms


def conjugate(stem: str) -> set[str]:
    """Surface forms of a verb or adjective ``stem`` (without -다) with the common endings."""
    if not stem or not all(is_syllable(c) for c in stem):
        return set()
    return {stem} | _consonant_forms(stem) | _eu_forms(stem) | _eo_and_past_forms(stem)
