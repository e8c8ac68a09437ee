"""P(model m succeeds on text x): an item-response model over text embeddings.

    irt_m(x)  = a_m * (skill_m - difficulty(x)) + v_m . e(x) + u_m . f(x)
    difficulty(x) = w . e(x) + w_f . f(x) + c
    logit P(m succeeds on x) = (1 - k_w) * irt_m(x) + k_w * knn_m(x)

``difficulty`` is one head shared by every model (what makes a text hard for everyone);
``skill_m`` and the discrimination ``a_m`` are per model; ``v_m`` and ``u_m`` are per-model
corrections (what this model is unusually good or bad at). ``e(x)`` is the text embedding,
``f(x)`` a few standardised text features (``reading.text_features``: length, digits, code
markers, answer options, few-shot blocks). The shared head and the corrections carry L2
penalties, the corrections a heavier one, so with little data every model shrinks toward
its base rate rather than trusting a lucky estimate. ``knn_m(x)`` is the logit of model m's
success rate among the k most similar training prompts, smoothed toward its base rate; it
gets weight ``k_w`` (0.3). The features need 300 training rows and the kNN term 10 * k;
below that (app feedback) the model is the embedding-only form.

Scale anchoring (the product's 1-5 rubric): after fitting, difficulty is shifted and scaled
so that the training prompts have mean difficulty 3 (or the local classifier's mean reading
of them: council.outcomes.anchoring) and one level moves the median model's odds as one level
does in the catalog's adequacy (LEVEL_LOGITS). Skills move onto the same scale, so a model
whose skill is s succeeds about half the time on a text of difficulty s (exactly half where
its correction is zero). See docs/routing.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from council.adequacy import SLOPE
from council.errors import ArtifactError, InvalidInput
from council.outcomes.reading import FEATURES, HEAD_CHARS, TAIL_CHARS, reading_text, text_features

FORMAT = "council-success-model"
FORMAT_VERSION = 3  # 2: text features and kNN; 3: boosted trees (older artifacts: retrain)
ANCHOR_MEAN = 3.0
# The unit: one level of difficulty changes the median model's log-odds of success by as
# much as one level does in the catalog's adequacy (council.adequacy: a probit with slope
# SLOPE per level; 1.702 turns a probit slope into the closest logistic one). Scaling to the
# spread of the training prompts instead (SD 1) made the unit depend on how much the fit
# could tell prompts apart: on a few feedback rows that spread is near 0 and skills came out
# at -15 on a 1-5 scale.
LEVEL_LOGITS = 1.702 * SLOPE
# Text features are read only with at least this many training rows per feature (300 rows):
# on a handful of rows they make the outcomes separable and the discrimination runs away.
ROWS_PER_FEATURE = 50


@dataclass(frozen=True)
class FitConfig:
    components: int = 32  # fit on this many whitened principal components of the embedding
    l2_difficulty: float = 1e-3  # per-cell mean loss + l2 * ||w||^2
    l2_correction: float = 1e-2  # heavier: corrections shrink toward the shared model
    # pulls each log-discrimination toward 0 (a toward 1); on a few separable rows an
    # unpenalised discrimination runs to infinity (the feedback fit sets it)
    l2_discrimination: float = 0.0
    knn_k: int = 20  # neighbours in the kNN term
    knn_weight: float = 0.3  # its share of the logit (0 turns it off)
    knn_prior: float = 2.0  # pseudo-count pulling the neighbours' rate toward the base rate
    trees: bool = True  # per-model boosted trees, blended at a weight chosen on inner folds
    max_iter: int = 100
    seed: int = 0


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


@dataclass
class SuccessModel:
    """A fitted model; ``p_success`` for texts, ``p_from_embeddings`` for cached vectors."""

    models: list[str]
    w: np.ndarray  # (d,) difficulty head, anchored scale
    c: float
    a: np.ndarray  # (M,) discrimination on the anchored scale
    skill: np.ndarray  # (M,) anchored skill
    v: np.ndarray  # (M, d) per-model corrections
    encoder_name: str
    wf: np.ndarray = field(default_factory=lambda: np.zeros(0))  # (F,) features -> difficulty
    vf: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))  # (M, F) corrections
    f_mean: np.ndarray = field(default_factory=lambda: np.zeros(0))  # (F,) standardisation
    f_scale: np.ndarray = field(default_factory=lambda: np.zeros(0))
    knn_x: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))  # (N, d)
    knn_y: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.int8))  # (N, M)
    knn_k: int = 0
    knn_weight: float = 0.0
    knn_prior: float = 2.0
    tree_weight: float = 0.0  # share of the logit from the boosted trees (0: none)
    tree_centre: np.ndarray = field(default_factory=lambda: np.zeros(0))  # (d,)
    tree_proj: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))  # (d, k)
    trees: dict[str, np.ndarray] = field(default_factory=dict)  # flattened, see _fit_trees
    base_rate: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    # Not saved: from the fit's three inner folds (the stacking that chooses tree_weight),
    # each training row's out-of-fold logits, and the three inner models. Corrections of P
    # fitted on these see no row they are applied to (training/match_experiments.py).
    inner_logits: np.ndarray | None = None
    inner_models: list[SuccessModel] = field(default_factory=list)
    _encoder: Any = None
    _embedder: Any = None

    # ---- prediction -------------------------------------------------------------------
    @property
    def uses_text_features(self) -> bool:
        return self.wf.shape[0] > 0

    def _features(self, n: int, texts: Sequence[str] | None) -> np.ndarray:
        if not self.uses_text_features:
            return np.zeros((n, 0))
        if texts is None or len(texts) != n:
            raise InvalidInput("this success model reads text features: pass the texts "
                               "beside their embeddings, one per row")
        return (text_features(texts) - self.f_mean) / self.f_scale

    def difficulty(self, x: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """Difficulty on the 1-5-anchored scale (not clipped) for embeddings ``x``."""
        return x @ self.w + self._features(len(x), texts) @ self.wf + self.c

    def shift_scale(self, delta: float) -> None:
        """Move difficulty and skills by ``delta`` together: the scale's zero point moves,
        every P(success) stays as it was (see council.outcomes.anchoring)."""
        self.c = float(self.c + delta)
        self.skill = self.skill + delta

    def irt_logits(self, x: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        f = self._features(len(x), texts)
        d = x @ self.w + f @ self.wf + self.c
        return self.a[None, :] * (self.skill[None, :] - d[:, None]) + x @ self.v.T + f @ self.vf.T

    def knn_logits(self, x: np.ndarray) -> np.ndarray:
        """Logit of each model's smoothed success rate among the k most similar training rows."""
        return _knn_logits(self.knn_x, self.knn_y, x, self.knn_k, self.knn_prior)

    def logits(self, x: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        logit = self.irt_logits(x, texts)
        if self.knn_weight > 0:
            logit = (1 - self.knn_weight) * logit + self.knn_weight * self.knn_logits(x)
        if self.tree_weight > 0:
            inputs = np.concatenate([(x - self.tree_centre) @ self.tree_proj,
                                     self._features(len(x), texts)], 1)
            logit = (1 - self.tree_weight) * logit + self.tree_weight * _tree_logits(
                self.trees, inputs, len(self.models))
        return logit

    def p_matrix(self, x: np.ndarray, texts: Sequence[str] | None = None) -> np.ndarray:
        """(n, M) success probabilities in ``self.models`` order (``texts``: the raw texts
        behind ``x``, needed when the model reads text features)."""
        return _sigmoid(self.logits(np.asarray(x, dtype=np.float64), texts))

    def _columns(self, models: Sequence[str] | None) -> list[int]:
        if models is None:
            return list(range(len(self.models)))
        index = {m: j for j, m in enumerate(self.models)}
        unknown = [m for m in models if m not in index]
        if unknown:
            raise InvalidInput(f"the success model does not cover {', '.join(unknown)}; "
                               f"it covers {', '.join(self.models)}")
        return [index[m] for m in models]

    def p_from_embeddings(self, x: np.ndarray, models: Sequence[str] | None = None,
                          texts: Sequence[str] | None = None) -> list[dict[str, float]]:
        cols = self._columns(models)
        p = self.p_matrix(x, texts)
        return [{self.models[j]: float(row[j]) for j in cols} for row in p]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts the way training did: with the encoder spec the artifact names and its
        readings (council.outcomes.embedding; ArtifactError for one this code does not know)."""
        if self._encoder is not None:  # a plain encoder set on the model: the window
            return self._encoder.encode([reading_text(t) for t in texts]).astype(np.float64)
        if self._embedder is None:
            from council.outcomes.embedding import PromptEmbedder

            self._embedder = PromptEmbedder(self.encoder_name)
        return self._embedder.embed(texts)

    def p_success(self, texts: Sequence[str],
                  models: Sequence[str] | None = None) -> list[dict[str, float]]:
        """For each text, {model: P(success)} for ``models`` (default: all it covers)."""
        for i, text in enumerate(texts):
            if not isinstance(text, str) or not text.strip():
                raise InvalidInput(f"text {i} is empty")
        return self.p_from_embeddings(self.embed(texts), models, texts)

    # ---- persistence ------------------------------------------------------------------
    def save(self, out_dir: Path) -> None:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        np.savez(out_dir / "weights.npz", w=self.w, c=np.array([self.c]), a=self.a,
                 skill=self.skill, v=self.v, wf=self.wf, vf=self.vf, f_mean=self.f_mean,
                 f_scale=self.f_scale, knn_x=self.knn_x.astype(np.float16),
                 knn_y=self.knn_y.astype(np.int8), tree_weight=np.array([self.tree_weight]),
                 tree_centre=self.tree_centre, tree_proj=self.tree_proj,
                 **{f"tree_{k}": v for k, v in self.trees.items()})
        meta = {"format": FORMAT, "version": FORMAT_VERSION, "models": self.models,
                "encoder": self.encoder_name, "dim": int(self.w.shape[0]),
                "reading": {"head_chars": HEAD_CHARS, "tail_chars": TAIL_CHARS},
                "features": list(FEATURES) if self.uses_text_features else [],
                "knn": {"k": self.knn_k, "weight": self.knn_weight, "prior": self.knn_prior,
                        "rows": int(self.knn_x.shape[0])},
                "base_rate": self.base_rate, **self.meta,
                "skill": {m: float(s) for m, s in zip(self.models, self.skill, strict=True)}}
        (out_dir / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True))

    @classmethod
    def load(cls, model_dir: Path) -> SuccessModel:
        """Load an artifact; anything missing, corrupt or of another version is ArtifactError."""
        model_dir = Path(model_dir)
        meta_path, weights_path = model_dir / "meta.json", model_dir / "weights.npz"
        if not meta_path.exists() or not weights_path.exists():
            raise ArtifactError(f"no success model in {model_dir} (expected meta.json and "
                                "weights.npz; build one with `council route train`)")
        try:
            meta = json.loads(meta_path.read_text())
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ArtifactError(f"{meta_path} is corrupt: {exc}") from exc
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise ArtifactError(f"{meta_path} is not a success-model artifact")
        if meta.get("version") != FORMAT_VERSION:
            raise ArtifactError(f"{meta_path} has version {meta.get('version')}; this code reads "
                                f"version {FORMAT_VERSION}: retrain with `council route train`")
        try:
            with np.load(weights_path, allow_pickle=False) as z:
                arrays = {k: np.asarray(z[k], dtype=np.float64)
                          for k in ("w", "c", "a", "skill", "v", "wf", "vf", "f_mean",
                                    "f_scale")}
                knn_x = np.asarray(z["knn_x"], dtype=np.float32)
                knn_y = np.asarray(z["knn_y"], dtype=np.int8)
                tree_weight = float(np.asarray(z["tree_weight"])[0])
                tree_centre = np.asarray(z["tree_centre"], dtype=np.float64)
                tree_proj = np.asarray(z["tree_proj"], dtype=np.float64)
                trees = {k: np.asarray(z[f"tree_{k}"]) for k in _TREE_KEYS
                         if tree_weight > 0}
            knn = meta["knn"]
            knn_k, knn_weight = int(knn["k"]), float(knn["weight"])
            knn_prior = float(knn["prior"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ArtifactError(f"{weights_path} is corrupt: {exc}") from exc
        models = meta.get("models")
        m, d = len(models or []), int(meta.get("dim", -1))
        nf = arrays["wf"].shape[0] if arrays["wf"].ndim == 1 else -1
        if (not models or arrays["w"].shape != (d,) or arrays["a"].shape != (m,)
                or arrays["skill"].shape != (m,) or arrays["v"].shape != (m, d)
                or arrays["c"].shape != (1,) or nf not in (0, len(FEATURES))
                or arrays["vf"].shape != (m, nf) or arrays["f_mean"].shape != (nf,)
                or arrays["f_scale"].shape != (nf,)
                or (knn_weight > 0 and (knn_x.shape[1:] != (d,) or knn_y.shape
                                        != (knn_x.shape[0], m) or knn_k < 1))
                or not all(np.isfinite(x).all() for x in arrays.values())
                or not np.isfinite(knn_x).all()
                or (tree_weight > 0 and (tree_proj.ndim != 2 or tree_proj.shape[0] != d
                                         or tree_centre.shape != (d,)
                                         or not _trees_consistent(
                                             trees, m, tree_proj.shape[1] + nf)))):
            raise ArtifactError(f"{weights_path} does not match {meta_path} "
                                "(shapes or values are inconsistent)")
        extra = {k: v for k, v in meta.items()
                 if k not in {"format", "version", "models", "encoder", "dim", "reading",
                              "base_rate", "features", "knn", "skill"}}
        return cls(models=list(models), w=arrays["w"], c=float(arrays["c"][0]), a=arrays["a"],
                   skill=arrays["skill"], v=arrays["v"], encoder_name=str(meta.get("encoder")),
                   wf=arrays["wf"], vf=arrays["vf"], f_mean=arrays["f_mean"],
                   f_scale=arrays["f_scale"], knn_x=knn_x, knn_y=knn_y, knn_k=knn_k,
                   knn_weight=knn_weight, knn_prior=knn_prior, tree_weight=tree_weight,
                   tree_centre=tree_centre, tree_proj=tree_proj, trees=trees,
                   base_rate=dict(meta.get("base_rate", {})), meta=extra)


_TREE_KEYS = ("baseline", "roots", "model", "feature", "threshold", "left", "right", "leaf",
              "value")
TREE_LOGIT_CAP = 9.21  # P clipped to [1e-4, 1 - 1e-4]


def _fit_trees(inputs: np.ndarray, y: np.ndarray, seed: int) -> dict[str, np.ndarray]:
    """Per model, boosted trees on (components, features), flattened into plain arrays so
    the artifact loads without pickle: a tree is a root index into shared node arrays."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    parts: dict[str, list[np.ndarray]] = {k: [] for k in _TREE_KEYS}
    offset = 0
    for j in range(y.shape[1]):
        ok = y[:, j] >= 0
        clf = HistGradientBoostingClassifier(
            max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40,
            l2_regularization=1.0, early_stopping=True, random_state=seed)
        clf.fit(inputs[ok], y[ok, j])
        parts["baseline"].append(np.asarray(clf._baseline_prediction, np.float64).reshape(1))
        for (pred,) in clf._predictors:
            nodes = pred.nodes
            parts["roots"].append(np.array([offset]))
            parts["model"].append(np.array([j]))
            parts["feature"].append(nodes["feature_idx"].astype(np.int64))
            parts["threshold"].append(nodes["num_threshold"].astype(np.float64))
            parts["left"].append(nodes["left"].astype(np.int64) + offset)
            parts["right"].append(nodes["right"].astype(np.int64) + offset)
            parts["leaf"].append(nodes["is_leaf"].astype(bool))
            parts["value"].append(nodes["value"].astype(np.float64))
            offset += len(nodes)
    return {k: np.concatenate(v) for k, v in parts.items()}


def _trees_consistent(trees: dict[str, np.ndarray], m: int, n_inputs: int) -> bool:
    try:
        nodes = len(trees["feature"])
        inner = ~trees["leaf"].astype(bool)
        return (trees["baseline"].shape == (m,) and trees["roots"].shape == trees["model"].shape
                and all(len(trees[k]) == nodes for k in ("threshold", "left", "right", "leaf",
                                                          "value"))
                and bool(((trees["model"] >= 0) & (trees["model"] < m)).all())
                and bool(((trees["roots"] >= 0) & (trees["roots"] < nodes)).all())
                and bool(((trees["left"][inner] >= 0) & (trees["left"][inner] < nodes)
                          & (trees["right"][inner] >= 0) & (trees["right"][inner] < nodes)
                          & (trees["feature"][inner] >= 0)
                          & (trees["feature"][inner] < n_inputs)).all())
                and bool(np.isfinite(trees["value"]).all()))
    except (KeyError, IndexError, TypeError):
        return False


def _tree_logits(trees: dict[str, np.ndarray], inputs: np.ndarray, m: int) -> np.ndarray:
    """(n, M) logits: each model's baseline plus the leaf values its trees reach."""
    node = np.broadcast_to(trees["roots"], (len(inputs), len(trees["roots"]))).copy()
    rows = np.arange(len(inputs))[:, None]
    leaf, feature, threshold = trees["leaf"].astype(bool), trees["feature"], trees["threshold"]
    while not leaf[node].all():
        at_leaf = leaf[node]
        go_left = inputs[rows, np.where(at_leaf, 0, feature[node])] <= threshold[node]
        node = np.where(at_leaf, node, np.where(go_left, trees["left"][node],
                                                 trees["right"][node]))
    out = np.tile(trees["baseline"], (len(inputs), 1))
    np.add.at(out.T, trees["model"], trees["value"][node].T)
    return np.clip(out, -TREE_LOGIT_CAP, TREE_LOGIT_CAP)


def _knn_logits(train_x: np.ndarray, train_y: np.ndarray, x: np.ndarray, k: int,
                prior: float) -> np.ndarray:
    """Per model, logit of (successes among the k most cosine-similar training rows +
    prior * base rate) / (observed among them + prior)."""
    train_y = np.asarray(train_y)
    seen_all = train_y >= 0
    rate = np.where(seen_all, train_y, 0).sum(0) / np.maximum(seen_all.sum(0), 1)
    k = min(k, len(train_x))
    sims = np.asarray(x, dtype=np.float32) @ np.asarray(train_x, dtype=np.float32).T
    nearest = np.argpartition(-sims, k - 1, axis=1)[:, :k]
    yk = train_y[nearest]  # (n, k, M)
    seen = yk >= 0
    p = (np.where(seen, yk, 0).sum(1) + prior * rate) / (seen.sum(1) + prior)
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def fit_success_model(x: np.ndarray, y: np.ndarray, models: Sequence[str],
                      encoder_name: str, config: FitConfig | None = None,
                      texts: Sequence[str] | None = None) -> SuccessModel:
    """Fit on embeddings ``x`` (n, d) and outcomes ``y`` (n, M; 1, 0, or -1 for missing).

    With ``texts`` (the raw texts behind ``x``) the model also reads their text features,
    and then needs the texts at prediction time too."""
    import torch

    config = config or FitConfig()
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    n, d = x.shape
    m = y.shape[1]
    if n == 0 or y.shape[0] != n or m != len(models):
        raise InvalidInput("embeddings and outcomes disagree in shape, or there are no rows")
    observed = y >= 0
    rates = np.array([y[observed[:, j], j].mean() for j in range(m)])
    if not ((rates > 0) & (rates < 1)).all():
        raise InvalidInput("every model needs both successes and failures to be learned")

    # Whitened principal components: every direction gets the same penalty, and far fewer
    # parameters per model than raw 384-d vectors (which overfit; see docs/routing.md).
    k = max(1, min(config.components, d, n - 1))
    centre = x.mean(0)
    _, sing, vt = np.linalg.svd(x - centre, full_matrices=False)
    sing = np.maximum(sing[:k], 1e-9)
    proj = vt[:k].T / (sing / np.sqrt(n))  # (d, k): z = (x - centre) @ proj has unit variance
    z = (x - centre) @ proj
    if texts is not None and n >= ROWS_PER_FEATURE * len(FEATURES):
        if len(texts) != n:
            raise InvalidInput("texts and embeddings disagree in length")
        f_raw = text_features(texts)
        f_mean, f_scale = f_raw.mean(0), f_raw.std(0)
        f_scale = np.where(f_scale > 1e-9, f_scale, 1.0)
        fz = (f_raw - f_mean) / f_scale
    else:
        f_mean, f_scale, fz = np.zeros(0), np.zeros(0), np.zeros((n, 0))
    nf = fz.shape[1]
    z = np.concatenate([z, fz], 1)  # features get the same penalties as components

    torch.manual_seed(config.seed)
    xt = torch.tensor(z, dtype=torch.float64)
    yt = torch.tensor(np.where(observed, y, 0), dtype=torch.float64)
    mask = torch.tensor(observed, dtype=torch.float64)
    n_obs = mask.sum()
    w = torch.zeros(k + nf, dtype=torch.float64, requires_grad=True)
    log_a = torch.zeros(m, dtype=torch.float64, requires_grad=True)
    prior = np.log(rates / (1 - rates))
    s = torch.tensor(prior, dtype=torch.float64, requires_grad=True)  # c fixed at 0 in fit
    v = torch.zeros((m, k + nf), dtype=torch.float64, requires_grad=True)
    params = [w, log_a, s, v]
    opt = torch.optim.LBFGS(params, lr=1.0, max_iter=config.max_iter,
                            line_search_fn="strong_wolfe", tolerance_grad=1e-7)

    def loss_fn() -> torch.Tensor:
        theta = xt @ w
        logits = torch.exp(log_a)[None, :] * (s[None, :] - theta[:, None]) + xt @ v.T
        bce = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, yt, weight=mask, reduction="sum") / n_obs
        return (bce + config.l2_difficulty * (w @ w) + config.l2_correction * (v * v).sum()
                + config.l2_discrimination * (log_a @ log_a))

    def closure() -> torch.Tensor:
        opt.zero_grad()
        loss = loss_fn()
        loss.backward()
        return loss

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny problem: one thread beats contention on a shared box
    try:
        opt.step(closure)
    finally:
        torch.set_num_threads(threads)
    final = float(loss_fn().detach())
    if not np.isfinite(final):
        raise ArtifactError("training diverged (non-finite loss)")

    # fold the projection back so the artifact is linear in the raw embedding
    a_np = np.exp(log_a.detach().numpy())
    w_all, v_all = w.detach().numpy(), v.detach().numpy()
    w_np, wf_np = proj @ w_all[:k], w_all[k:]
    c0 = -float(centre @ w_np)
    v_np, vf_np = (proj @ v_all[:, :k].T).T, v_all[:, k:]  # (m, d), (m, F)
    s_np = s.detach().numpy() - (centre @ v_np.T) / a_np  # the corrections' offsets
    theta = x @ w_np + c0 + fz @ wf_np
    mu, sd = float(theta.mean()), float(theta.std())
    scale = LEVEL_LOGITS / float(np.median(a_np))
    use_knn = config.knn_weight > 0 and config.knn_k >= 1 and n >= 10 * config.knn_k
    # difficulty' = ANCHOR_MEAN + (theta - mu) / scale; a(s - theta) = a*scale*(s' - difficulty')
    model = SuccessModel(
        models=list(models), w=w_np / scale, c=ANCHOR_MEAN + (c0 - mu) / scale,
        a=a_np * scale, skill=ANCHOR_MEAN + (s_np - mu) / scale, v=v_np,
        encoder_name=encoder_name, wf=wf_np / scale, vf=vf_np, f_mean=f_mean, f_scale=f_scale,
        knn_x=x.astype(np.float32) if use_knn else np.zeros((0, d), np.float32),
        knn_y=y.astype(np.int8) if use_knn else np.zeros((0, m), np.int8),
        knn_k=config.knn_k if use_knn else 0, knn_weight=config.knn_weight if use_knn else 0.0,
        knn_prior=config.knn_prior,
        base_rate={mm: float(r) for mm, r in zip(models, rates, strict=True)},
        meta={"train_rows": int(n), "train_loss": final,
              "fit": {"components": k, "l2_difficulty": config.l2_difficulty,
                      "l2_correction": config.l2_correction,
                      "l2_discrimination": config.l2_discrimination, "max_iter": config.max_iter,
              "text_features": nf > 0, "knn_k": config.knn_k,
              "knn_weight": config.knn_weight if use_knn else 0.0},
              "anchor": {"mean": ANCHOR_MEAN, "level_logits": LEVEL_LOGITS,
                         "sd": sd / scale}})
    if config.trees and nf > 0 and texts is not None:
        _add_trees(model, x, y, texts, config, centre, proj, fz)
    return model


def _add_trees(model: SuccessModel, x: np.ndarray, y: np.ndarray, texts: Sequence[str],
               config: FitConfig, centre: np.ndarray, proj: np.ndarray,
               fz: np.ndarray) -> None:
    """Boosted trees per model, blended at the weight (0, .25, .5, .75 or 1) that gives the
    least log-loss on three inner folds of the training rows (stacking, no test rows)."""
    from dataclasses import replace

    inner = np.random.default_rng(config.seed + 7).permutation(len(x)) % 3
    base, tree = np.zeros(y.shape), np.zeros(y.shape)
    texts = list(texts)
    for g in range(3):
        i, o = np.flatnonzero(inner != g), np.flatnonzero(inner == g)
        texts_i, texts_o = [texts[k] for k in i], [texts[k] for k in o]
        sub = fit_success_model(x[i], y[i], model.models, model.encoder_name,
                                replace(config, trees=False), texts=texts_i)
        model.inner_models.append(sub)
        base[o] = sub.logits(x[o], texts_o)
        c_i = x[i].mean(0)
        vt = np.linalg.svd(x[i] - c_i, full_matrices=False)[2][:proj.shape[1]]
        # the outer standardisation: trees do not care about it, and an inner fold under
        # the features' minimum of rows has none of its own (it crashed at 300-450 rows)
        f_i = (text_features(texts_i) - model.f_mean) / model.f_scale
        f_o = (text_features(texts_o) - model.f_mean) / model.f_scale
        fitted = _fit_trees(np.concatenate([(x[i] - c_i) @ vt.T, f_i], 1), y[i], config.seed)
        tree[o] = _tree_logits(fitted, np.concatenate([(x[o] - c_i) @ vt.T, f_o], 1),
                               y.shape[1])
    seen = y >= 0

    def log_loss(weight: float) -> float:
        p = np.clip(_sigmoid((1 - weight) * base + weight * tree), 1e-6, 1 - 1e-6)
        return float(-np.mean(np.where(y == 1, np.log(p), np.log(1 - p))[seen]))

    weight = min((0.0, 0.25, 0.5, 0.75, 1.0), key=log_loss)
    model.meta["fit"]["tree_weight"] = weight
    model.inner_logits = (1 - weight) * base + weight * tree
    if weight == 0:
        return
    model.tree_weight, model.tree_centre, model.tree_proj = weight, centre, proj
    model.trees = _fit_trees(np.concatenate([(x - centre) @ proj, fz], 1), y, config.seed)
