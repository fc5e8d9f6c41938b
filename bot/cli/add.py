"""``reportbot add`` and ``reportbot reports``: add an article and list the reports."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import click

from bot.cli.common import friendly_errors
from bot.core.article import plain_name
from bot.core.datadir import find_data_dir
from bot.core.drafting import AddError, Draft, build_draft, check_id, decode_article, finish_draft, slugify
from bot.core.engine import Engine
from bot.core.errors import KnowledgeError, ReportbotError
from bot.core.knowledge import DRAFTED_FILE, load_fact_base


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "report_id", metavar="ID", help="The report's id (default: from the file name).")
@click.option("--title", metavar="TEXT", help="The report's title (default: its headline or first words).")
@click.option("--source", metavar="URL", default="", help="Where the article was published.")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="PATH",
    help="Folder to add it to (created with seeds/ and knowledge/ when missing).",
)
@click.option("--force", is_flag=True, help="Replace the report's text and drafted facts; curated files are kept.")
@friendly_errors
def add(path: Path, report_id: str | None, title: str | None, source: str, data_dir: Path | None, force: bool) -> None:
    """Add the article at PATH as a report and draft its knowledge.

    The text is stored as seeds/ID.txt (one paragraph per line) and its facts are drafted in
    knowledge/ID/drafted.yaml, one per sentence, so the bot answers questions about it at once.
    Curate by writing other YAML files in knowledge/ID/ (see README, "Adding a report").

    \b
    Examples:
      reportbot add article.txt
      reportbot add ~/news/rate-cut.txt --id rate-cut --source https://example.com/rate-cut
      reportbot add article.txt --data-dir ./my-reports
      reportbot ask --data-dir ./my-reports --report article "Who said what?"
    """
    started = time.perf_counter()
    rid = check_id(report_id) if report_id is not None else slugify(path.stem)
    if not rid:
        raise AddError(f"cannot make an id from {path.name!r}; give one with --id")
    text = _read(path)  # before any folder is made: a file that is no article writes nothing
    root = _data_dir(data_dir)
    seed, folder = root / "seeds" / f"{rid}.txt", root / "knowledge" / rid
    if not force and (seed.exists() or folder.exists()):
        raise AddError(f"the id {rid!r} is in use in {root}; choose another --id, or --force to redraft it")
    draft = build_draft(text, rid, name=path.name, title=title, source=source)
    _draft_facts(draft, root)
    changed = _curated_changes(folder, draft) if force else []
    _write(root, draft, force)
    _report(draft, root, changed, time.perf_counter() - started)


def _data_dir(data_dir: Path | None) -> Path:
    if data_dir is None:
        return find_data_dir(None)
    for sub in ("", "seeds", "knowledge"):
        try:
            (data_dir / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AddError(f"cannot create the data folder {data_dir / sub}: {exc.strerror}") from exc
    return data_dir


def _read(path: Path) -> str:
    try:
        if not path.exists():
            raise AddError(f"{path} does not exist; give the path of the article's .txt file")
        if not path.is_file():
            raise AddError(f"{path} is not a file; give the article as a .txt file")
        with path.open("rb") as handle:
            data = handle.read(2_000_001)
    except OSError as exc:
        raise AddError(f"cannot read {path}: {exc.strerror}") from exc
    return decode_article(data, path.name)


def _draft_facts(draft: Draft, root: Path) -> None:
    """Choose each fact's question by asking a first engine built from the candidate facts."""
    with tempfile.TemporaryDirectory(dir=root, prefix=".draft-") as tmp:
        base = _files(Path(tmp), draft, questions_only=True)
        engine = Engine([load_fact_base(base / "seeds" / f"{draft.report_id}.txt", base / "knowledge" / draft.report_id)])

        def answers_with(question: str, fact_id: str) -> bool:
            answer = engine.ask(question)
            return answer.answered and answer.fact_ids[:1] == (fact_id,)

        finish_draft(draft, answers_with)


def _files(tmp: Path, draft: Draft, *, questions_only: bool = False) -> Path:
    (tmp / "seeds").mkdir()
    folder = tmp / "knowledge" / draft.report_id
    folder.mkdir(parents=True)
    (tmp / "seeds" / f"{draft.report_id}.txt").write_text(draft.seed_text, encoding="utf-8")
    (folder / "report.yaml").write_text(draft.report_yaml, encoding="utf-8")
    if questions_only:
        finish_draft(draft, lambda _q, _f: True)
    (folder / DRAFTED_FILE).write_text(draft.drafted_yaml, encoding="utf-8")
    return tmp


def _curated_changes(folder: Path, draft: Draft) -> list[str]:
    """Curated facts whose cited sentences the new text changes or drops."""
    curated = [p for p in folder.glob("*.yaml") if p.name not in (DRAFTED_FILE, "report.yaml")]
    if not curated:
        return []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            base = _files(Path(tmp), draft)
            for p in curated:
                shutil.copy(p, base / "knowledge" / draft.report_id / p.name)
            load_fact_base(base / "seeds" / f"{draft.report_id}.txt", base / "knowledge" / draft.report_id)
    except KnowledgeError as exc:
        return [str(p) for p in exc.problems]
    return []


def _write(root: Path, draft: Draft, force: bool) -> None:
    """Write the report in a temporary folder inside ``root``, then rename into place."""
    rid = draft.report_id
    folder = root / "knowledge" / rid
    tmp = Path(tempfile.mkdtemp(dir=root / "knowledge", prefix=f".{rid}-"))
    try:
        (tmp / DRAFTED_FILE).write_text(draft.drafted_yaml, encoding="utf-8")
        if not (folder / "report.yaml").exists():
            (tmp / "report.yaml").write_text(draft.report_yaml, encoding="utf-8")
        seed_tmp = root / "seeds" / f".{rid}.txt.tmp"
        seed_tmp.write_text(draft.seed_text, encoding="utf-8")
        if folder.exists():
            for p in tmp.iterdir():
                os.replace(p, folder / p.name)
        else:
            os.rename(tmp, folder)
        os.replace(seed_tmp, root / "seeds" / f"{rid}.txt")
    except OSError as exc:
        raise AddError(f"cannot write the report into {root}: {exc.strerror}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _report(draft: Draft, root: Path, changed: list[str], seconds: float) -> None:
    article = draft.article
    spans = [s for r in article.readings.values() for s in r.spans]

    def names(kind: str) -> list[str]:
        """The names of one kind, each once: "The Bank of Norway’s" is the Bank of Norway."""
        found: dict[str, str] = {}
        for s in spans:
            if s.kind == kind:
                name = plain_name(s.text)
                key = name.casefold()
                if key not in found or found[key].isupper():
                    found[key] = name  # "Oslo" rather than the dateline's "OSLO"
        return list(found.values())

    quotes = [(sid, r.speaker) for sid, r in article.readings.items() if r.speaker]
    click.echo(f"Added {draft.report_id!r}: “{draft.title}” ({seconds:.1f} s)")
    sentences, facts = len(draft.report.sentences), len(draft.questions)
    click.echo(f"  {_count(sentences, 'sentence')}, {_count(facts, 'fact')} in knowledge/{draft.report_id}/{DRAFTED_FILE}")
    click.echo(f"  people: {', '.join(article.people) or '-'}")
    click.echo(f"  organisations: {', '.join(names('organisation')) or '-'}")
    click.echo(f"  places: {', '.join(names('place')) or '-'}")
    click.echo(f"  figures: {len(names('number') + names('money') + names('percent'))}, dates: {len(names('date'))}")
    click.echo(f"  quotes with a speaker: {', '.join(f'{sid} ({who})' for sid, who in quotes) or '-'}")
    if draft.unchecked:
        click.echo(
            f"  questions not checked: {draft.unchecked} facts (the report is long); "
            "`reportbot check` lists those the bot would not answer"
        )
    credits = [p.credit for p in draft.report.paragraphs if p.credit]
    if credits:
        click.echo(f"  left out of citable text: {'; '.join(credits)} (a photo credit)")
    for problem in changed:
        click.echo(f"  curated fact to review: {problem}")
    where = "" if root == find_data_dir(None) else f" --data-dir {root}"
    click.echo("Next:")
    click.echo(f"  reportbot ask{where} --report {draft.report_id} \"{next(iter(draft.questions.values()))}\"")
    click.echo(f"  reportbot facts{where} --report {draft.report_id}    # what it answers")
    click.echo(f"  curate: add YAML files beside knowledge/{draft.report_id}/{DRAFTED_FILE} (see README)")


@click.command()
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), metavar="PATH", help="Folder holding seeds/ and knowledge/.")
@friendly_errors
def reports(data_dir: Path | None) -> None:
    """List the reports: id, title, source, sentences and facts.

    \b
    Example:
      reportbot reports --data-dir ./my-reports
    """
    engine = Engine.load(data_dir)
    for rid in engine.report_ids:
        base = engine.fact_base(rid)
        click.echo(f"{rid}\t{base.info.title}\t{base.info.source or '-'}\t{len(base.report.sentences)} sentences\t{len(base.facts)} facts")


def _count(n: int, noun: str) -> str:
    """"1 sentence", "28 sentences"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


__all__ = ["ReportbotError", "add", "reports"]

