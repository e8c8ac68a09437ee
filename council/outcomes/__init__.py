"""Learning P(model succeeds on text) from per-prompt outcomes: rows, model, metrics, adequacy."""
