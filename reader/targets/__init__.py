"""Quantitative targets and past figures (pure, no Qt)."""
