"""Articles keep their story signature (entities, name keys, numbers, terms, MinHash) for incremental stories."""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("articles")}
    if "signature" not in columns:  # 0001 creates the current schema on a new database
        op.add_column("articles", sa.Column("signature", sa.JSON, nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "signature")
