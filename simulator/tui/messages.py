"""Messages the app posts to its screens (apart from the app, so screens need not import it)."""

from __future__ import annotations

from textual.message import Message


class StoreOpened(Message):
    """Posted to the current screen once the store is open and remembered settings applied."""


class LibraryLoaded(Message):
    """Posted to every screen once the content library is loaded (or failed to load)."""
