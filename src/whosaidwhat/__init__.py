"""whosaidwhat: who said what, to whom, when and where in news articles."""

__version__ = "0.1.0"
