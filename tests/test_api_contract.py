"""The API keeps the contract its OpenAPI document states, checked as a new user would check it: schemathesis
with all its checks (every status declared with the error shape, schema-valid requests accepted, 405 with
`Allow`, responses as documented, stateful sequences) against `letopis serve` started on loopback over a
real store with the seeds, writing on (operator token given), with a fixed seed."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import CLI, SEEDS, run_cli

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_schemathesis_finds_no_failure(tmp_path):
    db = tmp_path / "seeds.db"
    run_cli("ingest", str(SEEDS), db=db)
    port = _free_port()
    env = {**os.environ, "LETOPIS_DB": f"sqlite:///{db}", "LETOPIS_TOKEN": "contract-token"}
    server = subprocess.Popen([CLI, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        spec = f"http://127.0.0.1:{port}/api/openapi.json"
        for _ in range(300):
            try:
                urllib.request.urlopen(spec, timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        result = subprocess.run(
            [SCHEMATHESIS, "run", spec, "--checks", "all", "--seed", "1", "--max-examples", "40",
             "--generation-deterministic", "-H", "Authorization: Bearer contract-token", "--no-color",
             "--report-dir", str(tmp_path / "report")],
            capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False)
    finally:
        server.terminate()
        server.wait(timeout=30)
    summary = result.stdout[result.stdout.find("SUMMARY"):]
    print(summary)
    assert result.returncode == 0, result.stdout[-6000:]
    assert "Tested: 12" in summary  # every operation of the document was exercised
