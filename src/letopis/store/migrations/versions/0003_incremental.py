"""Incremental corpus stages: articles' blocking keys, and the story each event belongs to."""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    inspect = sa.inspect(op.get_bind())
    if "story_id" not in {c["name"] for c in inspect.get_columns("events")}:  # 0001 creates the current schema
        op.add_column("events", sa.Column("story_id", sa.String(40), nullable=True))
        op.create_index("ix_events_story_id", "events", ["story_id"])
    if "story_keys" not in inspect.get_table_names():
        op.create_table(
            "story_keys",
            sa.Column("key", sa.Text, nullable=False),
            sa.Column("article_id", sa.String(40), sa.ForeignKey("articles.id"), nullable=False, index=True),
            sa.Column("day", sa.String(10)),
        )
        op.create_index("ix_story_keys_key_day", "story_keys", ["key", "day"])
        # an archive from before: its articles' keys, so new articles find them; its corpus is rebuilt
        # by `letopis rebuild` (the keys depend on the signatures it stored)
        from letopis.corpus.stories import ArticleSig, blocking_keys

        bind = op.get_bind()
        rows = bind.execute(sa.text("SELECT id, seq, published, title, language, body_hash, signature FROM articles")).all()
        keys = sa.table("story_keys", sa.column("key"), sa.column("article_id"), sa.column("day"))
        for r in rows:
            sig = r.signature if isinstance(r.signature, dict) else (__import__("json").loads(r.signature) if r.signature else {})
            s = ArticleSig(r.id, r.seq, frozenset(), r.published, r.title, r.language, r.body_hash, sig or {})
            op.bulk_insert(keys, [{"key": k, "article_id": r.id, "day": (r.published or "")[:10] or None}
                                  for k in sorted(blocking_keys(s))])


def downgrade() -> None:
    op.drop_table("story_keys")
    op.drop_index("ix_events_story_id", "events")
    op.drop_column("events", "story_id")
