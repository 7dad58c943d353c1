"""The HTTP side: the JSON API under /api/ and the web pages under /, in one FastAPI app."""
from letopis.api.app import create_app


def app_from_environment():
    """The app over $LETOPIS_DB with $LETOPIS_TOKEN: what each process of `letopis serve --workers N` runs."""
    return create_app()


__all__ = ["app_from_environment", "create_app"]
