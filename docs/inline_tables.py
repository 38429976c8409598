#!/usr/bin/env python3
"""Doxygen INPUT_FILTER: inline the sfcore/def/*.def tables a header includes.

Doxygen's preprocessor reads included files only for their macros, so the
enumerators an X-macro table generates would be invisible to it. This filter
writes each included table's rows in place, each followed by its label as a
doc comment (the last string argument of the row), so that macro expansion
gives documented enumerators. Files are otherwise passed through unchanged.
"""

import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s+"(sfcore/def/[A-Za-z0-9_]+\.def)"\s*$')
ROW = re.compile(r'^\s*(SF_[A-Z_]+)\((.*),\s*"([^"]*)"\)\s*$')


def main(path: str) -> None:
    source = Path(path)
    include_root = Path(__file__).resolve().parents[1] / "include"
    out = []
    for line in source.read_text(encoding="utf-8").splitlines():
        m = INCLUDE.match(line)
        if not m:
            out.append(line)
            continue
        for row in (include_root / m.group(1)).read_text(encoding="utf-8").splitlines():
            r = ROW.match(row)
            if r:
                out.append(f'{row.strip()} /**< {r.group(3)} */')
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
