"""HTML to text with trafilatura; metadata from the page where it has them."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


# a run of the same tag opened (or closed) many times over: libxml2 stops parsing at a depth of 256, so a
# page of 10,000 nested <div>s would lose its text; one of each run is kept
DEEP_OPEN = re.compile(r"(<([a-zA-Z][\w-]*)\b[^<>]*>\s*)(?:<\2\b[^<>]*>\s*){31,}")
DEEP_CLOSE = re.compile(r"(</([a-zA-Z][\w-]*)\s*>\s*)(?:</\2\s*>\s*){31,}")


def _extract(html: str, url: str | None):
    import trafilatura  # (imported when a page comes: half a second of a plain-text ingest's start)

    return trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, favor_precision=False, with_metadata=True
    )


def html_to_text(html: str, url: str | None = None) -> HtmlText:
    """The main text of a page, paragraphs on their own lines, with the page's metadata."""
    doc = _extract(html, url)
    if (doc is None or not (doc.text or "").strip()) and DEEP_OPEN.search(html):
        doc = _extract(DEEP_CLOSE.sub(r"\1", DEEP_OPEN.sub(r"\1", html)), url)
    if doc is None:
        return HtmlText(text="", title=None, published=None, outlet=None, url=url)
    text = doc.text or ""
    return HtmlText(
        text=text,
        title=doc.title or None,
        published=doc.date or None,
        outlet=doc.sitename or None,
        url=doc.url or url,
    )
