"""Dockable side panels: targets, search, notes."""
