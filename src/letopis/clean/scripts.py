"""Words in two scripts: Latin look-alike letters inside a Cyrillic word, or Cyrillic ones inside a Latin word.

Scraped Russian pages have words such as "Тоcимицу" (a Latin c among Cyrillic letters) that no NER
model and no dictionary knows. A word with letters of both scripts is written in the script most of
its letters are in, when every letter of the other script has a look-alike there (the pairs are data,
lexicons/boilerplate.yaml). Each letter is replaced by one letter, so every offset into the text stays
as it was. A word in one script only ("McAfee", a URL, a Russian word) is never touched.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from letopis.yaml_data import load_yaml

# a run of letters: digits, underscores, hyphens and dots end a word ("SMS-сообщение" is two words)
WORD = re.compile(r"[^\W\d_]+")
CYRILLIC, LATIN = "cyrillic", "latin"


@dataclass(frozen=True, slots=True)
class Respelling:
    """One word written in one script: where it is, how it was written and in which script it now is."""

    start: int
    old: str
    new: str
    script: str


@lru_cache(maxsize=1)
def homoglyphs() -> dict[str, dict[str, str]]:
    """For each script, the look-alike letters of the other script and the letter each stands for."""
    data = load_yaml(resources.files("letopis.lexicons").joinpath("boilerplate.yaml").read_text("utf-8"))
    pairs = data["homoglyphs"]
    latin, cyrillic = pairs["latin"], pairs["cyrillic"]
    if len(latin) != len(cyrillic):
        raise ValueError("boilerplate.yaml: homoglyphs need as many Latin letters as Cyrillic ones")
    return {CYRILLIC: dict(zip(latin, cyrillic)), LATIN: dict(zip(cyrillic, latin))}


def script_of(letter: str) -> str | None:
    """"cyrillic" or "latin" for a letter of those scripts, None for any other character."""
    name = unicodedata.name(letter, "")
    if name.startswith("CYRILLIC"):
        return CYRILLIC
    if name.startswith("LATIN"):
        return LATIN
    return None


def respelt(word: str) -> tuple[str, str] | None:
    """The word in one script and that script, or None when it is in one script already or cannot be.

    The script is one whose every letter of the other script has a look-alike in it: the only such
    script ("CШA" with a Latin C and A is США, as Ш has no Latin look-alike), or, when both are, the
    script of most letters ("Тоcимицу"); as many letters of each is no sign and the word stays. A word
    with a letter of each script that has no look-alike ("Twitterя") stays too."""
    scripts = [script_of(ch) for ch in word]
    counts = {CYRILLIC: scripts.count(CYRILLIC), LATIN: scripts.count(LATIN)}
    if not all(counts.values()):
        return None
    possible = [t for t in (CYRILLIC, LATIN)
                if all(ch in homoglyphs()[t] for ch, s in zip(word, scripts) if s is not None and s != t)]
    if len(possible) > 1:
        possible = [t for t in possible if counts[t] > sum(counts.values()) - counts[t]]
    if len(possible) != 1:
        return None
    target = possible[0]
    table = homoglyphs()[target]
    return "".join(table.get(ch, ch) if s is not None and s != target else ch for ch, s in zip(word, scripts)), target


def unmix_scripts(text: str) -> tuple[str, list[Respelling]]:
    """The text with every mixed-script word in its own script, and the words so changed. The text
    keeps its length and every offset."""
    changes: list[Respelling] = []
    parts: list[str] = []
    pos = 0
    for m in WORD.finditer(text):
        found = respelt(m.group())
        if found is None:
            continue
        new, target = found
        changes.append(Respelling(m.start(), m.group(), new, target))
        parts.extend((text[pos:m.start()], new))
        pos = m.end()
    if not changes:
        return text, changes
    parts.append(text[pos:])
    out = "".join(parts)
    assert len(out) == len(text), "a respelling must replace letter by letter"
    return out, changes
