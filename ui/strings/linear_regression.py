"""Strings of this page."""

STRINGS: dict[str, dict[str, str]] = {}
