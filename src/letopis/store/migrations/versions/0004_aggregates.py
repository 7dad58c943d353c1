"""Aggregates for the pages: events per actor pair and per actor, month and type."""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    tables = sa.inspect(op.get_bind()).get_table_names()
    if "actor_pairs" not in tables:  # 0001 creates the current schema on a new database
        op.create_table("actor_pairs", sa.Column("x", sa.String(120), primary_key=True),
                        sa.Column("y", sa.String(120), primary_key=True, index=True),
                        sa.Column("n", sa.Integer, nullable=False))
        op.create_table("actor_months", sa.Column("entity_id", sa.String(120), primary_key=True),
                        sa.Column("month", sa.String(7), primary_key=True),
                        sa.Column("type", sa.String(16), primary_key=True),
                        sa.Column("n", sa.Integer, nullable=False))
        from letopis.store.db import recount

        recount(op.get_bind())


def downgrade() -> None:
    op.drop_table("actor_months")
    op.drop_table("actor_pairs")
