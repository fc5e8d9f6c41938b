"""Embeds stay within Discord's limits whatever goes in, and echo user text inertly."""

from __future__ import annotations

import discord

from bot.core.answer import Answer, Citation
from bot.core.engine import Engine
from bot.core.knowledge import FactBase, ReportInfo
from bot.core.report import Report
from bot.discord_app.embeds import (
    DESCRIPTION_MAX,
    EMBED_TOTAL_MAX,
    FIELD_NAME_MAX,
    FIELD_VALUE_MAX,
    FIELDS_MAX,
    FOOTER_MAX,
    TITLE_MAX,
    about_embed,
    answer_embed,
    decline_embed,
    facts_pages,
    fit,
    help_embed,
    question_from,
    sentence_embed,
    truncate,
)

HUGE = "@everyone **x** " * 2000


def within_limits(embed: discord.Embed) -> None:
    assert len(embed.title or "") <= TITLE_MAX
    assert len(embed.description or "") <= DESCRIPTION_MAX
    assert len(embed.fields) <= FIELDS_MAX
    for f in embed.fields:
        assert 1 <= len(f.name) <= FIELD_NAME_MAX and 1 <= len(f.value) <= FIELD_VALUE_MAX
    assert len(embed.footer.text or "") <= FOOTER_MAX
    assert len(embed) <= EMBED_TOTAL_MAX


def test_truncate() -> None:
    assert truncate("abc", 3) == "abc"
    assert truncate("abcd", 3) == "ab…"
    assert len(truncate("x" * 5000, 256)) == 256


def test_fit_with_everything_too_long() -> None:
    embed = discord.Embed(title=HUGE, description=HUGE)
    for _ in range(40):
        embed.add_field(name=HUGE, value=HUGE)
    embed.set_footer(text=HUGE)
    within_limits(fit(embed))
    assert embed.title.endswith("…")


def test_answer_embed_with_huge_everything() -> None:
    citations = tuple(Citation("r", f"p{n}.s1", n, 1, HUGE) for n in range(1, 30))
    answer = Answer(
        question=HUGE, answered=True, answer=HUGE, citations=citations, confidence=0.5, uncertain=True
    )
    embed = answer_embed(answer, HUGE, report_title=HUGE, show_report=True)
    within_limits(embed)
    assert embed.description.startswith("**You asked:** @\u200beveryone \\*\\*x\\*\\*")
    assert "not fully sure" in embed.description
    assert embed.fields and embed.fields[0].name == "paragraph 1, sentence 1 · r"
    assert embed.fields[0].value.startswith("> @\u200beveryone") and embed.fields[0].value.endswith("…")


def test_decline_and_sentence_embeds_with_huge_input() -> None:
    answer = Answer(question=HUGE, answered=False, answer="The report does not say.", suggestions=("a", "b"))
    within_limits(decline_embed(answer, HUGE, report_title=HUGE))
    report = Report("r", " ".join(["A very long sentence about nothing at all."] * 300) + "\n")
    sentence = report.sentences[150]
    embed = sentence_embed(sentence, report.paragraph(1), report_title=HUGE)
    within_limits(embed)
    assert f"**{sentence.text}**" in embed.description


def test_facts_pages_with_a_huge_fact_base(engine: Engine) -> None:
    base = engine.fact_base()
    pages = facts_pages([base, base, base], page_chars=1500)
    assert len(pages) > 3
    for page in pages:
        within_limits(page)


def test_about_and_help_fit(engine: Engine) -> None:
    base = engine.fact_base()
    big = FactBase(report=base.report, info=ReportInfo(HUGE, HUGE, HUGE), facts=base.facts)
    within_limits(about_embed([big] * 12, feedback_enabled=True, retention_days=90, prefix_enabled=True))
    within_limits(help_embed(prefix="!", mention="<@1>"))


def test_the_question_reads_back_from_the_embed() -> None:
    for question in ("who *leads* the `team` @everyone?", "a_b ~c~ |d| > e # f - g [h](i)", "plain"):
        answer = Answer(question=question, answered=False, answer="The report does not say.")
        embed = decline_embed(answer, question, report_title="t")
        assert question_from(embed) == question
    assert question_from(discord.Embed(title="no description")) == ""
