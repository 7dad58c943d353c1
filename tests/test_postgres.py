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
