"""Aggregates for the pages (events per actor pair and per actor, month and type), and the component of
linked articles each story was split from."""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    inspect = sa.inspect(op.get_bind())
    if "component" not in {c["name"] for c in inspect.get_columns("stories")}:
        op.add_column("stories", sa.Column("component", sa.String(40), nullable=True))
        op.create_index("ix_stories_component", "stories", ["component"])
    tables = inspect.get_table_names()
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
    op.drop_index("ix_stories_component", "stories")
    op.drop_column("stories", "component")
    op.drop_table("actor_months")
    op.drop_table("actor_pairs")
