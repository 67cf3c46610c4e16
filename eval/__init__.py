"""Evaluation scripts: each prints precision/recall/F1 and writes eval/results/<name>.json."""
