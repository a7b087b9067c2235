"""Where the bundled content lives; light on purpose (the CLI reads it before the app's first frame)."""

from __future__ import annotations

from pathlib import Path


def default_content_root() -> Path:
    """The bundled content: inside the installed package, or the checkout's top level."""
    package = Path(__file__).resolve().parent
    installed = package / "content"
    if (installed / "scenarios").is_dir():
        return installed
    return package.parent
