"""The Engine: the fact bases loaded once, and ``ask`` turning a question into an Answer.

This is the one entry point the CLI and the Discord layer use. It is pure and in-memory after
loading, safe to call from any thread, and never raises for any question text.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.core.answer import Answer, Citation
from bot.core.article import read_article
from bot.core.cache import IndexCache
from bot.core.completion import COMPLETE_ENOUGH, Offered, completion_score, typed_words
from bot.core.datadir import find_data_dir
from bot.core.errors import Problem, UnknownReport
from bot.core.knowledge import FactBase, load_data_dir
from bot.core.korean.messages import decline_message_ko
from bot.core.korean_bridge import (
    KoreanAliases,
    ReportTerms,
    is_korean,
    merged_terms,
    read_for_english,
    report_terms,
)
from bot.core.lexicon import FOREIGN_FUNCTION_WORDS, STOPWORDS
from bot.core.report import Sentence, split_sentences
from bot.core.routing import route
from bot.core.text import clean, latin_letter_share, stem, words
from bot.core.verdict import Verdict, index_for

log = logging.getLogger(__name__)

#: The longest question accepted, in characters (the CLI and Discord share it).
MAX_QUESTION_CHARS = 500
#: How many suggestions a decline offers.
SUGGESTIONS = 3
#: Below this share of Latin letters a question is taken to be in another language.
MIN_LATIN_SHARE = 0.5

#: What "what is this report about?" is taken to ask; a fact with the keyword "summary" answers it.
OVERVIEW_QUESTION = "summary of the report"
_ABOUT_THE_REPORT = re.compile(
    r"\b(report|article|story|news|piece|this)\b.*\babout\b|\babout\b.*\b(report|article|story)\b"
)
#: Questions asking for the bot's opinion: the report has facts and quotes, not verdicts.
_OPINION = re.compile(
    r"\b(do|did|would) you (think|believe|feel|agree|reckon)\b|\byour (opinion|view|take|thoughts)\b"
    r"|\bin your (opinion|view)\b|\bwhat do you make of\b|\bshould (i|we|you)\b"
    r"|\b(is|was|are|were) (it|that|this|they|he|she) (fair|justified|right|wrong|good|bad)\b"
    r"|\b(?:is|was|are|were) (?:the |this |that |it )?(?:[\w'’-]+ ){0,4}(?:a |an )?(?:good|bad|right|wrong|smart|wise|fair|sensible) "
    r"(?:idea|decision|move|choice|call|thing|deal|plan)\b"
    r"|\b(fair|justified|unfair)\??$|\b(handling|handled|doing) (it |this |the \w+ )?(well|badly|poorly)\b"
)
_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.IGNORECASE)
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # a terminal colour code whole
_CODE_FENCE = re.compile(r"`+")


def tidy_question(question: str) -> str:
    """The question without chat noise: mentions, URLs, control characters, code fences, extra space."""
    text = _CONTROL.sub(" ", question)
    text = _MENTION.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _CODE_FENCE.sub(" ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Hit:
    """A verdict in one report (the engine keeps the best across reports)."""

    index: Any
    verdict: Verdict


class Engine:
    """Answers questions about one or more reports; load it once, ask many times."""

    def __init__(self, bases: Iterable[FactBase], *, cache: IndexCache | None = None) -> None:
        self.indexes: dict[str, Any] = {
            b.id: cache.index(b, index_for) if cache else index_for(b) for b in bases
        }
        if not self.indexes:
            raise ValueError("an Engine needs at least one fact base")
        #: Each report's names and words, for Korean questions: read on the first one about it.
        self._korean: dict[str, ReportTerms] = {}

    @classmethod
    def load(cls, data_dir: str | Path | None = None, reports: Iterable[str] | None = None) -> Engine:
        """Find the data folder (see ``find_data_dir``), load and validate it, and index it."""
        started = time.perf_counter()
        root = find_data_dir(data_dir)
        engine = cls(load_data_dir(root, reports), cache=IndexCache.for_data_dir(root))
        log.info(
            "loaded %d report(s), %d facts from %s in %.0f ms",
            len(engine.indexes),
            sum(len(i.facts) for i in engine.indexes.values()),
            root,
            (time.perf_counter() - started) * 1000,
        )
        return engine

    # -- reports ----------------------------------------------------------------------------
    @property
    def report_ids(self) -> list[str]:
        return list(self.indexes)

    def fact_base(self, report: str | None = None) -> FactBase:
        """The fact base of ``report``; without one, the only report (or the first)."""
        return self._index(report).base

    def _index(self, report: str | None) -> Any:
        if report is None:
            return next(iter(self.indexes.values()))
        if report not in self.indexes:
            raise UnknownReport(report, self.report_ids)
        return self.indexes[report]

    def _scope(self, report: str | None) -> list[Any]:
        return list(self.indexes.values()) if report is None else [self._index(report)]

    def sentence(self, sentence_id: str, report: str | None = None) -> Sentence:
        """A sentence by id (``p3.s1``); raises UnknownSentence or UnknownReport."""
        return self._index(report).base.report.sentence(sentence_id)

    # -- answering --------------------------------------------------------------------------
    def ask(self, question: str, report: str | None = None, *, syntax: bool = True) -> Answer:
        """Answer ``question`` from ``report`` (default: search every report). Never raises
        for any text; an unknown ``report`` raises UnknownReport. ``syntax=False`` reads it as
        a question word and keywords (how Korean questions are asked in English)."""
        scope = self._scope(report)
        original = question if isinstance(question, str) else str(question)
        if len(original) > MAX_QUESTION_CHARS:
            return self._refuse(
                original,
                f"question too long: {len(original)} characters (the limit is {MAX_QUESTION_CHARS})",
                f"That question is too long ({len(original)} characters). "
                f"Please ask in at most {MAX_QUESTION_CHARS} characters.",
                scope,
            )
        text = tidy_question(original)
        if is_korean(text):
            return self._ask_korean(original, text, report, scope)
        refusal = _not_a_question(text)
        if refusal is not None:
            return self._decline(original, refusal or self._introduction(scope), scope, verdict=None)
        return self._answer(original, text, route(text, scope) if report is None else scope, syntax)

    def _answer(self, original: str, text: str, scope: list[Any], syntax: bool = True) -> Answer:
        """The best verdict of the reports in ``scope``, as an Answer."""
        hits = [Hit(index, index.verdict(text, syntax=syntax)) for index in scope]
        if all(h.verdict.empty for h in hits):
            if not _ABOUT_THE_REPORT.search(clean(text)):
                return self._decline(original, self._introduction(scope), scope, verdict=None)
            # "What is this article about?": the fact base's overview, if it has one.
            hits = [Hit(index, index.verdict(OVERVIEW_QUESTION)) for index in scope]
        hit = max(hits, key=lambda h: (bool(h.verdict.facts), h.verdict.score))
        asked = question_clause(text)
        if not hit.verdict.facts and asked is not None:
            # A chatty message ("I read that ... — who leads them?"): try its question alone.
            alt = max((Hit(index, index.verdict(asked)) for index in scope), key=lambda h: h.verdict.score)
            hit = alt if alt.verdict.facts else hit
        verdict = hit.verdict
        if not verdict.facts:
            return self._decline(
                original, "The report does not say.", scope, verdict=verdict, confidence=verdict.confidence
            )
        return _answered(original, verdict)

    def _ask_korean(self, original: str, text: str, report: str | None, scope: list[Any]) -> Answer:
        """A Korean question: asked in English terms (its readings in turn, until one is
        answered without doubt; else the first answered), answered with the English sentence;
        a decline says so in Korean. A question read only in part gets no doubtful answer, and
        one mostly unread gets none. ``explain`` shows the English readings."""
        terms = self._korean_terms(scope)
        aliases = KoreanAliases.of(g for index in scope for g in index.base.korean)
        reading = read_for_english(text, terms, aliases)
        first: Answer | None = None
        unsure: Answer | None = None
        asked: list[str] = []
        for english in () if reading.mostly_unread else reading.questions:
            answer = self.ask(english, report, syntax=False)
            asked.append(english)
            if answer.answered and not answer.uncertain:
                return self._korean_answer(answer, original, reading.unread, asked)
            if answer.answered and not reading.unread:
                unsure = unsure or answer  # kept unless a later reading is answered surely
            first = first or (answer if not answer.answered else None)
        if unsure is not None:
            return self._korean_answer(unsure, original, reading.unread, asked)
        if first is None:  # a place the report never names, or too little of it read
            first = self._decline(original, decline_message_ko(), scope, verdict=None)
        declined = replace(first, answer=decline_message_ko())
        return self._korean_answer(declined, original, reading.unread, asked)

    @staticmethod
    def _korean_answer(answer: Answer, original: str, unread: tuple[str, ...], asked: list[str]) -> Answer:
        explain = dict(answer.explain, korean={"asked": asked, "unread": list(unread)})
        return replace(answer, question=original, language="ko", explain=explain)

    def _korean_terms(self, scope: list[Any]) -> ReportTerms:
        """The names and words of the reports in ``scope``, read once per report (and once per
        set of reports a question is asked of)."""
        for index in scope:
            if index.base.id not in self._korean:
                article = getattr(index, "article", None) or read_article(index.base.report)
                self._korean[index.base.id] = report_terms(index.base, article)
        key = "\n".join(index.base.id for index in scope)
        if key not in self._korean:
            self._korean[key] = merged_terms([self._korean[index.base.id] for index in scope])
        return self._korean[key]

    @staticmethod
    def _introduction(scope: list[Any]) -> str:
        titles = "; ".join(f"“{index.base.info.title}”" for index in scope)
        return f"I answer questions about {titles}, quoting the sentence each answer comes from."

    def refuse(self, error: str, question: str = "") -> Answer:
        """A decline for input that could not be read at all (``error`` says why)."""
        return self._refuse(question, error, f"I could not read that question: {error}.", self._scope(None))

    def audit(self) -> list[Problem]:
        """What `reportbot check` adds to loading: uncited sentences, and suggestions the bot
        would not answer with their own fact."""
        problems: list[Problem] = []
        for rid, index in self.indexes.items():
            base = index.base
            folder = f"knowledge/{rid}"
            for s in base.uncited():
                problems.append(
                    Problem(
                        folder,
                        None,
                        f"sentence {s.id} is cited by no fact; add a fact for it or an `uncovered` "
                        f"entry with a reason: {s.text!r}",
                    )
                )
            for fact in base.facts:
                answer = self.ask(fact.suggestion, rid)
                wanted = fact.sources[0].id
                if not answer.answered or wanted not in {c.sentence_id for c in answer.citations}:
                    got = ", ".join(answer.fact_ids) or "a decline"
                    problems.append(
                        Problem(
                            fact.file,
                            fact.line,
                            f"fact {fact.id!r}: its first question {fact.suggestion!r} (offered as a "
                            f"suggestion) gets {got} instead; reword it or make it more specific",
                        )
                    )
        return problems

    def _refuse(self, question: str, error: str, message: str, scope: list[Any]) -> Answer:
        shown = question if len(question) <= 200 else question[:200] + "…"
        return Answer(
            question=shown,
            answered=False,
            answer=message,
            suggestions=tuple(self._suggestions(scope, None)),
            error=error,
        )

    def _decline(
        self,
        question: str,
        message: str,
        scope: list[Any],
        verdict: Verdict | None,
        confidence: float = 0.0,
    ) -> Answer:
        suggestions = self._suggestions(scope, verdict)
        return Answer(
            question=question,
            answered=False,
            answer=message,
            confidence=round(min(max(confidence, 0.0), 1.0), 4),
            suggestions=tuple(suggestions),
            explain=verdict.explain if verdict else {},
        )

    def _suggestions(self, scope: list[Any], verdict: Verdict | None) -> list[str]:
        """Up to SUGGESTIONS questions the bot answers: near the question first, then one per topic."""
        picked: list[str] = []
        if verdict is not None:
            for fact in verdict.near:
                if fact.suggestion not in picked:
                    picked.append(fact.suggestion)
                if len(picked) >= SUGGESTIONS - 1:
                    break
        for index in scope:
            for facts in index.base.topics().values():
                if len(picked) >= SUGGESTIONS:
                    return picked
                if facts[0].suggestion not in picked:
                    picked.append(facts[0].suggestion)
        return picked[:SUGGESTIONS]

    def complete(self, prefix: str, report: str | None = None, limit: int = 25) -> list[str]:
        """Questions for autocomplete: one per fact (its first, cased as a question), closest to
        ``prefix`` first, and only those the bot answers with their own fact (checked once per
        report). Each word typed is looked for in every way of asking a fact (the last one as
        the start of a word; another ending or a typo counts less, little words less still)."""
        candidates = [c for index in self._scope(report) for c in self._offers(index)]
        text = tidy_question(prefix or "")
        if is_korean(text):
            text = self._korean_prefix(text, report)  # only the names its aliases give
            if not text:
                return []
        typed = words(text)
        if not typed:
            return [shown for shown, _forms in candidates][:limit]
        asked = typed_words(typed, partial=text[-1:].isalnum())  # the last word is still being typed
        ranked = []
        for order, (shown, forms) in enumerate(candidates):
            score = completion_score(typed, asked, forms)
            if score >= COMPLETE_ENOUGH:
                ranked.append((-score, order, shown))
        return [shown for _score, _order, shown in sorted(ranked)][:limit]

    def _korean_prefix(self, text: str, report: str | None) -> str:
        """The English names a Korean prefix gives through the reports' ``korean`` aliases
        ("녹색동맹" -> "Green Alliance"), or "" when it gives none: autocomplete offers the
        report's questions about them."""
        groups = [g for index in self._scope(report) for g in index.base.korean]
        aliases = KoreanAliases.of(groups)
        found = [english for korean, english in aliases.pairs if korean in text or korean.startswith(text.strip())]
        return " ".join(dict.fromkeys(found))

    def _offers(self, index: Any) -> list[Offered]:
        """The questions autocomplete offers for one report, found once: each fact's first
        question, cased as a question, when the bot answers it with that fact."""
        offered: dict[str, list[Offered]] = self.__dict__.setdefault("_offered", {})
        if index.base.id not in offered:
            found = offered[index.base.id] = []
            for f in index.facts:
                shown = f.suggestion.strip().rstrip(".!? ")
                shown = shown[:1].upper() + shown[1:] + "?"
                if f.id in self.ask(shown, index.base.id).fact_ids:
                    forms = [tuple(words(q)) for q in f.questions]
                    found.append((shown, [(w, tuple(map(stem, w)), set(w)) for w in forms]))
        return offered[index.base.id]


_CLAUSES = re.compile(r"(?<=[;:])\s+|\s+[—–-]+\s+")
_QUESTION_START = re.compile(
    r"^(who|whom|whose|what|which|when|where|why|how|is|are|was|were|will|would|did|does|do|"
    r"has|have|can|could|should)\b",
    re.IGNORECASE,
)


def question_clause(text: str) -> str | None:
    """The question inside a longer message, or None when the message is one clause.

    "Saw on the news that Rome is sending officials. Who leads them?" -> "Who leads them?"
    """
    sentences = [text[a:b] for a, b in split_sentences(text)]  # "Rep." and "U.S." end nothing
    clauses = [c.strip() for sentence in sentences for c in _CLAUSES.split(sentence) if c.strip()]
    if len(clauses) < 2:
        return None
    for clause in reversed(clauses):
        if clause.endswith("?") or _QUESTION_START.match(clause):
            return clause
    return None


def _answered(question: str, verdict: Verdict) -> Answer:
    """An Answer citing the verdict's facts' sentences, best first, each once."""
    citations = list(dict.fromkeys(Citation.of(s) for fact in verdict.facts for s in fact.sources))
    answer = verdict.parts[0]
    more = [p for p in dict.fromkeys(verdict.parts[1:]) if p.lower().rstrip(".") not in answer.lower()]
    if more:  # "Also: Karen Holloway" after "Karen Holloway, the incident commander" says nothing new
        answer = answer.rstrip(".") + ". Also: " + "; ".join(more)
    return Answer(
        question=question,
        answered=True,
        answer=answer,
        citations=tuple(citations),
        confidence=round(min(max(verdict.confidence, 0.0), 1.0), 4),
        uncertain=verdict.uncertain,
        fact_ids=tuple(f.id for f in verdict.facts),
        parts=(verdict.parts[0], *more),
        explain=verdict.explain,
    )


def _not_a_question(text: str) -> str | None:
    """Why ``text`` is declined before any matching ("" for the bot's introduction), or None."""
    if not _has_words(text):
        return ""
    if _foreign(text):
        return "I can only understand questions in English; please ask in English."
    if _OPINION.search(clean(text)):
        return "I only say what the report says; it gives no verdict on that."
    return None


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _foreign(text: str) -> bool:
    """True for a question mostly in another script, or in a Latin-script language not English."""
    if latin_letter_share(text) < MIN_LATIN_SHARE:
        return True
    tokens = re.findall(r"[^\W\d_]+", clean(text))
    foreign = sum(1 for t in tokens if t in FOREIGN_FUNCTION_WORDS and t not in STOPWORDS)
    english = sum(1 for t in tokens if t in STOPWORDS)
    return foreign >= 2 and english == 0
