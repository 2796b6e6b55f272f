"""Widgets that show core models."""
