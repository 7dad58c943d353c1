"""What the linker's modules share: a mention with the knowledge-base entry it matched (`Link`),
whether two spans overlap, an index of spans by position, and `repoint`, the one place a mention is
pointed at an entity."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from letopis.analyze.morph import fold
from letopis.link.kb import KBEntry
from letopis.model import Entity, Mention


@dataclass(slots=True)
class Link:
    mention: Mention
    entry: KBEntry | None


def overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _span_of(item: Any) -> tuple[int, int]:
    """A (start, end) pair as it is; a link's mention's span; a mention's span."""
    if isinstance(item, tuple):
        return item
    m = item.mention if isinstance(item, Link) else item
    return m.start, m.end


class Spans:
    """Items with a span (mentions, links, (start, end) pairs, or anything `span` reads one from) kept in order of position, so "what here
    overlaps this?" looks at the few items near it, not at all of them: a text of 100,000 words has tens of
    thousands of mentions, and a pass over all of them for each would take minutes."""

    def __init__(self, items: Iterable[Any] = (), span: Callable[[Any], tuple[int, int]] | None = None):
        self.span = span or _span_of
        self.starts: list[int] = []
        self.items: list[Any] = []
        self.longest = 0
        for item in items:
            self.add(item)

    def add(self, item: Any) -> None:
        start, end = self.span(item)
        i = bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, item)
        self.longest = max(self.longest, end - start)

    def overlapping(self, start: int, end: int) -> list[Any]:
        """The items whose span overlaps [start, end), in order of position."""
        lo, hi = bisect_left(self.starts, start - self.longest), bisect_left(self.starts, max(end, start + 1))
        return [item for item in self.items[lo:hi] if self.span(item)[1] > start]

    def starting(self, lo: int, hi: int) -> list[Any]:
        """The items that start within [lo, hi]."""
        return self.items[bisect_left(self.starts, lo):bisect_right(self.starts, hi)]


def repoint(m: Mention, target: Entity, entities: dict[str, Entity] | None = None,
            mentions: Iterable[Mention] | None = None, *, absorb: bool = False, like: Mention | None = None) -> None:
    """Point mention `m` at entity `target`: its id, name and normal form become the entity's and its
    text one of the entity's aliases.

    The entity `m` leaves is dropped from `entities` when none of `mentions` uses it any more (no
    `mentions`: nothing is dropped). `absorb`: that entity is another spelling of `target` and goes at
    once, its aliases joining the target's instead of `m`'s text. `like`: a mention already pointing at
    `target` whose id, name and normal form `m` copies.
    """
    old = m.entity_id
    if absorb:
        gone = entities.pop(old, None)
        if gone is not None:
            target.aliases.extend(x for x in gone.aliases if x not in target.aliases)
    elif m.text not in target.aliases:
        target.aliases.append(m.text)
    if like is not None:
        m.entity_id, m.entity_name, m.normal = like.entity_id, like.entity_name, like.normal
    else:
        m.entity_id, m.entity_name, m.normal = target.id, target.name, target.name_ru or target.name
    if mentions is not None and not absorb and old and not any(x.entity_id == old for x in mentions):
        entities.pop(old, None)


def longer_surname(word: str, entry: KBEntry) -> bool:
    """The word is another surname built on the entry's with -ов, -ев, -ин ("Турчинов" is not Турчин,
    though pymorphy reads it as the genitive plural of "турчин")."""
    w = fold(word)
    stems = {fold(n.split()[-1]) for n in (entry.ru, *entry.aliases) if n and re.search("[а-яё]", n.lower())}
    return bool(stems) and all(w.startswith(s) and re.match(r"(?:ов|ев|ёв|ин|ын)", w[len(s):]) for s in stems)
