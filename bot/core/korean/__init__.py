"""Reading Korean questions about English reports.

Nothing here translates: a question's shape gives its kind (누구 → who, 몇 건 → how many), a
general lexicon (``data/ko-en.tsv``) gives English lemmas for its content words, and Hangul names
and loanwords are romanised (Revised Romanization) to be matched by sound against the report's
English names. Everything is rules and data, loaded on the first Korean question (or ``warm()``).
"""

from bot.core.korean.lexicon import lexicon
from bot.core.korean.messages import decline_message_ko, english_report_note_ko, suggestions_intro_ko
from bot.core.korean.names import best_name_match, name_keys, sound_key
from bot.core.korean.reader import KINDS, KoreanQuestion, is_korean, load, read_korean, segment, warm
from bot.core.korean.romanize import romanize

__all__ = [
    "KINDS",
    "KoreanQuestion",
    "best_name_match",
    "decline_message_ko",
    "english_report_note_ko",
    "is_korean",
    "lexicon",
    "load",
    "name_keys",
    "read_korean",
    "romanize",
    "segment",
    "sound_key",
    "suggestions_intro_ko",
    "warm",
]
