"""Spark (`letopis spark ingest` with local[2], then `letopis load`): the stored events and stories equal
those of `letopis ingest` on the same input; Parquet tables of documents are read as well as files."""
import json

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import SEEDS, SHARED, run_cli


def test_spark_ingest_then_load_equals_local_ingest(tmp_path):
    texts = sorted((SHARED / "data" / "NEREL-v1.1" / "train").glob("*.txt"))[:120]
    jsonl = tmp_path / "nerel.jsonl"
    jsonl.write_text("\n".join(json.dumps({"id": p.stem, "published": None, "text": p.read_text("utf-8")},
                                          ensure_ascii=False) for p in texts) + "\n", encoding="utf-8")
    seeds = sorted(SEEDS.glob("*.txt"))
    table = tmp_path / "seeds.parquet"  # the seeds as a Parquet table of documents, read by Spark itself
    pq.write_table(pa.table({"text": [p.read_text("utf-8") for p in seeds]}), table)
    broken = tmp_path / "broken.bin"
    broken.write_bytes(b"\x00\x01\x02binary" * 100)

    out = tmp_path / "processed"
    said = run_cli("spark", "ingest", str(jsonl), str(table), str(broken), "--out", str(out),
                   "--master", "local[2]").stdout
    assert "processed 126 documents" in said and "article 125" in said and "unreadable 1" in said
    for kind, least in (("articles", 126), ("mentions", 1000), ("events", 100), ("quotes", 10)):
        assert pq.read_table(out / kind).num_rows >= least, kind

    spark_db, local_db = tmp_path / "spark.db", tmp_path / "local.db"
    loaded = run_cli("load", str(out), db=spark_db).stdout
    assert "read 126, new 125, duplicates 0, rejected 1" in loaded
    run_cli("ingest", str(jsonl), str(SEEDS), str(broken), "--workers", "2", db=local_db)
    for kind in ("events", "stories", "entities"):
        a = sorted(run_cli("export", kind, db=spark_db).stdout.splitlines())
        b = sorted(run_cli("export", kind, db=local_db).stdout.splitlines())
        assert a == b, kind
