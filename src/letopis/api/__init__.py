"""The HTTP side: the JSON API under /api/ and the web pages under /, in one FastAPI app."""
from letopis.api.app import create_app

__all__ = ["create_app"]
