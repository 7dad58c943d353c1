"""Stories: articles about one happening, across outlets and languages, without machine translation.

Two articles are one story when, within a few days of each other,
- in one language: their content lemmas (and, for Russian, navec word vectors) are close,
  helped by shared names;
- across languages: they share enough names (entity ids and spelling-tolerant name keys) and,
  for thinner texts, a name and several numbers.
Weights and thresholds are tuned on the tgcontest train pool and the WMT21 pairs (`letopis eval pairs`).
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from letopis.corpus.signature import events_compatible, name_key, overlap, rarity

SAME_LANGUAGE = {"terms": 1.0, "vector": 0.2, "names": 0.2, "threshold": 0.7}
CROSS_LANGUAGE = {"names": 0.25, "min_names": 2, "min_numbers": 3, "numbers": 0.3}
MAX_DAYS = 3
# each headline's content found in the other article, by rarity-weighted share (`title_cover`): below this two
# texts on one subject tell two happenings ("ЦИК снял полномочия с дочери экс-президента" and "Новым
# председателем сената стал Ашимбаев"), unless their words are nearly the same (`SAME_TEXT`)
TITLE_COVER = 0.25
SAME_TEXT = 0.9


@dataclass(slots=True)
class ArticleSig:
    id: str
    seq: int
    entities: frozenset[str]
    published: str | None
    title: str | None
    language: str | None
    body_hash: str
    sig: dict[str, Any] = field(default_factory=dict)
    vec: Any = None  # the word-vector as an array, made on first comparison
    names_: set[str] | None = None  # its names (`_names`), made on first comparison
    norm_: float | None = None  # the length of its term vector, made on first comparison

    def names(self) -> set[str]:
        if self.names_ is None:
            self.names_ = _names(self)
        return self.names_

    def term_cosine(self, other: ArticleSig) -> float:
        """The cosine of the two term vectors, each vector's length computed once."""
        a, b = self.sig.get("terms", {}), other.sig.get("terms", {})
        if len(b) < len(a):
            a, b = b, a
        dot = sum(v * b[k] for k, v in a.items() if k in b)
        return dot / (self.norm() * other.norm()) if dot else 0.0

    def norm(self) -> float:
        if self.norm_ is None:
            self.norm_ = math.sqrt(sum(v * v for v in self.sig.get("terms", {}).values()))
        return self.norm_

    def vector(self):
        if self.vec is None:
            import numpy as np

            self.vec = np.asarray(self.sig.get("vector") or (), dtype=np.float64)
        return self.vec


def _days_apart(a: str | None, b: str | None) -> int:
    if not a or not b:
        return 0
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return 0


def _names(s: ArticleSig) -> set[str]:
    """Knowledge-base ids and name skeletons cut to five letters ("krsndrsk" of Краснодарский meets
    "krsndr" of Krasnodar); ids made from an unknown name's own spelling differ across languages."""
    ids = s.sig.get("entities", s.entities)
    return {k[:5] for k in s.sig.get("names", ())} | {i for i in ids if not i.startswith(("e-per-", "e-loc-", "e-org-"))}


@lru_cache(maxsize=20_000)
def _kb_keys(entity_id: str) -> frozenset[str]:
    """The name skeletons of a knowledge-base entity's English name, as `signature` makes them for it."""
    from letopis.link.kb import default_kb

    entry = default_kb().entries.get(entity_id.removeprefix("e-"))
    if entry is None:
        return frozenset()
    return frozenset(k[:5] for word in re.split(r"[\s-]+", entry.en) for k in [name_key(word)] if len(k) >= 3)


def _shared_names(na: set[str], nb: set[str]) -> int:
    """Names two articles share, each entity once: a known entity is in both as its id and as the skeletons
    of its name ("e-moscow" and "msk"), which are one name, not two."""
    shared = na & nb
    known = {i for i in shared if i.startswith("e-")}
    said = set().union(*(_kb_keys(i) for i in known)) if known else set()
    return len(known) + len({k for k in shared - known if k not in said})


def title_cover(a: ArticleSig, b: ArticleSig) -> float | None:
    """The smaller of the two shares of a headline's weighted content lemmas that the other article has among its
    main terms or in its headline; None when either has no headline (or was stored before headlines were kept)."""
    ta, tb = a.sig.get("title_terms"), b.sig.get("title_terms")
    if not ta or not tb:
        return None

    def share(title: dict[str, float], other: ArticleSig, other_title: dict[str, float]) -> float:
        terms = other.sig.get("terms", {})
        return sum(w for k, w in title.items() if k in terms or k in other_title) / (sum(title.values()) or 1.0)

    return min(share(ta, b, tb), share(tb, a, ta))


def other_subjects(a: ArticleSig, b: ArticleSig) -> bool:
    """Both headlines name who acts or speaks, and neither names the other's: "ОБСЕ сообщила о переносе
    разведения сил" and "ДНР подтвердила готовность к разведению сил" are two moves, not one report
    ("Лавров встретился с Токаевым" and "Токаев принял Лаврова" name each other)."""
    sa, sb = a.sig.get("title_subjects"), b.sig.get("title_subjects")
    return bool(sa and sb) and not set(sa) & set(b.sig.get("title_names", ())) \
        and not set(sb) & set(a.sig.get("title_names", ()))


def story_score(a: ArticleSig, b: ArticleSig, cover: float = TITLE_COVER) -> float:
    """How strongly two articles look like one story (≥ 1.0: the same story)."""
    if a.body_hash == b.body_hash:
        return 2.0
    if _days_apart(a.published, b.published) > MAX_DAYS:
        return 0.0
    if not a.sig or not b.sig:  # articles stored before signatures: shared entities only
        shared = a.entities & b.entities
        return 1.0 if a.entities and b.entities and len(shared) >= 4 and \
            len(shared) / len(a.entities | b.entities) >= 0.5 else 0.0
    da, db = set(a.sig.get("title_days") or ()), set(b.sig.get("title_days") or ())
    if da and db and not da & db:  # "Прогноз погоды на 8 ноября" and "… на 16 ноября": two days, two happenings
        return 0.5
    names = overlap(a.names(), b.names())
    ea, eb = a.sig.get("events"), b.sig.get("events")
    # the events the two articles lead with differ: two happenings, however alike the words
    distinct = bool(ea and eb) and not events_compatible(ea[:1], eb[:1])
    terms = a.term_cosine(b) if a.language == b.language else 0.0
    if distinct and a.language == b.language and terms < 0.6:
        return 0.5
    if a.language == b.language:
        w = SAME_LANGUAGE
        va, vb = a.vector(), b.vector()
        vector = float(va @ vb) if len(va) and len(va) == len(vb) else terms
        score = (w["terms"] * terms + w["vector"] * vector + w["names"] * names) / w["threshold"]
        if score >= 1.0 and terms < SAME_TEXT and ((c := title_cover(a, b)) is not None and c < cover
                                                    or other_subjects(a, b)):
            return 0.9  # one subject, two headlines that tell different things, or of different actors
        return score
    w = CROSS_LANGUAGE
    na, nb = a.names(), b.names()
    shared = _shared_names(na, nb)
    jaccard = len(na & nb) / len(na | nb) if na | nb else 0.0
    xa, xb = set(a.sig.get("numbers", ())), set(b.sig.get("numbers", ()))
    numbers = len(xa & xb) / len(xa | xb) if xa | xb else 0.0
    if (jaccard >= w["names"] and shared >= w["min_names"]) or (
            shared >= 1 and len(xa & xb) >= w["min_numbers"] and numbers >= w["numbers"]):
        return 1.0 + jaccard
    if shared >= 1 and len(xa & xb) >= 2 and numbers >= 0.5:  # a name and the same few figures
        return 1.0 + jaccard
    return jaccard


def same_story(a: ArticleSig, b: ArticleSig) -> bool:
    return story_score(a, b) >= 1.0


def blocking_keys(s: ArticleSig) -> set[str]:
    """The keys under which an article is found by others that may share its story: its names, its
    text's hash, its eight weightiest terms and its telling figures. Stored with the article, so a new article
    finds its candidates by index, without reading the archive.

    Each key must say something: a known entity is one key (its id, not also the skeletons of its name, which
    only unknown names need to meet across languages); a term weighs its count times its rarity, so "год" or
    "заявить" never is one; a year is no figure to find a story by."""
    names = s.names()
    known = {i for i in names if i.startswith("e-")}
    said = set().union(*(_kb_keys(i) for i in known)) if known else set()
    terms = s.sig.get("terms", {})
    weight = rarity(s.language)
    figures = [n for n in s.sig.get("numbers", ()) if _telling_figure(n)]
    named = {f"n:{k}" for k in names if k in known or k not in said}
    # a text that names one entity only ("В Краснодаре …") is found by that name as by two keys, by another such text
    only = {f"o:{k[2:]}" for k in named} if len(named) == 1 else set()
    return (named | only | {f"h:{s.body_hash}"}
            | {f"t:{t}" for t in sorted(terms, key=lambda t: (-terms[t] * weight(t), t))[:8]}
            | {f"x:{n}" for n in figures[:12]})  # figures cross languages


def _telling_figure(number: str) -> bool:
    """"150", "8.1", "48": figures that tell one story from another; not a year ("2013"), which many stories name."""
    try:
        value = float(number)
    except ValueError:
        return False
    return "." in number or not 1900 <= value <= 2099


def within_window(a: str | None, b: str | None) -> bool:
    """Two articles close enough in time to be one story (an undated one may be close to anything)."""
    return _days_apart(a, b) <= MAX_DAYS


AGREEMENT = 0.5  # the share of a story's articles a new one must be the same story as, to join it
MIN_SHARED_KEYS = 2  # a pair is compared when it shares this many blocking keys (or its text hash)


def blocked_together(shared: int, same_text: bool) -> bool:
    """Whether two articles sharing `shared` blocking keys are compared at all: one shared word or name
    ("год", "Москва") says nothing, two begin to; the same text always does."""
    return same_text or shared >= MIN_SHARED_KEYS


def _candidates(order: list[ArticleSig]) -> set[tuple[int, int]]:
    """Pairs worth comparing: those sharing enough blocking keys, within the time window."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(order):
        for k in blocking_keys(s):
            index[k].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    same_text: set[tuple[int, int]] = set()
    for key, members in index.items():
        for x in range(len(members)):
            for y in range(x):
                a, b = members[y], members[x]
                if within_window(order[a].published, order[b].published):
                    shared[(a, b)] += 1
                    if key.startswith("h:"):
                        same_text.add((a, b))
    return {pair for pair, n in shared.items() if blocked_together(n, pair in same_text)}


def canonical(s: ArticleSig) -> tuple[str, str]:
    """The order of a story's articles, whatever order they came in: by date (undated last), then id."""
    return (s.published or "~", s.id)


def story_id(members: list[ArticleSig]) -> str:
    """A story is named after its first article in the canonical order: the same story gets the same
    id however its articles arrived."""
    return "s-" + hashlib.sha1(min(members, key=canonical).id.encode()).hexdigest()[:16]


def component_id(members: list[ArticleSig]) -> str:
    return "c-" + hashlib.sha1(min(members, key=canonical).id.encode()).hexdigest()[:16]


def group_components(sigs: list[ArticleSig]) -> list[list[ArticleSig]]:
    """The articles linked by same-story pairs, each group in canonical order: connected components,
    which do not depend on the order of ingestion."""
    order = sorted(sigs, key=canonical)
    parent = list(range(len(order)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in sorted(_candidates(order)):
        if same_story(order[i], order[j]):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[ArticleSig]] = {}
    for i, s in enumerate(order):
        members.setdefault(find(i), []).append(s)
    return list(members.values())


class _PairScores:
    """`story_score` of a component's pairs, each pair scored once (in canonical order, as `same_story` is)."""

    def __init__(self) -> None:
        self.known: dict[tuple[str, str], float] = {}

    def __call__(self, a: ArticleSig, b: ArticleSig) -> float:
        a, b = sorted((a, b), key=canonical)
        if (a.id, b.id) not in self.known:
            self.known[(a.id, b.id)] = story_score(a, b)
        return self.known[(a.id, b.id)]


def _language_twins(members: list[ArticleSig], score: _PairScores) -> list[list[ArticleSig]]:
    """The component's articles as units: an article and the one in another language that is each other's
    closest match there (a report and its translation, or one outlet's two language editions) are one unit,
    so that the agreement below cannot put them in two stories; every other article is a unit of its own."""
    def best_other(s: ArticleSig) -> ArticleSig | None:
        scored = [(score(s, m), m.id, m) for m in members if m.language and s.language and m.language != s.language]
        top = max(scored, default=None, key=lambda x: (x[0], x[1]))
        return top[2] if top and top[0] >= 1.0 else None

    partner = {s.id: best_other(s) for s in members}
    units, seen = [], set()
    for s in sorted(members, key=canonical):
        if s.id in seen:
            continue
        twin = partner[s.id]
        if twin is not None and twin.id not in seen and (partner[twin.id] or s).id == s.id:
            units.append([s, twin])
            seen.update((s.id, twin.id))
        else:
            units.append([s])
            seen.add(s.id)
    return units


def split_component(members: list[ArticleSig]) -> list[list[ArticleSig]]:
    """Stories within a component: an article joins a story only if it is the same story as at least
    half of its articles, not as one of them, so one loose pair does not chain two happenings into one.
    An article and its closest match in another language go together (`_language_twins`). Units are taken
    in canonical order, so the split depends only on the component."""
    score = _PairScores()
    stories: list[list[ArticleSig]] = []
    for unit in _language_twins(members, score):
        best, share = None, 0.0
        for story in stories:
            # each article of the unit must agree with the story on its own: a twin joins no story for the other
            agree = min(sum(score(s, m) >= 1.0 for m in story) / len(story) for s in unit)
            if agree >= AGREEMENT and agree > share:
                best, share = story, agree
        if best is None:
            stories.append(list(unit))
        else:
            best.extend(unit)
    return [sorted(story, key=canonical) for story in stories]


def group_stories(sigs: list[ArticleSig]) -> dict[str, list[str]]:
    """Story id → article ids (in canonical order), a grouping that does not depend on the order of
    ingestion (see `story_id`)."""
    return {story_id(story): [s.id for s in story] for comp in group_components(sigs) for story in split_component(comp)}
