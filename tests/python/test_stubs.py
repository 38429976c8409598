"""The shipped stubs (_core.pyi) are what scripts/gen_stubs.py makes from the compiled module: a drift fails here."""

import ast
import difflib
import importlib.util
import os
from pathlib import Path

import sfcore
from sfcore import _core

SOURCE = Path(os.environ.get("SFCORE_SOURCE_DIR", Path(__file__).resolve().parents[2]))
STUB = Path(_core.__file__).with_name("_core.pyi")


def generator():
    spec = importlib.util.spec_from_file_location("gen_stubs", SOURCE / "scripts" / "gen_stubs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stubs_are_generated_from_the_module():
    made = generator().generate(_core)
    shipped = STUB.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(shipped.splitlines(True), made.splitlines(True), "shipped", "module", n=1))
    assert made == shipped, f"_core.pyi drifted from the module: run `make stubs`\n{diff[:4000]}"


def test_the_stubs_parse_and_name_every_public_object():
    text = STUB.read_text(encoding="utf-8")
    assert "::" not in text  # a C++ type name pybind11 wrote where a class was bound too late (it parses as a slice)
    tree = ast.parse(text)
    named = {n.name for n in tree.body if isinstance(n, (ast.ClassDef, ast.FunctionDef))}
    named |= {n.target.id for n in tree.body if isinstance(n, ast.AnnAssign)}
    assert {n for n in dir(_core) if not n.startswith("_")} | {"__version__"} <= named


def test_package_exports_everything_public():
    assert set(sfcore.__all__) == {n for n in dir(_core) if not n.startswith("_")} - {"VERSION_NUMBER"} | {"__version__"}
    assert (Path(sfcore.__file__).with_name("py.typed")).exists()
