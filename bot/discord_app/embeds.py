"""Embeds for answers, context, facts, about and help, always within Discord's limits.

Discord rejects a message whose embed is too long, so every text is cut to its limit here (with
"…"), and the whole embed is trimmed to 6,000 characters. User text echoed back is escaped, so
a question cannot inject markdown or mentions.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import discord

from bot import __version__
from bot.core.answer import Answer
from bot.core.engine import MAX_QUESTION_CHARS
from bot.core.knowledge import FactBase
from bot.core.korean.messages import english_report_note_ko, suggestions_intro_ko
from bot.core.report import Paragraph, Sentence
from bot.discord_app.markup import (
    DESCRIPTION_MAX,
    ELLIPSIS,
    EMBED_TOTAL_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    escape,
    truncate,
    unescape,
)
from bot.feedback.events import MAX_STORED_QUESTION_CHARS

log = logging.getLogger(__name__)

#: How much of the question an answer echoes back.
ECHO_MAX = 300
#: At most this many cited sentences are shown (each one field).
MAX_CITATIONS_SHOWN = 5
#: A page of /facts holds about this many characters, so it reads well on a phone.
FACTS_PAGE_CHARS = 2500
#: How the answer embed introduces the question; views read the question back from it.
ASKED = "**You asked:** "

ANSWERED = discord.Colour.green()
UNCERTAIN = discord.Colour.gold()
DECLINED = discord.Colour.light_grey()
INFO = discord.Colour.blurple()


def echo(question: str) -> str:
    """The question as shown back to the user: escaped and at most ECHO_MAX characters."""
    return truncate(escape(question), ECHO_MAX)


def quote(text: str, limit: int = FIELD_VALUE_MAX) -> str:
    """A sentence of the report as a block quote."""
    return "> " + truncate(escape(text), limit - 2)


def fit(embed: discord.Embed) -> discord.Embed:
    """Cut every part of ``embed`` to its limit and the whole to EMBED_TOTAL_MAX characters."""
    if embed.title:
        embed.title = truncate(embed.title, TITLE_MAX)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_MAX)
    if embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, FOOTER_MAX), icon_url=embed.footer.icon_url)
    if embed.author.name:
        embed.set_author(name=truncate(embed.author.name, TITLE_MAX))
    fields = embed.fields[:FIELDS_MAX]
    embed.clear_fields()
    for f in fields:
        embed.add_field(
            name=truncate(f.name or "\u200b", FIELD_NAME_MAX),
            value=truncate(f.value or "\u200b", FIELD_VALUE_MAX),
            inline=bool(f.inline),
        )
    while len(embed) > EMBED_TOTAL_MAX and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
    if len(embed) > EMBED_TOTAL_MAX and embed.description:
        over = len(embed) - EMBED_TOTAL_MAX
        embed.description = truncate(embed.description, max(len(embed.description) - over, 1))
    return embed


def question_from(embed: discord.Embed) -> str:
    """The question an answer embed echoes (for feedback), undoing the escaping; a feedback
    event caps its length."""
    text = embed.description or ""
    first = text.split("\n", 1)[0]
    if not first.startswith(ASKED):
        return ""
    # "@\u200b": how answers sent before the escaping of ``markup`` kept a mention inert.
    return unescape(first[len(ASKED) :]).replace("@\u200b", "@")


def answer_embed(
    answer: Answer, question: str, *, report_title: str, show_report: bool = False
) -> discord.Embed:
    """An answer: the direct answer as title, each cited sentence as a quote with its place;
    for a Korean question, a line saying the report (and so each quote) is in English."""
    lines = [ASKED + echo(question)]
    first, *more = answer.parts or (answer.answer,)
    if more:  # a second fact answers too (the ambiguity rule): say it under the title
        lines.append("**Also:** " + escape("; ".join(more)))
    if answer.uncertain:
        lines.append("⚠️ *I am not fully sure this is what you asked: check the quoted sentence.*")
    if answer.language == "ko":
        lines.append("*" + escape(english_report_note_ko()) + "*")
    embed = discord.Embed(
        title=first,
        description="\n".join(lines),
        colour=UNCERTAIN if answer.uncertain else ANSWERED,
    )
    shown = answer.citations[:MAX_CITATIONS_SHOWN]
    for c in shown:
        where = c.where  # "paragraph 3, sentence 1"
        if show_report:
            where += f" · {c.report}"
        embed.add_field(name=where, value=quote(c.text), inline=False)
    if len(answer.citations) > len(shown):
        hidden = len(answer.citations) - len(shown)
        embed.add_field(name="\u200b", value=f"…and {hidden} more sentence(s).", inline=False)
    embed.set_footer(text=report_title)
    return fit(embed)


def decline_embed(answer: Answer, question: str, *, report_title: str) -> discord.Embed:
    """A decline: plainly that the report does not say, and what to ask instead (for a Korean
    question, said in Korean; the suggestions stay in English, as the report states them)."""
    lines = [ASKED + echo(question)] if question.strip() else []
    if answer.suggestions:
        lines.append("")
        if answer.language == "ko":
            lines.append(escape(suggestions_intro_ko()))
        else:
            lines.append("Questions I can answer (press one to ask it):")
    embed = discord.Embed(title=answer.answer, description="\n".join(lines), colour=DECLINED)
    embed.set_footer(text=report_title)
    return fit(embed)


def sentence_embed(sentence: Sentence, paragraph: Paragraph, *, report_title: str) -> discord.Embed:
    """A sentence in its paragraph, the sentence in bold (for "Show context" and /source)."""
    embed = discord.Embed(
        title=f"{sentence.id}: paragraph {sentence.paragraph}, sentence {sentence.index}",
        description=_paragraph_text(sentence, paragraph),
        colour=INFO,
    )
    embed.set_footer(text=report_title)
    return fit(embed)


def _paragraph_text(sentence: Sentence, paragraph: Paragraph) -> str:
    def render(sentences: Sequence[Sentence]) -> str:
        return " ".join(f"**{escape(s.text)}**" if s == sentence else escape(s.text) for s in sentences)

    text = render(paragraph.sentences)
    if len(text) <= DESCRIPTION_MAX:
        return text
    # A paragraph too long for one embed: the cited sentence with its neighbours.
    i = paragraph.sentences.index(sentence)
    near = paragraph.sentences[max(i - 1, 0) : i + 2]
    text = render(near)
    if len(text) <= DESCRIPTION_MAX:
        return f"{ELLIPSIS} {text} {ELLIPSIS}"
    return "**" + truncate(escape(sentence.text), DESCRIPTION_MAX - 4) + "**"


def facts_pages(bases: Sequence[FactBase], *, page_chars: int = FACTS_PAGE_CHARS) -> list[discord.Embed]:
    """What the bot knows, by topic, as pages of at most ``page_chars`` characters each."""
    chunks: list[tuple[FactBase, str, str]] = []  # (base, field name, field value)
    for base in bases:
        for topic, facts in base.topics().items():
            lines = [f"• {escape(f.suggestion)} · `{', '.join(s.id for s in f.sources)}`" for f in facts]
            name = escape(topic)
            value = ""
            for line in lines:
                line = truncate(line, FIELD_VALUE_MAX)
                if value and len(value) + 1 + len(line) > FIELD_VALUE_MAX:
                    chunks.append((base, name, value))
                    name = f"{escape(topic)} (continued)"
                    value = ""
                value = f"{value}\n{line}" if value else line
            if value:
                chunks.append((base, name, value))
    pages: list[list[tuple[FactBase, str, str]]] = []
    for chunk in chunks:
        page = pages[-1] if pages else None
        size = sum(len(n) + len(v) for _, n, v in page) if page else 0
        if (
            page is None
            or page[0][0] is not chunk[0]
            or len(page) >= FIELDS_MAX
            or size + len(chunk[1]) + len(chunk[2]) > page_chars
        ):
            pages.append([chunk])
        else:
            page.append(chunk)
    embeds = []
    for n, page in enumerate(pages, start=1):
        base = page[0][0]
        embed = discord.Embed(
            title=f"What I know: {base.info.title}",
            description="Ask any of these with `/ask`; the ids say which sentences answer it.",
            colour=INFO,
        )
        for _, name, value in page:
            embed.add_field(name=name, value=value, inline=False)
        embed.set_footer(text=f"Page {n} of {len(pages)} · {base.id}")
        embeds.append(fit(embed))
    return embeds


def about_embed(
    bases: Sequence[FactBase],
    *,
    feedback_enabled: bool,
    retention_days: int,
    prefix_enabled: bool,
    in_memory: bool = False,
) -> discord.Embed:
    """Which report, where it came from, how answers cite it, what feedback is kept, the version."""
    embed = discord.Embed(title="About reportbot", colour=INFO)
    for base in bases[:10]:
        parts = [f"**{escape(base.info.title)}**"]
        if base.info.source:
            parts.append(f"Source: {escape(base.info.source)}")
        if base.info.summary:
            parts.append(escape(base.info.summary))
        parts.append(f"{len(base.facts)} facts from {len(base.report.sentences)} sentences · id `{base.id}`")
        embed.add_field(name="Report", value="\n".join(parts), inline=False)
    embed.add_field(
        name="How answers are cited",
        value=(
            "Every answer quotes the sentence(s) of the report it comes from, verbatim, with its place: "
            "`p3.s1` is paragraph 3, sentence 1. **Show context** shows the whole paragraph and "
            "`/source p3.s1` looks a sentence up. When the report does not say, I say so."
        ),
        inline=False,
    )
    if feedback_enabled:
        stored = (
            "When you press 👍 or 👎, when I cannot answer a question, and when I am not fully sure "
            "of an answer, I store: the vote (or 'declined', or 'uncertain'), the question text "
            f"(at most {MAX_STORED_QUESTION_CHARS} characters), the report, the ids of the facts used "
            "and the confidence. Never who asked, nor in which server or channel. "
            + (
                "Here it is kept in memory only, until the bot stops."
                if in_memory
                else f"Entries are deleted after {retention_days} days."
            )
        )
    else:
        stored = "Feedback is turned off: nothing you ask is stored."
    embed.add_field(name="What is stored", value=stored, inline=False)
    ways = "`/ask`, or mention me with your question"
    if prefix_enabled:
        ways += ", or `!ask`-style prefix commands"
    embed.add_field(
        name="Version",
        value=f"reportbot {__version__} · discord.py {discord.__version__} · ask with {ways}",
        inline=False,
    )
    return fit(embed)


def help_embed(*, prefix: str | None, mention: str) -> discord.Embed:
    """The commands in the user's words, with examples."""
    embed = discord.Embed(
        title="How to ask me",
        description=(
            "I answer questions about a news report and quote the exact sentence each answer comes "
            f"from. Questions can be up to {MAX_QUESTION_CHARS} characters."
        ),
        colour=INFO,
    )
    commands_text = [
        "`/ask question:Who leads the task force?`: an answer with its quoted source",
        "`/facts`: everything I know, by topic",
        "`/source sentence:p3.s1`: one sentence of the report in its paragraph",
        "`/about`: the report, how answers are cited, what is stored",
        "`/help`: this message",
    ]
    embed.add_field(name="Commands", value="\n".join(commands_text), inline=False)
    other = [f"{mention} who leads the task force? (a mention works too, and in DMs just ask)"]
    if prefix:
        other.append(f"`{escape(prefix)}ask who leads the task force?`")
    embed.add_field(name="Other ways to ask", value="\n".join(other), inline=False)
    embed.add_field(
        name="Under each answer",
        value="**Show context**: the paragraph around the quote (only you see it) · 👍/👎: was it helpful?",
        inline=False,
    )
    return fit(embed)
