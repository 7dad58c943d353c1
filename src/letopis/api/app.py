"""The JSON API of CONTRACT.md: read-only lists with cursors, one error shape, OpenAPI at /api/openapi.json."""
from __future__ import annotations

import hmac
import os
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from letopis.store import Store
from letopis.store.query import BadQuery, Reader

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page.")]
Date = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="2021, 2021-04 or 2021-04-30.")]


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


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
        return error(exc.status_code, str(exc.detail))

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

    @api.get("/articles", summary="Articles, newest first")
    def articles(limit: Limit = 50, cursor: Cursor = None, q: str | None = None, story: str | None = None):
        return reader.articles(limit=limit, cursor=cursor, q=q, story=story).as_dict()

    @api.get("/articles/{article_id}", summary="One article with its clean text, removed parts and mentions")
    def article(article_id: str):
        return found(reader.article(article_id), "article", article_id)

    @api.get("/events", summary="Events, newest first")
    def events(limit: Limit = 50, cursor: Cursor = None,
               actor: Annotated[str | None, Query(description="Entity id or part of an actor's name.")] = None,
               type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,
               country: Annotated[str | None, Query(description="ISO 3166 alpha-3 of an actor.")] = None,
               since: Date = None, until: Date = None,
               q: Annotated[str | None, Query(description="Text in the evidence sentence.")] = None,
               status: Annotated[str | None, Query(pattern="^(occurred|planned|negated|hypothetical)$")] = None):
        return reader.events(limit=limit, cursor=cursor, actor=actor, type=type, country=country, since=since,
                             until=until, q=q, status=status).as_dict()

    @api.get("/events/{event_id}", summary="One event with all its evidence")
    def event(event_id: str):
        return found(reader.event(event_id), "event", event_id)

    @api.get("/entities", summary="Entities, most mentioned first")
    def entities(limit: Limit = 50, cursor: Cursor = None, q: str | None = None,
                 type: Annotated[str | None, Query(pattern="^(PER|ORG|LOC|per|org|loc)$")] = None,
                 country: str | None = None):
        return reader.entities(limit=limit, cursor=cursor, q=q, type=type, country=country).as_dict()

    @api.get("/entities/{entity_id}", summary="One entity, with the actors it shares events with")
    def entity(entity_id: str):
        item = found(reader.entity(entity_id), "entity", entity_id)
        return {**item, "counterparts": reader.counterparts(entity_id)}

    @api.get("/stories", summary="Stories, newest first")
    def stories(limit: Limit = 50, cursor: Cursor = None):
        return reader.stories(limit=limit, cursor=cursor).as_dict()

    @api.get("/stories/{story_id}", summary="One story")
    def story(story_id: str):
        return found(reader.story(story_id), "story", story_id)

    @api.get("/search", summary="Entities, articles (by lemma) and events matching a query")
    def search(q: Annotated[str, Query(min_length=1)], limit: Annotated[int, Query(ge=1, le=100)] = 20):
        return reader.search(q, limit)

    @api.get("/graph", summary="Actor network: who shares events with whom, weighted")
    def graph(type: str | None = None, since: Date = None, until: Date = None,
              min_weight: Annotated[int, Query(ge=1)] = 1, limit: Annotated[int, Query(ge=1, le=2000)] = 200):
        return reader.graph(type=type, since=since, until=until, min_weight=min_weight, limit=limit)

    @api.get("/timeline", summary="Events per month and type, for an actor, a dyad or everything")
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

    @api.post("/ingest", summary="Ingest article objects (operator token required)", dependencies=[Depends(operator)])
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
                      "rejected": [{"source": s, "reason": r} for s, r in report.rejected]}
        return result

    app.include_router(api)

    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def api_not_found(rest: str):
        raise HTTPException(404, f"no API route /api/{rest}")

    from letopis.web import register_pages

    register_pages(app, reader)
    return app
