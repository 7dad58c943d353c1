"""Near copies are found by the bands of their MinHash signatures: the band keys of the stored articles."""
import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    from letopis.corpus.signature import band_keys

    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM story_keys WHERE key LIKE 'b:%' LIMIT 1")).first():
        return  # a store created by this version's schema already has them
    keys = sa.table("story_keys", sa.column("key"), sa.column("article_id"), sa.column("day"))
    for r in bind.execute(sa.text("SELECT id, published, signature FROM articles ORDER BY seq")).all():
        sig = r.signature if isinstance(r.signature, dict) else (json.loads(r.signature) if r.signature else {})
        rows = [{"key": k, "article_id": r.id, "day": (r.published or "")[:10] or None}
                for k in sorted(band_keys((sig or {}).get("minhash")))]
        if rows:
            op.bulk_insert(keys, rows)


def downgrade() -> None:
    op.execute("DELETE FROM story_keys WHERE key LIKE 'b:%'")
