"""A given name alone, named by what the text says of the person: a relative's family name ("Барак Обама
с женой Мишель" → Мишель Обама, "брат Т.Донилона Майкл" → Майкл Донилон) or a style of rank
("принц Чарльз" → Prince Charles). Words of kinship and styles are data (lexicons/ner.yaml)."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from letopis.analyze.morph import parses
from letopis.link.kb import slug
from letopis.link.mentions import repoint
from letopis.link.names import transliterate
from letopis.model import Article, Entity, Mention, Token
from letopis.yaml_data import load_yaml

KIN_REACH = 6  # words between a word of kinship and the name it introduces: "две дочери, 32-летняя Лейла"
# words that may stand between them: "дочери Барака и Мишель — Саше", "старший сын Александр"
BETWEEN = {"ADJ", "NUM", "PUNCT", "CCONJ", "DET", "PROPN"}
# a Russian-form surname and its other gender: Алиев → Алиева, Бжезинский → Бжезинская
GENDERED = (("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"), ("ин", "ина"), ("ын", "ына"), ("ский", "ская"),
            ("цкий", "цкая"))

# the English name of a Russian full name for a man (False) or a woman (True)
NameEn = Callable[[str, bool], str]


@dataclass(frozen=True)
class Relations:
    kin: dict[str, bool]  # lemma → the relative is a woman
    styles: dict[str, str]  # lemma → English style


@lru_cache(maxsize=1)
def relations() -> Relations:
    raw = load_yaml(resources.files("letopis.lexicons").joinpath("ner.yaml").read_text("utf-8"))
    kin = {w: True for w in raw["kin"]["female"]} | {w: False for w in raw["kin"]["male"]}
    return Relations(kin=kin, styles=dict(raw["styles"]))


def gendered_surname(surname: str, woman: bool) -> str:
    """A Russian-form surname in the relative's gender ("Алиев" for a daughter is Алиева); others as they are."""
    low = surname.lower()
    for man, wife in GENDERED:
        if woman and low.endswith(man):
            return surname + wife[len(man):] if wife.startswith(man) else surname[: -len(man)] + wife
        if not woman and low.endswith(wife):
            return surname[: -len(wife)] + man
    return surname


def _lone(e: Entity) -> bool:
    return e.type == "PER" and e.id.startswith("e-per-") and not e.wikidata and len((e.name_ru or "").split()) == 1


def _kin_before(toks: list[Token], i: int, spans: list[tuple[int, int]]) -> bool | None:
    """The sex of the relative a word of kinship before token `i` names, None when there is none."""
    kin = relations().kin
    for j in range(i - 1, max(-1, i - 1 - KIN_REACH), -1):
        t = toks[j]
        if t.lemma in kin and t.pos == "NOUN":
            return kin[t.lemma]
        inside = any(s <= t.start < e for s, e in spans)
        title = t.pos == "NOUN" and t.feats.get("Case") == "Gen" and t.text.islower()  # "дочь президента X Дарига"
        if not (inside or title or t.pos in BETWEEN or re.fullmatch(r"\d+-\w+", t.text)):
            return None
    return None


def _given_name(t: Token) -> bool:
    """A word that reads as a given name ("Мишель", "Наиной")."""
    return any("Name" in p.tag.grammemes for p in parses(t.text.lower()))


def _paragraph_start(sentences: list, at: int) -> int:
    """Where the paragraph holding offset `at` begins."""
    here = next((s for s in sentences if s.start <= at < s.end), None)
    if here is None:
        return 0
    return min(s.start for s in sentences if s.paragraph == here.paragraph)


def _full_name(name_ru: str) -> bool:
    """A given name and a family name, both capitalised (not a style: "принц Филипп")."""
    words = name_ru.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not words[-1].isupper()  # "Альберт II"


def _relative(m: Mention, people: list[Mention], entities: dict[str, Entity], near: int = 0) -> Entity | None:
    """The nearest person before the mention named in full: the one the word of kinship is about; when he
    is named before `near` (another paragraph), the person the article names most ("У президентской четы две
    дочери, 32-летняя Лейла" in an article about Mehriban Aliyeva, past an academician named in passing)."""
    before = [p for p in people if p.field == m.field and p.end <= m.start and p.entity_id in entities
              and _full_name(entities[p.entity_id].name_ru or "")]
    if not before:
        return None
    nearest = max(before, key=lambda p: p.start)
    if nearest.start >= near:
        return entities[nearest.entity_id]
    counts = Counter(p.entity_id for p in people if p.field == m.field and p.entity_id in entities)
    return entities[max({p.entity_id for p in before}, key=lambda i: (counts[i], i))]


def name_relatives(article: Article, mentions: list[Mention], name_en: NameEn) -> None:
    """Give a given name alone the family name of the relative it is named by, or its style of rank."""
    fields = {"title": article.title_sentences, "text": article.sentences}
    toks = {f: [t for s in sents for t in s.tokens] for f, sents in fields.items()}
    at = {f: {t.start: i for i, t in enumerate(ts)} for f, ts in toks.items()}
    people = [m for m in mentions if m.type == "PER"]
    spans = {f: [(p.start, p.end) for p in people if p.field == f] for f in fields}
    styles = relations().styles
    for m in sorted(people, key=lambda m: (m.field, m.start)):
        ent = article.entities.get(m.entity_id or "")
        i = at[m.field].get(m.start)
        if ent is not None and i is not None and ent.type == "PER" and not ent.id.startswith("e-per-") and \
                len(m.text.split()) == 1 and _given_name(toks[m.field][i]):
            # a known person's surname that is also a given name, after a word of kinship, is the given name
            # ("с женой Мишель" in Charles Michel's years in office)
            woman = _kin_before(toks[m.field], i, spans[m.field])
            relative = _relative(m, people, article.entities, _paragraph_start(fields[m.field], m.start)) \
                if woman is not None else None
            if relative is not None and relative.id != ent.id:
                given = toks[m.field][i].lemma.title() if toks[m.field][i].text == m.text else m.text
                name_ru = f"{given} {gendered_surname(relative.name_ru.split()[-1], woman)}"
                name = name_en(name_ru, woman)
                new = article.entities.setdefault(f"e-per-{slug(transliterate(name))}", Entity(
                    id=f"e-per-{slug(transliterate(name))}", name=name, type="PER", name_ru=name_ru))
                repoint(m, new, article.entities, mentions)
            continue
        if ent is None or not _lone(ent) or i is None:
            continue
        given = ent.name_ru or ""
        prev = toks[m.field][i - 1] if i > 0 else None
        if prev is not None and prev.lemma in styles:
            name, name_ru = f"{styles[prev.lemma]} {ent.name}", f"{prev.lemma} {given}"
        else:
            woman = _kin_before(toks[m.field], i, spans[m.field])
            relative = _relative(m, people, article.entities, _paragraph_start(fields[m.field], m.start)) \
                if woman is not None else None
            if relative is None:
                continue
            t = toks[m.field][i]
            if woman and t.text == m.text and t.lemma[-1:] in ("а", "я") and t.lemma != t.text.lower() and \
                    t.feats.get("Case") not in (None, "Nom") and not any(
                    {"Fixd", "Name"} <= p.tag.grammemes for p in parses(t.text.lower())):
                # "Арзу" in the nominative, or a name that never declines, is Арзу
                given = t.lemma.title()  # "дочь … Даригу": a woman's name, whatever gender the tagger gave it
            name_ru = f"{given} {gendered_surname(relative.name_ru.split()[-1], woman)}"
            name = name_en(name_ru, woman)
        _rename(article, mentions, ent, Entity(id=f"e-per-{slug(transliterate(name))}", name=name, type="PER",
                                               name_ru=name_ru))


def _rename(article: Article, mentions: list[Mention], old: Entity, new: Entity) -> None:
    """Every mention of the lone given name goes to the full name (an entity of the article if it is one)."""
    target = article.entities.setdefault(new.id, new)
    for m in mentions:
        if m.entity_id == old.id:
            repoint(m, target, article.entities, mentions)
