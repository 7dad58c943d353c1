"""Page and API latency with 10,000 events in the store, or N_EVENTS (make bench).

Builds a SQLite store with 10,000 events (the sample corpus's events repeated over
ten years, with their actors and evidence), starts `letopis serve` on loopback and
times each page: median and 95th percentile of 30 requests after a warm-up.
"""
from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("letopis"))
N_EVENTS = int(os.environ.get("N_EVENTS", "10000"))


def build(db: Path) -> None:
    from letopis.store import Store
    from letopis.store import schema as t
    from letopis.store.db import recount

    subprocess.run([CLI, "ingest", str(ROOT / "examples"), "--db", f"sqlite:///{db}"], check=True, capture_output=True)
    store = Store(f"sqlite:///{db}")
    templates = list(store.events())
    rng = random.Random(7)
    with store.engine.begin() as c:
        ev_rows, actor_rows, evid_rows = [], [], []
        for i in range(N_EVENTS):
            src = templates[i % len(templates)]
            eid = f"ev-bench-{i:05d}"
            date = None if i % 11 == 0 else f"{2014 + rng.randrange(10)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            ev_rows.append({"id": eid, "type": src["type"], "mode": src["mode"], "cameo": src["cameo"],
                            "status": src["status"], "date": date, "date_basis": "explicit" if date else None,
                            "location": src["location"], "topics": src["topics"], "confidence": src["confidence"],
                            "sources": 1})
            actor_rows += [{"event_id": eid, "entity_id": a["id"], "name": a["name"], "type": a["type"],
                            "role": a["role"], "country": a["country"]} for a in src["actors"]]
            evid_rows += [{"event_id": eid, **e} for e in src["evidence"]]
        c.execute(insert(t.events), ev_rows)
        c.execute(insert(t.event_actors), actor_rows)
        c.execute(insert(t.evidence), evid_rows)
        recount(c)  # the events went in past the corpus stages: their page aggregates from scratch


def timed(url: str, n: int = 30) -> tuple[float, float]:
    urllib.request.urlopen(url).read()  # warm-up
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        with urllib.request.urlopen(url) as r:
            r.read()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (n - 1))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen([CLI, "serve", "--port", str(port), "--db", f"sqlite:///{db}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/api/stories?limit=1")
                    break
                except OSError:
                    time.sleep(0.2)
            print(f"{N_EVENTS:,} events in the store; median / p95 of 30 requests:")
            for path in ("/events", "/events?actor=Tokayev", "/events?type=CONSULT&since=2018&until=2019", "/",
                         "/api/events?limit=50", "/api/events?country=KAZ&limit=50", "/api/timeline", "/api/graph",
                         "/network", "/entities/e-kassym-jomart-tokayev"):
                med, p95 = timed(base + path)
                print(f"  {path:<45} {med:7.1f} ms  {p95:7.1f} ms")
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
