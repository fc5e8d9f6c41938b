"""Short Korean lines for answers to Korean questions (the quotes themselves stay English)."""

from __future__ import annotations


def decline_message_ko() -> str:
    """The report does not say (a Korean near miss)."""
    return "보고서에는 그 내용이 나와 있지 않아요."


def english_report_note_ko() -> str:
    """The report is in English: the quote is the English original."""
    return "이 보고서는 영어로 되어 있어서, 인용문은 영어 원문 그대로예요."


def suggestions_intro_ko() -> str:
    """Before the English questions the report can answer."""
    return "대신 이런 질문에는 답할 수 있어요:"
