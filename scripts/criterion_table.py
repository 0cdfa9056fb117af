#!/usr/bin/env python3
"""Turns criterion's console output (stdin) into a Markdown table: benchmark, median time."""
import re
import sys

rows, name = [], None
for line in sys.stdin:
    m = re.match(r"^(\S.*?)\s+time:\s+\[\S+ \S+ (\S+ \S+) \S+ \S+\]", line)
    if m:
        rows.append((m.group(1).strip(), m.group(2)))
        continue
    m = re.match(r"^\s+time:\s+\[\S+ \S+ (\S+ \S+) \S+ \S+\]", line)
    if m and name:
        rows.append((name, m.group(1)))
        continue
    if line and not line[0].isspace() and not line.startswith(("Benchmarking", "Found", "Gnuplot", "Warning", "Running", "Compiling", "Finished")):
        name = line.strip()
print("| benchmark | median |\n|---|---|")
for n, t in rows:
    print(f"| `{n}` | {t} |")
