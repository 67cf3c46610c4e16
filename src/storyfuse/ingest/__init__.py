"""Stage 1, ingest: read files and folders into Documents. See ``read``."""
