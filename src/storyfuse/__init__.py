"""storyfuse: cited multi-source briefs from news articles."""
__version__ = "0.1.0"
