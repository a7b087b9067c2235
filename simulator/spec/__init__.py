"""Authored input: YAML content files loaded into validated, frozen models, with diagnostics."""

from __future__ import annotations

from simulator.spec.diagnostics import Diagnostic, DiagnosticError
from simulator.spec.library import Library, default_content_root, load_library
from simulator.spec.validation import validate_library, validate_paths

__all__ = [
    "Diagnostic",
    "DiagnosticError",
    "Library",
    "default_content_root",
    "load_library",
    "validate_library",
    "validate_paths",
]
