"""Line rules: each is a named test that returns a reason to drop a line, or None."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from letopis.yaml_data import load_yaml


@dataclass(frozen=True, slots=True)
class LineRule:
    """One data-file rule: the line is dropped with `name` as the reason when it matches."""

    name: str
    pattern: re.Pattern[str]

    def __call__(self, line: str) -> str | None:
        return self.name if self.pattern.search(line) else None


def _compile(spec: dict[str, str]) -> LineRule:
    if "exact" in spec:
        pattern = re.compile("^" + re.escape(spec["exact"]) + "$", re.IGNORECASE)
    elif "contains" in spec:
        pattern = re.compile(re.escape(spec["contains"]), re.IGNORECASE)
    else:
        pattern = re.compile(spec["regex"])
    return LineRule(spec["name"], pattern)


@lru_cache(maxsize=8)
def line_rules(language: str | None) -> tuple[LineRule, ...]:
    """The ordered rules for a language: language-free ones first, then the language's own."""
    data = load_yaml(resources.files("letopis.lexicons").joinpath("boilerplate.yaml").read_text("utf-8"))
    langs = [language] if language in ("ru", "en") else ["ru", "en"]
    specs = list(data.get("any", []))
    for lang in langs:
        specs.extend(data.get(lang, []))
    return tuple(_compile(s) for s in specs)
