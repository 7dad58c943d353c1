"""State bodies: which country a government, ministry or parliament belongs to.

English bodies the tagger leaves out ("the Russian government", "Japan's parliament") become
mentions (`english_bodies`), and a body named with its country becomes that country's body, one
entity in every language ("правительства России" → Government of Russia: `resolve_state_bodies`)."""
from __future__ import annotations

import re
from functools import lru_cache

from letopis.analyze.morph import fold, lemma
from letopis.link.kb import KnowledgeBase, slug
from letopis.link.mentions import repoint
from letopis.link.ner_rules import lexicon
from letopis.model import Article, Entity, Mention


def english_bodies(text: str, field: str, found: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """English state bodies the tagger leaves out: "the Russian government", "Japan's parliament",
    "the government of Kazakhstan" (the country is a mention of its own inside)."""
    out = []
    for m in _english_body_pattern().finditer(text):
        adj, of = m.group("adj"), m.group("of")
        start, end = m.start("body"), m.end("body")
        if adj and adj[0].isupper() and (e := kb.adjective(adj)) is not None and e.kind == "country":
            start = m.start("adj")
        elif of and [e for e in kb.find(re.sub(r"^ of (?:the )?", "", of), "LOC") if e.kind == "country"]:
            end = m.end("of")
        elif not re.search(r"[A-Z][\w.]+['’]s\s+(?:the\s+)?$", text[max(0, start - 30):start]):
            continue
        if not any(f.start < end and start < f.end for f in found if f.type == "ORG"):
            out.append(Mention(field, start, end, text[start:end], "ORG"))
    return out


@lru_cache(maxsize=1)
def _english_body_pattern() -> re.Pattern:
    names = "|".join(sorted((re.escape(k) for k in lexicon().state_bodies if k.isascii()), key=len, reverse=True))
    return re.compile(rf"\b(?:(?P<adj>[A-Z][a-z]+) )?(?P<body>(?i:{names}))\b(?P<of> of (?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)*)?")


def resolve_state_bodies(article: Article, kb: KnowledgeBase) -> None:
    """A government body named with its country is that country's body: "правительства России",
    "японского МИДа" and "Japan's Foreign Ministry" become "Government of Russia" and "Ministry of
    Foreign Affairs of Japan", one entity in every language, with the country as its country."""
    bodies = lexicon().state_bodies
    text = {"title": article.title or "", "text": article.text}
    renamed: dict[str, Entity] = {}
    for m in article.mentions:
        ent = article.entities.get(m.entity_id or "")
        if m.type != "ORG" or ent is None or not ent.id.startswith("e-org-"):  # not the KB's own bodies
            continue
        country, words = None, fold(m.text).split()
        inside = [n for n in article.mentions if n.field == m.field and n.type == "LOC" and m.start <= n.start
                  and n.end <= m.end and n is not m]
        for n in inside:
            c = kb.country((article.entities.get(n.entity_id or "") or Entity("", "", "")).country)
            if c is not None and c.entity_id == n.entity_id:
                country = c
                words = fold(text[m.field][m.start:n.start] + text[m.field][n.end:m.end]).split()
        before = text[m.field][max(0, m.start - 30):m.start]
        adjective = kb.adjective(words[0]) if country is None and words else None
        if adjective is not None and adjective.kind == "country":
            country, words = adjective, words[1:]  # "японского МИДа", "Russian Government"
        elif country is None and (own := re.search(r"([A-Z][\w.]+(?: [A-Z][\w.]+)?)['’]s\s+(?:the\s+)?$", before)):
            found = [e for e in kb.find(own.group(1), "LOC") if e.kind == "country"]
            country = found[0] if found else None  # "Japan's Foreign Ministry"
        if country is None:
            continue
        words = [w for w in words if w not in ("the", "of")]
        key = " ".join(lemma(w) for w in words) if re.search("[а-яё]", " ".join(words)) else " ".join(words)
        body = bodies.get(key)
        if body is None:
            ent.country = ent.country or country.country
            continue
        name = f"{body} of {country.en}"
        known = kb.find(name, "ORG")  # the KB's "Government of Russia", with its Russian name and id
        new_id = known[0].entity_id if known else f"e-org-{slug(name)}"
        target = renamed.get(new_id) or article.entities.get(new_id)
        if target is None:
            target = (Entity(new_id, known[0].en, "ORG", known[0].ru, known[0].wikidata, known[0].country, []) if known
                      else Entity(new_id, name, "ORG", ent.name_ru, None, country.country, []))
            renamed[new_id] = article.entities[new_id] = target
        repoint(m, target, article.entities, article.mentions)  # target.id is new_id
