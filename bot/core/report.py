"""A report as paragraphs and sentences with stable ids (``p3.s2``).

A paragraph is a non-empty line of the report file; sentences are numbered from 1 inside each
paragraph, so ids only change when the text of the report itself changes. Every sentence's text
is a verbatim slice of the file: that is what answers quote.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from bot.core.errors import UnknownSentence

log = logging.getLogger(__name__)

#: Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rep",
        "reps",
        "sen",
        "sens",
        "gov",
        "lt",
        "col",
        "gen",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "pres",
        "supt",
        "insp",
        "st",
        "jr",
        "sr",
        "co",
        "corp",
        "inc",
        "ltd",
        "no",
        "nos",
        "vol",
        "vs",
        "etc",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)

_CLOSERS = "\"'”’)]"
_OPENERS = "\"'“‘(["
# A candidate end: terminal punctuation, any closing quotes/brackets, then whitespace. Linear
# time: a match starts only at the first mark of a run (``(?<!...)``) and never gives back what
# a run took (possessive ``++``/``*+``), so 100 KB of dots is one pass, not 10^10 steps.
_END = re.compile(rf"(?<![.!?])[.!?]++[{re.escape(_CLOSERS)}]*+(?=\s)")
# The next non-space character: where the sentence after a candidate end begins.
_NON_SPACE = re.compile(r"\S")
# A photo or image credit glued to the end of a paragraph ("Pool Photo by Yonhap/EPA"). It holds
# no ``.!?``, so it is searched for only after the paragraph's last one; a match starts only at
# the first space of a run, and no run is given back: linear time.
_CREDIT = re.compile(
    r"(?<!\s)\s*+(?:(?:Pool|File|Staff|[A-Z][A-Za-z]{1,10})\s++)?(?:Photo|Image|Picture|Graphic)s?"
    r"\s++(?:by|courtesy\s++of|credit:?|:)\s++[^.!?]*+$"
)


@dataclass(frozen=True)
class Sentence:
    """One citable sentence; ``text`` is verbatim from the report file."""

    report: str
    paragraph: int
    index: int
    text: str

    @property
    def id(self) -> str:
        return f"p{self.paragraph}.s{self.index}"


@dataclass(frozen=True)
class Paragraph:
    number: int
    text: str
    sentences: tuple[Sentence, ...]
    credit: str | None = None


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    # A single capital letter ("Ana J. Ruiz") or dotted initials ("U.S.").
    return (len(word) == 1 and text[start].isupper()) or (
        "." in word and all(len(part) <= 1 for part in word.split("."))
    )


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``paragraph``.

    A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes) followed by white space
    and then a capital letter, a digit or an opening quote. So a quote and its attribution stay
    together (``...,” Ruiz said.``), as do ``“Why?” he asked.`` and ``Rep. Fell``.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(paragraph):
        end = match.end()
        following = _NON_SPACE.search(paragraph, end)  # never a copy of the rest: linear time
        if following is None:
            continue
        nxt = paragraph[following.start()]
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        punct = match.group(0).rstrip(_CLOSERS)
        if punct == "." and _is_abbreviation(paragraph, match.start()):
            continue
        spans.append((start, end))
        start = following.start()
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def split_paragraph(report: str, number: int, text: str) -> Paragraph:
    """Split one paragraph into sentences, setting aside a trailing photo credit."""
    body = text.rstrip()
    credit = None
    found = _CREDIT.search(body, max(body.rfind(mark) for mark in ".!?") + 1)
    if found and found.start() > 0:
        credit = found.group(0).strip()
        body = body[: found.start()]
    sentences = tuple(
        Sentence(report, number, i, body[a:b]) for i, (a, b) in enumerate(split_sentences(body), start=1)
    )
    return Paragraph(number, text, sentences, credit)


class Report:
    """A report loaded from ``seeds/<id>.txt``."""

    def __init__(self, report_id: str, text: str, path: Path | None = None) -> None:
        self.id = report_id
        self.text = text
        self.path = path
        lines = [line.strip() for line in text.splitlines()]
        self.paragraphs: tuple[Paragraph, ...] = tuple(
            split_paragraph(report_id, n, line)
            for n, line in enumerate((line for line in lines if line), start=1)
        )
        self.sentences: tuple[Sentence, ...] = tuple(s for p in self.paragraphs for s in p.sentences)
        self._by_id = {s.id: s for s in self.sentences}

    @classmethod
    def from_file(cls, path: Path) -> Report:
        return cls(path.stem, path.read_text(encoding="utf-8"), path)

    def __contains__(self, sentence_id: object) -> bool:
        return sentence_id in self._by_id

    def sentence(self, sentence_id: str) -> Sentence:
        """The sentence with this id (``p3.s1``); raises UnknownSentence."""
        key = sentence_id.strip().lower()
        if key not in self._by_id:
            raise UnknownSentence(sentence_id, self.id)
        return self._by_id[key]

    def paragraph(self, number: int) -> Paragraph:
        return self.paragraphs[number - 1]

    def __repr__(self) -> str:
        return f"Report({self.id!r}, {len(self.paragraphs)} paragraphs, {len(self.sentences)} sentences)"
