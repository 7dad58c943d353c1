"""HTML to text with trafilatura; metadata from the page where it has them."""
from __future__ import annotations

from dataclasses import dataclass

import trafilatura


@dataclass(slots=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    outlet: str | None
    url: str | None


def html_to_text(html: str, url: str | None = None) -> HtmlText:
    """The main text of a page, paragraphs on their own lines, with the page's metadata."""
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, favor_precision=False, with_metadata=True
    )
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
