"""Parquet export: the records of `letopis export`, as a table analysts load into pandas, DuckDB or Spark.

Events get an explicit schema (the CONTRACT record: actors and evidence as lists of structs), so an
empty export or a column that is null in every row still has its type; other kinds are typed from
their values.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def _event_schema():
    import pyarrow as pa

    actor = pa.struct([("id", pa.string()), ("name", pa.string()), ("type", pa.string()), ("role", pa.string()),
                       ("country", pa.string())])
    evidence = pa.struct([("article_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                          ("text", pa.string())])
    location = pa.struct([("id", pa.string()), ("name", pa.string())])
    return pa.schema([
        ("id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()),
        ("status", pa.string()), ("date", pa.string()), ("date_basis", pa.string()), ("location", location),
        ("actors", pa.list_(actor)), ("topics", pa.list_(pa.string())), ("evidence", pa.list_(evidence)),
        ("confidence", pa.float64()), ("sources", pa.int64()),
    ])


def write_parquet(kind: str, rows: Iterable[dict], path: str | Path) -> int:
    """Write `rows` of one record kind to a Parquet file; the number of rows written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(rows)
    if kind == "events":
        schema = _event_schema()
        names = set(schema.names)
        for row in rows:  # a location may carry more than the schema keeps; the schema is the contract
            if row.get("location"):
                row["location"] = {k: row["location"].get(k) for k in ("id", "name")}
            for extra in set(row) - names:
                row.pop(extra)
        table = pa.Table.from_pylist(rows, schema=schema)
    else:
        table = pa.Table.from_pylist(rows) if rows else pa.table({})
    pq.write_table(table, path)
    return table.num_rows
