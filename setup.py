"""Builds sfcore._core with CMake, so `pip install --no-build-isolation --no-index .` works offline.

The CMake build directory is build/pip inside the source tree (pip builds
local projects in place), so a second install only rebuilds what changed.
"""

import os
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        extdir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        build_dir = Path(os.environ.get("SFCORE_PIP_BUILD_DIR", ROOT / "build" / "pip"))
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            "-DSFCORE_BUILD_PYTHON=ON",
            "-DSFCORE_BUILD_CAPI=OFF",
            "-DSFCORE_BUILD_TESTS=OFF",
            "-DSFCORE_BUILD_EXAMPLES=OFF",
            "-DSFCORE_BUILD_DOCS=OFF",
            f"-DPython_EXECUTABLE={sys.executable}",
            f"-DSFCORE_PYTHON_OUTPUT_DIR={extdir}",
        ]
        subprocess.run(configure, check=True)
        jobs = str(os.cpu_count() or 2)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs], check=True)


setup(ext_modules=[CMakeExtension("sfcore._core")], cmdclass={"build_ext": CMakeBuild})
