"""Round 17 on the Usage page (AppTest), QA 16 finding 9: the costliest-tasks table read "None"
in up to ten cells of an unlinked task, money "$212.6250" and "1372.2188", and "$0.0000" per
month beside the blank actual of a task whose every call was on an unpriced model."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa

from council.assembly import open_database
from council.catalog.store import init_catalog
from council.config import PROJECT_ROOT
from council.ui.pages.usage import ABSENT
from council.usage.store import import_file
from tests.app.conftest import no_exception, page_app, seen
from tests.usage.conftest import otlp_line, span


def _shown(table) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    """What the page shows in each cell (the Styler's display values), by task."""
    shown = pa.ipc.open_stream(table.proto.arrow_data.styler.display_values).read_pandas()
    return shown.set_index("task")


def test_the_task_table_shows_money_as_money_and_no_none(council_home: Path) -> None:
    db = open_database(council_home / "council.db")
    path = council_home / "spans.jsonl"
    spans = [span(f"{i:016x}", model="gpt-4.1", inp=400_000, out=20_000,
                  **{"council.task": "docs"}) for i in range(1, 31)]
    spans += [span(f"{i:016x}", model="acme-ft-7b", **{"council.task": "legacy"})
              for i in range(31, 34)]
    path.write_text(otlp_line(spans) + "\n")
    import_file(db, path, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    # QA 16 finding 13: a catalog edit re-priced the month and the page never said so
    from council.catalog.editors import Editor
    from council.catalog.store import CatalogStore

    catalog = CatalogStore(db)
    catalog.update_field("gpt-4.1", "prices.0.output", 9.0, editor=Editor("ada"),
                         reason="probe", expected_revision=catalog.revision("gpt-4.1"))
    at = page_app("usage").run()
    no_exception(at)
    assert any(seen(i.value).startswith("33 imported records were re-priced with the catalog")
               for i in at.info), [i.value for i in at.info]
    table = next(d for d in at.dataframe if "est. per run" in d.value.columns)
    values, shown = table.value.set_index("task"), _shown(table)
    # numbers stay numbers underneath, so a click sorts amounts as amounts
    assert pd.api.types.is_numeric_dtype(values["actual"])
    assert values.loc["docs", "actual"] > 10
    cells = [str(v) for v in shown.to_numpy().ravel()]
    assert not [c for c in cells if c in ("None", "nan", "NaN", "<NA>")], cells
    assert shown.loc["docs", "actual"] == "$" + f"{values.loc['docs', 'actual']:,.2f}"
    assert shown.loc["docs", "estimate"] == ABSENT  # unlinked: no estimate, said as absent
    assert shown.loc["docs", "calls"] == "30"
    # every call on a model with no price: actual, per run and per month unknown, not $0
    for column in ("actual", "per run", "per month"):
        assert shown.loc["legacy", column] == ABSENT, (column, shown.loc["legacy", column])


def test_an_import_says_failed_calls_were_not_billed_and_names_a_model_once(
        council_home: Path) -> None:
    """QA 16 findings 7 and 13: failed calls were priced as spent; the unknown model was named
    twice (import and report) and one bad row read "1 lines refused"."""
    import json

    from tests.usage.test_failed_calls17 import _row

    rows = [_row(1, status="success", spend=0.0014), _row(2, status="failure", spend=0.0),
            _row(3, status="failure", spend=0.0),
            {**_row(4, status="success", spend=0.001), "model": "gpt-4o-mini-2024-07-18"},
            {**_row(5, status="success", spend=0.001), "request_id": ""}]
    at = page_app("usage").run()
    at.file_uploader(key="usage_file").upload("spend.json", json.dumps(rows).encode(),
                                              "application/json")
    at.button(key="FormSubmitter:usage_import-Import").click()
    at.run()
    no_exception(at)
    done = next(seen(s.value) for s in at.success if "spend.json" in seen(s.value))
    assert "4 records read" in done and "2 failed calls the file says were not billed" in done
    warnings = [seen(w.value) for w in at.warning]
    assert sum(w.count("gpt-4o-mini-2024-07-18") for w in warnings) == 1, warnings
    assert any(w.startswith("1 line refused") for w in warnings), warnings


def test_history_says_what_the_linked_usage_really_cost(council_home: Path) -> None:
    """QA 16 finding 14: "Saved $9,180, 85% less than the default" summed the answers'
    estimates; the usage linked to them (on gpt-5.4-mini, $332.94) was nowhere in History."""
    from council.usage.store import link_task
    from tests.usage.conftest import stored_rec

    db = open_database(council_home / "council.db")
    path = council_home / "spans.jsonl"
    path.write_text(otlp_line([span(f"{i:016x}", inp=100_000, out=5_000,
                                    **{"council.task": "docs"}) for i in range(1, 11)]) + "\n")
    import_file(db, path, catalog=init_catalog(db, PROJECT_ROOT / "models_catalog"))
    link_task(db, "docs", stored_rec(db, model="gpt-4.1", per_call=5.0, per_task=5.0))
    at = page_app("history").run()
    no_exception(at)
    said = next(seen(i.value) for i in at.info if "Usage is linked" in seen(i.value))
    assert said.startswith("Usage is linked to 1 recommendation (tasks docs): their calls "
                           "really cost $"), said
    assert "on gpt-5.4-mini" in said and "a month their answers estimated" in said
