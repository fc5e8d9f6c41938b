"""``reportbot facts`` and ``reportbot check``: what the fact base holds, and whether it is sound."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli.common import data_options, friendly_errors, load_engine
from bot.core.datadir import DATA_DIR_ENV, find_data_dir
from bot.core.engine import Engine
from bot.core.errors import KnowledgeError, Problem, ReportbotError


@click.command()
@click.option("--sentences", is_flag=True, help="List every sentence of the report with its id instead.")
@data_options
@friendly_errors
def facts(sentences: bool, data_dir: Path | None, report: str | None) -> None:
    """Show what the bot knows, by topic, with a question to ask for each fact.

    \b
    Examples:
      reportbot facts
      reportbot facts --sentences
    """
    engine = load_engine(data_dir, report)
    print_facts(engine, report, sentences=sentences)


def print_facts(engine: Engine, report: str | None, *, sentences: bool) -> None:
    """Each report's facts by topic (with their sentence ids), or every sentence with its id."""
    ids = [report] if report else engine.report_ids
    for rid in ids:
        base = engine.fact_base(rid)
        click.secho(f"{base.info.title} [{rid}]", bold=True)
        if sentences:
            for p in base.report.paragraphs:
                for s in p.sentences:
                    click.echo(f"  {s.id:7} {s.text}")
                if p.credit:
                    click.echo(f"  {'':7} (photo credit, not citable: {p.credit})")
            continue
        for topic, topic_facts in base.topics().items():
            click.echo(f"\n  {topic}")
            for fact in topic_facts:
                where = ", ".join(s.id for s in fact.sources)
                click.echo(f"    - {fact.suggestion}  [{where}]")
        click.echo()


@click.command()
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="PATH",
    help=f"Folder holding seeds/ and knowledge/ (default: ${DATA_DIR_ENV}, else the installed repository).",
)
def check(data_dir: Path | None) -> None:
    """Validate every knowledge file and every citation verbatim against seeds/.

    Lists every problem at once (file, line, what to fix) and exits 1 when there is any:
    malformed YAML, unknown or duplicate ids, empty fields, quotes that no longer match the
    report, sentences that no fact cites and no `uncovered` entry explains, and suggestions
    the bot would not answer with their own fact.

    \b
    Example:
      reportbot check
    """
    try:
        root = find_data_dir(data_dir)
        engine = Engine.load(root)
    except KnowledgeError as exc:
        print_problems(exc.problems)
        sys.exit(1)
    except ReportbotError as exc:
        click.secho(f"reportbot: {exc}", err=True, fg="red")
        sys.exit(1)
    problems = engine.audit()
    if problems:
        print_problems(problems)
        sys.exit(1)
    for rid in engine.report_ids:
        base = engine.fact_base(rid)
        total = len(base.report.sentences)
        click.echo(
            f"ok: {rid}: {len(base.facts)} facts; {total} sentences, "
            f"{total - len(base.uncovered)} cited, {len(base.uncovered)} uncovered with a reason"
        )


def print_problems(problems: list[Problem]) -> None:
    """The fact base's problems on stderr, one a line, under a count."""
    click.secho(f"{len(problems)} problem(s) in the fact base:", err=True, fg="red")
    for p in problems:
        click.echo(f"  {p}", err=True)
