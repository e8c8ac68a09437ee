"""One difficulty scale: the success model's difficulty placed on the local classifier's.

Both scales share a definition (the labelling rubric and the success model alike): a model
whose skill is *d* succeeds about half the time on a text of difficulty *d*. What the fit
alone cannot fix is where the scale sits: it learns difficulty from outcomes, up to a
shift. ``anchor_to_classifier`` fixes the shift with the local classifier: after it, the
training prompts' mean difficulty under the success model equals their mean difficulty as
the classifier reads them on the 1-5 rubric, and skills move with it (P is unchanged).

The unit is already shared: one level moves the median model's log-odds as one level does
in the catalog's adequacy (success_model.LEVEL_LOGITS). The classifier's spread is not
matched: how far its per-prompt readings agree with the outcomes is what ``Agreement``
measures, and on benchmark items that is close to nothing (docs/routing.md, "One scale").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Agreement:
    """How the local classifier's difficulty relates to outcomes on the training prompts."""

    rows: int
    classifier_mean: float
    classifier_sd: float
    shift: float  # added to the success model's difficulty and skills
    spearman_model: float  # classifier difficulty vs the success model's, per prompt
    spearman_failures: float  # classifier difficulty vs the share of models that failed
    by_level: list[dict[str, Any]]  # per rounded classifier level: rows, success rate

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> Agreement | None:
        """The agreement a trained artifact's meta records, if its scale was anchored."""
        found = meta.get("difficulty_agreement")
        return cls(**found) if found else None

    def summary(self) -> str:
        return (f"difficulty anchored to the local classifier: training prompts read as "
                f"{self.classifier_mean:.2f} on the 1-5 rubric (shift {self.shift:+.2f}); "
                f"per-prompt agreement: Spearman {self.spearman_model:+.2f} with this model's "
                f"difficulty, {self.spearman_failures:+.2f} with the share of models failing "
                f"({self.rows} prompts)")


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Rank correlation (average ranks for ties); 0.0 when either side is constant."""
    from scipy.stats import rankdata

    ra, rb = rankdata(a), rankdata(b)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


def classifier_difficulty(texts: Sequence[str], classifier: Any, encoder: Any = None,
                          batch: int = 256) -> np.ndarray:
    """The local classifier's difficulty for each text, in batches.

    ``encoder`` (e.g. the disk-cached one the training used) embeds the classifier's own
    reading of each text; without it the classifier embeds with its own encoder.
    """
    from council.assess.classifier import prepare_text

    out = np.zeros(len(texts))
    for start in range(0, len(texts), batch):
        chunk = list(texts[start:start + batch])
        # difficulty only: the category's second reading (e5) would change nothing here
        if encoder is None:
            preds = classifier.predict(chunk, read_again=False)
        else:
            emb = np.asarray(encoder.encode([prepare_text(t) for t in chunk]))
            preds = classifier.predict_embedded(chunk, emb, read_again=False)
        out[start:start + len(chunk)] = [p.difficulty for p in preds]
    return out


def measure_agreement(model_difficulty: np.ndarray, classifier_d: np.ndarray,
                      y: np.ndarray) -> Agreement:
    """Compare the two difficulties on the same prompts, with outcomes ``y`` (-1 missing)."""
    y = np.asarray(y, dtype=np.float64)
    seen = y >= 0
    success = np.where(seen, y, 0).sum(1) / np.maximum(seen.sum(1), 1)
    level = np.clip(np.rint(classifier_d), 1, 5).astype(int)
    by_level = [{"level": lv, "rows": int((level == lv).sum()),
                 "success_rate": round(float(success[level == lv].mean()), 4)}
                for lv in LEVELS if (level == lv).any()]
    return Agreement(
        rows=len(classifier_d), classifier_mean=float(classifier_d.mean()),
        classifier_sd=float(classifier_d.std()),
        shift=float(classifier_d.mean() - model_difficulty.mean()),
        spearman_model=spearman(classifier_d, model_difficulty),
        spearman_failures=spearman(classifier_d, 1 - success), by_level=by_level)


def anchor_to_classifier(model: Any, x: np.ndarray, texts: Sequence[str], y: np.ndarray,
                         classifier: Any, encoder: Any = None) -> Agreement:
    """Shift ``model``'s scale so its training prompts' mean difficulty is the classifier's.

    Records the anchor and the agreement in ``model.meta``. P(success) does not change.
    """
    own = model.difficulty(x, list(texts))
    agreement = measure_agreement(own, classifier_difficulty(texts, classifier, encoder), y)
    model.shift_scale(agreement.shift)
    model.meta["anchor"] = {**model.meta.get("anchor", {}), "by": "local classifier",
                            "mean": agreement.classifier_mean}
    model.meta["difficulty_agreement"] = agreement.to_dict()
    return agreement
