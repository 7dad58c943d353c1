"""What an article is about, in a form that compares across articles and languages.

- `entities`: linked entity ids (language-free: the KB gives Tokayev one id in any language);
- `names`: consonant skeletons of the entities' English names, so an unknown "Ханна" (BGN
  "Khanna") meets the English "Hanna";
- `numbers`: the numbers the text states ("150", "8.1");
- `dates`: resolved calendar dates;
- `title_days`: the days the headline names, as month and day ("11-16");
- `title_terms`: the headline's content lemmas, each weighted by its rarity (what the headline says that
  common words do not);
- `title_names`, `title_subjects`: the entities the headline names, and those of them that are its subject
  (who does or says what it tells);
- `terms`: content lemmas with counts (lexical similarity within one language);
- `minhash`: MinHash of lemma 3-shingles, for near-duplicate detection (datasketch).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from letopis.model import Article

if TYPE_CHECKING:
    from datasketch import MinHash

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
NUM = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)(?![\w])")
MINHASH_PERM = 64
MINHASH_SEED = 7
MINHASH_SCHEME = "affine32"
SHINGLE = 3


def name_key(name: str) -> str:
    """A spelling-tolerant skeleton of a Latin name: `Khanna` and `Hanna` → `n`; `Tamaulipas` → `tmlps`."""
    s = name.lower()
    for a, b in (("kh", "h"), ("zh", "j"), ("ts", "z"), ("tz", "z"), ("ph", "f"), ("ck", "k"), ("x", "ks"),
                 ("c", "k"), ("q", "k")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z]", "", s)
    s = re.sub(r"[aeiouyhw]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def _numbers(text: str) -> list[str]:
    out = []
    for m in NUM.finditer(text):
        v = m.group(1).replace(",", ".")
        if len(v.replace(".", "")) >= 2:
            out.append(v.rstrip("0").rstrip(".") if "." in v else v)
    return out


def minhash(lemmas: list[str]) -> MinHash:
    from datasketch import MinHash  # (imported when used: it brings in SciPy, which reading the store needs not)

    mh = MinHash(num_perm=MINHASH_PERM, seed=MINHASH_SEED)
    shingles = {" ".join(lemmas[i:i + SHINGLE]) for i in range(max(1, len(lemmas) - SHINGLE + 1))}
    mh.update_batch([s.encode("utf-8") for s in shingles])  # one vectorised pass: the same values as one by one
    return mh


def signature(article: Article) -> dict[str, Any]:
    lemmas = [t.lemma for s in article.sentences for t in s.tokens if t.lemma.isalnum()]
    terms = Counter(t.lemma for s in [*article.title_sentences, *article.sentences] for t in s.tokens
                    if t.pos in CONTENT_POS and len(t.lemma) > 2 and t.lemma.isalpha())
    from letopis.link.kb import default_kb

    kb = default_kb()
    # countries are named in most political news: they say little about which happening it is
    specific = {i: e for i, e in article.entities.items()
                if not ((entry := kb.entries.get(i[2:])) and entry.kind == "country")}
    ents = [m.entity_id for m in article.mentions if m.entity_id in specific]
    names = sorted({k for e in specific.values() if e.type in ("PER", "ORG", "LOC")
                    for word in re.split(r"[\s-]+", e.name) for k in [name_key(word)] if len(k) >= 3})
    lead_end = article.sentences[min(1, len(article.sentences) - 1)].end if article.sentences else 0
    dates = sorted({t.value for t in getattr(article, "timexes", []) if t.value and re.match(r"\d{4}-\d{2}-\d{2}$", t.value)})
    from letopis.time.tagger import tag_times

    # the days a headline names ("Прогноз погоды на 16 ноября"), as month and day: two headlines naming
    # different days tell of two happenings however alike their words
    title_days = sorted({t.value[-5:] for t in tag_times(article.title or "", article.published)
                         if t.value and re.fullmatch(r"(\d{4}|XXXX)-\d{2}-\d{2}", t.value)})
    return {
        "vector": _vector(article),
        "entities": sorted(set(ents)),
        "names": names,
        "numbers": sorted(set(_numbers(f"{article.title or ''}\n{article.text}"))),
        "dates": dates,
        "title_days": title_days,
        "title_terms": _title_terms(article),
        **_title_subjects(article),
        # events between named actors only (an unnamed group says little about which happening it is)
        # the events the article leads with (its first two sentences), between named actors only
        "events": [[e.type, ids] for e in article.events if e.evidence and e.evidence[0].start < lead_end
                   for ids in [sorted({a.id for a in e.actors if not a.id.startswith(("e-group-", "e-generic-"))})]
                   if len(ids) >= 2],
        "terms": dict(terms.most_common(60)),
        "minhash": [int(v) for v in minhash(lemmas).hashvalues],
    }


WEIGHTED_LANGUAGES = ("ru", "en")  # the languages whose word frequencies the lemmas are weighted by


def rarity(language: str | None):
    """A word's weight by how rare it is: 9 − its Zipf frequency (wordfreq) in Russian and English, 1 elsewhere:
    "Казахстан" or "Ашимбаев" counts for more than "стать" or "новый"."""
    if language not in WEIGHTED_LANGUAGES:
        return lambda word: 1.0
    from letopis.link.foreign import word_zipf

    return lambda word: 9 - word_zipf(word, language)


def _title_terms(article: Article) -> dict[str, float]:
    """The headline's content lemmas, each weighted by its rarity."""
    weight = rarity(article.language)
    return {t.lemma: round(weight(t.lemma), 2) for s in article.title_sentences for t in s.tokens
            if t.pos in CONTENT_POS and len(t.lemma) > 2 and t.lemma.isalpha()}


def _title_subjects(article: Article) -> dict[str, list[str]]:
    """The entities a headline names, and its subjects among them: the named subject of its main verb
    ("ЦИК Казахстана снял …", "ОБСЕ сообщила …") and a speaker before a colon ("Кудрин: …")."""
    mentions = [m for m in article.mentions if m.field == "title" and m.entity_id]
    title = article.title or ""
    subjects = {m.entity_id for m in mentions if not title[:m.start].strip(" «\"'") and title[m.end:].lstrip().startswith(":")}
    for sent in article.title_sentences:
        for t in sent.tokens:
            if t.rel.lower().startswith("nsubj") and 0 <= t.head < len(sent.tokens) and sent.tokens[t.head].head < 0:
                subjects.update(m.entity_id for m in mentions if m.start <= t.start < m.end)
    return {"title_names": sorted({m.entity_id for m in mentions}), "title_subjects": sorted(subjects)}


def _vector(article: Article) -> list[float] | None:
    """Mean navec word vector of the content words (Russian only; natasha ships the vectors)."""
    if article.language != "ru":
        return None
    from letopis.analyze.russian import russian

    emb = russian().emb
    total = None
    n = 0
    for s in [*article.title_sentences, *article.sentences]:
        for t in s.tokens:
            w = t.text.lower()
            if t.pos in CONTENT_POS and w in emb:
                v = emb[w]
                total = v.copy() if total is None else total + v
                n += 1
    if total is None:
        return None
    norm = float((total @ total) ** 0.5) or 1.0
    return [round(float(x) / norm, 4) for x in total]


def events_compatible(a: list, b: list) -> bool:
    """Some event of one article is an event of the other: same type, mostly the same actors."""
    for ta, xa in a:
        for tb, xb in b:
            if ta == tb and xa and xb and len(set(xa) & set(xb)) / len(set(xa) | set(xb)) >= 0.5:
                return True
    return False


def overlap(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """Shared share of the smaller set."""
    a, b = set(a), set(b)
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# locality-sensitive bands of a MinHash signature: two texts whose estimated Jaccard reaches 0.8 share at
# least one band with probability 1 - (1 - 0.8**4)**16 > 0.9997; at 0.3, 0.13; at 0.1, under 0.002
MINHASH_BANDS = 16


def band_keys(hashes: list[int] | None) -> set[str]:
    """Keys under which near copies of a text find each other (one per band of the signature's rows)."""
    if not hashes or len(hashes) % MINHASH_BANDS:
        return set()
    rows = len(hashes) // MINHASH_BANDS
    return {f"b:{i}:" + hashlib.sha1(repr(hashes[i * rows:(i + 1) * rows]).encode()).hexdigest()[:16]
            for i in range(MINHASH_BANDS)}


def jaccard_minhash(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a and b and len(a) == len(b) else 0.0
