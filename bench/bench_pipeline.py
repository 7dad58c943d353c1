"""Throughput and memory of the per-document pipeline on the seed articles (make bench)."""
from __future__ import annotations

import resource
import time
from pathlib import Path

from letopis import Pipeline

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main(rounds: int = 5) -> None:
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    t0 = time.perf_counter()
    pipeline = Pipeline()
    pipeline.process(texts[0])
    pipeline.process(texts[2])
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    n = 0
    for _ in range(rounds):
        for text in texts:
            pipeline.process(text)
            n += 1
    secs = time.perf_counter() - t1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(map(len, texts)) * rounds
    print(f"models loaded in {load:.1f} s; {n} documents in {secs:.1f} s: {n / secs:.1f} docs/s, "
          f"{chars / secs / 1000:.0f}k chars/s; peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
