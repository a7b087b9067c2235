"""Database URLs as users type them: checked without importing SQLAlchemy, never shown with a secret."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_SECRET = re.compile(r"(://[^:/@\s]*:)([^@/\s]*)(@)")
IN_MEMORY = "memory:"
"""The explicit in-memory store (nothing is kept after the app exits)."""


def redact(url: str) -> str:
    """The URL with any password replaced by `***` (safe for screens, logs and tracebacks)."""
    return _SECRET.sub(r"\1***\3", url)


def url_problem(url: str) -> str | None:
    """Why `url` cannot be a results database, in one line (password hidden), or None if it may be."""
    if url == IN_MEMORY:
        return None
    shown = redact(url)
    if not _SCHEME.match(url):
        return (
            f"{shown!r} is not a database URL; use sqlite:////path/to/results.db or "
            "postgresql+psycopg://user:password@host:5432/dbname"
        )
    scheme = url.split("://", 1)[0].lower()
    if scheme.startswith("sqlite") and url.rstrip("/").lower() in ("sqlite:", "sqlite://"):
        return (
            "sqlite:// is a database in memory: results would be lost at exit; give a file, "
            "e.g. sqlite:////home/me/calldojo/results.db"
        )
    netloc = url.split("://", 1)[1].split("/", 1)[0]
    host = netloc.rsplit("@", 1)[-1]
    port = host.rsplit(":", 1)[1] if ":" in host and not host.endswith("]") else ""
    if port and not (port.isdigit() and int(port) < 65536):
        return f"{shown!r}: the port {port!r} is not a port number"
    if not (scheme.startswith("sqlite") or scheme.startswith("postgresql")):
        return f"{shown!r}: CallDojo stores results in SQLite or PostgreSQL, not {scheme!r}"
    return None
