"""Shared fixtures: the loaded pipeline (session-wide), paths to ../shared, the CLI."""
from __future__ import annotations

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
