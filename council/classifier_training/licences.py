"""Which real prompts of the category dev set may be copied into the corpus, by licence.

From `../shared/categories/SOURCES.md`: only MIT, Apache-2.0 and CC BY rows may be copied
(naming their source); CC BY-SA and GPL rows are for measurement only. T0/PromptSource rows
carry their dataset's licence, so they are decided per template.
"""

from __future__ import annotations

COPYABLE = ("MIT", "Apache-2.0", "CC BY 4.0")
# source -> licence, as SOURCES.md gives it.
LICENCES: dict[str, str] = {
    "gsm8k": "MIT",
    "humaneval": "MIT",
    "humanevalpack": "MIT",
    "odex": "CC BY-SA 4.0",
    "arena-hard-v2.0": "Apache-2.0",
    "self-instruct-seed": "Apache-2.0",
    "self-instruct-user": "Apache-2.0",
    "system-design-primer": "CC BY 4.0",
    "awesome-low-level-design": "GPL-3.0",
    "awesome-system-design-resources": "GPL-3.0",
    "banking77": "CC BY 4.0",
    "webarena": "Apache-2.0",
    "tau-bench": "MIT",
    "qmsum": "MIT",
    "leval": "GPL-3.0",
    "defog-sql-eval": "Apache-2.0",
}
# T0/PromptSource rows: the licence of the dataset behind the template (SOURCES.md, Notes).
T0_LICENCES: dict[str, str] = {
    "amazon_polarity": "Apache-2.0",
    "cnn_dailymail": "Apache-2.0",
    "quoref": "CC BY 4.0",
    "duorc": "MIT",
    "common_gen": "MIT",
    "commonsense_qa": "MIT",
    "dbpedia_14": "CC BY-SA 3.0",
    "wiki_bio": "CC BY-SA 3.0",
    "kilt_tasks_hotpotqa": "CC BY-SA 4.0",
}
T0_SOURCE = "t0-promptsource"


def licence_of(row: dict[str, str]) -> str | None:
    """The licence a row is under, or None when SOURCES.md does not say."""
    if row["source"] == T0_SOURCE:
        label = row["source_label"]
        return next((lic for prefix, lic in T0_LICENCES.items() if label.startswith(prefix)),
                    None)
    return LICENCES.get(row["source"])
