"""Asking the core from the event loop: off the loop, cached, and logged one line per question.

``Engine.ask`` is CPU work of about half a millisecond at the shipped fact base (the slowest of
482 test questions: 1.8 ms); it runs in a worker thread anyway, so that a larger fact base or a
slow machine can never delay Discord's heartbeat or other users. Answers are cached (bounded) because the same questions come back:
suggestion buttons, autocomplete picks, a question asked twice in a channel.
"""

from __future__ import annotations

import asyncio
import logging
import time

from bot.core.answer import Answer
from bot.core.engine import Engine
from bot.discord_app.limits import LRU

log = logging.getLogger(__name__)

#: How many distinct answers are kept.
ANSWER_CACHE_SIZE = 1024


def _key(question: str, report: str | None) -> tuple[str, str | None]:
    return (" ".join(question.split()).casefold(), report)


class Answerer:
    """The engine as the Discord layer uses it."""

    def __init__(self, engine: Engine, *, cache_size: int = ANSWER_CACHE_SIZE) -> None:
        self.engine = engine
        self.cache: LRU[tuple[str, str | None], Answer] = LRU(cache_size)
        self._suggested: dict[str, tuple[str, str]] = {}
        for rid in engine.report_ids:
            for fact in engine.fact_base(rid).facts:
                self._suggested.setdefault(fact.suggestion, (rid, fact.id))

    async def ask(self, question: str, report: str | None = None) -> Answer:
        """The engine's answer; logs report, facts, confidence and latency (never who asked)."""
        started = time.perf_counter()
        key = _key(question, report)
        answer = self.cache.get(key)
        cached = answer is not None
        if answer is None:
            answer = await asyncio.to_thread(self.engine.ask, question, report)
            self.cache.put(key, answer)
        ms = (time.perf_counter() - started) * 1000
        if answer.answered:
            log.info(
                "answered report=%s facts=%s confidence=%.2f latency_ms=%.1f%s",
                answer.citations[0].report,
                ",".join(answer.fact_ids),
                answer.confidence,
                ms,
                " cached" if cached else "",
            )
        else:
            log.info(
                "declined report=%s confidence=%.2f latency_ms=%.1f%s",
                report or "*",
                answer.confidence,
                ms,
                " cached" if cached else "",
            )
        return answer

    def fact_for_suggestion(self, suggestion: str, report: str | None = None) -> tuple[str, str] | None:
        """(report id, fact id) of the fact whose suggested question is ``suggestion``."""
        if report is not None:
            for fact in self.engine.fact_base(report).facts:
                if fact.suggestion == suggestion:
                    return (report, fact.id)
        return self._suggested.get(suggestion)
