"""One ingest path for the CLI and the API: documents in, articles stored, every decision logged.

The per-document stages run in this process or, with `workers` > 1, in a pool of processes that each
load the models once; results come back in input order and one writer (this process) stores them, so
the store ends the same whichever the number of workers. Documents already stored, or repeated in the
batch, are logged as duplicates before any work is spent on them.
"""
from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from letopis.model import Article, Document, Rejected

# a worker is worth its start (loading the models, a few seconds) only for this many documents
DOCS_PER_WORKER = 16
# results are stored this many to a transaction: one commit, not two, a document (an interrupted ingest
# loses at most a group's work, which its re-run does again)
WRITE_GROUP = 16


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (source, what a stored document lacks)
    seconds: float = 0.0
    workers: int = 1
    worker_rss_mb: list[float] = field(default_factory=list)  # peak resident memory of each worker

    def line(self) -> str:
        return f"read {self.read}, new {self.stored}, duplicates {self.duplicates}, rejected {len(self.rejected)}"


_PIPELINE = None


def _start_worker() -> None:
    os.environ["OPENBLAS_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = os.environ["MKL_NUM_THREADS"] = "1"
    global _PIPELINE
    from letopis.pipeline import Pipeline

    _PIPELINE = Pipeline()


def _work(doc: Document) -> tuple[Article | Rejected, int, float]:
    """Run the stages on one document in a worker: the result, the worker's pid and its peak RSS."""
    result = _PIPELINE(doc)  # type: ignore[misc]
    if isinstance(result, Article):
        result = result.for_storage()  # the writer needs no tokens: a third of the pickle to send and read
    return result, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def workers_for(n_docs: int, workers: int | None) -> int:
    """The pool size: as asked (default: the machine's cores), but no more than the batch pays for."""
    wanted = workers if workers is not None else (os.cpu_count() or 1)
    return max(1, min(wanted, n_docs // DOCS_PER_WORKER))


def process_documents(docs: list[Document], workers: int, pipeline_factory: Callable) -> Iterator[tuple[Document, object]]:
    """(document, result) in input order; results are Articles or Rejected."""
    if workers <= 1:
        pipeline = pipeline_factory()
        for doc in docs:
            yield doc, (pipeline(doc), os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return
    import multiprocessing

    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker) as pool:
        yield from zip(docs, pool.map(_work, docs, chunksize=4))


def ingest_documents(store, docs: Iterable[Document | Rejected], *, workers: int | None = 1,
                     defaults: dict | None = None, pipeline_factory: Callable | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     results: dict[str, Article | Rejected] | None = None) -> IngestReport:
    """Store what the pipeline makes of `docs`, log every decision, and bring the corpus (stories and
    merged events) up to date with the new articles only.

    `defaults` fill what a document does not say (published, outlet, language); `progress(done, total)`
    is called after each document. `results` (by document id) are what the pipeline already made of
    the documents elsewhere (`letopis spark ingest`): they are stored as if made here."""
    if pipeline_factory is None:
        from letopis.pipeline import Pipeline

        pipeline_factory = Pipeline
    report = IngestReport()
    t0 = time.perf_counter()
    todo: list[Document] = []
    seen: set[str] = set()
    items = list(docs)
    known = store.known_documents([d.id for d in items if isinstance(d, Document)])
    lines = []
    for doc in items:
        report.read += 1
        if isinstance(doc, Rejected):
            lines.append((doc.source, doc.id, "rejected", doc.reason))
            report.rejected.append((doc.source, doc.reason))
            continue
        if doc.id in seen or doc.id in known:
            lines.append((doc.source, doc.id, "duplicate", "same content already stored"))
            report.duplicates += 1
            continue
        seen.add(doc.id)
        for key, value in (defaults or {}).items():
            if value is not None and getattr(doc, key, None) is None:
                setattr(doc, key, value)
        todo.append(doc)
    store.log_many(lines)
    done = report.read - len(todo)
    if progress:
        progress(done, report.read)
    report.workers = workers_for(len(todo), workers)
    rss: dict[int, float] = {}
    stored: list[str] = []
    if results is not None:
        report.workers = 0
        made = ((doc, (results[doc.id], os.getpid(), 0.0)) for doc in todo)
    else:
        made = process_documents(todo, report.workers, pipeline_factory)
    group: list[tuple[Document, Article | Rejected]] = []

    def write() -> None:  # a group of results in one transaction, with their log lines
        nonlocal done
        for (doc, result), status in zip(group, store.add_results([(d.source, d.id, r) for d, r in group]),
                                         strict=True):
            if status == "rejected":
                report.rejected.append((doc.source, result.reason))
            else:
                stored.append(result.id)
                if result.notices and status == "stored":
                    report.notices.append((doc.source, "; ".join(result.notices)))
                report.stored += status == "stored"
                report.duplicates += status == "duplicate"
            done += 1
            if progress:
                progress(done, report.read)
        group.clear()

    for doc, (result, pid, peak) in made:
        rss[pid] = max(rss.get(pid, 0.0), peak)
        group.append((doc, result))
        if len(group) == WRITE_GROUP:
            write()
    write()
    # duplicates join their original's story too (their reports are empty); so do the articles an earlier,
    # interrupted ingest stored without reaching this line
    store.update_corpus(sorted(set(stored) | set(store.unsettled())))
    report.worker_rss_mb = sorted(r for r in rss.values() if r)
    report.seconds = time.perf_counter() - t0
    return report
