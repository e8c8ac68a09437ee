"""Token ratios that can be checked offline: cl100k_base-family tokenizers against o200k_base."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from council.catalog.model import Catalog

bpe_openai = pytest.importorskip("bpe_openai")


def test_llama3_ratio_matches_the_cl100k_measurement(catalog: Catalog, shared_dir: Path) -> None:
    o200k = bpe_openai.get_encoding("o200k_base")
    cl100k = bpe_openai.get_encoding("cl100k_base")
    ours = theirs = 0
    for path in (shared_dir / "routing" / "outcomes.jsonl",
                 shared_dir / "routing" / "routerbench" / "outcomes.jsonl"):
        with path.open() as handle:
            for line in islice(handle, 1500):
                prompt = json.loads(line)["prompt"]
                ours += len(o200k.encode(prompt))
                theirs += len(cl100k.encode(prompt))
    measured = theirs / ours
    for model in catalog.models:
        if model.tokenizer == "llama3":
            assert model.token_ratio == pytest.approx(measured, abs=0.03), model.id
    assert {m.token_ratio for m in catalog.models if m.tokenizer.startswith("o200k")} == {1.0}
