"""What the curator should look at: declined, low-confidence and 👎 questions, grouped.

Questions are compared as the core reads them (tidied of chat noise, words stemmed, compounds
split), with RapidFuzz's ``token_sort_ratio``: "Who is heading the task force?" and "who heads
the task-force" fall in one group. Each group names the closest fact (the fact whose ways of
asking look most like the group's representative question) and the sentence it cites, so the
curator sees whether the bot needs a new way of asking, a new fact, or nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.core.engine import Engine, tidy_question
from bot.core.knowledge import DRAFTED_FILE, Fact
from bot.core.text import clean, split_compound, stem, words
from bot.feedback.store import StoredFeedback

#: The kinds of feedback a review reads: the bot could not answer, was not sure, or was wrong.
REVIEWED_KINDS = ("declined", "uncertain", "unhelpful")
#: Two questions whose analysed forms score at least this (token_sort_ratio, 0-100) are one group.
SAME_QUESTION = 78.0
#: A closest fact scoring at least this (0-1) is offered for more ways of asking; below it, the
#: export proposes a new fact citing its sentence instead.
ADD_TO_FACT = 0.4


def analysed(question: str) -> str:
    """The question as the core compares it: tidied, its words stemmed, compounds split."""
    parts = [p for w in words(tidy_question(question)) for p in split_compound(w)]
    return " ".join(stem(p) for p in parts)


@dataclass(frozen=True)
class Closest:
    """The fact most like a group's questions, and the first sentence it cites."""

    report: str
    fact: Fact
    score: float
    #: True when the bot itself ranked the fact (its answer or best candidate); False when it
    #: ranked nothing and the fact was picked by how much its questions look alike.
    ranked: bool = True

    @property
    def sentence_id(self) -> str:
        return self.fact.sources[0].id

    @property
    def sentence(self) -> str:
        return self.fact.sources[0].text

    @property
    def drafted(self) -> bool:
        """True when the fact comes from ``drafted.yaml`` (never edited: a curated copy overrides it)."""
        return Path(self.fact.file).name == DRAFTED_FILE


@dataclass
class Group:
    """Similar questions: how often each was asked, of which kinds, and the closest fact."""

    key: str
    questions: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    reports: Counter[str] = field(default_factory=Counter)
    closest: Closest | None = None

    @property
    def count(self) -> int:
        return sum(self.questions.values())

    #: What the bot answers the representative question with now: fact ids, or () for a decline.
    now: tuple[str, ...] | None = None

    @property
    def variants(self) -> list[str]:
        """The distinct questions, most asked first (then alphabetically); spellings the core
        reads alike (case, hyphens, punctuation) count as one."""
        seen: set[str] = set()
        found = []
        for q, _n in sorted(self.questions.items(), key=lambda qn: (-qn[1], qn[0])):
            key = analysed(q) or clean(q)
            if key not in seen:
                seen.add(key)
                found.append(q)
        return found

    @property
    def representative(self) -> str:
        return self.variants[0]

    @property
    def report(self) -> str | None:
        """The report of the closest fact, else the one most asked about."""
        if self.closest is not None:
            return self.closest.report
        return self.reports.most_common(1)[0][0] if self.reports else None


def selected(
    items: Iterable[StoredFeedback],
    *,
    report: str | None = None,
    since_days: int | None = None,
    now: datetime | None = None,
) -> list[StoredFeedback]:
    """The events a review reads: of REVIEWED_KINDS, about ``report`` (or asked of every report),
    at most ``since_days`` old."""
    cutoff = None if since_days is None else (now or datetime.now(UTC)) - timedelta(days=since_days)
    found = []
    for item in items:
        e = item.event
        if e.kind not in REVIEWED_KINDS or not any(ch.isalnum() for ch in e.question):
            continue
        if report is not None and e.report not in (report, None):
            continue
        at = e.at if e.at.tzinfo is not None else e.at.replace(tzinfo=UTC)
        if cutoff is not None and at < cutoff:
            continue
        found.append(item)
    return found


def group_questions(items: Iterable[StoredFeedback]) -> list[Group]:
    """Similar questions together, the largest group first (then by representative question)."""
    groups: list[Group] = []
    keys: list[str] = []
    by_text: dict[str, Group] = {}
    events = list(items)
    counted = Counter(item.event.question.strip() for item in events)
    # The most asked question of a group becomes its key, so groups form around them.
    for question, _n in sorted(counted.items(), key=lambda qn: (-qn[1], qn[0])):
        form = analysed(question) or clean(question)
        hit = process.extractOne(
            form, keys, scorer=fuzz.token_sort_ratio, processor=None, score_cutoff=SAME_QUESTION
        )
        if hit is None:
            group = Group(key=form)
            groups.append(group)
            keys.append(form)
        else:
            group = groups[hit[2]]
        by_text[question] = group
    for item in events:
        e = item.event
        group = by_text[e.question.strip()]
        group.questions[e.question.strip()] += 1
        group.kinds[e.kind] += 1
        if e.report:
            group.reports[e.report] += 1
    return sorted(groups, key=lambda g: (-g.count, g.representative.casefold()))


def closest_fact(engine: Engine, question: str, report: str | None = None) -> Closest | None:
    """The fact nearest ``question``: the one the bot answers it with, else its best-ranked
    candidate (score: the bot's own, 0-1); when the bot ranks nothing, the fact whose ways of
    asking look most like it (RapidFuzz ``token_set_ratio`` on the analysed forms, scaled to 0-1)."""
    answer = engine.ask(question, report)
    candidates = answer.explain.get("candidates") if isinstance(answer.explain, dict) else None
    picked: tuple[str, float] | None = None
    if answer.answered and answer.fact_ids:
        picked = (answer.fact_ids[0], answer.confidence)
    elif candidates and isinstance(candidates[0], dict) and candidates[0].get("fact"):
        picked = (str(candidates[0]["fact"]), float(candidates[0].get("score") or 0.0))
    rids = [report] if report is not None else engine.report_ids
    if picked is not None:
        for rid in rids:
            fact = next((f for f in engine.fact_base(rid).facts if f.id == picked[0]), None)
            if fact is not None:
                return Closest(rid, fact, round(picked[1], 2))
    return _most_alike(engine, question, rids)


def _most_alike(engine: Engine, question: str, rids: list[str]) -> Closest | None:
    choices: list[str] = []
    owners: list[tuple[str, Fact]] = []
    for rid in rids:
        for fact in engine.fact_base(rid).facts:
            for q in fact.questions:
                choices.append(analysed(q))
                owners.append((rid, fact))
    form = analysed(question)
    hit = process.extractOne(form, choices, scorer=fuzz.token_set_ratio, processor=None) if form else None
    if hit is None:
        return None
    rid, fact = owners[hit[2]]
    return Closest(rid, fact, round(float(hit[1]) / 100, 2), ranked=False)


def review(
    engine: Engine,
    items: Iterable[StoredFeedback],
    *,
    report: str | None = None,
    since_days: int | None = None,
    min_count: int = 1,
    now: datetime | None = None,
) -> list[Group]:
    """The groups to review, largest first, each with its closest fact; at least ``min_count``
    events each. ``report``, when given, must be one the engine serves (UnknownReport)."""
    if report is not None:
        engine.fact_base(report)
    groups = group_questions(selected(items, report=report, since_days=since_days, now=now))
    kept = [g for g in groups if g.count >= min_count]
    for g in kept:
        scope = report
        if scope is None and len(g.reports) == 1 and next(iter(g.reports)) in engine.report_ids:
            scope = next(iter(g.reports))
        g.closest = closest_fact(engine, g.representative, scope)
        g.now = engine.ask(g.representative, scope).fact_ids
    return kept
