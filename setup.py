"""The wheel carries the front-end files its web view serves: before the package's files are collected,
the pinned chart.js and cytoscape are put into src/letopis/web/static/vendor/ (tools/vendor_assets.py:
from node_modules/ or the npm registry, checked against package-lock.json). Everything else is in
pyproject.toml."""
import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class build_py_with_assets(build_py):
    def run(self):
        spec = importlib.util.spec_from_file_location("vendor_assets", ROOT / "tools" / "vendor_assets.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.vendor(ROOT / "src" / "letopis" / "web" / "static" / "vendor")
        self.__dict__.pop("data_files", None)  # collected again, now with the vendored files
        super().run()


setup(cmdclass={"build_py": build_py_with_assets})
