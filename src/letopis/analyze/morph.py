"""pymorphy3 helpers: lemmas, lemma keys for matching names in any case form."""
from __future__ import annotations

import re
from functools import lru_cache

import pymorphy3

WORD = re.compile(r"[\w][\w'’.\-]*", re.UNICODE)


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    """One analyzer per process (it holds a 15 MB dictionary)."""
    return pymorphy3.MorphAnalyzer()


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple:
    """pymorphy3's parses of a word, remembered: news repeats its words, and parsing is most of
    the time the Russian analysis takes."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The most likely dictionary form of a word; Latin words are only lower-cased."""
    w = fold(word)
    if not re.search("[а-я]", w):
        return w
    return fold(parses(w)[0].normal_form)


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 allows for a word (for matching, not for display)."""
    w = fold(word)
    if not re.search("[а-я]", w):
        return frozenset([w])
    return frozenset(fold(p.normal_form) for p in parses(w)) | {w}


def key(text: str) -> str:
    """A case-free matching key for a name: the lemma of each word ("Российской Федерации" → "российский федерация")."""
    return " ".join(lemma(w) for w in WORD.findall(text))


def plain_key(text: str) -> str:
    return " ".join(fold(w) for w in WORD.findall(text))
