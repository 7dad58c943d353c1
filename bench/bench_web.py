"""Page and API latency with 10,000 events in the store, or N_EVENTS (make bench), and load.

Builds a SQLite store with 10,000 events (the sample corpus's events repeated over
ten years, with their actors and evidence), starts `letopis serve` on loopback and
times each page: median and 95th percentile of 30 requests after a warm-up. Then load:
CLIENTS (50) concurrent clients for LOAD_SECONDS (20) cycle through the event list, an
event page, search and the graph; requests/s, p50/p99 and errors.
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
CLIENTS = int(os.environ.get("CLIENTS", "50"))
LOAD_SECONDS = float(os.environ.get("LOAD_SECONDS", "20"))


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
            evid_rows += [{"event_id": eid, **e, "folded": e["text"].lower()} for e in src["evidence"]]
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


def serve(db: Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([CLI, "serve", "--port", str(port), "--db", f"sqlite:///{db}", "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/api/stories?limit=1")
            break
        except OSError:
            time.sleep(0.2)
    return proc, base


def load(base: str, label: str) -> None:
    """CLIENTS clients at once, each asking the next page of the mix as soon as the last one answered."""
    import asyncio

    import httpx

    paths = ["/api/events?limit=50", "/events", "/events/ev-bench-00042", "/api/events/ev-bench-01234",
             "/api/search?q=Tokayev", "/search?q=Токаев", "/api/graph", "/network"]
    latencies: list[float] = []
    errors: list[str] = []

    async def client(k: int, http: httpx.AsyncClient, until: float) -> None:
        i = k
        while time.perf_counter() < until:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = await http.get(base + path)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {path}")
            except httpx.HTTPError as e:
                errors.append(f"{type(e).__name__} {path}")
            latencies.append((time.perf_counter() - t0) * 1000)

    async def run() -> float:
        limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
        async with httpx.AsyncClient(limits=limits, timeout=60) as http:
            start = time.perf_counter()
            await asyncio.gather(*(client(k, http, start + LOAD_SECONDS) for k in range(CLIENTS)))
            return time.perf_counter() - start

    seconds = asyncio.run(run())
    latencies.sort()
    n = len(latencies)
    print(f"load, {label}: {CLIENTS} concurrent clients for {seconds:.0f} s over event list, event page, search, graph:")
    print(f"  {n / seconds:.1f} requests/s, p50 {latencies[n // 2]:.0f} ms, p99 {latencies[int(0.99 * (n - 1))]:.0f} ms, "
          f"errors {len(errors)} of {n}" + (f" (first: {errors[0]})" if errors else ""))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db)
        proc, base = serve(db)
        try:
            print(f"{N_EVENTS:,} events in the store; median / p95 of 30 requests:")
            for path in ("/events", "/events?actor=Tokayev", "/events?type=CONSULT&since=2018&until=2019", "/",
                         "/api/events?limit=50", "/api/events?country=KAZ&limit=50", "/api/timeline", "/api/graph",
                         "/network", "/entities/e-kassym-jomart-tokayev", "/events/ev-bench-00042",
                         "/api/search?q=Tokayev", "/search?q=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2"):
                med, p95 = timed(base + path)
                print(f"  {path:<45} {med:7.1f} ms  {p95:7.1f} ms")
            load(base, "one server process")
        finally:
            proc.terminate()
            proc.wait()
        proc, base = serve(db, workers=2)
        try:
            load(base, "letopis serve --workers 2")
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
