"""Misreadings and latency of the workload reader (council.workload_words).

    python bench/workload_reader.py [--repeat 20]

Misreadings: tests/data/workload_phrases.jsonl (163 descriptions, written before the reader)
and workload_phrases_heldout.jsonl (50, written after it and measured before any rule was
fitted to them), workload_phrases_cadence.jsonl (41 cadences said without a number, written
with the rule that reads them) and workload_phrases_fresh.jsonl (80 descriptions in other
users' voices, written before the reader's code or tests were read) and
workload_phrases_fresh_heldout.jsonl (30 more, written after the rules fitted to those and
measured before any rule was fitted to them) and workload_phrases_fresh2.jsonl (60 in
further voices: Slack, specs, forwarded mail, crontab lines, Spanish, German, French and
Portuguese, European number formats, languages named by place) and workload_phrases_fresh3.jsonl
(70 more: Jira tickets, procurement mail, PRDs, dictation, DAG docstrings, runbooks, portal
forms; Italian, Dutch, Polish, Japanese; written before the reader's code was read) and
workload_phrases_fresh3_heldout.jsonl (25, written after the rules fitted to those and
measured before any rule was fitted to them) and workload_phrases_fresh4.jsonl (16, issues
17/19: hires times candidates per role, agents' nightly sessions, Italian and Polish naming no
language; written before the reader's code was read) and workload_phrases_fresh4_heldout.jsonl
(12, written after round 5's rules, measured before any was fitted to them) and
workload_phrases_fresh5.jsonl (25, round 6: Italian, Spanish, French, German, Portuguese and
Polish, number words, "12 000", "this quarter", "overnight", places; written before any fix)
and workload_phrases_fresh5_heldout.jsonl (12, written after round 6's rules, scored once
before any fit) and workload_phrases_review8.jsonl (8, review 8: "une fois par semaine", a
first batch then a cadence, "毎晩1万件", "300 € pro Monat"; written with the rules that read
them, a regression file, not blind) and workload_phrases_words10.jsonl (48, words10: ranges,
"a few hundred", "twice a day on weekdays", tokens given as words, pages or minutes of audio,
Swedish, Dutch, Chinese; written before the fixes of that round and scored once before them)
and workload_phrases_words10_heldout.jsonl (16, written after those fixes, scored once before
any fit) and workload_phrases_userqa10.jsonl (14, QA round 10: Swedish periods and chats, "a
handful (say 5-6)", bots that answer each question; written before the fixes) and
workload_phrases_userqa11.jsonl (17, QA round 11: Swedish nightly jobs, agents, RAG, code and
emoji as the description, a pasted contract; written before the fixes) and
workload_phrases_userqa11_heldout.jsonl (10, written after them, scored once) and
workload_phrases_words12.jsonl (17, words12: browsing, searching or clicking through the web
as a tool loop, one piece a period about our N things; written before the fixes) and
workload_phrases_lead11.jsonl (8, Swedish and Dutch weekdays, one piece a week about N things;
written before the fix) and workload_phrases_userqa12.jsonl (47, QA round 12: numbers in words,
rates a second or a minute, peaks beside the usual volume, token and byte totals, hours of
audio, chats of N messages, German, French, Spanish, Dutch, Swedish, Japanese, mixed cadences;
written before the fixes) and workload_phrases_userqa12_heldout.jsonl (10, written with it,
scored once after the fixes) and workload_phrases_review12.jsonl (46, review 12: sentences
the round-12 rules should not fire on or should read otherwise, limits beside a volume, "looks
at 15 each day", "alle 20", "a ticket is a conversation of 5 messages", "de nos 300";
written before the fixes, a regression file) and workload_phrases_words13.jsonl (21, words13:
a rate a second at peak, a clock hour then "about a hundred" in Swedish, Dutch and German,
hours of recordings cut into pieces once, "token" as a domain noun, short Dutch and Swedish,
two figures in one sentence; written before the fixes) and
workload_phrases_words13_heldout.jsonl (7, written with it, scored once after the fixes) and
workload_phrases_review13.jsonl (53, review 13: sentences words13's rules should not fire on
or should read otherwise, two periods or a range joined by "and", an output after "plus", a
second abroad as an ordinal; written before the fixes, a regression file) and
workload_phrases_words14.jsonl (38, words14: review 13's leftovers, "agents" as people, an
extra on Mondays, staffed hours, a clock hour abroad, the output after a size, every other day
abroad, words13's held-out misses, and 22 of words14's own in those families; written before
the fixes) and workload_phrases_words14_heldout.jsonl (11, written with it, scored once after
the fixes) and workload_phrases_review14.jsonl (40, review 14: sentences round 14's rules
should not fire on or should read otherwise; written before the fixes) and
workload_phrases_words15.jsonl (31, words15: review 14's and words14's leftovers, people x
items, extras abroad, per shift, a report over a corpus, Portuguese, Swedish and Japanese
periods, ranges; written before the fixes) and workload_phrases_words15_heldout.jsonl (10,
written with it, scored once after the fixes) and workload_phrases_review15.jsonl (41, review
15: sentences round 15's rules should not fire on or should read otherwise, AI agents said
singly, each of the items, dates and per-time in Japanese, people as extras abroad, a past
extra; written before the fixes) and workload_phrases_words16.jsonl (36, words16: review 15's
leftovers, people x shifts x items, Portuguese by "e" alone, per store x stores, per sprint,
ranges with "bis", "à", "do", Polish "tys.", Korean, Chinese "3千", sizes as a podcast or a
spreadsheet, tool loops without "agent"; written before the fixes) and
workload_phrases_words16_heldout.jsonl (12, written with it, scored once after the fixes) and
workload_phrases_words17.jsonl (38, words17: the leftovers of rounds 15-16, a date as no period,
support agents as people, per call centre x call centres, per shift x shifts x people, quarters
abroad, "several" and "hundreds of", a spreadsheet's rows once, Hindi in Latin script and
Turkish, numbers that are no volume; written before the fixes) and
workload_phrases_words17_heldout.jsonl (12, written with it, scored once after the fixes) and
workload_phrases_words18.jsonl (38, words18: words17's leftovers, loose plurals, a file's bytes,
a phone lookup's calls, an autocomplete per keystroke, per tenant, region, PR, commit, build and
release, month-end close, seasons and bursts, Vietnamese and Arabic, numbers that are no volume;
written before the fixes) and workload_phrases_words18_heldout.jsonl (12, written with it,
scored once after the fixes) and workload_phrases_words19.jsonl (22, words19: "a quarter of a
million", a month's words over one job's, a part sharing the stream's month, loose plurals in
six other languages, one reply per ticket, controls; written before the fixes), per field,
against the numbers a person reads from each description.
Latency: one uncached read of each description (the reader is all the recommendation adds),
p50 / p95 / max over every description x --repeat, plus a 20,000-character contract (the
longest description a TaskSpec accepts), plus, with --shared DIR (default $COUNCIL_SHARED),
the 3,936 real prompts of DIR/categories/dev.jsonl read once each (pasted prompts, not
workload descriptions: no ground truth, so only their latency and how often something is read).
Target: <= 5 ms per description.

First reads: `--cold` prints only the mean CPU time of the first read of every text above
(phrase rows and, with --shared, the real prompts) in a fresh process, no warm-up.

Golden check (a refactor of the reader must not move a reading):

    python bench/workload_reader.py --dump /tmp/readings.jsonl   # before the change
    python bench/workload_reader.py --check /tmp/readings.jsonl  # after it: exit 1 on a change

writes (or compares, row by row: rows of a phrase file added since are counted, not compared)
every reading, the summary and each Read's every field, of every row of
the phrase files above and, with --shared, of the real prompts. Keep the dump outside the
repository: it quotes the real prompts, which are never committed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from council.workload_words import read_workload  # noqa: E402

FILES = ("workload_phrases.jsonl", "workload_phrases_heldout.jsonl",
         "workload_phrases_cadence.jsonl", "workload_phrases_fresh.jsonl",
         "workload_phrases_fresh_heldout.jsonl", "workload_phrases_fresh2.jsonl",
         "workload_phrases_fresh3.jsonl", "workload_phrases_fresh3_heldout.jsonl",
         "workload_phrases_fresh4.jsonl", "workload_phrases_fresh4_heldout.jsonl",
         "workload_phrases_fresh5.jsonl", "workload_phrases_fresh5_heldout.jsonl",
         "workload_phrases_review8.jsonl", "workload_phrases_words10.jsonl",
         "workload_phrases_words10_heldout.jsonl", "workload_phrases_userqa10.jsonl",
         "workload_phrases_userqa11.jsonl", "workload_phrases_userqa11_heldout.jsonl",
         "workload_phrases_words12.jsonl", "workload_phrases_lead11.jsonl",
         "workload_phrases_userqa12.jsonl", "workload_phrases_userqa12_heldout.jsonl",
         "workload_phrases_review12.jsonl", "workload_phrases_words13.jsonl",
         "workload_phrases_words13_heldout.jsonl", "workload_phrases_review13.jsonl",
         "workload_phrases_words14.jsonl", "workload_phrases_words14_heldout.jsonl",
         "workload_phrases_review14.jsonl", "workload_phrases_words15.jsonl",
         "workload_phrases_words15_heldout.jsonl", "workload_phrases_review15.jsonl",
         "workload_phrases_words16.jsonl", "workload_phrases_words16_heldout.jsonl",
         "workload_phrases_words17.jsonl", "workload_phrases_words17_heldout.jsonl",
         "workload_phrases_words18.jsonl", "workload_phrases_words18_heldout.jsonl",
         "workload_phrases_words19.jsonl")
FIELDS = ("runs_per_month", "input", "output", "calls_per_task", "loop", "languages", "latency")


def same(field: str, want: object, got: object) -> bool:
    if field == "runs_per_month" and want is not None and got is not None:
        return math.isclose(float(want), float(got), rel_tol=0.01)  # type: ignore[arg-type]
    if field in ("input", "output") and want and got:
        return want[1] == got[1] and math.isclose(want[0], got[0], rel_tol=0.01)  # type: ignore[index]
    if field == "languages":
        return sorted(want or []) == sorted(got or [])  # type: ignore[type-var]
    return want == got


def misreadings(path: Path) -> tuple[int, dict[str, int], dict[str, int]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    wrong = {f: 0 for f in FIELDS}
    stated = {f: 0 for f in FIELDS}
    for row in rows:
        got = read_workload.__wrapped__(row["text"]).summary()
        for f in FIELDS:
            stated[f] += row.get(f) not in (None, [])
            wrong[f] += not same(f, row.get(f), got[f])
    return len(rows), wrong, stated


def latency_ms(texts: list[str], repeat: int) -> list[float]:
    read = read_workload.__wrapped__  # uncached: every call parses the text
    for t in texts:
        read(t)  # compile every pattern once
    out = []
    cpu = time.process_time()
    for _ in range(repeat):
        for t in texts:
            start = time.perf_counter()
            read(t)
            out.append((time.perf_counter() - start) * 1000)
    CPU_MS.append((time.process_time() - cpu) * 1000 / max(1, len(out)))
    return out


# Mean CPU (process) time of one read, per latency_ms call: wall-clock quantiles move with
# the load of a shared machine; this moves far less (compare two versions run in turn).
CPU_MS: list[float] = []


def readings(shared: Path | None) -> list[str]:
    """One JSON line per text: its source, summary, coding flag and every Read in full."""
    data = ROOT / "tests" / "data"
    rows = [(f"{name}:{i}", json.loads(line)["text"])
            for name in FILES for i, line in enumerate((data / name).open(encoding="utf-8"))]
    dev = Path(shared or "") / "categories" / "dev.jsonl"
    if shared and dev.exists():
        rows += [(row["id"], row["prompt"])
                 for row in map(json.loads, dev.open(encoding="utf-8"))]
    out = []
    for where, text in rows:
        w = read_workload.__wrapped__(text)
        out.append(json.dumps({"row": where, "summary": w.summary(), "coding": w.coding,
                               "reads": [dataclasses.asdict(r) for r in w.reads]},
                              ensure_ascii=False, sort_keys=True))
    return out


def golden(args: argparse.Namespace) -> int:
    """--dump writes the readings; --check compares them with a dump, line by line."""
    lines = readings(args.shared)
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines):,} readings to {args.dump}")
        return 0
    # compared row by row (a phrase file added since the dump adds rows, moves none)
    want = {json.loads(line)["row"]: line
            for line in args.check.read_text(encoding="utf-8").splitlines()}
    now = {json.loads(line)["row"]: line for line in lines}
    moved = [(want[k], now[k]) for k in want if k in now and want[k] != now[k]]
    gone = [k for k in want if k not in now]
    added = len(now) - len(want) + len(gone)
    print(f"{len(lines):,} readings, {len(want):,} in {args.check}: {len(moved)} differ, "
          f"{len(gone)} gone, {added} new rows")
    for a, b in moved[:5]:
        print(f"- {a}\n+ {b}")
    return 0 if not moved and not gone else 1


def cold(shared: Path | None) -> None:
    """The mean CPU time of the first read of each text, in this fresh process (no warm-up:
    a description is read once in use, so a pattern compiled per text is paid every time;
    the quantiles above read each text once before timing)."""
    data = ROOT / "tests" / "data"
    texts = [json.loads(line)["text"] for name in FILES
             for line in (data / name).open(encoding="utf-8")]
    dev = Path(shared or "") / "categories" / "dev.jsonl"
    if shared and dev.exists():
        texts += [json.loads(line)["prompt"][:20_000] for line in dev.open(encoding="utf-8")]
    read = read_workload.__wrapped__
    read("10 tickets a day")  # the module-level patterns are compiled at import; this warms none
    cpu = time.process_time()
    for t in texts:
        read(t)
    ms = (time.process_time() - cpu) * 1000 / len(texts)
    print(f"first read of {len(texts):,} texts: mean CPU time {ms:.3f} ms "
          f"(load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--shared", type=Path, default=os.environ.get("COUNCIL_SHARED"))
    parser.add_argument("--dump", type=Path, help="write every reading to this file")
    parser.add_argument("--check", type=Path, help="compare every reading with this dump")
    parser.add_argument("--cold", action="store_true",
                        help="only the mean CPU time of each text's first read")
    args = parser.parse_args()
    if args.cold:
        cold(args.shared)
        return
    if args.dump or args.check:
        sys.exit(golden(args))
    data = ROOT / "tests" / "data"
    print("Misreadings per field (rows where the reader's value differs from a person's)\n")
    print(f"| {'file':36} | rows | " + " | ".join(FIELDS) + " | total |")
    print("|" + "---|" * (len(FIELDS) + 3))
    texts: list[str] = []
    for name in FILES:
        n, wrong, stated = misreadings(data / name)
        texts += [json.loads(line)["text"] for line in (data / name).open(encoding="utf-8")]
        print(f"| {name:36} | {n} | " + " | ".join(f"{wrong[f]} of {stated[f]}" for f in FIELDS)
              + f" | {sum(wrong.values())} of {n * len(FIELDS)} |")
    print("\n('x of y': x misreadings; y rows where a person reads a value for that field)\n")
    times = sorted(latency_ms(texts, args.repeat))
    contract = ("The Supplier shall deliver 40 units per week for 12 months under clause 7. "
                * 300)[:20_000]
    long = sorted(latency_ms([contract], max(3, args.repeat // 4)))
    q = statistics.quantiles(times, n=20)
    print("| latency of one read (ms) | p50 | p95 | max |")
    print("|---|---|---|---|")
    print(f"| {len(texts)} descriptions x {args.repeat} | {statistics.median(times):.3f} | "
          f"{q[18]:.3f} | {times[-1]:.3f} |")
    print(f"| a 20,000-character contract | {statistics.median(long):.2f} | - | {long[-1]:.2f} |")
    dev = Path(args.shared or "") / "categories" / "dev.jsonl"
    if args.shared and dev.exists():
        prompts = [json.loads(line)["prompt"][:20_000] for line in dev.open(encoding="utf-8")]
        real = sorted(latency_ms(prompts, 1))
        rq = statistics.quantiles(real, n=20)
        print(f"| {len(prompts):,} real prompts (dev.jsonl, median "
              f"{statistics.median(len(p) for p in prompts):.0f} chars) | "
              f"{statistics.median(real):.3f} | {rq[18]:.3f} | {real[-1]:.3f} |")
        found = sum(bool(read_workload.__wrapped__(p).reads) for p in prompts)
        print(f"\n{found:,} of {len(prompts):,} real prompts had something read from them")
    print(f"\nmean CPU time of one read (ms): descriptions {CPU_MS[0]:.3f}, contract "
          f"{CPU_MS[1]:.2f}" + (f", real prompts {CPU_MS[2]:.3f}" if len(CPU_MS) > 2 else ""))
    print(f"\nload average {os.getloadavg()[0]:.1f}; target <= 5 ms per description")


if __name__ == "__main__":
    main()
