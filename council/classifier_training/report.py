"""Write the training report: `classifier.json` (every figure) and `classifier.md` (for people)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _shown(path: Path) -> str:
    """A path relative to the project when it is inside it (reports are committed)."""
    from council.config import PROJECT_ROOT

    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _markdown(report: dict[str, Any], meta: dict[str, Any], data_dir: Path) -> str:
    cv, data, model = report["cv"], report["data"], report["model"]
    lines = [
        "# Local classifier: training report",
        "",
        "Written by `council train`; do not edit by hand.",
        "",
        f"- data: `{_shown(data_dir)}` (hash `{str(meta.get('data_hash'))[:12]}`), "
        f"{data['train']} train / {data['test']} test rows, seed {meta['seed']}",
        f"- model: {meta['encoder']} embeddings + {', '.join(model['features'][1:]) or 'none'}"
        f" -> logistic regression (category, with "
        f"{', '.join(model['category'].get('own_features', [])) or 'no own features'}: "
        f"C={model['category']['C']}, "
        f"T={model['category']['temperature']}; difficulty C={model['difficulty']['C']}, "
        f"T={model['difficulty']['temperature']})",
        f"- out-of-domain threshold (max cosine similarity to a training task): "
        f"{model['ood_threshold']}; ambiguity threshold (top p): {model['ambiguity_threshold']}",
        f"- versions: {meta['versions']}; training took {report['seconds']} s",
        "",
        "## Headline",
        "",
        "| figure | cross-validated (train, {} folds) | test split |".format(data["folds"]),
        "|---|---|---|",
    ]
    test = report.get("test")
    rows = (
        ("category macro-F1", ("category_macro_f1",)),
        ("category accuracy", ("category_accuracy",)),
        ("category ECE (10 bins)", ("category_ece",)),
        ("difficulty MAE", ("difficulty", "mae")),
        ("difficulty within one", ("difficulty", "within_one")),
        ("difficulty ±1 sd coverage", ("difficulty", "coverage_1sd")),
    )
    for label, path in rows:
        values = []
        for source in (cv, test):
            value: Any = source
            for key in path:
                value = value[key] if value is not None else None
            values.append("n/a" if value is None else f"{value:.3f}")
        lines.append(f"| {label} | {values[0]} | {values[1]} |")
    if "category_macro_f1_accepted" in cv:
        lines += ["", f"Cross-validated category macro-F1 crediting any accepted label (as the "
                  f"accuracy does): {cv['category_macro_f1_accepted']:.3f}. Per category "
                  "(first label / any accepted label):",
                  "", "| category | F1, first label | F1, any accepted label |", "|---|---|---|"]
        lines += [f"| {c} | {f['first_label']:.3f} | {f['accepted']:.3f} |"
                  for c, f in cv["per_category_f1"].items()]
    if test:
        b = test["baselines"]
        lines += [
            "",
            f"Baselines on the test split: majority category macro-F1 "
            f"{b['majority_category_macro_f1']:.3f}; always-the-median difficulty MAE "
            f"{b['median_difficulty_mae']:.3f}. Low-confidence share of test predictions: "
            f"{_pct(test['low_confidence_share'])}"
            + (f"; accuracy on the rest {_pct(test['accuracy_when_confident'])}."
               if test["accuracy_when_confident"] is not None else "."),
            "",
            "## Calibration (test split, top category probability)",
            "",
            "| bin | count | mean confidence | accuracy |",
            "|---|---|---|---|",
        ]
        lines += [f"| {r['bin']} | {r['count']} | {r['mean_confidence']:.3f} | "
                  f"{r['accuracy']:.3f} |" for r in test["reliability"]]
        labels = test["confusion_labels"]
        short = [lab[:6] for lab in labels]
        lines += ["", "## Confusion matrix (test split; rows true, columns predicted)", "",
                  "| true \\ predicted | " + " | ".join(short) + " |",
                  "|---" * (len(labels) + 1) + "|"]
        for lab, row in zip(labels, test["confusion"], strict=True):
            lines.append(f"| {lab} | " + " | ".join(str(v) if v else "." for v in row) + " |")
        lines += ["", "## Per category (test split)", "",
                  "| category | support | predicted | F1 | difficulty MAE |",
                  "|---|---|---|---|---|"]
        for lab, row in test["per_category"].items():
            mae = "n/a" if row["difficulty_mae"] is None else f"{row['difficulty_mae']:.2f}"
            lines.append(f"| {lab} | {row['support']} | {row['predicted']} | "
                         f"{row['f1']:.2f} | {mae} |")
        lines += ["", "## Worst misclassified (test split, most confident first)", "",
                  "| id | true | predicted (p) | p(true) | text |", "|---|---|---|---|---|"]
        for w in test["worst_misclassified"]:
            text = w["text"].replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {w['id']} | {w['true']} | {w['predicted']} ({w['p_predicted']}) "
                         f"| {w['p_true']} | {text} |")
    lines += ["", "## Odd inputs", "", "| probe | category (p) | low confidence | reason |",
              "|---|---|---|---|"]
    for p in report["probes"]:
        lines.append(f"| {p['probe']} | {p['category']} ({p['p']}) | {p['low_confidence']} | "
                     f"{p['reason'].replace('|', '/')} |")
    lines += ["", f"Share of training tasks under the out-of-domain threshold: "
              f"{_pct(report['in_domain_flagged_share'])}.", ""]
    return "\n".join(lines)


def write_report(report_dir: Path, report: dict[str, Any], metadata: dict[str, Any], *,
                 data_dir: Path, artifact_dir: Path) -> tuple[Path, Path]:
    """Write classifier.json and classifier.md into `report_dir` (a training's figures and
    its artifact's metadata: plain values, so this module imports nothing from the fit)."""
    report_dir.mkdir(parents=True, exist_ok=True)
    document = {"artifact": _shown(artifact_dir), "data_dir": _shown(data_dir),
                "metadata": metadata, **report}
    json_path = report_dir / "classifier.json"
    md_path = report_dir / "classifier.md"
    json_path.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    md_path.write_text(_markdown(report, metadata, data_dir), encoding="utf-8")
    return json_path, md_path
