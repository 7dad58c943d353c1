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
    # folded by Python, as new rows are: a database's lower() may leave Cyrillic as it is (SQLite's, or
    # PostgreSQL's under the C locale)
    bind = op.get_bind()
    rows = bind.execute(sa.text('SELECT event_id, article_id, start, text FROM evidence WHERE folded IS NULL')).all()
    if rows:  # found by the indexed event id
        bind.execute(sa.text('UPDATE evidence SET folded = :folded WHERE event_id = :e AND article_id = :a '
                             'AND start = :s AND folded IS NULL'),
                     [{"e": r.event_id, "a": r.article_id, "s": r.start, "folded": r.text.lower()} for r in rows])
    if "ix_events_date_type" not in {i["name"] for i in inspect.get_indexes("events")}:
        op.create_index("ix_events_date_type", "events", ["date", "type"])


def downgrade() -> None:
    op.drop_index("ix_events_date_type", "events")
    op.drop_column("evidence", "folded")
