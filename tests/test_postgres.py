"""The same store on a real PostgreSQL server on loopback: ingest, exports and API queries agree with SQLite."""
import json

from conftest import ROOT, run_cli


def test_postgres_store_matches_sqlite(pg_url, sample_db):
    out = run_cli("ingest", str(ROOT / "examples"), "--db", pg_url).stdout
    assert "new 8" in out
    again = run_cli("ingest", str(ROOT / "examples"), "--db", pg_url).stdout
    assert "new 0, duplicates 8" in again  # idempotent on the server too
    for kind in ("events", "stories", "entities"):
        pg = [json.loads(x) for x in run_cli("export", kind, "--db", pg_url).stdout.splitlines()]
        lite = [json.loads(x) for x in run_cli("export", kind, db=sample_db).stdout.splitlines()]
        key = (lambda r: r["id"])
        assert sorted(pg, key=key) == sorted(lite, key=key), kind


def test_api_on_postgres(pg_url):
    from fastapi.testclient import TestClient

    from letopis.api import create_app

    run_cli("ingest", str(ROOT / "examples"), "--db", pg_url)
    with TestClient(create_app(pg_url)) as api:
        events = api.get("/api/events", params={"limit": 3}).json()
        assert len(events["items"]) == 3 and events["next_cursor"]
        rest = api.get("/api/events", params={"limit": 100, "cursor": events["next_cursor"]}).json()["items"]
        assert not {e["id"] for e in rest} & {e["id"] for e in events["items"]}
        found = api.get("/api/search", params={"q": "Токаеву"}).json()
        assert found["entities"][0]["name"] == "Kassym-Jomart Tokayev" and found["articles"]
        assert api.get("/api/entities", params={"q": "токаев"}).json()["items"]
        graph = api.get("/api/graph").json()
        assert graph["edges"] and graph["nodes"]
        assert api.get("/api/timeline").json()["months"]
        assert api.get("/events").status_code == 200


def test_concurrent_ingests_on_postgres_make_the_stories_of_one(pg_url, tmp_path):
    """Two ingests at once into one server, the articles of one story split between them (the Russian
    and English summit reports): the corpus writers take turns (an advisory lock), and the stories and
    events are those of one ingest of everything."""
    import subprocess

    import psycopg

    from conftest import CLI, SEEDS

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE DATABASE concurrent")
    db = pg_url.rsplit("/", 1)[0] + "/concurrent"
    files = sorted(SEEDS.glob("*.txt"))
    halves = [[str(f) for f in files if f.name[:3] in ("000", "001", "003")],
              [str(f) for f in files if f.name[:3] in ("002", "004")]]
    procs = [subprocess.Popen([CLI, "ingest", *half, "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for half in halves]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    one = tmp_path / "one.db"
    run_cli("ingest", str(SEEDS), db=one)
    for kind in ("stories", "events"):
        pg = [json.loads(x) for x in run_cli("export", kind, "--db", db).stdout.splitlines()]
        lite = [json.loads(x) for x in run_cli("export", kind, db=one).stdout.splitlines()]
        assert sorted(pg, key=lambda r: r["id"]) == sorted(lite, key=lambda r: r["id"]), kind
    summit = [s for s in (json.loads(x) for x in run_cli("export", "stories", "--db", db).stdout.splitlines())
              if len(s["article_ids"]) == 2]
    assert summit and summit[0]["languages"] == ["en", "ru"]
