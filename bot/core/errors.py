"""The expected problems of reportbot, each with a message a user can act on."""

from __future__ import annotations

from dataclasses import dataclass


class ReportbotError(Exception):
    """Base of every expected error: the CLI prints it, the Discord layer shows it."""


class DataDirNotFound(ReportbotError):
    """No folder with `seeds/` and `knowledge/` was found."""

    def __init__(self, looked_in: list[str]) -> None:
        self.looked_in = looked_in
        where = "\n".join(f"  - {place}" for place in looked_in)
        super().__init__(
            "No report data found (a folder holding seeds/ and knowledge/). Looked in:\n"
            f"{where}\n"
            "Pass --data-dir PATH or set REPORTBOT_DATA_DIR to the folder that holds them."
        )


class UnknownReport(ReportbotError):
    """A report id that is not loaded."""

    def __init__(self, report: str, known: list[str]) -> None:
        self.report = report
        self.known = known
        super().__init__(f"Unknown report {report!r}. Known reports: {', '.join(known) or '(none)'}.")


class UnknownSentence(ReportbotError):
    """A sentence id that the report does not have."""

    def __init__(self, sentence_id: str, report: str) -> None:
        self.sentence_id = sentence_id
        self.report = report
        super().__init__(
            f"Report {report!r} has no sentence {sentence_id!r}; "
            "sentence ids look like p3.s1 (paragraph 3, sentence 1)."
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a knowledge file: where it is and what to do."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class KnowledgeError(ReportbotError):
    """The fact base is broken; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {p}" for p in problems[:10])
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        super().__init__(
            f"The fact base has {len(problems)} problem(s):\n{shown}{more}\n"
            "Fix them (run `reportbot check` for the full list)."
        )
