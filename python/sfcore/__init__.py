"""sfcore: the Strengthening Families lifecycle and consent-gated disclosure.

The compiled core lives in ``sfcore._core``; everything public is re-exported
here. A quick map:

- ``AgencyDirectory``, ``Referral``, ``Case`` and the payloads: a family's
  case as one hash-chained journal. ``Case.record()`` offers a fact — of the
  lifecycle (``ReferralAccepted`` … ``CaseReopened``) or of what governs
  sharing (``SharingConsentGiven``, ``ConfidentialMarked``,
  ``SharedWithoutConsent``…) — and returns an ``Outcome``: accepted, or
  refused by a named guard with the reason.
- ``Case.decide()``, ``check()``, ``decide_many()``, ``view()``: decisions
  on disclosure, each decision and view recorded in the same journal;
  ``Decision.requester_reason`` is what a requester may be told.
- ``Case.head``/``verify()``, ``SealingKey``, ``JournalHead``: the journal's
  integrity. ``Store``: the SQLite case store (a context manager); archives
  through ``to_bytes()``/``from_bytes()`` and pickling.
- ``sfcore.analysis``: tables for analysts (records, pandas DataFrames) and
  aggregates; ``sfcore.plots``: a case timeline and a lifecycle funnel
  (matplotlib).

Dates are ``datetime.date``; instants are aware ``datetime.datetime`` (any
zone in, Pacific/Auckland out). Errors are raised as subclasses of
:class:`SfcoreError`, each carrying ``.code`` (an :class:`ErrorCode`); a
refusal by a rule is a returned value, never an exception.
"""

from . import _core
from ._core import *  # noqa: F401,F403  (every public name of the compiled core)
from ._core import __version__

from . import _arguments


def _clearer_errors():
    """A slip with a constructor names the argument; Case() and Case.record(non-payload) say what to do."""
    import enum

    for name in dir(_core):
        cls = getattr(_core, name)
        if isinstance(cls, type) and not issubclass(cls, (BaseException, enum.Enum)):
            _arguments.clarify_constructor(cls)
    _arguments.no_constructor(_core.Case, "open a case with Case.open(…), or read one with Case.from_bytes(…) or "
                                          "Store.load(…)")
    payloads = tuple(getattr(_core, "".join(w.capitalize() for w in t.name.split("_"))) for t in _core.EventType)
    for method in ("record", "would_accept"):
        setattr(_core.Case, method, _arguments.check_payload(getattr(_core.Case, method), payloads))


_clearer_errors()

__all__ = sorted(n for n in dir(_core) if not n.startswith("_") and n != "VERSION_NUMBER") + ["__version__"]
