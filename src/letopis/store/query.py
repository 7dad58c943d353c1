"""Read-side queries for the API and the web pages: filtered, keyset-paginated, one page at a time.

A cursor is a token naming the last row of the previous page, so pages stay
stable while new events arrive (no OFFSET drift) and each page costs the same.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, and_, case, cast, func, or_, select
from sqlalchemy.engine import Connection

from letopis.store import records
from letopis.store import schema as t
from letopis.store.db import Store

MAX_LIMIT = 500


class BadQuery(ValueError):
    """A request the store cannot answer as asked (bad cursor, bad date); the API turns it into a 400."""


@dataclass(slots=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"items": self.items, "next_cursor": self.next_cursor}


# A cursor is the sort key and id of the last row of the previous page, joined by "~": every string of
# its kind's shape names a position in the order (rows after it), so no well-formed cursor is refused.
CURSOR_TEXT = r"[^~\x00-\x1f\x7f]{0,200}"
CURSOR_INT = r"\d{1,18}"
CURSOR_SHAPES = {"key_id": f"^{CURSOR_TEXT}~{CURSOR_TEXT}$", "int": f"^{CURSOR_INT}$",
                 "int_id": f"^{CURSOR_INT}~{CURSOR_TEXT}$"}


def encode_cursor(*values: Any) -> str:
    text = [str(v) for v in values]
    if any("~" in v for v in text):
        raise ValueError(f"a cursor value may not hold '~': {text!r}")
    return "~".join(text)


def decode_cursor(cursor: str, shape: str) -> list[Any]:
    """The values of a cursor of one of CURSOR_SHAPES; BadQuery when it has another shape."""
    if not re.fullmatch(CURSOR_SHAPES[shape], cursor):
        raise BadQuery(f"malformed cursor {cursor!r}")
    parts = cursor.split("~")
    return [int(p) if kind == "int" else p for p, kind in zip(parts, shape.split("_"), strict=True)]


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}")
    return limit


def _check_date(value: str | None, name: str) -> None:
    if value is None:
        return
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise BadQuery(f"{name} must be a date like 2021-04-30, 2021-04 or 2021, not {value!r}")


def search_terms(q: str) -> list[list[str]]:
    """Each query word as the lemmas it may have, so `Токаеву` finds articles that say `Токаева`."""
    from letopis.analyze.morph import WORD, lemma, lemmas

    out = []
    for w in WORD.findall(q):
        if len(w) > 1:
            forms = lemmas(w) | {lemma(x) for x in lemmas(w)}  # the stored lemma of "Токаев" is "токай"
            out.append([lemma(w), *sorted(forms - {lemma(w)})])
    return out


def _newest_first(stmt: Any, sort: Any, id_col: Any, cursor: str | None, limit: int) -> Any:
    """Order by (sort, id) descending, start after the cursor's row, fetch one extra row to know if more follow."""
    if cursor:
        last, last_id = decode_cursor(cursor, "key_id")
        stmt = stmt.where(or_(sort < last, and_(sort == last, id_col < last_id)))
    return stmt.order_by(sort.desc(), id_col.desc()).limit(limit + 1)


def _cut(rows: list[Any], limit: int, key: Any) -> tuple[list[Any], str | None]:
    """The page's rows and the cursor of the next page (None on the last one)."""
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(*key(rows[-1])) if more and rows else None)


class Reader:
    """Queries over a Store's tables."""

    def __init__(self, store: Store):
        self.store = store
        self.engine = store.engine

    # events -------------------------------------------------------------------------
    def _event_filter(self, actor: str | None, type_: str | None, country: str | None, since: str | None,
                      until: str | None, q: str | None, status: str | None = None,
                      with_actor: str | None = None, article: str | None = None) -> list[Any]:
        _check_date(since, "since")
        _check_date(until, "until")
        ev, ea = t.events.c, t.event_actors.c
        conds: list[Any] = []
        if type_:
            conds.append(ev.type == type_.upper())
        if status:
            conds.append(ev.status == status)
        if since:
            conds.append(ev.date >= since)
        if until:
            conds.append(ev.date <= until + "~")
        for who in (actor, with_actor):
            if who:
                conds.append(ev.id.in_(select(ea.event_id).where(ea.entity_id.in_(self._actor_ids(who)))))
        if country:
            conds.append(ev.id.in_(select(ea.event_id).where(ea.country == country.upper())))
        if article:
            conds.append(ev.id.in_(select(t.evidence.c.event_id).where(t.evidence.c.article_id == article)))
        if q:
            conds.append(ev.id.in_(select(t.evidence.c.event_id).where(t.evidence.c.folded.like(f"%{q.lower()}%"))))
        return conds

    def _actor_ids(self, who: str) -> list[str]:
        """The actors an actor filter means: the entity id itself, or those whose name, Russian name, alias or id
        contains the text. Looked up among the distinct actors (the entities, and the ids the page aggregates
        count), not row by row among every event's actors: the events are then found by the indexed id."""
        e, am = t.entities.c, t.actor_months.c
        folded = f"%{who.lower()}%"
        with self.engine.connect() as c:
            named = c.execute(select(e.id).where(or_(func.lower(e.name).like(folded), func.lower(e.name_ru).like(folded),
                                                     func.lower(cast(e.aliases, Text)).like(folded)))).scalars().all()
            counted = c.execute(select(am.entity_id).distinct().where(func.lower(am.entity_id).like(folded))).scalars().all()
        return sorted({who, *named, *counted})

    def events(self, *, limit: int = 50, cursor: str | None = None, actor: str | None = None, type: str | None = None,
               country: str | None = None, since: str | None = None, until: str | None = None, q: str | None = None,
               status: str | None = None, with_actor: str | None = None, article: str | None = None) -> Page:
        """Events newest first (undated last), filtered; `actor` is an entity id or part of a name."""
        limit = _limit(limit)
        ev = t.events.c
        sort_date = func.coalesce(ev.date, "")
        stmt = select(t.events).where(*self._event_filter(actor, type, country, since, until, q, status, with_actor,
                                                                    article))
        stmt = _newest_first(stmt, sort_date, ev.id, cursor, limit)
        with self.engine.connect() as c:
            rows, nxt = _cut(c.execute(stmt).all(), limit, lambda r: (r.date or "", r.id))
            items = self._event_records(c, rows)
        return Page(items, nxt)

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            rows = c.execute(select(t.events).where(t.events.c.id == event_id)).all()
            return self._event_records(c, rows)[0] if rows else None

    def _event_records(self, c: Connection, rows: list[Any]) -> list[dict[str, Any]]:
        ids = [r.id for r in rows]
        actors: dict[str, list[dict]] = defaultdict(list)
        evid: dict[str, list[dict]] = defaultdict(list)
        if ids:
            for a in c.execute(select(t.event_actors).where(t.event_actors.c.event_id.in_(ids))):
                actors[a.event_id].append(records.actor_record(a))
            for e in c.execute(select(t.evidence).where(t.evidence.c.event_id.in_(ids))):
                evid[e.event_id].append(records.evidence_record(e))
        return [records.event_record(r, actors[r.id], evid[r.id]) for r in rows]

    # articles -----------------------------------------------------------------------
    def articles(self, *, limit: int = 50, cursor: str | None = None, q: str | None = None,
                 story: str | None = None) -> Page:
        """Articles newest ingested first; `q` matches lemmas of the body and title."""
        limit = _limit(limit)
        a = t.articles.c
        stmt = select(a.record, a.story_id, a.duplicate_of, a.seq)
        if q:
            padded = " " + func.coalesce(a.lemmas, "") + " "
            for alternatives in search_terms(q):
                stmt = stmt.where(or_(*(padded.like(f"% {term} %") for term in alternatives)))
        if story:
            stmt = stmt.where(a.story_id == story)
        if cursor:
            (last_seq,) = decode_cursor(cursor, "int")
            stmt = stmt.where(a.seq < int(last_seq))
        stmt = stmt.order_by(a.seq.desc()).limit(limit + 1)
        with self.engine.connect() as c:
            rows = c.execute(stmt).all()
        more = len(rows) > limit
        rows = rows[:limit]
        items = [self._article_record(r) for r in rows]
        return Page(items, encode_cursor(rows[-1].seq) if more and rows else None)

    def article(self, article_id: str) -> dict[str, Any] | None:
        a = t.articles.c
        with self.engine.connect() as c:
            r = c.execute(select(a.record, a.story_id, a.duplicate_of, a.seq).where(a.id == article_id)).first()
        return self._article_record(r) if r else None

    @staticmethod
    def _article_record(r: Any) -> dict[str, Any]:
        rec = dict(r.record)
        rec["story_id"], rec["duplicate_of"] = r.story_id, r.duplicate_of
        return rec

    # entities -----------------------------------------------------------------------
    def entities(self, *, limit: int = 50, cursor: str | None = None, q: str | None = None,
                 type: str | None = None, country: str | None = None, entity_id: str | None = None) -> Page:
        """Entities by how often they are mentioned, most first."""
        limit = _limit(limit)
        e, m = t.entities.c, t.mentions.c
        counts = (select(m.entity_id, func.count().label("n"), func.count(func.distinct(m.article_id)).label("arts"))
                  .group_by(m.entity_id).subquery())
        n = func.coalesce(counts.c.n, 0)
        stmt = select(t.entities, n.label("n"), func.coalesce(counts.c.arts, 0).label("arts")).outerjoin(
            counts, counts.c.entity_id == e.id)
        if q:
            folded = f"%{q.lower()}%"
            stmt = stmt.where(or_(func.lower(e.name).like(folded), func.lower(e.name_ru).like(folded),
                                  func.lower(cast(e.aliases, Text)).like(folded), e.id == q))
        if type:
            stmt = stmt.where(e.type == type.upper())
        if country:
            stmt = stmt.where(e.country == country.upper())
        if entity_id:
            stmt = stmt.where(e.id == entity_id)
        if cursor:
            last_n, last_id = decode_cursor(cursor, "int_id")
            stmt = stmt.where(or_(n < last_n, and_(n == last_n, e.id > last_id)))
        stmt = stmt.order_by(n.desc(), e.id).limit(limit + 1)
        with self.engine.connect() as c:
            rows = c.execute(stmt).all()
        more = len(rows) > limit
        rows = rows[:limit]
        items = [self._entity_record(r) for r in rows]
        return Page(items, encode_cursor(rows[-1].n, rows[-1].id) if more and rows else None)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        items = self.entities(entity_id=entity_id, limit=1).items
        return items[0] if items else None

    @staticmethod
    def _entity_record(r: Any) -> dict[str, Any]:
        return records.entity_record(r, r.n, r.arts)

    def counterparts(self, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """Who shares events with an entity, with how many (from the actor-pair aggregate)."""
        p, en = t.actor_pairs.c, t.entities.c
        other = case((p.x == entity_id, p.y), else_=p.x).label("other")
        stmt = (select(other, p.n, en.name, en.country).join(t.entities, en.id == other, isouter=True)
                .where(or_(p.x == entity_id, p.y == entity_id)).order_by(p.n.desc(), other).limit(limit))
        with self.engine.connect() as c:
            rows = c.execute(stmt).all()
        if rows and all(r.name is not None for r in rows):
            return [{"id": r.other, "name": r.name, "country": r.country, "events": r.n} for r in rows]
        return self._counterparts_live(entity_id, limit)

    def _counterparts_live(self, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
        ea = t.event_actors.c
        mine = select(ea.event_id).where(ea.entity_id == entity_id)
        stmt = (select(ea.entity_id, ea.name, ea.country, func.count(func.distinct(ea.event_id)).label("n"))
                .where(ea.event_id.in_(mine), ea.entity_id != entity_id)
                .group_by(ea.entity_id, ea.name, ea.country).order_by(func.count(func.distinct(ea.event_id)).desc(), ea.entity_id)
                .limit(limit))
        with self.engine.connect() as c:
            return [{"id": r.entity_id, "name": r.name, "country": r.country, "events": r.n} for r in c.execute(stmt)]

    # stories ------------------------------------------------------------------------
    def stories(self, *, limit: int = 50, cursor: str | None = None) -> Page:
        limit = _limit(limit)
        s = t.stories.c
        sort = func.coalesce(s.first_seen, "")
        stmt = _newest_first(select(t.stories), sort, s.id, cursor, limit)
        with self.engine.connect() as c:
            rows, nxt = _cut(c.execute(stmt).all(), limit, lambda r: (r.first_seen or "", r.id))
        return Page([self._story_record(r) for r in rows], nxt)

    def story(self, story_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            r = c.execute(select(t.stories).where(t.stories.c.id == story_id)).first()
        return self._story_record(r) if r else None

    @staticmethod
    def _story_record(r: Any) -> dict[str, Any]:
        return records.story_record(r)

    # search, graph, timeline ------------------------------------------------------------
    def search(self, q: str, limit: int = 20) -> dict[str, Any]:
        """Entities whose names match, articles whose lemmas match, events whose evidence matches."""
        if not q.strip():
            raise BadQuery("q must not be empty")
        entities = self.entities(q=q, limit=limit).items
        if not entities:  # "Токаеву" → lemma "токаев" is in the aliases of Tokayev
            for alternatives in search_terms(q):
                for term in alternatives:
                    entities.extend(x for x in self.entities(q=term, limit=limit).items if x not in entities)
        articles = self.articles(q=q, limit=limit).items
        events = self.events(q=q, limit=limit).items
        if not events and entities:
            events = self.events(actor=entities[0]["id"], limit=limit).items
        return {"q": q, "terms": [alts[0] for alts in search_terms(q)], "entities": entities[:limit],
                "articles": [{k: a[k] for k in ("id", "title", "published", "outlet", "language", "source")} for a in articles],
                "events": events}

    def graph(self, *, type: str | None = None, since: str | None = None, until: str | None = None,
              min_weight: int = 1, limit: int = 200) -> dict[str, Any]:
        """The actor network: entities as nodes, shared events as weighted edges. Unfiltered, it is read
        from the aggregates kept as events are written; filtered by type or dates, from the events."""
        conds = self._event_filter(None, type, None, since, until, None)
        if not conds:
            return self._graph_aggregated(min_weight, limit)
        a, b = t.event_actors.alias("a"), t.event_actors.alias("b")
        weight = func.count(func.distinct(a.c.event_id))
        pairs = (select(a.c.entity_id.label("x"), b.c.entity_id.label("y"), weight.label("w"))
                 .join(b, and_(a.c.event_id == b.c.event_id, a.c.entity_id < b.c.entity_id))
                 .group_by(a.c.entity_id, b.c.entity_id).having(weight >= min_weight)
                 .order_by(weight.desc(), a.c.entity_id, b.c.entity_id).limit(limit))
        ea = t.event_actors.c
        degree_q = select(ea.entity_id, func.count(func.distinct(ea.event_id)).label("n")).group_by(ea.entity_id)
        if conds:
            chosen = select(t.events.c.id).where(*conds)
            pairs = pairs.where(a.c.event_id.in_(chosen))
            degree_q = degree_q.where(ea.event_id.in_(chosen))
        with self.engine.connect() as c:
            edges = [{"source": r.x, "target": r.y, "weight": r.w} for r in c.execute(pairs)]
            used = {x for e in edges for x in (e["source"], e["target"])}
            degree = {r.entity_id: r.n for r in c.execute(degree_q.where(ea.entity_id.in_(used)))} if used else {}
            info = {r.entity_id: r for r in c.execute(
                select(ea.entity_id, func.min(ea.name).label("name"), func.min(ea.type).label("type"),
                       func.min(ea.country).label("country")).where(ea.entity_id.in_(used)).group_by(ea.entity_id))} if used else {}
        nodes = [{"id": i, "name": info[i].name, "type": info[i].type, "country": info[i].country,
                  "events": degree.get(i, 0)} for i in sorted(used, key=lambda i: (-degree.get(i, 0), i))]
        return {"nodes": nodes, "edges": edges}

    def _graph_aggregated(self, min_weight: int, limit: int) -> dict[str, Any]:
        p, am, en = t.actor_pairs.c, t.actor_months.c, t.entities.c
        pairs = (select(p.x, p.y, p.n).where(p.n >= min_weight).order_by(p.n.desc(), p.x, p.y).limit(limit))
        with self.engine.connect() as c:
            edges = [{"source": r.x, "target": r.y, "weight": r.n} for r in c.execute(pairs)]
            used = sorted({x for e in edges for x in (e["source"], e["target"])})
            degree, info = {}, {}
            for chunk in (used[i: i + 500] for i in range(0, len(used), 500)):
                degree.update({r.entity_id: r.n for r in c.execute(
                    select(am.entity_id, func.sum(am.n).label("n")).where(am.entity_id.in_(chunk)).group_by(am.entity_id))})
                info.update({r.id: r for r in c.execute(select(en.id, en.name, en.type, en.country).where(en.id.in_(chunk)))})
        if any(i not in info for i in used):  # actors that are no stored entity: the events know their names
            ea = t.event_actors.c
            with self.engine.connect() as c:
                info.update({r.entity_id: r for r in c.execute(
                    select(ea.entity_id, func.min(ea.name).label("name"), func.min(ea.type).label("type"),
                           func.min(ea.country).label("country"))
                    .where(ea.entity_id.in_([i for i in used if i not in info])).group_by(ea.entity_id))})
        nodes = [{"id": i, "name": info[i].name, "type": info[i].type, "country": info[i].country,
                  "events": int(degree.get(i, 0))} for i in sorted(used, key=lambda i: (-degree.get(i, 0), i))]
        return {"nodes": nodes, "edges": edges}

    def timeline(self, *, actor: str | None = None, with_actor: str | None = None, type: str | None = None,
                 country: str | None = None, since: str | None = None, until: str | None = None) -> dict[str, Any]:
        """Dated events per month and type (undated events are counted apart). One actor's, by id and
        nothing else, is read from the aggregate kept as events are written."""
        am = t.actor_months.c
        stmt = None
        if actor and not (with_actor or type or country or since or until):
            with self.engine.connect() as c:
                if c.execute(select(am.n).where(am.entity_id == actor).limit(1)).first() is not None:
                    stmt = (select(am.month.label("month"), am.type, am.n.label("n")).where(am.entity_id == actor)
                            .order_by(am.month, am.type))
        if stmt is None:
            ev = t.events.c
            month = func.substr(ev.date, 1, 7)
            stmt = (select(month.label("month"), ev.type, func.count().label("n"))
                    .where(*self._event_filter(actor, type, country, since, until, None, with_actor=with_actor))
                    .group_by(month, ev.type).order_by(month, ev.type))
        counts: dict[str, dict[str, int]] = defaultdict(dict)
        undated = 0
        with self.engine.connect() as c:
            for r in c.execute(stmt):
                if r.month is None or r.month.startswith("X") or len(r.month) < 7 or not r.month[5:7].isdigit():
                    undated += r.n
                else:
                    counts[r.month][r.type] = counts[r.month].get(r.type, 0) + r.n
        months = sorted(counts)
        types = sorted({ty for m in counts.values() for ty in m})
        return {"months": months, "types": types,
                "series": [{"type": ty, "counts": [counts[m].get(ty, 0) for m in months]} for ty in types],
                "undated": undated}
