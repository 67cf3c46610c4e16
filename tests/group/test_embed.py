import numpy as np
import pytest

from storyfuse.embed import embed


def test_static_rows_are_unit_length_and_rank_related_text_closer() -> None:
    vectors = embed(
        [
            "Floods forced thousands to leave their homes along the river.",
            "Rising river water drove thousands of residents from their houses.",
            "The central bank raised interest rates by a quarter point.",
        ]
    )
    assert vectors.shape[0] == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2]


def test_empty_input_and_unknown_model() -> None:
    assert embed([]).shape[0] == 0
    with pytest.raises(ValueError, match="unknown embedding model"):
        embed(["x"], model="no-such-model")
