"""Korean questions in Discord: the embed shows the Korean question, the English answer and
quote, and a line saying the report is in English; the bot loads what Korean needs at login."""

from __future__ import annotations

import threading

import discord
import pytest

from bot.core.korean import decline_message_ko, english_report_note_ko, suggestions_intro_ko
from bot.discord_app.client import ReportBot
from bot.discord_app.embeds import ASKED, answer_embed, decline_embed, escape, question_from
from bot.discord_app.views import SuggestionButton

from .conftest import BotFactory, make_interaction, only_send


async def test_slash_ask_in_korean_quotes_the_english_sentence(bot: ReportBot, seed_text: str) -> None:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    question = "대응팀은 누가 이끌어?"
    await cog.ask.callback(cog, i, question=question)
    embed: discord.Embed = only_send(i)["embed"]
    assert embed.title == "Kim Ji-na, the Second Vice Foreign Minister"
    description = (embed.description or "").splitlines()
    assert description[0] == ASKED + escape(question)
    assert escape(english_report_note_ko()) in "\n".join(description)
    assert embed.fields[0].name == "paragraph 3, sentence 1"
    quoted = embed.fields[0].value.removeprefix("> ")
    assert quoted == bot.engine.sentence("p3.s1").text and quoted in seed_text
    assert question_from(embed) == question  # feedback reads the Korean question back


async def test_a_korean_near_miss_is_declined_in_korean_with_english_suggestions(bot: ReportBot) -> None:
    cog = bot.get_cog("Ask")
    i = make_interaction(bot)
    await cog.ask.callback(cog, i, question="대응팀 예산은 얼마야?")
    sent = only_send(i)
    embed: discord.Embed = sent["embed"]
    assert embed.title == decline_message_ko()
    assert escape(suggestions_intro_ko()) in (embed.description or "")
    buttons = sent["view"].children
    assert buttons and all(isinstance(b, SuggestionButton) for b in buttons)
    labels = [b.item.label for b in buttons]
    assert labels == list(bot.engine.ask("대응팀 예산은 얼마야?").suggestions)
    assert all(label.isascii() for label in labels)  # the report's questions, in English


def test_english_embeds_have_no_korean_line(engine) -> None:  # type: ignore[no-untyped-def]
    english = engine.ask("Who leads the task force?")
    embed = answer_embed(english, english.question, report_title="t")
    assert english_report_note_ko() not in (embed.description or "")
    decline = engine.ask("What is the budget of the task force?")
    assert "Questions I can answer" in (decline_embed(decline, decline.question, report_title="t").description or "")


async def test_login_loads_the_korean_resources_in_a_thread(
    make_bot: BotFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded_in: list[str] = []
    monkeypatch.setattr("bot.discord_app.client.korean.load", lambda: loaded_in.append(threading.current_thread().name))
    await make_bot()
    assert len(loaded_in) == 1 and loaded_in[0] != threading.main_thread().name  # off the event loop
