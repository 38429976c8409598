"""The shipped stubs (_core.pyi) describe the compiled module: a drift fails here."""

import ast
import enum
from pathlib import Path

import sfcore
from sfcore import _core

STUB = Path(_core.__file__).with_name("_core.pyi")


def stub_tree():
    return ast.parse(STUB.read_text())


def test_stub_names_equal_module_names():
    stubbed = set()
    for node in stub_tree().body:
        if isinstance(node, ast.ClassDef):
            stubbed.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            stubbed.add(node.target.id)
    public = {n for n in dir(_core) if not n.startswith("_")} | {"__version__"}
    assert stubbed == public


def test_stub_classes_list_the_module_members():
    for node in stub_tree().body:
        if not isinstance(node, ast.ClassDef):
            continue
        cls = getattr(_core, node.name)
        for item in node.body:
            if isinstance(item, (ast.FunctionDef,)) and not item.name.startswith("__"):
                assert hasattr(cls, item.name), f"{node.name}.{item.name} is stubbed but missing"
            if isinstance(item, ast.Assign) and hasattr(cls, "__members__"):
                name = item.targets[0].id
                assert name in cls.__members__, f"{node.name}.{name} is stubbed but missing"
                assert int(cls.__members__[name]) == item.value.value, f"{node.name}.{name} value differs"
        if hasattr(cls, "__members__"):
            stubbed = {i.targets[0].id for i in node.body if isinstance(i, ast.Assign)}
            assert stubbed == set(cls.__members__), f"{node.name} members differ from the stub"
        else:
            public = {n for n in vars(cls) if not n.startswith("_")}
            stubbed = {i.name for i in node.body if isinstance(i, ast.FunctionDef) and not i.name.startswith("_")}
            if not issubclass(cls, BaseException):
                assert public == stubbed, f"{node.name}: module {sorted(public)} vs stub {sorted(stubbed)}"


def test_package_exports_everything_public():
    assert set(sfcore.__all__) == {n for n in dir(_core) if not n.startswith("_")} - {"VERSION_NUMBER"} | {"__version__"}
    assert (Path(sfcore.__file__).with_name("py.typed")).exists()
