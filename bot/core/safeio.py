"""Reading the data folder's files as if they were hostile: only regular files inside the folder,
of bounded size, valid UTF-8, and YAML with bounded alias expansion, nesting and integers.

A knowledge file is the operator's, but a copied one can be anything: a symlink to ``/dev/zero``
or to a private file, a FIFO that never ends, a 415-byte alias bomb that expands to a billion
nodes, a thousand-deep nesting, a 100,000-digit integer. Each of these is refused with one
:class:`UnsafeFile` message (file, line when known, what to do), never a traceback, a hang or a
print of a file outside the folder.

``read_text(path, root=..., max_bytes=..., what=...)``  the text of one regular file inside ``root``
``load_yaml(text, file=...)``  one YAML document, every mapping carrying its line under ``__line__``
"""

from __future__ import annotations

import errno
import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from bot.core.errors import Problem, ReportbotError

#: Mappings built by :func:`load_yaml` carry their 1-based line under this key.
LINE_KEY = "__line__"
#: A knowledge YAML file: the shipped ones are under 20 KB; a thousand facts fit in well under 1 MiB.
MAX_KNOWLEDGE_BYTES = 1 << 20
#: A report text: the shipped ones are under 5 KB; a long feature article is under 200 KB.
MAX_REPORT_BYTES = 2 << 20
#: Values of a YAML document counted as if every alias were copied out (a billion-laughs bomb is
#: 10^9): the shipped files have under 600 each (about 30 bytes a value), so this is 1 MiB of
#: them three times over, and it is built and walked in milliseconds.
MAX_YAML_NODES = 100_000
#: Nesting of collections in a YAML document (the shipped files nest 5 deep; the parsers and
#: builders recurse per level, so 999 levels would otherwise end in a RecursionError).
MAX_YAML_DEPTH = 50
#: Characters of an integer scalar (a year, a count; far below Python's 4,300-digit limit).
MAX_INT_CHARS = 100

_BOM = b"\xef\xbb\xbf"
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeFile(ReportbotError):
    """A data file that is refused or cannot be read; ``problem`` says where and what to do."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.problem = Problem(file, line, message)
        super().__init__(str(self.problem))

    @property
    def file(self) -> str:
        return self.problem.file

    @property
    def line(self) -> int | None:
        return self.problem.line


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_text(path: Path | str, *, root: Path | str, max_bytes: int, what: str = "file") -> str:
    """The text of ``path``, a regular file inside ``root`` of at most ``max_bytes`` bytes.

    Checked before opening: the path resolves (through any symlinks) inside ``root`` and names a
    regular file of an acceptable size. The file is then opened without following a last symlink
    and without blocking (a FIFO swapped in meanwhile cannot hang), checked again to be the same
    regular file, and read for at most ``max_bytes + 1`` bytes (a file that grows is still
    bounded). UTF-8 with or without a byte-order mark. Raises :class:`UnsafeFile`.
    """
    path, root = Path(path), Path(root)
    name = _display(path, root)
    real = _resolve_inside(path, root, name, what)
    try:
        before = os.stat(real, follow_symlinks=False)
    except OSError as exc:
        raise UnsafeFile(name, f"cannot open this {what} ({exc.strerror or exc})") from None
    _check_regular(name, what, before, max_bytes)
    data = _read_same_file(real, before, name, what, max_bytes)
    if len(data) > max_bytes:
        raise UnsafeFile(name, _too_big(what, max_bytes, None))
    return _decode(name, what, data)


def _resolve_inside(path: Path, root: Path, name: str, what: str) -> Path:
    """Where ``path`` really is (every symlink followed), refused unless inside ``root``."""
    try:
        real_root = Path(os.path.realpath(root, strict=True))
    except OSError as exc:
        raise UnsafeFile(name, f"the data folder cannot be opened ({exc.strerror or exc})") from None
    try:
        real = Path(os.path.realpath(path, strict=True))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            message = f"this {what} is a symlink that loops; replace it with the file itself"
        elif os.path.islink(path):
            message = f"this {what} is a symlink to nothing; replace it with the file itself"
        else:
            message = f"cannot open this {what} ({exc.strerror or exc})"
        raise UnsafeFile(name, message) from None
    if not real.is_relative_to(real_root):
        # Say nothing of the target: neither its name nor, above all, its content.
        raise UnsafeFile(
            name,
            f"this {what} is a symlink to a place outside the data folder; "
            "copy the file itself into the folder",
        )
    return real


def _read_same_file(real: Path, before: os.stat_result, name: str, what: str, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes of ``real``, opened without following a symlink or
    blocking, and refused unless it is still the regular file ``before`` described."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise UnsafeFile(name, f"cannot open this {what} ({exc.strerror or exc})") from None
    try:
        now = os.fstat(fd)
        if (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino):
            raise UnsafeFile(name, f"this {what} was replaced while being read; try again")
        _check_regular(name, what, now, max_bytes)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise UnsafeFile(name, f"cannot read this {what} ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _check_regular(name: str, what: str, st: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFile(
            name, f"this {what} is {_kind(st.st_mode)}, not a regular file; only plain files are read"
        )
    if st.st_size > max_bytes:
        raise UnsafeFile(name, _too_big(what, max_bytes, st.st_size))


def _too_big(what: str, max_bytes: int, size: int | None) -> str:
    has = f"{size:,} bytes" if size is not None else f"over {max_bytes:,} bytes read"
    return f"this {what} is too large ({has}; at most {max_bytes:,} bytes); split it or shorten it"


def _decode(name: str, what: str, data: bytes) -> str:
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        line = body.count(b"\n", 0, exc.start) + 1
        bad = body[exc.start : exc.end].hex(" ")
        raise UnsafeFile(
            name,
            f"this {what} is not valid UTF-8: byte(s) {bad} at byte offset {offset} ({exc.reason}); "
            "save it as UTF-8",
            line,
        ) from None


# --- YAML ----------------------------------------------------------------------------------------

# The C parser when PyYAML was built with libyaml (about ten times faster), else pure Python.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _YamlRefused(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message


def _line(node: Any) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None


class _SafeLineLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, remembering each mapping's line; refusing duplicate keys and huge integers."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int | None] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key, -1)
            except TypeError:
                continue  # an unhashable key: the base class says so, with its line
            if first != -1:
                raise _YamlRefused(
                    _line(key_node),
                    f"duplicate key {key!r} (first at line {first}); give each key once per mapping",
                )
            seen[key] = _line(key_node)
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = str(node.value).replace("_", "").lstrip("+-")
        if len(digits) > MAX_INT_CHARS:
            raise _YamlRefused(
                _line(node),
                f"an integer of {len(digits):,} digits (at most {MAX_INT_CHARS}); "
                "quote it if it is meant as text",
            )
        return int(super().construct_yaml_int(node))


_SafeLineLoader.add_constructor("tag:yaml.org,2002:int", _SafeLineLoader.construct_yaml_int)
_COLLECTION_START = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_COLLECTION_END = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _within_limits(text: str) -> bool:
    """Whether ``text`` cannot break the limits, so walking its events can be skipped (the usual
    knowledge file, read at every start-up): no anchor to expand, fewer separators than the
    values allowed, and no value nested deeper than allowed. A block collection nests only by
    indenting or by an opener on the same line ("- ", ": "); a flow one by its brackets, counted
    as if every bracket (quoted ones too) opened or closed one."""
    if "&" in text:
        return False
    separators = sum(text.count(c) for c in ":,-\n")
    if 2 * separators + 2 > MAX_YAML_NODES:
        return False
    steps = list(accumulate(1 if b in "[{" else -1 for b in _BRACKETS.findall(text)))
    flow = max(steps, default=0) - min(0, min(steps, default=0))
    deepest = max(
        (len(line) - len(line.lstrip(" ")) + line.count("- ") + line.count(": ") + line.count("? ") for line in text.splitlines()),
        default=0,
    )
    return deepest + flow + 1 < MAX_YAML_DEPTH


_BRACKETS = re.compile(r"[\[\]{}]")


def _measure(text: str) -> None:
    """Refuse a document whose expanded size or nesting is beyond the limits, before building it.

    Walks the parser's events (a loop, no recursion, nothing built), counting for every anchored
    node its size and depth as if each alias were a copy, so an alias bomb is caught after reading
    a few hundred bytes and a deep nesting at level ``MAX_YAML_DEPTH + 1``.
    """
    loader = _SafeLoader(text)
    # One frame per open collection: [anchor, nodes in it so far, deepest nesting inside so far].
    stack: list[list[Any]] = []
    sizes: dict[str, tuple[int, int]] = {}  # anchor -> (nodes, levels of collections)
    total = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.DocumentStartEvent):
                sizes.clear()
            elif isinstance(event, _COLLECTION_END):
                anchor, size, inner = stack.pop()
                _add(stack, sizes, anchor, size, inner + 1)
            else:
                total += _count(event, stack, sizes)
                if total > MAX_YAML_NODES:
                    raise _YamlRefused(
                        _line(event),
                        f"the document expands to more than {MAX_YAML_NODES:,} values "
                        "(each alias `*name` repeats all that its anchor `&name` holds); use fewer aliases",
                    )
    finally:
        loader.dispose()


def _count(event: yaml.Event, stack: list[list[Any]], sizes: dict[str, tuple[int, int]]) -> int:
    """The values ``event`` adds to the document (an alias: all that its anchor holds); refuses
    nesting deeper than ``MAX_YAML_DEPTH``."""
    if isinstance(event, _COLLECTION_START):
        stack.append([event.anchor, 1, 0])
        if len(stack) > MAX_YAML_DEPTH:
            raise _YamlRefused(_line(event), _too_deep())
        return 1
    if isinstance(event, yaml.ScalarEvent):
        _add(stack, sizes, event.anchor, 1, 0)
        return 1
    if isinstance(event, yaml.AliasEvent):
        return _count_alias(event, stack, sizes)
    return 0


def _count_alias(event: yaml.AliasEvent, stack: list[list[Any]], sizes: dict[str, tuple[int, int]]) -> int:
    """What an alias repeats, accounted as a copy; refuses an alias inside its own anchor."""
    if event.anchor not in sizes:
        if any(frame[0] == event.anchor for frame in stack):
            raise _YamlRefused(
                _line(event),
                f"the alias *{event.anchor} refers to a node that contains it; "
                "a fact base cannot be recursive",
            )
        return 0  # an undefined alias: the parser reports it, with its line
    size, levels = sizes[event.anchor]
    if len(stack) + levels > MAX_YAML_DEPTH:
        raise _YamlRefused(_line(event), _too_deep())
    _add(stack, sizes, None, size, levels)
    return size


def _add(
    stack: list[list[Any]], sizes: dict[str, tuple[int, int]], anchor: str | None, size: int, levels: int
) -> None:
    """Account a finished node (``size`` nodes, ``levels`` of collections) to its parent."""
    if anchor is not None:
        sizes[anchor] = (size, levels)
    if stack:
        stack[-1][1] += size
        stack[-1][2] = max(stack[-1][2], levels)


def _too_deep() -> str:
    return f"collections are nested more than {MAX_YAML_DEPTH} deep; flatten the structure"


def load_yaml(text: str, *, file: str) -> Any:
    """The one YAML document of ``text`` (None when empty), built with the safe loader.

    Every mapping carries its 1-based line under :data:`LINE_KEY`. Refused with
    :class:`UnsafeFile` naming ``file`` and the line: malformed YAML, more than one document,
    duplicate keys, integers over :data:`MAX_INT_CHARS` characters, a document expanding to more
    than :data:`MAX_YAML_NODES` values or nesting deeper than :data:`MAX_YAML_DEPTH`.
    """
    try:
        if not _within_limits(text):
            _measure(text)
        loader = _SafeLineLoader(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _YamlRefused as exc:
        raise UnsafeFile(file, exc.message, exc.line) from None
    except yaml.YAMLError as exc:
        raise UnsafeFile(file, *_yaml_message(exc)) from None
    except RecursionError:
        raise UnsafeFile(file, _too_deep()) from None


def _yaml_message(exc: yaml.YAMLError) -> tuple[str, int | None]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    text = f"{context}, {what}" if context else what
    return f"malformed YAML: {text}; check indentation and quoting", line
