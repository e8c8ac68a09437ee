"""Decision QA 13 on the form (AppTest with the real classifier, catalog, recommendation and
SQLite): a budget a seat and photos that need vision, on the page and on its share link."""

from __future__ import annotations

from pathlib import Path

from tests.app.conftest import no_exception, page_app, seen, share_id_of, submit_task


def _shown(at) -> str:  # type: ignore[no-untyped-def]
    parts = [e.value for kind in (at.info, at.warning, at.markdown, at.caption) for e in kind]
    parts += [t.value.to_string() for t in at.table]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    return seen("\n".join(str(p) for p in parts))


def test_a_seat_budget_and_vision_on_the_page_and_its_link(council_home: Path) -> None:
    """Both were unread before: no budget, and text-only models among the candidates."""
    at = submit_task(page_app("recommend", timeout=300).run(),
                     "Label product photos by category for our sales team; budget $20 per "
                     "seat, 12 seats.")
    no_exception(at)
    text = _shown(at)
    assert "$20 per seat x '12 seats'" in text and "$240.00" in text, text[:3000]
    assert "Label product photos" in text and "models without vision are excluded" in text
    again = page_app("recommend", query={"r": share_id_of(at)}, timeout=300).run()
    no_exception(again)
    assert [f"{m.label}={m.value}" for m in again.metric] == \
        [f"{m.label}={m.value}" for m in at.metric]
    assert "$240.00" in _shown(again)
