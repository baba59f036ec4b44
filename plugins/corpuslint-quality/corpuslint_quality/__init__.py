"""corpuslint-quality: LLM training-data quality signals (Gopher, FineWeb) as corpuslint rules."""

__version__ = "0.1.0"
