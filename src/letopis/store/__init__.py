"""The store: one module with a small vocabulary over SQLAlchemy Core."""
from letopis.store.db import Store, default_url

__all__ = ["Store", "default_url"]
