"""Prepare every model storyfuse needs, offline, once: ``python -m storyfuse.setup_models``.

Each model comes from a PyPI package; nothing is fetched from a model hub.
"""

from __future__ import annotations

import os


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from storyfuse.extract.nlp import nlp

    nlp()
    print("spaCy model: ready")

    from storyfuse.embed import prepare_onnx_model, prepare_static_model

    print(f"static embedding model: ready ({prepare_static_model()})")
    print(f"MiniLM for ONNX Runtime: ready ({prepare_onnx_model()})")


if __name__ == "__main__":
    main()
