"""The seam between the engine and the two ways of matching a report's facts.

A report curated by hand (facts with written answers and many ways of asking) is matched by
``bot.core.matcher``, tuned on curated fact bases. A report drafted by ``reportbot add`` (its
facts are sentences with no written answer) is matched by the general pipeline:
``question`` -> ``ranking`` (signals) -> ``checks`` -> ``decide`` -> ``extract``. Both give the
engine a ``Verdict``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from bot.core import matcher
from bot.core.analyzer import Analyzer
from bot.core.decide import decide
from bot.core.extract import prepare as prepare_answers
from bot.core.extract import short_answer
from bot.core.index import FactIndex as DraftedIndex
from bot.core.knowledge import Fact, FactBase
from bot.core.ranking import rank
from bot.core.text import stem, words


@dataclass(frozen=True)
class Verdict:
    """What one report's facts say to one question."""

    facts: tuple[Fact, ...]
    parts: tuple[str, ...]
    confidence: float
    uncertain: bool
    score: float
    near: tuple[Fact, ...]
    empty: bool
    explain: dict[str, Any] = field(default_factory=dict, compare=False)


class Index(Protocol):
    base: FactBase
    facts: tuple[Fact, ...]
    analyzer: Analyzer
    PREPARED: tuple[str, ...]

    def verdict(self, text: str, *, syntax: bool = True) -> Verdict: ...

    @property
    def report_stems(self) -> frozenset[str]: ...

    @property
    def sorted_stems(self) -> tuple[str, ...]: ...


class _ReportStems:
    """Every word stem of a report's text and facts, for routing a question among reports."""

    base: FactBase

    @cached_property
    def report_stems(self) -> frozenset[str]:
        texts = [s.text for s in self.base.report.sentences]
        texts += [t for f in self.base.facts for t in (*f.questions, *f.keywords, f.answer)]
        texts += [w for group in self.base.synonyms for w in group]
        return frozenset(stem(w) for t in texts for w in words(t))

    @cached_property
    def sorted_stems(self) -> tuple[str, ...]:
        """The report's stems in order, for finding the words a stem starts."""
        return tuple(sorted(self.report_stems))


class CuratedIndex(_ReportStems, matcher.FactIndex):
    """The curated matcher, giving verdicts."""

    #: What every question reads and no question changes: computed when the report is
    #: analysed, so it is also kept in the cache of analysed reports.
    PREPARED: tuple[str, ...] = ("report_stems", "sorted_stems")

    def verdict(self, text: str, *, syntax: bool = True) -> Verdict:
        ranking = self.rank(text)
        decision = matcher.decide(ranking)
        best = ranking.best
        return Verdict(
            facts=decision.facts,
            parts=tuple(f.answer or f.sources[0].text for f in decision.facts),
            confidence=decision.confidence,
            uncertain=decision.uncertain,
            score=best.score if best else 0.0,
            near=tuple(m.fact for m in ranking.matches if m.coverage > 0),
            empty=not ranking.analysis.tokens,
            explain={
                "matcher": "curated",
                "types": sorted(ranking.types),
                "tokens": list(ranking.analysis.tokens),
                "candidates": [
                    {"fact": m.fact.id, "score": round(m.score, 3), "coverage": round(m.coverage, 3),
                     "type_ok": m.type_ok, "numbers_ok": m.numbers_ok, "owner_ok": m.owner_ok, "place_ok": m.place_ok}
                    for m in ranking.matches[:5]
                ],
            },
        )


class GeneralIndex(_ReportStems, DraftedIndex):
    """The general pipeline, giving verdicts."""

    PREPARED: tuple[str, ...] = (
        "report_stems", "sorted_stems", "initials", "ask_masses", "sentence_docs", "pairs", "vocabulary", "sentence_words",
        "sentence_kinds", "role_vocabulary",
    )  # fmt: skip

    def verdict(self, text: str, *, syntax: bool = True) -> Verdict:
        prepare_answers()
        ranking = rank(self, text, syntax=syntax)
        decision = decide(ranking)
        tokens = frozenset(ranking.analysis.tokens)
        docs = {m.fact.id: m.doc for m in ranking.matches}
        parts = tuple(short_answer(ranking.question, docs[f.id], tokens) for f in decision.facts)
        lead = ranking.best or ranking.top
        return Verdict(
            facts=decision.facts,
            parts=parts,
            confidence=decision.confidence,
            uncertain=decision.uncertain,
            score=lead.score if lead else 0.0,
            near=tuple(m.fact for m in ranking.matches if m.score > 0),
            empty=not ranking.analysis.tokens,
            explain={
                "matcher": "general",
                "kind": ranking.question.kind,
                "weights": {t: round(w, 2) for t, w in ranking.weights.items()},
                "decided": decision.reason,
                "candidates": [
                    {"fact": m.fact.id, "score": round(m.score, 3), "coverage": round(m.coverage, 3),
                     "asked": round(m.asked, 3), "fuzzy": round(m.fuzzy, 3),
                     "failed": [{"check": c, "reason": r} for c, r in m.failed]}
                    for m in ranking.matches[:5]
                ],
            },
        )


def index_for(base: FactBase) -> Index:
    """The curated matcher for a report whose facts are mostly curated (with written answers),
    else the general pipeline, which shows a curated fact's written answer as its own."""
    curated = sum(1 for f in base.facts if f.answer) >= CURATED_SHARE * len(base.facts) > 0
    index: Index = CuratedIndex(base) if curated else GeneralIndex(base)
    for name in index.PREPARED:
        getattr(index, name)  # computed now, so the first question does not wait for them
    index.analyzer.prepare()
    return index


#: The share of a report's facts with written answers from which the curated matcher, tuned
#: for hand-written ways of asking, serves it: a drafted report with a few curated facts keeps
#: the general pipeline (one curated fact had switched an added article from 85% to 52% cited).
CURATED_SHARE = 0.5



