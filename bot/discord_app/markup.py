"""Discord's text limits, and user text made safe to show: what every message of the bot obeys."""

from __future__ import annotations

import re

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FIELDS_MAX = 25
FOOTER_MAX = 2048
EMBED_TOTAL_MAX = 6000
BUTTON_LABEL_MAX = 80
CHOICE_NAME_MAX = 100
CONTENT_MAX = 2000

ELLIPSIS = "…"

#: Every character that starts or ends a construct of Discord's markdown anywhere in a line
#: (https://support.discord.com/hc/en-us/articles/210298617): ``\`` itself; ``*`` ``_`` ``~``
#: ``|`` (bold, italics, underline, strikethrough, spoilers); the backtick (code, code blocks);
#: ``[ ]`` (masked links ``[text](url)``: with its brackets escaped, the ``(url)`` is plain
#: text); ``<`` ``>`` (mentions ``<@id>`` ``<@&id>`` ``<#id>`` ``</cmd:id>``, timestamps
#: ``<t:..>``, custom emoji ``<:name:id>``, ``<url>``, quotes); ``#`` (headers). Discord drops a
#: backslash before a symbol and shows the symbol as it is.
INLINE_SPECIALS = frozenset("\\*_~|`[]<>#")
#: ``@everyone`` and ``@here`` are kept inert as discord.py does: a zero-width space after ``@``.
AT = "@\u200b"
#: What makes a line a header (``#``), subtext (``-#``), a list (``-``, ``*``, ``+``, ``1.``)
#: or a quote (``>``, ``>>>``) when it starts the line; escaped only there.
_LINE_START = re.compile(r"^(?:[-+]|\d+(?=[.)]))")
#: ``https://`` and every other scheme: ``https\://`` is shown as typed but never linked.
_SCHEME = re.compile(r":(?=//)")


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending with "…" when it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)].rstrip()
    if cut.endswith("\\") and (len(cut) - len(cut.rstrip("\\"))) % 2:
        cut = cut[:-1]  # never leave half of an escape
    return cut + ELLIPSIS


def escape(text: str) -> str:
    """User or report text made inert, on one line: every markdown construct, link, mention,
    timestamp and emoji of Discord shows as the characters typed (undone by ``unescape``)."""
    flat = " ".join(text.split())
    out = "".join("\\" + ch if ch in INLINE_SPECIALS else AT if ch == "@" else ch for ch in flat)
    out = _SCHEME.sub(r"\\:", out)
    start = _LINE_START.match(out)
    if start is None:
        return out
    if start.group().isdigit():  # "1. " or "1) " would start a numbered list
        end = start.end()
        return out[:end] + "\\" + out[end:]
    return "\\" + out


def unescape(text: str) -> str:
    """The text ``escape`` was given (whitespace already collapsed), from what it returned."""
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and not text[i + 1].isalnum() and not text[i + 1].isspace():
            out.append(text[i + 1])
            i += 2
            continue
        out.append(ch)
        i += 2 if text.startswith(AT, i) else 1
    return "".join(out)
