"""Widgets that own their DEFAULT_CSS and messages."""
