#!/usr/bin/env python3
"""Write python/sfcore/_core.pyi from the compiled module itself.

The stubs are made from what pybind11 says of each function (its signature
line) and from the enumerations and exceptions the module creates, so they
cannot say anything the module does not. tests/python/test_stubs.py
generates them again and fails when the shipped file differs: run
`make stubs` after changing the bindings.

Usage: gen_stubs.py [OUTPUT]   (stdout without OUTPUT; sfcore must be importable)
"""

import enum
import inspect
import re
import sys

HEADER = '''"""Type stubs for sfcore._core, generated from the module by scripts/gen_stubs.py (make stubs)."""

import datetime
import enum
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union, overload

Buffer = Union[bytes, bytearray, memoryview]
'''

# pybind11's names for Python types, as a stub writes them.
RENAMES = [
    (r"\bsfcore\._core\.", ""),
    (r"\bsequence\b", "Sequence[Any]"),
    (r"\bbuffer\b", "Buffer"),
    (r"\biterator\b", "Iterator[Any]"),
    (r"\bIterator\b(?!\[)", "Iterator[Any]"),
    (r"\bdict\b(?!\[)", "Dict[str, Any]"),
    (r"\bList\[object\]", "List[Any]"),
    (r"\bobject\b", "Any"),
]


def clean(text):
    for pattern, repl in RENAMES:
        text = re.sub(pattern, repl, text)
    return text


def split_params(params):
    """Split a parameter list (or a C macro call's arguments) at top-level commas; a quoted string is one piece."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(params):
        ch = params[i]
        if ch in "'\"":
            end = i + 1
            while end < len(params) and params[end] != ch:
                end += 2 if params[end] == "\\" else 1
            cur += params[i:end + 1]
            i = end + 1
            continue
        if ch in "[(<{":
            depth += 1
        elif ch in "])>}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        out.append(cur.strip())
    return out


def stub_params(params, drop_self_type):
    out = []
    for i, p in enumerate(split_params(params)):
        if p in ("*", "*args", "**kwargs") or p.startswith("*args") or p.startswith("**kwargs"):
            out.append(p.split(":")[0] if p.startswith("*") else p)
            continue
        name, _, rest = p.partition(":")
        name = name.strip()
        annotation, eq, default = rest.partition("=")
        annotation = clean(annotation.strip())
        if i == 0 and drop_self_type and name in ("self", "arg0"):
            out.append("self")
            continue
        if eq:
            if default.strip() == "None" and not annotation.startswith("Optional["):
                annotation = f"Optional[{annotation}]"
            out.append(f"{name}: {annotation} = ...")
        else:
            out.append(f"{name}: {annotation}")
    return ", ".join(out)


SIG = re.compile(r"^(\w+)\((.*)\)\s*->\s*(.+)$")


def signatures(func):
    """The signature lines pybind11 wrote into a function's __doc__."""
    doc = func.__doc__ or ""
    lines = doc.splitlines()
    if lines and lines[0].startswith("Overloaded function."):
        return [SIG.match(re.sub(r"^\d+\.\s*", "", l)) for l in lines if re.match(r"^\d+\.\s*\w+\(", l)]
    return [SIG.match(lines[0])] if lines and SIG.match(lines[0]) else []


def summary(func):
    """The prose of a pybind11 docstring (after the signature lines)."""
    doc = func.__doc__ or ""
    lines = [l for l in doc.splitlines() if not SIG.match(re.sub(r"^\d+\.\s*", "", l))]
    text = "\n".join(l for l in lines if l.strip() and l.strip() != "Overloaded function.").strip()
    return text


def docstring(text, indent):
    if not text:
        return []
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = text.splitlines()
    if len(body) == 1:
        return [f'{indent}"""{body[0]}"""']
    return [f'{indent}"""{body[0]}'] + [f"{indent}{l}" if l else "" for l in body[1:]] + [f'{indent}"""']


def function_stub(name, func, indent, method, static=False):
    sigs = signatures(func)
    out = []
    if not sigs:
        return [f"{indent}def {name}(self, *args: Any, **kwargs: Any) -> Any: ..."] if method else []
    for m in sigs:
        if len(sigs) > 1:
            out.append(f"{indent}@overload")
        if static:
            out.append(f"{indent}@staticmethod")
        params = stub_params(m.group(2), drop_self_type=method and not static)
        ret = clean(m.group(3).strip())
        doc = summary(func) if len(sigs) == 1 else ""
        if doc:
            out.append(f"{indent}def {name}({params}) -> {ret}:")
            out.extend(docstring(doc, indent + "    "))
        else:
            out.append(f"{indent}def {name}({params}) -> {ret}: ...")
    return out


def property_stub(name, prop, indent):
    ret = "Any"
    if prop.fget is not None:
        first = (prop.fget.__doc__ or "").splitlines()[:1]
        m = re.match(r"^\w*\((.*)\)\s*->\s*(.+)$", first[0]) if first else None
        if m:
            ret = clean(m.group(2).strip())
    out = [f"{indent}@property", f"{indent}def {name}(self) -> {ret}:"]
    doc = (prop.__doc__ or "").strip()
    doc = doc if doc and not SIG.match(doc.splitlines()[0]) and not doc.startswith("(") else ""
    out.extend(docstring(doc, indent + "    ") or [f"{indent}    ..."])
    if prop.fset is not None:
        out += [f"{indent}@{name}.setter", f"{indent}def {name}(self, value: {ret}) -> None: ..."]
    return out


def enum_stub(name, cls):
    out = [f"class {name}(enum.IntEnum):"]
    out.extend(docstring(cls.__doc__ or "", "    "))
    for member in cls:
        out.append(f"    {member.name} = {int(member)}")
    out += ["    @property", "    def label(self) -> str:", '        """The plain-language label."""']
    return out


SPECIAL = {"__init__", "__eq__", "__repr__", "__str__", "__len__", "__iter__", "__getitem__", "__contains__",
           "__bool__", "__hash__", "__enter__", "__exit__", "__copy__", "__deepcopy__", "__getstate__",
           "__setstate__"}


def class_stub(name, cls):
    out = [f"class {name}:"]
    out.extend(docstring(cls.__doc__ or "", "    "))
    for attr, value in sorted(vars(cls).items()):
        if attr.startswith("_") and attr not in SPECIAL:
            continue
        if isinstance(value, property):
            out.extend(property_stub(attr, value, "    "))
        elif isinstance(value, staticmethod):
            out.extend(function_stub(attr, value.__func__, "    ", method=True, static=True))
        elif callable(value) and attr != "__hash__" or attr == "__hash__" and value is not None:
            out.extend(function_stub(attr, value, "    ", method=True))
    return out


def generate(core):
    out = [HEADER]
    names = sorted(n for n in dir(core) if not n.startswith("_"))
    base = core.SfcoreError
    out.append("class SfcoreError(Exception):")
    out.extend(docstring(base.__doc__, "    "))
    out.append("    code: ErrorCode")
    out.append("")
    for n in names:
        obj = getattr(core, n)
        if obj is base:
            continue
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            bases = ", ".join(b.__name__ for b in obj.__bases__)
            out.append(f"class {n}({bases}):")
            out.extend(docstring(obj.__doc__, "    "))
        elif inspect.isclass(obj) and issubclass(obj, enum.IntEnum):
            out.extend(enum_stub(n, obj))
        elif inspect.isclass(obj):
            out.extend(class_stub(n, obj))
        elif callable(obj):
            out.extend(function_stub(n, obj, "", method=False))
        else:
            kind = type(obj).__name__
            if isinstance(obj, tuple):
                kind = "Tuple[str, ...]"
            out.append(f"{n}: {kind}")
        out.append("")
    out.append("__version__: str")
    return "\n".join(out).rstrip() + "\n"


def main():
    from sfcore import _core

    text = generate(_core)
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
