"""The answering core: reports, the fact base, the matcher and answers.

Nothing in this package imports discord; the CLI and the Discord layer both build on it.
"""

from bot.core.answer import Answer, Citation
from bot.core.engine import Engine
from bot.core.errors import (
    DataDirNotFound,
    KnowledgeError,
    ReportbotError,
    UnknownReport,
    UnknownSentence,
)

__all__ = [
    "Answer",
    "Citation",
    "DataDirNotFound",
    "Engine",
    "KnowledgeError",
    "ReportbotError",
    "UnknownReport",
    "UnknownSentence",
]
