"""Every API route over the sample corpus in a real SQLite file: filters, cursors, errors, OpenAPI."""
import pytest

ROUTES = ["/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}", "/api/entities",
          "/api/entities/{entity_id}", "/api/stories", "/api/stories/{story_id}", "/api/search", "/api/graph",
          "/api/timeline", "/api/ingest"]


def items(api, url, **params):
    r = api.get(url, params=params)
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"items", "next_cursor"}
    return body["items"]


def walk(api, url, limit, **params):
    """All items by following next_cursor; also checks no page is larger than the limit."""
    out, cursor = [], None
    while True:
        r = api.get(url, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})}).json()
        assert len(r["items"]) <= limit
        out.extend(r["items"])
        cursor = r["next_cursor"]
        if not cursor:
            return out


def test_openapi_lists_every_route(api):
    paths = api.get("/api/openapi.json").json()["paths"]
    missing = [r for r in ROUTES if r not in paths]
    assert not missing, f"routes missing from OpenAPI: {missing}"
    assert "post" in paths["/api/ingest"]


def test_events_records_and_filters(api):
    events = items(api, "/api/events", limit=100)
    assert len(events) >= 8
    e = events[0]
    assert {"id", "type", "mode", "cameo", "status", "date", "date_basis", "location", "actors", "topics", "evidence",
            "confidence"} <= set(e)
    dated = [x["date"] for x in events if x["date"]]
    assert dated == sorted(dated, reverse=True)  # newest first, undated last
    assert all(x["date"] is None for x in events[len(dated):])
    consult = items(api, "/api/events", type="CONSULT", limit=100)
    assert consult and all(x["type"] == "CONSULT" for x in consult)
    tokayev = items(api, "/api/events", actor="Tokayev", limit=100)
    assert tokayev and all(any("Tokayev" in a["name"] for a in x["actors"]) for x in tokayev)
    by_id = items(api, "/api/events", actor="e-kassym-jomart-tokayev", limit=100)
    assert [x["id"] for x in by_id] == [x["id"] for x in tokayev]
    kaz = items(api, "/api/events", country="KAZ", limit=100)
    assert kaz and all(any(a["country"] == "KAZ" for a in x["actors"]) for x in kaz)
    y2021 = items(api, "/api/events", since="2021-01-01", until="2021-12-31", limit=100)
    assert y2021 and all(x["date"].startswith("2021") for x in y2021)
    assert len(y2021) < len(dated)
    text = items(api, "/api/events", q="Москв", limit=100)
    assert text and all(any("Москв" in ev["text"] for ev in x["evidence"]) for x in text)
    assert items(api, "/api/events", actor="Nobody Atall") == []


def test_cursor_pagination_is_complete_and_stable(api):
    everything = items(api, "/api/events", limit=500)
    paged = walk(api, "/api/events", 3)
    assert [e["id"] for e in paged] == [e["id"] for e in everything]
    assert len({e["id"] for e in paged}) == len(paged)
    arts = walk(api, "/api/articles", 2)
    assert len(arts) == len(items(api, "/api/articles", limit=500)) == 8
    ents = walk(api, "/api/entities", 4)
    assert len({e["id"] for e in ents}) == len(ents) == len(items(api, "/api/entities", limit=500))
    stories = walk(api, "/api/stories", 2)
    assert len(stories) == len(items(api, "/api/stories", limit=500))


def test_single_records(api):
    ev = items(api, "/api/events", limit=1)[0]
    assert api.get(f"/api/events/{ev['id']}").json()["id"] == ev["id"]
    art = items(api, "/api/articles", limit=1)[0]
    full = api.get(f"/api/articles/{art['id']}").json()
    assert full["text"] and "mentions" in full and "removed" in full and "story_id" in full
    ent = api.get("/api/entities/e-kassym-jomart-tokayev").json()
    assert ent["name"] == "Kassym-Jomart Tokayev" and ent["country"] == "KAZ"
    assert any(c["name"] == "Vladimir Putin" for c in ent["counterparts"])
    st = items(api, "/api/stories", limit=1)[0]
    assert api.get(f"/api/stories/{st['id']}").json()["article_ids"] == st["article_ids"]
    assert {a["id"] for a in items(api, "/api/articles", story=st["id"], limit=50)} == set(st["article_ids"])


def test_entity_filters(api):
    per = items(api, "/api/entities", type="PER", limit=500)
    assert per and all(e["type"] == "PER" for e in per)
    counts = [e["mentions"] for e in per]
    assert counts == sorted(counts, reverse=True)
    assert [e["name"] for e in items(api, "/api/entities", q="Токаев")] == ["Kassym-Jomart Tokayev"]
    assert all(e["country"] == "RUS" for e in items(api, "/api/entities", country="rus", limit=500))


def test_search_finds_inflected_forms(api):
    r = api.get("/api/search", params={"q": "Токаеву"}).json()
    assert r["entities"][0]["name"] == "Kassym-Jomart Tokayev"
    assert r["articles"] and r["events"]
    assert api.get("/api/search", params={"q": "санкциях"}).json()["articles"]
    assert api.get("/api/search", params={"q": "Зимбабве"}).json()["articles"] == []


def test_graph_and_timeline(api):
    g = api.get("/api/graph").json()
    ids = {n["id"] for n in g["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids and e["weight"] >= 1 for e in g["edges"])
    pair = {"e-kassym-jomart-tokayev", "e-vladimir-putin"}
    assert any({e["source"], e["target"]} == pair for e in g["edges"])
    strong = api.get("/api/graph", params={"min_weight": 2}).json()
    assert all(e["weight"] >= 2 for e in strong["edges"]) and len(strong["edges"]) < len(g["edges"])
    tl = api.get("/api/timeline").json()
    assert tl["months"] == sorted(tl["months"])
    assert all(len(s["counts"]) == len(tl["months"]) for s in tl["series"])
    total = sum(sum(s["counts"]) for s in tl["series"]) + tl["undated"]
    assert total == len(items(api, "/api/events", limit=500))
    dyad = api.get("/api/timeline", params={"actor": "e-kassym-jomart-tokayev", "with_actor": "e-vladimir-putin"}).json()
    assert sum(sum(s["counts"]) for s in dyad["series"]) + dyad["undated"] >= 1


@pytest.mark.parametrize("url,status", [
    ("/api/events/ev-nope", 404), ("/api/articles/a-nope", 404), ("/api/entities/e-nope", 404),
    ("/api/stories/s-nope", 404), ("/api/no-such-route", 404), ("/api/events?limit=0", 422),
    ("/api/events?limit=501", 422), ("/api/events?cursor=!!broken", 422),
    ("/api/articles?cursor=12~a-1", 422), ("/api/entities?cursor=e-1", 422), ("/api/events?since=yesterday", 422),
    ("/api/search", 422), ("/api/events?status=maybe", 422),
])
def test_one_error_shape(api, url, status):
    r = api.get(url)
    assert r.status_code == status
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]


@pytest.mark.parametrize("url", ["/api/events?cursor=~", "/api/events?cursor=zz%20z~%D0%B6", "/api/articles?cursor=0",
                                 "/api/entities?cursor=999999999999999999~", "/api/stories?cursor=2099~s-"])
def test_every_cursor_of_the_documented_shape_is_a_position(api, url):
    """A cursor names the last row of the page before: any key of its shape is a place in the order, not an error."""
    r = api.get(url)
    assert r.status_code == 200 and set(r.json()) == {"items", "next_cursor"}


def test_a_method_a_route_does_not_answer_is_405_with_allow(api):
    for method, url, allow in [("put", "/api/events", "GET"), ("delete", "/api/events/ev-1", "GET"),
                               ("get", "/api/ingest", "POST")]:
        r = getattr(api, method)(url)
        assert r.status_code == 405 and r.headers["allow"] == allow and r.json()["error"]["status"] == 405
    assert api.request("TRACE", "/api/timeline").headers["allow"] == "GET"


@pytest.fixture
def writable_api(sample_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from letopis.api import create_app

    db = tmp_path / "copy.db"
    shutil.copy(sample_db, db)
    with TestClient(create_app(f"sqlite:///{db}", token="s3cret")) as client:
        yield client


def test_ingest_needs_the_operator_token(writable_api):
    api = writable_api
    record = [{"id": "t-1", "text": "Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом Кыргызстана "
                                    "Садыром Жапаровым в Бишкеке.", "published": "2023-05-04", "language": "ru"}]
    assert api.post("/api/ingest", json=record).status_code == 401
    assert api.post("/api/ingest", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 401
    before = len(items(api, "/api/articles", limit=500))
    r = api.post("/api/ingest", json=[*record, {"nope": 1}], headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 200, r.text
    assert r.json()["new"] == 1 and len(r.json()["rejected"]) == 1 and r.json()["notices"] == []
    assert len(items(api, "/api/articles", limit=500)) == before + 1
    assert items(api, "/api/events", actor="Japarov", since="2023-05-04", until="2023-05-04")


def test_ingest_is_off_without_a_token(sample_db):
    from fastapi.testclient import TestClient

    from letopis.api import create_app

    with TestClient(create_app(f"sqlite:///{sample_db}")) as client:
        r = client.post("/api/ingest", json=[{"text": "x"}])
        assert r.status_code == 403 and r.json()["error"]["message"].startswith("writing is off")


def test_untrusted_text_is_escaped_in_pages(writable_api):
    evil = {"id": "x-1", "title": "<img src=x onerror=alert(1)>Токаев", "language": "ru", "published": "2023-01-10",
            "text": "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Путиным <script>window.pwned=1</script>."}
    r = writable_api.post("/api/ingest", json=[evil], headers={"Authorization": "Bearer s3cret"})
    assert r.json()["new"] == 1
    art = next(a for a in items(writable_api, "/api/articles", limit=500) if a["source"].endswith("#x-1"))
    html = writable_api.get(f"/articles/{art['id']}").text
    assert "<script>window.pwned" not in html and "&lt;script&gt;window.pwned" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    for e in items(writable_api, "/api/events", article=None, q="pwned", limit=10):
        page = writable_api.get(f"/events/{e['id']}").text
        assert "<script>window.pwned" not in page


@pytest.mark.parametrize("path", ["/", "/events", "/events?type=CONSULT&since=2021", "/network", "/search?q=Путин",
                                  "/search", "/events?since=bad"])
def test_pages_answer(api, path):
    r = api.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<h1>" in r.text


def test_pages_for_each_record_and_404(api):
    ev = items(api, "/api/events", limit=1)[0]
    art = items(api, "/api/articles", limit=1)[0]
    st = items(api, "/api/stories", limit=1)[0]
    for path in (f"/events/{ev['id']}", f"/articles/{art['id']}", f"/stories/{st['id']}", "/entities/e-vladimir-putin",
                 "/dyad?a=e-kassym-jomart-tokayev&b=e-vladimir-putin"):
        assert api.get(path).status_code == 200, path
    r = api.get("/events/ev-nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"] and "no event" in r.text
