#!/usr/bin/env python3
"""The code blocks of the README and the docs, run by the tests exactly as shown (make test).

A fenced block in C++ (```cpp), C (```c) or Python (```python) is a program
when it is whole -- C and C++ blocks that define main, every Python block --
and is then compiled (C, C++) and run; a ```text block right after it (blank
lines between allowed) is what it must print, exactly. A fragment names the
program it is part of in an HTML comment on the line before its fence
(Markdown renders no HTML comment):

    <!-- doc-test: context guide_case -->

`docs/blocks/guide_case.cpp` (or `.c`, `.py`) is that program, with a line
`// @block` (`# @block` in Python) where the fragment goes, indented as that
line is; a context whose first line is `// @context OTHER` is itself a
fragment of OTHER. `<!-- doc-test: compile-only -->` (alone, or after a context:
`<!-- doc-test: context guide_case compile-only -->`) compiles a block without
running it: it needs a server or a host's own functions. A ```json block must
parse.

Shell steps: `<!-- doc-test: script NAME -->` before a ```sh block makes it a
step of the script NAME (its steps in page order), and a ```text block right
after a step is what that step must print, exactly; `<!-- doc-test: file NAME
PATH -->` before any block writes its text to PATH for script NAME (and the
block is then no program of its own). A script runs in a new directory that
holds its files, with HOME that directory and `build` a link to the build
tree.

Commands of the project itself: `<!-- doc-test: here NAME -->` before a ```sh
block makes it a step of the command list NAME, run in the source directory
by `make test` once everything is built (`make demo`, the pip install, the
make targets the tutorials page shows); a ```text block right after a step is
what it must print, exactly. The one command a page shows that cannot run
there is `make test` itself: it is what runs them, and CI runs it.

Every ```sh block is a script's step, a file, or a command of the project: a
```sh block with none of these is an error, so no shell block goes unrun.

Tutorials: `<!-- doc-test: tutorial NAME -->` before a ```python block makes
it a step of the tutorial NAME: its steps, in page order, are one program
run once, and a ```text block right after a step is what that step must
print, exactly. A C or C++ tutorial's steps go, in order, where its context's
`// @block` line is (`tutorial NAME context CONTEXT` on its first step). Other fences (sh, text, none) are not programs.

  doc_blocks.py extract SOURCE_DIR OUT_DIR FILE...
      writes each program (and what it must print) under OUT_DIR and prints
      one line per block: language, name, source, expected output (or -),
      mode (run, compile or json), where (FILE:LINE)
  doc_blocks.py run EXPECTED -- COMMAND...
      runs COMMAND in a new empty directory and checks its exit status and,
      unless EXPECTED is -, that its output is EXPECTED's
  doc_blocks.py json FILE
      checks that FILE parses as JSON
  doc_blocks.py steps DIR -- COMMAND...
      runs a tutorial's program (COMMAND) in a new empty directory and checks
      each step's output that the page shows (DIR holds step_N.expected)
  doc_blocks.py script DIR BUILD
      runs the script extracted into DIR (its run.sh, its files) with BUILD as
      `build`, and checks each step's output that the page shows
  doc_blocks.py here SOURCE_DIR RUNNING FILE...
      runs the commands of the project (`here` blocks) of FILE... in
      SOURCE_DIR, in page order, and checks each step's shown output; a
      command line equal to RUNNING (the command running this, which must be
      a line of SOURCE_DIR/.ci/run) is not run again
"""

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PROGRAM_LANGUAGES = {"cpp": ".cpp", "c": ".c", "python": ".py"}
DIRECTIVE = re.compile(r"^<!--\s*doc-test:\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^```(\w*)\s*$")
STEP = "@@sfcore-doc-step {}@@"


class BlockError(Exception):
    pass


def blocks(path):
    """Each fenced block of a Markdown file: (language, first line number, text, directive words, whether only
    blank lines separate it from the block before)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out = []
    i = 0
    adjacent = False  # only blank lines since the last block closed
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            adjacent = adjacent and not lines[i].strip()
            i += 1
            continue
        language, start = m.group(1), i + 1
        directive = DIRECTIVE.match(lines[i - 1]) if i > 0 else None
        i += 1
        body = []
        while i < len(lines) and lines[i].rstrip() != "```":
            body.append(lines[i])
            i += 1
        if i == len(lines):
            raise BlockError(f"{path}:{start}: a code block is not closed")
        out.append((language, start, "\n".join(body) + "\n", directive.group(1).split() if directive else [],
                    adjacent))
        adjacent = True
        i += 1
    return out


def shown_after(found, n):
    """The text of the ```text block right after block N of FOUND (only blank lines between), or None."""
    following = found[n + 1] if n + 1 < len(found) else None
    return following[2] if following and following[0] == "text" and following[4] else None


def is_whole(language, text):
    if language == "python":
        return True
    return re.search(r"\bint\s+main\s*\(", text) is not None


def with_context(source_dir, language, name, text, where, seen=()):
    """The program of context NAME with TEXT in place of its @block line; a context that starts with a line
    '// @context OTHER' ('# @context OTHER') is itself a fragment of OTHER."""
    path = os.path.join(source_dir, "docs", "blocks", name + PROGRAM_LANGUAGES[language])
    if not os.path.exists(path):
        raise BlockError(f"{where}: no context {os.path.relpath(path, source_dir)}")
    if name in seen:
        raise BlockError(f"{where}: the contexts {' -> '.join(seen + (name,))} make a loop")
    with open(path, encoding="utf-8") as f:
        context = f.read()
    comment = "#" if language == "python" else "//"
    found = [ln for ln in context.split("\n") if ln.strip() == f"{comment} @block"]
    if len(found) != 1:
        raise BlockError(f"{os.path.relpath(path, source_dir)}: needs exactly one line '{comment} @block'")
    indent = found[0][: len(found[0]) - len(found[0].lstrip())]
    fragment = "\n".join(indent + ln if ln else ln for ln in text.rstrip("\n").split("\n"))
    program = context.replace(found[0], fragment, 1)
    outer = re.match(rf"{re.escape(comment)} @context (\w+)\n", program)
    if outer:
        return with_context(source_dir, language, outer.group(1), program[outer.end():], where, seen + (name,))
    return program


def extract(source_dir, out_dir, files):
    os.makedirs(out_dir, exist_ok=True)
    manifest = []
    scripts = {}  # name -> {"steps": [(text, expected or None, where)], "files": {path: text}, "where": first}
    tutorials = {}  # name -> {"steps": [(text, expected or None, where)], "where": first}
    for rel in files:
        path = os.path.join(source_dir, rel)
        stem = re.sub(r"[^A-Za-z0-9]+", "_", os.path.splitext(rel)[0]).strip("_")
        found = blocks(path)
        for n, (language, line, text, words, _) in enumerate(found):
            where = f"{rel}:{line}"
            name = f"{stem}_{line}"
            shown = shown_after(found, n)
            if words[:1] == ["tutorial"]:
                if (len(words) not in (2, 4) or not re.fullmatch(r"\w+", words[1])
                        or language not in PROGRAM_LANGUAGES or (len(words) == 4 and words[2] != "context")):
                    raise BlockError(f"{where}: write 'tutorial NAME' (or, on a C or C++ tutorial's first step, "
                                     "'tutorial NAME context CONTEXT') before a python, c or cpp block")
                tutorial = tutorials.setdefault(words[1], {"steps": [], "where": where, "language": language,
                                                           "context": None})
                if language != tutorial["language"]:
                    raise BlockError(f"{where}: the tutorial {words[1]} is in {tutorial['language']}, not {language}")
                if len(words) == 4:
                    if tutorial["context"] not in (None, words[3]):
                        raise BlockError(f"{where}: the tutorial {words[1]} already has a context")
                    tutorial["context"] = words[3]
                tutorial["steps"].append((text, shown, where))
                continue
            if words[:1] == ["here"]:
                if len(words) != 2 or not re.fullmatch(r"\w+", words[1]) or language != "sh":
                    raise BlockError(f"{where}: write 'here NAME' before a ```sh block")
                continue  # run by `doc_blocks.py here` (make test), not by ctest
            if language == "sh" and words[:1] != ["script"]:
                raise BlockError(f"{where}: a ```sh block is run by the tests: write 'script NAME' (a new directory) "
                                 "or 'here NAME' (the source directory, by make test) on the line before its fence")
            if words[:1] in (["script"], ["file"]):
                if len(words) != (2 if words[0] == "script" else 3) or not re.fullmatch(r"\w+", words[1]):
                    raise BlockError(f"{where}: write 'script NAME' or 'file NAME PATH'")
                script = scripts.setdefault(words[1], {"steps": [], "files": {}, "where": where})
                if words[0] == "file":
                    target = os.path.normpath(words[2])
                    if target.startswith("..") or os.path.isabs(target):
                        raise BlockError(f"{where}: a script's file must stay in its directory: {words[2]}")
                    script["files"][target] = text
                elif language != "sh":
                    raise BlockError(f"{where}: a script's step is a ```sh block, not ```{language}")
                else:
                    script["steps"].append((text, shown, where))
                continue
            if language == "json":
                target = os.path.join(out_dir, name + ".json")
                write(target, text)
                manifest.append(("json", name, target, "-", "json", where))
                continue
            if language not in PROGRAM_LANGUAGES:
                continue
            mode = "compile" if "compile-only" in words else "run"
            program = text
            if "context" in words:
                at = words.index("context")
                if at + 1 >= len(words):
                    raise BlockError(f"{where}: 'context' names no program")
                program = with_context(source_dir, language, words[at + 1], text, where)
            elif not is_whole(language, text):
                raise BlockError(f"{where}: a {language} fragment with no main: give it a context "
                                 "(<!-- doc-test: context NAME --> on the line before its fence)")
            target = os.path.join(out_dir, name + PROGRAM_LANGUAGES[language])
            write(target, program)
            expected = "-"
            if shown is not None:
                if mode == "compile":
                    raise BlockError(f"{where}: a compile-only block shows output")
                expected = os.path.join(out_dir, name + ".expected")
                write(expected, shown)
            manifest.append((language, name, target, expected, mode, where))
    for name, script in scripts.items():
        if not script["steps"]:
            raise BlockError(f"{script['where']}: the script {name} has files but no steps")
        target = os.path.join(out_dir, "script_" + name)
        write(os.path.join(target, "run.sh"), shell_steps(script["steps"], target))
        for rel, text in script["files"].items():
            write(os.path.join(target, "files", rel), text)
        manifest.append(("sh", "script_" + name, target, "-", "script", script["where"]))
    # Each step first prints its marker (a string literal: repr in Python, a JSON string in C and C++).
    markers = {"python": "print({}, flush=True)", "c": 'printf("%s\\n", {}); fflush(stdout);',
               "cpp": 'std::printf("%s\\n", {}); std::fflush(stdout);'}
    literal = {"python": repr, "c": json.dumps, "cpp": json.dumps}
    for name, tutorial in tutorials.items():
        target = os.path.join(out_dir, "tutorial_" + name)
        language = tutorial["language"]
        lines = []
        for i, (text, shown, _) in enumerate(tutorial["steps"]):
            marker = markers[language].format(literal[language](STEP.format(i)))
            lines += [marker, text.rstrip("\n")]
            if shown is not None:
                write(os.path.join(target, f"step_{i}.expected"), shown)
        program = "\n".join(lines) + "\n"
        if tutorial["context"]:
            program = with_context(source_dir, language, tutorial["context"], program, tutorial["where"])
        elif language != "python":
            raise BlockError(f"{tutorial['where']}: a {language} tutorial names its context on its first step")
        source = os.path.join(target, "tutorial" + PROGRAM_LANGUAGES[language])
        write(source, program)
        manifest.append((language, "tutorial_" + name, source, target, "steps", tutorial["where"]))
    for row in manifest:
        print("\t".join(row))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old != text:  # unchanged programs are not rebuilt
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def run(expected, command):
    with tempfile.TemporaryDirectory(prefix="sfcore-doc-") as cwd:
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    out = done.stdout.decode("utf-8", "replace")
    if done.returncode != 0:
        sys.stderr.write(out + done.stderr.decode("utf-8", "replace"))
        sys.stderr.write(f"the block's program exited with status {done.returncode}\n")
        return 1
    if expected == "-":
        return 0
    with open(expected, encoding="utf-8") as f:
        want = f.read()
    norm = lambda s: [ln.rstrip() for ln in s.rstrip("\n").split("\n")]
    if norm(out) != norm(want):
        sys.stderr.write("the block prints something other than the output the docs show:\n")
        sys.stderr.writelines(difflib.unified_diff([ln + "\n" for ln in norm(want)], [ln + "\n" for ln in norm(out)],
                                                   "shown", "printed"))
        return 1
    return 0


def _lines(text):
    return [ln.rstrip() for ln in text.rstrip("\n").split("\n")]


def run_script(script_dir, build):
    """Runs an extracted script in a new directory and checks each step's shown output."""
    with tempfile.TemporaryDirectory(prefix="sfcore-doc-") as home:
        files = os.path.join(script_dir, "files")
        if os.path.isdir(files):
            shutil.copytree(files, home, dirs_exist_ok=True)
        os.symlink(os.path.abspath(build), os.path.join(home, "build"))
        done = subprocess.run(["bash", os.path.join(script_dir, "run.sh")], cwd=home, env=dict(os.environ, HOME=home),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=900)
    return check_steps(script_dir, done)


def shell_steps(steps, step_dir, running=None):
    """One bash program of STEPS [(text, shown, where)], each first printing its marker; writes each shown
    output to STEP_DIR/step_N.expected. A command line equal to RUNNING is not run (it is what runs this)."""
    lines = ["set -euo pipefail"]
    for i, (text, shown, where) in enumerate(steps):
        lines.append(f"printf '%s\\n' '{STEP.format(i)}'")
        for ln in text.rstrip("\n").split("\n"):
            same = running is not None and ln.split("#", 1)[0].strip() == running
            lines.append(f": {where}: '{running}' is what runs this" if same else ln)
        if shown is not None:
            write(os.path.join(step_dir, f"step_{i}.expected"), shown)
    return "\n".join(lines) + "\n"


def run_here(source_dir, running, files):
    """Runs the commands of the project (`here` blocks) in SOURCE_DIR and checks each step's shown output."""
    with open(os.path.join(source_dir, ".ci", "run"), encoding="utf-8") as f:
        if running not in (ln.strip() for ln in f):
            sys.stderr.write(f"{running!r} is not a command of .ci/run\n")
            return 1
    lists = {}  # name -> [(text, shown, where)]
    for rel in files:
        found = blocks(os.path.join(source_dir, rel))
        for n, (language, line, text, words, _) in enumerate(found):
            if words[:1] != ["here"]:
                continue
            shown = shown_after(found, n)
            lists.setdefault(words[1], []).append((text, shown, f"{rel}:{line}"))
    failed = 0
    for name, steps in lists.items():
        with tempfile.TemporaryDirectory(prefix="sfcore-doc-") as step_dir:
            program = shell_steps(steps, step_dir, running)
            print(f"doc_blocks: the commands '{name}' from {steps[0][2]} ({len(steps)} blocks)", flush=True)
            done = subprocess.run(["bash", "-c", program], cwd=source_dir, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=1800)
            failed |= check_steps(step_dir, done)
    if not lists:
        sys.stderr.write("no 'here' blocks: nothing ran\n")
        return 1
    return failed


def run_steps(step_dir, command):
    """Runs a tutorial's program in a new empty directory and checks each step's shown output."""
    with tempfile.TemporaryDirectory(prefix="sfcore-doc-") as cwd:
        done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return check_steps(step_dir, done)


def check_steps(step_dir, done):
    out = done.stdout.decode("utf-8", "replace")
    steps = re.split(r"^@@sfcore-doc-step (\d+)@@\n", out, flags=re.M)
    printed = {int(steps[i]): steps[i + 1] for i in range(1, len(steps) - 1, 2)}
    if done.returncode != 0:
        sys.stderr.write(out + done.stderr.decode("utf-8", "replace"))
        last = max(printed) if printed else 0
        sys.stderr.write(f"step {last} exited with status {done.returncode}\n")
        return 1
    failed = 0
    shown = sorted(int(m.group(1)) for m in map(re.compile(r"^step_(\d+)\.expected$").match, os.listdir(step_dir)) if m)
    for i in shown:
        if i not in printed:
            sys.stderr.write(f"step {i} never ran\n")
            failed = 1
            continue
        with open(os.path.join(step_dir, f"step_{i}.expected"), encoding="utf-8") as f:
            want = f.read()
        if _lines(printed[i]) != _lines(want):
            sys.stderr.write(f"step {i} prints something other than the output the page shows:\n")
            sys.stderr.writelines(difflib.unified_diff([ln + "\n" for ln in _lines(want)],
                                                       [ln + "\n" for ln in _lines(printed[i])], "shown", "printed"))
            failed = 1
    return failed


def main(argv):
    if len(argv) >= 4 and argv[1] == "extract":
        try:
            extract(argv[2], argv[3], argv[4:])
        except BlockError as e:
            sys.stderr.write(f"doc_blocks: {e}\n")
            return 1
        return 0
    if len(argv) >= 5 and argv[1] == "run" and argv[3] == "--":
        return run(argv[2], argv[4:])
    if len(argv) >= 5 and argv[1] == "steps" and argv[3] == "--":
        return run_steps(argv[2], argv[4:])
    if len(argv) == 4 and argv[1] == "script":
        return run_script(argv[2], argv[3])
    if len(argv) >= 5 and argv[1] == "here":
        return run_here(argv[2], argv[3], argv[4:])
    if len(argv) == 3 and argv[1] == "json":
        with open(argv[2], encoding="utf-8") as f:
            json.load(f)
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
