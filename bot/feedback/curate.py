"""From review groups to the fact base: an editable YAML export, and merging it back.

``export_text`` writes the groups as YAML a curator edits: for each group either more ways of
asking for the closest fact (``action: add-questions``) or a new fact citing the closest
sentence (``action: new-fact``, once its answer is written), each commented with its count.
``plan_apply`` merges the edited file into the curated files of ``knowledge/<report>/`` (never
``drafted.yaml``: a drafted fact gets a curated copy of the same id in ``curated.yaml``, which
overrides it), keeping the comments and key order of everything untouched (ruamel.yaml's round
trip), and validates the result from a temporary copy before anything is written;
``write_atomically`` then replaces each file whole.
"""

from __future__ import annotations

import contextlib
import difflib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from bot.core.engine import Engine
from bot.core.errors import KnowledgeError, ReportbotError
from bot.core.knowledge import DRAFTED_FILE, Fact, load_fact_base
from bot.core.text import clean
from bot.feedback.review import ADD_TO_FACT, Group

#: Where new facts and curated copies of drafted facts go.
CURATED_FILE = "curated.yaml"
ACTIONS = ("add-questions", "new-fact", "skip")
CURATED_HEADER = (
    "Curated facts (written by `reportbot review --apply`; edit freely). A fact here with the id\n"
    "of a drafted fact replaces it."
)


class CurateError(ReportbotError):
    """The export cannot be applied; the message names the group and what to change."""


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


# -- export ------------------------------------------------------------------------------------
def export_text(groups: Sequence[Group], engine: Engine, *, source: str) -> str:
    """The groups as YAML ready to edit (see the module docstring)."""
    lines = [
        f"# reportbot review: {len(groups)} group(s) from {source}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "# Edit, then: reportbot review --apply THIS-FILE [--dry-run]. For each group:",
        "#   action: add-questions  adds `questions` as more ways of asking for `fact`",
        "#   action: new-fact       adds `new_fact` (write its answer first) with `questions`",
        "#   action: skip           changes nothing",
        "# Delete the questions you do not want; nothing else changes the fact base.",
        "groups:",
    ]
    for n, g in enumerate(groups, 1):
        lines += _group_lines(n, g, engine)
    return "\n".join(lines) + "\n"


def _group_lines(n: int, g: Group, engine: Engine) -> list[str]:
    kinds = ", ".join(f"{c} × {k}" for k, c in sorted(g.kinds.items(), key=lambda kc: (-kc[1], kc[0])))
    out = [f"  # {n}. asked {g.count} time(s) ({kinds}): {_q(g.representative)}"]
    c = g.closest
    if c is None or g.report is None:
        out += ["  - action: skip  # no fact to compare with", f"    questions: [{_q(g.representative)}]"]
        return out
    how = "ranked by the bot" if c.ranked else "looks alike"
    out.append(
        f"  #    closest fact {c.fact.id} (score {c.score:.2f}, {how}): {c.sentence_id} {_q(c.sentence)}"
    )
    add = c.ranked and c.score >= ADD_TO_FACT
    out.append(f"  - report: {g.report}")
    out.append(
        f"    action: {'add-questions' if add else 'skip'}"
        + ("" if add else "  # or new-fact, or add-questions")
    )
    out.append(f"    fact: {c.fact.id}")
    out.append("    questions:")
    out += [f"      - {_q(v)}" for v in g.variants]
    if c.drafted:
        out.append("    # a drafted fact: its curated copy needs an answer; this is the bot's answer now")
        out.append(f"    answer: {_q(_current_answer(engine, c.report, c.fact))}")
    out += [
        "    new_fact:  # used by action: new-fact",
        f"      id: {_new_id(g.representative)}",
        f"      topic: {_q(c.fact.topic)}",
        f"      type: [{', '.join(c.fact.types)}]",
        '      answer: ""  # write the answer the report gives',
        "      sources:",
        f"        - sentence: {c.sentence_id}",
        f"          quote: {_q(c.sentence)}",
    ]
    return out


def _current_answer(engine: Engine, report: str, fact: Fact) -> str:
    """What the bot answers for ``fact`` now (a drafted fact's answer is extracted), else its sentence."""
    if fact.answer:
        return fact.answer
    answer = engine.ask(fact.suggestion, report)
    if answer.answered and answer.fact_ids[:1] == (fact.id,):
        return answer.answer
    return fact.sources[0].text


def _new_id(question: str) -> str:
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in clean(question)).split() if w.isascii()]
    return "-".join(words[:6]) or "new-fact"


# -- reading the edited export -----------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One group of the export, checked: what to add to which report."""

    number: int
    report: str
    action: str
    questions: tuple[str, ...]
    fact: str | None = None
    answer: str | None = None
    new_fact: dict[str, Any] | None = None


def read_export(text: str, name: str) -> list[Change]:
    """The changes an edited export asks for (skips left out); CurateError on a malformed file."""
    try:
        doc = YAML(typ="safe").load(text)
    except YAMLError as exc:
        raise CurateError(f"{name} is not valid YAML: {' '.join(str(exc).split())}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        raise CurateError(f"{name}: expected `groups:`, a list, as `reportbot review --export` writes")
    changes = []
    for n, raw in enumerate(doc["groups"], 1):
        change = _change(n, raw, name)
        if change is not None:
            changes.append(change)
    return changes


def _change(n: int, raw: Any, name: str) -> Change | None:
    where = f"{name}, group {n}"
    if not isinstance(raw, dict):
        raise CurateError(f"{where}: expected a mapping with `action`, `report` and `questions`")
    action = raw.get("action")
    if action not in ACTIONS:
        raise CurateError(f"{where}: `action` must be one of {', '.join(ACTIONS)} (got {action!r})")
    if action == "skip":
        return None
    questions = raw.get("questions") or []
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        raise CurateError(f"{where}: `questions` must be a list of non-empty questions")
    if not isinstance(raw.get("report"), str):
        raise CurateError(f"{where}: `report` must name the report (its id)")
    questions = [" ".join(q.split()) for q in questions]
    if action == "add-questions":
        if not isinstance(raw.get("fact"), str) or not questions:
            raise CurateError(f"{where}: add-questions needs `fact` (an id) and at least one question")
        answer = raw.get("answer")
        return Change(n, raw["report"], action, tuple(questions), fact=raw["fact"], answer=answer)
    fact = raw.get("new_fact")
    if not isinstance(fact, dict):
        raise CurateError(f"{where}: new-fact needs `new_fact` with id, topic, type, answer and sources")
    if not str(fact.get("answer") or "").strip():
        raise CurateError(
            f"{where}: write the new fact's `answer` (what the report says), or set action: skip"
        )
    return Change(n, raw["report"], action, tuple(questions), new_fact=fact)


# -- merging -----------------------------------------------------------------------------------
def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long quote
    y.indent(mapping=2, sequence=4, offset=2)
    return y


@dataclass
class Edit:
    """One knowledge file: its text before, its document, and whether it changed."""

    path: Path
    before: str
    doc: Any
    changed: bool = False
    after: str = ""


@dataclass
class Plan:
    """What applying an export changes: the edited files, their new text, and a summary."""

    root: Path
    edits: dict[Path, Edit] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def changed(self) -> list[Edit]:
        return [e for e in self.edits.values() if e.changed]

    def diff(self) -> str:
        out: list[str] = []
        for e in self.changed():
            rel = e.path.relative_to(self.root).as_posix()
            out += difflib.unified_diff(
                e.before.splitlines(True),
                e.after.splitlines(True),
                fromfile=f"a/{rel}" if e.before else "/dev/null",
                tofile=f"b/{rel}",
            )
        return "".join(out)

    def edit(self, path: Path) -> Edit:
        if path not in self.edits:
            before = path.read_text(encoding="utf-8") if path.exists() else ""
            doc = _yaml().load(before) if before.strip() else None
            if doc is None:
                doc = CommentedMap()
                doc.yaml_set_start_comment(CURATED_HEADER)
            if not isinstance(doc, dict):
                raise CurateError(f"{path}: expected a mapping at the top; fix the file first")
            self.edits[path] = Edit(path, before, doc)
        return self.edits[path]


def plan_apply(changes: Sequence[Change], engine: Engine, root: Path) -> Plan:
    """The edits the changes make to ``root``'s knowledge files, validated; CurateError when a
    change names an unknown report or fact, or the result does not load."""
    plan = Plan(root)
    for change in changes:
        try:
            base = engine.fact_base(change.report)
        except ReportbotError as exc:
            raise CurateError(f"group {change.number}: {exc}") from None
        folder = root / "knowledge" / change.report
        if change.action == "add-questions":
            _add_questions(plan, change, base.facts, folder)
        else:
            _new_fact(plan, change, folder)
    for e in plan.changed():
        buf = io.StringIO()
        _yaml().dump(e.doc, buf)
        e.after = buf.getvalue()
    validate(plan, engine)
    return plan


def _facts_of(edit: Edit) -> list[Any]:
    facts = edit.doc.get("facts")
    if facts is None:
        facts = edit.doc["facts"] = CommentedSeq()
    if not isinstance(facts, list):
        raise CurateError(f"{edit.path}: `facts` is not a list; fix the file first")
    return facts


def _add_questions(plan: Plan, change: Change, facts: Sequence[Fact], folder: Path) -> None:
    fact = next((f for f in facts if f.id == change.fact), None)
    if fact is None:
        raise CurateError(f"group {change.number}: report {change.report!r} has no fact {change.fact!r}")
    drafted = Path(fact.file).name == DRAFTED_FILE
    path = folder / CURATED_FILE if drafted else plan.root / fact.file
    edit = plan.edit(path)
    seq = _facts_of(edit)
    item = next((f for f in seq if isinstance(f, dict) and f.get("id") == fact.id), None)
    if item is None and not drafted:
        raise CurateError(f"group {change.number}: fact {fact.id!r} is not in {path}; was it moved?")
    if item is None:
        item = _curated_copy(fact, change.answer)
        seq.append(item)
        edit.changed = True
        plan.notes.append(f"{fact.id}: a curated copy in {CURATED_FILE} now overrides the drafted fact")
    asked = item.setdefault("questions", CommentedSeq())
    known = {clean(str(q)).strip(" ?") for q in asked}
    added = 0
    for q in change.questions:
        if clean(q).strip(" ?") not in known:
            asked.append(q)
            known.add(clean(q).strip(" ?"))
            added += 1
    edit.changed = edit.changed or added > 0
    plan.notes.append(f"{fact.id}: {added} new way(s) of asking in {path.relative_to(plan.root).as_posix()}")


def _curated_copy(fact: Fact, answer: str | None) -> CommentedMap:
    item = CommentedMap()
    item["id"] = fact.id
    item["topic"] = fact.topic
    types = CommentedSeq(fact.types)
    types.fa.set_flow_style()
    item["type"] = types
    item["questions"] = CommentedSeq(fact.questions)
    if fact.keywords:
        keywords = CommentedSeq(fact.keywords)
        keywords.fa.set_flow_style()
        item["keywords"] = keywords
    item["answer"] = (answer or "").strip() or fact.answer or fact.sources[0].text
    item["sources"] = CommentedSeq(
        CommentedMap([("sentence", s.id), ("quote", s.text)]) for s in fact.sources
    )
    return item


def _new_fact(plan: Plan, change: Change, folder: Path) -> None:
    raw = dict(change.new_fact or {})
    item = CommentedMap()
    for key in ("id", "topic", "type"):
        item[key] = raw.get(key)
    item["questions"] = CommentedSeq(change.questions)
    for key in ("keywords", "answer", "sources"):
        if raw.get(key) is not None:
            item[key] = raw[key]
    edit = plan.edit(folder / CURATED_FILE)
    _facts_of(edit).append(item)
    edit.changed = True
    plan.notes.append(f"{item['id']}: a new fact in knowledge/{change.report}/{CURATED_FILE}")


def validate(plan: Plan, engine: Engine) -> None:
    """Load every touched report from a temporary copy with the edits in place; CurateError
    listing the problems (as `reportbot check` words them) when it does not load, or when the
    edits make a suggestion answer with another fact."""
    reports = sorted({e.path.parent.name for e in plan.changed()})
    with tempfile.TemporaryDirectory(prefix="reportbot-apply-") as tmp:
        copy = Path(tmp)
        for rid in reports:
            shutil.copy2(plan.root / "seeds" / f"{rid}.txt", _mkdir(copy / "seeds") / f"{rid}.txt")
            shutil.copytree(plan.root / "knowledge" / rid, copy / "knowledge" / rid)
        for e in plan.changed():
            (copy / e.path.relative_to(plan.root)).write_text(e.after, encoding="utf-8")
        for rid in reports:
            try:
                base = load_fact_base(copy / "seeds" / f"{rid}.txt", copy / "knowledge" / rid, root=copy)
            except KnowledgeError as exc:
                problems = "\n".join(f"  {p}" for p in exc.problems)
                raise CurateError(f"Not applied: the result would not load:\n{problems}") from None
            before = {p.message for p in Engine([engine.fact_base(rid)]).audit()}
            new = [p for p in Engine([base]).audit() if p.message not in before]
            if new:
                problems = "\n".join(f"  {p}" for p in new)
                raise CurateError(f"Not applied: `reportbot check` would then say:\n{problems}")


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_atomically(plan: Plan) -> list[Path]:
    """Replace each changed file whole; returns the files written."""
    for e in plan.changed():
        write_text_atomically(e.path, e.after)
    return [e.path for e in plan.changed()]


def write_text_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file beside it, synced, renamed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
