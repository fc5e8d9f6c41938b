"""The limits Discord enforces with "400 Invalid Form Body", so the bot meets them here first.

Messages (content, embeds, buttons), autocomplete choices and slash-command definitions.
"""

from __future__ import annotations

import re
from typing import Any

from bot.discord_app.local.model import walk

_COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")

EMBED_LIMITS = {"title": 256, "description": 4096}
FIELD_LIMITS = {"name": 256, "value": 1024}
MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_FIELDS = 25
MAX_EMBED_TOTAL = 6000
MAX_ROWS = 5
MAX_PER_ROW = 5
MAX_LABEL = 80
MAX_CUSTOM_ID = 100
MAX_CHOICES = 25
MAX_CHOICE_TEXT = 100


def message_problems(payload: dict[str, Any], *, has_files: bool = False, edit: bool = False) -> list[str]:
    """Why Discord would refuse this message payload (empty list: it would accept it)."""
    problems: list[str] = []
    content = payload.get("content") or ""
    embeds = payload.get("embeds") or []
    components = payload.get("components") or []
    if not edit and not (content or embeds or components or has_files or payload.get("sticker_ids")):
        problems.append("Cannot send an empty message")
    if len(content) > MAX_CONTENT:
        problems.append(f"content: must be {MAX_CONTENT} or fewer in length (got {len(content)})")
    if len(embeds) > MAX_EMBEDS:
        problems.append(f"embeds: at most {MAX_EMBEDS}")
    for i, e in enumerate(embeds):
        total = 0
        for key, limit in EMBED_LIMITS.items():
            text = e.get(key) or ""
            total += len(text)
            if len(text) > limit:
                problems.append(f"embeds.{i}.{key}: must be {limit} or fewer in length (got {len(text)})")
        fields = e.get("fields") or []
        if len(fields) > MAX_FIELDS:
            problems.append(f"embeds.{i}.fields: at most {MAX_FIELDS}")
        for j, f in enumerate(fields):
            for key, limit in FIELD_LIMITS.items():
                text = f.get(key) or ""
                total += len(text)
                if not text.strip():
                    problems.append(f"embeds.{i}.fields.{j}.{key}: this field is required")
                elif len(text) > limit:
                    problems.append(
                        f"embeds.{i}.fields.{j}.{key}: must be {limit} or fewer in length (got {len(text)})"
                    )
        footer = (e.get("footer") or {}).get("text") or ""
        if len(footer) > 2048:
            problems.append(f"embeds.{i}.footer.text: must be 2048 or fewer in length")
        total += len(footer)
        if total > MAX_EMBED_TOTAL:
            problems.append(f"embeds.{i}: the embed is longer than {MAX_EMBED_TOTAL} characters")
    problems += component_problems(components)
    return problems


def component_problems(components: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    only_rows = all(c.get("type") == 1 for c in components)
    if only_rows and len(components) > MAX_ROWS:
        problems.append(f"components: at most {MAX_ROWS} action rows")
    seen: set[str] = set()
    for i, row in enumerate(components):
        children = row.get("components") or []
        if row.get("type") == 1 and len(children) > MAX_PER_ROW:
            problems.append(f"components.{i}: at most {MAX_PER_ROW} buttons in a row")
        for j, c in enumerate(walk(children)):
            where = f"components.{i}.components.{j}"
            label = c.get("label") or ""
            if len(label) > MAX_LABEL:
                problems.append(f"{where}.label: must be {MAX_LABEL} or fewer in length (got {len(label)})")
            custom_id = c.get("custom_id")
            if c.get("type") == 2 and c.get("style") == 5:
                if not c.get("url"):
                    problems.append(f"{where}.url: a link button needs a url")
                continue
            if c.get("type") in (2, 3, 5, 6, 7, 8) and not custom_id:
                problems.append(f"{where}.custom_id: this field is required")
            if custom_id is not None:
                if len(custom_id) > MAX_CUSTOM_ID:
                    problems.append(f"{where}.custom_id: must be {MAX_CUSTOM_ID} or fewer in length")
                if custom_id in seen:
                    problems.append(f"{where}.custom_id: component custom id cannot be duplicated")
                seen.add(custom_id)
    return problems


def choice_problems(choices: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(choices) > MAX_CHOICES:
        problems.append(f"choices: at most {MAX_CHOICES} (got {len(choices)})")
    for i, c in enumerate(choices):
        name = str(c.get("name") or "")
        if not 1 <= len(name) <= MAX_CHOICE_TEXT:
            problems.append(f"choices.{i}.name: must be between 1 and {MAX_CHOICE_TEXT} in length")
        value = c.get("value")
        if isinstance(value, str) and len(value) > MAX_CHOICE_TEXT:
            problems.append(f"choices.{i}.value: must be {MAX_CHOICE_TEXT} or fewer in length")
    return problems


def command_problems(cmd: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this command definition (the checks that bite at sync time)."""
    problems: list[str] = []
    name = cmd.get("name") or ""
    kind = cmd.get("type", 1)
    if kind == 1 and (not _COMMAND_NAME.match(name) or name != name.lower()):
        problems.append(f"command name {name!r}: 1-32 lowercase letters, digits, - or _")
    description = cmd.get("description") or ""
    if kind == 1 and not 1 <= len(description) <= 100:
        problems.append(f"/{name}: the description must be 1-100 characters (got {len(description)})")
    problems += _option_problems(name, cmd.get("options") or [])
    return problems


def _option_problems(where: str, options: list[dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    if len(options) > 25:
        problems.append(f"/{where}: at most 25 options")
    seen_optional = False
    for o in options:
        name = o.get("name") or ""
        label = f"/{where} {name}"
        if not _COMMAND_NAME.match(name) or name != name.lower():
            problems.append(f"{label}: option names are 1-32 lowercase letters, digits, - or _")
        if not 1 <= len(o.get("description") or "") <= 100:
            problems.append(f"{label}: the description must be 1-100 characters")
        if o.get("autocomplete") and o.get("choices"):
            problems.append(f"{label}: autocomplete and choices cannot be combined")
        if len(o.get("choices") or []) > 25:
            problems.append(f"{label}: at most 25 choices")
        if o.get("type") in (1, 2):
            problems += _option_problems(f"{where} {name}", o.get("options") or [])
            continue
        if o.get("required"):
            if seen_optional:
                problems.append(f"{label}: required options must come before optional ones")
        else:
            seen_optional = True
    return problems
