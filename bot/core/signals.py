"""Signals: pure functions of a question and one indexed fact, each a number in [0, 1].

``coverage``   how much of the question's weight (idf) the fact's sentences hold
``asked``      how close the question is to one of the ways curators wrote of asking for it
``kind``       whether the sentence holds an answer of the kind the question wants
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from bot.core.index import Doc
from bot.core.question import AGE, MEASURE, MONEY, NUMBER, ORGANISATION, PERSON, PLACE, REASON, TIME, Question

#: A word matched only through a general synonym counts this much of a word matched as written:
#: synonyms are often right, but "bank" is also a river's.
SYNONYM_CREDIT = 0.7
#: Span kinds of the article that answer each kind of question.
ANSWERING_KINDS: Mapping[str, frozenset[str]] = {
    PERSON: frozenset({"person", "name", "organisation", "role", "speaker"}),
    ORGANISATION: frozenset({"organisation", "name"}),
    PLACE: frozenset({"place", "name", "organisation"}),
    TIME: frozenset({"date"}),
    NUMBER: frozenset({"number", "money", "percent", "measure"}),
    AGE: frozenset({"age"}),
    MONEY: frozenset({"money"}),
    MEASURE: frozenset({"measure"}),
    REASON: frozenset({"reason"}),
}


@dataclass(frozen=True)
class Weighted:
    """The question's tokens with their weights and the related stems of each."""

    weights: Mapping[str, float]
    related: Mapping[str, frozenset[str]]
    #: Multiword synonyms of a token, as stems in order ("ceo" -> (chief, execut, offic)).
    phrases: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    #: Initials with the tokens of the name they stand for, all of which must be found ("boc").
    wholes: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @cached_property
    def total(self) -> float:
        return sum(self.weights.values()) or 1.0

    @cached_property
    def tokens(self) -> frozenset[str]:
        return frozenset(self.weights)

    @cached_property
    def bridged(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """(token, its related stems) for the tokens that have any."""
        return tuple((t, r) for t, r in self.related.items() if r and t in self.weights)

    @cached_property
    def reach(self) -> frozenset[str]:
        """Every stem through which a fact can share anything with the question: its tokens,
        their related stems, the words of their multiword synonyms, and the names its initials
        stand for."""
        out = set(self.weights)
        for _, related in self.bridged:
            out |= related
        for whole in self.wholes.values():
            out |= whole
        for phrases in self.phrases.values():
            out.update(word for phrase in phrases for word in phrase)
        return frozenset(out)


def coverage(q: Weighted, doc: Doc, *, referred: bool = False) -> float:
    """Share of the question's weight found in the fact (synonyms at SYNONYM_CREDIT); with
    ``referred``, the roles of the people it names by surname count as its words."""
    tokens = doc.tokens | doc.referred_tokens if referred and doc.referred_tokens else doc.tokens
    if q.reach.isdisjoint(tokens):
        return 0.0  # a multiword synonym's words, too, would be among the fact's tokens
    found = 0.0
    for token, weight in q.weights.items():
        if token in tokens:
            found += weight
            continue
        related = q.related.get(token)
        whole = q.wholes.get(token)
        if (
            (related and not related.isdisjoint(tokens))
            or (token in q.phrases and phrase_found(q.phrases[token], doc.pairs))
            or (whole and whole <= tokens)
        ):
            found += weight * SYNONYM_CREDIT
    return found / q.total


def phrase_found(phrases: tuple[tuple[str, ...], ...], pairs: frozenset[tuple[str, str]]) -> bool:
    """A multiword synonym stands in the fact when all its words but one stand together there
    (at least two): "Chief Executive Ana Ruiz" for "CEO", not "chief information security
    officer", whose "chief" and "officer" are apart."""
    return any(_run_found(p, pairs) for p in phrases if len(p) >= 2)


def _run_found(phrase: tuple[str, ...], pairs: frozenset[tuple[str, str]]) -> bool:
    need = max(2, len(phrase) - 1)
    for start in range(len(phrase) - need + 1):
        run = phrase[start : start + need]
        if all(pair in pairs for pair in pairwise(run)):
            return True
    return False


def asked(q: Weighted, doc: Doc, masses: tuple[float, ...]) -> float:
    """Weighted Dice overlap with the closest way of asking for the fact; ``masses`` holds the
    weight of each way of asking (``FactIndex.ask_masses``), the same for every question."""
    best = 0.0
    reach = q.reach
    for ask, theirs in zip(doc.asks, masses, strict=True):
        if reach.isdisjoint(ask):
            continue  # nothing in common: a Dice overlap of 0
        shared = ask & q.tokens
        bridged = [t for t, related in q.bridged if t not in ask and not related.isdisjoint(ask)]
        bridged += [t for t, whole in q.wholes.items() if t not in ask and whole <= ask]
        if not shared and not bridged:
            continue  # nothing in common: a Dice overlap of 0
        mine = sum(q.weights[t] for t in shared) + SYNONYM_CREDIT * sum(q.weights[t] for t in bridged)
        best = max(best, 2 * mine / (q.total + theirs))
    return best


def kind_present(question: Question, doc: Doc) -> bool:
    """True when the fact's sentences hold a span of the kind the question wants."""
    wanted = ANSWERING_KINDS.get(question.kind)
    return wanted is None or bool(wanted & doc.kinds) or doc.curated
