"""One version everywhere: CMakeLists.txt, pyproject.toml, the module and the C library."""

import ctypes
import os
import re
import tomllib
from pathlib import Path

import sfcore

SOURCE = Path(os.environ.get("SFCORE_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def cmake_version():
    text = (SOURCE / "CMakeLists.txt").read_text()
    return re.search(r"project\(sfcore VERSION (\d+\.\d+\.\d+)", text).group(1)


def test_module_version_is_the_cmake_project_version():
    assert sfcore.__version__ == cmake_version()


def test_pyproject_version_agrees():
    with open(SOURCE / "pyproject.toml", "rb") as f:
        assert tomllib.load(f)["project"]["version"] == cmake_version()


def test_c_library_version_agrees(c_library):
    c_library.sf_version_string.restype = ctypes.c_char_p
    assert c_library.sf_version_string().decode() == cmake_version()
    major, minor, patch = (int(x) for x in cmake_version().split("."))
    assert c_library.sf_version_number() == major * 10000 + minor * 100 + patch
