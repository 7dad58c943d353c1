"""Analyze: sentences, tokens, parses and NER mentions for Russian (natasha) and English (spaCy)."""
from __future__ import annotations

from collections.abc import Iterator


def paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """(index, offset, paragraph) for each non-empty paragraph; both analyzers parse one at a time."""
    offset = 0
    for index, para in enumerate(text.split("\n\n")):
        if para.strip():
            yield index, offset, para
        offset += len(para) + 2
