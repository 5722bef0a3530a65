"""Renderers: JSON, plain text and rich terminal output over the pure core."""
