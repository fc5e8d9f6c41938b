"""Buttons that keep working after a restart.

Each button is a ``DynamicItem``: its ``custom_id`` carries everything its callback needs, and
the bot registers the classes at start-up (``add_dynamic_items``), so a click on a message sent
before a restart still routes here. The ids (at most 100 characters):

``rb:ctx:<report>:<sentence id>[:<digest>]``       Show context (the paragraph, privately); the
                                                   digest of the sentence's text tells an edit
``rb:vote:up|down:<report>:<confidence %>:<facts>``   👍/👎 on an answer (fact ids, comma-separated)
``rb:ask:<report>:<fact id>``                      a suggestion under a decline: asks it
``rb:facts:<report or *>:<page>:prev|next``        paging through /facts
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any, Literal

import discord

from bot.core.answer import Answer
from bot.core.errors import UnknownReport, UnknownSentence
from bot.core.knowledge import FactBase
from bot.discord_app.embeds import question_from, sentence_embed
from bot.discord_app.errors import StaleButton, handle_error
from bot.discord_app.markup import BUTTON_LABEL_MAX, truncate
from bot.discord_app.reply import InteractionReplier
from bot.discord_app.service import AnswerService, answers_of
from bot.feedback.events import FeedbackEvent

log = logging.getLogger(__name__)

CUSTOM_ID_MAX = 100
#: At most this many "Show context" buttons under one answer.
MAX_CONTEXT_BUTTONS = 3
_REPORT = r"(?P<report>[^:]{1,80})"
ALL_REPORTS = "*"


def fits(custom_id: str) -> bool:
    return len(custom_id) <= CUSTOM_ID_MAX


def _answers(interaction: discord.Interaction) -> AnswerService:
    return answers_of(interaction.client)


def text_digest(text: str) -> str:
    """A short digest of a sentence's text: a button made before an edit of it can tell."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _base(answers: AnswerService, report: str) -> FactBase:
    """The fact base a button points at; StaleButton when the report is no longer served."""
    try:
        return answers.engine.fact_base(report)
    except UnknownReport:
        raise StaleButton("That report is no longer served (the knowledge changed since).") from None


async def guarded(interaction: discord.Interaction, where: str, run: Callable[[], Awaitable[Any]]) -> None:
    """Run a button's work once the rate limit admits it; any error goes to the one error
    handler (never lost, never silent: a limited click gets an ephemeral "slow down")."""
    try:
        _answers(interaction).admit(interaction.user.id, interaction.channel_id)
        await run()
    except Exception as exc:
        await handle_error(InteractionReplier(interaction), exc, where=where)


class ContextButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"rb:ctx:{_REPORT}:(?P<sentence>p\d+\.s\d+)(?::(?P<digest>[0-9a-f]{{8}}))?",
):
    """Shows the paragraph around a cited sentence, only to the one who pressed it."""

    def __init__(
        self, report: str, sentence_id: str, *, label: str = "Show context", digest: str | None = None
    ) -> None:
        self.report = report
        self.sentence_id = sentence_id
        self.digest = digest
        custom_id = f"rb:ctx:{report}:{sentence_id}"
        if digest and fits(f"{custom_id}:{digest}"):
            custom_id += f":{digest}"
        else:
            self.digest = None
        super().__init__(
            discord.ui.Button(
                label=truncate(label, BUTTON_LABEL_MAX),
                style=discord.ButtonStyle.secondary,
                emoji="📖",
                custom_id=custom_id,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> ContextButton:
        label = getattr(item, "label", None) or "Show context"
        return cls(match["report"], match["sentence"], label=label, digest=match["digest"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await guarded(interaction, f"button {self.custom_id}", lambda: self._show(interaction))

    async def _show(self, interaction: discord.Interaction) -> None:
        base = _base(_answers(interaction), self.report)
        try:
            sentence = base.report.sentence(self.sentence_id)
        except UnknownSentence:
            raise StaleButton(
                f"Sentence {self.sentence_id} is no longer in the report (it was edited since this answer)."
            ) from None
        if self.digest is not None and text_digest(sentence.text) != self.digest:
            raise StaleButton(
                f"Sentence {self.sentence_id} of the report has changed since this answer; ask again "
                "for the current answer."
            )
        embed = sentence_embed(
            sentence, base.report.paragraph(sentence.paragraph), report_title=base.info.title
        )
        await InteractionReplier(interaction).send(embed=embed, ephemeral=True)


class VoteButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"rb:vote:(?P<vote>up|down):{_REPORT}:(?P<confidence>\d{{1,3}}):(?P<facts>[a-z0-9_,-]*)",
):
    """👍 or 👎 on an answer, stored through the feedback sink (no user id)."""

    def __init__(
        self, vote: Literal["up", "down"], report: str, confidence: int, fact_ids: tuple[str, ...]
    ) -> None:
        self.vote = vote
        self.report = report
        self.confidence = confidence
        prefix = f"rb:vote:{vote}:{report}:{confidence}:"
        kept: list[str] = []
        for fid in fact_ids:  # as many fact ids as fit in a custom id
            if not fits(prefix + ",".join([*kept, fid])):
                break
            kept.append(fid)
        self.fact_ids = tuple(kept)
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                emoji="👍" if vote == "up" else "👎",
                custom_id=prefix + ",".join(kept),
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        facts = tuple(f for f in match["facts"].split(",") if f)
        return cls(match["vote"], match["report"], int(match["confidence"]), facts)  # type: ignore[arg-type]

    async def callback(self, interaction: discord.Interaction) -> None:
        await guarded(interaction, f"button {self.custom_id}", lambda: self._vote(interaction))

    async def _vote(self, interaction: discord.Interaction) -> None:
        answers = _answers(interaction)
        known = {f.id for f in _base(answers, self.report).facts}
        if not set(self.fact_ids) <= known:
            raise StaleButton(
                "That answer is out of date (the knowledge changed since), so the vote was not stored; "
                "ask again for the current answer."
            )
        replier = InteractionReplier(interaction)
        message = interaction.message
        key = (
            message.id if message is not None else None,
            self.custom_id.split(":", 3)[3],
            interaction.user.id,
        )
        if not answers.first_vote(key):
            await replier.send("You already voted on this answer; thank you!", ephemeral=True)
            return
        question = question_from(message.embeds[0]) if message is not None and message.embeds else ""
        event = FeedbackEvent(
            kind="helpful" if self.vote == "up" else "unhelpful",
            question=question,
            report=self.report,
            fact_ids=self.fact_ids,
            confidence=self.confidence / 100,
        )
        stored = await answers.record_feedback(event)
        if not answers.settings.feedback_enabled:
            text = "Thank you! (Feedback is turned off on this bot, so it was not stored.)"
        elif not stored:
            text = "Thank you! I could not store it right now, sorry."
        elif self.vote == "up":
            text = "Thank you, glad it helped! 👍"
        else:
            text = "Thank you; this helps fix the answers. Try `/facts` for what I know."
        await replier.send(text, ephemeral=True)


class SuggestionButton(
    discord.ui.DynamicItem[discord.ui.Button], template=rf"rb:ask:{_REPORT}:(?P<fact>[a-z0-9][a-z0-9_-]*)"
):
    """A question the bot can answer, offered under a decline; pressing it asks it."""

    def __init__(self, report: str, fact_id: str, *, label: str = "Ask this") -> None:
        self.report = report
        self.fact_id = fact_id
        super().__init__(
            discord.ui.Button(
                label=truncate(label, BUTTON_LABEL_MAX),
                style=discord.ButtonStyle.primary,
                custom_id=f"rb:ask:{report}:{fact_id}",
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> SuggestionButton:
        return cls(match["report"], match["fact"], label=getattr(item, "label", None) or "Ask this")

    async def callback(self, interaction: discord.Interaction) -> None:
        await guarded(interaction, f"button {self.custom_id}", lambda: self._ask(interaction))

    async def _ask(self, interaction: discord.Interaction) -> None:
        answers = _answers(interaction)
        base = _base(answers, self.report)
        fact = next((f for f in base.facts if f.id == self.fact_id), None)
        if fact is None:
            raise StaleButton("That suggestion is out of date.")
        await answers.answer_question(
            InteractionReplier(interaction),
            fact.suggestion,
            report=self.report,
            user_id=interaction.user.id,
            channel_id=interaction.channel_id,
        )


class FactsPageButton(
    discord.ui.DynamicItem[discord.ui.Button],
    template=rf"rb:facts:{_REPORT}:(?P<page>\d{{1,4}}):(?P<go>prev|next)",
):
    """Turns a page of /facts (``page`` is the page it leads to)."""

    def __init__(
        self, report: str, page: int, go: Literal["prev", "next"], *, disabled: bool = False
    ) -> None:
        self.report = report
        self.page = page
        super().__init__(
            discord.ui.Button(
                label="Previous" if go == "prev" else "Next",
                emoji="◀️" if go == "prev" else "▶️",
                style=discord.ButtonStyle.secondary,
                custom_id=f"rb:facts:{report}:{page}:{go}",
                disabled=disabled,
            )
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> FactsPageButton:
        return cls(match["report"], int(match["page"]), match["go"])  # type: ignore[arg-type]

    async def callback(self, interaction: discord.Interaction) -> None:
        await guarded(interaction, f"button {self.custom_id}", lambda: self._turn(interaction))

    async def _turn(self, interaction: discord.Interaction) -> None:
        answers = _answers(interaction)
        pages = answers.facts_pages(None if self.report == ALL_REPORTS else self.report)
        page = min(self.page, len(pages) - 1)
        await interaction.response.edit_message(
            embed=pages[page], view=facts_view(self.report, page, len(pages))
        )


#: Registered at start-up so that buttons on old messages keep working.
PERSISTENT_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (
    ContextButton,
    VoteButton,
    SuggestionButton,
    FactsPageButton,
)


def answer_view(
    answer: Answer, *, feedback: bool, suggestion_of: Callable[[str], tuple[str, str] | None]
) -> discord.ui.View | None:
    """The buttons under an answer (context, votes) or a decline (its suggestions)."""
    view = discord.ui.View(timeout=None)
    if answer.answered:
        report = answer.citations[0].report
        shown = answer.citations[:MAX_CONTEXT_BUTTONS]
        for c in shown:
            label = "Show context" if len(shown) == 1 else f"Context {c.sentence_id}"
            if fits(f"rb:ctx:{c.report}:{c.sentence_id}"):
                view.add_item(ContextButton(c.report, c.sentence_id, label=label, digest=text_digest(c.text)))
        if feedback and fits(f"rb:vote:down:{report}:100:"):
            confidence = round(answer.confidence * 100)
            view.add_item(VoteButton("up", report, confidence, answer.fact_ids))
            view.add_item(VoteButton("down", report, confidence, answer.fact_ids))
    else:
        for suggestion in answer.suggestions[:5]:
            found = suggestion_of(suggestion)
            if found is not None and fits(f"rb:ask:{found[0]}:{found[1]}"):
                view.add_item(SuggestionButton(found[0], found[1], label=suggestion))
    return view if view.children else None


def facts_view(report: str, page: int, pages: int) -> discord.ui.View | None:
    """Previous/Next under a page of /facts (none when everything fits on one page)."""
    if pages <= 1 or not fits(f"rb:facts:{report}:{pages}:next"):
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(FactsPageButton(report, max(page - 1, 0), "prev", disabled=page == 0))
    view.add_item(FactsPageButton(report, min(page + 1, pages - 1), "next", disabled=page >= pages - 1))
    return view
