"""A flood: 1,000 questions at once from many users and channels, through the real handlers
with a mocked transport. Every one is answered or politely refused, nothing escapes, memory
stays bounded, and the event loop stays responsive while answers are computed."""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections import Counter
from typing import Any

import pytest

from bot.core.engine import Engine
from bot.discord_app.answering import ANSWER_CACHE_SIZE, Answerer
from bot.discord_app.client import ReportBot
from bot.feedback.events import MemorySink

from .conftest import (
    BOT_ID,
    BotFactory,
    FakeClock,
    make_interaction,
    make_message,
    make_settings,
    replies,
    run_slash,
    sends,
)

QUESTIONS = 1000
MAX_KEYS = 64

JUNK = [
    "",
    "   ",
    "?",
    "x" * 4000,
    "why " * 130,
    "@everyone @here <@123456789012345678> <@&876543210987654321> who leads?",
    "**bold** `code` ```py\nprint(1)\n``` > quote || spoiler ||",
    "태스크포스는 누가 이끄나요?",
    "谁领导工作组？",
    "من يقود فريق العمل؟",
    "🙂🙂🙂",
    "\u200b\u200f\u202e who leads \x00\x07",
    "'; DROP TABLE feedback; --",
    "<script>alert(1)</script> {{7*7}} ${jndi:x}",
    "https://example.com/who-leads?x=1",
    "What is the currency of Cambodia?",
    "how many people live in vietnam",
]


def classify(sent: dict[str, Any]) -> str:
    if sent.get("embed") is not None:
        return "answered" if sent["embed"].fields else "declined"
    content = sent.get("content") or ""
    if "try again in" in content:
        return "rate-limited"
    if "too long" in content:
        return "refused"
    if content.startswith("Ask me a question"):
        return "hint"
    return "other: " + content


async def test_a_flood_of_questions_is_answered_or_rate_limited(
    make_bot: BotFactory, engine: Engine, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.discord_app")
    bot = await make_bot(rate_limit_max_keys=MAX_KEYS)
    cog = bot.get_cog("Ask")
    rng = random.Random(20261125)
    pool = [q for f in engine.fact_base().facts for q in f.questions] + JUNK * 3

    interactions: list[Any] = []
    messages: list[Any] = []

    async def one(n: int) -> None:
        user = rng.randrange(120)
        channel = rng.randrange(20)
        question = rng.choice(pool)
        clock.advance(0.01)
        if n % 3 == 0:
            m = make_message(
                bot, f"<@{BOT_ID}> {question}", author_id=user, channel_id=channel, dm=n % 9 == 0
            )
            messages.append(m)
            await cog.on_message(m)
        else:
            i = make_interaction(bot, user_id=user, channel_id=channel)
            interactions.append(i)
            await run_slash(bot, i, "ask", question=question)

    results = await asyncio.gather(*(one(n) for n in range(QUESTIONS)), return_exceptions=True)
    assert [r for r in results if isinstance(r, BaseException)] == []

    outcomes: Counter[str] = Counter()
    for i in interactions:
        sent = sends(i)
        assert len(sent) == 1, sent  # every interaction gets exactly one reply
        outcomes[classify(sent[0])] += 1
        assert sent[0]["allowed_mentions"].to_dict() == {"parse": []}
    quiet = 0
    for m in messages:
        sent = replies(m.reply)
        assert len(sent) <= 1
        if sent:
            outcomes[classify(sent[0])] += 1
            assert sent[0]["allowed_mentions"].to_dict() == {"parse": []}
        else:
            quiet += 1
    again = [r for r in caplog.records if r.getMessage().endswith("rate limited again; not replying")]
    assert quiet == len(again)  # silence only for a repeated refusal of a message-based question
    outcomes["rate-limited (quietly, repeat)"] = quiet

    assert sum(outcomes.values()) == QUESTIONS
    assert not [k for k in outcomes if k.startswith("other")], outcomes
    assert outcomes["answered"] > 100 and outcomes["rate-limited"] > 100 and outcomes["declined"] > 0
    assert outcomes["refused"] > 0
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []

    sizes = bot.answers.limits.sizes()
    assert all(size <= MAX_KEYS for size in sizes.values()), sizes
    assert sizes["users"] == MAX_KEYS  # 120 users went through a memory of 64
    assert len(bot.answers.cache) <= ANSWER_CACHE_SIZE
    assert len(bot.answers.votes) == 0
    print(f"\nflood of {QUESTIONS}: {dict(outcomes)}; limiter sizes {sizes}; cache {len(bot.answers.cache)}")


async def test_the_answer_cache_is_bounded(engine: Engine) -> None:
    answers = Answerer(engine, make_settings(), MemorySink(), cache_size=10)
    for n in range(50):
        await answers.ask(f"who leads the task force {n}")
    assert len(answers.cache) == 10


async def test_the_event_loop_keeps_running_while_answering(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine runs in a worker thread: a slow answer does not stop the loop (heartbeats)."""
    answers = Answerer(engine, make_settings(), MemorySink())
    threads: list[str] = []
    real_ask = engine.ask

    def slow_ask(question: str, report: str | None = None) -> Any:
        threads.append(threading.current_thread().name)
        time.sleep(0.3)
        return real_ask(question, report)

    monkeypatch.setattr(engine, "ask", slow_ask)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    task = asyncio.create_task(ticker())
    answer = await answers.ask("who leads the task force")
    task.cancel()
    assert answer.answered
    assert threads and threads[0] != threading.main_thread().name
    assert ticks >= 10  # about 30 expected; 0 if the loop were blocked


def test_every_way_of_asking_and_junk_gets_a_well_formed_answer(engine: Engine) -> None:
    """Every curated question and every junk input is answered or declined, never raises.
    (How fast is measured by scripts/bench.py, not asserted: shared machines are noisy.)"""
    questions = [q for f in engine.fact_base().facts for q in f.questions] + JUNK
    for q in questions:
        answer = engine.ask(q)
        assert answer.answered == bool(answer.citations)
        assert answer.answered or answer.suggestions


async def test_one_bot_serves_after_the_flood(bot: ReportBot, clock: FakeClock) -> None:
    for n in range(60):
        await run_slash(
            bot, make_interaction(bot, user_id=n % 7, channel_id=n % 3), "ask", question="who leads"
        )
    clock.advance(3600)
    i = make_interaction(bot, user_id=1, channel_id=1)
    await run_slash(bot, i, "ask", question="who leads the task force")
    assert sends(i)[0]["embed"].title.startswith("Kim Ji-na")
