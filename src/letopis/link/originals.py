"""A place's or organisation's own Latin spelling in parentheses after its Russian name.

"в городе Даммартен-ан-Гоэль (Dammartin-en-Goële; столица графства)", "фирма «Лунтек» (Luntek)": the
Latin text is how the place or company writes itself, and it is the entity's English name rather than
a romanisation of the Russian transcription. Persons have their own rule (`persons.latin_aliases`).
"""
from __future__ import annotations

import re

from letopis.clean.scripts import LATIN, script_of
from letopis.link.mentions import repoint
from letopis.model import Article, Entity, Mention

# the parenthesis opens right after the name (or the quote closing it); its first part, up to ";", "," or
# the closing parenthesis, is read if it is made as a name is (not "NASDAQ: LUNT" or "см. ниже")
ORIGINAL_AFTER = re.compile(r'[»"”]?\s*\(\s*(?P<name>[\w.\'’& -]+?)\s*[;,)]')
# entities made from the text itself, not taken from the knowledge base (whose names are already English)
OWN_ENTITY_PREFIXES = ("e-loc-", "e-org-")
ORIGINAL_TYPES = ("LOC", "ORG")


def latin_original(text: str) -> bool:
    """The text is a name in Latin script: it opens with a Latin letter and has no letter of another
    script ("Dammartin-en-Goële", "Luntek", not "Самрук" or "1990")."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and script_of(text[0]) == LATIN and all(script_of(ch) == LATIN for ch in letters)


def _named_by_text(ent: Entity | None) -> bool:
    """The entity is the article's own, named from its Russian mention, not a knowledge-base entry."""
    return ent is not None and ent.wikidata is None and ent.id.startswith(OWN_ENTITY_PREFIXES)


def _original_after(m: Mention, text: str) -> tuple[int, int] | None:
    """The span of a Latin name in parentheses right after a Cyrillic mention, or None."""
    if not re.search("[А-Яа-яЁё]", m.text):
        return None
    found = ORIGINAL_AFTER.match(text, m.end)
    if found is None or not latin_original(found.group("name")):
        return None
    return found.start("name"), found.end("name")


def latin_originals(article: Article, mentions: list[Mention]) -> None:
    """A place or organisation followed by its Latin spelling in parentheses is named in English so;
    the Latin mention there, and any other mention of that spelling, is the same entity."""
    texts = {"title": article.title or "", "text": article.text}
    for m in [m for m in mentions if m.type in ORIGINAL_TYPES]:
        ent = article.entities.get(m.entity_id or "")
        span = _original_after(m, texts[m.field])
        if span is None or not _named_by_text(ent):
            continue
        original = texts[m.field][span[0]:span[1]]
        ent.name = " ".join(original.split())
        for other in mentions:
            inside = other.field == m.field and span[0] <= other.start and other.end <= span[1]
            same = other.text == original and _named_by_text(article.entities.get(other.entity_id or ""))
            if other is not m and other.entity_id != ent.id and (inside or same):
                other.type = m.type
                repoint(other, ent, article.entities, mentions)
        for other in mentions:
            if other.entity_id == ent.id:
                other.entity_name = ent.name


# "Конституционный суд Молдавии (КС)": an abbreviation the article gives an organisation it has just named
ABBREVIATION_AFTER = re.compile(r"[»\"”]?\s*\(\s*(?P<abbr>[А-ЯЁ]{2,8})\s*\)")


def defined_abbreviations(article: Article, mentions: list[Mention]) -> None:
    """An organisation followed by its abbreviation in parentheses: that abbreviation names it anywhere in
    the article ("решение КС" is the Constitutional Court just named), whatever else it could stand for.
    The abbreviation opens with the name's first letter."""
    texts = {"title": article.title or "", "text": article.text}
    for m in [m for m in mentions if m.type == "ORG" and m.field == "text"]:
        found = ABBREVIATION_AFTER.match(texts["text"], m.end)
        ent = article.entities.get(m.entity_id or "")
        if found is None or ent is None or found.group("abbr")[0] != m.text.lstrip("«\"")[:1].upper():
            continue
        abbr = found.group("abbr")
        others = [o for o in mentions if o is not m and o.entity_id != ent.id and re.fullmatch(abbr + r"[а-яё]{0,2}", o.text)]
        known = next((article.entities[o.entity_id] for o in others if o.entity_id in article.entities
                      and not _named_by_text(article.entities[o.entity_id])), None)
        if known is not None and _named_by_text(ent):
            # "Международный трибунал по делам бывшей Югославии (МТБЮ)": the abbreviation the knowledge
            # base knows tells who the name the text spells its own way is
            for o in [o for o in mentions if o.entity_id == ent.id]:
                repoint(o, known, article.entities, mentions)
            continue
        for other in others:
            other.type = m.type
            repoint(other, ent, article.entities, mentions)
