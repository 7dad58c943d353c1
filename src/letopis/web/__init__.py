"""Server-rendered pages over the store: events, evidence side by side, actors, network, dyads, search.

Article text is untrusted input: every value goes through Jinja2's autoescaping, and the
JSON handed to the charts goes through `tojson`, which escapes `<`, `>` and `&`.
"""
from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from letopis.assets import VENDOR_FILES, vendor_folder
from letopis.store.query import BadQuery, Reader

TYPE_COLOURS = {
    "CONSULT": "#2b6cb0", "AGREE": "#2f855a", "SUPPORT": "#38a169", "COOPERATE": "#319795", "AID": "#d69e2e",
    "REQUEST": "#805ad5", "ACCUSE": "#c53030", "REJECT": "#9b2c2c", "THREATEN": "#dd6b20", "SANCTION": "#e53e3e",
    "PROTEST": "#b7791f", "CONCEDE": "#718096", "RETREAT": "#a0aec0", "MOBILIZE": "#744210", "COERCE": "#702459",
    "ASSAULT": "#1a202c",
}


def highlight(text: str, mentions: list[dict[str, Any]], field: str = "text") -> list[list[dict[str, Any]]]:
    """The text as paragraphs of segments, each a plain run or a mention (rendered escaped by the template)."""
    spans = sorted((m for m in mentions if m.get("field", "text") == field), key=lambda m: (m["start"], -m["end"]))
    paragraphs: list[list[dict[str, Any]]] = [[]]
    pos = 0

    def add(chunk: str, mention: dict[str, Any] | None = None) -> None:
        parts = chunk.split("\n\n") if mention is None else [chunk]
        for i, part in enumerate(parts):
            if i:
                paragraphs.append([])
            if part:
                paragraphs[-1].append({"text": part, "mention": mention})

    for m in spans:
        if m["start"] < pos:
            continue
        add(text[pos:m["start"]])
        add(text[m["start"]:m["end"]], m)
        pos = m["end"]
    add(text[pos:])
    return [p for p in paragraphs if p]


def register_pages(app: FastAPI, reader: Reader) -> None:
    templates = Jinja2Templates(directory=str(resources.files("letopis.web").joinpath("templates")))
    templates.env.globals["colours"] = TYPE_COLOURS
    static = resources.files("letopis.web").joinpath("static")
    app.mount("/static/site", StaticFiles(directory=str(static)), name="site")
    vendor = vendor_folder()
    assets = {name: vendor / name for name in VENDOR_FILES}
    templates.env.globals["vendor"] = {name: path.exists() for name, path in assets.items()}

    @app.get("/static/vendor/{name}", include_in_schema=False)
    def vendor_file(name: str):
        from fastapi.responses import FileResponse

        path = assets.get(name)
        if path is None or not path.exists():
            raise HTTPException(404, f"no front-end file {name!r}; reinstall letopis or run `make assets`")
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "max-age=86400"})

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    def article_titles(ids: set[str]) -> dict[str, dict[str, Any]]:
        out = {}
        for aid in ids:
            a = reader.article(aid)
            if a:
                out[aid] = {k: a.get(k) for k in ("id", "title", "language", "outlet", "published", "source", "url")}
        return out

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        return page(request, "home.html", events=reader.events(limit=20).items, stories=reader.stories(limit=10).items,
                    entities=reader.entities(limit=15).items)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(request: Request, actor: str | None = None, type: str | None = None, country: str | None = None,
               since: str | None = None, until: str | None = None, q: str | None = None, cursor: str | None = None):
        given = {"actor": actor, "type": type, "country": country, "since": since, "until": until, "q": q}
        filters = {k: v for k, v in given.items() if v}
        try:
            result = reader.events(limit=50, cursor=cursor, **filters)
        except BadQuery as exc:
            return page(request, "events.html", events=[], next_cursor=None, filters=filters, problem=str(exc))
        return page(request, "events.html", events=result.items, next_cursor=result.next_cursor, filters=filters,
                    problem=None)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event(request: Request, event_id: str):
        ev = reader.event(event_id)
        if ev is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return page(request, "event.html", event=ev, articles=article_titles({e["article_id"] for e in ev["evidence"]}))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(request: Request, entity_id: str):
        ent = reader.entity(entity_id)
        if ent is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return page(request, "entity.html", entity=ent, events=reader.events(actor=entity_id, limit=200).items,
                    counterparts=reader.counterparts(entity_id), timeline=reader.timeline(actor=entity_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str):
        art = reader.article(article_id)
        if art is None:
            raise HTTPException(404, f"no article {article_id!r}")
        evs = reader.events(article=article_id, limit=500).items
        return page(request, "article.html", article=art, paragraphs=highlight(art["text"], art["mentions"]), events=evs)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(request: Request, story_id: str):
        st = reader.story(story_id)
        if st is None:
            raise HTTPException(404, f"no story {story_id!r}")
        evs = [e for e in (reader.event(i) for i in st["event_ids"]) if e]
        return page(request, "story.html", story=st, articles=article_titles(set(st["article_ids"])), events=evs)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request, type: str | None = None, min_weight: int = Query(1, ge=1, le=1_000_000)):
        return page(request, "network.html", graph=reader.graph(type=type or None, min_weight=min_weight), type=type or "",
                    min_weight=min_weight)

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad(request: Request, a: str, b: str):
        ea, eb = reader.entity(a), reader.entity(b)
        if ea is None or eb is None:
            raise HTTPException(404, f"no entity {a if ea is None else b!r}")
        return page(request, "dyad.html", a=ea, b=eb, timeline=reader.timeline(actor=a, with_actor=b),
                    events=reader.events(actor=a, with_actor=b, limit=200).items)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(request: Request, q: str = ""):
        result = reader.search(q) if q.strip() else None
        return page(request, "search.html", q=q, result=result)

    @app.exception_handler(404)
    async def not_found(request: Request, exc: HTTPException):
        from letopis.api.app import error

        if request.url.path.startswith("/api/"):
            return error(404, str(exc.detail))
        return templates.TemplateResponse(request, "error.html", {"status": 404, "message": str(exc.detail)},
                                          status_code=404)
