"""bench/category_file.py: the shipped reading scored on a labelled file (its arithmetic and
its refusals; the figures themselves are the bench's to print)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bench_modules import load_bench

bench = load_bench("category_file")


def test_a_row_without_labels_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"id": "a", "text": "tag tickets", "labels": ["classification"]}\n'
                    '{"id": "b", "text": "write a poem"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"rows.jsonl:2: a row needs a text"):
        bench.read_rows(path)


def test_accuracy_counts_the_top_reading_and_top2_either() -> None:
    row = bench.Row
    scored = [bench.Scored(row("1", "x", ("classification", "customer_support")),
                           ("customer_support", "agentic"), "e5"),
              bench.Scored(row("2", "y", ("architecture",)), ("customer_support", "architecture"),
                           "e5"),
              bench.Scored(row("3", "z", ("code_review",)), ("agentic", "long_document"), "m"),
              bench.Scored(row("4", "w", ("translation",)), ("translation", "research_qa"), "m")]
    text = bench.report(scored)
    assert text.startswith("4 rows: accuracy 0.500, top-2 0.750")
    assert "| classification | 1 | 1 | 1 |" in text and "| architecture | 1 | 0 | 1 |" in text
    assert "| 3 | code_review | agentic, long_document | m | z |" in text
    assert "| 1 |" not in text.split("| id |")[1]  # a right row is not listed as misread


def test_the_blind_file_reads(tmp_path: Path) -> None:
    rows = bench.read_rows(Path(__file__).parents[1] / "data" / "category_blind7.jsonl")
    assert len(rows) == 45 and all(r.labels for r in rows)
