"""`calldojo validate`: check files or the whole library, returning sorted diagnostics."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from simulator.spec.diagnostics import Diagnostic
from simulator.spec.library import Library, add_file, check, load_library


def validate_library(root: Path, data_dirs: Sequence[Path] = ()) -> list[Diagnostic]:
    """Every diagnostic of the content library under `root` (both passes), sorted."""
    return _sorted(load_library(root, tuple(data_dirs)).diagnostics)


def validate_paths(paths: Sequence[Path], data_dirs: Sequence[Path] = ()) -> list[Diagnostic]:
    """Diagnostics for the given files and directories, sorted.

    A directory is validated as a content root. A file is validated in the context of the
    library it belongs to (the parent of its `scenarios/` or `personas/` folder, else its own
    folder) so its references resolve; only diagnostics about the given files are returned.
    """
    found: list[Diagnostic] = []
    files: dict[Path, list[Path]] = {}
    for path in paths:
        if path.is_dir():
            found.extend(load_library(path, tuple(data_dirs)).diagnostics)
        else:
            files.setdefault(_root_of(path), []).append(path)
    for root, group in files.items():
        found.extend(_validate_files(root, group, tuple(data_dirs)))
    return _sorted(found)


def _validate_files(root: Path, files: list[Path], data_dirs: tuple[Path, ...]) -> list[Diagnostic]:
    if (root / "scenarios").is_dir() or (root / "personas").is_dir():
        library = load_library(root, data_dirs, references=False)
    else:  # a loose file: only the default rubric and rule packs give it context
        library = Library()
        for directory in data_dirs:
            for pattern in ("*.rubric.yaml", "*.rules.yaml"):
                for path in sorted(directory.rglob(pattern)):
                    add_file(library, path)
    wanted = {str(path) for path in files}
    loaded = {str(p.resolve()) for p in library.paths.values()}
    for path in files:
        if str(path.resolve()) not in loaded or not path.exists():
            add_file(library, path)
    check(library)
    shown = {str(p.resolve()) for p in files}
    return [d for d in library.diagnostics if d.path in wanted or _resolved(d.path) in shown]


def _resolved(path: str) -> str:
    return str(Path(path).resolve())


def _root_of(path: Path) -> Path:
    parent = path.parent
    return parent.parent if parent.name in ("scenarios", "personas") else parent


def _sorted(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    unique = dict.fromkeys(diagnostics)
    return sorted(unique, key=lambda d: (d.path, d.line, d.col, d.code, d.message))
