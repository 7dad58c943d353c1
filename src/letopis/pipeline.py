"""The per-document pipeline: stages as plain functions of one article, and the runner."""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

from letopis.model import Article, Document, Rejected

log = logging.getLogger(__name__)

MAX_CHARS = 2_000_000  # a document as given (an HTML page may be mostly markup)
# the clean text analysed: a long news story is a tenth of this; beyond it, a book or a dump, whose
# analysis would take minutes and gigabytes (stated in the ingest log, the rest of the batch goes on)
MAX_TEXT_CHARS = 500_000


class Resources:
    """Read-only models and data the stages share; each is loaded on first use."""

    @cached_property
    def kb(self):
        from letopis.link.kb import default_kb

        return default_kb()

    def analyzer(self, language: str):
        if language == "ru":
            from letopis.analyze.russian import russian

            return russian()
        if language == "en":
            from letopis.analyze.english import english

            return english()
        return None

    @cached_property
    def events(self):
        from letopis.events.extract import EventExtractor

        return EventExtractor(self.kb)


@dataclass(frozen=True, slots=True)
class Stage:
    """One step: what it needs on the article, what it sets, and the function that does it."""

    name: str
    needs: tuple[str, ...]
    sets: tuple[str, ...]
    run: Callable[[Article, Resources], None]


def clean(article: Article, res: Resources) -> None:
    from letopis.clean import clean_text, html_to_text, unmix_scripts

    raw = article.raw
    given = article.given
    if given.get("html") is not None:
        page = html_to_text(given["html"], article.url)
        article.url = article.url or page.url
        given.setdefault("title", page.title)
        given.setdefault("published", page.published)
        given.setdefault("outlet", page.outlet)
        raw = page.text
        if not raw.strip():
            raise ValueError("HTML page has no extractable text")
    result = clean_text(raw, given.get("language"), res.kb, title=given.get("title") if given.get("html") else None,
                        from_html=given.get("html") is not None)
    article.text = result.text
    # a given title is analysed too: its mixed-script words are written in one script, as the body's are
    article.title = unmix_scripts(given["title"])[0] if given.get("title") else result.title
    article.published = given.get("published") or result.published
    article.outlet = given.get("outlet") or result.outlet
    article.dateline = result.dateline
    article.lead = result.lead
    article.removed = result.removed
    article.decisions = result.decisions
    if not article.text.strip():
        raise ValueError("no body text after cleaning")
    if len(article.text) > MAX_TEXT_CHARS:
        raise ValueError(f"text too long to analyse: {len(article.text)} characters after cleaning "
                         f"(limit {MAX_TEXT_CHARS}); split it into articles")
    article.body_hash = hashlib.sha1(" ".join(article.text.lower().split()).encode()).hexdigest()


def detect(article: Article, res: Resources) -> None:
    from letopis.analyze.language import detect_language

    article.language = article.given.get("language") or detect_language(article.text)


def analyze(article: Article, res: Resources) -> None:
    from letopis.analyze.english import MissingExtra

    try:
        nlp = res.analyzer(article.language or "")
    except MissingExtra as e:  # the text is kept, cleaned and searchable; what it lacks is said
        article.notices.append(str(e))
        nlp = None
    if nlp is None:
        article.given["_ner"] = {}
        return
    fields = [(article.title, "title")] if article.title else []
    *titled, (article.sentences, text_ner) = nlp.analyze_many([*fields, (article.text, "text")])
    article.title_sentences, title_ner = titled[0] if titled else ([], [])
    article.given["_ner"] = {"title": title_ner, "text": text_ner}


def link(article: Article, res: Resources) -> None:
    from letopis.link.linker import link_article

    link_article(article, res.kb, article.given.pop("_ner", {}))


def time(article: Article, res: Resources) -> None:
    from letopis.time import tag_times

    article.timexes = tag_times(article.text, article.published)


def quotes(article: Article, res: Resources) -> None:
    from letopis.events.quotes import find_quotes

    article.quotes = find_quotes(article)
    for i, q in enumerate(article.quotes):
        q.id = "q-" + hashlib.sha1(f"{article.id}:{q.start}".encode()).hexdigest()[:16]


def events(article: Article, res: Resources) -> None:
    article.events = res.events(article)


def sign(article: Article, res: Resources) -> None:
    from letopis.corpus.signature import signature

    article.signature = signature(article)


STAGES = (
    Stage("clean", ("raw",), ("text", "title", "published", "outlet", "dateline", "removed"), clean),
    Stage("detect", ("text",), ("language",), detect),
    Stage("analyze", ("text", "language"), ("sentences", "ner"), analyze),
    Stage("time", ("text", "published"), ("timexes",), time),
    Stage("link", ("sentences", "ner", "timexes"), ("mentions", "entities"), link),
    Stage("quotes", ("mentions",), ("quotes",), quotes),
    Stage("events", ("mentions", "timexes", "quotes"), ("events",), events),
    Stage("sign", ("mentions", "timexes"), ("signature",), sign),
)


def check_contract(stages: Iterable[Stage]) -> None:
    """Every need of a stage is set by the input or an earlier stage; raise if not."""
    have = {"raw"}
    for stage in stages:
        missing = [n for n in stage.needs if n not in have]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing}, which no earlier stage sets: reorder the stages")
        have.update(stage.sets)


def article_from(doc: Document) -> Article:
    """A NUL character is no text: dropped everywhere (PostgreSQL cannot store it in a text column)."""
    def text(value: str | None) -> str | None:
        return value.replace("\x00", "") if isinstance(value, str) else value

    given = {k: text(v) for k, v in (("title", doc.title), ("published", doc.published), ("outlet", doc.outlet),
                                     ("language", doc.language), ("html", doc.html)) if v is not None}
    return Article(id="a-" + doc.id[:16], source=text(doc.source) or "", raw=text(doc.text) or "", url=text(doc.url),
                   given=given)


class Pipeline:
    """`Pipeline().process(text)` for one text; `map(documents)` streams many (Article or Rejected)."""

    def __init__(self, stages: tuple[Stage, ...] = STAGES, resources: Resources | None = None):
        check_contract(stages)
        self.stages = stages
        self.resources = resources or Resources()

    def process(self, text: str | None = None, published: str | None = None, *, html: str | None = None,
                outlet: str | None = None, language: str | None = None, title: str | None = None,
                source: str = "<text>", url: str | None = None) -> Article:
        """Run every stage on one text (or HTML page) and return the article; raises ValueError on bad input."""
        content = text if text is not None else html or ""
        doc = Document(id=hashlib.sha256(content.encode()).hexdigest(), source=source, text=text, html=html, url=url,
                       title=title, published=published, outlet=outlet, language=language)
        result = self.run(doc)
        if isinstance(result, Rejected):
            raise ValueError(result.reason)  # noqa: TRY004 - bad content, not a bad type
        return result

    def run(self, doc: Document) -> Article | Rejected:
        """One document through every stage; a failure becomes a Rejected value with the reason."""
        size = len(doc.text or doc.html or "")
        if size == 0 or not (doc.text or doc.html or "").strip():
            return Rejected(doc.source, "empty document", doc.id)
        if size > MAX_CHARS:
            return Rejected(doc.source, f"document too large: {size} characters (limit {MAX_CHARS})", doc.id)
        article = article_from(doc)
        for stage in self.stages:
            try:
                stage.run(article, self.resources)
            except ValueError as e:
                return Rejected(doc.source, f"{stage.name}: {e}", doc.id)
            except Exception as e:  # a bug in a stage must not stop the batch; it is reported with the document
                log.exception("stage %s failed on %s", stage.name, doc.source)
                return Rejected(doc.source, f"{stage.name} failed: {type(e).__name__}: {e}", doc.id)
        return article

    def map(self, docs: Iterable[Document | Rejected]) -> Iterator[Article | Rejected]:
        for doc in docs:
            yield doc if isinstance(doc, Rejected) else self.run(doc)

    def __call__(self, doc: Document) -> Article | Rejected:
        return next(self.map([doc]))
