"""The store's tables (SQLAlchemy Core); the same schema serves SQLite and PostgreSQL."""
from __future__ import annotations

from sqlalchemy import JSON, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("source", Text, nullable=False),
    Column("seq", Integer, nullable=False),
)
articles = Table(
    "articles", metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(64), ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("language", String(8)),
    Column("title", Text),
    Column("published", String(32), index=True),
    Column("outlet", Text),
    Column("body_hash", String(40), index=True),
    Column("duplicate_of", String(40)),
    Column("story_id", String(40), index=True),
    Column("record", JSON, nullable=False),
    Column("reports", JSON, nullable=False),
    Column("lemmas", Text),
    Column("signature", JSON),
)
entities = Table(
    "entities", metadata,
    Column("id", String(120), primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_ru", Text),
    Column("type", String(8), nullable=False),
    Column("wikidata", String(20)),
    Column("country", String(3)),
    Column("aliases", JSON, nullable=False),
)
mentions = Table(
    "mentions", metadata,
    Column("article_id", String(40), ForeignKey("articles.id"), index=True, nullable=False),
    Column("entity_id", String(120), index=True),
    Column("field", String(8), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(8), nullable=False),
)
events = Table(
    "events", metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(16), index=True, nullable=False),
    Column("mode", String(20)),
    Column("cameo", String(8)),
    Column("status", String(16)),
    Column("date", String(20), index=True),
    Column("date_basis", String(16)),
    Column("location", JSON),
    Column("topics", JSON, nullable=False),
    Column("confidence", Float),
    Column("sources", Integer, nullable=False),
    Column("story_id", String(40), index=True),
    Index("ix_events_date_type", "date", "type"),  # the timeline's months and types, read from the index alone
)
event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(40), ForeignKey("events.id"), index=True, nullable=False),
    Column("entity_id", String(120), index=True, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(8)),
    Column("role", String(16)),
    Column("country", String(3)),
)
evidence = Table(
    "evidence", metadata,
    Column("event_id", String(40), ForeignKey("events.id"), index=True, nullable=False),
    Column("article_id", String(40), ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("folded", Text),  # the text in lower case, which search matches (a database's own lower() may fold ASCII only)
)
quotes = Table(
    "quotes", metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(40), ForeignKey("articles.id"), index=True, nullable=False),
    Column("speaker_id", String(120)),
    Column("speaker_name", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)
stories = Table(
    "stories", metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text),
    Column("first_seen", String(32)),
    Column("languages", JSON, nullable=False),
    Column("article_ids", JSON, nullable=False),
    Column("event_ids", JSON, nullable=False),
    # the articles linked by same-story pairs that this story was split from (corpus.stories.split_component)
    Column("component", String(40), index=True),
)
# the keys under which an article's possible story mates find it (corpus.stories.blocking_keys), with
# its day, so that a new article reads only the few stored articles it may join
story_keys = Table(
    "story_keys", metadata,
    Column("key", Text, nullable=False),
    Column("article_id", String(40), ForeignKey("articles.id"), nullable=False, index=True),
    Column("day", String(10)),
    Index("ix_story_keys_key_day", "key", "day"),
)
# aggregates the pages read, kept up to date as events are written and dropped (Store._count):
# events shared by two actors (x < y), and an actor's events per month ("" undated) and type
actor_pairs = Table(
    "actor_pairs", metadata,
    Column("x", String(120), primary_key=True),
    Column("y", String(120), primary_key=True, index=True),
    Column("n", Integer, nullable=False),
)
actor_months = Table(
    "actor_months", metadata,
    Column("entity_id", String(120), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("type", String(16), primary_key=True),
    Column("n", Integer, nullable=False),
)
ingest_log = Table(
    "ingest_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("document_id", String(64)),
    Column("status", String(16), nullable=False),  # stored, duplicate, rejected
    Column("reason", Text),
    Column("at", String(32), nullable=False),
)
