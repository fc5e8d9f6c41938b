"""Every cache of the core is bounded: a stream of distinct questions cannot grow memory."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import bot.core
from bot.core import analyzer as analyzer_module
from bot.core.engine import Engine
from tests.crafted import crafted

ROOT = Path(__file__).resolve().parents[2]


def test_the_analysed_text_cache_keeps_at_most_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine.load(ROOT)
    [index] = engine.indexes.values()
    cache = index.analyzer._index_cache
    assert len(cache) <= analyzer_module.INDEX_CACHE_SIZE
    monkeypatch.setattr(analyzer_module, "INDEX_CACHE_SIZE", len(cache) + 20)
    reference = {n: engine.ask(crafted(n)) for n in range(5)}
    for n in range(300):
        engine.ask(crafted(n))
        assert len(cache) <= len(reference) + analyzer_module.INDEX_CACHE_SIZE
    assert len(cache) == analyzer_module.INDEX_CACHE_SIZE
    # Evicted texts are analysed again to the same result: answers do not change.
    assert {n: engine.ask(crafted(n)) for n in range(5)} == reference
    assert engine.ask("who leads the task force?").answered


def _cached_functions() -> list[tuple[str, object]]:
    found = []
    for info in pkgutil.walk_packages(bot.core.__path__, "bot.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", None) == info.name:
                found.append((f"{info.name}.{name}", value))
    return found


#: Caches outside this change's reach, by name, with why they are still unbounded.
KNOWN_UNBOUNDED: set[str] = set()


def test_every_cached_function_of_the_core_is_bounded() -> None:
    cached = [(name, func) for name, func in _cached_functions() if name not in KNOWN_UNBOUNDED]
    assert len(cached) >= 3  # text._words, text.stem, lexical_bridge.expansions_of_word, ...
    for name, func in cached:
        maxsize = func.cache_parameters()["maxsize"]  # type: ignore[attr-defined]
        wrapped = inspect.unwrap(func)  # type: ignore[arg-type]
        takes_nothing = not inspect.signature(wrapped).parameters
        assert maxsize is not None or takes_nothing, f"{name} caches one entry per argument, unbounded"


def test_the_per_question_caches_stay_within_their_sizes() -> None:
    engine = Engine.load(ROOT)
    for n in range(500):
        engine.ask(crafted(n))
    for name, func in _cached_functions():
        info = func.cache_info()  # type: ignore[attr-defined]
        assert info.maxsize is None or info.currsize <= info.maxsize, name
    for index in engine.indexes.values():
        assert len(index.analyzer._index_cache) <= analyzer_module.INDEX_CACHE_SIZE
        for name, value in vars(index).items():
            if hasattr(value, "cache_info"):
                assert value.cache_info().maxsize is not None, name
