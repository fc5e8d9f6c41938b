"""Changing the knowledge without a restart: what is served, and reloading it from the files.

``Served`` is everything built from one Engine (the engine, the answer cache, the map from
suggested questions to facts, the pages of /facts); the application service holds one and
swaps it for another in one assignment, so a question in flight finishes on the one it started
with. ``KnowledgeReloader.files_changed`` is the one way in: the file watcher (``--watch``),
the owner's ``@reportbot reload knowledge`` and the tests all call it. A fact base that does
not load is rejected: the previous knowledge keeps serving, and the problems, worded as by
``reportbot check``, are logged and sent to the application owner by DM.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.answer import Answer
from bot.core.engine import Engine
from bot.core.errors import KnowledgeError, Problem, ReportbotError
from bot.discord_app.limits import LRU

if TYPE_CHECKING:
    import discord

log = logging.getLogger(__name__)

#: A reload waits until no file has changed for this long (an editor's save, ``reportbot add``'s
#: several files, a file written in pieces are one reload); with the watcher's own step and the
#: loading, the new knowledge is served about 1.5 s after the last write (3 s at most).
QUIET_SECONDS = 0.8
#: How often the watcher hands over what changed.
STEP_SECONDS = 0.2
#: Files written without a pause for longer than this are reloaded anyway.
MAX_BATCH_SECONDS = 10.0
#: What is watched: the fact base under knowledge/, the reports under seeds/.
WATCHED_SUFFIXES = {"knowledge": (".yaml", ".yml"), "seeds": (".txt",)}
#: At most this many problems go into the owner's DM (the log has them all).
DM_PROBLEMS = 15
DM_MAX_CHARS = 1900


@dataclass
class Served:
    """The knowledge being served: one engine and everything built from it."""

    engine: Engine
    cache: LRU[tuple[str, str | None], Answer]
    suggested: dict[str, tuple[str, str]]
    pages: dict[str, list[discord.Embed]] = field(default_factory=dict)

    @classmethod
    def of(cls, engine: Engine, cache_size: int) -> Served:
        suggested: dict[str, tuple[str, str]] = {}
        for rid in engine.report_ids:
            for fact in engine.fact_base(rid).facts:
                suggested.setdefault(fact.suggestion, (rid, fact.id))
        return cls(engine=engine, cache=LRU(cache_size), suggested=suggested)


class Swappable(Protocol):
    """What a reload changes: the application service (``answering.Answerer``)."""

    @property
    def engine(self) -> Engine: ...

    def swap(self, engine: Engine) -> None: ...


@dataclass(frozen=True)
class ReloadOutcome:
    """What a reload did: ``loaded`` (the new engine is served) or the problems that kept the old."""

    loaded: bool
    reports: tuple[str, ...] = ()
    facts: int = 0
    problems: tuple[Problem, ...] = ()
    changed: tuple[str, ...] = ()

    def summary(self) -> str:
        if self.loaded:
            return f"Reloaded the knowledge: {len(self.reports)} report(s) ({', '.join(self.reports)}), {self.facts} facts."
        return (
            f"The knowledge was not reloaded: the fact base has {len(self.problems)} problem(s); "
            "the previous knowledge is still served."
        )

    def report(self, limit: int = DM_PROBLEMS, max_chars: int | None = None) -> str:
        """The summary and the problems, one a line, as ``reportbot check`` prints them: at most
        ``limit`` of them, and (with ``max_chars``) only whole lines that fit."""
        lines = [self.summary()]
        for n, p in enumerate(self.problems):
            rest = len(self.problems) - n
            more = f"  ... and {rest} more (run `reportbot check` for all of them)"
            line = f"  {p}"
            too_long = max_chars is not None and len("\n".join([*lines, line, more])) > max_chars
            if n >= limit or too_long:
                lines.append(more)
                break
            lines.append(line)
        return "\n".join(lines)


def watched(path: Path, data_dir: Path) -> bool:
    """True for a file whose change matters: a knowledge YAML file or a report, not an editor's
    temporary file (``~``, ``.swp``, ``.tmp``, a dotfile, ``#name#``) nor anything else."""
    try:
        parts = path.resolve().relative_to(data_dir.resolve()).parts
    except ValueError:
        return False
    if len(parts) < 2 or parts[0] not in WATCHED_SUFFIXES:
        return False
    if any(p.startswith(".") for p in parts):
        return False
    name = parts[-1]
    if name.endswith(("~", ".swp", ".swx", ".tmp")) or (name.startswith("#") and name.endswith("#")):
        return False
    return name.endswith(WATCHED_SUFFIXES[parts[0]])


Notify = Callable[[str], Awaitable[None]]


class KnowledgeReloader:
    """Builds a new Engine from the data folder and swaps it in, or keeps the old one."""

    def __init__(
        self,
        service: Swappable,
        data_dir: Path | None,
        reports: Iterable[str] | None = None,
        *,
        notify_owner: Notify | None = None,
        load: Callable[[Path | None, list[str] | None], Engine] = Engine.load,
    ) -> None:
        self.service = service
        self.data_dir = data_dir
        self.reports = list(reports) if reports else None
        self.notify_owner = notify_owner
        self._load = load
        self._lock = asyncio.Lock()
        #: Every outcome, newest last (for the log and the tests).
        self.history: list[ReloadOutcome] = []

    async def files_changed(self, paths: Collection[Path] = (), *, notify: bool = True) -> ReloadOutcome:
        """The one way in: some files changed (or the owner asked). Loads the data folder in a
        worker thread, then swaps the engine in one step, or rejects a broken fact base."""
        async with self._lock:  # one reload at a time; a second waits and loads the newer files
            changed = tuple(sorted(str(p) for p in paths))
            try:
                engine = await asyncio.to_thread(self._load, self.data_dir, self.reports)
            except KnowledgeError as exc:
                outcome = ReloadOutcome(False, problems=tuple(exc.problems), changed=changed)
            except (ReportbotError, OSError) as exc:
                where = str(self.data_dir or "the data folder")
                outcome = ReloadOutcome(False, problems=(Problem(where, None, " ".join(str(exc).split())),))
            else:
                self.service.swap(engine)
                facts = sum(len(engine.fact_base(r).facts) for r in engine.report_ids)
                outcome = ReloadOutcome(True, tuple(engine.report_ids), facts, changed=changed)
            self.history.append(outcome)
        if outcome.loaded:
            log.info("%s", outcome.summary())
        else:
            log.warning("%s", outcome.report(limit=len(outcome.problems)))
            if notify and self.notify_owner is not None:
                await self._tell_owner(outcome)
        return outcome

    async def _tell_owner(self, outcome: ReloadOutcome) -> None:
        text = outcome.report(max_chars=DM_MAX_CHARS)
        try:
            assert self.notify_owner is not None
            await self.notify_owner(text)
        except Exception as exc:  # the log has the problems anyway
            log.warning("could not send the reload problems to the application owner: %s", exc)

    async def watch(self, *, quiet: float = QUIET_SECONDS, ready: asyncio.Event | None = None) -> None:
        """Reload whenever knowledge/ or seeds/ change, once no file has changed for ``quiet``
        seconds. Runs until cancelled."""
        import watchfiles

        from bot.core.datadir import find_data_dir

        root = find_data_dir(self.data_dir)
        pending: set[Path] = set()
        async for changes in watchfiles.awatch(
            root / "knowledge",
            root / "seeds",
            watch_filter=lambda _change, path: watched(Path(path), root),
            step=int(STEP_SECONDS * 1000),
            debounce=int(MAX_BATCH_SECONDS * 1000),
            rust_timeout=int(quiet * 1000),  # nothing changed for `quiet` s: an empty batch
            yield_on_timeout=True,
        ):
            if ready is not None and not ready.is_set():
                ready.set()  # the first batch (empty, after `quiet` s) says the watcher is up
            if changes:
                pending.update(Path(p) for _change, p in changes)
            elif pending:
                batch, pending = pending, set()
                await self.files_changed(batch)


async def owner_dm(bot: Any, text: str) -> None:
    """Send ``text`` to the bot's application owner (the team's owner for a team) by DM."""
    app = await bot.application_info()
    owner = app.team.owner if app.team is not None and app.team.owner is not None else app.owner
    await owner.send(text)


async def start_watching(reloader: KnowledgeReloader) -> asyncio.Task[None]:
    """The watcher as a task, started once it watches (so no change in between is missed)."""
    ready = asyncio.Event()
    task = asyncio.create_task(reloader.watch(ready=ready), name="knowledge-watcher")
    waiter = asyncio.create_task(ready.wait())
    await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    if not waiter.done():
        waiter.cancel()
    if task.done():
        task.result()  # raises what stopped the watcher
    task.add_done_callback(_watcher_ended)
    return task


def _watcher_ended(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("the knowledge watcher stopped; edits are no longer reloaded", exc_info=task.exception())


async def stop_watching(task: asyncio.Task[None] | None) -> None:
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
