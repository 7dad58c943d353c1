"""The tool a user installs: the wheel, built as `python -m build` builds it (sdist, then the wheel from the
sdist), installed into a fresh virtual environment outside the project, first with no extra, then with
`[en,server]` added. The installed copy must ingest the seeds (nothing rejected, the seeds scorer passes), serve every
page and the vendored front-end files, and, without the `en` extra, still store English texts with a
notice that says what they lack. pip reads the registries (or its warm cache) as `make test`'s own
install does; the tests themselves use loopback only."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, SHARED, served

PYTHON = sys.executable


def _run(*args: str | Path, env: dict | None = None, timeout: int = 600, cwd: Path | None = None,
         check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, cwd=cwd,
                            env={**os.environ, **(env or {})}, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(map(str, args))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def _clean_env(home: Path) -> dict:
    """No trace of the project's environment: no virtualenv, no source tree on the path, own cache folders
    (so the installed copy compiles its own knowledge base and finds no imported one)."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "LETOPIS_DB", "LETOPIS_ASSETS")}
    env.update(LETOPIS_CACHE_DIR=str(home / "cache"), LETOPIS_KB_DIR=str(home / "kb"), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    """sdist and wheel as `python -m build` makes them, and a wheel built straight from the tree."""
    vendor = ROOT / "src/letopis/web/static/vendor"
    assert (vendor / "cytoscape.min.js").is_file(), "the front-end files are missing: run `make assets`"
    out = tmp_path_factory.mktemp("dist")
    _run(PYTHON, "-m", "build", "--outdir", out / "from_sdist", ROOT)
    _run(PYTHON, "-m", "build", "--wheel", "--outdir", out / "from_tree", ROOT)
    return {"sdist": next((out / "from_sdist").glob("*.tar.gz")), "wheel": next((out / "from_sdist").glob("*.whl")),
            "tree_wheel": next((out / "from_tree").glob("*.whl"))}


def _venv(where: Path, requirement: str) -> tuple[Path, float]:
    _run(PYTHON, "-m", "venv", where)
    started = time.monotonic()
    _run(where / "bin/python", "-m", "pip", "install", "-q", "--no-compile", requirement, env=_clean_env(where), timeout=1200)
    return where / "bin", time.monotonic() - started


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_the_sdist_builds_the_same_wheel_as_the_tree(dist):
    def contents(path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as z:
            return {n: z.read(n) for n in z.namelist()}

    from_sdist, from_tree = contents(dist["wheel"]), contents(dist["tree_wheel"])
    assert from_sdist == from_tree
    names = set(from_sdist)
    for needed in ("letopis/web/static/vendor/chart.umd.min.js", "letopis/web/static/vendor/cytoscape.min.js",
                   "letopis/web/static/style.css", "letopis/web/templates/network.html", "letopis/kb/countries.yaml",
                   "letopis/lexicons/triggers.yaml", "letopis/store/migrations/env.py"):
        assert needed in names, needed
    lock = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    assert from_sdist["letopis/web/static/vendor/cytoscape.min.js.version"].decode().strip() == \
        f"cytoscape@{lock['node_modules/cytoscape']['version']}"
    metadata = next(v for k, v in from_sdist.items() if k.endswith(".dist-info/METADATA")).decode()
    assert "Requires-Dist: lxml_html_clean" in metadata  # jusText's import, declared, not borrowed from [dev]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """The user's home for the installed copies: their own cache (the knowledge base compiled once)."""
    return tmp_path_factory.mktemp("user")


@pytest.fixture(scope="module")
def base(dist, home, tmp_path_factory) -> dict:
    """The wheel with no extra in a fresh environment, and what it made of the seeds: the outputs of
    `ingest`, `export articles`, `export events` and `serve`. The same environment is then given the
    extras (`installed`), as a user who adds them would: one install of the common requirements, not two."""
    bin_, _ = _venv(home / "venv", str(dist["wheel"]))
    env = {**_clean_env(home), "LETOPIS_DB": f"sqlite:///{tmp_path_factory.mktemp('base') / 'base.db'}"}
    return {"ingest": _run(bin_ / "letopis", "ingest", SEEDS, env=env).stdout,  # four Russian articles, one English
            "articles": _run(bin_ / "letopis", "export", "articles", env=env).stdout,
            "events": _run(bin_ / "letopis", "export", "events", env=env).stdout,
            "serve": _run(bin_ / "letopis", "serve", env=env, check=False)}


@pytest.fixture(scope="module")
def installed(dist, home, base) -> tuple[Path, float]:
    started = time.monotonic()
    _run(home / "venv/bin/python", "-m", "pip", "install", "-q", "--no-compile", f"{dist['wheel']}[en,server]",
         env=_clean_env(home / "venv"), timeout=1200)
    return home / "venv/bin", time.monotonic() - started


def test_the_installed_wheel_ingests_the_seeds_and_scores(installed, home, tmp_path):
    bin_, seconds = installed
    env = _clean_env(home)
    assert _run(bin_ / "letopis", "--version", env=env).stdout.strip().startswith("letopis 0.1")
    doctor = _run(bin_ / "letopis", "doctor", env=env).stdout
    assert str(bin_.parent) in doctor  # the installed copy, not the source tree
    assert "en        installed" in doctor and "server    installed" in doctor and "problems: none" in doctor
    assert "pip install 'letopis[postgres]'" in doctor  # what a missing extra needs
    scored = _run("bash", SHARED / "tools/run_seeds.sh", env={**env, "LETOPIS": str(bin_ / "letopis")}, cwd=tmp_path)
    lines = scored.stdout.strip().splitlines()
    print(f"install of the extras [en,server] {seconds:.0f} s; " + " | ".join(lines[-3:]))
    assert "core events 12/12" in scored.stdout, scored.stdout


def test_the_installed_wheel_serves_every_page_and_its_front_end_files(installed, home, tmp_path):
    bin_, _ = installed
    env = {**_clean_env(home), "LETOPIS_DB": f"sqlite:///{tmp_path / 'seeds.db'}"}
    ingest = _run(bin_ / "letopis", "ingest", SEEDS, env=env).stdout
    assert "rejected 0" in ingest, ingest
    events = [json.loads(line) for line in _run(bin_ / "letopis", "export", "events", env=env).stdout.splitlines()]
    stories = [json.loads(line) for line in _run(bin_ / "letopis", "export", "stories", env=env).stdout.splitlines()]
    met = next(e for e in events if e["type"] == "CONSULT" and len(e["actors"]) >= 2)
    a, b = met["actors"][0]["id"], met["actors"][1]["id"]
    with served(env=env, cli=str(bin_ / "letopis"), ready="/api/events") as base:
        pages = ["/", "/events", f"/events/{met['id']}", f"/entities/{a}", f"/articles/{met['evidence'][0]['article_id']}",
                 f"/stories/{stories[0]['id']}", "/network", f"/dyad?a={a}&b={b}", "/search?q=Tokayev",
                 "/api/events", "/api/graph", "/api/timeline", "/static/site/style.css",
                 "/static/vendor/chart.umd.min.js", "/static/vendor/cytoscape.min.js"]
        answers = {page: _get(base + page) for page in pages}
    assert {page: status for page, (status, _) in answers.items()} == dict.fromkeys(pages, 200)
    assert b'<script src="/static/vendor/cytoscape.min.js">' in answers["/network"][1]
    assert b'<script src="/static/vendor/chart.umd.min.js">' in answers[f"/entities/{a}"][1]
    assert answers["/static/vendor/cytoscape.min.js"][1] == \
        (ROOT / "src/letopis/web/static/vendor/cytoscape.min.js").read_bytes()


def test_the_base_install_reads_russian_and_stores_english_with_a_notice(base):
    out = base["ingest"]
    assert "new 5" in out and "rejected 0" in out, out
    notices = [line for line in out.splitlines() if line.strip().startswith("notice")]
    assert len(notices) == 1 and "'en' extra" in notices[0] and "pip install 'letopis[en]'" in notices[0], out
    articles = [json.loads(line) for line in base["articles"].splitlines()]
    english = next(a for a in articles if a["language"] == "en")
    assert english["text"] and not english["mentions"]
    assert len({a["language"] for a in articles}) == 2
    events = [json.loads(line) for line in base["events"].splitlines()]
    assert events and all(ev["article_id"] != english["id"] for e in events for ev in e["evidence"])
    assert base["serve"].returncode != 0 and "pip install 'letopis[server]'" in base["serve"].stderr
