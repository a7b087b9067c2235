"""Last resort when the results database cannot be written: keep the attempts in a JSON file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from pathlib import Path

from simulator.store.base import AttemptRecord


def write_recovery(records: list[AttemptRecord]) -> Path | None:
    """Write the records as JSON next to the default database (or in the temp folder); the path."""
    from platformdirs import user_data_dir

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    payload = json.dumps([_plain(r) for r in records], ensure_ascii=False, indent=1, default=str)
    for folder in (Path(user_data_dir("calldojo")), Path(tempfile.gettempdir())):
        path = folder / f"unsaved-attempts-{stamp}.json"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(payload, encoding="utf-8")
        except OSError:
            continue
        return path
    return None


def _plain(record: AttemptRecord) -> dict[str, object]:
    return dataclasses.asdict(record)
