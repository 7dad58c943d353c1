"""Body extraction against the article-extraction benchmark (ground-truth.json + html/*.html.gz).

Scores are token-level: the bag of lower-cased word tokens of the extracted body
against the gold body, precision/recall/F1 per page, averaged over pages.
"""
from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in TOKEN.findall(text or ""))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = tokens(predicted), tokens(gold)
    common = sum((p & g).values())
    if not p and not g:
        return 1.0, 1.0, 1.0
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(g.values()) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(slots=True)
class Score:
    system: str
    pages: int
    precision: float
    recall: float
    f1: float

    def line(self) -> str:
        return f"{self.system:<12} pages {self.pages}  precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"


def pages(folder: Path) -> Iterator[tuple[str, str, str | None, str]]:
    """(id, html, url, gold body) for every page of the benchmark folder."""
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        path = folder / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        yield key, html, gold[key].get("url"), gold[key].get("articleBody") or ""


def letopis_body(html: str, url: str | None) -> str:
    from letopis.clean import clean_text, html_to_text

    page = html_to_text(html, url)
    return clean_text(page.text, title=page.title, from_html=True).text


def trafilatura_body(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {"letopis": letopis_body, "trafilatura": trafilatura_body}


def evaluate(folder: Path, systems: dict[str, Callable[[str, str | None], str]] = SYSTEMS,
             limit: int | None = None) -> list[Score]:
    sums = {name: [0.0, 0.0, 0.0] for name in systems}
    n = 0
    for i, (_key, html, url, gold) in enumerate(pages(folder)):
        if limit is not None and i >= limit:
            break
        n += 1
        for name, extract in systems.items():
            for j, v in enumerate(prf(extract(html, url), gold)):
                sums[name][j] += v
    return [Score(name, n, *(v / n if n else 0.0 for v in s)) for name, s in sums.items()]
