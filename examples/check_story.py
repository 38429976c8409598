#!/usr/bin/env python3
"""Runs the C++ walkthrough (the main part of `make demo`) and checks that it tells one story.

  check_story.py PROGRAM

- its sections are numbered 1, 2, 3... each with a one-line heading;
- it ends with a summary ("What this showed") of at least three points;
- each refusal comes after what was set up before it (never as a section's first line);
- an action on the coordinator's overdue list on a day is not done by that day in the timeline;
- "written consent" always says which: to take part, or to share.

Exits 1 naming every line that breaks a rule.
"""

import os
import re
import subprocess
import sys
import tempfile

SECTION = re.compile(r"^(\d+)\. (\S.*)$")
TIMELINE = re.compile(r"^  (\d{4}-\d{2}-\d{2}) \d{2}:\d{2} NZ[SD]T  (.*)$")
OVERDUE_ON = re.compile(r"overdue list on (\d{4}-\d{2}-\d{2}):$")
OVERDUE_ACTION = re.compile(r'^\s+action "(.*)" was due (\d{4}-\d{2}-\d{2})$')
DONE = re.compile(r'^action updated: action \d+ "(.*)" done\b')


def problems(lines):
    out = []
    sections = [(i, SECTION.match(line)) for i, line in enumerate(lines) if SECTION.match(line)]
    numbers = [int(m.group(1)) for _, m in sections]
    if numbers != list(range(1, len(numbers) + 1)) or len(numbers) < 5:
        out.append(f"the sections are numbered {numbers}, not 1, 2, 3...")
    starts = {i for i, _ in sections}
    summary = [i for i, line in enumerate(lines) if line == "What this showed"]
    if len(summary) != 1:
        out.append("no summary: no line 'What this showed'")
    else:
        points = lines[summary[0] + 1:]
        if len(points) < 3 or not all(p.startswith("  - ") for p in points):
            out.append(f"the summary is not a list of at least three points: {points}")
    for i, line in enumerate(lines):
        if line.lstrip().startswith("refused") and i - 1 in starts:
            out.append(f"line {i + 1}: a refusal before anything is set up in its section: {line}")
        if re.search(r"written consent(?! to (take part|share))", line):
            out.append(f"line {i + 1}: 'written consent' without saying which: {line}")

    done = {}  # action description -> the day the timeline shows it done
    for line in lines:
        m = TIMELINE.match(line)
        if m:
            d = DONE.match(m.group(2))
            if d:
                done.setdefault(d.group(1), m.group(1))
    if not done:
        out.append("the timeline shows no action done")
    day = None
    for i, line in enumerate(lines):
        m = OVERDUE_ON.search(line)
        if m:
            day = m.group(1)
            continue
        a = OVERDUE_ACTION.match(line)
        if day and a:
            if a.group(1) in done and done[a.group(1)] <= day:
                out.append(f"line {i + 1}: listed overdue on {day}, but the timeline shows it done on "
                           f"{done[a.group(1)]}: {line.strip()}")
        elif day and line and not line.startswith("    "):
            day = None
    return out


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run([argv[1], os.path.join(tmp, "story.db")], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{argv[1]} exited with {run.returncode}:\n{run.stdout}\n{run.stderr}")
    found = problems(run.stdout.rstrip("\n").split("\n"))
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
