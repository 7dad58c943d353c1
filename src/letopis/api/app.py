"""The JSON API of CONTRACT.md: read-only lists with cursors, one error shape, OpenAPI at /api/openapi.json."""
from __future__ import annotations

import hmac
import os
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from letopis.store import Store
from letopis.store.query import CURSOR_SHAPES, BadQuery, Reader

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]


def cursor(shape: str) -> Any:
    return Annotated[str | None, Query(pattern=CURSOR_SHAPES[shape], max_length=402,
                                       description="`next_cursor` of the previous page.")]


KeyCursor, SeqCursor, CountCursor = cursor("key_id"), cursor("int"), cursor("int_id")
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="2021, 2021-04 or 2021-04-30.")]


class ErrorBody(BaseModel):
    status: int
    message: str


class Error(BaseModel):
    """Every error the API answers has this shape."""
    error: ErrorBody


def declared(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route may give, for the OpenAPI document."""
    what = {400: "A request the store cannot answer as asked (or a body that is not JSON)", 401: "No valid operator token",
            403: "Writing is off on this server", 404: "No such item", 422: "A parameter out of its schema"}
    return {s: {"model": Error, "description": what[s]} for s in (*statuses, 422)}


def error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


def create_app(db: str | None = None, token: str | None = None) -> FastAPI:
    """The app over one store. `token` (or $LETOPIS_TOKEN) turns on `POST /api/ingest`; without it, read-only."""
    store = Store(db)
    reader = Reader(store)
    token = token or os.environ.get("LETOPIS_TOKEN") or None
    app = FastAPI(title="Letopis", version="0.1.0", openapi_url="/api/openapi.json", docs_url="/api/docs",
                  redoc_url=None, description="Evidence-backed political events from Russian and English news.")
    app.state.reader = reader
    app.state.store = store

    @app.exception_handler(HTTPException)
    async def _http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))  # 405 keeps its Allow

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc'][0]}: {e['msg']}" for e in exc.errors()]
        return error(422, "; ".join(parts))

    @app.exception_handler(BadQuery)
    async def _bad_query(_request: Request, exc: BadQuery) -> JSONResponse:
        return error(400, str(exc))

    api = APIRouter(prefix="/api")

    def found(item: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
        if item is None:
            raise HTTPException(404, f"no {what} {key!r}")
        return item

    @api.get("/articles", summary="Articles, newest first", responses=declared(400))
    def articles(limit: Limit = 50, cursor: SeqCursor = None, q: str | None = None, story: str | None = None):
        return reader.articles(limit=limit, cursor=cursor, q=q, story=story).as_dict()

    @api.get("/articles/{article_id}", summary="One article with its clean text, removed parts and mentions",
             responses=declared(404))
    def article(article_id: str):
        return found(reader.article(article_id), "article", article_id)

    @api.get("/events", summary="Events, newest first", responses=declared(400))
    def events(limit: Limit = 50, cursor: KeyCursor = None,
               actor: Annotated[str | None, Query(description="Entity id or part of an actor's name.")] = None,
               type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,
               country: Annotated[str | None, Query(description="ISO 3166 alpha-3 of an actor.")] = None,
               since: Date = None, until: Date = None,
               q: Annotated[str | None, Query(description="Text in the evidence sentence.")] = None,
               status: Annotated[str | None, Query(pattern="^(occurred|planned|negated|hypothetical)$")] = None):
        return reader.events(limit=limit, cursor=cursor, actor=actor, type=type, country=country, since=since,
                             until=until, q=q, status=status).as_dict()

    @api.get("/events/{event_id}", summary="One event with all its evidence", responses=declared(404))
    def event(event_id: str):
        return found(reader.event(event_id), "event", event_id)

    @api.get("/entities", summary="Entities, most mentioned first", responses=declared(400))
    def entities(limit: Limit = 50, cursor: CountCursor = None, q: str | None = None,
                 type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|per|org|loc)$")] = None,
                 country: str | None = None):
        return reader.entities(limit=limit, cursor=cursor, q=q, type=type, country=country).as_dict()

    @api.get("/entities/{entity_id}", summary="One entity, with the actors it shares events with",
             responses=declared(404))
    def entity(entity_id: str):
        item = found(reader.entity(entity_id), "entity", entity_id)
        return {**item, "counterparts": reader.counterparts(entity_id)}

    @api.get("/stories", summary="Stories, newest first", responses=declared(400))
    def stories(limit: Limit = 50, cursor: KeyCursor = None):
        return reader.stories(limit=limit, cursor=cursor).as_dict()

    @api.get("/stories/{story_id}", summary="One story", responses=declared(404))
    def story(story_id: str):
        return found(reader.story(story_id), "story", story_id)

    @api.get("/search", summary="Entities, articles (by lemma) and events matching a query", responses=declared(400))
    def search(q: Annotated[str, Query(min_length=1)], limit: Annotated[int, Query(ge=1, le=100)] = 20):
        return reader.search(q, limit)

    @api.get("/graph", summary="Actor network: who shares events with whom, weighted", responses=declared(400))
    def graph(type: str | None = None, since: Date = None, until: Date = None,
              min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1, limit: Annotated[int, Query(ge=1, le=2000)] = 200):
        return reader.graph(type=type, since=since, until=until, min_weight=min_weight, limit=limit)

    @api.get("/timeline", summary="Events per month and type, for an actor, a dyad or everything",
             responses=declared(400))
    def timeline(actor: str | None = None, with_actor: str | None = None, type: str | None = None,
                 country: str | None = None, since: Date = None, until: Date = None):
        return reader.timeline(actor=actor, with_actor=with_actor, type=type, country=country, since=since, until=until)

    lock = threading.Lock()

    def operator(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "writing is off: start the server with --token (or $LETOPIS_TOKEN) to allow it")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid operator token is required (Authorization: Bearer TOKEN)")

    @api.post("/ingest", summary="Ingest article objects (operator token required)", dependencies=[Depends(operator)],
              responses=declared(400, 401, 403))
    def ingest(records: Annotated[list[dict[str, Any]], Body(description="Article objects as in a .jsonl line.")]):
        from letopis.ingest.batch import ingest_documents
        from letopis.ingest.readers import records_to_documents
        from letopis.pipeline import Pipeline

        with lock:  # the same path as `letopis ingest`, in this process: one writer, duplicates logged
            pipeline = getattr(app.state, "pipeline", None) or Pipeline()
            app.state.pipeline = pipeline
            report = ingest_documents(store, records_to_documents(records, source="api"), workers=1,
                                      pipeline_factory=lambda: pipeline)
            result = {"read": report.read, "new": report.stored, "duplicates": report.duplicates,
                      "rejected": [{"source": s, "reason": r} for s, r in report.rejected],
                      "notices": [{"source": s, "notice": n} for s, n in report.notices]}
        return result

    app.include_router(api)

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def api_not_found(rest: str, request: Request):
        path = request.url.path
        allowed = sorted({m for r in api.routes if isinstance(r, APIRoute) and r.path_regex.match(path)
                          for m in r.methods or ()})
        if allowed:  # a route that is there, asked with a method it does not answer
            raise HTTPException(405, f"{request.method} is not allowed on {path}", headers={"Allow": ", ".join(allowed)})
        raise HTTPException(404, f"no API route /api/{rest}")

    from letopis.web import register_pages

    register_pages(app, reader)
    return app
