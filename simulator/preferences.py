"""The trainee's local preferences: who practises on this machine and in which UI language.

Kept in a small JSON file in the user's config folder (not in the results database, which a whole
team may share), read synchronously at start-up (a few hundred bytes: the remembered trainee is on
Home in its first frame) and written atomically. A missing or unreadable file means "nothing
remembered"; it never stops the app.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ENV_DIR = "CALLDOJO_CONFIG_DIR"
"""Overrides the folder of `preferences.json` (tests, shared machines)."""
MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class Preferences:
    """What is remembered between runs."""

    trainee_name: str | None = None
    trainee_employee_id: str | None = None
    ui_lang: str | None = None


class PreferenceStore:
    """Preferences kept in memory only (tests; a machine where nothing may be written)."""

    def __init__(self, initial: Preferences | None = None) -> None:
        self._prefs = initial or Preferences()

    def load(self) -> Preferences:
        """The remembered preferences."""
        return self._prefs

    def update(self, **changes: str | None) -> None:
        """Remember these values (the others stay)."""
        self._prefs = replace(self.load(), **changes)
        self._write(self._prefs)

    def _write(self, prefs: Preferences) -> None:
        """Nothing to write for the in-memory store."""


class PreferenceFile(PreferenceStore):
    """Preferences in `preferences.json`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(self._read())

    def _read(self) -> Preferences:
        try:
            if not self.path.is_file() or self.path.stat().st_size > MAX_BYTES:
                return Preferences()
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Preferences()
        if not isinstance(data, dict):
            return Preferences()
        known = {k: v for k, v in data.items() if k in Preferences.__dataclass_fields__}
        clean = {k: v if isinstance(v, str) and v else None for k, v in known.items()}
        return Preferences(**clean)

    def _write(self, prefs: Preferences) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".preferences-", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(asdict(prefs), out, ensure_ascii=False, indent=2)
            os.replace(tmp, self.path)
        except OSError:
            return  # a read-only home: the preference is kept for this run only


def default_preferences() -> PreferenceFile:
    """The preferences of this user: $CALLDOJO_CONFIG_DIR or the platform's config folder."""
    folder = os.environ.get(ENV_DIR)
    if not folder:
        from platformdirs import user_config_dir

        folder = user_config_dir("calldojo")
    return PreferenceFile(Path(folder) / "preferences.json")


def locale_lang(environ: dict[str, str] | None = None) -> str | None:
    """The UI language the system locale asks for (`zh`, `en`), or None when it says nothing."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "").lower()
        if not value:
            continue
        if value.startswith("zh"):
            return "zh"
        if value.startswith("en"):
            return "en"
        return None  # C, POSIX or another language: no preference between ours
    return None


def choose_lang(explicit: str | None, saved: str | None, system: str | None) -> str:
    """The UI language: `--lang`, else the one chosen last time, else the system's, else Chinese."""
    for lang in (explicit, saved, system):
        if lang in ("zh", "en"):
            return lang
    return "zh"
