#!/usr/bin/env python3
"""Fail the docs build on a broken link or image: every relative href and src of every page under the
HTML directory (Doxygen's pages and the Python reference) names a file that exists, and a #fragment
names an id or anchor of that page.

Usage: check_links.py HTML_DIR
"""

import html
import os
import re
import sys
from urllib.parse import unquote, urlsplit

LINK = re.compile(r"""\b(?:href|src)\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
ANCHOR = re.compile(r"""\b(?:id|name)\s*=\s*(["'])(.*?)\1""", re.IGNORECASE)


def main(root):
    anchors = {}

    def anchors_of(path):
        if path not in anchors:
            with open(path, encoding="utf-8", errors="replace") as f:
                anchors[path] = {html.unescape(m.group(2)) for m in ANCHOR.finditer(f.read())}
        return anchors[path]

    broken, pages = [], 0
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            pages += 1
            page = os.path.join(folder, name)
            with open(page, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for m in LINK.finditer(text):
                target = html.unescape(m.group(2)).strip()
                parts = urlsplit(target)
                if parts.scheme or target.startswith(("//", "mailto:", "javascript:")) or not target:
                    continue
                path = os.path.normpath(os.path.join(folder, unquote(parts.path))) if parts.path else page
                if not os.path.exists(path):
                    broken.append(f"{os.path.relpath(page, root)}: {target} (no such file)")
                elif parts.fragment and path.endswith(".html") and unquote(parts.fragment) not in anchors_of(path):
                    broken.append(f"{os.path.relpath(page, root)}: {target} (no such anchor)")
    for b in broken:
        print(b, file=sys.stderr)
    if broken:
        print(f"{len(broken)} broken links in {pages} pages", file=sys.stderr)
        return 1
    print(f"links: {pages} pages, none broken")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
