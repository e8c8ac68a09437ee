"""Folding the app's feedback into the outcome model, shrunk toward each model's catalog prior.

Feedback is sparse: a catalog model may have a handful of verdicts ("adequate" / "not
adequate"). Two rules keep a cheap model from being picked on a lucky estimate:

1. **Screening (training).** A model whose outcomes (feedback plus any outcome files) number
   fewer than ``MIN_VERDICTS``, or are all one verdict, is left to the catalog: its cells are
   dropped from the training rows and ``council train`` prints a line naming it. It is never
   dropped silently and never crashes the fit.
2. **Shrinkage (prediction).** For a model the outcome model covers with ``n`` observed
   outcomes, the catalog adequacy ``q`` for the same task is a prior worth ``PRIOR_STRENGTH``
   pseudo-outcomes (a Beta(N q, N (1 - q)) prior), and the fitted probability ``p`` stands
   for the ``n`` real ones:

       P = (n p + N q) / (n + N)

   With N = 10, a model with 4 verdicts keeps 4/14 = 29% of its fitted estimate and 71% of
   the catalog's; a model covered by thousands of shared outcome rows keeps > 99% of its own.
3. **Small-data fit.** With fewer than ``SMALL_DATA_ROWS`` training rows (feedback alone),
   the default fit (32 components, light L2) separates a dozen verdicts perfectly and
   answers 0.000 or 1.000 for a new task. ``fit_config_for`` then fits one component per
   50 rows with L2 1.0 on the difficulty head and the corrections, which keeps the fitted
   P near each model's feedback rate with a mild dependence on the text.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from council.outcomes.anchoring import Agreement
from council.outcomes.rows import OutcomeRow, OutcomeSummary, iter_rows, table_from_rows
from council.outcomes.selection import Selection

if TYPE_CHECKING:
    from council.outcomes.success_model import SuccessModel

PRIOR_STRENGTH = 10  # N: the catalog prior counts as this many pseudo-outcomes
MIN_VERDICTS = 3  # fewer outcomes than this for a model: left to the catalog
SMALL_DATA_ROWS = 500  # below this many rows the fit uses the small-data configuration

# ---------------------------------------------------------------- screening


@dataclass(frozen=True)
class LeftOut:
    """A model whose feedback is too thin to learn from; the catalog keeps answering for it."""

    model: str
    verdicts: int
    adequate: int
    reason: str

    def message(self) -> str:
        return (f"{self.model}: {self.verdicts} verdict(s), {self.adequate} adequate: left to "
                f"the catalog ({self.reason})")


def verdict_counts(rows: Iterable[OutcomeRow]) -> tuple[dict[str, int], dict[str, int]]:
    """Per model: how many verdicts, and how many of them said adequate (1)."""
    n: dict[str, int] = {}
    k: dict[str, int] = {}
    for row in rows:
        for model, value in row.outcomes.items():
            n[model] = n.get(model, 0) + 1
            k[model] = k.get(model, 0) + value
    return n, k


def screen_feedback(feedback: Sequence[OutcomeRow], files: OutcomeSummary | None = None,
                    min_verdicts: int = MIN_VERDICTS) -> tuple[list[OutcomeRow], list[LeftOut]]:
    """Feedback rows without the models too thin to learn, and those models with the reason.

    A model's count includes its outcomes in the outcome files (``files``), so one verdict on a
    model the shared data already covers is kept.
    """
    n, k = verdict_counts(feedback)
    left: list[LeftOut] = []
    for model in sorted(n):
        total = n[model] + (files.observed.get(model, 0) if files else 0)
        good = k[model] + (files.successes.get(model, 0) if files else 0)
        if total < min_verdicts:
            reason = f"it needs at least {min_verdicts}"
        elif good == 0:
            reason = "never adequate: it needs both verdicts to learn from"
        elif good == total:
            reason = "always adequate: it needs both verdicts to learn from"
        else:
            continue
        left.append(LeftOut(model, n[model], k[model], reason))
    dropped = {x.model for x in left}
    kept = []
    for row in feedback:
        outcomes = {m: v for m, v in row.outcomes.items() if m not in dropped}
        if outcomes:
            kept.append(OutcomeRow(row.id, row.source, row.prompt, outcomes, row.cost_usd))
    return kept, left


# ---------------------------------------------------------------- shrinkage


def shrink(p: float, n: int, prior: float | None, strength: float = PRIOR_STRENGTH) -> float:
    """(n p + N q) / (n + N); ``p`` unchanged when there is no prior."""
    if prior is None or strength <= 0:
        return float(p)
    return (n * float(p) + strength * float(prior)) / (n + strength)


def outcome_counts(model: SuccessModel) -> dict[str, int]:
    """Observed outcomes per model in an artifact (from its meta)."""
    meta = getattr(model, "meta", {}) or {}
    counts = meta.get("outcome_counts")
    if isinstance(counts, dict):
        return {str(m): int(c) for m, c in counts.items()}
    rows = int(meta.get("train_rows", 0))
    missing = meta.get("missing_outcomes") or {}
    return {m: rows - int(missing.get(m, 0)) for m in model.models}


# ---------------------------------------------------------------- training


def fit_config_for(rows: int) -> Any:
    """The default fit for outcome-file-sized data, a heavily regularised one for feedback."""
    from council.outcomes.success_model import FitConfig

    if rows >= SMALL_DATA_ROWS:
        return FitConfig()
    return FitConfig(components=max(1, rows // 50), l2_difficulty=1.0, l2_correction=1.0,
                     l2_discrimination=1.0)


@dataclass
class ModelLine:
    """One row of the training summary."""

    model: str
    file_outcomes: int
    feedback: int
    feedback_adequate: int
    skill: float | None = None
    base_rate: float | None = None

    @property
    def data_weight(self) -> float:
        n = self.file_outcomes + self.feedback
        return n / (n + PRIOR_STRENGTH)


@dataclass
class OutcomeTraining:
    """What ``train_outcome_model`` did."""

    out_dir: Path
    trained: bool
    models: list[ModelLine] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    note: str = ""
    agreement: Agreement | None = None  # when the scale was anchored to the classifier
    selection: Selection | None = None  # how many components the rows carried, and why

    def table(self) -> str:
        """The summary as a fixed-width table."""
        head = (f"{'model':<34}{'file rows':>10}{'feedback':>10}{'adequate':>10}"
                f"{'weight':>8}{'skill':>8}{'base':>7}  status")
        lines = [head]
        for m in self.models:
            lines.append(f"{m.model[:33]:<34}{m.file_outcomes:>10}{m.feedback:>10}"
                         f"{m.feedback_adequate:>10}{m.data_weight:>8.2f}"
                         f"{m.skill if m.skill is not None else float('nan'):>8.2f}"
                         f"{m.base_rate if m.base_rate is not None else float('nan'):>7.3f}"
                         "  trained")
        for x in self.left_out:
            lines.append(f"{x.model[:33]:<34}{0:>10}{x.verdicts:>10}{x.adequate:>10}"
                         f"{'':>8}{'':>8}{'':>7}  left to the catalog ({x.reason})")
        return "\n".join(lines)


def train_outcome_model(outcome_paths: Sequence[Path], feedback: Sequence[OutcomeRow],
                        out_dir: Path, encoder: Any, *, config: Any = None,
                        sources: Sequence[str] = (), progress: bool = True,
                        load_classifier: Callable[[], Any] | None = None) -> OutcomeTraining:
    """Screen the feedback, fit on it and the outcome files, write the artifact atomically.

    Nothing trainable (no files, every feedback model left out) leaves ``out_dir`` as it was.
    An outcome file that cannot be learnt from raises InvalidInput, as `council route train`.
    With ``load_classifier`` the difficulty scale is anchored to the classifier it returns
    (council.outcomes.anchoring); it is called only when there is something to train.
    ``encoder`` (a plain one, disk-cached) reads the head + tail window for the model and the
    classifier's own text for the anchoring.
    """
    from council.outcomes.embedding import PromptEmbedder
    from council.outcomes.fitting import embed_table, train_artifact

    files = OutcomeSummary()
    file_rows = [row for path in outcome_paths for row in iter_rows(Path(path), files)]
    kept, left = screen_feedback(feedback, files)
    result = OutcomeTraining(out_dir=Path(out_dir), trained=False, left_out=left)
    if not file_rows and not kept:
        result.note = ("no outcome rows to learn from" if not left else
                       "no model has enough feedback yet")
        return result
    summary = OutcomeSummary()
    rows = file_rows + kept
    for row in rows:
        summary.add(row)
    table = table_from_rows(rows, summary)
    summary.check_trainable()
    x = embed_table(table, PromptEmbedder.of(encoder), progress=progress)

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    config = config or fit_config_for(len(table))
    model = train_artifact(table, x, tmp, encoder.name, config, sources,
                           classifier=load_classifier() if load_classifier else None,
                           encoder=encoder)
    fb_n, fb_k = verdict_counts(kept)
    model.meta.update({
        "outcome_counts": {m: int(summary.observed[m]) for m in model.models},
        "feedback": {m: {"verdicts": fb_n[m], "adequate": fb_k[m]} for m in sorted(fb_n)},
        "left_to_catalog": [x.__dict__ for x in left],
        "prior_strength": PRIOR_STRENGTH, "min_verdicts": MIN_VERDICTS,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
    })
    model.save(tmp)
    _swap(tmp, out_dir)
    for j, name in enumerate(model.models):
        result.models.append(ModelLine(
            model=name, file_outcomes=files.observed.get(name, 0), feedback=fb_n.get(name, 0),
            feedback_adequate=fb_k.get(name, 0), skill=float(model.skill[j]),
            base_rate=model.base_rate.get(name)))
    result.agreement = Agreement.from_meta(model.meta)
    result.selection = Selection.from_meta(model.meta)
    result.trained = True
    return result


def _swap(new: Path, target: Path) -> None:
    """Replace ``target`` with ``new`` so a reader never sees a half-written artifact."""
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    if target.exists():
        target.replace(old)
    new.replace(target)
    shutil.rmtree(old, ignore_errors=True)
