"""Analysed reports kept on disk between runs, so a new process reads one file per report
instead of reading every article and fact base again (about 15 ms instead of 320 ms for four
reports).

An entry is keyed by the bytes of the report's files (``seeds/<id>.txt`` and the YAML files of
``knowledge/<id>/``, taken before they are loaded) and by the code that analysed them (the path
and bytes of each file of ``bot/core``, and the versions of the libraries that read the text):
any edit to either makes a new key, and the old entry of that report in that data folder is
removed when the new one is written, as is an entry no load has read for STALE_DAYS.

Entries are pickles written by this module into the user's own cache folder, never read from a
data folder, so a hostile report can change a key but not an entry; and since a pickle runs code
as it loads, an entry or a folder that another user owns or could write is never read (the
folder is made private to the user).

The folder is ``$REPORTBOT_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportbot``, else
``~/.cache/reportbot``. ``REPORTBOT_CACHE_DIR=off`` turns the cache off. Any problem reading
or writing an entry is logged at debug level and the report is analysed as if there were none.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.core.knowledge import FactBase
from bot.core.safeio import MAX_KNOWLEDGE_BYTES, MAX_REPORT_BYTES

log = logging.getLogger(__name__)

#: The environment variable naming the cache folder; one of OFF_VALUES turns the cache off.
CACHE_ENV = "REPORTBOT_CACHE_DIR"
OFF_VALUES = frozenset(["off", "none", "0", "false", "no"])
#: Bumped when the layout of an entry changes, so old entries are never read.
FORMAT = 1
#: An entry no load has read for this many days is removed (each read renews it).
STALE_DAYS = 30
#: A temporary file older than this is a writer's that was killed.
TMP_SECONDS = 3600
_CODE_ROOT = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in OFF_VALUES or not chosen.strip() else Path(chosen).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "reportbot" if xdg else Path.home() / ".cache" / "reportbot"


def code_fingerprint(root: Path = _CODE_ROOT) -> str:
    """A digest of the analysing code: every source and data file of ``bot/core`` (path and
    bytes: about 7 ms for its 3 MB) and the versions of the libraries that read the text."""
    import rapidfuzz
    import Stemmer
    import yaml

    versions = f"{rapidfuzz.__version__} {yaml.__version__} {getattr(Stemmer, '__version__', '')}"
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {pickle.HIGHEST_PROTOCOL} {versions}".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix != ".pyc":
            digest.update(f"{path.relative_to(root)}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class IndexCache:
    """The analysed reports of one data folder, read from and written to ``folder``."""

    def __init__(self, data_dir: Path, folder: Path, fingerprint: str | None = None) -> None:
        self.data_dir = data_dir
        self.folder = folder
        self.fingerprint = fingerprint or code_fingerprint()
        self._folder_tag = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:12]
        self._keys: dict[str, str | None] = {}

    @classmethod
    def for_data_dir(cls, data_dir: Path) -> IndexCache | None:
        """The cache for ``data_dir``, with the key of each report taken now, before the reports
        are loaded: a file edited while they load makes a key that no later load matches."""
        folder = cache_dir()
        if folder is None:
            return None
        cache = cls(data_dir, folder)
        for seed in sorted((data_dir / "seeds").glob("*.txt")):
            cache._keys[seed.stem] = cache._key(seed.stem)
        return cache

    def index(self, base: FactBase, build: Callable[[FactBase], Any]) -> Any:
        """The analysed report ``base``: from its entry when one matches, else built and stored."""
        key = self._keys[base.id] if base.id in self._keys else self._key(base.id)
        path = self.folder / f"{base.id}-{self._folder_tag}-{key[:24]}.pickle" if key else None
        if path is not None:
            found = self._read(path, base.id)
            if found is not None:
                return found
        built = build(base)
        if path is not None:
            self._write(path, built)
        return built

    def _key(self, report_id: str) -> str | None:
        """A digest of the code and of the files the loader reads for ``report_id`` (its text
        and its knowledge YAML); None when one is not a plain file within the loader's limits."""
        digest = hashlib.sha256(self.fingerprint.encode())
        folder = self.data_dir / "knowledge" / report_id
        try:
            files = [(self.data_dir / "seeds" / f"{report_id}.txt", MAX_REPORT_BYTES)]
            files += [(p, MAX_KNOWLEDGE_BYTES) for p in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))]
            for path, limit in files:
                if path.is_symlink() or not path.is_file() or path.stat().st_size > limit:
                    return None  # the loader refuses it or reads it with care: no entry for it
                digest.update(f"{path.name}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError as exc:
            log.debug("no cache key for %s: %s", report_id, exc)
            return None
        return digest.hexdigest()

    def _read(self, path: Path, report_id: str) -> Any | None:
        if not path.exists() or not _private(self.folder) or not _private(path):
            return None  # no entry, or one that someone else could have written
        try:
            with path.open("rb") as handle:
                found = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a torn or stale entry: analyse again
            log.debug("ignoring the cache entry %s: %s", path, exc)
            return None
        if getattr(getattr(found, "base", None), "id", None) != report_id:
            log.debug("ignoring the cache entry %s: it holds another report", path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # read: kept another STALE_DAYS
        log.debug("read %s from the cache", path.name)
        return found

    def _write(self, path: Path, index: Any) -> None:
        temporary: Path | None = None
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            temporary = Path(name)
            with os.fdopen(handle, "wb") as out:
                pickle.dump(index, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
            temporary = None
            self._remove_older(path)
        except Exception as exc:  # a read-only or full disk: run without the cache
            log.debug("could not write the cache entry %s: %s", path, exc)
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)

    def _remove_older(self, path: Path) -> None:
        """Remove the entries of the same report and data folder that ``path`` replaces, entries
        no load has read for STALE_DAYS, and temporary files a killed writer left."""
        prefix = path.name.rsplit("-", 1)[0] + "-"
        now = time.time()
        for old in self.folder.iterdir():
            age = now - old.stat().st_mtime
            replaced = old.name.startswith(prefix) and old.suffix == ".pickle" and old != path
            unused = old.suffix == ".pickle" and age > STALE_DAYS * 86400
            if replaced or unused or (old.suffix == ".tmp" and age > TMP_SECONDS):
                old.unlink(missing_ok=True)


def _private(path: Path) -> bool:
    """Whether only this user can have written ``path``: owned by them and writable by no one
    else. An entry is a pickle, which runs code as it loads: one that others could have written
    is never read (a shared or world-writable cache folder is not used)."""
    getuid = getattr(os, "getuid", None)
    try:
        stat = path.stat()
    except OSError:
        return False
    if getuid is None:
        return True  # no owners to compare (Windows): the user's own profile folder
    if stat.st_uid != getuid() or stat.st_mode & 0o022:
        log.debug("not reading the cache at %s: it is not private to this user", path)
        return False
    return True
