"""Growth: the time to ingest the same 20 new articles into stores of 0, 1,000, 5,000 and 20,000 articles
(make bench). With incremental corpus stages it should barely grow with the archive.

The archives are synthetic, made from real texts: 200 NEREL articles run through the pipeline once,
then stored again and again under new ids with their dates spread over two years (about 27 a day at
20,000), as a news archive is. The 20 new articles are other NEREL texts, dated in the middle.

    .venv/bin/python bench/bench_growth.py        # GROWTH_SIZES=0,1000 for a quick look
"""
from __future__ import annotations

import hashlib
import os
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
NEREL = ROOT.parent / "shared" / "data" / "NEREL-v1.1"
MIDDLE = date(2021, 6, 15)


def main() -> None:
    from letopis.corpus.signature import band_keys
    from letopis.corpus.stories import ArticleSig, blocking_keys
    from letopis.ingest.batch import ingest_documents
    from letopis.model import Document, event_record
    from letopis.pipeline import Pipeline
    from letopis.store import Store
    from letopis.store import schema as t

    sizes = [int(x) for x in os.environ.get("GROWTH_SIZES", "0,1000,5000,20000").split(",")]
    pipeline = Pipeline()
    base = []
    for p in sorted((NEREL / "train").glob("*.txt"))[:200]:
        text = p.read_text("utf-8")
        base.append(pipeline(Document(id=hashlib.sha256(text.encode()).hexdigest(), source=p.name, text=text)))
    new_texts = [p.read_text("utf-8") for p in sorted((NEREL / "dev").glob("*.txt"))[:20]]

    def new_docs():
        return [Document(id=hashlib.sha256(x.encode()).hexdigest(), source=f"new-{i}", text=x,
                         published=MIDDLE.isoformat()) for i, x in enumerate(new_texts)]

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            store = Store(f"sqlite:///{tmp}/growth-{size}.db")
            t0 = time.perf_counter()
            for chunk in range(0, size, 1000):  # in chunks, so the bench's own lists stay small
                with store.engine.begin() as c:
                    docs, arts, mentions, keys = [], [], [], []
                    for k in range(chunk, min(size, chunk + 1000)):
                        a = base[k % len(base)]
                        day = (MIDDLE + timedelta(days=k * 730 // max(size, 1) - 365)).isoformat()
                        aid = f"a-{k:07d}{a.id[9:18]}"
                        doc_id = hashlib.sha256(f"{k}{a.id}".encode()).hexdigest()
                        docs.append({"id": doc_id, "source": f"archive-{k}", "seq": k + 1})
                        record = a.to_record()
                        record.update(id=aid, published=day)
                        reports = [dict(event_record(e), id=f"ev-{k:07d}{i:03d}",
                                        evidence=[dict(x, article_id=aid) for x in event_record(e)["evidence"]])
                                   for i, e in enumerate(a.events)]
                        arts.append({"id": aid, "document_id": doc_id, "seq": k + 1, "source": f"archive-{k}",
                                     "url": None, "language": a.language, "title": a.title, "published": day,
                                     "outlet": None, "body_hash": hashlib.sha1(aid.encode()).hexdigest(),
                                     "duplicate_of": None, "record": record, "reports": reports, "lemmas": "",
                                     "signature": a.signature})
                        mentions += [{"article_id": aid, "entity_id": m.entity_id, "field": m.field,
                                      "start": m.start, "end": m.end, "text": m.text, "type": m.type}
                                     for m in a.mentions]
                        s = ArticleSig(aid, k + 1, frozenset(), day, a.title, a.language, arts[-1]["body_hash"],
                                       a.signature)
                        keys += [{"key": key, "article_id": aid, "day": day} for key in sorted(blocking_keys(s) | band_keys(a.signature.get("minhash")))]
                    for table, values in ((t.documents, docs), (t.articles, arts), (t.mentions, mentions),
                                          (t.story_keys, keys)):
                        c.execute(insert(table), values)
            store.rebuild_corpus()
            built = time.perf_counter() - t0
            t1 = time.perf_counter()
            report = ingest_documents(store, new_docs(), workers=1, pipeline_factory=lambda: pipeline)
            rows.append((size, time.perf_counter() - t1, built, report.stored))
            print(f"  store of {size}: built in {built:.0f} s; 20 new articles in {rows[-1][1]:.2f} s", file=sys.stderr)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("growth: 20 new articles into stores of N articles (pipeline, storage, stories and events)")
    print(f"{'archive':>8} {'seconds':>8} {'× empty':>8}")
    for size, secs, _, _ in rows:
        print(f"{size:8} {secs:8.2f} {secs / rows[0][1]:8.2f}")
    print(f"peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
