"""``reportbot review``: what people asked that the bot could not answer well, and acting on it.

Lists the declined, low-confidence ("I am not fully sure") and 👎 questions of the feedback
database grouped by similarity; ``--export`` writes the groups as YAML to edit, ``--apply``
merges the edited file into the curated knowledge files (``bot.feedback.review``,
``bot.feedback.curate``). The feedback package is imported when the command runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from bot.cli.common import friendly_errors
from bot.core.datadir import DATA_DIR_ENV, find_data_dir
from bot.core.engine import Engine
from bot.core.errors import ReportbotError

if TYPE_CHECKING:
    from bot.feedback.review import Group

F = TypeVar("F", bound=Callable[..., Any])


def _options(func: F) -> F:
    """The options of ``reportbot review``, in the order --help lists them."""
    for option in reversed(_OPTIONS):
        func = option(func)
    return func


_OPTIONS = [
    click.option(
        "--report", "-r", metavar="ID", help="Only questions about this report (or asked of every report)."
    ),
    click.option("--since", type=click.IntRange(min=1), metavar="DAYS", help="Only the last DAYS days."),
    click.option(
        "--min-count",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        metavar="N",
        help="Only groups asked at least N times.",
    ),
    click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="PATH",
        help="The feedback database (default: $FEEDBACK_DB_PATH, else the one in your user data folder).",
    ),
    click.option(
        "--export",
        "export_to",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE.yaml",
        help="Write the groups as YAML to edit (more ways of asking, or new facts), then --apply it.",
    ),
    click.option(
        "--apply",
        "apply_from",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar="FILE.yaml",
        help="Merge an edited export into the curated files of knowledge/<report>/.",
    ),
    click.option("--dry-run", is_flag=True, help="With --apply: print the diff, write nothing."),
    click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        metavar="PATH",
        help=f"Folder holding seeds/ and knowledge/ (default: ${DATA_DIR_ENV}, else the installed repository).",
    ),
]


@click.command()
@_options
@friendly_errors
def review(
    report: str | None,
    since: int | None,
    min_count: int,
    db: Path | None,
    export_to: Path | None,
    apply_from: Path | None,
    dry_run: bool,
    data_dir: Path | None,
) -> None:
    """Group the questions the bot declined, was unsure of, or got 👎 for, largest group first.

    Each group shows how often it was asked, a representative question and its variants, and
    the closest fact (id, score, the sentence it cites): a new way of asking, a new fact, or
    nothing (the report does not say). Nothing changes until you --apply an edited --export;
    `reportbot check` passes after an apply, which is refused otherwise.

    \b
    Examples:
      reportbot review
      reportbot review --since 7 --min-count 2
      reportbot review --export review.yaml
      reportbot review --apply review.yaml --dry-run
      reportbot review --apply review.yaml
    """
    if apply_from is not None and export_to is not None:
        raise click.UsageError("--export and --apply do one thing each; run them one after the other.")
    if dry_run and apply_from is None:
        raise click.UsageError("--dry-run goes with --apply FILE.yaml.")
    root = find_data_dir(data_dir)
    engine = Engine.load(root)
    if apply_from is not None:
        _apply(apply_from, engine, root, dry_run=dry_run)
        return
    groups, source = _groups(engine, db, report=report, since=since, min_count=min_count)
    if groups is None:
        return
    if export_to is not None:
        _export(groups, engine, source, export_to)
        return
    _print_groups(groups, source)


def _groups(
    engine: Engine, db: Path | None, *, report: str | None, since: int | None, min_count: int
) -> tuple[list[Group] | None, str]:
    from bot.feedback.errors import FeedbackNotFound
    from bot.feedback.review import review as review_groups
    from bot.feedback.sink import database_path
    from bot.feedback.store import FeedbackReader
    from bot.settings import FeedbackSettings

    if db is None:
        try:
            db = database_path(FeedbackSettings(_env_file=None))  # type: ignore[call-arg]
        except ValueError as exc:
            raise ReportbotError(f"Invalid feedback setting: {exc}") from None
    try:
        reader = FeedbackReader(db)
    except FeedbackNotFound as exc:
        click.echo(str(exc))
        return None, str(db)
    with reader:
        groups = review_groups(engine, reader.events(), report=report, since_days=since, min_count=min_count)
    return groups, str(db)


def _print_groups(groups: list[Group], source: str) -> None:
    if not groups:
        click.echo(
            f"nothing to review in {source}: no declined, uncertain or 👎 questions (with these filters)"
        )
        return
    click.echo(f"{source}: {len(groups)} group(s) of questions to review, largest first.")
    for n, g in enumerate(groups, 1):
        kinds = ", ".join(f"{c} {k}" for k, c in sorted(g.kinds.items(), key=lambda kc: (-kc[1], kc[0])))
        click.echo(f"\n{n}. {g.count}× {g.representative!r}  ({kinds})")
        others = g.variants[1:]
        if others:
            click.echo("   variants: " + "; ".join(repr(v) for v in others))
        if g.now is not None:
            click.echo("   the bot now: " + (f"answers with {', '.join(g.now)}" if g.now else "declines"))
        c = g.closest
        if c is None:
            click.echo("   closest fact: none")
            continue
        how = "" if c.ranked else ", by likeness"
        click.echo(f"   closest fact: {c.fact.id} (score {c.score:.2f}{how}) in {c.report}")
        click.echo(f"   {c.sentence_id}: {c.sentence}")


def _export(groups: list[Group], engine: Engine, source: str, target: Path) -> None:
    from bot.feedback.curate import export_text, write_text_atomically

    if target.suffix.lower() not in (".yaml", ".yml"):
        raise click.BadParameter(f"{target.name!r}: name the file .yaml", param_hint="--export")
    write_text_atomically(target, export_text(groups, engine, source=source))
    click.echo(f"Wrote {len(groups)} group(s) to {target}. Edit it, then: reportbot review --apply {target}")


def _apply(source: Path, engine: Engine, root: Path, *, dry_run: bool) -> None:
    from bot.feedback.curate import plan_apply, read_export, write_atomically

    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportbotError(f"cannot read {source}: {getattr(exc, 'strerror', None) or exc}") from None
    plan = plan_apply(read_export(text, str(source)), engine, root)
    if not plan.changed():
        click.echo(f"Nothing to apply from {source}: every group is skipped or already in the fact base.")
        return
    if dry_run:
        click.echo(plan.diff(), nl=False)
        click.echo(f"(dry run: {len(plan.changed())} file(s) would change; nothing written)")
        return
    for path in write_atomically(plan):
        click.echo(f"updated {path.relative_to(root).as_posix()}")
    for note in plan.notes:
        click.echo(f"  {note}")
    click.echo(
        "Checked: the fact base loads. A bot running with --watch serves it within seconds; "
        "else tell it `@reportbot reload knowledge`."
    )
