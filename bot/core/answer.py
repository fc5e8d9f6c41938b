"""The Answer value object and how it renders for a terminal and as JSON."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from bot.core.korean.messages import english_report_note_ko, suggestions_intro_ko
from bot.core.report import Sentence


@dataclass(frozen=True)
class Citation:
    """A sentence of a report, quoted verbatim, with where it stands."""

    report: str
    sentence_id: str
    paragraph: int
    sentence: int
    text: str

    @classmethod
    def of(cls, s: Sentence) -> Citation:
        return cls(s.report, s.id, s.paragraph, s.index, s.text)

    @property
    def where(self) -> str:
        return f"paragraph {self.paragraph}, sentence {self.sentence}"

    def to_json(self) -> dict[str, Any]:
        return {
            "report": self.report,
            "sentence_id": self.sentence_id,
            "paragraph": self.paragraph,
            "text": self.text,
        }


@dataclass(frozen=True)
class Answer:
    """What the bot says to one question.

    ``answered`` is true exactly when there are citations. A decline carries suggestions and,
    when the input itself was refused (too long, unreadable), an ``error`` saying why.
    """

    question: str
    answered: bool
    answer: str
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()
    error: str | None = None
    #: Answered, but the match is not clear: worth a hint to the user.
    uncertain: bool = False
    fact_ids: tuple[str, ...] = field(default=(), compare=False)
    #: The answer of each fact used, best first (``answer`` joins them).
    parts: tuple[str, ...] = field(default=(), compare=False)
    #: How the answer was reached (``--explain``): the signals and the check that decided.
    explain: dict[str, Any] = field(default_factory=dict, compare=False)
    #: The language of the question ("ko" for Korean): human output says the report is in
    #: English; the JSON contract does not carry it.
    language: str = field(default="en", compare=False)

    def to_json(self) -> dict[str, Any]:
        """The JSON Lines contract of ``reportbot ask --json``."""
        data: dict[str, Any] = {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "citations": [c.to_json() for c in self.citations],
            "confidence": round(self.confidence, 4),
            "suggestions": list(self.suggestions),
        }
        if self.error is not None:
            data["error"] = self.error
        data["facts"] = list(self.fact_ids) if self.answered else []
        return data

    def to_text(self, *, width: int = 88, show_report: bool = False) -> str:
        """A human rendering: the answer, then each cited sentence with where it stands."""
        lines = [self.answer]
        if self.answered and self.uncertain:
            lines.append("(I am not fully sure this is what you asked.)")
        if self.language == "ko" and self.answered:
            lines.append(english_report_note_ko())
        for c in self.citations:
            source = f"{c.report}, " if show_report else ""
            lines.append("")
            lines.append(f"  {c.sentence_id} ({source}{c.where}):")
            wrapped = textwrap.wrap(c.text, width=max(width - 4, 20)) if width else [c.text]
            lines.extend(f"  > {line}" for line in wrapped)
        if self.suggestions:
            lines.append("")
            lines.append(suggestions_intro_ko() if self.language == "ko" else "You could ask:")
            lines.extend(f"  - {s}" for s in self.suggestions)
        return "\n".join(lines)
