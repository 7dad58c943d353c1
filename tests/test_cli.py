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
    for e in events:
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
