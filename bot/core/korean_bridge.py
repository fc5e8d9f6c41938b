"""Korean questions about an English report: read by ``bot.core.korean`` into the kind of
answer wanted and English content words, then asked as an English question, so the answer
cites the English sentence verbatim. Names are matched by sound against the report's people."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.korean.names import best_name_match
from bot.core.korean.reader import KoreanQuestion, is_korean, read_korean

#: The English question words for each kind the Korean reader gives.
_LEAD = {
    "who": "who",
    "when": "when",
    "where": "where",
    "how_many": "how many",
    "how_much": "how much",
    "why": "why",
    "what": "what",
    "which": "which",
    "said": "what did say",
    "definition": "what is",
    "yes_no": "did",
}
#: A romanised Korean word must be this close (0-100) to a person's name to stand for them.
NAME_MATCH = 80


def english_question(text: str, people: Iterable[str]) -> str:
    """An English question carrying what the Korean question asks."""
    kq: KoreanQuestion = read_korean(text)
    names = list(people)
    words = [_LEAD.get(kq.kind, "what")]
    for korean in kq.names:
        found = best_name_match(korean, names) if names else None
        if found and found[1] >= NAME_MATCH:
            words.append(found[0])
    words += list(kq.latin_words) + list(kq.numbers) + [t for t in kq.english_terms if t not in words]
    return " ".join(words) + "?"


__all__ = ["english_question", "is_korean"]
