#!/usr/bin/env python3
"""Fail when a documentation comment in a public header has no @since.

Doxygen (with EXTRACT_ALL off and warnings as errors) already fails on an
undocumented declaration; this adds the rule that every documented one says
which version introduced it. Usage: check_since.py HEADER...
"""
import sys

SKIP = ("@file", "@mainpage", "@page", "@defgroup", "@cond", "@endcond")
GROUP_MARKS = ("///@{", "///@}")


def is_line_comment(line):
    s = line.strip()
    return s.startswith("///") and not s.startswith("///<") and s not in GROUP_MARKS


def missing(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith("/**") or is_line_comment(lines[i]):
            j = i
            if s.startswith("/**"):
                while "*/" not in lines[j]:
                    j += 1
            else:
                while j + 1 < len(lines) and is_line_comment(lines[j + 1]):
                    j += 1
            block = "\n".join(lines[i:j + 1])
            if "@since" not in block and not any(k in block for k in SKIP):
                following = lines[j + 1].strip() if j + 1 < len(lines) else ""
                yield j + 2, following
            i = j + 1
        else:
            i += 1


def main(paths):
    bad = [(p, n, d) for p in paths for n, d in missing(p)]
    for p, n, d in bad:
        print(f"{p}:{n}: documented without @since: {d}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
