"""storyfuse: cited multi-source briefs from news articles."""

import os

# The sentence encoder (PyTorch, loaded with spaCy) waits for work on OpenMP threads that spin by
# default: on a machine busy with other work they hold the cores the working threads need, and a
# story's brief took three times as long (bench/brief.py). Waiting threads sleep instead. This
# must be set before torch loads; a setting in the environment wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
