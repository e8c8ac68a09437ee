"""Write models_catalog/evidence/*.yaml from pinned public files (reviewed data, not run at load).

Each source is read at a fixed commit of a public repository (a local git mirror of it), so
every row cites repository, path and commit. Source model names are mapped to catalog ids by
hand below (NAMES); a catalog model with several rated variants (reasoning efforts) gets its
best-rated one, and the row names the variant it took.

    python training/evidence_import.py --mirrors /work/.mirror --out models_catalog/evidence

Sources (see docs/catalog.md, "Quality from evidence"):
- LMArena text leaderboard by category: lmarena-ai/leaderboard-dataset (CC BY 4.0), published
  2026-08-19, as snapshotted in Scarlett9826/arena-ai-leaderboards. Independent (blind votes).
- LMArena, older snapshot for models since dropped from the dataset (Claude 1, 2, Instant):
  lmarena/arena-catalog data/leaderboard-text.json at 209556b (2025-05-27).
- Artificial Analysis evaluations (independent re-runs: GPQA Diamond, Terminal-Bench Hard,
  tau2-bench, long-context reasoning, IFBench, LiveCodeBench), snapshot of 2026-08-22 in the
  same repository.
- Artificial Analysis, snapshot of 2026-10-08 in the same repository (this season's models
  only, AA_NEW_NAMES), including AA's newer agentic runs (Terminal-Bench 2.1 and 4.0,
  tau3-bench banking), which the 2026-08-22 snapshot has for the catalog-era models too.
- Aider polyglot leaderboard (independent), Aider-AI/aider website/_data.
Vendor-reported scores (models_catalog/evidence/vendor-reported.yaml) are written by hand,
each with the URL it was read from; they are used only where nothing independent exists.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
from datetime import date
from pathlib import Path

import yaml

ARENA_REPO = "Scarlett9826/arena-ai-leaderboards"
ARENA_COMMIT = "5782ec07f70d5f9081f0e3a11ee81e67bb4465dc"
ARENA_PATH = "data/lmarena/2026-08-22/text.json"
AA_PATH = "data/artificial_analysis/2026-08-22/llms.json"
# A later snapshot in the same repository that rates this season's models (released
# September 2026). The local mirror may stop at ARENA_COMMIT; the rows in
# models_catalog/evidence/artificial-analysis-2026-10.yaml were read from this commit through
# the code-search file index and are rewritten from it when the mirror has it.
AA_NEW_COMMIT = "d93a10cbb6a9601ea3c68026c14ce9aea33a068c"
AA_NEW_PATH = "data/artificial_analysis/2026-10-08/llms.json"
# catalog id -> AA slugs of the models first rated in that snapshot.
AA_NEW_NAMES: dict[str, list[str]] = {
    "claude-opus-5-5": ["claude-opus-5-5", "claude-opus-5-5-xhigh", "claude-opus-5-5-high",
                        "claude-opus-5-5-medium"],
    "claude-sonnet-5-5": ["claude-sonnet-5-5", "claude-sonnet-5-5-xhigh",
                          "claude-sonnet-5-5-high"],
    "gpt-6-astra": ["gpt-6-astra", "gpt-6-astra-xhigh", "gpt-6-astra-high", "gpt-6-astra-medium"],
    "gemini-4-argon": ["gemini-4-argon"],
    "gpt-6.1-sol": ["gpt-6-1-sol", "gpt-6-1-sol-xhigh", "gpt-6-1-sol-high", "gpt-6-1-sol-medium"],
    "gpt-6-sol": ["gpt-6-sol"],
    "muse-spark-1.3": ["muse-spark-1-3"],
    "grok-4.7": ["grok-4-7", "grok-4-7-high"],
    # added 2026-12-01 (rated in the same snapshot; no row was taken from them before)
    "gemini-3.8-flash": ["gemini-3-8-flash", "gemini-3-8-flash-medium", "gemini-3-8-flash-low"],
    "deepseek-flash": ["deepseek-v4-1-flash"],
    "claude-haiku-5-5": ["claude-haiku-5-5", "claude-haiku-5-5-xhigh", "claude-haiku-5-5-high",
                         "claude-haiku-5-5-medium"],
    "gpt-6-luna": ["gpt-6-luna", "gpt-6-luna-xhigh", "gpt-6-luna-high"],
    "mistral-large-4": ["mistral-large-4"],
    # read 2026-12-01 (catalog8): training/data/aa-2026-10-08-claude-fable-5-1.json
    "claude-fable-5-1": ["claude-fable-5-1", "claude-fable-5-1-xhigh", "claude-fable-5-1-high",
                         "claude-fable-5-1-medium", "claude-fable-5-1-low"],
}
# The LMArena text leaderboard published 2026-10-08, snapshotted 2026-10-10 in the same
# repository: Arena names of this season's models (catalog id -> variants).
ARENA_NEW_COMMIT = "5249b3936f366b0ff92fc3c7b5380ae61d8b79ca"
ARENA_NEW_PATH = "data/lmarena/2026-10-10/text.json"
ARENA_NEW_NAMES: dict[str, list[str]] = {
    "claude-opus-5-5": ["claude-opus-5.5-high"],
    "claude-sonnet-5-5": ["claude-sonnet-5.5-xhigh"],
    "gemini-4-argon": ["gemini-4-argon-high"],
    "gemini-3.8-flash": ["gemini-3.8-flash-high"],
    "muse-spark-1.3": ["muse-spark-1.3-max"],
    "deepseek-flash": ["deepseek-v4.1-flash-max"],
    "gpt-6.1-sol": ["gpt-6.1-sol-max"],
    "gpt-6-astra": ["gpt-6-astra-max"],
    # read 2026-12-01 below rank 30-75 (only these variants were found there)
    "gpt-6-sol": ["gpt-6-sol-max"],
    "gpt-6-luna": ["gpt-6-luna-max"],
    "grok-4.7": ["grok-4.7-xhigh"],
    "mistral-large-4": ["mistral-large-4"],
    # read 2026-12-01 (catalog8): every category's top ranks (released 2026-09-01)
    "claude-fable-5-1": ["claude-fable-5.1-max"],
}
ARENA_TRANSCRIPT_COMMENT = (
    "# Rows from a transcript of the file at that commit (--arena-new-json, training/data/\n"
    "# lmarena-text-2026-10-08-rows.json), read through the code-search file index: the local\n"
    "# mirror stops at 2026-08-22. Read 2026-11-30: the first 30-75 ranks of coding,\n"
    "# creative_writing, hard_prompts, instruction_following, longer_query, multi_turn,\n"
    "# non_english and overall; 2026-12-01: ranks 34-194 of coding, 26-160 of\n"
    "# hard_prompts, 22-106 and 284-327 of instruction_following, 43-87 and 91-135 of\n"
    "# longer_query, 37-126 of multi_turn, 42-86 and 143-187 of non_english, 38-83 of\n"
    "# overall; and (catalog8, 2026-12-01) ranks 1-34 of coding, creative_writing 1-32 and\n"
    "# 75-162, hard_prompts 1-43, instruction_following 1-32 and 104-147, longer_query 1-42,\n"
    "# math 1-25, multi_turn 1-38 and 127-171, non_english 1-35 and 87-131, overall 1-37 and\n"
    "# 84-173. A model absent from a category here may be rated outside the ranks read.\n")
OLD_ARENA_REPO = "lmarena/arena-catalog"
OLD_ARENA_COMMIT = "209556bee0da499fdbfbc7b31f676f9828ea6b14"
OLD_ARENA_PATH = "data/leaderboard-text.json"
AIDER_REPO = "Aider-AI/aider"
AIDER_COMMIT = "5dc9490bb35f9729ef2c95d00a19ccd30c26339c"
AIDER_PATH = "aider/website/_data/polyglot_leaderboard.yml"
RETRIEVED = date(2026, 11, 30)

# Arena categories kept (benchmark name lmarena-text:<category>).
ARENA_CATEGORIES = ("overall", "coding", "hard_prompts", "math", "creative_writing",
                    "instruction_following", "longer_query", "multi_turn", "non_english")
# Old snapshot category names -> the dataset's names.
OLD_CATEGORIES = {"full": "overall", "coding": "coding", "hard_6": "hard_prompts",
                  "math": "math", "creative_writing": "creative_writing",
                  "if": "instruction_following", "long_user": "longer_query",
                  "multiturn": "multi_turn"}
AA_BENCHMARKS = ("gpqa", "terminalbench_hard", "tau2", "lcr", "ifbench", "livecodebench",
                 "terminalbench_v2_1", "terminalbench_v4_0", "tau_banking")

# catalog id -> names in each source. Catalog ids, routing-outcome ids, and the genai-prices
# ids of models the catalog is adding (claude-opus-5-5, gpt-6.1-sol, ...). None of the
# August 2026 snapshots rates those newest ones; they are listed so a later snapshot is one
# edit away.
NAMES: dict[str, dict[str, list[str]]] = {
    # Anthropic
    "claude-3-5-haiku": {"arena": ["claude-3-5-haiku-20241022"], "aa": ["claude-3-5-haiku"]},
    "claude-haiku-4-5": {"arena": ["claude-haiku-4-5-20251001"],
                         "aa": ["claude-4-5-haiku", "claude-4-5-haiku-reasoning"]},
    "claude-opus-4-1": {"arena": ["claude-opus-4-1-20250805",
                                  "claude-opus-4-1-20250805-thinking-16k"],
                        "aa": ["claude-4-1-opus", "claude-4-1-opus-thinking"]},
    "claude-opus-4-5": {"arena": ["claude-opus-4-5-20251101", "claude-opus-4-5-20251101-high-32k"],
                        "aa": ["claude-opus-4-5", "claude-opus-4-5-thinking"]},
    "claude-opus-4-6": {"arena": ["claude-opus-4-6", "claude-opus-4-6-high"],
                        "aa": ["claude-opus-4-6", "claude-opus-4-6-adaptive"]},
    "claude-opus-4-7": {"arena": ["claude-opus-4-7", "claude-opus-4-7-high"],
                        "aa": ["claude-opus-4-7", "claude-opus-4-7-non-reasoning"]},
    "claude-opus-4-8": {"arena": ["claude-opus-4-8", "claude-opus-4-8-high"],
                        "aa": ["claude-opus-4-8"]},
    "claude-opus-5": {"arena": ["claude-opus-5-high", "claude-opus-5-max"],
                      "aa": ["claude-opus-5", "claude-opus-5-high", "claude-opus-5-xhigh"]},
    "claude-sonnet-4-5": {"arena": ["claude-sonnet-4-5-20250929",
                                    "claude-sonnet-4-5-20250929-high-32k"],
                          "aa": ["claude-4-5-sonnet", "claude-4-5-sonnet-thinking"]},
    "claude-sonnet-4-6": {"arena": ["claude-sonnet-4-6"],
                          "aa": ["claude-sonnet-4-6", "claude-sonnet-4-6-adaptive"]},
    "claude-sonnet-5": {"arena": ["claude-sonnet-5-high"],
                        "aa": ["claude-sonnet-5", "claude-sonnet-5-high", "claude-sonnet-5-xhigh"]},
    # DeepSeek
    "deepseek-v3.2": {"arena": ["deepseek-v3.2", "deepseek-v3.2-thinking"], "aa": []},
    "deepseek-v4-flash": {"arena": ["deepseek-v4-flash", "deepseek-v4-flash-high-preview"],
                          "aa": ["deepseek-v4-flash-0420", "deepseek-v4-flash-0420-high"]},
    "deepseek-v4-pro": {"arena": ["deepseek-v4-pro", "deepseek-v4-pro-high-preview",
                                  "deepseek-v4-pro-high-20260813"],
                        "aa": ["deepseek-v4-pro", "deepseek-v4-pro-0424"]},
    # Google
    "gemini-2.5-flash": {"arena": ["gemini-2.5-flash"],
                         "aa": ["gemini-2-5-flash", "gemini-2-5-flash-reasoning"]},
    "gemini-2.5-flash-lite": {"arena": ["gemini-2.5-flash-lite-preview-06-17-thinking"],
                              "aa": ["gemini-2-5-flash-lite", "gemini-2-5-flash-lite-reasoning"]},
    "gemini-2.5-pro": {"arena": ["gemini-2.5-pro"], "aa": ["gemini-2-5-pro"]},
    "gemini-3-flash": {"arena": ["gemini-3-flash"],
                       "aa": ["gemini-3-flash", "gemini-3-flash-reasoning"]},
    "gemini-3.1-flash-lite": {"arena": ["gemini-3.1-flash-lite-preview"],
                              "aa": ["gemini-3-1-flash-lite-preview"]},
    "gemini-3.1-pro": {"arena": ["gemini-3.1-pro-preview"], "aa": ["gemini-3-1-pro-preview"]},
    "gemini-3.5-flash": {"arena": ["gemini-3.5-flash-high", "gemini-3.5-flash-medium"],
                         "aa": ["gemini-3-5-flash", "gemini-3-5-flash-medium"]},
    "gemini-3.5-flash-lite": {"arena": ["gemini-3.5-flash-lite"], "aa": ["gemini-3-5-flash-lite"]},
    "gemini-3.6-flash": {"arena": ["gemini-3.6-flash-high"], "aa": ["gemini-3-6-flash"]},
    # OpenAI
    "gpt-4.1": {"arena": ["gpt-4.1-2025-04-14"], "aa": ["gpt-4-1"]},
    "gpt-4.1-mini": {"arena": ["gpt-4.1-mini-2025-04-14"], "aa": ["gpt-4-1-mini"]},
    "gpt-4.1-nano": {"arena": ["gpt-4.1-nano-2025-04-14"], "aa": ["gpt-4-1-nano"]},
    "gpt-5": {"arena": ["gpt-5-high"], "aa": ["gpt-5"]},
    "gpt-5-mini": {"arena": ["gpt-5-mini-high"], "aa": ["gpt-5-mini"]},
    "gpt-5-nano": {"arena": ["gpt-5-nano-high"], "aa": ["gpt-5-nano"]},
    "gpt-5.1": {"arena": ["gpt-5.1", "gpt-5.1-high"], "aa": ["gpt-5-1"]},
    "gpt-5.2": {"arena": ["gpt-5.2", "gpt-5.2-high"], "aa": ["gpt-5-2"]},
    "gpt-5.4": {"arena": ["gpt-5.4", "gpt-5.4-high"], "aa": ["gpt-5-4"]},
    "gpt-5.4-mini": {"arena": ["gpt-5.4-mini-high"], "aa": ["gpt-5-4-mini"]},
    "gpt-5.4-nano": {"arena": ["gpt-5.4-nano-high"], "aa": ["gpt-5-4-nano"]},
    "gpt-5.5": {"arena": ["gpt-5.5", "gpt-5.5-high"], "aa": ["gpt-5-5", "gpt-5-5-high"]},
    "gpt-5.6-sol": {"arena": ["gpt-5.6-sol-xhigh"], "aa": ["gpt-5-6-sol", "gpt-5-6-sol-xhigh"]},
    "gpt-5.6-terra": {"arena": ["gpt-5.6-terra-xhigh"],
                      "aa": ["gpt-5-6-terra", "gpt-5-6-terra-xhigh"]},
    "gpt-5.6-luna": {"arena": ["gpt-5.6-luna-xhigh"], "aa": ["gpt-5-6-luna", "gpt-5-6-luna-xhigh"]},
    "o3": {"arena": ["o3-2025-04-16"], "aa": ["o3"]},
    "o4-mini": {"arena": ["o4-mini-2025-04-16"], "aa": ["o4-mini"]},
    "gpt-oss-120b-groq": {"arena": ["gpt-oss-120b"], "aa": ["gpt-oss-120b"]},
    "gpt-oss-20b-groq": {"arena": ["gpt-oss-20b"], "aa": ["gpt-oss-20b"]},
    # xAI
    "grok-3-mini": {"arena": ["grok-3-mini-high", "grok-3-mini-beta"],
                    "aa": ["grok-3-mini-reasoning"]},
    "grok-4": {"arena": ["grok-4-0709"], "aa": ["grok-4"]},
    "grok-4-1-fast-non-reasoning": {"arena": [], "aa": ["grok-4-1-fast"]},
    "grok-4-1-fast-reasoning": {"arena": ["grok-4-1-fast-reasoning"],
                                "aa": ["grok-4-1-fast-reasoning"]},
    "grok-4.20": {"arena": ["grok-4.20-beta-0309-reasoning", "grok-4.20-beta1"],
                  "aa": ["grok-4-20", "grok-4-20-0309"]},
    "grok-4.3": {"arena": ["grok-4.3"], "aa": ["grok-4-3"]},
    "grok-4.5": {"arena": ["grok-4.5"], "aa": ["grok-4-5"]},
    "grok-4.6": {"arena": ["grok-4.6-high"], "aa": ["grok-4-6"]},
    "grok-code-fast-1": {"arena": [], "aa": ["grok-code-fast-1"]},
    # Moonshot
    "kimi-k2.6": {"arena": ["kimi-k2.6"], "aa": ["kimi-k2-6"]},
    "kimi-k2.7-code": {"arena": [], "aa": ["kimi-k2-7-code"]},
    "kimi-k3": {"arena": ["kimi-k3-max"], "aa": ["kimi-k3"]},
    # Meta (served by Groq / Together) and Muse
    "llama-3.1-8b-groq": {"arena": ["llama-3.1-8b-instruct"], "aa": ["llama-3-1-instruct-8b"]},
    "llama-3.3-70b-groq": {"arena": ["llama-3.3-70b-instruct"], "aa": ["llama-3-3-instruct-70b"]},
    "llama-3.3-70b-together": {"arena": ["llama-3.3-70b-instruct"],
                               "aa": ["llama-3-3-instruct-70b"]},
    "llama-4-maverick-groq": {"arena": ["llama-4-maverick-17b-128e-instruct"],
                              "aa": ["llama-4-maverick"]},
    "llama-4-scout-groq": {"arena": ["llama-4-scout-17b-16e-instruct"], "aa": ["llama-4-scout"]},
    "muse-spark-1.1": {"arena": ["muse-spark-1.1"], "aa": ["muse-spark-1-1"]},
    "muse-spark-1.2": {"arena": ["muse-spark-1.2 (xHigh)"], "aa": ["muse-spark-1-2"]},
    # Mistral
    "ministral-8b": {"arena": [], "aa": ["ministral-3-8b"]},
    "ministral-14b-2512": {"arena": [], "aa": ["ministral-3-14b"]},
    "mistral-large-3": {"arena": ["mistral-large-3"], "aa": ["mistral-large-3"]},
    "mistral-medium-3-5": {"arena": ["mistral-medium-3.5"], "aa": ["mistral-medium-3-5"]},
    "mistral-small-4": {"arena": [], "aa": ["mistral-small-4", "mistral-small-4-non-reasoning"]},
    # Qwen, MiniMax
    "qwen3-32b-groq": {"arena": ["qwen3-32b"],
                       "aa": ["qwen3-32b-instruct", "qwen3-32b-instruct-reasoning"]},
    "qwen3.6-plus-together": {"arena": ["qwen3.6-plus"], "aa": ["qwen3-6-plus"]},
    "minimax-m2.7": {"arena": ["minimax-m2.7"], "aa": ["minimax-m2-7"]},
    "minimax-m3": {"arena": ["minimax-m3"], "aa": ["minimax-m3"]},
}

# The routing-outcome models (../shared/routing): their ids there -> Arena names. Claude 1, 2
# and Instant left the dataset (survivorship), so they come from the 2025-05 snapshot.
ROUTING_NAMES: dict[str, str] = {
    "gpt-4-1106-preview": "gpt-4-1106-preview",
    "gpt-3.5-turbo-1106": "gpt-3.5-turbo-1106",
    "mixtral-8x7b-instruct": "mixtral-8x7b-instruct-v0.1",
    "mistralai/mixtral-8x7b-chat": "mixtral-8x7b-instruct-v0.1",
    "zero-one-ai/Yi-34B-Chat": "yi-34b-chat",
    "meta/llama-2-70b-chat": "llama-2-70b-chat",
    "mistralai/mistral-7b-chat": "mistral-7b-instruct",
    "meta/code-llama-instruct-34b-chat": "codellama-34b-instruct",
    "WizardLM/WizardLM-13B-V1.2": "wizardlm-13b",
}
ROUTING_OLD_NAMES: dict[str, str] = {
    "claude-v1": "claude-1", "claude-v2": "claude-2.0", "claude-instant-v1": "claude-instant-1",
}

# Aider polyglot model names -> catalog ids (best run per id).
AIDER_NAMES: dict[str, list[str]] = {
    "gpt-4.1": ["gpt-4.1"], "gpt-4.1-mini": ["gpt-4.1-mini"], "gpt-4.1-nano": ["gpt-4.1-nano"],
    "o3": ["o3 (high)", "o3"], "o4-mini": ["o4-mini (high)"],
    "gpt-5": ["gpt-5 (high)", "gpt-5 (medium)"], "gpt-oss-120b-groq": ["gpt-oss-120b (high)"],
    "grok-4": ["grok-4 (high)"], "grok-3-mini": ["Grok 3 Mini Beta (high)"],
    "gemini-2.5-pro": ["gemini-2.5-pro-preview-06-05 (32k think)",
                       "gemini-2.5-pro-preview-06-05 (default think)"],
    "gemini-2.5-flash": ["gemini-2.5-flash-preview-05-20 (24k think)"],
    "qwen3-32b-groq": ["Qwen3 32B"], "llama-4-maverick-groq": ["Llama 4 Maverick"],
    "deepseek-v3.2": ["DeepSeek-V3.2-Exp (Reasoner)", "DeepSeek-V3.2-Exp (Chat)"],
}


def git_show(mirrors: Path, repo: str, commit: str, path: str) -> bytes:
    git_dir = mirrors / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "-C", str(git_dir), "show", f"{commit}:{path}"],
                          check=True, capture_output=True).stdout


def _header(source: str, title: str, repo: str, path: str, commit: str,
            independent: bool, notes: str) -> dict:
    return {"source": source, "title": title, "independent": independent,
            "repository": repo, "path": path, "commit": commit,
            "retrieved": RETRIEVED.isoformat(), "notes": notes}


def arena_rows(text: dict, names: dict[str, list[str]]) -> list[dict]:
    published = text["meta"]["leaderboard_publish_date"]
    by_key = {(r["model_name"], r["category"]): r for r in text["rows"]}
    rows = []
    for model_id, variants in sorted(names.items()):
        for cat in ARENA_CATEGORIES:
            found = [by_key[(v, cat)] for v in variants if (v, cat) in by_key]
            if not found:
                continue
            best = max(found, key=lambda r: r["rating"])
            rows.append({"model": model_id, "benchmark": f"lmarena-text:{cat}",
                         "score": round(best["rating"], 1), "date": published,
                         "source_model": best["model_name"],
                         "ci95": [round(best["rating_lower"], 1), round(best["rating_upper"], 1)],
                         "votes": int(best["vote_count"])})
    return rows


def arena_new_header(text: dict) -> dict:
    return _header("lmarena-text-2026-10", "LMArena text leaderboard by category "
                   "(lmarena-ai/leaderboard-dataset, CC BY 4.0), published "
                   f"{text['meta']['leaderboard_publish_date']}: models released after the "
                   "2026-08-19 board", ARENA_REPO, ARENA_NEW_PATH, ARENA_NEW_COMMIT, True,
                   "Same scale and subset as lmarena-text.yaml (raw Bradley-Terry ratings); "
                   "only this season's models (ARENA_NEW_NAMES).")


def old_arena_rows(old: dict, names: dict[str, str]) -> list[dict]:
    rows = []
    for model_id, name in sorted(names.items()):
        for cat, ours in OLD_CATEGORIES.items():
            r = old.get(cat, {}).get(name)
            if r is None:
                continue
            rows.append({"model": model_id, "benchmark": f"lmarena-text:{ours}",
                         "score": round(r["rating"], 1), "date": "2025-05-27",
                         "source_model": name,
                         "ci95": [round(r["rating_q025"], 1), round(r["rating_q975"], 1)]})
    return rows


def aa_rows(aa: dict, names_by_id: dict[str, list[str]] | None = None) -> list[dict]:
    by_slug = {m["slug"]: m for m in aa["models"]}
    snap = aa["meta"]["snapshot_date"]
    if names_by_id is None:
        names_by_id = {m: n.get("aa", []) for m, n in NAMES.items()}
    rows = []
    for model_id, names in sorted(names_by_id.items()):
        for bench in AA_BENCHMARKS:
            found = [(by_slug[s]["evaluations"].get(bench), s) for s in names
                     if s in by_slug]
            found = [(v, s) for v, s in found if isinstance(v, int | float) and math.isfinite(v)]
            if not found:
                continue
            value, slug = max(found)
            rows.append({"model": model_id, "benchmark": f"aa:{bench}",
                         "score": round(100 * value, 1), "date": snap,
                         "source_model": by_slug[slug]["name"]})
    return rows


def aider_rows(entries: list[dict]) -> list[dict]:
    rows = []
    for model_id, names in sorted(AIDER_NAMES.items()):
        found = [e for e in entries if e.get("model") in names and "pass_rate_2" in e]
        if not found:
            continue
        best = max(found, key=lambda e: e["pass_rate_2"])
        rows.append({"model": model_id, "benchmark": "aider-polyglot",
                     "score": float(best["pass_rate_2"]), "date": str(best["date"]),
                     "source_model": best["model"]})
    return rows


def dump(path: Path, header: dict, rows: list[dict], comment: str = "") -> None:
    body = dict(header, rows=rows)
    text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)
    path.write_text("# Generated by training/evidence_import.py from pinned public files; "
                    "reviewed like the provider files.\n" + comment + text, encoding="utf-8")
    print(f"{path}: {len(rows)} rows")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirrors", type=Path, required=True,
                    help="directory holding <owner>+<repo>/repo git mirrors")
    ap.add_argument("--catalog", type=Path, default=Path("models_catalog"))
    ap.add_argument("--out", type=Path, default=Path("models_catalog/evidence"))
    ap.add_argument("--aa-new-json", type=Path, default=None,
                    help=f"a copy of {AA_NEW_PATH} at {AA_NEW_COMMIT[:8]} (or the part of it "
                    "holding AA_NEW_NAMES' slugs), for when the mirror stops before that commit")
    ap.add_argument("--arena-new-json", type=Path, default=None,
                    help=f"rows of {ARENA_NEW_PATH} at {ARENA_NEW_COMMIT[:8]} transcribed from "
                    "the file index (training/data/lmarena-text-2026-10-08-rows.json), for when "
                    "the mirror stops before that commit")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    text = json.loads(git_show(args.mirrors, ARENA_REPO, ARENA_COMMIT, ARENA_PATH))
    arena_names = {m: n["arena"] for m, n in NAMES.items() if n.get("arena")}
    arena_names.update({m: [n] for m, n in ROUTING_NAMES.items()})
    dump(args.out / "lmarena-text.yaml",
         _header("lmarena-text", "LMArena text leaderboard by category "
                 "(lmarena-ai/leaderboard-dataset, CC BY 4.0), published "
                 f"{text['meta']['leaderboard_publish_date']}", ARENA_REPO, ARENA_PATH,
                 ARENA_COMMIT, True, "Bradley-Terry ratings from blind pairwise votes; raw "
                 "(not style-controlled) subset. A model rated in several reasoning settings "
                 "takes its best; source_model names it."),
         arena_rows(text, arena_names))

    old = json.loads(git_show(args.mirrors, OLD_ARENA_REPO, OLD_ARENA_COMMIT, OLD_ARENA_PATH))
    dump(args.out / "lmarena-text-2025-05.yaml",
         _header("lmarena-text-2025-05", "LMArena text leaderboard, 2025-05-27 snapshot "
                 "(lmarena/arena-catalog)", OLD_ARENA_REPO, OLD_ARENA_PATH, OLD_ARENA_COMMIT,
                 True, "Only for models the dataset no longer lists (Claude 1, 2.0, Instant). "
                 "Same Bradley-Terry scale: gpt-4-1106-preview is 1264 in both snapshots."),
         old_arena_rows(old, ROUTING_OLD_NAMES))

    aa = json.loads(git_show(args.mirrors, ARENA_REPO, ARENA_COMMIT, AA_PATH))
    dump(args.out / "artificial-analysis.yaml",
         _header("artificial-analysis", "Artificial Analysis model evaluations "
                 f"(independent runs), snapshot {aa['meta']['snapshot_date']}", ARENA_REPO,
                 AA_PATH, ARENA_COMMIT, True, "Scores in percent. A model evaluated in "
                 "several settings takes its best; source_model names it."),
         aa_rows(aa))

    try:
        text_new = json.loads(git_show(args.mirrors, ARENA_REPO, ARENA_NEW_COMMIT,
                                       ARENA_NEW_PATH))
    except subprocess.CalledProcessError:
        text_new = None
        if args.arena_new_json is not None:
            text_new = json.loads(args.arena_new_json.read_text(encoding="utf-8"))
        else:
            print(f"{ARENA_REPO}@{ARENA_NEW_COMMIT[:8]} is not in the mirror: "
                  "lmarena-text-2026-10.yaml left as it is")
    if text_new is not None:
        dump(args.out / "lmarena-text-2026-10.yaml", arena_new_header(text_new),
             arena_rows(text_new, ARENA_NEW_NAMES),
             "" if args.arena_new_json is None else ARENA_TRANSCRIPT_COMMENT)

    newer, comment = None, ""
    try:
        newer = json.loads(git_show(args.mirrors, ARENA_REPO, AA_NEW_COMMIT, AA_NEW_PATH))
    except subprocess.CalledProcessError:
        if args.aa_new_json is not None:
            newer = json.loads(args.aa_new_json.read_text(encoding="utf-8"))
            comment = ("# Rows from a transcript of the AA_NEW_NAMES slugs of the file at that "
                       "commit (--aa-new-json),\n# read through the code-search file index: the "
                       "local mirror stops at 2026-08-22.\n")
        else:
            print(f"{ARENA_REPO}@{AA_NEW_COMMIT[:8]} is not in the mirror: "
                  "artificial-analysis-2026-10.yaml left as it is")
    if newer is not None:
        dump(args.out / "artificial-analysis-2026-10.yaml",
             _header("artificial-analysis-2026-10", "Artificial Analysis model evaluations "
                     f"(independent runs), snapshot {newer['meta']['snapshot_date']}: models "
                     "released after the 2026-08-22 snapshot", ARENA_REPO, AA_NEW_PATH,
                     AA_NEW_COMMIT, True, "Scores in percent. Only this season's models; a "
                     "model evaluated in several settings takes its best; source_model names "
                     "it."),
             aa_rows(newer, AA_NEW_NAMES), comment)

    aider = yaml.safe_load(git_show(args.mirrors, AIDER_REPO, AIDER_COMMIT, AIDER_PATH))
    dump(args.out / "aider-polyglot.yaml",
         _header("aider-polyglot", "Aider polyglot coding leaderboard (pass rate, 2 tries)",
                 AIDER_REPO, AIDER_PATH, AIDER_COMMIT, True,
                 "225 Exercism exercises in six languages, run by Aider's maintainers."),
         aider_rows(aider))


if __name__ == "__main__":
    main()
