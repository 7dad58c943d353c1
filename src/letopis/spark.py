"""Spark: the per-document stages on any number of machines (`letopis[spark]`).

`letopis spark ingest INPUT... --out DIR` reads documents (text, HTML, JSONL and WARC files through the
same readers as `letopis ingest`, or Parquet tables of documents read by Spark itself), runs the
per-document stages in `mapInPandas` (the models load once per Python worker) and writes Parquet:

- `articles/`: one row per document in input order: its id, source, status (`article`; `rejected` by a
  stage or `unreadable` for the readers, with the reason), the article's fields, and the whole
  processed article (pickled) for `letopis load`;
- `mentions/`, `events/`, `quotes/`: one row per mention, event report and quote, for analysts.

`letopis load DIR` stores the articles through the same path as `letopis ingest` (one writer, every
decision logged), where the corpus stages run: the stored events and stories equal those of
`letopis ingest` on the same input.
"""
from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

DOC_COLUMNS = ("order", "id", "source", "text", "html", "url", "title", "published", "outlet", "language",
               "rejected")
OUT_SCHEMA = (
    "order long, doc_id string, source string, status string, reason string, article_id string, "
    "language string, title string, published string, payload binary, "
    "mentions array<struct<field:string,start:long,end:long,text:string,type:string,entity_id:string,"
    "entity_name:string>>, "
    "events array<struct<id:string,type:string,status:string,date:string,record:string>>, "
    "quotes array<struct<id:string,speaker_id:string,speaker_name:string,text:string,start:long,end:long>>"
)

OUT_COLUMNS = ("order", "doc_id", "source", "status", "reason", "article_id", "language", "title", "published",
               "payload", "mentions", "events", "quotes")

_PIPELINE = None


def _pipeline():
    """One pipeline per Python worker: the models load once, on its first batch."""
    global _PIPELINE
    if _PIPELINE is None:
        import os

        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from letopis.pipeline import Pipeline

        _PIPELINE = Pipeline()
    return _PIPELINE


def process_batches(batches: Iterator) -> Iterator:
    """mapInPandas: documents in, processed articles out (pandas DataFrames of OUT_SCHEMA)."""
    import pandas as pd

    from letopis.model import Document, Rejected, event_record

    for frame in batches:
        rows = []
        for doc in frame.to_dict("records"):
            row = {"order": doc["order"], "doc_id": doc["id"], "source": doc["source"],
                   "status": "unreadable" if doc.get("rejected") else "rejected",
                   "reason": doc.get("rejected"), "article_id": None, "language": None, "title": None,
                   "published": None, "payload": None, "mentions": [], "events": [], "quotes": []}
            if not doc.get("rejected"):
                given = {k: (None if pd.isna(doc.get(k)) else doc.get(k)) for k in DOC_COLUMNS[1:-1]}
                result = _pipeline()(Document(**given))
                if isinstance(result, Rejected):
                    row["reason"] = result.reason
                else:
                    row.update(status="article", reason=None, article_id=result.id, language=result.language,
                               title=result.title, published=result.published, payload=pickle.dumps(result))
                    row["mentions"] = [{"field": m.field, "start": m.start, "end": m.end, "text": m.text,
                                        "type": m.type, "entity_id": m.entity_id, "entity_name": m.entity_name}
                                       for m in result.mentions]
                    row["events"] = [{"id": r["id"], "type": r["type"], "status": r["status"], "date": r["date"],
                                      "record": json.dumps(r, ensure_ascii=False)}
                                     for r in (event_record(e) for e in result.events)]
                    row["quotes"] = [{"id": q.id, "speaker_id": q.speaker_id, "speaker_name": q.speaker_name,
                                      "text": q.text, "start": q.start, "end": q.end} for q in result.quotes]
            rows.append(row)
        yield pd.DataFrame(rows, columns=OUT_COLUMNS)


def documents_frame(spark, inputs: list[str]):
    """A DataFrame of documents: Parquet tables read by Spark; other files through letopis's readers."""
    import pandas as pd
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from letopis.ingest import read_paths
    from letopis.model import Rejected

    parquet = [p for p in inputs if p.endswith(".parquet") or (Path(p).is_dir() and any(Path(p).glob("*.parquet")))]
    others = [p for p in inputs if p not in parquet]
    frames = []
    if others:
        rows = []
        for i, doc in enumerate(read_paths(tuple(others))):
            rejected = doc.reason if isinstance(doc, Rejected) else None
            rows.append({"order": i, "id": doc.id, "source": doc.source, "rejected": rejected,
                         **{k: (None if rejected else getattr(doc, k)) for k in DOC_COLUMNS[3:-1]}})
        schema = ", ".join(f"{c} {'long' if c == 'order' else 'string'}" for c in DOC_COLUMNS)
        frames.append(spark.createDataFrame(pd.DataFrame(rows, columns=list(DOC_COLUMNS)), schema=schema))
    offset = len(rows) if others else 0
    for path in parquet:
        table = spark.read.parquet(path)
        content = F.coalesce(*(F.col(c) for c in ("text", "html") if c in table.columns))
        for c in DOC_COLUMNS[1:]:
            if c not in table.columns:
                table = table.withColumn(c, F.lit(None).cast("string"))
        table = (table.withColumn("id", F.coalesce(F.col("id"), F.sha2(content, 256)))
                 .withColumn("source", F.coalesce(F.col("source"), F.concat(F.lit(path + "#"), F.col("id")))))
        ordered = table.withColumn("order", F.row_number().over(Window.orderBy("id")) + F.lit(offset - 1))
        frames.append(ordered.select(*DOC_COLUMNS))
        offset += table.count()
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def spark_ingest(inputs: list[str], out: str, master: str | None = None, partitions: int | None = None) -> dict:
    """Run the per-document stages on Spark and write the Parquet tables; counts by status."""
    import os
    import sys

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    # the Python workers run this interpreter (and so find letopis) unless the job says otherwise,
    # as a cluster job does with its packed environment (README)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("letopis")
    if master:
        builder = builder.master(master)
    spark = builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
    try:
        docs = documents_frame(spark, inputs)
        n = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
        processed = docs.repartition(n).mapInPandas(process_batches, OUT_SCHEMA).cache()
        target = Path(out)
        processed.orderBy("order").write.mode("overwrite").parquet(str(target / "articles"))
        base = processed.where(F.col("status") == "article")
        for kind in ("mentions", "events", "quotes"):
            (base.select("order", "article_id", F.explode(kind).alias("x")).select("order", "article_id", "x.*")
             .orderBy("order").write.mode("overwrite").parquet(str(target / kind)))
        counts = {r["status"]: r["count"] for r in processed.groupBy("status").count().collect()}
    finally:
        spark.stop()
    return counts


def load(store, folder: str) -> object:
    """Store the articles of `letopis spark ingest` output through the ingest path; its report."""
    import pyarrow.parquet as pq

    from letopis.ingest.batch import ingest_documents
    from letopis.model import Document, Rejected

    table = pq.read_table(Path(folder) / "articles").sort_by("order")
    docs, results = [], {}
    for row in table.to_pylist():
        if row["status"] == "unreadable":  # the readers' refusal (a binary file, a broken JSONL line)
            docs.append(Rejected(row["source"], row["reason"], row["doc_id"]))
            continue
        docs.append(Document(id=row["doc_id"], source=row["source"]))
        results[row["doc_id"]] = pickle.loads(row["payload"]) if row["payload"] is not None else \
            Rejected(row["source"], row["reason"], row["doc_id"])
    return ingest_documents(store, docs, results=results)
