#!/usr/bin/env python3
"""Doxygen INPUT_FILTER: inline the sfcore/def/*.def tables a header includes.

Doxygen's preprocessor reads included files only for their macros, so the
enumerators an X-macro table generates would be invisible to it. This filter
writes each included table's rows in place (a row over several lines as one),
each followed by its label as a doc comment (the last string argument of the
row, its adjacent literals joined), so that macro expansion
gives documented enumerators. Files are otherwise passed through unchanged.
"""

import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s+"(sfcore/def/[A-Za-z0-9_]+\.def)"\s*$')
ROW = re.compile(r'^\s*(SF_[A-Z_]+)\((.*?),\s*((?:"[^"]*"\s*)+)\)\s*$')


def rows(text: str):
    """The table's rows, a row that runs over several lines joined into one."""
    row = ""
    for line in text.splitlines():
        if not row and not re.match(r"^\s*SF_[A-Z_]+\(", line):
            continue
        row += (" " if row else "") + line.strip()
        if row.count("(") - row.count(")") <= 0 and row.count('"') % 2 == 0:
            yield row
            row = ""


def main(path: str) -> None:
    source = Path(path)
    include_root = Path(__file__).resolve().parents[1] / "include"
    out = []
    for line in source.read_text(encoding="utf-8").splitlines():
        m = INCLUDE.match(line)
        if not m:
            out.append(line)
            continue
        for row in rows((include_root / m.group(1)).read_text(encoding="utf-8")):
            r = ROW.match(row)
            if r:
                label = "".join(re.findall(r'"([^"]*)"', r.group(3)))  # adjacent literals, as the compiler joins them
                out.append(f'{row} /**< {label} */')
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
