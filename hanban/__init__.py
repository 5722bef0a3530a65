"""hanban: which public-security services you can get done where, and how (China, 2023 measures)."""

__version__ = "0.2.0"
