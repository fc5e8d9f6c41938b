"""Autocomplete choices shared by the slash commands: questions, reports and sentences."""

from __future__ import annotations

from discord import app_commands

from bot.core.engine import MAX_QUESTION_CHARS, Engine
from bot.discord_app.markup import CHOICE_NAME_MAX, truncate

#: Discord shows at most 25 autocomplete choices.
MAX_CHOICES = 25

Choices = list[app_commands.Choice[str]]


def choices(questions: list[str]) -> Choices:
    """Autocomplete choices: at most 25, each name and value at most 100 characters."""
    seen: set[str] = set()
    result = []
    for q in questions:
        value = q[:CHOICE_NAME_MAX]
        if value in seen or not value.strip():
            continue
        seen.add(value)
        result.append(app_commands.Choice(name=truncate(q, CHOICE_NAME_MAX), value=value))
        if len(result) >= MAX_CHOICES:
            break
    return result


def question_choices(engine: Engine, current: str, report: object) -> Choices:
    """Questions the bot answers that match what was typed (in ``report`` when it is one)."""
    chosen = report if isinstance(report, str) and report in engine.report_ids else None
    return choices(engine.complete(current[:MAX_QUESTION_CHARS], chosen, limit=MAX_CHOICES))


def report_choices(engine: Engine, current: str) -> Choices:
    """The loaded reports whose id or title contains what was typed."""
    typed = current.casefold().strip()
    result = []
    for rid in engine.report_ids:
        title = engine.fact_base(rid).info.title
        if typed in rid.casefold() or typed in title.casefold():
            result.append(
                app_commands.Choice(name=truncate(f"{title} ({rid})", CHOICE_NAME_MAX), value=rid[:100])
            )
    return result[:MAX_CHOICES]


def sentence_choices(engine: Engine, current: str, report: object) -> Choices:
    """Sentences whose id or text contains what was typed (in ``report``, else the first)."""
    rid = report if isinstance(report, str) and report in engine.report_ids else engine.report_ids[0]
    typed = current.strip().casefold()
    result = []
    for s in engine.fact_base(rid).report.sentences:
        if typed in s.id or typed in s.text.casefold():
            result.append(
                app_commands.Choice(name=truncate(f"{s.id}: {s.text}", CHOICE_NAME_MAX), value=s.id)
            )
        if len(result) >= MAX_CHOICES:
            break
    return result
