"""Link: mentions corrected with the knowledge base, titles resolved to people, entities made.

`link_article` runs the steps, each in its own module: names the knowledge base knows
(`gazetteer`), persons (`persons`), titles and roles (`titles`), state bodies (`state_bodies`);
here remain the entity a link stands for (`entity_for`) and which of overlapping mentions stay."""
from __future__ import annotations

import re

from letopis.analyze.morph import fold, lemma, lemmas
from letopis.link.foreign import given_origin, romanize, ukrainian_given
from letopis.link.gazetteer import adjective_links, gazetteer, merge_mentions
from letopis.link.kb import KBEntry, KnowledgeBase, slug
from letopis.link.mentions import Link, Spans, longer_surname, repoint
from letopis.link.names import org_nominative, person_nominative, tagged_nominative, transliterate
from letopis.link.ner_rules import fix_russian
from letopis.link.originals import defined_abbreviations, latin_originals
from letopis.link.persons import (
    GLUED_INITIAL,
    is_patronymic,
    join_full_names,
    latin_aliases,
    merge_short_forms,
    merge_variants,
    name_words,
    people_taken_for_places,
    resolve_person,
    split_owner_surname,
    tagged_words,
)
from letopis.link.relatives import name_relatives
from letopis.link.state_bodies import english_bodies, resolve_state_bodies
from letopis.link.titles import home_country, title_links
from letopis.model import Article, Entity, Mention, Token

# the public entry points, importable from here as before the split into modules
__all__ = ["Link", "entity_for", "gazetteer", "home_country", "link_article", "merge_mentions", "resolve_person",
           "title_links"]


def _own_spelling(e, m, language: str | None, tokens, heads) -> str:
    """The Russian name of a known person as the text spells it, when that is one of his accepted spellings
    ("Беньямин Нетаньяху" where the KB writes "Биньямин"); else the KB's."""
    if language != "ru" or e.type != "PER" or len(m.text.split()) < 2:
        return e.ru
    words = tagged_words(m, tokens or {}, heads or {})
    normal = tagged_nominative(words) if words else person_nominative(m.text)
    return next((a for a in e.aliases if fold(a) == fold(normal) and fold(a) != fold(e.ru)), e.ru)


def entity_for(link: Link, language: str | None, tokens: dict[tuple[str, int], Token] | None = None,
               heads: dict[tuple[str, int], Token] | None = None, kb: KnowledgeBase | None = None) -> Entity:
    """The article-independent entity of a link: from the KB, or made from the name itself."""
    e = link.entry
    m = link.mention
    if e is not None:
        return Entity(id=e.entity_id, name=e.en, type=e.type, name_ru=_own_spelling(e, m, language, tokens, heads),
                      wikidata=e.wikidata, country=e.country)
    if language == "ru":
        if m.type == "PER" and GLUED_INITIAL.match(m.text):  # "М.Ахмадинежадом": the initial apart, the name declined
            normal = person_nominative(" ".join(name_words(m.text)))
        elif m.type == "PER":
            words = tagged_words(m, tokens or {}, heads or {})
            normal = tagged_nominative(words) if words else person_nominative(m.text)
        else:
            normal = org_nominative(m.text) if m.type == "ORG" else _loc_nominative(m.text)
            normal = _without_descriptor(normal, m.type)
        # an organisation the KB does not know keeps the name it is known by ("Совет Евромайдана", "МТБЮ"):
        # a transliteration of it ("Sovet Yevromaydana") is no one's name; a foreign person gets the
        # spelling of his own language back ("Эдвард Сноуден" → Edward Snowden); places and Russian
        # names are romanised
        if m.type == "ORG":
            english = normal
        elif m.type == "PER":
            words = normal.split()
            if len(words) == 3 and is_patronymic(words[1]):
                normal_en = f"{words[0]} {words[2]}"  # readers know "Aydar Gubaydulin", not his patronymic
            else:
                normal_en = normal
            normal_en, generation = _generation(normal_en)
            english = person_english(normal_en, kb) + generation  # the tagger's gender is no sure sign
        else:
            english = transliterate(normal)
        name_ru = normal
    else:
        normal = english = re.sub(r"^(the|The)\s+", "", m.text.strip())
        name_ru = None
    key = transliterate(english) if language == "ru" else english
    return Entity(id=f"e-{m.type.lower()}-{slug(key)}", name=english, type=m.type, name_ru=name_ru)


# "Джон Хантсман-младший", "Буша-старшего": the generation is the English suffix, not a part of the surname
GENERATION = re.compile(r"[\s-](младш|старш)\w*$")
GENERATION_EN = {"младш": " Jr.", "старш": " Sr."}


def _generation(name: str) -> tuple[str, str]:
    """The name without "-младший"/"-старший" and the English suffix it stands for."""
    found = GENERATION.search(name)
    if not found or len(name[: found.start()].split()) < 2:
        return name, ""
    return name[: found.start()], GENERATION_EN[found.group(1)]


def person_english(name: str, kb: KnowledgeBase | None, woman: bool = False) -> str:
    """The English name of a person named in Russian: the family's known spelling, the own spelling of a
    foreign name, or the standard romanisation."""
    return _family_spelling(name, kb, woman) or romanize(name, woman) or press_romanization(name)


# BGN's -iy and -yy at a word's end (-ий, -ый), and its yy of й before я, ю, е, ё between vowels
# ("Майя" Mayya): the English press writes a single y
PRESS_ENDING = re.compile(r"(?<=\w)(?:iy|yy)\b")
PRESS_DOUBLE_Y = re.compile(r"(?<=[aeiou])yy(?=[aeiou])")


def press_romanization(name: str) -> str:
    """A person's name as the English press writes it when no foreign spelling is found: BGN/PCGN, with
    -ий and -ый at a word's end as -y ("Дмитрий Каминский" Dmitry Kaminsky, "Навальный" Navalny), as in
    the knowledge base, and one y for BGN's two ("Майя" Maya, "Исайяс" Isayas)."""
    return PRESS_DOUBLE_Y.sub("y", PRESS_ENDING.sub("y", transliterate(name)))


def _family_spelling(name: str, kb: KnowledgeBase | None, woman: bool = False) -> str | None:
    """A foreign surname the knowledge base spells for a known person is spelt so for his family too
    ("Иванка Трамп" is Ivanka Trump, "Мишель Обама" Michelle Obama); the given name is read as usual."""
    words = name.split()
    if kb is None or len(words) < 2:
        return None
    surname = words[-1]
    known = [e for e in kb.surname(surname) if e.type == "PER" and e.ru and fold(e.ru.split()[-1]) == fold(surname)
             and e.en and re.fullmatch(r"[A-Z][\w'-]+", e.en.split()[-1])
             and len(e.en.split()) == len(e.ru.split())]  # "Ли Ён Хо" is Ri Yong-ho: "Хо" is no "Yong-ho"
    known = [e for e in known if not _other_origin(words[0], e)]
    spelt = {e.en.split()[-1] for e in known}
    if len(spelt) != 1 or re.search(r"(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|ына|ская|цкая)$", surname.lower()):
        return None  # a Russian-form surname declines by gender and has a romanisation of its own
    given = " ".join(words[:-1])
    whole = romanize(name, woman)
    given_en = whole.rsplit(" ", 1)[0] if whole else (romanize(given, woman) or transliterate(given))
    if {e.country for e in known} == {"UKR"}:  # a known Ukrainian's family spells given names the Ukrainian way
        given_en = " ".join(ukrainian_given().get(w, given_en if len(words) == 2 else transliterate(w))
                            for w in words[:-1])
    return f"{given_en} {spelt.pop()}"


def _other_origin(given: str, known: KBEntry) -> bool:
    """The given name comes from another language than the known person's: a namesake, not his family
    ("Джаред Кушнер" is no kin of Bernard Kouchner)."""
    own = given_origin(given)
    theirs = given_origin(known.ru.split()[0]) if known.ru and len(known.ru.split()) > 1 else None
    return own is not None and theirs is not None and own != theirs


def _without_descriptor(name: str, kind: str) -> str:
    """A name without the kind of thing its span opens with: "партия Движение за социал-демократию" is
    Движение за социал-демократию, "город Даммартен-ан-Гоэль" is Даммартен-ан-Гоэль, "чешская компания CEZ" is
    CEZ (the span keeps them; they are no part of the name)."""
    from letopis.link.ner_rules import lexicon as ner_lexicon

    kinds = ner_lexicon().descriptors.get(kind, frozenset())
    words = name.split()
    for i, w in enumerate(words[:3]):
        if not w[:1].islower():
            return name
        if lemma(w) in kinds and i + 1 < len(words) and (words[i + 1][:1].isupper() or words[i + 1][:1] in "«\"“"):
            rest = " ".join(words[i + 1:]).strip("«»\"“”")
            return rest or name
    return name


def _nested_place(inner: Mention, outer: Mention) -> bool:
    """A country or city inside an organisation's name is a mention of its own ("Конгресса США")."""
    return ((inner.type == "LOC" and (outer.type == "ORG" or outer.via == "role" or inner.via == "adj")
             or inner.type == "ORG" and outer.via == "role")  # "Глава правительства России": the body stays
            and outer.start <= inner.start and inner.end <= outer.end)


def _loc_nominative(text: str) -> str:
    words = text.split()
    if len(words) == 1 and re.search("[а-яё]", text.lower()):
        lem = lemma(text)
        return "-".join(p[:1].upper() + p[1:] for p in lem.split("-"))
    return org_nominative(text)


def link_article(article: Article, kb: KnowledgeBase, ner: dict[str, list[Mention]]) -> None:
    """Set the article's mentions (with entity ids and names) and its entities."""
    date = article.published[:10] if article.published else None
    all_links: list[Link] = []
    for field, sentences, text in (("title", article.title_sentences, article.title or ""), ("text", article.sentences, article.text)):
        gaz = gazetteer(sentences, field, kb, article.language or "ru")
        found = ner.get(field, [])
        if (article.language or "ru") == "ru":
            places = {(g.mention.start, g.mention.end) for g in gaz if g.mention.type == "LOC"}
            found = fix_russian(found, sentences, text, field, places, frozenset(kb.by_adj))
        if article.language == "en":
            found = [*found, *english_bodies(text, field, found, kb)]
        links = merge_mentions(found, gaz, text, kb)
        if (article.language or "ru") == "ru":
            links.extend(adjective_links(sentences, field, text, links, kb))
            links.sort(key=lambda lk: (lk.mention.field, lk.mention.start))
        all_links.extend(links)
    all_links = split_owner_surname(all_links)
    # a surname alone is the article's own full name before it is anybody in the knowledge base:
    # "Кана" beside "Оливер Кан" is the goalkeeper, whoever was prime minister that year
    surnames = {k for lk in all_links if lk.mention.type == "PER" and len(lk.mention.text.split()) > 1
                for k in lemmas(lk.mention.text.split()[-1]) | {fold(lk.mention.text.split()[-1])}}
    countries = frozenset(lk.entry.country for lk in all_links if lk.entry is not None and lk.entry.country)
    for lk in all_links:
        words = lk.mention.text.split()
        if lk.entry is None and lk.mention.type == "PER" and not (
                len(words) == 1 and (lemmas(words[0]) | {fold(words[0])}) & surnames):
            lk.entry = resolve_person(lk.mention, kb, date, countries)
        if lk.entry is not None and lk.entry.type != lk.mention.type:
            lk.mention.type = lk.entry.type
    article.home_country = home_country(article, all_links, kb)
    named = list(all_links)
    for field, text in (("title", article.title or ""), ("text", article.text)):
        own = [lk for lk in all_links if lk.mention.field == field]
        others = [lk for lk in named if lk.mention.field != field]
        all_links.extend(title_links(article, field, text, own, kb, article.home_country, others))
    # surname-only, first-name-only and "Имя Отчество" mentions join a full name in the same article;
    # a Latin spelling in parentheses is the person just named: "Джошуа Вольфа (Joshua Wolf)", and the
    # English name of the place or organisation just named: "Даммартен-ан-Гоэль (Dammartin-en-Goële)"
    mentions: list[Mention] = []
    tokens = {(f, t.start): t for f, sents in (("title", article.title_sentences), ("text", article.sentences))
              for s in sents for t in s.tokens}
    heads = {(f, t.start): s.tokens[t.head] for f, sents in (("title", article.title_sentences), ("text", article.sentences))
             for s in sents for t in s.tokens if 0 <= t.head < len(s.tokens)}
    ordered = sorted(all_links, key=lambda lk: (-len(lk.mention.text.split()), lk.mention.start))
    made = []
    for lk in ordered:
        ent = entity_for(lk, article.language, tokens, heads, kb)
        if lk.entry is None and lk.mention.type == "PER" and ent.name_ru:  # "Ким Чен Ына" → Ким Чен Ын
            cands = [c for c in kb.find(ent.name_ru, "PER") if not longer_surname(ent.name_ru.split()[-1], c)]
            if len(cands) == 1:
                lk.entry = cands[0]
                ent = entity_for(lk, article.language, tokens, heads, kb)
        made.append(ent)
    for lk, ent in zip(ordered, join_full_names(ordered, made, tokens)):
        known = article.entities.get(ent.id)
        if known is None:
            article.entities[ent.id] = ent
            known = ent
        repoint(lk.mention, known)
        mentions.append(lk.mention)
    merge_variants(article, mentions)
    merge_short_forms(article, mentions)
    name_relatives(article, mentions, lambda name, woman: person_english(name, kb, woman))
    people_taken_for_places(article, mentions)
    latin_aliases(article, mentions)
    latin_originals(article, mentions)
    kept: list[Mention] = []
    by_field: dict[str, Spans] = {}
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):  # overlapping spans: the longer one stays
        here = by_field.setdefault(m.field, Spans())
        if not any(not _nested_place(m, k) for k in here.overlapping(m.start, m.end)):
            kept.append(m)
            here.add(m)
    kept.sort(key=lambda m: (m.field != "title", m.start))
    article.mentions = kept
    resolve_state_bodies(article, kb)
    defined_abbreviations(article, article.mentions)
