"""Store: add documents and articles, rebuild stories and events, read records back."""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Engine

from letopis.corpus.merge import merge_reports
from letopis.corpus.stories import ArticleSig, group_stories
from letopis.model import Article, event_record
from letopis.store import schema as t

log = logging.getLogger(__name__)


def default_url() -> str:
    return os.environ.get("LETOPIS_DB") or "sqlite:///letopis.db"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A Letopis database (SQLite file or PostgreSQL server), migrated to the newest schema on open."""

    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        if self.url.startswith(("postgresql://", "postgres://")):  # the server store, through psycopg 3
            self.url = "postgresql+psycopg://" + self.url.split("://", 1)[1]
        self.engine: Engine = create_engine(self.url, json_serializer=_json_dumps, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._migrate()
        self._lsh = None  # MinHash LSH index of stored articles, built on the first add

    def _migrate(self) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("letopis.store").joinpath("migrations")))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    # writing ------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None

    def log(self, source: str, doc_id: str | None, status: str, reason: str | None = None) -> None:
        with self.engine.begin() as c:
            c.execute(insert(t.ingest_log).values(source=source, document_id=doc_id, status=status, reason=reason, at=_now()))

    def add_article(self, doc_id: str, article: Article) -> str:
        """Store one processed article (its document, mentions, entities, quotes, event reports) atomically."""
        with self.engine.begin() as c:
            seq = (c.execute(select(func.max(t.documents.c.seq))).scalar() or 0) + 1
            dup = c.execute(select(t.articles.c.id).where(t.articles.c.body_hash == article.body_hash)
                            .order_by(t.articles.c.seq)).first()
            article.duplicate_of = dup[0] if dup else self._near_duplicate(c, article)
            c.execute(insert(t.documents).values(id=doc_id, source=article.source, seq=seq))
            record = article.to_record()
            lemmas = " ".join(tok.lemma for s in article.sentences for tok in s.tokens if tok.lemma.isalnum())
            reports = [] if article.duplicate_of else [event_record(e) for e in article.events]
            c.execute(insert(t.articles).values(
                id=article.id, document_id=doc_id, seq=seq, source=article.source, url=article.url,
                language=article.language, title=article.title, published=article.published, outlet=article.outlet,
                body_hash=article.body_hash, duplicate_of=article.duplicate_of, record=record, reports=reports,
                lemmas=lemmas, signature=article.signature or None,
            ))
            for m in article.mentions:
                c.execute(insert(t.mentions).values(article_id=article.id, entity_id=m.entity_id, field=m.field,
                                                    start=m.start, end=m.end, text=m.text, type=m.type))
            for ent in article.entities.values():
                row = c.execute(select(t.entities.c.aliases).where(t.entities.c.id == ent.id)).first()
                if row is None:
                    c.execute(insert(t.entities).values(id=ent.id, name=ent.name, name_ru=ent.name_ru, type=ent.type,
                                                        wikidata=ent.wikidata, country=ent.country,
                                                        aliases=sorted(set(ent.aliases))))
                else:
                    aliases = sorted(set(row[0]) | set(ent.aliases))
                    c.execute(update(t.entities).where(t.entities.c.id == ent.id).values(aliases=aliases))
            for q in article.quotes:
                c.execute(insert(t.quotes).values(id=q.id, article_id=article.id, speaker_id=q.speaker_id,
                                                  speaker_name=q.speaker_name, text=q.text, start=q.start, end=q.end))
        if article.signature.get("minhash") and self._lsh is not None:
            self._lsh_add(article.id, article.signature["minhash"])
        return "duplicate" if article.duplicate_of else "stored"

    def _near_duplicate(self, c, article: Article) -> str | None:
        """The first stored article whose lemma 3-shingles overlap this one's by NEAR_DUPLICATE (MinHash LSH)."""
        hashes = article.signature.get("minhash")
        if not hashes:
            return None
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=len(hashes))
            for aid, sig in c.execute(select(t.articles.c.id, t.articles.c.signature)
                                      .where(t.articles.c.duplicate_of.is_(None))):
                if sig and sig.get("minhash"):
                    self._lsh_add(aid, sig["minhash"])
        found = self._lsh.query(_minhash(hashes))
        if not found:
            return None
        first = c.execute(select(t.articles.c.id).where(t.articles.c.id.in_(found)).order_by(t.articles.c.seq)).first()
        return first[0] if first else None

    def _lsh_add(self, article_id: str, hashes: list[int]) -> None:
        if article_id not in self._lsh:
            self._lsh.insert(article_id, _minhash(hashes))

    def rebuild_corpus(self) -> None:
        """Stories and merged events from every stored article; deterministic for the same input."""
        with self.engine.begin() as c:
            rows = c.execute(select(t.articles.c.id, t.articles.c.seq, t.articles.c.published, t.articles.c.title,
                                    t.articles.c.language, t.articles.c.body_hash, t.articles.c.reports,
                                    t.articles.c.signature)
                             .order_by(t.articles.c.seq)).all()
            ents: dict[str, set[str]] = {}
            for aid, eid in c.execute(select(t.mentions.c.article_id, t.mentions.c.entity_id)):
                if eid:
                    ents.setdefault(aid, set()).add(eid)
            sigs = [ArticleSig(r.id, r.seq, frozenset(ents.get(r.id, ())), r.published, r.title, r.language, r.body_hash,
                               r.signature or {}) for r in rows]
            groups = group_stories(sigs)
            story_of = {aid: sid for sid, ids in groups.items() for aid in ids}
            reports = [rep for r in rows for rep in r.reports]
            merged = merge_reports(reports, story_of)
            for table in (t.evidence, t.event_actors, t.events, t.stories):
                c.execute(delete(table))
            story_events: dict[str, list[str]] = {}
            for ev in merged:
                c.execute(insert(t.events).values(
                    id=ev["id"], type=ev["type"], mode=ev["mode"], cameo=ev["cameo"], status=ev["status"],
                    date=ev["date"], date_basis=ev["date_basis"], location=ev["location"], topics=ev["topics"],
                    confidence=ev["confidence"], sources=len({e["article_id"] for e in ev["evidence"]}),
                ))
                for a in ev["actors"]:
                    c.execute(insert(t.event_actors).values(event_id=ev["id"], entity_id=a["id"], name=a["name"],
                                                            type=a["type"], role=a["role"], country=a["country"]))
                for e in ev["evidence"]:
                    c.execute(insert(t.evidence).values(event_id=ev["id"], **e))
                    story_events.setdefault(story_of[e["article_id"]], [])
                    if ev["id"] not in story_events[story_of[e["article_id"]]]:
                        story_events[story_of[e["article_id"]]].append(ev["id"])
            by_id = {r.id: r for r in rows}
            for sid, ids in groups.items():
                first = by_id[ids[0]]
                c.execute(insert(t.stories).values(
                    id=sid, title=first.title, first_seen=min((by_id[i].published or "" for i in ids), default="") or None,
                    languages=sorted({by_id[i].language for i in ids if by_id[i].language}), article_ids=ids,
                    event_ids=story_events.get(sid, []),
                ))
                c.execute(update(t.articles).where(t.articles.c.id.in_(ids)).values(story_id=sid))

    # reading ------------------------------------------------------------------------
    def articles(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for r in c.execute(select(t.articles.c.record, t.articles.c.story_id, t.articles.c.duplicate_of)
                               .order_by(t.articles.c.seq)):
                rec = dict(r.record)
                rec["story_id"], rec["duplicate_of"] = r.story_id, r.duplicate_of
                yield rec

    def events(self, since: str | None = None, until: str | None = None, actor: str | None = None) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            q = select(t.events).order_by(t.events.c.date.is_(None), t.events.c.date, t.events.c.id)
            if since:
                q = q.where(t.events.c.date >= since)
            if until:
                q = q.where(t.events.c.date <= until + "~")
            actors: dict[str, list[dict]] = {}
            for a in c.execute(select(t.event_actors)):
                actors.setdefault(a.event_id, []).append(
                    {"id": a.entity_id, "name": a.name, "type": a.type, "role": a.role, "country": a.country})
            evid: dict[str, list[dict]] = {}
            for e in c.execute(select(t.evidence)):
                evid.setdefault(e.event_id, []).append(
                    {"article_id": e.article_id, "start": e.start, "end": e.end, "text": e.text})
            for r in c.execute(q):
                acts = actors.get(r.id, [])
                if actor and not any(actor.lower() in (a["name"] or "").lower() or actor == a["id"] for a in acts):
                    continue
                yield {"id": r.id, "type": r.type, "mode": r.mode, "cameo": r.cameo, "status": r.status,
                       "date": r.date, "date_basis": r.date_basis, "location": r.location, "actors": acts,
                       "topics": r.topics, "evidence": evid.get(r.id, []), "confidence": r.confidence,
                       "sources": r.sources}

    def entities(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            counts = {r.entity_id: (r.n, r.a) for r in c.execute(
                select(t.mentions.c.entity_id, func.count().label("n"),
                       func.count(func.distinct(t.mentions.c.article_id)).label("a")).group_by(t.mentions.c.entity_id))}
            for r in c.execute(select(t.entities).order_by(t.entities.c.id)):
                n, a = counts.get(r.id, (0, 0))
                yield {"id": r.id, "name": r.name, "name_ru": r.name_ru, "type": r.type, "wikidata": r.wikidata,
                       "country": r.country, "aliases": r.aliases, "mentions": n, "articles": a}

    def stories(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for r in c.execute(select(t.stories).order_by(t.stories.c.id)):
                yield {"id": r.id, "title": r.title, "article_ids": r.article_ids, "languages": r.languages,
                       "first_seen": r.first_seen, "event_ids": r.event_ids}

    def quotes(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for r in c.execute(select(t.quotes).order_by(t.quotes.c.article_id, t.quotes.c.start)):
                yield {"id": r.id, "article_id": r.article_id, "speaker_id": r.speaker_id,
                       "speaker_name": r.speaker_name, "text": r.text, "start": r.start, "end": r.end}

    def ingest_log(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(t.ingest_log).order_by(t.ingest_log.c.id))]


NEAR_DUPLICATE = 0.8  # estimated Jaccard of lemma 3-shingles


def _minhash(hashes: list[int]):
    import numpy as np
    from datasketch import MinHash

    from letopis.corpus.signature import MINHASH_SCHEME, MINHASH_SEED

    return MinHash(num_perm=len(hashes), seed=MINHASH_SEED, scheme=MINHASH_SCHEME,
                   hashvalues=np.array(hashes, dtype=np.uint64))


def _json_dumps(value: Any) -> str:
    """JSON columns keep Cyrillic as it is, so a LIKE over them can match it."""
    return json.dumps(value, ensure_ascii=False)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # SQLite's own lower() folds ASCII only; names here are Cyrillic too
    dbapi_conn.create_function("lower", 1, lambda v: v.lower() if isinstance(v, str) else v, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
