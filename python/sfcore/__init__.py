"""sfcore: the Strengthening Families lifecycle and consent-gated disclosure.

The compiled core lives in ``sfcore._core``; everything public is re-exported
here. Errors are raised as subclasses of :class:`SfcoreError`, each carrying
``.code`` (an :class:`ErrorCode`); a refusal by a rule is a returned value,
never an exception.
"""

from ._core import (
    Agency,
    AgencyDirectory,
    AgencyKind,
    ArgumentError,
    Case,
    ConsentError,
    DisclosureError,
    ErrorCode,
    Event,
    EventType,
    InternalError,
    LifecycleError,
    Programme,
    Referral,
    ReferralSource,
    SfcoreError,
    State,
    StorageError,
    __version__,
)

__all__ = [
    "Agency",
    "AgencyDirectory",
    "AgencyKind",
    "ArgumentError",
    "Case",
    "ConsentError",
    "DisclosureError",
    "ErrorCode",
    "Event",
    "EventType",
    "InternalError",
    "LifecycleError",
    "Programme",
    "Referral",
    "ReferralSource",
    "SfcoreError",
    "State",
    "StorageError",
    "__version__",
]
