import ctypes
import os

import pytest


@pytest.fixture(scope="session")
def c_library():
    """libsfcore_c, when the build says where it is (the build tree's tests do)."""
    path = os.environ.get("SFCORE_C_LIBRARY")
    if not path:
        pytest.skip("SFCORE_C_LIBRARY is not set: run through ctest to check the C library")
    return ctypes.CDLL(path)
