"""The price table's selection machinery (ui/offer_table.py, pure Python): byte masks
spread from per-code answers and rows found by block counts agree with a plain pass,
however many distinct codes and however the matches fall."""

from __future__ import annotations

import random
from array import array

import pytest

from bloomdesk.ui.offer_table import BLOCK, Codes, Picked


@pytest.mark.parametrize("distinct", [1, 7, 256, 2048, 2049, 5000, 70_000])
def test_a_mask_is_what_each_code_answers(distinct: int) -> None:
    rng = random.Random(distinct)
    n = 5000
    codes = array("I", (rng.randrange(distinct) for _ in range(n)))
    column = Codes(codes, distinct)
    for share in (0.0, 0.001, 0.3, 1.0):
        answers = [rng.random() < share for _ in range(distinct)]
        mask = column.mask(answers).to_bytes(n, "little")
        assert [bool(b) for b in mask] == [answers[c] for c in codes]


@pytest.mark.parametrize("density", [0.0, 0.0005, 0.2, 1.0])
def test_rows_are_found_by_block_counts(density: float) -> None:
    rng = random.Random(7)
    n = 5 * BLOCK + 123
    mask = bytes(rng.random() < density for _ in range(n))
    picked = Picked(mask)
    where = [i for i, b in enumerate(mask) if b]
    assert len(picked) == len(where)
    assert [picked.select(k) for k in range(len(where))] == where
    assert [picked.rank(p) for p in where] == list(range(len(where)))
    assert all(picked.rank(p) == -1 for p in range(n) if not mask[p])
