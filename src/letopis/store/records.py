"""One serialiser per record kind: the CONTRACT records built from database rows, for exports
(`Store`) and the API and pages (`Reader`) alike."""
from __future__ import annotations

from typing import Any


def actor_record(a: Any) -> dict[str, Any]:
    return {"id": a.entity_id, "name": a.name, "type": a.type, "role": a.role, "country": a.country}


def evidence_record(e: Any) -> dict[str, Any]:
    return {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text}


def event_record(r: Any, actors: list[dict], evidence: list[dict]) -> dict[str, Any]:
    return {"id": r.id, "type": r.type, "mode": r.mode, "cameo": r.cameo, "status": r.status, "date": r.date,
            "date_basis": r.date_basis, "location": r.location, "actors": actors, "topics": r.topics,
            "evidence": evidence, "confidence": r.confidence, "sources": r.sources}


def entity_record(r: Any, mentions: int, articles: int) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "name_ru": r.name_ru, "type": r.type, "wikidata": r.wikidata,
            "country": r.country, "aliases": r.aliases, "mentions": mentions, "articles": articles}


def story_record(r: Any) -> dict[str, Any]:
    return {"id": r.id, "title": r.title, "article_ids": r.article_ids, "languages": r.languages,
            "first_seen": r.first_seen, "event_ids": r.event_ids}
