"""Blocking keys that tell stories apart: a known entity is one key, terms are chosen by count and rarity, a
year is no key, and a text naming one entity only is found by it (corpus.stories.blocking_keys). The keys of
the stored articles are made again from their signatures."""
import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    from letopis.corpus.stories import ArticleSig, blocking_keys

    bind = op.get_bind()
    bind.execute(sa.text("DELETE FROM story_keys WHERE substr(key, 1, 2) IN ('n:', 't:', 'x:', 'o:')"))
    keys = sa.table("story_keys", sa.column("key"), sa.column("article_id"), sa.column("day"))
    rows = bind.execute(sa.text("SELECT id, seq, published, title, language, body_hash, signature FROM articles "
                                "WHERE signature IS NOT NULL ORDER BY seq")).all()
    for r in rows:
        sig = r.signature if isinstance(r.signature, dict) else (json.loads(r.signature) if r.signature else {})
        s = ArticleSig(r.id, r.seq, frozenset(), r.published, r.title, r.language, r.body_hash, sig or {})
        made = [{"key": k, "article_id": r.id, "day": (r.published or "")[:10] or None}
                for k in sorted(blocking_keys(s)) if not k.startswith("h:")]
        if made:
            op.bulk_insert(keys, made)


def downgrade() -> None:
    pass  # the older keys were made by the older code: `letopis rebuild` makes them again
