"""The pinned front-end files the web view serves (chart.js, cytoscape) and where they are.

The wheel build puts them into the package's web/static/vendor/ (tools/vendor_assets.py, from the npm
registry, checked against package-lock.json); `make assets` does the same in a source checkout.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

VENDOR_FILES = ("chart.umd.min.js", "cytoscape.min.js")


def vendor_folder() -> Path:
    """$LETOPIS_ASSETS, else the package's web/static/vendor/."""
    given = os.environ.get("LETOPIS_ASSETS")
    return Path(given) if given else Path(str(resources.files("letopis").joinpath("web", "static", "vendor")))
