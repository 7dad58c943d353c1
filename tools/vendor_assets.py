"""Put the pinned front-end files the web view serves (chart.js, cytoscape) into a folder.

The versions and their sha512 integrity come from `package-lock.json`; each package's tarball is read
from `node_modules/` when `npm ci` has put it there, else fetched from the npm registry
($NPM_CONFIG_REGISTRY, default https://registry.npmjs.org) and checked against the lock file before a
byte of it is used. The wheel build (setup.py) runs this into the package's `web/static/vendor/`, so an
installed copy serves the same pages as a source checkout; `make assets` runs it for the checkout.

    python tools/vendor_assets.py src/letopis/web/static/vendor

Standard library only: it runs inside pip's isolated build environment.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# served name -> (npm package, path inside the package)
FILES = {
    "chart.umd.min.js": ("chart.js", "dist/chart.umd.min.js"),
    "cytoscape.min.js": ("cytoscape", "dist/cytoscape.min.js"),
}


def locked(package: str, lock: Path = ROOT / "package-lock.json") -> tuple[str, str]:
    """The version and integrity string package-lock.json pins for a package."""
    entry = json.loads(lock.read_text(encoding="utf-8"))["packages"][f"node_modules/{package}"]
    return entry["version"], entry["integrity"]


def _verified(data: bytes, integrity: str, what: str) -> bytes:
    algo, _, digest = integrity.partition("-")
    if base64.b64encode(hashlib.new(algo, data).digest()).decode() != digest:
        raise SystemExit(f"vendor_assets: {what} does not match its integrity {integrity[:24]}… in package-lock.json")
    return data


def tarball(package: str, version: str, integrity: str) -> bytes:
    """The package's npm tarball, verified against the lock file's integrity."""
    registry = os.environ.get("NPM_CONFIG_REGISTRY", "https://registry.npmjs.org").rstrip("/")
    url = f"{registry}/{package}/-/{package.rsplit('/', 1)[-1]}-{version}.tgz"
    with urllib.request.urlopen(url, timeout=120) as response:
        return _verified(response.read(), integrity, url)


def file_of(package: str, inner: str, node_modules: Path = ROOT / "node_modules") -> bytes:
    """One file of a pinned package: from node_modules/ when npm installed that version, else the registry."""
    version, integrity = locked(package)
    installed = node_modules / package
    try:
        meta = json.loads((installed / "package.json").read_text(encoding="utf-8"))
        if meta.get("version") == version and (installed / inner).is_file():
            return (installed / inner).read_bytes()
    except (OSError, ValueError):
        pass
    with tarfile.open(fileobj=io.BytesIO(tarball(package, version, integrity)), mode="r:gz") as tar:
        member = tar.extractfile(f"package/{inner}")
        if member is None:
            raise SystemExit(f"vendor_assets: {package}@{version} has no {inner}")
        return member.read()


def vendor(target: Path) -> list[Path]:
    """Write every served file into `target` (kept when already there with the pinned version's bytes)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (package, inner) in FILES.items():
        path = target / name
        stamp = target / f"{name}.version"
        version = locked(package)[0]
        if not (path.is_file() and stamp.is_file() and stamp.read_text().strip() == f"{package}@{version}"):
            path.write_bytes(file_of(package, inner))
            stamp.write_text(f"{package}@{version}\n")
        written.append(path)
    return written


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "src/letopis/web/static/vendor"
    for p in vendor(out):
        print(f"{p} ({p.stat().st_size} bytes)")
