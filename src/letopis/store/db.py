"""Store: add documents and articles, rebuild stories and events, read records back."""
from __future__ import annotations

import json
import logging
import os
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    tuple_,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from letopis.corpus.merge import merge_reports
from letopis.corpus.signature import band_keys, jaccard_minhash
from letopis.corpus.stories import (
    MAX_DAYS,
    ArticleSig,
    blocked_together,
    blocking_keys,
    canonical,
    component_id,
    group_components,
    same_story,
    split_component,
    story_id,
    within_window,
)
from letopis.model import Article, Rejected, event_record
from letopis.store import records
from letopis.store import schema as t

log = logging.getLogger(__name__)


def _preferred(a: str | None, b: str | None) -> str | None:
    """Of two spellings of an entity's field, the one kept whatever the order the articles came in: a
    value over none, a capitalised name over a lower-case one ("Интернет", not "интернет"), then the first
    in sort order."""
    given = [v for v in (a, b) if v]
    return min(given, key=lambda v: (not v[:1].isupper(), v)) if given else None


def head_revision() -> str:
    """The newest migration: a revision is named by its file's number (store/migrations/versions/0007_….py)."""
    versions = resources.files("letopis.store.migrations").joinpath("versions")
    return max(p.name[:4] for p in versions.iterdir() if p.name[:4].isdigit())


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
        # a SQLite connection is a file handle: as many as the server has threads (anyio's 40), so that under load
        # a request waits for the database, never for a connection until the pool gives up with an error
        pool = {"pool_size": 16, "max_overflow": 24} if self.url.startswith("sqlite:///") and ":memory:" not in self.url else {}
        self.engine: Engine = create_engine(self.url, json_serializer=_json_dumps, pool_pre_ping=True, **pool)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._migrate()

    def _migrate(self) -> None:
        """Bring the schema to the newest migration; a store already there is not handed to Alembic (whose
        import alone is most of a short command's start)."""
        if self._at_head():
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(resources.files("letopis.store").joinpath("migrations")))
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":  # two first runs at once: one migrates, one waits
                conn.execute(text("SELECT pg_advisory_xact_lock(7345)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def _at_head(self) -> bool:
        try:
            with self.engine.connect() as c:
                return c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
        except SQLAlchemyError:  # a new store: no version table yet
            return False

    # writing ------------------------------------------------------------------------
    def known_documents(self, doc_ids: list[str]) -> set[str]:
        """Those of the document ids already stored."""
        with self.engine.connect() as c:
            return {r[0] for r in _chunked(c, select(t.documents.c.id), t.documents.c.id, doc_ids)}

    def log_many(self, rows: list[tuple[str, str | None, str, str | None]]) -> None:
        """Ingest log lines (source, document id, status, reason), in one transaction."""
        if rows:
            with self.engine.begin() as c:
                _log(c, rows)

    def add_results(self, results: list[tuple[str, str, Article | Rejected]]) -> list[str]:
        """Store what the pipeline made of several documents, (source, document id, Article or Rejected), in
        one transaction with their ingest log lines: "stored", "duplicate" or "rejected" for each. Writers take
        turns on PostgreSQL (the same advisory lock as the corpus stage): two ingests at once would otherwise
        race for the same entity rows and the next sequence number."""
        statuses, lines = [], []
        with self.engine.begin() as c:
            self._lock(c)
            for source, doc_id, result in results:
                if isinstance(result, Rejected):
                    statuses.append("rejected")
                    lines.append((source, doc_id, "rejected", result.reason))
                    continue
                status = self._add_article(c, doc_id, result)
                statuses.append(status)
                notice = "; ".join(result.notices) or None
                lines.append((source, doc_id, status,
                              notice if status == "stored" else f"duplicate of {result.duplicate_of}"))
            _log(c, lines)
        return statuses

    def _add_article(self, c, doc_id: str, article: Article) -> str:
        """One processed article (its document, mentions, entities, quotes, event reports) in the open
        transaction: "stored", or "duplicate" when it repeats a stored one."""
        seq = (c.execute(select(func.max(t.documents.c.seq))).scalar() or 0) + 1
        dup = c.execute(select(t.articles.c.id).where(t.articles.c.body_hash == article.body_hash)
                        .order_by(t.articles.c.seq)).first()
        article.duplicate_of = dup[0] if dup else self._near_duplicate(c, article)
        c.execute(insert(t.documents), [{"id": doc_id, "source": article.source, "seq": seq}])
        record = article.to_record()
        lemmas = article.lemmas()
        reports = [] if article.duplicate_of else [event_record(e) for e in article.events]
        c.execute(insert(t.articles), [{
            "id": article.id, "document_id": doc_id, "seq": seq, "source": article.source, "url": article.url,
            "language": article.language, "title": article.title, "published": article.published,
            "outlet": article.outlet, "body_hash": article.body_hash, "duplicate_of": article.duplicate_of,
            "record": record, "reports": reports, "lemmas": lemmas, "signature": article.signature or None,
        }])
        # one statement a table (executemany), one read of the entities already stored
        if article.mentions:
            c.execute(insert(t.mentions), [
                {"article_id": article.id, "entity_id": m.entity_id, "field": m.field, "start": m.start,
                 "end": m.end, "text": m.text, "type": m.type} for m in article.mentions])
        ec = t.entities.c
        ents = sorted(article.entities.values(), key=lambda x: x.id)
        stored = {r.id: r for r in _chunked(c, select(ec.id, ec.aliases, ec.name, ec.name_ru, ec.country,
                                                      ec.wikidata), ec.id, [e.id for e in ents])}
        new = [{"id": e.id, "name": e.name, "name_ru": e.name_ru, "type": e.type, "wikidata": e.wikidata,
                "country": e.country, "aliases": sorted(set(e.aliases))} for e in ents if e.id not in stored]
        if new:
            c.execute(insert(t.entities), new)
        for ent in ents:
            row = stored.get(ent.id)
            if row is None:
                continue
            # what two articles say differently is settled by a rule, not by which came first
            settled = {"aliases": sorted(set(row.aliases) | set(ent.aliases)), "name": _preferred(row.name, ent.name),
                       "name_ru": _preferred(row.name_ru, ent.name_ru),
                       "country": _preferred(row.country, ent.country),
                       "wikidata": _preferred(row.wikidata, ent.wikidata)}
            if any(settled[k] != getattr(row, k) for k in settled):  # nothing to write when nothing changes
                c.execute(update(t.entities).where(ec.id == ent.id).values(**settled))
        if article.quotes:
            c.execute(insert(t.quotes), [
                {"id": q.id, "article_id": article.id, "speaker_id": q.speaker_id, "speaker_name": q.speaker_name,
                 "text": q.text, "start": q.start, "end": q.end} for q in article.quotes])
        sig = ArticleSig(article.id, seq, frozenset(), article.published, article.title, article.language,
                         article.body_hash, article.signature or {})
        day = (article.published or "")[:10] or None
        keys = sorted(blocking_keys(sig) | band_keys(sig.sig.get("minhash")))
        if keys:
            c.execute(insert(t.story_keys), [{"key": key, "article_id": article.id, "day": day} for key in keys])
        return "duplicate" if article.duplicate_of else "stored"

    def _near_duplicate(self, c, article: Article) -> str | None:
        """The first stored original whose lemma 3-shingles overlap this one's by NEAR_DUPLICATE (estimated
        from their MinHash signatures). Only the articles that share a band of its signature with it in the
        time window are compared (corpus.signature.band_keys): a copy all but surely does, few others do,
        and the check reads no more of the archive."""
        hashes = article.signature.get("minhash")
        if not hashes:
            return None
        near = sorted({r.article_id for r in c.execute(_near_keys(band_keys(hashes), article.published))
                       if r.article_id != article.id and within_window(r.day, article.published)})
        best = None
        for r in _chunked(c, select(t.articles.c.id, t.articles.c.seq, t.articles.c.signature)
                          .where(t.articles.c.duplicate_of.is_(None)), t.articles.c.id, near):
            other = (r.signature or {}).get("minhash")
            if other and jaccard_minhash(hashes, other) >= NEAR_DUPLICATE and (best is None or r.seq < best[0]):
                best = (r.seq, r.id)
        return best[1] if best else None

    # corpus stages: stories and merged events ------------------------------------------------
    def rebuild_corpus(self) -> None:
        """Stories and merged events from every stored article, from scratch (`letopis rebuild`); the
        same result as `update_corpus` gives article by article, in any order."""
        with self.engine.begin() as c:
            self._lock(c)
            sigs = self._sigs(c)
            for table in (t.evidence, t.event_actors, t.events, t.stories, t.actor_pairs, t.actor_months):
                c.execute(delete(table))
            self._write_stories(c, group_components(list(sigs.values())))

    def unsettled(self) -> list[str]:
        """Stored articles no story holds yet: an ingest stopped (killed, a power cut) between storing them
        and its corpus update; the next ingest settles them."""
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(select(t.articles.c.id).where(t.articles.c.story_id.is_(None))
                                            .order_by(t.articles.c.id))]

    def update_corpus(self, article_ids: list[str]) -> None:
        """Bring stories and events up to date with newly stored articles. Each new article reads only
        the stored articles that share a blocking key with it within the time window; the stories of
        those that are its story, with the rest of their components, are regrouped together with the new
        articles, as a rebuild groups them, and only they are rewritten: the work grows with the new
        articles and their neighbours, not with the archive.

        The articles regrouped are closed under same-story links (an old article outside them is linked to
        no new one, and its component holds all its old links), so their grouping is the one a rebuild of
        the whole store gives, in whatever batches and order the articles came."""
        with self.engine.begin() as c:
            self._lock(c)
            seen: dict[str, ArticleSig] = {}  # signatures read in this update (they never change)
            new = self._sigs(c, sorted(set(article_ids)), seen)
            if not new:
                return
            mates: set[str] = set()
            settled = c.execute(select(t.articles.c.id).where(t.articles.c.story_id.is_not(None)).limit(1)).first()
            for aid, sig in sorted(new.items()) if settled else ():  # (a first ingest has no story to join)
                near = [a for a in _blocked_with(c, aid, blocking_keys(sig), sig.published) if a not in new]
                mates |= {s.id for s in self._sigs(c, near, seen).values()
                          if same_story(*sorted((sig, s), key=canonical))}
            joined = sorted({sid for (sid,) in _chunked(c, select(t.articles.c.story_id), t.articles.c.id,
                                                        mates | set(new)) if sid})
            comps = sorted({comp for (comp,) in _chunked(c, select(t.stories.c.component), t.stories.c.id, joined)
                            if comp})
            old = sorted(set(joined) | {sid for (sid,) in _chunked(c, select(t.stories.c.id),
                                                                    t.stories.c.component, comps)})
            members = set(new) | mates
            for row in _chunked(c, select(t.stories.c.article_ids), t.stories.c.id, old):
                members |= set(row.article_ids)
            self._drop_stories(c, old)
            self._write_stories(c, group_components(list(self._sigs(c, members, seen).values())))

    def _lock(self, c) -> None:
        """One corpus writer at a time: on PostgreSQL an advisory lock held to the end of the
        transaction (two ingests at once wait for each other here, not corrupt a story)."""
        if self.engine.dialect.name == "postgresql":
            c.execute(text("SELECT pg_advisory_xact_lock(7346)"))

    def _sigs(self, c, ids=None, seen: dict[str, ArticleSig] | None = None) -> dict[str, ArticleSig]:
        """Story signatures of the given articles (all when None), with the entities they mention;
        `seen` keeps those already read."""
        seen = {} if seen is None else seen
        cols = (t.articles.c.id, t.articles.c.seq, t.articles.c.published, t.articles.c.title,
                t.articles.c.language, t.articles.c.body_hash, t.articles.c.signature)
        if ids is None:
            rows = c.execute(select(*cols)).all()
            mentions = c.execute(select(t.mentions.c.article_id, t.mentions.c.entity_id)).all()
        else:
            missing = sorted(set(ids) - set(seen))
            rows = list(_chunked(c, select(*cols), t.articles.c.id, missing))
            mentions = list(_chunked(c, select(t.mentions.c.article_id, t.mentions.c.entity_id),
                                     t.mentions.c.article_id, missing))
        ents: dict[str, set[str]] = {}
        for aid, eid in mentions:
            if eid:
                ents.setdefault(aid, set()).add(eid)
        for r in rows:
            seen[r.id] = ArticleSig(r.id, r.seq, frozenset(ents.get(r.id, ())), r.published, r.title, r.language,
                                    r.body_hash, r.signature or {})
        return {i: seen[i] for i in (ids if ids is not None else seen) if i in seen}

    def _drop_stories(self, c, story_ids: list[str]) -> None:
        if not story_ids:
            return
        events = [e for (e,) in _chunked(c, select(t.events.c.id), t.events.c.story_id, story_ids)]
        gone: dict[str, dict] = {}
        for r in _chunked(c, select(t.events.c.id, t.events.c.type, t.events.c.date), t.events.c.id, events):
            gone[r.id] = {"type": r.type, "date": r.date, "actors": []}
        for r in _chunked(c, select(t.event_actors.c.event_id, t.event_actors.c.entity_id), t.event_actors.c.event_id, events):
            gone[r.event_id]["actors"].append({"id": r.entity_id})
        self._count(c, list(gone.values()), -1)
        for chunk in _chunks(events):
            c.execute(delete(t.evidence).where(t.evidence.c.event_id.in_(chunk)))
            c.execute(delete(t.event_actors).where(t.event_actors.c.event_id.in_(chunk)))
            c.execute(delete(t.events).where(t.events.c.id.in_(chunk)))
        for chunk in _chunks(story_ids):
            c.execute(delete(t.stories).where(t.stories.c.id.in_(chunk)))

    def _count(self, c, events: list[dict], sign: int) -> None:
        """Add (or, with -1, take away) events to the aggregates the pages read: events per actor pair,
        and per actor, month and type."""
        pairs: dict[tuple[str, str], int] = defaultdict(int)
        months: dict[tuple[str, str, str], int] = defaultdict(int)
        for ev in events:
            ids = sorted({a["id"] for a in ev["actors"]})
            for i, x in enumerate(ids):
                months[(x, (ev["date"] or "")[:7], ev["type"])] += sign
                for y in ids[i + 1:]:
                    pairs[(x, y)] += sign
        for table, deltas, keys in ((t.actor_pairs, pairs, ("x", "y")),
                                    (t.actor_months, months, ("entity_id", "month", "type"))):
            deltas = {k: d for k, d in deltas.items() if d}
            if not deltas:
                continue
            cols = [table.c[k] for k in keys]
            have: set[tuple] = set()
            for chunk in _chunks(sorted(deltas)):
                have |= {tuple(r) for r in c.execute(select(*cols).where(tuple_(*cols).in_(chunk)))}
            # one statement for the rows there are, one for the new (executemany)
            there = [{**{f"k_{k}": v for k, v in zip(keys, key, strict=True)}, "d": d}
                     for key, d in sorted(deltas.items()) if key in have]
            if there:
                c.execute(update(table).where(*(table.c[k] == bindparam(f"k_{k}") for k in keys))
                          .values(n=table.c.n + bindparam("d")), there)
            new = [{**dict(zip(keys, key, strict=True)), "n": d} for key, d in sorted(deltas.items())
                   if key not in have and d > 0]
            if new:
                c.execute(insert(table), new)
            if any(d < 0 for d in deltas.values()):
                c.execute(delete(table).where(table.c.n <= 0))

    def _write_stories(self, c, components: list[list[ArticleSig]]) -> None:
        """The stories of each component (its articles in canonical order), split as a rebuild splits
        them, with their merged events: one statement a table for all of them (executemany)."""
        stories = [(story_id(story), story, component_id(comp)) for comp in components
                   for story in split_component(comp)]
        ids = [m.id for _, story, _ in stories for m in story]
        reports_of = {r.id: r.reports for r in _chunked(c, select(t.articles.c.id, t.articles.c.reports),
                                                         t.articles.c.id, ids)}
        events, actors, evidence, rows, merged_all = [], [], [], [], []
        for sid, members, component in stories:
            mids = [m.id for m in members]
            merged = merge_reports([rep for i in mids for rep in reports_of.get(i) or []], {i: sid for i in mids})
            merged_all += merged
            for ev in merged:
                events.append({
                    "id": ev["id"], "type": ev["type"], "mode": ev["mode"], "cameo": ev["cameo"],
                    "status": ev["status"], "date": ev["date"], "date_basis": ev["date_basis"],
                    "location": ev["location"], "topics": ev["topics"], "confidence": ev["confidence"],
                    "sources": len({e["article_id"] for e in ev["evidence"]}), "story_id": sid})
                actors += [{"event_id": ev["id"], "entity_id": a["id"], "name": a["name"], "type": a["type"],
                            "role": a["role"], "country": a["country"]} for a in ev["actors"]]
                evidence += [{"event_id": ev["id"], **e, "folded": e["text"].lower()} for e in ev["evidence"]]
            first = members[0]
            rows.append({"id": sid, "title": first.title,
                         "first_seen": min((m.published or "" for m in members), default="") or None,
                         "languages": sorted({m.language for m in members if m.language}), "article_ids": mids,
                         "event_ids": [ev["id"] for ev in merged], "component": component})
        for table, values in ((t.events, events), (t.event_actors, actors), (t.evidence, evidence), (t.stories, rows)):
            for chunk in _chunks(values, 2000):
                c.execute(insert(table), chunk)
        owners = [{"b_id": m.id, "b_story": sid} for sid, members, _ in stories for m in members]
        if owners:
            c.execute(update(t.articles).where(t.articles.c.id == bindparam("b_id"))
                      .values(story_id=bindparam("b_story")), owners)
        self._count(c, merged_all, +1)

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
                actors.setdefault(a.event_id, []).append(records.actor_record(a))
            evid: dict[str, list[dict]] = {}
            for e in c.execute(select(t.evidence)):
                evid.setdefault(e.event_id, []).append(records.evidence_record(e))
            for r in c.execute(q):
                acts = actors.get(r.id, [])
                if actor and not any(actor.lower() in (a["name"] or "").lower() or actor == a["id"] for a in acts):
                    continue
                yield records.event_record(r, acts, evid.get(r.id, []))

    def entities(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            counts = {r.entity_id: (r.n, r.a) for r in c.execute(
                select(t.mentions.c.entity_id, func.count().label("n"),
                       func.count(func.distinct(t.mentions.c.article_id)).label("a")).group_by(t.mentions.c.entity_id))}
            for r in c.execute(select(t.entities).order_by(t.entities.c.id)):
                yield records.entity_record(r, *counts.get(r.id, (0, 0)))

    def stories(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for r in c.execute(select(t.stories).order_by(t.stories.c.id)):
                yield records.story_record(r)

    def quotes(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as c:
            for r in c.execute(select(t.quotes).order_by(t.quotes.c.article_id, t.quotes.c.start)):
                yield {"id": r.id, "article_id": r.article_id, "speaker_id": r.speaker_id,
                       "speaker_name": r.speaker_name, "text": r.text, "start": r.start, "end": r.end}

    def ingest_log(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(select(t.ingest_log).order_by(t.ingest_log.c.id))]


NEAR_DUPLICATE = 0.8  # estimated Jaccard of lemma 3-shingles


def _json_dumps(value: Any) -> str:
    """JSON columns keep Cyrillic as it is, so a LIKE over them can match it."""
    return json.dumps(value, ensure_ascii=False)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # SQLite's own lower() folds ASCII only; names here are Cyrillic too
    dbapi_conn.create_function("lower", 1, lambda v: v.lower() if isinstance(v, str) else v, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # in WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses nothing committed,
    # a power cut at most the last transactions, never the database's consistency
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _log(c, rows: list[tuple[str, str | None, str, str | None]]) -> None:
    if rows:
        at = _now()
        c.execute(insert(t.ingest_log), [{"source": source, "document_id": doc_id, "status": status, "reason": reason,
                                          "at": at} for source, doc_id, status, reason in rows])


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def _chunked(c, stmt, column, values) -> Iterator:
    """Rows of `stmt` where `column` is one of `values`, asked in chunks (SQL has a limit on IN lists)."""
    for chunk in _chunks(sorted(values)):
        yield from c.execute(stmt.where(column.in_(chunk)))


def _near_keys(keys: set[str], published: str | None):
    """Stored articles under these blocking keys, undated or dated within the time window of `published`
    (an index on key and day answers it without reading the rest of the archive)."""
    stmt = select(t.story_keys.c.article_id, t.story_keys.c.day).where(t.story_keys.c.key.in_(sorted(keys)))
    try:
        day = date.fromisoformat((published or "")[:10])
    except ValueError:
        return stmt
    lo, hi = (day - timedelta(days=MAX_DAYS)).isoformat(), (day + timedelta(days=MAX_DAYS)).isoformat()
    day_col = t.story_keys.c.day  # a day that is no full date may be near anything (as `within_window` says)
    return stmt.where(or_(day_col.is_(None), day_col.between(lo, hi), func.length(day_col) != 10))


def _blocked_with(c, article_id: str, keys: set[str], published: str | None) -> list[str]:
    """Settled articles (those a story holds) that a new one is compared with: within the time window and
    sharing enough of its blocking keys (corpus.stories.blocked_together), counted by the database. The new
    articles of an update are compared among themselves when they are grouped."""
    sk = t.story_keys.c
    stmt = _near_keys(keys, published).with_only_columns(
        sk.article_id, sk.day, func.count(), func.max(case((func.substr(sk.key, 1, 2) == "h:", 1), else_=0))
    ).join(t.articles, t.articles.c.id == sk.article_id).where(t.articles.c.story_id.is_not(None)).group_by(
        sk.article_id, sk.day)
    return sorted({a for a, day, shared, same_text in c.execute(stmt)
                   if a != article_id and within_window(day, published) and blocked_together(shared, bool(same_text))})


def recount(c) -> None:
    """The page aggregates from the stored events, from scratch (a migration, or events written
    by other means than the corpus stages, as the web benchmark does)."""
    ea, eb, ev = t.event_actors.alias("a"), t.event_actors.alias("b"), t.events
    c.execute(delete(t.actor_pairs))
    c.execute(delete(t.actor_months))
    c.execute(insert(t.actor_pairs).from_select(
        ["x", "y", "n"],
        select(ea.c.entity_id, eb.c.entity_id, func.count(func.distinct(ea.c.event_id)))
        .join(eb, and_(ea.c.event_id == eb.c.event_id, ea.c.entity_id < eb.c.entity_id))
        .group_by(ea.c.entity_id, eb.c.entity_id)))
    month = func.substr(func.coalesce(ev.c.date, ""), 1, 7)
    c.execute(insert(t.actor_months).from_select(
        ["entity_id", "month", "type", "n"],
        select(ea.c.entity_id, month, ev.c.type, func.count(func.distinct(ev.c.id)))
        .join(ev, ev.c.id == ea.c.event_id).group_by(ea.c.entity_id, month, ev.c.type)))
