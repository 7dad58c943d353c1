"""Ingest throughput on NEREL train: `letopis ingest --workers 1` and `--workers 2` into fresh SQLite
stores, with natasha's NER alone on the same texts in the same run as the reference (make bench).

    .venv/bin/python bench/bench_ingest.py            # all 746 texts; BENCH_DOCS=200 for fewer
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEREL = ROOT.parent / "shared" / "data" / "NEREL-v1.1" / "train"
CLI = str(Path(sys.executable).with_name("letopis"))


def natasha_alone(texts: list[str]) -> float:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    t0 = time.perf_counter()
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
    return len(texts) / (time.perf_counter() - t0)


def ingest(jsonl: Path, workers: int) -> tuple[float, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "LETOPIS_DB": f"sqlite:///{tmp}/bench.db"}
        t0 = time.perf_counter()
        out = subprocess.run([CLI, "-v", "ingest", str(jsonl), "--workers", str(workers)], env=env,
                             capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
    m = re.search(r"peak RSS per worker: ([\d, ]+) MB", out.stderr)
    rss = [float(x) for x in m.group(1).split(",")] if m else []
    return wall, rss


def main() -> None:
    paths = sorted(NEREL.glob("*.txt"))[: int(os.environ.get("BENCH_DOCS", "100000"))]
    texts = [p.read_text("utf-8") for p in paths]
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "nerel.jsonl"
        jsonl.write_text("\n".join(json.dumps({"id": p.stem, "published": None, "text": t}, ensure_ascii=False)
                                   for p, t in zip(paths, texts)) + "\n", encoding="utf-8")
        reference = natasha_alone(texts)
        rows = []
        for workers in (1, 2):
            wall, rss = ingest(jsonl, workers)
            rows.append((workers, len(texts) / wall, rss))
    print(f"ingest of {len(texts)} NEREL train texts (wall clock, models and corpus stages included)")
    print(f"{'':22} {'docs/s':>7} {'× natasha':>10} {'peak RSS per worker, MB':>26}")
    print(f"{'natasha NER alone':22} {reference:7.1f} {1.0:10.2f}")
    for workers, rate, rss in rows:
        print(f"{f'letopis --workers {workers}':22} {rate:7.1f} {rate / reference:10.2f} "
              f"{', '.join(f'{r:.0f}' for r in rss):>26}")


if __name__ == "__main__":
    main()
