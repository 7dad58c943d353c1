"""Evidence keeps its text in lower case for search (SQLite's lower() folds ASCII only, and a Python one is
called row by row), and events are indexed by date and type for the timeline."""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    inspect = sa.inspect(op.get_bind())
    if "folded" not in {c["name"] for c in inspect.get_columns("evidence")}:
        op.add_column("evidence", sa.Column("folded", sa.Text, nullable=True))
    # on SQLite the store's connections fold with Python's lower(), on PostgreSQL lower() folds every script
    op.execute("UPDATE evidence SET folded = lower(text) WHERE folded IS NULL")
    if "ix_events_date_type" not in {i["name"] for i in inspect.get_indexes("events")}:
        op.create_index("ix_events_date_type", "events", ["date", "type"])


def downgrade() -> None:
    op.drop_index("ix_events_date_type", "events")
    op.drop_column("evidence", "folded")
