"""Each category in a few plain sentences, and how close a text is to them.

The sentences are written for this module in our own words (none is copied from a data set).
The classifier embeds them once with its encoder; a text's cosine to the nearest sentence of
each category is a reading that does not depend on any source's style (a zero-shot vote),
used as features beside the embedding (docs/classifier.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

DESCRIPTIONS: dict[str, tuple[str, ...]] = {
    "code_generation": (
        "Write a function in a programming language that does what the description asks.",
        "Implement a program, script or class from a specification.",
        "Complete this code: a function signature with a docstring to implement.",
        "How do I do this in Python? Give me the code.",
        "Generate unit tests, a SQL migration or a shell script for this.",
    ),
    "debugging": (
        "This code has a bug; find it and fix it so the tests pass.",
        "My program crashes with an error message and a stack trace; why?",
        "The function returns the wrong output for some inputs; correct it.",
        "Investigate why the service fails in production and fix the cause.",
    ),
    "code_review": (
        "Review this code and suggest improvements to readability and style.",
        "Explain what this piece of code does, step by step.",
        "Refactor this function to be cleaner without changing its behaviour.",
        "Write documentation describing what this existing code does.",
    ),
    "architecture": (
        "Design the architecture of a scalable system and explain the trade-offs.",
        "How would you design a distributed service that handles millions of users?",
        "Propose a database schema and an API for this application.",
        "Model the classes and their relationships for this software design problem.",
    ),
    "math_reasoning": (
        "Solve this math word problem and show the reasoning step by step.",
        "Prove this theorem or compute the exact answer to the equation.",
        "A logic puzzle: work out the answer from the clues.",
        "How many are left after these quantities are added and taken away?",
    ),
    "data_analysis": (
        "Write a SQL query that answers a question about the tables in a database.",
        "Analyse this dataset: compute statistics, trends and averages.",
        "Given the table schema, which query returns the totals per month?",
        "Plot the metrics and find what explains the change in the numbers.",
    ),
    "extraction": (
        "Pull out the names, dates and amounts from this document into fields.",
        "Extract the entities mentioned in the text and return them as JSON.",
        "From the passage, find the span that answers the question.",
        "List every item of a given kind that appears in this text.",
    ),
    "classification": (
        "Classify this text into one of the given labels.",
        "Is the sentiment of this review positive or negative?",
        "Tag each message with the right category from a fixed list.",
        "Decide which topic this article belongs to.",
    ),
    "summarisation": (
        "Summarise this article in a few sentences.",
        "Condense the meeting into its main points and decisions.",
        "Write a short summary or a headline for the text below.",
        "What are the key takeaways of this document, briefly?",
    ),
    "translation": (
        "Translate this text from one language into another.",
        "Translate the following sentence into French, German or Spanish.",
        "Localise the product strings for another country, keeping the tone.",
        "What does this sentence in a foreign language mean in English?",
    ),
    "creative_writing": (
        "Write a short story, a poem or song lyrics about a theme.",
        "Draft a marketing email, a blog post or an advertisement.",
        "Rewrite this paragraph in a different tone or style.",
        "Write a sentence or a description using these words.",
        "Role-play a character and write the dialogue of a scene.",
    ),
    "research_qa": (
        "Answer a factual question about the world.",
        "Explain a concept clearly, as a teacher would.",
        "Compare the options and say which is better and why.",
        "What is the answer to this general knowledge question?",
        "Based on the passage, answer the question.",
    ),
    "agentic": (
        "Use a web browser to navigate a site, click and fill in forms to complete a task.",
        "Plan and carry out several steps with tools until the goal is done.",
        "Act as an agent: call the tools, read the results and take the next action.",
        "On the website, find the item and update the settings for the user.",
    ),
    "customer_support": (
        "A customer asks for help with their bank card, account or payment.",
        "Reply to a user's complaint about an order, a refund or a delivery.",
        "I can't log in to my account and my transfer has not arrived; what should I do?",
        "Answer the customer's question politely as a support agent.",
    ),
    "long_document": (
        "Read this long document, transcript or report and answer questions about it.",
        "Here is a long meeting transcript; answer the query about what was said.",
        "Go through this very long contract or book chapter and find the relevant parts.",
        "Given the long text below, respond to the instruction about it.",
    ),
}


def prototype_texts() -> tuple[list[str], list[str]]:
    """All descriptions, and the category of each, in a fixed order."""
    texts, owners = [], []
    for category, sentences in DESCRIPTIONS.items():
        texts.extend(sentences)
        owners.extend([category] * len(sentences))
    return texts, owners


def categories_of(owners: Sequence[str]) -> list[str]:
    """The categories of `owners`, in the order they first appear."""
    return list(dict.fromkeys(owners))


def prototype_similarity(embeddings: np.ndarray, prototypes: np.ndarray,
                         owners: Sequence[str]) -> np.ndarray:
    """Texts x categories (`categories_of(owners)`): each text's cosine to the nearest
    description of each category (unit vectors in, so a dot product). A category's
    descriptions must be contiguous rows, as `prototype_texts` gives them."""
    starts = [i for i in range(len(owners)) if i == 0 or owners[i] != owners[i - 1]]
    if len(starts) != len(categories_of(owners)):
        raise ValueError("each category's descriptions must be contiguous rows")
    if not starts:
        return np.zeros((len(embeddings), 0))
    sims = embeddings.astype(np.float64) @ prototypes.astype(np.float64).T
    return np.maximum.reduceat(sims, starts, axis=1)


def prototype_vote(similarity: np.ndarray, groups: Sequence[str], classes: Sequence[str],
                   temperature: float) -> np.ndarray:
    """Texts x classes: softmax(nearest-description cosine / temperature), a zero-shot
    distribution over `classes` (a class without descriptions gets nothing). `similarity`
    is `prototype_similarity`'s, whose columns are `groups`."""
    column = {g: j for j, g in enumerate(groups)}
    logits = np.full((len(similarity), len(classes)), -np.inf)
    for j, category in enumerate(classes):
        if category in column:
            logits[:, j] = similarity[:, column[category]] / temperature
    logits -= logits.max(axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)
