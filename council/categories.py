"""Task categories, the skills they draw on, and the 1-5 difficulty rubric.

One source of truth shared by the local classifier, the LLM voters' instructions,
the catalog's quality dimensions and the recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    skill: str  # the catalog quality dimension this category is judged on
    description: str


CATEGORIES: tuple[Category, ...] = (
    Category("code_generation", "Code generation", "coding",
             "Write new code, scripts, functions, tests or migrations from a spec."),
    Category("debugging", "Debugging", "coding",
             "Find and fix the cause of a bug, crash, failing test or wrong output."),
    Category("code_review", "Code review & refactoring", "coding",
             "Review, refactor, modernise or explain existing code."),
    Category("architecture", "Architecture & design", "reasoning",
             "Design systems, APIs, schemas; weigh technical trade-offs."),
    Category("math_reasoning", "Math & formal reasoning", "reasoning",
             "Solve math, logic, proofs, puzzles, quantitative word problems."),
    Category("data_analysis", "Data analysis", "reasoning",
             "Analyse tables, metrics, SQL results; statistics; write queries."),
    Category("extraction", "Information extraction", "extraction",
             "Pull structured fields out of documents, emails, invoices, logs."),
    Category("classification", "Classification & tagging", "extraction",
             "Label, route, tag, moderate or score items into fixed classes."),
    Category("summarisation", "Summarisation", "summarisation",
             "Condense documents, threads, meetings or articles."),
    Category("translation", "Translation & localisation", "multilingual",
             "Translate or localise text between languages."),
    Category("creative_writing", "Writing & creative", "writing",
             "Marketing copy, stories, emails, blog posts, rewriting for tone."),
    Category("research_qa", "Research & Q&A", "reasoning",
             "Answer questions, explain concepts, compare options, do research."),
    Category("agentic", "Agentic & multi-step", "agentic",
             "Plan and execute multi-step work with tools, browsing or code execution."),
    Category("customer_support", "Customer support & chat", "chat",
             "Answer end users in a conversation, FAQ bots, support replies."),
    Category("long_document", "Long-document work", "long_context",
             "Read or triage very long inputs: contracts, codebases, transcripts, filings."),
)

CATEGORY_KEYS: tuple[str, ...] = tuple(c.key for c in CATEGORIES)
BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}

SKILLS: tuple[str, ...] = (
    "coding", "reasoning", "writing", "extraction", "summarisation",
    "multilingual", "agentic", "chat", "long_context",
)

DIFFICULTY_MIN = 1.0
DIFFICULTY_MAX = 5.0

# The rubric every assessor uses. Level n means: a model whose skill in the category
# is n succeeds about half the time; see training/RUBRIC.md for worked examples.
DIFFICULTY_RUBRIC: dict[int, str] = {
    1: "Trivial: short, fully specified, a pattern any small model follows "
       "(tag sentiment, fix a typo, translate a sentence).",
    2: "Routine: common task with clear instructions and modest context "
       "(summarise an email thread, write a CRUD endpoint, extract invoice fields).",
    3: "Moderate: several steps or constraints, some domain knowledge, output must be "
       "checked (refactor a module, analyse a dataset, draft a policy).",
    4: "Hard: expert judgement, long dependency chains or large context "
       "(debug a race condition, design a distributed system, legal analysis).",
    5: "Frontier: open-ended research-level or long-horizon autonomous work where even "
       "the strongest models often fail (novel proofs, multi-day agentic migrations).",
}


def skill_for(category: str) -> str:
    """The catalog quality dimension a task category is judged on."""
    try:
        return BY_KEY[category].skill
    except KeyError as exc:
        raise KeyError(f"unknown category {category!r}; known: {', '.join(CATEGORY_KEYS)}") from exc
