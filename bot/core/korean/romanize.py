"""Revised Romanization of Korean (2000), from jamo by Unicode arithmetic.

A precomposed Hangul syllable is ``0xAC00 + (initial * 21 + vowel) * 28 + final``. Each word is
decomposed, a few sound changes are applied at every syllable boundary inside the word, and the
jamo are written with the RR letters. The rules kept (the ones that change how a name or a loanword
sounds; the standard's rarer rules are left out on purpose):

* **liaison**: a final consonant before a syllable starting with silent ㅇ moves over
  (한국어 → hangugeo; a double final moves only its second part: 읽어 → ilgeo); a final ㅎ there is
  silent (좋아 → joa);
* **nasalisation**: k/t/p-sounding finals before ㄴ or ㅁ become ng/n/m (국민 → gungmin,
  합니다 → hamnida);
* **ㄹ**: ㄹ+ㄹ and ㄴ+ㄹ / ㄹ+ㄴ are "ll" (클레어 → keulleeo, 신라 → silla); after ㅁ or ㅇ an
  initial ㄹ is n (종로 → jongno); after a k/p final both change (국립 → gungnip);
* **aspiration**: a final ㅎ before ㄱ/ㄷ/ㅈ makes k/t/ch (놓고 → noko).

Tense consonants from sound change (ㄱ+ㄱ) are not marked, as RR prescribes. Anything that is not
a Hangul syllable is kept as it is; words are romanised separately (spaces stay).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.core.korean._util import wordlist

SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]

_INITIAL_RR = {
    "ㄱ": "g", "ㄲ": "kk", "ㄴ": "n", "ㄷ": "d", "ㄸ": "tt", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b",
    "ㅃ": "pp", "ㅅ": "s", "ㅆ": "ss", "ㅇ": "", "ㅈ": "j", "ㅉ": "jj", "ㅊ": "ch", "ㅋ": "k",
    "ㅌ": "t", "ㅍ": "p", "ㅎ": "h",
}  # fmt: skip
_VOWEL_RR = dict(
    zip(
        VOWELS,
        wordlist("a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i"),
        strict=True,
    )
)
#: How a final is heard before a pause or a consonant (the seven representative sounds).
_FINAL_RR = {
    "": "", "ㄱ": "k", "ㄲ": "k", "ㄳ": "k", "ㄴ": "n", "ㄵ": "n", "ㄶ": "n", "ㄷ": "t", "ㄹ": "l",
    "ㄺ": "k", "ㄻ": "m", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l", "ㄿ": "p", "ㅀ": "l", "ㅁ": "m", "ㅂ": "p",
    "ㅄ": "p", "ㅅ": "t", "ㅆ": "t", "ㅇ": "ng", "ㅈ": "t", "ㅊ": "t", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p",
    "ㅎ": "t",
}  # fmt: skip
#: A double final before a vowel: (what stays, what moves to the next syllable).
_SPLIT_FINAL = {
    "ㄳ": ("ㄱ", "ㅅ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄶ": ("ㄴ", ""), "ㄺ": ("ㄹ", "ㄱ"), "ㄻ": ("ㄹ", "ㅁ"),
    "ㄼ": ("ㄹ", "ㅂ"), "ㄽ": ("ㄹ", "ㅅ"), "ㄾ": ("ㄹ", "ㅌ"), "ㄿ": ("ㄹ", "ㅍ"), "ㅀ": ("ㄹ", ""),
    "ㅄ": ("ㅂ", "ㅅ"),
}  # fmt: skip
_NASAL = {"k": "ng", "t": "n", "p": "m"}
_ASPIRATE = {"ㄱ": "ㅋ", "ㄷ": "ㅌ", "ㅈ": "ㅊ"}

HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[\uac00-\ud7a3]+")


def is_syllable(char: str) -> bool:
    return SYLLABLE_FIRST <= ord(char) <= SYLLABLE_LAST


def decompose(char: str) -> tuple[str, str, str]:
    """(initial, vowel, final) of one precomposed syllable; final is "" when there is none."""
    index = ord(char) - SYLLABLE_FIRST
    if not 0 <= index <= SYLLABLE_LAST - SYLLABLE_FIRST:
        raise ValueError(f"not a Hangul syllable: {char!r}")
    return INITIALS[index // 588], VOWELS[index % 588 // 28], FINALS[index % 28]


def compose(initial: str, vowel: str, final: str = "") -> str:
    """The syllable of these jamo (compatibility jamo, as ``decompose`` returns them)."""
    return chr(
        SYLLABLE_FIRST + (INITIALS.index(initial) * 21 + VOWELS.index(vowel)) * 28 + FINALS.index(final)
    )


def _liaison(final: str) -> tuple[str, str]:
    """A final before a silent ㅇ: the sound that stays, and the next syllable's initial sound
    when the final (or part of it) moves there, else ""."""
    stay, move = _SPLIT_FINAL.get(final, ("", final))
    if move == "ㅎ":
        move = ""
    if move == "ㅇ":  # ㅇ final is a nasal, it never moves
        stay, move = "ㅇ", ""
    sound = _FINAL_RR[stay]
    if stay == "ㄹ" and move:
        sound = "l"
    return sound, ("r" if move == "ㄹ" else _INITIAL_RR[move]) if move else ""


def _assimilated(sound: str, nxt: str, initial: str) -> tuple[str, str]:
    """A final's sound and the next initial's sound where they meet before ㄹ, ㄴ or ㅁ."""
    if nxt == "ㄹ":
        if sound in ("l", "n"):
            return "l", "l"
        if sound in ("m", "ng"):
            return sound, "n"
        if sound in _NASAL:
            return _NASAL[sound], "n"
    elif nxt in ("ㄴ", "ㅁ"):
        if sound in _NASAL:
            return _NASAL[sound], initial
        if sound == "l" and nxt == "ㄴ":
            return sound, "l"
    return sound, initial


def _boundary(final: str, nxt: str, initial: str) -> tuple[str, str]:
    """Where the final of a syllable meets the initial ``nxt`` of the next (said ``initial``):
    the final's sound and the next initial's sound."""
    if nxt == "ㅇ":  # liaison
        sound, moved = _liaison(final)
        return sound, moved or initial
    if final == "ㅎ" and nxt in _ASPIRATE:
        return "", _INITIAL_RR[_ASPIRATE[nxt]]
    if final in ("ㄶ", "ㅀ") and nxt in _ASPIRATE:
        return _FINAL_RR[_SPLIT_FINAL[final][0]], _INITIAL_RR[_ASPIRATE[nxt]]
    return _assimilated(_FINAL_RR[final], nxt, initial)


def _romanise_word(word: str) -> str:
    syllables = [list(decompose(c)) for c in word]
    # Each boundary: the final of syllable i meets the initial of syllable i + 1.
    final_sounds: list[str] = []
    initial_sounds: list[str] = [_INITIAL_RR[s[0]] for s in syllables]
    for i, (_, _, final) in enumerate(syllables):
        if i + 1 == len(syllables):
            final_sounds.append(_FINAL_RR[final])
            continue
        sound, initial_sounds[i + 1] = _boundary(final, syllables[i + 1][0], initial_sounds[i + 1])
        final_sounds.append(sound)
    out = [
        initial + _VOWEL_RR[vowel] + final
        for (_, vowel, _), initial, final in zip(syllables, initial_sounds, final_sounds, strict=True)
    ]
    return "".join(out)


@lru_cache(maxsize=4096)
def romanize(hangul: str) -> str:
    """Revised Romanization of ``hangul``, word by word; other characters are kept.

    >>> romanize("클레어 보몬트")
    'keulleeo bomonteu'
    >>> romanize("김지나")
    'gimjina'
    """
    return _WORD.sub(lambda m: _romanise_word(m.group()), hangul)


romanise = romanize
