"""Stories: articles about one happening, across languages, from language-free signatures."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(slots=True)
class ArticleSig:
    id: str
    seq: int
    entities: frozenset[str]
    published: str | None
    title: str | None
    language: str | None
    body_hash: str


def _days_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def same_story(a: ArticleSig, b: ArticleSig, threshold: float = 0.5) -> bool:
    """Same happening: the same named entities (ids are language-free) within a few days."""
    if a.body_hash == b.body_hash:
        return True
    if not a.entities or not b.entities or _days_apart(a.published, b.published) > 3:
        return False
    jaccard = len(a.entities & b.entities) / len(a.entities | b.entities)
    return jaccard >= threshold and len(a.entities & b.entities) >= 4


def group_stories(sigs: list[ArticleSig]) -> dict[str, list[str]]:
    """Story id → article ids (in ingest order); the id comes from the story's first article."""
    order = sorted(sigs, key=lambda s: s.seq)
    parent = {s.id: s.id for s in order}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(order):
        for b in order[:i]:
            if same_story(a, b):
                ra, rb = find(a.id), find(b.id)
                if ra != rb:
                    first, second = sorted((ra, rb), key=lambda r: next(s.seq for s in order if s.id == r))
                    parent[second] = first
    groups: dict[str, list[str]] = {}
    for s in order:
        root = find(s.id)
        groups.setdefault("s-" + hashlib.sha1(root.encode()).hexdigest()[:16], []).append(s.id)
    return groups
