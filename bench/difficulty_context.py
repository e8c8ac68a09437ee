"""How much a sentence of workload context moves the local classifier's difficulty.

    python bench/difficulty_context.py

QA round 11 (issue 17): "Every Monday ... around 40 invoices ... 2-3 pages each ... Errors
cost our accountant about 10 minutes each" read difficulty 3.5, its task sentence alone 2.3.
This appends one sentence to 20 one-line tasks written for it (a neutral instruction, a
failure cost, a volume with a size) and prints the difficulty's shift, then splits the
invoice task's rise into its words and its length: the head reads the MiniLM embedding and
``log_length`` (council.assess.classifier.extra_features); each is swapped for the task
sentence's alone. The artifact is the configured one (no outcome prompts: no kNN vote).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TASKS = [
    "Extract vendor, date, total and VAT from supplier invoices.",
    "Classify support tickets by urgency.",
    "Summarise customer reviews into three bullet points.",
    "Translate product descriptions from English into German.",
    "Tag news articles by topic.",
    "Answer customer questions about delivery times.",
    "Write a short product description for each new item.",
    "Extract the sender's name and order number from customer emails.",
    "Summarise meeting transcripts for the team.",
    "Check contracts for missing termination clauses.",
    "Detect the language of incoming messages.",
    "Draft polite replies to complaint emails.",
    "Pull the line items out of purchase orders.",
    "Classify job applications by role.",
    "Summarise each research paper's abstract in one sentence.",
    "Convert free-text addresses into street, city and postcode.",
    "Label product photos' captions as safe or unsafe.",
    "Write a weekly status update from Jira tickets.",
    "Find the invoice number and due date in scanned bills.",
    "Rewrite job ads in plain language.",
]
ADDED = {
    "neutral": "Please put the results into the shared folder for the team.",
    "failure cost": "Errors cost our accountant about 10 minutes each.",
    "volume and size": "We get about 40 of these every Monday, 2-3 pages each.",
}
INVOICE = ("Every Monday our finance team receives around 40 invoices from suppliers, 2-3 pages "
           "each. Extract the vendor, invoice number, date, total and VAT into our spreadsheet. "
           "Errors cost our accountant about 10 minutes each.")
INVOICE_TASK = "Extract the vendor, invoice number, date, total and VAT into our spreadsheet."


def main() -> None:
    from council.assess.classifier import extra_features, prepare_text, softmax
    from council.classifier_loader import ensure_classifier
    from council.config import paths

    c = ensure_classifier(paths().classifier_artifact)
    base = np.array([p.difficulty for p in c.predict(TASKS)])
    print(f"{len(TASKS)} one-line tasks, difficulty mean {base.mean():.2f}; one sentence "
          "appended to each:\n")
    print("| sentence appended | mean shift | min | max | up in |")
    print("|---|---|---|---|---|")
    for name, sentence in ADDED.items():
        shift = np.array([p.difficulty for p in c.predict([f"{t} {sentence}" for t in TASKS])])
        shift -= base
        print(f"| {name}: '{sentence}' | {shift.mean():+.2f} | {shift.min():+.2f} | "
              f"{shift.max():+.2f} | {int((shift > 0).sum())} of {len(shift)} |")
    p = c.params
    levels = np.asarray(p.difficulty_levels, dtype=float)
    emb = np.asarray(c.encoder.encode([prepare_text(INVOICE), prepare_text(INVOICE_TASK)]),
                     dtype=float)
    feats = extra_features([INVOICE, INVOICE_TASK], p.features).astype(float)

    def head(words: int, length: int) -> float:
        x = np.hstack([emb[words], feats[length]])[None, :]
        dist = softmax(x @ p.difficulty_coef.T + p.difficulty_intercept,
                       p.difficulty_temperature)
        return float((dist @ levels)[0])

    print(f"\nThe invoice task (kNN weight {p.difficulty_knn_weight:g}, "
          f"{len(p.difficulty_reference)} outcome prompts in the artifact):\n")
    print("| words read | length read | difficulty |")
    print("|---|---|---|")
    for words, length in ((0, 0), (0, 1), (1, 0), (1, 1)):
        print(f"| {'whole text' if words == 0 else 'task sentence'} | "
              f"{'whole text' if length == 0 else 'task sentence'} | {head(words, length):.2f} |")


if __name__ == "__main__":
    main()
