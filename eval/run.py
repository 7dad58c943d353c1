"""`make eval`: the seeds scorer, then every `letopis eval` task with the floors pinned in eval/baselines.json."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("letopis"))


def main() -> int:
    failed = []
    seeds = subprocess.run([str(ROOT.parent / "shared" / "tools" / "run_seeds.sh")], cwd=ROOT,
                           env={**os.environ, "LETOPIS": CLI}, capture_output=True, text=True, check=False)
    print(seeds.stdout.strip().splitlines()[-1] if seeds.stdout.strip() else seeds.stderr)
    if seeds.returncode:
        failed.append("seeds")
    tasks = json.loads((ROOT / "eval" / "baselines.json").read_text())
    dev = tasks.get("_events_dev", {})
    events = subprocess.run([sys.executable, str(ROOT.parent / "shared" / "tools" / "score_events_dev.py"),
                             "--min-core-recall", str(dev.get("min_core_recall", 0)),
                             "--min-precision", str(dev.get("min_precision", 0))], cwd=ROOT,
                            env={**os.environ, "LETOPIS": CLI}, capture_output=True, text=True, check=False)
    print(events.stdout.strip().splitlines()[-1] if events.stdout.strip() else events.stderr)
    if events.returncode:
        failed.append("events-dev")
    for name, task in tasks.items():
        if name.startswith("_"):
            continue
        floors = [x for k, v in task["floors"].items() for x in ("--floor", f"{k}={v}")]
        print(f"== {name}", flush=True)
        r = subprocess.run([CLI, "eval", *task["args"], *floors], cwd=ROOT, check=False)
        if r.returncode:
            failed.append(name)
    print("eval: all floors held" if not failed else f"eval: under the floor: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
