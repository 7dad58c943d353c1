"""Spark throughput: `letopis spark ingest` on NEREL train texts at local[1] and local[2], with the
scaling efficiency and a projection to a cluster (make bench).

    .venv/bin/python bench/bench_spark.py          # BENCH_DOCS=300 by default
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL = ROOT.parent / "shared" / "data" / "NEREL-v1.1" / "train"
CLI = str(Path(sys.executable).with_name("letopis"))


def main() -> None:
    paths = sorted(NEREL.glob("*.txt"))[: int(os.environ.get("BENCH_DOCS", "300"))]
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "docs.jsonl"
        jsonl.write_text("\n".join(json.dumps({"id": p.stem, "published": None, "text": p.read_text("utf-8")},
                                              ensure_ascii=False) for p in paths) + "\n", encoding="utf-8")
        for cores in (1, 2):
            out = subprocess.run([CLI, "spark", "ingest", str(jsonl), "--out", f"{tmp}/out{cores}",
                                  "--master", f"local[{cores}]"], capture_output=True, text=True, check=True).stdout
            rates[cores] = float(re.search(r"\(([\d.]+) docs/s\)", out).group(1))
    efficiency = rates[2] / (2 * rates[1])
    print(f"spark ingest of {len(paths)} NEREL texts (job wall clock: start, models, processing, Parquet)")
    print(f"  local[1] {rates[1]:.1f} docs/s; local[2] {rates[2]:.1f} docs/s; scaling efficiency {efficiency:.2f}")
    print(f"  projection: 100 cores × {rates[1]:.1f} docs/s a core × {efficiency:.2f} efficiency × 86,400 s = "
          f"{100 * rates[1] * efficiency * 86400 / 1e6:.1f} million articles a day (the efficiency of two cores on a "
          "short job, start-up included, taken for the cluster)")


if __name__ == "__main__":
    main()
