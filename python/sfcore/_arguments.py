"""Clear errors for the commonest slips with the compiled module's classes.

pybind11 answers a constructor called with a missing, unknown or mistyped
argument by listing the whole signature, and Case.record() given something
that is not a payload by listing all 44 payload classes. Here each keyword-only
constructor says which argument is missing, unknown or of the wrong type, and
record() says what a payload is; the module's own checks still decide
everything else.
"""

import datetime
import functools
import re

_SIGNATURE = re.compile(r"^__init__\(self: [\w.]+, \*, (?P<params>.*)\) -> None$")
_SIMPLE_TYPES = {"int": int, "str": str, "bool": bool, "float": (int, float), "datetime.date": datetime.date,
                 "datetime.datetime": datetime.datetime}


def _split(params):
    """Top-level comma-separated parts of a signature (brackets and quotes nest)."""
    parts, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(params):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(<":
            depth += 1
        elif ch in "])>":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(params[start:i].strip())
            start = i + 1
    parts.append(params[start:].strip())
    return [p for p in parts if p]


def keyword_parameters(cls):
    """A keyword-only constructor's parameters as (name, annotation, required), or None when it has another form."""
    doc = (getattr(cls.__init__, "__doc__", None) or "").split("\n", 1)[0]
    m = _SIGNATURE.match(doc)
    if not m:
        return None
    out = []
    for part in _split(m.group("params")):
        name, _, rest = part.partition(": ")
        annotation, eq, _ = rest.partition(" = ")
        out.append((name, annotation, not eq))
    return out


def _mistyped(value, annotation):
    """True when value plainly is not of a simple annotation (int, str, bool, a date…, or Optional of one)."""
    optional = re.fullmatch(r"Optional\[(.*)\]", annotation)
    if optional:
        if value is None:
            return False
        annotation = optional.group(1)
    wanted = _SIMPLE_TYPES.get(annotation)
    if wanted is None:
        if annotation.startswith("List[") and isinstance(value, (str, bytes, dict)):
            return True  # a single value where a list is asked for
        return False
    if wanted is int and isinstance(value, bool):
        return False
    if wanted is datetime.date and isinstance(value, datetime.datetime):
        return True  # a day is asked for, not an instant
    if wanted is str:
        return not isinstance(value, str)
    if wanted in (int, bool) and hasattr(value, "__index__"):
        return False
    return not isinstance(value, wanted)


def _type_name(value):
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__name__}"


def explain(cls_name, params, args, kwargs):
    """What is wrong with a call, in one sentence, or None when nothing plain is."""
    names = [p[0] for p in params]
    if args:
        return (f"{cls_name}() takes keyword arguments only, e.g. {cls_name}({names[0]}=…)" if names else
                f"{cls_name}() takes no arguments")
    unknown = [k for k in kwargs if k not in names]
    if unknown:
        return (f"{cls_name}() has no argument {', '.join(repr(k) for k in unknown)}; its arguments are "
                f"{', '.join(names)}")
    missing = [n for n, _, required in params if required and n not in kwargs]
    if missing:
        return f"{cls_name}() needs {', '.join(missing)}"
    wrong = [f"{n} is {_type_name(kwargs[n])}, not {annotation.replace('sfcore._core.', '')}"
             for n, annotation, _ in params if n in kwargs and _mistyped(kwargs[n], annotation)]
    if wrong:
        return f"{cls_name}(): {'; '.join(wrong)}"
    return None


def clarify_constructor(cls):
    """Wrap a keyword-only constructor so a slip names the argument (nothing changes for a call that works)."""
    params = keyword_parameters(cls)
    if params is None:
        return
    original = cls.__init__

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        try:
            original(self, *args, **kwargs)
        except TypeError as e:
            if "incompatible constructor arguments" not in str(e):
                raise
            why = explain(cls.__name__, params, args, kwargs)
            if why is None:
                raise
            raise TypeError(why) from None

    cls.__init__ = __init__


def no_constructor(cls, how):
    """A class made only by factories: calling it says which."""

    def __init__(self, *args, **kwargs):
        raise TypeError(f"{cls.__name__} objects are not made by calling {cls.__name__}(): {how}")

    __init__.__doc__ = f"Not callable: {how}"
    cls.__init__ = __init__


def check_payload(original, payload_types):
    """Wrap a Case method whose first argument is a payload so a non-payload is named plainly."""

    @functools.wraps(original)
    def wrapper(self, payload, *args, **kwargs):
        if not isinstance(payload, payload_types):
            raise TypeError(f"{original.__name__}(): the payload is a {_type_name(payload)}, and must be one of sfcore's "
                            "payload classes, such as sfcore.ReferralAccepted() or sfcore.SharingConsentGiven(…) "
                            "(each EventType has one)")
        return original(self, payload, *args, **kwargs)

    return wrapper
