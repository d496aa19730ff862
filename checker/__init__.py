"""checker: find where a summary, rewrite or draft drifted from its source articles."""

__version__ = "0.1.0"
