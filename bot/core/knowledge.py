"""Loading and validating the fact base: ``knowledge/<report-id>/*.yaml`` against ``seeds/``.

Every YAML file of a report folder may hold any of these top-level keys:

``report``     title, source and summary of the report (once per report); optionally ``places``
               (the article's local places a general gazetteer lacks: a district, a mountain)
               and ``bodies`` (names of organisations that own things: "the Green Party's
               leader")
``synonyms``   lists of phrases that mean the same here (``[IMF, International Monetary Fund]``)
``facts``      the facts: id, topic, type, questions, keywords, answer, sources
``uncovered``  sentences deliberately left without a fact, each with the reason
``korean``     Korean names of the report's bodies where sound does not reach them, each a list
               of the English name and its Korean names (``[Green Alliance, 녹색동맹]``);
               also accepted under ``report``

A source names its sentence twice, by id and by verbatim quote, so an edit of the report is caught
instead of silently pointing a citation at another sentence. Loading collects every problem (file,
line, what to do) and raises one ``KnowledgeError`` listing them all.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from bot.core import safeio
from bot.core.errors import KnowledgeError, Problem
from bot.core.report import Report, Sentence

log = logging.getLogger(__name__)

#: Question types a fact can answer; the matcher checks them against the question's type.
#: ``name``: the answer gives the name of the one asked about ("what is the IMF's full name");
#: ``future``: the answer says when something *will* happen ("when will the team leave?").
FACT_TYPES = frozenset({"who", "name", "what", "when", "future", "where", "why", "how", "how_many", "age"})
#: A suggestion is shown on a button and in a list: keep the first question of a fact short.
MAX_SUGGESTION_CHARS = 80
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LINE = safeio.LINE_KEY
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_TOP_KEYS = {"report", "synonyms", "facts", "uncovered", "korean"}
_FACT_KEYS = {"id", "topic", "type", "questions", "keywords", "answer", "sources"}
#: The file ``reportbot add`` writes: its facts may leave ``answer`` out (the bot extracts it
#: from the sentence), and a curated fact of the same id, or curated facts citing all its
#: sentences, take its place.
DRAFTED_FILE = "drafted.yaml"


@dataclass(frozen=True)
class Fact:
    """One thing the report says, the ways people ask for it, and where it is said."""

    report: str
    id: str
    topic: str
    types: tuple[str, ...]
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: str
    sources: tuple[Sentence, ...]
    file: str = ""
    line: int | None = None

    @property
    def suggestion(self) -> str:
        """The question to offer users for this fact (its first, at most 80 characters)."""
        return self.questions[0]


@dataclass(frozen=True)
class ReportInfo:
    title: str
    source: str = ""
    summary: str = ""
    #: The date the article states (its dateline's), as written.
    date: str = ""
    #: Other names of the article's people: a surname -> the full name.
    aliases: tuple[tuple[str, str], ...] = ()
    #: Local places of this article that the general gazetteer lacks (a district, a mountain).
    places: tuple[str, ...] = ()
    #: Names of this article's organisations that own things ("the Green Party's leader").
    bodies: tuple[str, ...] = ()


@dataclass
class FactBase:
    """A report with its validated facts, synonyms and deliberately uncovered sentences."""

    report: Report
    info: ReportInfo
    facts: tuple[Fact, ...]
    synonyms: tuple[tuple[str, ...], ...] = ()
    uncovered: dict[str, str] = field(default_factory=dict)
    #: Korean names of the report's bodies: each group is the English name, then Korean names.
    korean: tuple[tuple[str, ...], ...] = ()

    @property
    def id(self) -> str:
        return self.report.id

    def fact(self, fact_id: str) -> Fact:
        return next(f for f in self.facts if f.id == fact_id)

    def cited_ids(self) -> set[str]:
        return {s.id for f in self.facts for s in f.sources}

    def uncited(self) -> list[Sentence]:
        """Sentences that no fact cites and no ``uncovered`` entry explains."""
        cited = self.cited_ids()
        return [s for s in self.report.sentences if s.id not in cited and s.id not in self.uncovered]

    @cached_property
    def _topics(self) -> dict[str, tuple[Fact, ...]]:
        def where(fact: Fact) -> tuple[int, int]:
            first = fact.sources[0]
            return (first.paragraph, first.index)

        grouped: dict[str, list[Fact]] = {}
        for fact in sorted(self.facts, key=where):  # stable: file order among equals
            grouped.setdefault(fact.topic, []).append(fact)
        return {topic: tuple(facts) for topic, facts in grouped.items()}

    def topics(self) -> dict[str, tuple[Fact, ...]]:
        """The facts grouped by topic, in the order the report tells them."""
        return self._topics


class _Collector:
    """Builds a FactBase from YAML documents, recording problems instead of stopping."""

    def __init__(self, report: Report, display: str) -> None:
        self.report = report
        self.display = display
        self.problems: list[Problem] = []
        self.facts: list[Fact] = []
        self.drafted: list[Fact] = []
        self.drafting = False
        self.synonyms: list[tuple[str, ...]] = []
        self.korean: list[tuple[str, ...]] = []
        self.uncovered: dict[str, str] = {}
        self.info: ReportInfo | None = None
        self._fact_lines: dict[str, tuple[str, int | None]] = {}
        self._quotes = {s.text: s for s in report.sentences}

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def add_document(self, file: str, doc: Any) -> None:
        if doc is None:
            self.problem(file, None, "the file is empty; add `facts:` or delete the file")
            return
        if not isinstance(doc, dict):
            self.problem(file, 1, "expected a mapping with keys among: " + ", ".join(sorted(_TOP_KEYS)))
            return
        line = doc.pop(_LINE, None)
        for key in sorted(set(doc) - _TOP_KEYS, key=str):
            self.problem(
                file, line, f"unknown key {key!r}; expected keys among: " + ", ".join(sorted(_TOP_KEYS))
            )
        if "report" in doc:
            self._add_info(file, line, doc["report"])
        if "synonyms" in doc:
            self._add_synonyms(file, line, doc["synonyms"])
        if "korean" in doc:
            self._add_korean(file, line, doc["korean"])
        if "facts" in doc:
            facts = doc["facts"]
            if not isinstance(facts, list):
                self.problem(file, line, "`facts` must be a list of facts (each starting with `- id:`)")
            else:
                for raw in facts:
                    self._add_fact(file, line, raw)
        if "uncovered" in doc:
            self._add_uncovered(file, line, doc["uncovered"])

    def _add_info(self, file: str, line: int | None, raw: Any) -> None:
        if not isinstance(raw, dict) or not _text(raw.get("title")):
            self.problem(file, line, "`report` needs a non-empty `title`")
            return
        if self.info is not None:
            self.problem(file, raw.get(_LINE, line), "`report` is given twice; keep one")
        if "korean" in raw:
            self._add_korean(file, raw.get(_LINE, line), raw["korean"])
        self.info = ReportInfo(
            title=raw["title"].strip(),
            source=_text(raw.get("source")) or "",
            summary=_text(raw.get("summary")) or "",
            date=_text(str(raw.get("date") or "")) or "",
            aliases=tuple(
                (str(k), str(v)) for k, v in (raw.get("aliases") or {}).items() if k != _LINE
            )
            if isinstance(raw.get("aliases"), dict)
            else (),
            places=self._names(file, raw.get(_LINE, line), raw, "places"),
            bodies=self._names(file, raw.get(_LINE, line), raw, "bodies"),
        )

    def _names(self, file: str, line: int | None, raw: dict[str, Any], key: str) -> tuple[str, ...]:
        value = _numbers_as_text(raw.get(key))
        if value is None:
            return ()
        if not isinstance(value, list) or not all(_text(v) for v in value):
            self.problem(file, line, f"`report: {key}` must be a list of names, e.g. `{key}: [Name One, Name Two]`")
            return ()
        return tuple(" ".join(str(v).split()) for v in value)

    def _add_synonyms(self, file: str, line: int | None, raw: Any) -> None:
        if not isinstance(raw, list):
            self.problem(file, line, "`synonyms` must be a list of lists of phrases")
            return
        for group in raw:
            group = _numbers_as_text(group)
            if not isinstance(group, list) or len(group) < 2 or not all(_text(p) for p in group):
                self.problem(file, line, f"synonym group {group!r} must list two or more non-empty phrases")
                continue
            self.synonyms.append(tuple(str(p).strip() for p in group))

    def _add_korean(self, file: str, line: int | None, raw: Any) -> None:
        example = "[Green Alliance, 녹색동맹]"
        if not isinstance(raw, list):
            self.problem(file, line, f"`korean` must be a list of [English name, Korean name, ...] lists, e.g. {example}")
            return
        for group in raw:
            group = _numbers_as_text(group)
            if not isinstance(group, list) or len(group) < 2 or not all(_text(p) for p in group):
                self.problem(
                    file, line, f"korean group {group!r} must list the English name, then one or more Korean names"
                )
                continue
            phrases = [str(p).strip() for p in group]
            if _HANGUL.search(phrases[0]) or not all(_HANGUL.search(p) for p in phrases[1:]):
                self.problem(
                    file,
                    line,
                    f"korean group {group!r}: the first name is the English one, the others are in Hangul, e.g. {example}",
                )
                continue
            self.korean.append(tuple(phrases))

    def _add_uncovered(self, file: str, line: int | None, raw: Any) -> None:
        if not isinstance(raw, list):
            self.problem(file, line, "`uncovered` must be a list of `- sentence: pN.sM` entries")
            return
        for entry in raw:
            where = entry.get(_LINE, line) if isinstance(entry, dict) else line
            if not isinstance(entry, dict) or not _text(entry.get("sentence")):
                self.problem(file, where, "an `uncovered` entry needs `sentence: pN.sM` and `reason`")
                continue
            sid = str(entry["sentence"]).strip()
            if sid not in self.report:
                self.problem(
                    file, where, f"uncovered sentence {sid!r} is not in the report {self._ids_hint()}"
                )
            elif not _text(entry.get("reason")):
                self.problem(file, where, f"uncovered sentence {sid} needs a `reason`")
            else:
                self.uncovered[sid] = entry["reason"].strip()

    def _add_fact(self, file: str, line: int | None, raw: Any) -> None:
        if not isinstance(raw, dict):
            self.problem(file, line, f"a fact must be a mapping, got {type(raw).__name__}: {raw!r}")
            return
        where = raw.pop(_LINE, line)
        fid = raw.get("id")
        label = f"fact {fid!r}" if isinstance(fid, str) and fid else "a fact"
        before = len(self.problems)
        self._check_fact_keys(file, where, label, raw)
        self._check_fact_id(file, where, label, fid)
        topic = _text(raw.get("topic"))
        if not topic:
            self.problem(file, where, f"{label} needs a non-empty `topic`")
        answer = _text(raw.get("answer")) or ("" if self.drafting else None)
        if answer is None:
            self.problem(file, where, f"{label} needs a non-empty `answer`")
        types = self._fact_types(file, where, label, raw)
        questions = self._fact_questions(file, where, label, raw)
        keywords = self._string_list(file, where, label, raw, "keywords", required=False)
        sources = self._sources(file, where, label, raw.get("sources"))
        if len(self.problems) == before and isinstance(fid, str) and topic and answer is not None:
            fact = Fact(
                report=self.report.id,
                id=fid,
                topic=topic,
                types=tuple(types),
                questions=tuple(questions),
                keywords=tuple(keywords),
                answer=answer,
                sources=tuple(sources),
                file=file,
                line=where,
            )
            (self.drafted if self.drafting else self.facts).append(fact)

    def _check_fact_keys(self, file: str, where: int | None, label: str, raw: dict[str, Any]) -> None:
        """A problem for each field a fact may not have."""
        for key in sorted(set(raw) - _FACT_KEYS, key=str):
            self.problem(
                file,
                where,
                f"{label} has unknown field {key!r}; fields are: " + ", ".join(sorted(_FACT_KEYS)),
            )

    def _check_fact_id(self, file: str, where: int | None, label: str, fid: Any) -> None:
        """A fact's id is a slug, unique among curated facts (drafted ones are replaced by id)."""
        if not isinstance(fid, str) or not _ID.match(fid):
            self.problem(file, where, f"{label} needs an `id` of lower-case letters, digits, '-' or '_'")
        elif fid in self._fact_lines and not self.drafting:
            first_file, first_line = self._fact_lines[fid]
            self.problem(
                file,
                where,
                f"duplicate fact id {fid!r} (first defined at {first_file}:{first_line}); ids must be unique",
            )
        elif not self.drafting:
            self._fact_lines[fid] = (file, where)

    def _fact_types(self, file: str, where: int | None, label: str, raw: dict[str, Any]) -> list[str]:
        """A fact's question types, each one of ``FACT_TYPES``."""
        types = self._string_list(file, where, label, raw, "type", required=True)
        for t in types:
            if t not in FACT_TYPES:
                self.problem(
                    file,
                    where,
                    f"{label} has unknown type {t!r}; types are: " + ", ".join(sorted(FACT_TYPES)),
                )
        return types

    def _fact_questions(self, file: str, where: int | None, label: str, raw: dict[str, Any]) -> list[str]:
        """A fact's questions, the first short enough to be offered as a suggestion."""
        questions = self._string_list(file, where, label, raw, "questions", required=True)
        if questions and len(questions[0]) > MAX_SUGGESTION_CHARS:
            self.problem(
                file,
                where,
                f"{label}: the first question is offered as a suggestion and must be at most {MAX_SUGGESTION_CHARS} characters",
            )
        return questions

    def _string_list(
        self, file: str, line: int | None, label: str, raw: dict[str, Any], key: str, *, required: bool
    ) -> list[str]:
        value = raw.get(key)
        if value is None:
            if required:
                self.problem(file, line, f"{label} needs `{key}` (a list)")
            return []
        if isinstance(value, str):
            value = [value]
        value = _numbers_as_text(value)  # `[220, 2024]` are fine as keywords
        if not isinstance(value, list) or not all(_text(v) for v in value):
            self.problem(file, line, f"{label}: `{key}` must be a list of non-empty strings")
            return []
        if required and not value:
            self.problem(file, line, f"{label}: `{key}` must not be empty")
        return [str(v).strip() for v in value]

    def _sources(self, file: str, line: int | None, label: str, raw: Any) -> list[Sentence]:
        if not isinstance(raw, list) or not raw:
            self.problem(
                file, line, f"{label} needs `sources`: a list of `- sentence: pN.sM` with its `quote`"
            )
            return []
        found: list[Sentence] = []
        for entry in raw:
            where = entry.get(_LINE, line) if isinstance(entry, dict) else line
            if (
                not isinstance(entry, dict)
                or not _text(entry.get("sentence"))
                or not _text(entry.get("quote"))
            ):
                self.problem(
                    file, where, f"{label}: each source needs `sentence: pN.sM` and the verbatim `quote`"
                )
                continue
            sid, quote = str(entry["sentence"]).strip(), entry["quote"]
            if sid not in self.report:
                self.problem(
                    file,
                    where,
                    f"{label} cites {sid!r}, which is not a sentence of {self.report.id} {self._ids_hint()}",
                )
                continue
            sentence = self.report.sentence(sid)
            if quote != sentence.text:
                self.problem(file, where, self._quote_mismatch(label, sentence, quote))
                continue
            found.append(sentence)
        return found

    def _quote_mismatch(self, label: str, sentence: Sentence, quote: str) -> str:
        other = self._quotes.get(quote)
        if other is not None:
            return f"{label} cites {sentence.id} but quotes {other.id}; fix the id or the quote"
        diff = _first_difference(quote, sentence.text)
        return (
            f"{label}: the quote of {sentence.id} does not match the report verbatim ({diff}); "
            f"the report says: {sentence.text!r}"
        )

    def _ids_hint(self) -> str:
        last = self.report.sentences[-1].id if self.report.sentences else "none"
        return f"(it has p1.s1 to {last}; see `reportbot facts --sentences`)"

    def _merged(self) -> list[Fact]:
        """Curated facts, then the drafted facts no curated fact replaces."""
        ids = {f.id for f in self.facts}
        cited = {s.id for f in self.facts for s in f.sources}
        kept = [d for d in self.drafted if d.id not in ids and not {s.id for s in d.sources} <= cited]
        return self.facts + kept

    def result(self) -> FactBase:
        self.facts = self._merged()
        cited = {s.id for f in self.facts for s in f.sources}
        for sid in sorted(set(self.uncovered) & cited):
            self.problem(
                self.display,
                None,
                f"sentence {sid} is cited by a fact and also listed as uncovered; remove the `uncovered` entry",
            )
        if not self.facts and not self.problems:
            self.problem(self.display, None, "no facts found; add a YAML file with `facts:`")
        if self.problems:
            raise KnowledgeError(self.problems)
        return FactBase(
            report=self.report,
            info=self.info or ReportInfo(title=self.report.id),
            facts=tuple(self.facts),
            synonyms=tuple(self.synonyms),
            uncovered=dict(self.uncovered),
            korean=tuple(self.korean),
        )


def _numbers_as_text(value: Any) -> Any:
    """A list with its numbers as strings (YAML reads `[2024, last year]` as int and str)."""
    if not isinstance(value, list):
        return value
    return [str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for v in value]


def _text(value: Any) -> str | None:
    """The stripped string, or None when ``value`` is not a non-empty string."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _first_difference(a: str, b: str) -> str:
    wa, wb = a.split(), b.split()
    for i, (x, y) in enumerate(zip(wa, wb, strict=False)):
        if x != y:
            return f"word {i + 1}: quote has {x!r}, report has {y!r}"
    if len(wa) != len(wb):
        return f"the quote has {len(wa)} words, the sentence {len(wb)}"
    return "they differ in spacing or punctuation"


def _display(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.relative_to(root))
        except ValueError:
            pass
    return str(path)


def load_fact_base(seed: Path, folder: Path, *, root: Path | None = None) -> FactBase:
    """Load and validate one report's fact base; raise KnowledgeError listing every problem."""
    display = _display(folder, root)
    try:
        text = safeio.read_text(
            seed, root=root or seed.parent, max_bytes=safeio.MAX_REPORT_BYTES, what="report"
        )
    except safeio.UnsafeFile as exc:
        raise KnowledgeError([Problem(_display(seed, root), None, exc.problem.message)]) from None
    report = Report(seed.stem, text, seed)
    collector = _Collector(report, display)
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        collector.problem(display, None, "no YAML files in this knowledge folder; add facts.yaml")
    for path in files:
        name = _display(path, root)
        try:
            text = safeio.read_text(
                path, root=root or folder, max_bytes=safeio.MAX_KNOWLEDGE_BYTES, what="knowledge file"
            )
            doc = safeio.load_yaml(text, file=name)
        except safeio.UnsafeFile as exc:
            collector.problem(name, exc.line, exc.problem.message)
            continue
        collector.drafting = path.name == DRAFTED_FILE
        collector.add_document(name, doc)
    return collector.result()


def load_data_dir(data_dir: Path, reports: Iterable[str] | None = None) -> list[FactBase]:
    """Load every report of ``data_dir`` (or only ``reports``); raise KnowledgeError on problems."""
    seeds_dir, knowledge_dir = data_dir / "seeds", data_dir / "knowledge"
    seeds = {p.stem: p for p in sorted(seeds_dir.glob("*.txt"))}
    folders = (
        {p.name: p for p in sorted(knowledge_dir.iterdir()) if p.is_dir()} if knowledge_dir.is_dir() else {}
    )
    problems: list[Problem] = []
    wanted = list(reports) if reports is not None else sorted(set(seeds) | set(folders))
    bases: list[FactBase] = []
    for rid in wanted:
        missing = _missing_half(data_dir, rid, seeds, folders)
        if missing is not None:
            problems.append(missing)
            continue
        try:
            bases.append(load_fact_base(seeds[rid], folders[rid], root=data_dir))
        except KnowledgeError as exc:
            problems.extend(exc.problems)
    if not wanted:
        problems.append(
            Problem(
                _display(seeds_dir, data_dir),
                None,
                "no reports found; add seeds/<report-id>.txt and knowledge/<report-id>/",
            )
        )
    if problems:
        raise KnowledgeError(problems)
    log.debug("loaded %d report(s) from %s", len(bases), data_dir)
    return bases


def _missing_half(data_dir: Path, rid: str, seeds: dict[str, Path], folders: dict[str, Path]) -> Problem | None:
    """The problem when report ``rid`` lacks its text (``seeds/``) or its knowledge folder."""
    if rid not in seeds:
        return Problem(
            _display(folders.get(rid, data_dir / "knowledge" / rid), data_dir),
            None,
            f"there is no report seeds/{rid}.txt for this knowledge folder; add the report or remove the folder",
        )
    if rid not in folders:
        return Problem(
            _display(seeds[rid], data_dir),
            None,
            f"no knowledge folder for this report; create knowledge/{rid}/ with a facts YAML file",
        )
    return None
