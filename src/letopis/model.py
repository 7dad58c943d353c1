"""Records that flow through the pipeline; every span carries offsets into its field."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Document:
    """Raw input as read: decoded text or HTML plus the metadata the input gave."""

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Rejected:
    """A document that could not be processed, with the reason; stored, never lost."""

    source: str
    reason: str
    id: str | None = None


@dataclass(slots=True)
class Removed:
    text: str
    reason: str


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""
    feats: dict[str, str] = field(default_factory=dict)
    head: int = -1  # index of the head token within the sentence, -1 for root
    rel: str = ""


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    paragraph: int = 0


@dataclass(slots=True)
class Mention:
    field: str  # "title" or "text"
    start: int
    end: int
    text: str
    type: str  # PER, ORG, LOC
    normal: str = ""  # Russian/English nominative form
    entity_id: str | None = None
    entity_name: str | None = None
    via: str = "ner"  # ner, kb, title, role
    # characters at the start that are a descriptor, not the name ("штате " in "штате Колорадо", "японского "
    # in "японского МИДа"): the span follows factRuEval, which includes them; NEREL leaves them out
    descriptor: int = 0


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    name_ru: str | None = None
    wikidata: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Timex:
    start: int
    end: int
    text: str
    value: str | None
    type: str  # DATE, TIME, DURATION, SET
    basis: str  # explicit, relative, partial, season, vague


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    type: str
    role: str
    country: str | None = None


@dataclass(slots=True)
class Evidence:
    article_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str
    status: str
    date: str | None
    date_basis: str | None
    actors: list[Actor]
    evidence: list[Evidence]
    location: dict[str, Any] | None = None
    topics: list[str] = field(default_factory=list)
    confidence: float = 0.5
    rule: str = ""
    triggers: list[tuple[int, int]] = field(default_factory=list)  # the trigger words' spans in the text


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    speaker_id: str | None
    speaker_name: str | None
    id: str = ""


@dataclass(slots=True)
class Article:
    """One cleaned document and everything the stages found in it."""

    id: str
    source: str
    raw: str
    url: str | None = None
    language: str | None = None
    title: str | None = None
    lead: str | None = None
    published: str | None = None
    outlet: str | None = None
    dateline: dict[str, Any] | None = None
    text: str = ""
    removed: list[Removed] = field(default_factory=list)
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # (line, keep/drop, rule)
    sentences: list[Sentence] = field(default_factory=list)
    title_sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    story_id: str | None = None
    duplicate_of: str | None = None
    body_hash: str = ""
    signature: dict[str, Any] = field(default_factory=dict)  # for stories and near-duplicates
    home_country: str | None = None
    given: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # stored, but not whole: why (in the ingest log)
    lemma_text: str | None = None  # the text's lemmas, kept when the analysis is shed (`for_storage`)

    def lemmas(self) -> str:
        """The text's lemmas, space-separated: what full-text search reads."""
        if self.lemma_text is None:
            return " ".join(tok.lemma for s in self.sentences for tok in s.tokens if tok.lemma.isalnum())
        return self.lemma_text

    def for_storage(self) -> Article:
        """The article without what only the stages read (sentences with their tokens and parse, the raw
        input, the cleaner's decisions): what a worker sends the writer, a third of the size."""
        self.lemma_text = self.lemmas()
        self.sentences, self.title_sentences, self.raw, self.decisions = [], [], "", []
        return self

    def to_record(self) -> dict[str, Any]:
        """The article object of CONTRACT.md."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "dateline": self.dateline,
            "text": self.text,
            "removed": [asdict(r) for r in self.removed],
            # names; titles that stand for a person ("Глава государства") and place adjectives
            # ("британской") are linked too, and listed apart with their kind
            "mentions": [_mention_record(m) for m in self.mentions if m.via not in NOMINAL],
            "other_mentions": [{**_mention_record(m), "kind": NOMINAL[m.via]} for m in self.mentions if m.via in NOMINAL],
            "quotes": [
                {
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    "speaker_id": q.speaker_id,
                    "speaker_name": q.speaker_name,
                }
                for q in self.quotes
            ],
            "story_id": self.story_id,
            "duplicate_of": self.duplicate_of,
        }


NOMINAL = {"role": "title", "adj": "adjective"}


def _mention_record(m: Mention) -> dict[str, Any]:
    return {"field": m.field, "start": m.start, "end": m.end, "text": m.text, "type": m.type,
            "entity_id": m.entity_id, "entity_name": m.entity_name}


def event_record(event: Event) -> dict[str, Any]:
    """The event object of CONTRACT.md."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "status": event.status,
        "date": event.date,
        "date_basis": event.date_basis,
        "location": event.location,
        "actors": [asdict(a) for a in event.actors],
        "topics": list(event.topics),
        "evidence": [asdict(e) for e in event.evidence],
        "confidence": round(event.confidence, 2),
    }
