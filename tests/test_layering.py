"""Dependencies point one way: the core never imports discord, the CLI or the Discord layer."""

from __future__ import annotations

import ast
from pathlib import Path

import bot.core

CORE = Path(bot.core.__file__).resolve().parent
FORBIDDEN = ("discord", "aiohttp", "bot.discord_app", "bot.cli", "bot.settings", "click", "pydantic")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_discord_or_outer_layers() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 8
    for path in files:
        for name in imported_modules(path):
            assert not any(name == f or name.startswith(f + ".") for f in FORBIDDEN), (path, name)


def test_no_folder_shadows_discord() -> None:
    root = CORE.parents[1]
    for top in (root / "bot", root / "tests"):
        assert not (top / "discord").exists()
