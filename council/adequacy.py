"""P(adequate): how likely a model is to do this task well, and where that number came from.

The catalog model (source "catalog"). A model with skill s (its catalog skill for the
category's dimension, on the 1-5 difficulty scale) facing a task of known difficulty d
succeeds with probability Phi(k (s - d)) (a probit link; Phi(1.0 x) is within 0.01 of the
logistic 1 / (1 + exp(-1.7 x)) everywhere). The rubric anchors the scale: at s = d the model
succeeds half the time; with k = 1 one level of skill above the task gives 0.84, two give
0.98, one below gives 0.16.

The council does not know d; it gives d ~ N(mu, sd). Integrating the link over that belief
has a closed form for the probit:

    P = E_d[Phi(k (s - d))] = Phi((s - mu) / sqrt(1/k^2 + sd^2))

so an uncertain difficulty pulls every probability toward 1/2: a strong model is less sure
to clear the bar, a weak one less sure to fail. The category is uncertain too, and different
categories use different skills, so P is also averaged over the council's category
distribution (categories below MIN_CATEGORY_P are dropped and the rest renormalised); when
the description's words describe an agent loop, agentic weighs at least half
(``council.task_mix``), so a coding agent is judged on both its agentic and its coding skill.
That mix is read once per answer by the caller (``council.api``) and passed in.

Calibration: k = 1 is a stated prior, not yet fitted: it follows the rubric's anchor (skill n
succeeds about half the time at level n) and the rule of thumb that a model one level
stronger than the task usually (~5 in 6) does it well. The bars (draft 0.6, standard 0.75,
production 0.9) then ask for a skill margin of about 0.25, 0.67 and 1.28 levels over the
difficulty when sd = 0, more when the difficulty is uncertain.

Checked against outcomes: the success model fitted on the shared RouterBench outcomes (11
models; `council route train`, artifact of 10:56 on 2026-11-23) has logistic discriminations
a_m with median 0.73 (range 0.05-1.02) on its anchored scale, i.e. probit k ~ 0.43: flatter
than this prior. The scales are not the same (its difficulty is anchored to sd 1 over
benchmark prompts, and its per-model corrections carry part of the variance), so k is kept;
refitting k on the team's own feedback is an open item. Where a trained outcome model
covers a model, its calibrated P(success) replaces this one (source "outcomes").

Estimated skills. A skill with no public measurement behind it (``QualityScore.estimated``,
see council.catalog.evidence) is uncertain itself: its sd, ESTIMATE_SD, adds to the
denominator as the difficulty's does, so an estimated level pulls P toward 1/2, and the
source reads "catalog-estimate". ESTIMATE_SD is measured: the RMS gap between the curator's
estimates and the evidence-derived levels of the same model-skills
(training/reports/evidence_link.md). An estimate that carries its own measured error
(``QualityScore.sd``: an AA Intelligence Index estimate's leave-one-model-out RMS error,
council.catalog.index_estimate) adds that sd instead.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from council.assessment import Assessment
from council.categories import skill_for

if TYPE_CHECKING:
    from council.catalog.schema import ModelEntry

SLOPE = 1.0  # k: probit slope per difficulty level
DIFFICULTY_MID = 3.0  # a skill in range, to check a difficulty through p_adequate
MIN_CATEGORY_P = 0.05
CATALOG = "catalog"
CATALOG_ESTIMATE = "catalog-estimate"  # the deciding skill has no public measurement
ESTIMATE_SD = 1.03  # levels: RMS of estimate - measured over 447 model-skills (evidence_link.md)


def phi(x: float) -> float:
    """Standard normal CDF."""
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def p_adequate(skill: float, difficulty: float, difficulty_sd: float,
               slope: float = SLOPE, skill_sd: float = 0.0) -> float:
    """P(success) with difficulty ~ N(difficulty, sd) (and skill ~ N(skill, skill_sd))
    integrated out (see module docstring)."""
    if not all(math.isfinite(v) for v in (skill, difficulty, difficulty_sd, slope, skill_sd)):
        raise ValueError("skill, difficulty, sd and slope must be finite")
    if slope <= 0 or difficulty_sd < 0 or skill_sd < 0:
        raise ValueError("slope must be > 0 and sd >= 0")
    scale = math.sqrt(1.0 / slope**2 + difficulty_sd**2 + skill_sd**2)
    return phi((skill - difficulty) / scale)


def category_weights(category_p: Mapping[str, float], top: str) -> dict[str, float]:
    """The council's categories worth averaging over, renormalised (the top one at least)."""
    kept = {c: p for c, p in category_p.items() if p >= MIN_CATEGORY_P}
    if not kept:
        kept = {top: 1.0}
    total = sum(kept.values())
    return {c: p / total for c, p in kept.items()}


@dataclass(frozen=True)
class Adequacy:
    """P(adequate) for one model on one task, and the source it came from."""

    p: float
    source: str  # CATALOG, CATALOG_ESTIMATE or the outcome source's name ("outcomes")


@runtime_checkable
class AdequacySource(Protocol):
    """Supplies P(adequate) for the models it covers; absent models fall back to the catalog.

    ``prior`` is the catalog's P(adequate) under the council's reading of the task, which a
    source fitted on few outcomes shrinks its answer toward (``council.outcomes.feedback``).
    """

    def p_success(self, description: str, model_ids: Sequence[str], *,
                  prior: Mapping[str, float] | None = None) -> dict[str, float]: ...


class CatalogAdequacy:
    """P(adequate) from catalog skills against the council's assessment."""

    source = CATALOG

    def __init__(self, assessment: Assessment, models: Mapping[str, ModelEntry]) -> None:
        self.assessment = assessment
        self.models = models
        self.weights = category_weights(assessment.category_p, assessment.category)
        # What p_adequate works out per call that does not depend on the model, once per task
        # (a recommendation asks for every catalog model): each category's skill, and the
        # probit's scale for a measured and for an estimated skill.
        d, sd = assessment.difficulty, assessment.difficulty_sd
        p_adequate(DIFFICULTY_MID, d, sd)  # raises on a bad difficulty or sd, once per task
        self._terms = [(skill_for(c), w) for c, w in self.weights.items()]
        self._scale = {False: math.sqrt(1.0 / SLOPE**2 + sd**2 + 0.0**2),
                       True: math.sqrt(1.0 / SLOPE**2 + sd**2 + ESTIMATE_SD**2)}
        self._own_scale: dict[float, float] = {}  # an estimate's own sd -> its scale
        self._top_skill = skill_for(max(self.weights, key=self.weights.__getitem__))

    def p_for(self, model: ModelEntry) -> float:
        """The weighted sum of p_adequate over the categories, term for term the same floats
        (the same scale expression and phi, summed in the weights' order)."""
        d = self.assessment.difficulty
        total = 0
        for skill, w in self._terms:
            score = model.quality.get(skill)
            if score is None:
                model.skill(skill)  # raises: the model lacks the skill, in words
            total += w * phi((score.skill - d) / self._scale_of(score))
        return total

    def _scale_of(self, score: object) -> float:
        """The probit's scale for one level: measured, estimated, or an estimate with its own sd."""
        if not getattr(score, "estimated", False):
            return self._scale[False]
        own = getattr(score, "sd", None)
        if own is None:
            return self._scale[True]
        if own not in self._own_scale:
            d_sd = self.assessment.difficulty_sd
            self._own_scale[own] = math.sqrt(1.0 / SLOPE**2 + d_sd**2 + own**2)
        return self._own_scale[own]

    def source_for(self, model: ModelEntry) -> str:
        """CATALOG_ESTIMATE when the skill of the heaviest category is not measured."""
        return CATALOG_ESTIMATE if is_estimated(model, self._top_skill) else CATALOG

    def p_success(self, description: str, model_ids: Sequence[str], *,
                  prior: Mapping[str, float] | None = None) -> dict[str, float]:
        return {m: self.p_for(self.models[m]) for m in model_ids if m in self.models}


def is_estimated(model: object, skill: str) -> bool:
    """Whether a model's level in a skill is a curator estimate (no public measurement)."""
    quality = getattr(model, "quality", None)
    score = quality.get(skill) if isinstance(quality, Mapping) else None
    return bool(getattr(score, "estimated", False))


def adequacies(description: str, models: Mapping[str, ModelEntry], assessment: Assessment,
               outcome_source: AdequacySource | None = None, *,
               mix: Mapping[str, float] | None = None) -> dict[str, Adequacy]:
    """model id -> Adequacy: outcome data where it covers, else the catalog.

    The catalog's answer under the council's assessment is also the prior the outcome source
    shrinks toward, so the council's reading is the one reading of the task. ``mix``: the
    categories the task is judged as (``council.task_mix.read_task``: agentic at least half
    when the words describe an agent loop); None takes the council's distribution as it is.
    The words are not read here: the answer reads them once and passes the mix.
    """
    judged = assessment if mix is None else dataclasses.replace(assessment,
                                                                category_p=dict(mix))
    catalog = CatalogAdequacy(judged, models)
    prior = {model_id: catalog.p_for(model) for model_id, model in models.items()}
    result = {model_id: Adequacy(p, catalog.source_for(models[model_id]))
              for model_id, p in prior.items()}
    if outcome_source is not None:
        name = str(getattr(outcome_source, "source", "outcomes"))
        answers = outcome_source.p_success(description, list(models), prior=prior)
        for model_id, p in answers.items():
            if model_id in models:
                if not (isinstance(p, int | float) and 0.0 <= p <= 1.0):
                    raise ValueError(f"{name} gave P={p!r} for {model_id}; must be in [0, 1]")
                result[model_id] = Adequacy(float(p), name)
    return result
