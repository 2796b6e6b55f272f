"""Highlights, notes, bookmarks and tags in SQLite (pure, no Qt)."""
