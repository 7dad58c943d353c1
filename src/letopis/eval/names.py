"""Foreign names written in Russian, read back: accuracy on a table of names with their own spelling.

The table is TSV with a header `russian expected origin`; `expected` lists accepted spellings separated
by " | ". Names are compared as `score_seeds.py` compares them: case, accents, punctuation and spacing
do not matter.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path


def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.replace("ё", "е"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", text.casefold())


@dataclass
class NamesReport:
    per_origin: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)  # origin, russian, ours, expected

    @property
    def accuracy(self) -> float:
        right = sum(r for r, _ in self.per_origin.values())
        return right / max(1, sum(n for _, n in self.per_origin.values()))

    def lines(self) -> list[str]:
        out = [f"{'origin':8} {'right':>5} {'names':>5} {'share':>6}"]
        for origin, (right, n) in sorted(self.per_origin.items(), key=lambda kv: -kv[1][1]):
            out.append(f"{origin:8} {right:5} {n:5} {right / n:6.2f}")
        total = sum(n for _, n in self.per_origin.values())
        out.append(f"foreign names read back: {self.accuracy:.3f} of {total}")
        return out


def evaluate_names(path: Path) -> NamesReport:
    from letopis.link.foreign import romanize
    from letopis.link.names import transliterate

    report = NamesReport()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            ours = romanize(row["russian"]) or transliterate(row["russian"])
            expected = [e.strip() for e in row["expected"].split("|")]
            ok = fold(ours) in {fold(e) for e in expected}
            counts = report.per_origin[row["origin"]]
            counts[0] += ok
            counts[1] += 1
            if not ok:
                report.wrong.append((row["origin"], row["russian"], ours, expected[0]))
    return report
