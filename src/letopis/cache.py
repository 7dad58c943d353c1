"""Derived data kept between runs in the user's cache folder: built once, then read back (a pickle)."""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """Where derived data is kept between runs: $LETOPIS_CACHE_DIR, else ~/.cache/letopis."""
    given = os.environ.get("LETOPIS_CACHE_DIR")
    return Path(given) if given else Path.home() / ".cache" / "letopis"


def cached(name: str, build: Callable[[], T], kind: type | None = None) -> T:
    """The object kept under `name` in the cache folder, else `build()`'s, kept there for next time. A file
    that cannot be read (or is not a `kind`) is rebuilt; a folder that cannot be written is only a loss of time."""
    path = cache_dir() / name
    if path.exists():
        try:
            found = pickle.loads(path.read_bytes())
            if kind is None or isinstance(found, kind):
                return found
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)  # atomic: two workers building at once leave one whole file
    except OSError:
        pass  # a read-only home: rebuilt each run, still correct
    return built
