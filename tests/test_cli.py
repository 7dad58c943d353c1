import json
import subprocess

from conftest import ROOT, SEEDS, SHARED, run_cli


def test_seeds_score_end_to_end():
    out = subprocess.run([str(SHARED / "tools" / "run_seeds.sh"), "--min-core-recall", "1.0", "--min-precision", "0.85"],
                         check=False, capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ, "LETOPIS": run_cli.__globals__["CLI"]})
    last = out.stdout.strip().splitlines()[-1]
    assert out.returncode == 0, out.stdout + out.stderr
    assert "checks 89/89" in last and "core events 12/12" in last and "pair F1 1.00" in last


def test_ingest_is_idempotent_and_exports_contract_records(tmp_path):
    db = tmp_path / "t.db"
    first = run_cli("ingest", str(SEEDS), db=db).stdout
    assert "new 5" in first
    again = run_cli("ingest", str(SEEDS), db=db).stdout
    assert "new 0, duplicates 5" in again
    events = [json.loads(x) for x in run_cli("export", "events", db=db).stdout.splitlines()]
    summit = [e for e in events if e["mode"] == "multilateral"]
    assert len(summit) == 1 and summit[0]["location"]["name"] == "Saint Petersburg"
    assert len({ev["article_id"] for ev in summit[0]["evidence"]}) == 2
    for e in events:  # one sentence is one piece of evidence, however many triggers it has
        assert len({(x["article_id"], x["start"]) for x in e["evidence"]}) == len(e["evidence"]), e
        assert set(e) >= {"id", "type", "mode", "cameo", "status", "date", "date_basis", "location", "actors",
                          "topics", "evidence", "confidence"}
    ents = [json.loads(x) for x in run_cli("export", "entities", db=db).stdout.splitlines()]
    tok = next(e for e in ents if e["name"] == "Kassym-Jomart Tokayev")
    assert tok["name_ru"] == "Касым-Жомарт Токаев" and tok["articles"] == 5
    csv_out = run_cli("export", "events", "--format", "csv", db=db).stdout.splitlines()
    assert csv_out[0].startswith("event_id,date") and len(csv_out) == len(events) + 1
    quotes = [json.loads(x) for x in run_cli("export", "quotes", db=db).stdout.splitlines()]
    assert any(q["speaker_name"] == "Sergey Lavrov" for q in quotes)


def test_bad_input_rejected_with_reasons_rest_stored(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "cp1251.txt").write_bytes("Заголовок новости\n\nПрезидент Казахстана Касым-Жомарт Токаев провел встречу с "
                                   "президентом России Владимиром Путиным в Москве.".encode("cp1251"))
    (d / "feed.jsonl").write_text('{"id": "ok", "text": "Токаев и Путин провели переговоры\\n\\nПрезидент '
                                  'Казахстана провел встречу с Владимиром Путиным."}\n{broken json\n', "utf-8")
    (d / "huge.txt").write_bytes(("Длинный текст новости. " * 1_000_000).encode("utf-8"))
    (d / "broken.html").write_text("<html><body><p>Президент Беларуси Александр Лукашенко провел встречу с "
                                   "президентом России Владимиром Путиным в Минске.<div><p>Стороны обсудили торговлю",
                                   "utf-8")
    db = tmp_path / "bad.db"
    out = run_cli("ingest", str(d), db=db).stdout
    assert "rejected 4" in out and "new 3" in out, out
    assert "empty file" in out and "binary" in out and "not JSON" in out and "too large" in out
    from letopis.store import Store

    log = Store(f"sqlite:///{db}").ingest_log()
    assert {r["status"] for r in log} == {"stored", "rejected"}
    arts = [json.loads(x) for x in run_cli("export", "articles", db=db).stdout.splitlines()]
    assert any("Токаев" in a["text"] for a in arts if a["source"].endswith("cp1251.txt"))


def test_process_prints_article_json():
    out = run_cli("process", str(SEEDS / "004_2b58ee9439905fbf.txt")).stdout
    rec = json.loads(out)
    assert rec["outlet"] == "Sputnik Казахстан" and rec["events"]
    explain = run_cli("process", str(SEEDS / "004_2b58ee9439905fbf.txt"), "--explain").stdout
    assert "related-headline" in explain and "photo-credit" in explain


def _warc(path, records):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, status, ctype, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers))


def test_warc_pages_ingested_and_other_records_rejected(tmp_path):
    html = ("<html><head><title>Токаев провел переговоры с Мирзиёевым</title></head><body><article>"
            "<p>Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом Узбекистана Шавкатом "
            "Мирзиёевым в Ташкенте.</p><p>Стороны обсудили торговлю и энергетику.</p></article></body></html>")
    _warc(tmp_path / "crawl.warc.gz", [
        ("https://example.org/news/1", "200 OK", "text/html; charset=utf-8", html.encode()),
        ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
        ("https://example.org/gone", "404 Not Found", "text/html", b"<html>not here</html>"),
    ])
    db = tmp_path / "w.db"
    out = run_cli("ingest", str(tmp_path), db=db).stdout
    assert "new 1" in out and "rejected 2" in out
    assert "not a text or HTML page (image/png)" in out and "HTTP status 404" in out
    art = json.loads(run_cli("export", "articles", db=db).stdout)
    assert art["source"].endswith("crawl.warc.gz#https://example.org/news/1")
    assert art["url"] == "https://example.org/news/1"
    assert art["title"] == "Токаев провел переговоры с Мирзиёевым"
    events = [json.loads(x) for x in run_cli("export", "events", db=db).stdout.splitlines()]
    assert any({a["name"] for a in e["actors"]} >= {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"} for e in events)
    (tmp_path / "broken.warc.gz").write_bytes(b"WARC/1.0\r\nnonsense")
    out = run_cli("ingest", str(tmp_path / "broken.warc.gz"), db=db).stdout
    assert "rejected 1" in out and "broken WARC file or no pages" in out


def test_process_explains_events():
    out = run_cli("process", str(SEEDS / "004_2b58ee9439905fbf.txt"), "--explain-events").stdout
    # the phone call: its trigger, the rules that found its sides, and the event made
    assert "→ phone CONSULT" in out
    assert "decision: event CONSULT occurred" in out and "Alexander Lukashenko" in out
    assert "no event:" in out  # and why other triggers made none


def _nerel_jsonl(path, n):
    texts = sorted((SHARED / "data" / "NEREL-v1.1" / "train").glob("*.txt"))[:n]
    path.write_text("\n".join(json.dumps({"id": p.stem, "published": None, "text": p.read_text("utf-8")},
                                         ensure_ascii=False) for p in texts) + "\n", encoding="utf-8")
    return path


def test_ingest_with_two_workers_stores_what_one_process_stores(tmp_path):
    """The per-document stages in a pool of two processes; one writer stores the results in input order."""
    docs = _nerel_jsonl(tmp_path / "nerel.jsonl", 40)
    exports = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        out = run_cli("-v", "ingest", str(docs), "--workers", workers, db=db)
        assert "read 40, new 40" in out.stdout
        assert f"with {workers} worker(s)" in out.stderr
        exports.append({kind: run_cli("export", kind, db=db).stdout for kind in ("articles", "events", "entities", "stories")})
    assert exports[0] == exports[1]
    assert exports[0]["events"].count("\n") > 20


def test_parquet_export_round_trips_the_jsonl_records(tmp_path):
    import pyarrow.parquet as pq

    db = tmp_path / "p.db"
    run_cli("ingest", str(SEEDS), db=db)
    for kind in ("events", "entities", "stories", "quotes", "articles"):
        path = tmp_path / f"{kind}.parquet"
        run_cli("export", kind, "--format", "parquet", "-o", str(path), db=db)
        rows = pq.read_table(path).to_pylist()
        expected = [json.loads(x) for x in run_cli("export", kind, db=db).stdout.splitlines()]
        assert len(rows) == len(expected) > 0
        if kind == "events":
            assert rows == expected  # every field of the contract record, nested lists included
        else:
            # values are kept; a field absent from one row comes back as null next to the others
            for row, exp in zip(rows, expected):
                assert {k: v for k, v in row.items() if k in exp} == exp
    bad = run_cli("export", "events", "--format", "parquet", db=db, check=False)
    assert bad.returncode != 0 and "-o" in bad.stderr
