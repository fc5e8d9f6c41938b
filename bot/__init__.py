"""reportbot: answers questions about a news report, citing the exact sentence."""

__version__ = "0.1.0"
