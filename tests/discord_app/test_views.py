"""Buttons: show context, votes, suggestions and pages; and that they survive a restart."""

from __future__ import annotations

import logging
import re
from dataclasses import fields
from typing import Any
from unittest.mock import MagicMock

import discord
import pytest
from discord.components import _component_factory

from bot.discord_app.client import ReportBot
from bot.discord_app.embeds import FIELD_VALUE_MAX
from bot.discord_app.views import (
    CUSTOM_ID_MAX,
    PERSISTENT_ITEMS,
    ContextButton,
    FactsPageButton,
    SuggestionButton,
    VoteButton,
    answer_view,
)
from bot.feedback.events import FeedbackEvent, MemorySink

from ..conftest import REPORT_ID
from .conftest import BotFactory, make_interaction, only_send


async def ask(bot: ReportBot, question: str, **kwargs: Any) -> dict[str, Any]:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot, **kwargs)
    await cog.ask.callback(cog, i, question=question)
    return only_send(i)


def as_message(sent: dict[str, Any], message_id: int = 777) -> MagicMock:
    """The message Discord would hold after ``sent``: its embeds and its components as data."""
    m = MagicMock(spec=discord.Message)
    m.id = message_id
    m.embeds = [sent["embed"]] if "embed" in sent else []
    view = sent.get("view")
    m.components = [_component_factory(row) for row in view.to_components()] if view else []
    m.flags = discord.MessageFlags()
    return m


async def test_show_context_is_private_and_quotes_the_paragraph(bot: ReportBot, seed_text: str) -> None:
    sent = await ask(bot, "Who leads the task force?")
    [context] = [b for b in sent["view"].children if isinstance(b, ContextButton)]
    assert context.item.label == "Show context"
    i = make_interaction(bot)
    await context.callback(i)
    shown = only_send(i)
    assert shown["ephemeral"] is True
    embed = shown["embed"]
    assert embed.title == "p3.s1: paragraph 3, sentence 1"
    paragraph = bot.engine.fact_base().report.paragraph(3)
    assert f"**{paragraph.sentences[0].text}**" in embed.description
    assert paragraph.sentences[1].text in embed.description
    assert paragraph.text in seed_text


async def test_votes_are_recorded_without_user_ids(bot: ReportBot, sink: MemorySink) -> None:
    question = "how many kidnappings in 2024 *really*?"
    sent = await ask(bot, question)
    message = as_message(sent)
    up, down = [b for b in sent["view"].children if isinstance(b, VoteButton)]
    i = make_interaction(bot, message=message, user_id=123456789123456789)
    await up.callback(i)
    reply = only_send(i)
    assert reply["ephemeral"] is True and "Thank you" in reply["content"]
    [event] = sink.of_kind("helpful")
    assert event.question == question
    assert event.report == REPORT_ID and "kidnapping-numbers" in event.fact_ids
    assert event.confidence is not None and 0 < event.confidence <= 1
    assert {f.name for f in fields(FeedbackEvent)} == {
        "kind",
        "question",
        "report",
        "fact_ids",
        "confidence",
        "at",
    }
    assert "123456789123456789" not in repr(sink.events)
    # the same person voting again on the same answer is thanked but not counted twice
    again = make_interaction(bot, message=message, user_id=123456789123456789)
    await down.callback(again)
    assert "already voted" in only_send(again)["content"]
    assert len(sink.events) == 1
    other = make_interaction(bot, message=message, user_id=5)
    await down.callback(other)
    assert [e.kind for e in sink.events] == ["helpful", "unhelpful"]


async def test_a_failing_store_is_logged_and_the_user_still_thanked(
    make_bot: BotFactory, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        def record(self, event: FeedbackEvent) -> None:
            raise OSError("disk full")

    bot = await make_bot(sink_=Broken())
    sent = await ask(bot, "Who leads the task force?")
    up = next(b for b in sent["view"].children if isinstance(b, VoteButton))
    i = make_interaction(bot, message=as_message(sent))
    await up.callback(i)
    assert "could not store it" in only_send(i)["content"]
    assert "could not store helpful feedback: disk full" in caplog.text


async def test_feedback_is_written_off_the_event_loop(make_bot: BotFactory) -> None:
    import threading

    threads: list[str] = []

    class Recording:
        def record(self, event: FeedbackEvent) -> None:
            threads.append(threading.current_thread().name)

    bot = await make_bot(sink_=Recording())
    await ask(bot, "What is the capital of France?")  # a decline is recorded
    assert threads and threads[0].startswith("feedback") and threads[0] != threading.main_thread().name


async def test_custom_ids_fit_and_parse_back(bot: ReportBot) -> None:
    long_report = "r" * 60
    facts = tuple(f"fact-number-{n}" for n in range(20))
    items = [
        ContextButton(long_report, "p12.s34"),
        VoteButton("up", long_report, 87, facts),
        VoteButton("down", long_report, 87, facts),
        SuggestionButton(long_report, "some-fact", label="q" * 300),
        FactsPageButton(long_report, 3, "next"),
    ]
    for item in items:
        cid = item.custom_id
        assert len(cid) <= CUSTOM_ID_MAX
        [cls] = [c for c in PERSISTENT_ITEMS if c.__discord_ui_compiled_template__.fullmatch(cid)]
        assert cls is type(item)
        rebuilt = await cls.from_custom_id(
            make_interaction(bot), item.item, cls.__discord_ui_compiled_template__.fullmatch(cid)
        )
        assert rebuilt.custom_id == cid
    vote = items[1]
    assert vote.fact_ids == facts[: len(vote.fact_ids)] and 1 <= len(vote.fact_ids) < len(facts)
    assert len(items[3].item.label) == 80 and items[3].item.label.endswith("…")


async def test_stale_suggestion_says_so(bot: ReportBot) -> None:
    button = SuggestionButton(REPORT_ID, "no-such-fact")
    i = make_interaction(bot)
    await button.callback(i)
    sent = only_send(i)
    assert sent["ephemeral"] is True and "out of date" in sent["content"]


async def test_stale_context_button_says_so(bot: ReportBot) -> None:
    i = make_interaction(bot)
    await ContextButton(REPORT_ID, "p99.s1").callback(i)
    assert "Sentence p99.s1 is no longer in the report" in only_send(i)["content"]


async def test_facts_pages_turn(bot: ReportBot) -> None:
    cog = bot.get_cog("Info")
    i = make_interaction(bot)
    await cog.facts.callback(cog, i)
    sent = only_send(i)
    assert sent["ephemeral"] is True
    pages = bot.answers.facts_pages(None)
    assert len(pages) >= 2, "the shipped fact base needs more than one page"
    assert sent["embed"].footer.text.startswith(f"Page 1 of {len(pages)}")
    prev, nxt = sent["view"].children
    assert prev.item.disabled and not nxt.item.disabled
    turn = make_interaction(bot)
    await nxt.callback(turn)
    turn.response.edit_message.assert_awaited_once()
    edited = turn.response.edit_message.await_args.kwargs
    assert edited["embed"].footer.text.startswith(f"Page 2 of {len(pages)}")
    assert not edited["view"].children[0].item.disabled
    # every fact is on some page
    text = "\n".join(f.value for p in pages for f in p.fields)
    for fact in bot.engine.fact_base().facts:
        assert discord.utils.escape_markdown(fact.suggestion) in text
    assert all(len(f.value) <= FIELD_VALUE_MAX for p in pages for f in p.fields)


def test_answer_view_without_suggestion_facts_has_no_buttons(engine) -> None:
    answer = engine.ask("What is the capital of France?")
    assert answer_view(answer, feedback=True, suggestion_of=lambda s: None) is None


async def test_vote_button_logs_nothing_about_the_user(
    bot: ReportBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sent = await ask(bot, "Who leads the task force?")
    up = next(b for b in sent["view"].children if isinstance(b, VoteButton))
    await up.callback(make_interaction(bot, message=as_message(sent), user_id=31415926535897932))
    assert not re.search("31415926535897932", caplog.text)
