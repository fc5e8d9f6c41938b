"""Checks: each one a named rule that a fact must pass to answer a question, returning the
reason it fails (or None). A confident wrong answer is worse than a decline, so a fact that
lacks what the question pins down (a name, a figure, a day, an answer of the kind asked) is
not used, however many other words it shares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.index import Doc, FactIndex
from bot.core.question import YES_NO, Question
from bot.core.signals import kind_present


@dataclass(frozen=True)
class Context:
    """What the checks read: the question, its tokens, and the report's index."""

    question: Question
    tokens: frozenset[str]
    names: frozenset[str]  # the question's tokens that name someone or something of the report
    unknown_names: tuple[str, ...]  # capitalised words of the question the report never uses
    index: FactIndex


def names_in_fact(ctx: Context, doc: Doc) -> str | None:
    """Every name the question gives must be in the fact's sentences (or who they refer to)."""
    missing = sorted(t for t in ctx.names if t not in doc.tokens and not _in_asks(t, doc))
    return f"the fact does not mention {', '.join(missing)}" if missing else None


def figures_in_fact(ctx: Context, doc: Doc) -> str | None:
    """A figure the question gives must be one the fact states (yes/no questions may be wrong)."""
    if ctx.question.kind == YES_NO:
        return None
    missing = sorted(f for f in ctx.question.figures if f not in doc.figures and not _year_only(f, doc))
    return f"the fact does not state {', '.join(missing)}" if missing else None


def days_in_fact(ctx: Context, doc: Doc) -> str | None:
    """A month or weekday the question names must be the fact's."""
    if ctx.question.months - doc.months:
        return "the fact is about another month"
    if ctx.question.weekdays - doc.weekdays:
        return "the fact is about another day"
    return None


def kind_in_fact(ctx: Context, doc: Doc) -> str | None:
    """The fact's sentences must hold an answer of the kind the question wants."""
    return None if kind_present(ctx.question, doc) else f"the fact holds no {ctx.question.kind}"


def names_known(ctx: Context, doc: Doc) -> str | None:
    """A name the report never uses means the question is about something else."""
    if ctx.unknown_names:
        return f"the report never mentions {', '.join(ctx.unknown_names)}"
    return None


def _in_asks(token: str, doc: Doc) -> bool:
    return any(token in ask for ask in doc.asks)


def _year_only(figure: str, doc: Doc) -> bool:
    return False


#: Every check, in the order they are reported.
CHECKS: tuple[Callable[[Context, Doc], str | None], ...] = (
    names_known,
    names_in_fact,
    figures_in_fact,
    days_in_fact,
    kind_in_fact,
)


def failures(ctx: Context, doc: Doc) -> list[tuple[str, str]]:
    """(check name, reason) for every check the fact fails."""
    out = []
    for check in CHECKS:
        reason = check(ctx, doc)
        if reason:
            out.append((check.__name__, reason))
    return out
