"""Same-story detection on labelled pairs: tgcontest TSV pools and the WMT21 Russian–English documents."""
from __future__ import annotations

import csv
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from letopis.corpus.stories import ArticleSig, group_stories, same_story


@dataclass(slots=True)
class PairScore:
    name: str
    pairs: int
    tp: int
    fp: int
    fn: int
    extra: str = ""

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def line(self) -> str:
        p, r, f = self.prf()
        return f"{self.name}: {self.pairs} pairs; same story precision {p:.3f} recall {r:.3f} F1 {f:.3f}{self.extra}"


def _sig(pipeline, n: int, text: str, title: str | None = None, language: str | None = None) -> ArticleSig:
    a = pipeline.process(text, title=title or None, language=language)
    ents = frozenset(m.entity_id for m in a.mentions if m.entity_id)
    return ArticleSig(f"a{n}", n, ents, a.published, a.title, a.language, a.body_hash, a.signature)


def tgcontest(path: Path, pipeline) -> PairScore:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    score = PairScore(path.name, len(rows), 0, 0, 0)
    for i, r in enumerate(rows):
        a = _sig(pipeline, 2 * i, r["INPUT:first_text"], r.get("INPUT:first_title"))
        b = _sig(pipeline, 2 * i + 1, r["INPUT:second_text"], r.get("INPUT:second_title"))
        gold = r["GOLDEN:quality"].strip().upper() == "OK"
        said = same_story(a, b)
        score.tp += gold and said
        score.fp += said and not gold
        score.fn += gold and not said
    return score


def wmt(path: Path, pipeline, reference: str = "en_refA") -> PairScore:
    """Each Russian document and its English translation as separate articles, grouped into stories together."""
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    sigs, pairs = [], []
    for i, d in enumerate(docs):
        ru = _sig(pipeline, 2 * i, d["ru"], language="ru")
        en = _sig(pipeline, 2 * i + 1, d[reference], language="en")
        sigs += [ru, en]
        pairs.append((ru.id, en.id))
    story = {aid: sid for sid, ids in group_stories(sigs).items() for aid in ids}
    together = sum(story[r] == story[e] for r, e in pairs)
    cross = [(r, e) for (r, _), (_, e) in itertools.product(pairs, pairs) if (r, e) not in set(pairs)]
    cross_together = sum(story[r] == story[e] for r, e in cross)
    score = PairScore(f"{path.name} ({reference})", len(pairs) + len(cross), together, cross_together,
                      len(pairs) - together)
    score.extra = (f"; translation pairs in one story {together}/{len(pairs)} ({together / len(pairs):.3f}), "
                   f"cross pairs in one story {cross_together}/{len(cross)} ({cross_together / len(cross):.4f})")
    return score
