"""The first schema: documents, articles, entities, mentions, events, evidence, quotes, stories, ingest log."""
from alembic import op

from letopis.store import schema

revision = "0001"
down_revision = None


def upgrade() -> None:
    # the schema module is the single description of the first version; later changes get their own steps
    schema.metadata.create_all(op.get_bind())


def downgrade() -> None:
    schema.metadata.drop_all(op.get_bind())
