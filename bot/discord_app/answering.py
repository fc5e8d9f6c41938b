"""The application service of the Discord layer: check a question, ask the core, reply, record.

Cogs and buttons reach it through ``service.AnswerService``; the bot builds one ``Answerer``.

``Engine.ask`` is CPU work of about half a millisecond at the shipped fact base (the slowest of
482 test questions: 1.8 ms); it runs in a worker thread anyway, so that a larger fact base or a
slow machine can never delay Discord's heartbeat or other users. Answers are cached (bounded)
because the same questions come back: suggestion buttons, autocomplete picks, a question asked
twice in a channel. Feedback writes are blocking I/O: one worker thread keeps them off the event
loop and in order.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor

import discord

from bot.core.answer import Answer
from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.discord_app.embeds import answer_embed, decline_embed, facts_pages
from bot.discord_app.errors import QuestionTooLong, RateLimited
from bot.discord_app.limits import LRU, QuestionLimits
from bot.discord_app.reload import Served
from bot.discord_app.reply import Replier
from bot.discord_app.views import ALL_REPORTS, answer_view
from bot.feedback.events import FeedbackEvent, FeedbackSink
from bot.settings import Settings

log = logging.getLogger(__name__)

#: How many distinct answers are kept.
ANSWER_CACHE_SIZE = 1024
#: How many (message, user) votes are remembered to refuse a second vote.
VOTES_REMEMBERED = 10_000


def _key(question: str, report: str | None) -> tuple[str, str | None]:
    return (" ".join(question.split()).casefold(), report)


class Answerer:
    """Everything between a question someone asked and the reply they see."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        feedback: FeedbackSink,
        *,
        clock: Callable[[], float] = time.monotonic,
        cache_size: int = ANSWER_CACHE_SIZE,
    ) -> None:
        self._cache_size = cache_size
        #: What is served: swapped whole by ``swap`` (a reload), never changed in place.
        self._served = Served.of(engine, cache_size)
        self._settings = settings
        self.feedback = feedback
        self.feedback_in_memory = False
        self.limits = QuestionLimits(
            user_rate=settings.user_rate,
            user_per=settings.user_rate_seconds,
            channel_rate=settings.channel_rate,
            channel_per=settings.channel_rate_seconds,
            max_keys=settings.rate_limit_max_keys,
            clock=clock,
        )
        self.votes: LRU[Hashable, bool] = LRU(VOTES_REMEMBERED)
        self._feedback_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="feedback")

    @property
    def engine(self) -> Engine:
        return self._served.engine

    @property
    def cache(self) -> LRU[tuple[str, str | None], Answer]:
        return self._served.cache

    def swap(self, engine: Engine) -> None:
        """Serve ``engine`` from now on, with a new answer cache, suggestion map and /facts
        pages: one assignment, so a question in flight finishes on the knowledge it started with."""
        self._served = Served.of(engine, self._cache_size)

    @property
    def settings(self) -> Settings:
        return self._settings

    def close(self) -> None:
        """Wait for pending feedback writes (before the runner closes the store)."""
        self._feedback_thread.shutdown(wait=True)

    # -- the rate limit ----------------------------------------------------------------------
    def admit(self, user_id: int, channel_id: int | None) -> None:
        """Count one reply to ``user_id`` in ``channel_id``, or raise RateLimited: called first,
        before any other work, by every way of asking (slash commands, buttons, mentions,
        prefix commands), whatever the reply would be (an answer, help, a refusal)."""
        verdict = self.limits.check(user_id, channel_id)
        if not verdict.allowed:
            raise RateLimited(verdict)

    def limited(self, user_id: int, channel_id: int | None) -> bool:
        """True while ``user_id`` is rate-limited (autocomplete offers nothing then); uses up
        no slot, so typing a question does not spend the questions themselves."""
        return self.limits.waiting(user_id, channel_id) > 0

    # -- answering ---------------------------------------------------------------------------
    async def answer_question(
        self, replier: Replier, question: str, *, report: str | None, user_id: int, channel_id: int | None
    ) -> str:
        """Answer one question, whichever way it was asked; returns "answered" or "declined".

        The caller has admitted the request (``admit``). Raises QuestionTooLong or
        UnknownReport for the error handler.
        """
        if len(question) > MAX_QUESTION_CHARS:
            raise QuestionTooLong(len(question))
        served = self._served  # the whole question is answered from this knowledge
        if report is not None:
            served.engine.fact_base(report)  # UnknownReport names the known ones
        answer = await self.ask(question, report)  # starts on ``served``: no await before it
        embed, view = self.reply_to(answer, question, report, served=served)
        await replier.send(embed=embed, view=view)
        if not answer.answered and answer.error is None and any(ch.isalnum() for ch in question):
            await self.record_feedback(
                FeedbackEvent(kind="declined", question=question, report=report, confidence=answer.confidence)
            )
        elif answer.answered and answer.uncertain:  # "I am not fully sure": for `reportbot review`
            await self.record_feedback(
                FeedbackEvent(
                    kind="uncertain",
                    question=question,
                    report=answer.citations[0].report,
                    fact_ids=answer.fact_ids,
                    confidence=answer.confidence,
                )
            )
        return "answered" if answer.answered else "declined"

    def reply_to(
        self, answer: Answer, question: str, report: str | None, *, served: Served | None = None
    ) -> tuple[discord.Embed, discord.ui.View | None]:
        """The embed and the buttons that show ``answer`` to ``question``."""
        served = served or self._served
        engine = served.engine
        view = answer_view(
            answer,
            feedback=self.settings.feedback_enabled,
            suggestion_of=lambda s: self.fact_for_suggestion(s, report, served=served),
        )
        if answer.answered:
            embed = answer_embed(
                answer,
                question,
                report_title=engine.fact_base(answer.citations[0].report).info.title,
                show_report=len(engine.report_ids) > 1,
            )
        else:
            title = (
                engine.fact_base(report).info.title if report or len(engine.report_ids) == 1 else "reportbot"
            )
            embed = decline_embed(answer, question, report_title=title)
        return embed, view

    async def ask(self, question: str, report: str | None = None, *, served: Served | None = None) -> Answer:
        """The engine's answer; logs report, facts, confidence and latency (never who asked)."""
        started = time.perf_counter()
        served = served or self._served
        key = _key(question, report)
        answer = served.cache.get(key)
        cached = answer is not None
        if answer is None:
            answer = await asyncio.to_thread(served.engine.ask, question, report)
            served.cache.put(key, answer)
        ms = (time.perf_counter() - started) * 1000
        mark = " cached" if cached else ""
        if answer.answered:
            log.info(
                "answered report=%s facts=%s confidence=%.2f latency_ms=%.1f%s",
                answer.citations[0].report,
                ",".join(answer.fact_ids),
                answer.confidence,
                ms,
                mark,
            )
        else:
            log.info(
                "declined report=%s confidence=%.2f latency_ms=%.1f%s",
                report or "*",
                answer.confidence,
                ms,
                mark,
            )
        return answer

    def fact_for_suggestion(
        self, suggestion: str, report: str | None = None, *, served: Served | None = None
    ) -> tuple[str, str] | None:
        """(report id, fact id) of the fact whose suggested question is ``suggestion``."""
        served = served or self._served
        if report is not None:
            for fact in served.engine.fact_base(report).facts:
                if fact.suggestion == suggestion:
                    return (report, fact.id)
        return served.suggested.get(suggestion)

    # -- feedback ----------------------------------------------------------------------------
    async def record_feedback(self, event: FeedbackEvent) -> bool:
        """Store ``event`` off the event loop; False (and a warning) when the store failed."""
        if not self.settings.feedback_enabled:
            return False
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._feedback_thread, self.feedback.record, event)
        except Exception as exc:
            log.warning("could not store %s feedback: %s", event.kind, exc)
            return False
        return True

    def first_vote(self, key: Hashable) -> bool:
        """True the first time ``key`` votes (then it is remembered); False after."""
        if key in self.votes:
            return False
        self.votes.put(key, True)
        return True

    # -- what the report shows ---------------------------------------------------------------
    def report_title(self, report: str | None) -> str:
        return self.engine.fact_base(report).info.title

    def facts_pages(self, report: str | None) -> list[discord.Embed]:
        """The pages of /facts for one report or all (built once per loaded knowledge)."""
        served = self._served
        key = report or ALL_REPORTS
        if key not in served.pages:
            ids = [report] if report else served.engine.report_ids
            served.pages[key] = facts_pages([served.engine.fact_base(r) for r in ids])
        return [e.copy() for e in served.pages[key]]
