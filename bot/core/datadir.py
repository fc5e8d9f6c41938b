"""Where the reports and fact bases live: ``--data-dir``, ``REPORTBOT_DATA_DIR``, or the checkout."""

from __future__ import annotations

import os
from pathlib import Path

from bot.core.errors import DataDirNotFound

#: The environment variable naming the data folder.
DATA_DIR_ENV = "REPORTBOT_DATA_DIR"


def is_data_dir(path: Path) -> bool:
    return (path / "seeds").is_dir() and (path / "knowledge").is_dir()


def installed_root() -> Path:
    """The folder the ``bot`` package was installed from (the repository, for ``pip install -e``)."""
    return Path(__file__).resolve().parents[2]


def find_data_dir(explicit: str | Path | None = None) -> Path:
    """The data folder: ``explicit``, else ``$REPORTBOT_DATA_DIR``, else the repository that
    reportbot was installed from. Raises DataDirNotFound naming every place it looked."""
    looked: list[str] = []
    for label, value in (("--data-dir", explicit), (DATA_DIR_ENV, os.environ.get(DATA_DIR_ENV))):
        if value:
            path = Path(value).expanduser()
            if is_data_dir(path):
                return path.resolve()
            looked.append(f"{path} (from {label}): no seeds/ and knowledge/ folders there")
            raise DataDirNotFound(looked)
    root = installed_root()
    if is_data_dir(root):
        return root
    looked.append(f"{root} (where reportbot is installed): no seeds/ and knowledge/ folders there")
    looked.append(f"{DATA_DIR_ENV} is not set")
    raise DataDirNotFound(looked)
