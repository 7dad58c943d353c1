"""Same-story detection on labelled pairs: tgcontest TSV pools and the WMT21 Russian–English documents."""
from __future__ import annotations

import csv
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

from letopis.corpus.stories import TITLE_COVER, ArticleSig, group_stories, story_score


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


Labelled = list[tuple[ArticleSig, ArticleSig, bool]]


def tgcontest_pairs(path: Path, pipeline) -> Labelled:
    """A pool's pairs as signatures, with whether the assessors found them one story."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [(_sig(pipeline, 2 * i, r["INPUT:first_text"], r.get("INPUT:first_title")),
             _sig(pipeline, 2 * i + 1, r["INPUT:second_text"], r.get("INPUT:second_title")),
             r["GOLDEN:quality"].strip().upper() == "OK") for i, r in enumerate(rows)]


def score_pairs(name: str, pairs: Labelled, cover: float = TITLE_COVER) -> PairScore:
    score = PairScore(name, len(pairs), 0, 0, 0)
    for a, b, gold in pairs:
        said = story_score(a, b, cover) >= 1.0
        score.tp += gold and said
        score.fp += said and not gold
        score.fn += gold and not said
    return score


COVER_GRID = tuple(round(0.05 * i, 2) for i in range(13))  # the headline-cover thresholds tried, 0 to 0.6


def fit_cover(pools: dict[str, Labelled]) -> float:
    """The headline-cover threshold with the best F1 on these pools together: the middle of the best
    values (a plateau, on pools this small), so the choice does not hang on its edge."""
    f1 = {c: score_pairs("", [p for pairs in pools.values() for p in pairs], c).prf()[2] for c in COVER_GRID}
    best = [c for c in COVER_GRID if f1[c] >= max(f1.values()) - 1e-9]
    return best[len(best) // 2]


def halves(pools: dict[str, Labelled]) -> list[str]:
    """Fit on one half, score on the other: the headline-cover threshold is fitted on the even-numbered pairs
    of all pools and each pool's odd-numbered pairs are scored with it, and the other way round."""
    lines, half = [], ("even", "odd")
    crossed = {n: PairScore(n, 0, 0, 0, 0) for n in pools}
    for fit, test in ((0, 1), (1, 0)):
        cover = fit_cover({n: pairs[fit::2] for n, pairs in pools.items()})
        scores = [score_pairs(n, pairs[test::2], cover) for n, pairs in pools.items()]
        for s in scores:
            for k in ("pairs", "tp", "fp", "fn"):
                setattr(crossed[s.name], k, getattr(crossed[s.name], k) + getattr(s, k))
        lines.append(f"fitted on the {half[fit]} pairs (headline cover {cover:.2f}), scored on the "
                     f"{half[test]}: " + "; ".join(f"{s.name} F1 {s.prf()[2]:.3f} ({s.tp}/{s.fp}/{s.fn})"
                                                               for s in scores))
    lines.append("each pool, every pair scored with the threshold from the half it is not in: " + "; ".join(
        f"{s.name} F1 {s.prf()[2]:.3f} ({s.tp}/{s.fp}/{s.fn})" for s in crossed.values()))
    return lines


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
