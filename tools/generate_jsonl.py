#!/usr/bin/env python3
"""Writes a JSON Lines file of synthetic fact documents of a given size, for the end-to-end memory run.

Each line is one fact document of 8 statements, as benchmarks/StanceRules.Benchmarks/Workloads/
StreamInputs.cs writes them (the same actors, acts and issues), with a fixed seed. By default the
dates stay within one month (2023-03-01..28), so the corpus's (country, issue, day) cells stay
bounded and the run measures the reading, not a corpus that grows with time. A third argument
spreads the dates over that many days from 2015-01-01 instead (document d on day d mod DAYS), for
the memory of a corpus over years (`stance corpus --by year`).

    python3 tools/generate_jsonl.py /tmp/docs-1g.jsonl 1000000000
    python3 tools/generate_jsonl.py /tmp/docs-1g-9y.jsonl 1000000000 3287
"""
import datetime
import random
import sys

ACTORS = ["France", "Germany", "China", "Russia", "India", "Brazil", "United States", "Japan", "Kremlin", "White House"]
ACTS = ["condemn", "welcome", "reject", "praise", "deplore", "support", "dismiss", "criticize"]
ISSUES = ["russia-ukraine-war", "china-peace-plan", "icc-jurisdiction", "gaza-ceasefire"]


def main(path, size, days=None):
    origin = datetime.date(2015, 1, 1)
    rng = random.Random(7)
    written = 0
    d = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        while written < size:
            facts = ", ".join(
                f'{{"type": "statement", "actor": "{rng.choice(ACTORS)}", "act": "{rng.choice(ACTS)}", '
                f'"issue": "{rng.choice(ISSUES)}", "evidence": "sentence {f} of document {d}"}}'
                for f in range(8))
            published = f"2023-03-{1 + d % 28:02d}" if days is None else (origin + datetime.timedelta(days=d % days)).isoformat()
            line = f'{{"article": {{"id": "doc-{d}", "published": "{published}"}}, "facts": [{facts}]}}\n'
            out.write(line)
            written += len(line)
            d += 1
    print(f"{path}: {d:,} documents, {written:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else None)
