#!/usr/bin/env python3
"""The docs as a reader sees them: each page rendered in headless Chromium.

  check_rendered.py CHROMIUM HTML_DIR SHOTS_DIR

Serves HTML_DIR on a loopback port and, in Chromium (--headless
--no-sandbox), loads every page of the guide (the Markdown pages: the main
page with its quick start, the tutorials, install, the guide, the Python page
and the rest) and the Python reference, and checks in the rendered page:

- every image loaded (none broken: a missing file or one the browser cannot
  decode);
- every link to an anchor, on the page or on another page of the docs, finds
  an element of that id or name in the rendered target;
- no page shows Doxygen's markup as text (`@section`, `@code`: a page it
  could not render);
- a page longer than one screen (1000 CSS pixels at 1280 wide) has a table of
  contents (Doxygen's [TOC], or the Python reference's sidebar).

It screenshots the main page, the quick start, the tutorials page and each
tutorial, the install page and the Python reference into SHOTS_DIR (PNG, 1280 x 1600) and checks
each shows more than a blank page. Exits 1 naming every problem.
"""

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

SCREEN = (1280, 1000)
SHOTS = {"main": "index.html", "quick-start": "index.html#quickstart", "tutorials": "tutorials.html",
         "tutorial-case": "tutorial_case.html", "tutorial-sharing": "tutorial_sharing.html",
         "tutorial-analyst": "tutorial_analyst.html", "tutorial-c": "tutorial_c.html",
         "tutorial-ffi": "tutorial_ffi.html", "install": "install.html",
         "python-reference": "python-reference/index.html"}

# Runs in the checking page: loads each page in a frame of the same origin, waits for its images, and
# writes what it found into the DOM as JSON (read back with --dump-dom).
CHECKER = """<!doctype html><meta charset="utf-8"><body><pre id="result">pending</pre><script>
const pages = %(pages)s, screen = %(screen)s;
const docs = new Map();
function load(page) {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.style.width = screen[0] + 'px'; frame.style.height = screen[1] + 'px';
    frame.onload = () => resolve(frame);
    frame.src = page;
    document.body.appendChild(frame);
  });
}
async function imagesOf(doc) {
  const imgs = Array.from(doc.images);
  await Promise.all(imgs.map((img) => img.complete ? null : new Promise((r) => { img.onload = img.onerror = r; })));
  return imgs.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.getAttribute('src'));
}
async function targetDoc(url) {
  if (!docs.has(url)) docs.set(url, fetch(url).then((r) => r.ok ? r.text() : null)
      .then((t) => t === null ? null : new DOMParser().parseFromString(t, 'text/html')));
  return docs.get(url);
}
function hasAnchor(doc, id) {
  return doc.getElementById(id) !== null || doc.getElementsByName(id).length > 0;
}
async function check(page) {
  const frame = await load(page);
  const doc = frame.contentDocument, problems = [];
  for (const src of await imagesOf(doc)) problems.push('broken image ' + src);
  for (const a of Array.from(doc.querySelectorAll('a[href*="#"]'))) {
    const url = new URL(a.getAttribute('href'), frame.contentWindow.location.href);
    if (url.origin !== location.origin || !url.hash || url.hash === '#') continue;
    const id = decodeURIComponent(url.hash.slice(1));
    const here = url.pathname === frame.contentWindow.location.pathname;
    const target = here ? doc : await targetDoc(url.pathname);
    if (target === null) problems.push('link to a missing page ' + a.getAttribute('href'));
    else if (!hasAnchor(target, id)) problems.push('link to a missing anchor ' + a.getAttribute('href'));
  }
  const text = doc.body ? doc.body.textContent : '';
  if (/@(section|subsection|code|endcode)\\b/.test(text)) problems.push('markup shown as text (Doxygen did not render the page)');
  const height = doc.documentElement.scrollHeight;
  const toc = doc.querySelector('div.toc, div.sphinxsidebar ul, nav.toc');
  if (height > screen[1] && toc === null) problems.push('longer than a screen (' + height + ' px) with no table of contents');
  frame.remove();
  return {page, height, images: doc.images.length, problems};
}
(async () => {
  const out = [];
  for (const page of pages) out.push(await check(page));
  document.getElementById('result').textContent = JSON.stringify(out);
})().catch((e) => { document.getElementById('result').textContent = 'error: ' + e; });
</script>"""


def pages_of(html_dir):
    """The guide's pages (each Markdown page Doxygen made: it names them after their {#id}) and the Python
    reference: every .html that is no reference page of a header, class, namespace, file or source, nor one
    of Doxygen's indexes."""
    reference = re.compile(r"(_8h(pp)?(_source)?|^class|^struct|^namespace|^union|^dir_|^group__|-members|^files|"
                           r"^annotated|^classes|^functions|^globals|^namespaces|^namespacemembers|^deprecated|^todo|^hierarchy|^inherits|"
                           r"^graph_legend|^pages\.html)")
    out = sorted(f for f in os.listdir(html_dir) if f.endswith(".html") and not reference.search(f))
    out.append("python-reference/index.html")
    return out


def serve(html_dir, checker):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.split("?")[0] == "/__check.html":
                body = checker.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=html_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def chromium(binary, profile, *args):
    command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--disable-extensions", "--disable-background-networking", f"--user-data-dir={profile}", *args]
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)


def blank(png):
    """Whether a screenshot shows (nearly) nothing: fewer than 16 colours."""
    try:
        from PIL import Image
    except ImportError:
        return os.path.getsize(png) < 10_000
    with Image.open(png) as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 16)
    return colours is not None and len(colours) < 16


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    binary, html_dir, shots = argv[1], os.path.abspath(argv[2]), os.path.abspath(argv[3])
    os.makedirs(shots, exist_ok=True)
    pages = pages_of(html_dir)
    server = serve(html_dir, CHECKER % {"pages": json.dumps(pages), "screen": json.dumps(list(SCREEN))})
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    problems = []
    with tempfile.TemporaryDirectory(prefix="sfcore-chromium-") as profile:
        done = chromium(binary, profile, "--virtual-time-budget=60000", f"--window-size={SCREEN[0]},{SCREEN[1]}",
                        "--dump-dom", base + "__check.html")
        found = re.search(r'<pre id="result">(.*?)</pre>', done.stdout.decode("utf-8", "replace"), re.S)
        text = found.group(1) if found else ""
        try:
            results = json.loads(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                                 .replace("&amp;", "&"))
        except ValueError:
            results = None
            problems.append(f"the rendered check did not finish: {text[:200]!r}; chromium said "
                            f"{done.stderr.decode('utf-8', 'replace')[-500:]!r}")
        for r in results or []:
            problems += [f"{r['page']}: {p}" for p in r["problems"]]
        if results is not None and len(results) != len(pages):
            problems.append(f"checked {len(results)} of {len(pages)} pages")
        for name, page in SHOTS.items():
            png = os.path.join(shots, name + ".png")
            if not os.path.exists(os.path.join(html_dir, page.split("#")[0])):
                problems.append(f"{page}: no such page to screenshot")
                continue
            if os.path.exists(png):
                os.remove(png)
            chromium(binary, profile, f"--window-size={SCREEN[0]},1600", f"--screenshot={png}", base + page)
            if not os.path.exists(png):
                problems.append(f"{page}: no screenshot")
            elif blank(png):
                problems.append(f"{page}: the screenshot is blank")
    server.shutdown()
    for p in problems:
        print(p)
    if not problems:
        images = sum(r["images"] for r in results)
        print(f"rendered: {len(pages)} pages in Chromium, {images} images, none broken, every anchor found; "
              f"{len(SHOTS)} screenshots in {shots}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
