"""Language identification with lingua over a small candidate set."""
from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetectorBuilder

CANDIDATES = {
    Language.RUSSIAN: "ru",
    Language.ENGLISH: "en",
    Language.UKRAINIAN: "uk",
    Language.KAZAKH: "kk",
    Language.GERMAN: "de",
}


@lru_cache(maxsize=1)
def _detector():
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there are no letters to judge."""
    sample = text[:4000]
    if not re.search(r"[^\W\d_]{2,}", sample):
        return None
    cyr = len(re.findall(r"[а-яёА-ЯЁ]", sample))
    lat = len(re.findall(r"[a-zA-Z]", sample))
    # a decisive script settles ru/en without the model (and saves its start-up)
    if cyr > 20 * (lat + 1) and not re.search(r"[іїєґәғқңөұүһ]", sample, re.IGNORECASE):
        return "ru"
    if lat > 20 * (cyr + 1) and not re.search(r"[äöüß]", sample):
        return "en"
    lang = _detector().detect_language_of(sample)
    return CANDIDATES.get(lang) if lang else None
