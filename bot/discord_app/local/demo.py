"""A small stand-in bot for the playground and the end-to-end tests, until the real bot is
plugged in (``run_playground`` takes any bot factory; replace ``DemoBot`` there and in
``tests/discord_app/local/conftest.py``).

It answers ``/ask`` (with autocomplete), ``!ask`` and @mentions with an embed from the Engine:
the answer as title, each cited sentence quoted with "paragraph N, sentence M", a "Show
context" button; a decline offers its suggestions as buttons. Buttons are DynamicItems, so they
keep working after a restart. A per-user cooldown with an injectable clock shows per-user
behaviour.
"""

from __future__ import annotations

import logging
import textwrap
import time
from collections import deque
from collections.abc import Callable
from typing import Any, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.core.answer import Answer
from bot.core.engine import Engine, tidy_question

log = logging.getLogger(__name__)

#: Questions a user may ask per COOLDOWN_SECONDS.
COOLDOWN_RATE = 5
COOLDOWN_SECONDS = 60.0
#: Citations shown per answer (an embed holds 25 fields; more would not help a reader).
MAX_CITATIONS = 3
ANSWERED = discord.Colour.blurple()
DECLINED = discord.Colour.dark_grey()


class Cooldown:
    """At most ``rate`` questions per ``per`` seconds for each user; ``clock`` is injectable."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.per, self.clock = rate, per, clock
        self._hits: dict[int, deque[float]] = {}

    def retry_after(self, user_id: int) -> float:
        """0 and counts the question if the user may ask now; else the seconds left to wait."""
        now = self.clock()
        hits = self._hits.setdefault(user_id, deque())
        while hits and hits[0] <= now - self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return hits[0] + self.per - now
        hits.append(now)
        return 0.0


class DemoBot(commands.Bot):
    def __init__(
        self,
        engine: Engine,
        *,
        report: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(command_prefix="!", intents=intents, help_command=None, **options)
        self.engine = engine
        self.report = report
        self.cooldown = Cooldown(COOLDOWN_RATE, COOLDOWN_SECONDS, clock)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(ContextButton, SuggestionButton)
        self.tree.add_command(ask_slash)
        self.tree.error(on_app_command_error)
        self.add_command(ask_prefix)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return
        ctx = await self.get_context(message)
        if ctx.valid:
            await self.invoke(ctx)
        elif self.user is not None and self.user in message.mentions:
            async with message.channel.typing():
                reply = self.respond(message.content, message.author.id)
            await message.reply(**reply, mention_author=False)

    async def on_command_error(self, ctx: commands.Context[Any], error: commands.CommandError) -> None:
        if isinstance(error, commands.CommandNotFound):
            return
        if isinstance(error, commands.UserInputError):
            await ctx.reply("Ask a question after the command: `!ask Who leads the task force?`")
            return
        log.error("command %s failed", ctx.command, exc_info=error)
        await ctx.reply("Something went wrong on my side; please try again.")

    # -- answering ---------------------------------------------------------------------------
    def respond(self, question: str, user_id: int) -> dict[str, Any]:
        """The keyword arguments of the reply: the answer's embed and buttons, or (as
        ``content`` alone) a cooldown notice."""
        wait = self.cooldown.retry_after(user_id)
        if wait > 0:
            return {"content": f"You are asking quickly: try again in {wait:.0f} s."}
        answer = self.engine.ask(question, self.report)
        return {"embed": self.embed(answer), "view": self.view(answer)}

    def embed(self, answer: Answer) -> discord.Embed:
        if answer.answered:
            embed = discord.Embed(title=_short(answer.answer, 256), colour=ANSWERED)
            if answer.uncertain:
                embed.description = "I am not fully sure this is what you asked."
            for c in answer.citations[:MAX_CITATIONS]:
                embed.add_field(name=c.where, value=_short(f"> {c.text}", 1024), inline=False)
        else:
            embed = discord.Embed(title=_short(answer.answer, 256), colour=DECLINED)
            if answer.suggestions:
                embed.description = "You could ask one of these:"
        title = self.engine.fact_base(
            answer.citations[0].report if answer.citations else self.report
        ).info.title
        embed.set_footer(text=_short(f"{title} · asked: {tidy_question(answer.question)}", 2048))
        return embed

    def view(self, answer: Answer) -> discord.ui.View:
        view = discord.ui.View(timeout=None)
        cited = answer.citations[:MAX_CITATIONS]
        for c in cited:
            label = "Show context" if len(cited) == 1 else f"Context {c.sentence_id}"
            view.add_item(ContextButton(c.report, c.sentence_id, label))
        for suggestion in answer.suggestions:
            fact = self._fact_for(suggestion)
            if fact is not None:
                view.add_item(SuggestionButton(fact[0], fact[1], suggestion))
        return view

    def _fact_for(self, suggestion: str) -> tuple[str, str] | None:
        for rid in self.engine.report_ids:
            for fact in self.engine.fact_base(rid).facts:
                if fact.suggestion == suggestion:
                    return rid, fact.id
        return None


class ContextButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"rb:ctx:(?P<report>[\w-]+):(?P<sid>p\d+\.s\d+)"
):
    """Shows the paragraph around a cited sentence, to the user who clicked only."""

    def __init__(self, report: str, sentence_id: str, label: str = "Show context") -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                emoji="📄",
                style=discord.ButtonStyle.secondary,
                custom_id=f"rb:ctx:{report}:{sentence_id}",
            )
        )
        self.report, self.sentence_id = report, sentence_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Any, /
    ) -> ContextButton:
        return cls(match["report"], match["sid"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = cast(DemoBot, interaction.client)
        sentence = bot.engine.sentence(self.sentence_id, self.report)
        paragraph = bot.engine.fact_base(self.report).report.paragraph(sentence.paragraph)
        text = paragraph.text.replace(sentence.text, f"**{sentence.text}**", 1)
        await interaction.response.send_message(
            f"Paragraph {sentence.paragraph} of the report:\n>>> {_short(text, 1900)}", ephemeral=True
        )


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"rb:ask:(?P<report>[\w-]+):(?P<fact>[\w-]+)"
):
    """A question the bot can answer, offered after a decline; a click asks it."""

    def __init__(self, report: str, fact_id: str, label: str | None = None) -> None:
        super().__init__(
            discord.ui.Button(
                label=_short(label or fact_id, 80),
                style=discord.ButtonStyle.primary,
                custom_id=f"rb:ask:{report}:{fact_id}"[:100],
            )
        )
        self.report, self.fact_id = report, fact_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: Any, /
    ) -> SuggestionButton:
        return cls(match["report"], match["fact"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot = cast(DemoBot, interaction.client)
        question = bot.engine.fact_base(self.report).fact(self.fact_id).suggestion
        await _answer_interaction(interaction, question)


@app_commands.command(
    name="ask", description="Ask about the report; the answer quotes the sentence it comes from."
)
@app_commands.describe(question="Your question, in English")
async def ask_slash(interaction: discord.Interaction, question: str) -> None:
    await _answer_interaction(interaction, question)


@ask_slash.autocomplete("question")
async def _complete_question(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    bot = cast(DemoBot, interaction.client)
    return [
        app_commands.Choice(name=_short(q, 100), value=_short(q, 100))
        for q in bot.engine.complete(current)[:25]
    ]


async def _answer_interaction(interaction: discord.Interaction, question: str) -> None:
    bot = cast(DemoBot, interaction.client)
    reply = bot.respond(question, interaction.user.id)
    await interaction.response.send_message(**reply, ephemeral="content" in reply)


@commands.command(name="ask")
async def ask_prefix(ctx: commands.Context[DemoBot], *, question: str) -> None:
    """Ask about the report: !ask Who leads the task force?"""
    async with ctx.typing():
        reply = ctx.bot.respond(question, ctx.author.id)
    await ctx.reply(**reply, mention_author=False)


async def on_app_command_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
    """Unexpected errors: logged once with a traceback; the user gets a short ephemeral note."""
    log.error("/%s failed", interaction.command.name if interaction.command else "?", exc_info=error)
    note = "Something went wrong on my side; please try again."
    if interaction.response.is_done():
        await interaction.followup.send(note, ephemeral=True)
    else:
        await interaction.response.send_message(note, ephemeral=True)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else textwrap.shorten(text, limit, placeholder="…")
