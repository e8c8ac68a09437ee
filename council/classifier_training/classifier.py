"""Fit the local classifier from the labelled corpus, evaluate it, and write the artifact.

Both heads are multinomial logistic regressions on the MiniLM embedding (plus the features
in FEATURES). The regularisation strength is chosen and a softmax temperature fitted on
out-of-fold predictions of a seeded 5-fold split of the train split, so the shipped
probabilities are calibrated on data the model did not see. Difficulty is a 5-level
distribution: its expected value is the difficulty and its spread the sd.
The artifact is fitted on the train split only, so the test-split figures describe exactly
the model that ships.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from council.assess.classifier import (
    KNN_WEIGHT,
    PROTOTYPE_TEMPERATURE,
    PROTOTYPE_VOTE,
    ClassifierParams,
    LocalClassifier,
    category_inputs,
    difficulty_vectors,
    embed_texts,
    knn_blend,
    prepare_text,
    save_artifact,
    save_report,
    shared_inputs,
    softmax,
)
from council.assess.difficulty_knn import KNN_WEIGHT as DIFFICULTY_KNN_WEIGHT
from council.assess.difficulty_text import TASK_SENTENCES, difficulty_texts
from council.assess.prototypes import (
    categories_of,
    prototype_similarity,
    prototype_texts,
    prototype_vote,
)
from council.assess.second_reading import SECOND_READING_SHARE, SECOND_WINDOW, mix
from council.assess.tuned_encoder import TunedLayers
from council.categories import CATEGORY_KEYS
from council.classifier_training.category_rows import (
    REAL_SOURCE_WEIGHT,
    CategoryRows,
    category_rows,
)
from council.classifier_training.corpus import (
    TEAM_SOURCE,
    Example,
    corpus_hash,
    default_data_dir,
    load_corpus,
)
from council.classifier_training.evaluation import (
    confusion,
    difficulty_metrics,
    f1_by_label,
    macro_f1,
    reliability,
    truth_as_accepted,
)
from council.classifier_training.finetune import FINETUNE, FineTune, fine_tune, finetune_record
from council.classifier_training.outcome_difficulty import (
    OUTCOME_SHARE,
    OutcomeLevels,
    anchored_levels,
    level_rows,
)
from council.errors import InvalidInput

# Chosen by training/classifier_ablation.py: length lowers CV difficulty MAE (0.541 -> 0.449
# on 1,442 train rows); the code marker changed nothing, so it is left out. beyond_window (how
# far a text runs past what the encoder reads) by bench/categories.py: with QMSum's long
# meetings in the corpus it lifts LEval, never trained on, from 0.25 to 0.68 accuracy.
FEATURES: tuple[str, ...] = ("log_length", "beyond_window")
# The category head's own features, beside FEATURES (the difficulty head does not read them).
# Chosen on real prompts with the source held out (bench/categories.py, docs/classifier.md):
# the share of code-like lines (council.assess.surface) and the cosine to each category's
# written descriptions (council.assess.prototypes), times PROTOTYPE_SCALE.
CATEGORY_FEATURES: tuple[str, ...] = ("code_share",)
# What the difficulty head reads (ClassifierParams.difficulty_reads): the text without its
# workload-only sentences (council.assess.difficulty_text), at training as at reading: rubric
# rows, test rows and outcome prompts alike (docs/classifier.md, "Difficulty and workload
# sentences").
DIFFICULTY_READS = TASK_SENTENCES
PROTOTYPE_SCALE = 0.5
C_GRID: tuple[float, ...] = (1.0, 4.0, 16.0)
FOLDS = 5
# The category head's C, chosen on real prompts with the source held out (bench/categories.py):
# out-of-fold log-loss on the corpus favours a C that fits the team's style, not real text.
CATEGORY_C = 4.0
# On ~6,000 weighted rows a tolerance of 1e-6 took several times longer for no change in the
# top-2 predictions of the real-text bench.
CATEGORY_TOL = 1e-4


def fit_category(x: np.ndarray, rows: CategoryRows, c: float = CATEGORY_C) -> Any:
    """The category head on features `x` (one row per example) and its weighted label rows."""
    return _fit(x[rows.origin], rows.y, c, rows.weight, tol=CATEGORY_TOL)
# Share of in-domain training tasks allowed to fall under the out-of-domain threshold.
OOD_QUANTILE = 0.02
# Ambiguity: flag predictions whose top probability is in a band where out-of-fold
# accuracy falls below this.
AMBIGUOUS_ACCURACY = 0.5
PROBES: dict[str, str] = {
    "emoji": "🙂🔥🚀🎉🙂🔥🚀🎉",
    "binary junk": "\x00\x13\x7f\x02\x1b\x05\x0e\x11" * 40,
    "random letters": "qzxv jkwp lrtm bnvc xqzp wklj",
    "German request": "Bitte übersetze diesen Absatz ins Englische und behalte den Ton bei.",
    "Japanese request": "この文章を英語に翻訳してください。",
    "single word": "hello",
}


@dataclass
class TrainingResult:
    params: ClassifierParams
    metadata: dict[str, Any]
    report: dict[str, Any] = field(default_factory=dict)


def _features(embeddings: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    return shared_inputs(embeddings, texts, FEATURES)


def difficulty_features(encoder: Any, texts: Sequence[str],
                        embeddings: np.ndarray | None = None,
                        reads: str = DIFFICULTY_READS) -> tuple[np.ndarray, np.ndarray]:
    """(the difficulty head's features of each text, the vectors in them): `embeddings`, the
    whole texts' vectors where already computed, with only the rows whose difficulty text
    differs encoded again."""
    read = difficulty_texts(texts, reads)
    vectors = embed_texts(encoder, read) if embeddings is None else \
        difficulty_vectors(encoder, texts, read, embeddings)
    return _features(vectors, read), vectors


def _fit(x: np.ndarray, y: np.ndarray, c: float, weight: np.ndarray | None = None,
         tol: float = 1e-6) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000, tol=tol)
    return model.fit(x, y, sample_weight=weight)


def _nll(logits: np.ndarray, y_index: np.ndarray, temperature: float) -> float:
    p = softmax(logits, temperature)
    return float(-np.log(np.clip(p[np.arange(len(y_index)), y_index], 1e-12, None)).mean())


def _fit_temperature(logits: np.ndarray, y_index: np.ndarray) -> float:
    from scipy.optimize import minimize_scalar

    result = minimize_scalar(lambda t: _nll(logits, y_index, float(np.exp(t))),
                             bounds=(np.log(0.05), np.log(20.0)), method="bounded",
                             options={"xatol": 1e-6})
    return float(round(np.exp(result.x), 6))


def _fit_set_temperature(logits: np.ndarray, accepted: np.ndarray) -> float:
    """Temperature minimising -log P(an accepted category) (a row may accept several)."""
    from scipy.optimize import minimize_scalar

    def loss(t: float) -> float:
        p = (softmax(logits, float(np.exp(t))) * accepted).sum(axis=1)
        return float(-np.log(np.clip(p, 1e-12, None)).mean())

    result = minimize_scalar(loss, bounds=(np.log(0.05), np.log(20.0)), method="bounded",
                             options={"xatol": 1e-6})
    return float(round(np.exp(result.x), 6))


def _out_of_fold(x: np.ndarray, y: np.ndarray, classes: list[Any], folds: list[tuple],
                 c: float) -> np.ndarray:
    """Out-of-fold logits over `classes` (a class missing from a fold's train gets -inf)."""
    logits = np.full((len(y), len(classes)), -np.inf)
    for train_idx, held_idx in folds:
        model = _fit(x[train_idx], y[train_idx], c)
        cols = [classes.index(k) for k in model.classes_]
        logits[np.ix_(held_idx, cols)] = model.decision_function(x[held_idx]) \
            if len(model.classes_) > 2 else _binary_logits(model, x[held_idx])
    return logits


def _binary_logits(model: Any, x: np.ndarray) -> np.ndarray:
    score = model.decision_function(x)
    return np.column_stack([-score / 2, score / 2])


def _choose_head(x: np.ndarray, y: np.ndarray, folds: list[tuple]) -> dict[str, Any]:
    """Pick C by out-of-fold log-loss after temperature scaling; return the winner's OOF."""
    classes = sorted(set(y.tolist()))
    y_index = np.array([classes.index(v) for v in y])
    best: dict[str, Any] | None = None
    grid = []
    for c in C_GRID:
        logits = _out_of_fold(x, y, classes, folds, c)
        logits = np.where(np.isfinite(logits), logits, -1e9)
        temperature = _fit_temperature(logits, y_index)
        loss = _nll(logits, y_index, temperature)
        grid.append({"C": c, "temperature": temperature, "oof_log_loss": round(loss, 5)})
        if best is None or loss < best["loss"]:
            best = {"C": c, "temperature": temperature, "loss": loss, "logits": logits}
    assert best is not None
    best["classes"] = classes
    best["grid"] = grid
    best["oof_p"] = softmax(best["logits"], best["temperature"])
    return best


def fit_difficulty(x: np.ndarray, y: np.ndarray, c: float, outcome_x: np.ndarray | None = None,
                   outcome_levels: np.ndarray | None = None,
                   share: float = OUTCOME_SHARE) -> Any:
    """The 5-level difficulty head on rubric rows, plus outcome prompts where given
    (council.classifier_training.outcome_difficulty: failure share on the rubric scale)."""
    if outcome_x is None or outcome_levels is None or not len(outcome_x):
        return _fit(x, y, c)
    extra = level_rows(outcome_levels, len(y), share)
    return _fit(np.vstack([x, outcome_x[extra.origin]]), np.concatenate([y, extra.y]), c,
                np.concatenate([np.ones(len(y)), extra.weight]))


def _category_folds(train: Sequence[Example], folds_n: int, seed: int) -> np.ndarray:
    """Fold of each train row: the team's rows stratified by category, each copied source
    whole in one fold, so the temperature and the ambiguity cut are fitted on predictions
    for sources the fold's model never saw (as real use is)."""
    from sklearn.model_selection import StratifiedKFold

    fold_of = np.zeros(len(train), dtype=int)
    team = np.array([i for i, e in enumerate(train) if e.source == TEAM_SOURCE])
    splitter = StratifiedKFold(n_splits=folds_n, shuffle=True, random_state=seed)
    for k, (_, held) in enumerate(splitter.split(team, [train[i].category for i in team])):
        fold_of[team[held]] = k
    sources = sorted({e.source for e in train} - {TEAM_SOURCE})
    sizes = np.zeros(folds_n)
    for src in sorted(sources, key=lambda s: -sum(1 for e in train if e.source == s)):
        members = [i for i, e in enumerate(train) if e.source == src]
        k = int(sizes.argmin())
        fold_of[members] = k
        sizes[k] += len(members)
    return fold_of


def label_matrix(rows: CategoryRows, n: int, classes: Sequence[str]) -> np.ndarray:
    """Examples x classes: each example's labels (its category rows' weights), rows sum to 1."""
    out = np.zeros((n, len(classes)))
    np.add.at(out, (rows.origin, np.searchsorted(np.asarray(classes), rows.y)), rows.weight)
    return out / np.clip(out.sum(axis=1, keepdims=True), 1e-12, None)


def _category_head(x: np.ndarray, train: Sequence[Example], rows: CategoryRows,
                   fold_of: np.ndarray, folds_n: int, unit: np.ndarray,
                   prototypes: np.ndarray, owners: Sequence[str]) -> dict[str, Any]:
    """Out-of-fold category probabilities at CATEGORY_C blended with the prototype vote and
    the out-of-fold kNN vote as at prediction: a temperature for the regression, then one
    for the blend. `unit`: the rows' unit embeddings."""
    classes = sorted(set(rows.y.tolist()))
    logits = np.full((len(train), len(classes)), -1e9)
    labels = label_matrix(rows, len(train), classes)
    for k in range(folds_n):
        held = np.flatnonzero(fold_of == k)
        keep = np.flatnonzero(fold_of != k)
        sub = category_rows([train[i] for i in keep])
        model = fit_category(x[keep], sub)
        cols = [classes.index(c) for c in model.classes_]
        logits[np.ix_(held, cols)] = model.decision_function(x[held])
    vote = np.zeros_like(logits)
    for k in range(folds_n):
        held = np.flatnonzero(fold_of == k)
        keep = np.flatnonzero(fold_of != k)
        vote[held] = knn_blend(vote[held], unit[held] @ unit[keep].T, labels[keep], weight=1.0)
    accepted = np.array([[c in e.accepted for c in classes] for e in train])
    temperature = _fit_set_temperature(logits, accepted)
    head = softmax(logits, temperature)
    if len(prototypes):
        head = (1 - PROTOTYPE_VOTE) * head + PROTOTYPE_VOTE * prototype_vote(
            prototype_similarity(unit, prototypes, owners), categories_of(owners), classes,
            PROTOTYPE_TEMPERATURE)
    blend = np.log(np.clip((1 - KNN_WEIGHT) * head + KNN_WEIGHT * vote, 1e-12, None))
    blend_temperature = _fit_set_temperature(blend, accepted)
    return {"classes": classes, "temperature": temperature,
            "blend_temperature": blend_temperature,
            "oof_p": softmax(blend, blend_temperature)}


def _ambiguity_threshold(top_p: np.ndarray, correct: np.ndarray) -> float:
    """Largest top-probability cut under which out-of-fold accuracy is below 50%."""
    chosen = 0.0
    for cut in np.arange(0.2, 0.65, 0.05):
        mask = top_p < cut
        if mask.sum() >= 5 and correct[mask].mean() < AMBIGUOUS_ACCURACY:
            chosen = float(round(cut, 2))
    return chosen


def _ood_threshold(reference: np.ndarray) -> tuple[float, np.ndarray]:
    """Nearest-other-neighbour similarity of each training task; its low quantile."""
    sims = reference @ reference.T
    np.fill_diagonal(sims, -1.0)
    nearest = sims.max(axis=1)
    return float(round(np.quantile(nearest, OOD_QUANTILE), 4)), nearest


def train_classifier(examples: Sequence[Example], encoder: Any, seed: int = 0,
                     progress: bool = False,
                     outcomes: OutcomeLevels | None = None,
                     second_encoder: Any = None,
                     finetune: FineTune | None = None) -> TrainingResult:
    """Fit both heads on the train split, evaluate on CV folds and the test split. With
    `second_encoder`, also the second category reading (council.assess.second_reading).
    With `finetune` (and MiniLM as `encoder`), MiniLM's top layers are first fine-tuned on
    the train split and the tuned encoder serves the whole first reading: category,
    difficulty, out-of-domain (council.classifier_training.finetune)."""
    from threadpoolctl import threadpool_limits

    # One BLAS thread: these matrices are small, and on a busy 2-core machine OpenBLAS
    # threads spin against each other (measured 20x slower); it also keeps sums in one order.
    with threadpool_limits(limits=1, user_api="blas"):
        return _train(examples, encoder, seed, progress, outcomes, second_encoder, finetune)


def _second_reading(second_encoder: Any, examples: Sequence[Example], train: Sequence[Example],
                    train_rows: np.ndarray, rows: CategoryRows, fold_of: np.ndarray,
                    folds_n: int, first_oof: np.ndarray, classes: list[str],
                    proto_texts: Sequence[str], proto_owners: Sequence[str],
                    embeddings: np.ndarray | None = None) -> dict[str, Any]:
    """The second reading's head, fitted like the first on the other encoder's vectors, and the
    cut: the SECOND_READING_SHARE quantile of the first reading's out-of-fold top
    probabilities. Returns the ClassifierParams fields, the encoder's vectors of every
    example, and the out-of-fold two-step distribution (for the report)."""
    texts = [e.text for e in examples]
    if embeddings is None:
        embeddings = embed_texts(second_encoder, texts, window=SECOND_WINDOW)
    prototypes = np.asarray(second_encoder.encode(proto_texts), dtype=np.float32)
    x_cat = category_inputs(_features(embeddings, texts), texts, CATEGORY_FEATURES,
                            prototype_similarity(embeddings, prototypes, proto_owners),
                            PROTOTYPE_SCALE)[train_rows]
    unit = embeddings[train_rows].astype(np.float64)
    head = _category_head(x_cat, train, rows, fold_of, folds_n, unit, prototypes, proto_owners)
    model = fit_category(x_cat, rows)
    if head["classes"] != classes or [str(c) for c in model.classes_] != classes:
        raise InvalidInput("the second reading's head learned other categories than the first")
    cut = float(round(np.quantile(first_oof.max(axis=1), SECOND_READING_SHARE), 6))
    again = first_oof.max(axis=1) < cut
    two_step = np.where(again[:, None], mix(first_oof, head["oof_p"]), first_oof)
    fields = {"second_encoder": str(getattr(second_encoder, "name", "unknown")),
              "second_cut": cut,
              "second_category_temperature": head["temperature"],
              "second_blend_temperature": head["blend_temperature"],
              "second_category_coef": model.coef_.astype(np.float64),
              "second_category_intercept": model.intercept_.astype(np.float64),
              "second_reference": unit.astype(np.float32),
              "second_prototypes": prototypes}
    return {"fields": fields, "embeddings": embeddings, "oof_p": two_step,
            "oof_share": float(again.mean()), "second_oof_p": head["oof_p"]}


@dataclass(frozen=True)
class TunedReading:
    """What fine-tuning gives the first reading: the tuned encoder (through the given
    encoder's disk cache if it has one), every text's tuned vector, and the tuned layers."""

    encoder: Any
    vectors: np.ndarray
    layers: TunedLayers


def tuned_first_reading(encoder: Any, texts: Sequence[str], train_rows: np.ndarray,
                        train: Sequence[Example], recipe: FineTune) -> TunedReading:
    """MiniLM's lower layers run once over `texts`, the top layers are fitted on the train
    rows' states, and the same states give every text's tuned vector."""
    from council.assess.encoder import CachedEncoder
    from council.assess.tuned_encoder import lower_states, tuned_encoder

    states = lower_states([prepare_text(t) for t in texts])
    layers = fine_tune([states[i] for i in train_rows], train, recipe)
    tuned = tuned_encoder(layers)
    vectors = tuned.from_states(states)
    if isinstance(encoder, CachedEncoder):
        return TunedReading(CachedEncoder(tuned, encoder.cache_dir.parent), vectors, layers)
    return TunedReading(tuned, vectors, layers)


def _train(examples: Sequence[Example], encoder: Any, seed: int,
           progress: bool, outcomes: OutcomeLevels | None = None,
           second_encoder: Any = None, finetune: FineTune | None = None) -> TrainingResult:
    from sklearn.model_selection import StratifiedKFold

    started = time.perf_counter()
    train = [e for e in examples if e.split == "train"]
    test = [e for e in examples if e.split == "test"]
    if len(train) < 2 * FOLDS:
        raise InvalidInput(f"need at least {2 * FOLDS} training rows, found {len(train)}")
    cat_counts = {c: sum(1 for e in train if e.category == c) for c in CATEGORY_KEYS}
    present = {c: n for c, n in cat_counts.items() if n}
    folds_n = min(FOLDS, min(present.values()))
    if folds_n < 2:
        starved = [c for c, n in present.items() if n < 2]
        raise InvalidInput(f"categories with fewer than 2 training rows: {', '.join(starved)}")

    texts = [e.text for e in examples]
    # The second encoder reads the corpus in the background while the first reads and its
    # heads are fitted: on two cores `council init` overlaps the two instead of adding them.
    second_vectors = None
    if second_encoder is not None:
        from concurrent.futures import ThreadPoolExecutor

        background = ThreadPoolExecutor(1)
        second_vectors = background.submit(embed_texts, second_encoder, texts,
                                           window=SECOND_WINDOW)
        background.shutdown(wait=False)
    index = {id(e): i for i, e in enumerate(examples)}
    train_rows = np.array([index[id(e)] for e in train])
    test_rows = np.array([index[id(e)] for e in test], dtype=int)
    tuned: dict[str, Any] = {}
    finetune_seconds = 0.0
    if finetune is not None:
        tuning = time.perf_counter()
        reading = tuned_first_reading(encoder, texts, train_rows, train, finetune)
        encoder, embeddings, layers = reading.encoder, reading.vectors, reading.layers
        finetune_seconds = round(time.perf_counter() - tuning, 1)
        tuned = {"tuned_layers": layers.flat, "tuned_names": list(layers.names),
                 "tuned_shapes": [list(shape) for shape in layers.shapes]}
    elif progress:
        embeddings = np.asarray(encoder.encode([prepare_text(t) for t in texts],
                                               batch_size=64, progress=True), dtype=np.float32)
    else:
        embeddings = embed_texts(encoder, texts)
    x_all = _features(embeddings, texts)
    # the difficulty head's rows: the texts without their workload-only sentences
    x_dif_all, dif_vectors = difficulty_features(encoder, texts, embeddings)
    x = x_dif_all[train_rows]
    proto_texts, proto_owners = prototype_texts()
    prototypes = np.asarray(encoder.encode(proto_texts), dtype=np.float32)
    x_cat = category_inputs(x_all, texts, CATEGORY_FEATURES, prototype_similarity(
        embeddings, prototypes, proto_owners), PROTOTYPE_SCALE)[train_rows]
    y_cat = np.array([e.category for e in train])
    rated = np.array([e.difficulty is not None for e in train])
    if rated.sum() < 2 * FOLDS:
        raise InvalidInput(f"need at least {2 * FOLDS} rows with a difficulty, "
                           f"found {int(rated.sum())}")
    y_dif = np.array([e.difficulty for e in train if e.difficulty is not None])

    rows = category_rows(train)
    fold_of = _category_folds(train, folds_n, seed)
    cat_head = _category_head(x_cat, train, rows, fold_of, folds_n,
                              embeddings[train_rows].astype(np.float64), prototypes,
                              proto_owners)
    splitter = StratifiedKFold(n_splits=folds_n, shuffle=True, random_state=seed)
    x_rated = x[rated]
    folds = list(splitter.split(x_rated, y_cat[rated]))
    dif_head = _choose_head(x_rated, y_dif, folds)

    cat_model = fit_category(x_cat, rows)
    outcome_x = None
    if outcomes is not None and len(outcomes):
        outcome_x, _ = difficulty_features(encoder, outcomes.texts)
    outcome_levels = None
    knn: dict[str, Any] = {}
    if outcome_x is not None and outcomes is not None:
        rubric_only = _fit(x_rated, y_dif, dif_head["C"])
        reading = softmax(rubric_only.decision_function(outcome_x), dif_head["temperature"]) \
            @ rubric_only.classes_.astype(np.float64)
        outcome_levels = anchored_levels(outcomes.levels, outcomes.files, reading)
        # The outcome prompts themselves, for the kNN vote (council.assess.difficulty_knn).
        knn = {"difficulty_reference": outcome_x[:, :embeddings.shape[1]].astype(np.float32),
               "difficulty_reference_levels": outcome_levels,
               "difficulty_knn_weight": DIFFICULTY_KNN_WEIGHT}
    dif_model = fit_difficulty(x_rated, y_dif, dif_head["C"], outcome_x, outcome_levels)
    if len(cat_model.classes_) < 3 or len(dif_model.classes_) < 3:
        raise InvalidInput("need at least 3 categories and 3 difficulty levels to train")

    reference = embeddings[train_rows].astype(np.float32)
    ood, nearest = _ood_threshold(reference.astype(np.float64))
    oof_cat_p = cat_head["oof_p"]
    oof_pred = [cat_head["classes"][i] for i in oof_cat_p.argmax(axis=1)]
    oof_correct = np.array([p in e.accepted for p, e in zip(oof_pred, train, strict=True)])
    ambiguity = _ambiguity_threshold(oof_cat_p.max(axis=1), oof_correct)
    classes = [str(c) for c in cat_model.classes_]
    prior = np.array([rows.weight[rows.y == c].sum() for c in classes], dtype=np.float64)
    levels = [int(v) for v in dif_model.classes_]
    second: dict[str, Any] = {"fields": {}}
    if second_encoder is not None:
        second = _second_reading(second_encoder, examples, train, train_rows, rows, fold_of,
                                 folds_n, oof_cat_p, cat_head["classes"], proto_texts,
                                 proto_owners, second_vectors.result() if second_vectors
                                 else None)
    params = ClassifierParams(
        category_classes=classes,
        category_coef=cat_model.coef_.astype(np.float64),
        category_intercept=cat_model.intercept_.astype(np.float64),
        category_temperature=cat_head["temperature"],
        blend_temperature=cat_head["blend_temperature"],
        difficulty_levels=levels,
        difficulty_coef=dif_model.coef_.astype(np.float64),
        difficulty_intercept=dif_model.intercept_.astype(np.float64),
        difficulty_temperature=dif_head["temperature"],
        reference=reference,
        reference_labels=label_matrix(rows, len(train), classes),
        category_prior=prior / prior.sum(),
        difficulty_prior_sd=float(round(y_dif.std(), 6)),
        ood_threshold=ood,
        ambiguity_threshold=ambiguity,
        features=list(FEATURES),
        category_features=list(CATEGORY_FEATURES),
        prototypes=prototypes,
        prototype_owners=proto_owners,
        prototype_scale=PROTOTYPE_SCALE,
        **knn,
        **second["fields"],
        **tuned,
        difficulty_reads=DIFFICULTY_READS,
    )
    model = LocalClassifier(params, {"encoder": getattr(encoder, "name", "")}, encoder,
                            second_encoder)

    # Cross-validated figures (out-of-fold on the train split).
    oof_dif_p = dif_head["oof_p"]
    lv = np.array(dif_head["classes"], dtype=np.float64)
    oof_mean = oof_dif_p @ lv
    oof_sd = np.sqrt(np.maximum(oof_dif_p @ lv**2 - oof_mean**2, 0))
    cv_ece, _ = reliability(oof_cat_p.max(axis=1), oof_correct)
    oof_accepted = truth_as_accepted(oof_pred, [e.accepted for e in train], list(y_cat))
    accepted_f1 = f1_by_label(oof_accepted, oof_pred, CATEGORY_KEYS)
    report: dict[str, Any] = {
        "data": {"train": len(train), "test": len(test), "folds": folds_n,
                 "rated_train": int(rated.sum()),
                 "per_source_train": {src: sum(1 for e in train if e.source == src)
                                      for src in sorted({e.source for e in train})},
                 "per_category_train": cat_counts,
                 "per_category_test": {c: sum(1 for e in test if e.category == c)
                                       for c in CATEGORY_KEYS},
                 "difficulty_train": {str(d): int((y_dif == d).sum()) for d in range(1, 6)}},
        "model": {"features": [f"{getattr(encoder, 'name', '')}-384", *FEATURES],
                  "finetune": finetune_record(finetune),
                  "category": {"C": CATEGORY_C, "temperature": cat_head["temperature"],
                               "own_features": [*CATEGORY_FEATURES,
                                                f"prototype cosine x{PROTOTYPE_SCALE:g}"],
                               "real_source_weight": REAL_SOURCE_WEIGHT},
                  "difficulty": {"C": dif_head["C"], "temperature": dif_head["temperature"],
                                 "grid": dif_head["grid"]},
                  "ood_threshold": ood, "ambiguity_threshold": ambiguity,
                  "second_reading": {k: v for k, v in second["fields"].items()
                                     if isinstance(v, (str, float))}},
        "cv": {"category_macro_f1": macro_f1(list(y_cat), oof_pred, CATEGORY_KEYS),
               # the F1 that credits what category_accuracy credits (any accepted label)
               "category_macro_f1_accepted": macro_f1(oof_accepted, oof_pred, CATEGORY_KEYS),
               "per_category_f1": {
                   c: {"first_label": round(f, 4), "accepted": round(accepted_f1.get(c, 0.0), 4)}
                   for c, f in f1_by_label(list(y_cat), oof_pred, CATEGORY_KEYS).items()},
               "category_accuracy": float(oof_correct.mean()),
               "category_accuracy_team_rows": float(oof_correct[~np.array(
                   [e.source != TEAM_SOURCE for e in train])].mean()),
               "category_ece": cv_ece,
               "difficulty": difficulty_metrics(y_dif.astype(float), oof_mean, oof_sd)},
    }
    if "oof_p" in second:
        two_pred = [cat_head["classes"][i] for i in second["oof_p"].argmax(axis=1)]
        report["cv"]["second_reading"] = {
            "share_read_again": second["oof_share"],
            "category_accuracy_first_only": float(oof_correct.mean()),
            "category_accuracy_two_step": float(np.mean(
                [c in e.accepted for c, e in zip(two_pred, train, strict=True)]))}
    if len(test):
        report["test"] = _evaluate_test(
            model, test, embeddings[test_rows], train,
            second["embeddings"][test_rows] if "embeddings" in second else None,
            dif_vectors[test_rows])
    report["probes"] = _probe(model, encoder)
    report["in_domain_flagged_share"] = float((nearest < ood).mean())
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["finetune_seconds"] = finetune_seconds
    metadata = {
        "encoder": getattr(encoder, "name", "unknown"),
        "finetune": finetune_record(finetune),
        "second_reading_share": SECOND_READING_SHARE if second_encoder is not None else None,
        "seed": seed,
        "n_train": len(train),
        "n_test": len(test),
        "versions": _versions(),
        "headline": _headline(report),
    }
    return TrainingResult(params=params, metadata=metadata, report=report)


def _evaluate_test(model: LocalClassifier, test: Sequence[Example], embeddings: np.ndarray,
                   train: Sequence[Example],
                   second_embeddings: np.ndarray | None = None,
                   difficulty_embeddings: np.ndarray | None = None) -> dict[str, Any]:
    predictions = model.predict_embedded([e.text for e in test], embeddings, second_embeddings,
                                         difficulty_embeddings=difficulty_embeddings)
    truth = [e.category for e in test]
    # the first reading alone: on the train split its out-of-fold figures are no longer
    # out-of-sample once MiniLM is fine-tuned on those rows, so the held-out split says
    # what the second reading adds
    first_only = model.predict_embedded([e.text for e in test], embeddings, read_again=False,
                                        difficulty_embeddings=difficulty_embeddings) \
        if model.second else predictions
    predicted = [p.category for p in predictions]
    top = np.array([p.category_p[p.category] for p in predictions])
    correct = np.array([t == p for t, p in zip(truth, predicted, strict=True)])
    ece, table = reliability(top, correct)
    labels = [c for c in CATEGORY_KEYS if c in set(truth) | set(predicted)]
    dif_truth = np.array([e.difficulty for e in test], dtype=float)
    mean = np.array([p.difficulty for p in predictions])
    sd = np.array([p.difficulty_sd for p in predictions])
    median = float(np.median([e.difficulty for e in train if e.difficulty is not None]))
    majority = max(CATEGORY_KEYS, key=lambda c: sum(1 for e in train if e.category == c))
    wrong = sorted(
        (i for i in range(len(test)) if not correct[i]),
        key=lambda i: predictions[i].category_p[predictions[i].category], reverse=True)
    worst = [{"id": test[i].id, "text": test[i].text[:240], "true": truth[i],
              "predicted": predicted[i],
              "p_predicted": round(predictions[i].category_p[predicted[i]], 3),
              "p_true": round(predictions[i].category_p[truth[i]], 3)} for i in wrong[:12]]
    per_class = {}
    for c in labels:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == c == p)
        support, guessed = truth.count(c), predicted.count(c)
        rows = np.array([t == c for t in truth])
        per_class[c] = {
            "support": support, "predicted": guessed, "correct": tp,
            "f1": 2 * tp / (support + guessed) if support + guessed else 0.0,
            "difficulty_mae": float(np.abs(mean[rows] - dif_truth[rows]).mean())
            if rows.any() else None,
        }
    return {
        "category_macro_f1": macro_f1(truth, predicted, CATEGORY_KEYS),
        "category_accuracy": float(correct.mean()),
        "category_accuracy_first_only": float(np.mean(
            [p.category == t for p, t in zip(first_only, truth, strict=True)])),
        "category_ece": ece,
        "reliability": table,
        "confusion_labels": labels,
        "confusion": confusion(truth, predicted, labels),
        "per_category": per_class,
        "difficulty": difficulty_metrics(dif_truth, mean, sd),
        "low_confidence_share": float(np.mean([p.low_confidence for p in predictions])),
        "read_again_share": float(np.mean([p.category_encoder == model.params.second_encoder
                                           for p in predictions]))
        if model.params.second_encoder else 0.0,
        "accuracy_when_confident": float(correct[[not p.low_confidence
                                                  for p in predictions]].mean())
        if not all(p.low_confidence for p in predictions) else None,
        "baselines": {
            "majority_category_macro_f1": macro_f1(truth, [majority] * len(truth),
                                                   CATEGORY_KEYS),
            "median_difficulty_mae": float(np.abs(dif_truth - median).mean()),
        },
        "worst_misclassified": worst,
    }


def _probe(model: LocalClassifier, encoder: Any) -> list[dict[str, Any]]:
    """Out-of-domain and odd inputs: does the model flag them?"""
    texts = list(PROBES.values())
    embedded = np.asarray(encoder.encode([prepare_text(t) for t in texts]), dtype=np.float32)
    out = []
    for (name, _), pred in zip(PROBES.items(), model.predict_embedded(texts, embedded),
                               strict=True):
        out.append({"probe": name, "category": pred.category,
                    "p": round(pred.category_p[pred.category], 3),
                    "low_confidence": pred.low_confidence, "reason": pred.reason})
    return out


def _versions() -> dict[str, str]:
    import sklearn

    return {"python": platform.python_version(), "numpy": np.__version__,
            "sklearn": sklearn.__version__}


def _headline(report: dict[str, Any]) -> dict[str, float]:
    out = {"cv_category_macro_f1": round(report["cv"]["category_macro_f1"], 4),
           "cv_difficulty_mae": round(report["cv"]["difficulty"]["mae"], 4)}
    if "test" in report:
        t = report["test"]
        out.update({"test_category_macro_f1": round(t["category_macro_f1"], 4),
                    "test_category_ece": round(t["category_ece"], 4),
                    "test_difficulty_mae": round(t["difficulty"]["mae"], 4),
                    "test_difficulty_within_one": round(t["difficulty"]["within_one"], 4)})
    return out


def build_classifier(data_dir: Path, out_dir: Path, *, seed: int = 0, encoder: Any = None,
                     report_dir: Path | None = None, progress: bool = False,
                     outcome_paths: Sequence[Path] = (),
                     second_encoder: Any = None,
                     finetune: FineTune | None = FINETUNE) -> TrainingResult:
    """Train from `data_dir`, write the artifact to `out_dir` and, if asked, the report.

    With `outcome_paths` (outcome files, never committed), the difficulty head also learns
    from the share of models failing each of their prompts; the artifact records the files,
    and a rebuild by `ensure_classifier` uses them again while they are there.
    """
    from council.assess.encoder import (
        CachedEncoder,
        MiniLMEncoder,
        default_encoder,
        encoder_named,
    )
    from council.assess.second_reading import SECOND_ENCODER
    from council.config import paths

    if encoder is None:
        encoder = CachedEncoder(default_encoder(), paths().embedding_cache)
    if getattr(encoder, "name", "") != MiniLMEncoder.name:
        finetune = None  # the fine-tune is of MiniLM's layers (tests train other encoders)
    if second_encoder is None:
        second_encoder = CachedEncoder(encoder_named(SECOND_ENCODER), paths().embedding_cache)
    data_hash = corpus_hash(data_dir)
    examples = load_corpus(data_dir)
    outcomes = None
    if outcome_paths:
        from council.classifier_training.outcome_difficulty import load_outcome_levels

        outcomes = load_outcome_levels(outcome_paths)
    result = train_classifier(examples, encoder, seed=seed, progress=progress,
                              outcomes=outcomes, second_encoder=second_encoder,
                              finetune=finetune)
    result.metadata["difficulty_outcomes"] = {
        "files": [str(Path(p).resolve()) for p in outcome_paths],
        "prompts": len(outcomes) if outcomes is not None else 0}
    result.metadata["data_hash"] = data_hash
    # the project's own corpus is recorded as None, so an artifact copied to another checkout
    # is checked against that checkout's corpus, not the one it was built beside
    result.metadata["data_dir"] = (None if data_dir.resolve() == default_data_dir().resolve()
                                   else str(data_dir.resolve()))
    save_report(out_dir, result.report, data_hash)
    save_artifact(out_dir, result.params, result.metadata)
    if report_dir is not None:
        from council.classifier_training.report import write_report

        write_report(report_dir, result.report, result.metadata, data_dir=data_dir,
                     artifact_dir=out_dir)
    return result
