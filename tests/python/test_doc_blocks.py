"""scripts/doc_blocks.py: every shell block of a page is run, and a command of the project is checked as shown."""

import importlib.util
import os
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("SFCORE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
spec = importlib.util.spec_from_file_location("doc_blocks", SOURCE / "scripts" / "doc_blocks.py")
doc_blocks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(doc_blocks)


def page(tmp_path, text):
    (tmp_path / "page.md").write_text(text, encoding="utf-8")
    return "page.md"


def test_a_shell_block_with_no_directive_is_refused(tmp_path):
    rel = page(tmp_path, "Run it:\n\n```sh\nmake everything\n```\n")
    with pytest.raises(doc_blocks.BlockError, match=r"page\.md:3: a ```sh block is run by the tests"):
        doc_blocks.extract(str(tmp_path), str(tmp_path / "out"), [rel])


def test_here_blocks_are_not_ctest_programs(tmp_path, capsys):
    rel = page(tmp_path, "<!-- doc-test: here cmds -->\n```sh\necho hi\n```\n")
    doc_blocks.extract(str(tmp_path), str(tmp_path / "out"), [rel])
    assert capsys.readouterr().out == ""


def project(tmp_path, body):
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "run").write_text("set -e\nmake test\n", encoding="utf-8")
    return page(tmp_path, body)


def test_here_runs_in_the_source_directory_and_checks_what_each_step_prints(tmp_path):
    rel = project(tmp_path, "<!-- doc-test: here cmds -->\n```sh\necho made > made.txt\n"
                            "make test   # what runs this\n```\n\n<!-- doc-test: here cmds -->\n```sh\ncat made.txt\n```\n\n"
                            "```text\nmade\n```\n")
    assert doc_blocks.run_here(str(tmp_path), "make test", [rel]) == 0
    assert (tmp_path / "made.txt").read_text() == "made\n"


def test_here_fails_when_a_step_prints_something_else(tmp_path, capsys):
    rel = project(tmp_path, "<!-- doc-test: here cmds -->\n```sh\necho two\n```\n\n```text\none\n```\n")
    assert doc_blocks.run_here(str(tmp_path), "make test", [rel]) == 1
    assert "step 0 prints something other than the output the page shows" in capsys.readouterr().err


def test_here_fails_when_a_command_fails(tmp_path, capsys):
    rel = project(tmp_path, "<!-- doc-test: here cmds -->\n```sh\nfalse\necho never\n```\n")
    assert doc_blocks.run_here(str(tmp_path), "make test", [rel]) == 1
    assert "exited with status 1" in capsys.readouterr().err


def test_the_command_not_run_again_must_be_one_ci_runs(tmp_path, capsys):
    rel = project(tmp_path, "<!-- doc-test: here cmds -->\n```sh\nmake check\n```\n")
    assert doc_blocks.run_here(str(tmp_path), "make check", [rel]) == 1
    assert "'make check' is not a command of .ci/run" in capsys.readouterr().err
