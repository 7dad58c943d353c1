"""The API keeps the contract its OpenAPI document states, checked as a new user would check it: schemathesis
with all its checks (every status declared with the error shape, schema-valid requests accepted, 405 with
`Allow`, responses as documented, stateful sequences) against `letopis serve` started on loopback over a
real store with the seeds, writing on (operator token given), with a fixed seed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import SEEDS, run_cli, served

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def test_schemathesis_finds_no_failure(tmp_path):
    db = tmp_path / "seeds.db"
    run_cli("ingest", str(SEEDS), db=db)
    with served(env={"LETOPIS_DB": f"sqlite:///{db}", "LETOPIS_TOKEN": "contract-token"}) as base:
        result = subprocess.run(
            [SCHEMATHESIS, "run", f"{base}/api/openapi.json", "--checks", "all", "--seed", "1", "--max-examples", "40",
             "--generation-deterministic", "-H", "Authorization: Bearer contract-token", "--no-color",
             "--report-dir", str(tmp_path / "report")],
            capture_output=True, text=True, timeout=900, cwd=tmp_path, check=False)
    summary = result.stdout[result.stdout.find("SUMMARY"):]
    print(summary)
    assert result.returncode == 0, result.stdout[-6000:]
    assert "Tested: 12" in summary  # every operation of the document was exercised
