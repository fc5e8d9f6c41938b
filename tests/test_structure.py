"""The shape of the house: imports form no cycle, the local Discord stays out of production code,
no module or function of the Discord layer, the CLI or the feedback package grows too big, and
no function of the answering core is over 40 lines."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import bot

PACKAGE = Path(bot.__file__).resolve().parent
#: Only these may import the local Discord from outside it.
LOCAL = "bot.discord_app.local"
MAY_IMPORT_LOCAL = {"bot.cli.playground"}
#: Where the size limits hold.
SIZED = ("discord_app", "cli", "feedback")
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 60
#: The local Discord is split by concern: each of its modules stays below this.
MAX_EMULATOR_MODULE_LINES = 400
#: The answering core is a pipeline of small steps: no function of it is longer than this,
#: counted from ``def`` to its last line (decorators left out, docstring included).
CORE = PACKAGE / "core"
MAX_CORE_FUNCTION_LINES = 40


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Every module of ``bot`` that ``path`` imports, anywhere in it: at the top, inside
    functions, and under ``if TYPE_CHECKING:``. ``from a import b`` names ``a.b`` when that is a
    module, else ``a``."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path (first module repeated at the end), or None."""
    done: set[str] = set()
    stack: list[str] = []
    on_stack: set[str] = set()

    def visit(node: str) -> list[str] | None:
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt in on_stack:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in done:
                cycle = visit(nxt)
                if cycle:
                    return cycle
        stack.pop()
        on_stack.discard(node)
        done.add(node)
        return None

    for start in sorted(edges):
        if start not in done:
            cycle = visit(start)
            if cycle:
                return cycle
    return None


def test_the_graph_is_read_whole() -> None:
    edges = graph()
    assert len(edges) >= 60
    # a top-level import, one inside a function, and one under TYPE_CHECKING are all seen
    assert "bot.discord_app.answering" in edges["bot.discord_app.client"]
    assert "bot.discord_app.runner" in edges["bot.cli.run"]
    assert "bot.settings" in edges["bot.feedback.sink"]


def test_cycles_are_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_in_bot() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_only_the_playground_command_imports_the_local_discord() -> None:
    outside = {
        name: sorted(m for m in imported if m == LOCAL or m.startswith(LOCAL + "."))
        for name, imported in graph().items()
        if not (name == LOCAL or name.startswith(LOCAL + "."))
    }
    offenders = {name: found for name, found in outside.items() if found and name not in MAY_IMPORT_LOCAL}
    assert offenders == {}
    assert outside["bot.cli.playground"], "the playground command serves the local Discord"


def sized_files() -> list[Path]:
    files = [p for top in SIZED for p in sorted((PACKAGE / top).rglob("*.py"))]
    assert len(files) >= 40
    return files


def functions(tree: ast.AST) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from the first decorator (or ``def``) to the end, docstring included."""
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return (node.end_lineno or node.lineno) - first + 1


@pytest.mark.parametrize("path", sized_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_FILE_LINES
    long = {
        f"{f.name} (line {f.lineno})": length(f)
        for f in functions(ast.parse(text))
        if length(f) > MAX_FUNCTION_LINES
    }
    assert long == {}


def test_each_module_of_the_local_discord_has_one_concern() -> None:
    local = PACKAGE / "discord_app" / "local"
    sizes = {
        str(p.relative_to(local)): len(p.read_text(encoding="utf-8").splitlines())
        for p in local.rglob("*.py")
    }
    assert len(sizes) >= 10
    assert {name: n for name, n in sizes.items() if n > MAX_EMULATOR_MODULE_LINES} == {}


def test_function_length_counts_decorators_and_docstring() -> None:
    (func,) = functions(ast.parse('@a\n@b\ndef f():\n    """doc"""\n    return 1\n'))
    assert length(func) == 5


def core_files() -> list[Path]:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) >= 25
    return files


def def_length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from ``def`` to the end, docstring included, decorators not."""
    return (node.end_lineno or node.lineno) - node.lineno + 1


def long_functions(text: str) -> dict[str, int]:
    """Each function of ``text`` over ``MAX_CORE_FUNCTION_LINES`` lines, with its length."""
    return {
        f"{f.name} (line {f.lineno})": def_length(f)
        for f in functions(ast.parse(text))
        if def_length(f) > MAX_CORE_FUNCTION_LINES
    }


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_function_of_the_core_is_over_40_lines(path: Path) -> None:
    assert long_functions(path.read_text(encoding="utf-8")) == {}


def test_the_core_rule_reads_every_module_of_the_core() -> None:
    files = {p.relative_to(CORE).as_posix() for p in core_files()}
    assert {"matcher.py", "engine.py", "knowledge.py", "lexical/wordnet.py", "korean_bridge.py"} <= files
    assert {"korean/reader.py", "korean/grammar.py", "korean/romanize.py"} <= files
    assert files == {p.relative_to(CORE).as_posix() for p in CORE.rglob("*.py")}


def test_core_function_length_leaves_out_decorators_and_finds_the_41st_line() -> None:
    (func,) = functions(ast.parse('@a\n@b\ndef f():\n    """doc"""\n    return 1\n'))
    assert def_length(func) == 3

    def body(indent: str, lines: int) -> str:
        return "".join(f"{indent}x{i} = {i}\n" for i in range(lines))

    limit = MAX_CORE_FUNCTION_LINES
    assert long_functions("@cache\ndef fits():\n" + body("    ", limit - 1)) == {}
    method = "class C:\n    def over(self):\n" + body("        ", limit)
    assert long_functions(method) == {"over (line 2)": limit + 1}


def test_the_readme_layout_names_every_module_outside_the_core() -> None:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("### Layout") :]
    layout = layout[layout.index("```text") : layout.index("```", layout.index("```text") + 3)]
    named = set(re.findall(r"[\w]+\.py|[\w]+/", layout))
    files = [p for p in PACKAGE.rglob("*.py") if "core" not in p.relative_to(PACKAGE).parts[:1]]
    missing = sorted(
        str(p.relative_to(PACKAGE)) for p in files if p.name != "__init__.py" and p.name not in named
    )
    packages = sorted(
        str(p.relative_to(PACKAGE))
        for p in files
        if p.name == "__init__.py" and f"{p.parent.name}/" not in named
    )
    assert (missing, packages) == ([], [])
    files_named = {n for n in named if n.endswith(".py")} - {"discord.py"}  # the library, not a file
    stale = sorted(n for n in files_named if not any(PACKAGE.rglob(n)))
    assert stale == []
