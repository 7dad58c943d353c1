"""Shared fixtures: the loaded pipeline (session-wide), paths to ../shared, the CLI."""
from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CLI = str(Path(sys.executable).with_name("letopis"))


@pytest.fixture(scope="session")
def pipeline():
    from letopis import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_articles(pipeline):
    return {p.stem[:3]: pipeline.process(p.read_text("utf-8"), source=str(p)) for p in sorted(SEEDS.glob("*.txt"))}


def run_cli(*args: str, db: Path | None = None, check: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if db is not None:
        env["LETOPIS_DB"] = f"sqlite:///{db}"
    result = subprocess.run([CLI, *args], check=False, capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"letopis {' '.join(args)} failed: {result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(*args: str, env: dict | None = None, cli: str = CLI, ready: str = "/api/stories?limit=1"):
    """`letopis serve ARGS` on a free loopback port, once it answers `ready`; yields its base URL and
    stops it after."""
    import time
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([cli, "serve", "--port", str(port), *args], env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(base + ready, timeout=5).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"letopis serve did not start: {proc.stdout.read() if proc.stdout else ''}")
            time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The sample corpus (examples/) ingested through the CLI into a real SQLite file."""
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    run_cli("ingest", str(ROOT / "examples"), db=db)
    return db


@pytest.fixture(scope="session")
def api(sample_db):
    from fastapi.testclient import TestClient

    from letopis.api import create_app

    with TestClient(create_app(f"sqlite:///{sample_db}", token="s3cret")) as client:
        yield client


def _pg_bin(name: str) -> str:
    import glob
    import shutil

    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    path = found[-1] if found else shutil.which(name)
    assert path, f"PostgreSQL's {name} is needed: `make test` installs Debian's postgresql"
    return path


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory):
    """A throwaway PostgreSQL server on 127.0.0.1 (as the postgres user when the tests run as root)."""
    import socket
    import tempfile
    import time

    root = Path(tempfile.mkdtemp(prefix="letopis-pg-"))  # pytest's own temp dirs are closed to other users
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        import shutil

        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    subprocess.run([*as_user, _pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "letopis", "-E", "UTF8",
                    "--locale", "C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*as_user, _pg_bin("pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-o",
                    f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off", "start"],
                   check=True, capture_output=True)
    url = f"postgresql://letopis@127.0.0.1:{port}/postgres"
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    yield url
    subprocess.run([*as_user, _pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"], check=False, capture_output=True)
    import shutil

    shutil.rmtree(root, ignore_errors=True)
