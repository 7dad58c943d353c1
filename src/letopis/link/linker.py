"""Link: mentions corrected with the knowledge base, titles resolved to people, entities made."""
from __future__ import annotations

import itertools
import logging
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from rapidfuzz.distance import Levenshtein

from letopis.analyze.morph import fold, lemma, lemmas, parses, plain_key
from letopis.link.foreign import romanize
from letopis.link.kb import KBEntry, KnowledgeBase, slug
from letopis.link.names import org_nominative, person_nominative, tagged_nominative, transliterate
from letopis.link.ner_rules import fix_russian, lexicon
from letopis.model import Article, Entity, Mention, Sentence, Token

log = logging.getLogger(__name__)

PLURAL_RU = re.compile(r"(ы|ов|ам|ами|ах)$")


@lru_cache(maxsize=1)
def _titles() -> dict[str, list[tuple[re.Pattern, str]]]:
    """Title patterns by language, from lexicons/titles.yaml: (compiled pattern, role)."""
    raw = yaml.safe_load(resources.files("letopis.lexicons").joinpath("titles.yaml").read_text("utf-8"))
    return {lang: [(re.compile(r"(?<![\w-])(?:" + t["pattern"] + r")(?![\w-])"), t["role"]) for t in items]
            for lang, items in raw["titles"].items()}


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    raw = yaml.safe_load(resources.files("letopis.lexicons").joinpath("ner.yaml").read_text("utf-8"))
    return frozenset(raw.get("not_names") or ())


def _not_name(text: str) -> bool:
    """Digits, or a name of the data file's list of things that are no one (web counters, products)."""
    return bool(re.search(r"\d", text)) or text.strip() in _not_names()


@dataclass(slots=True)
class Link:
    mention: Mention
    entry: KBEntry | None


def gazetteer(sentences: list[Sentence], field: str, kb: KnowledgeBase, language: str) -> list[Link]:
    """Knowledge-base names found in token n-grams (lemma keys), longest first."""
    found: list[Link] = []
    for sent in sentences:
        toks = [t for t in sent.tokens]
        i = 0
        while i < len(toks):
            hit = None
            for n in range(min(6, len(toks) - i), 0, -1):
                span = toks[i:i + n]
                first = span[0].text
                if not (first[:1].isupper()) or span[-1].pos == "PUNCT":
                    continue
                text = sent.text[span[0].start - sent.start: span[-1].end - sent.start]
                if n == 1 and first in kb.by_abbr:
                    cands = kb.by_abbr[first]
                else:
                    keys = {" ".join(t.lemma for t in span), plain_key(text)}
                    cands = [e for k in keys for e in kb.by_key.get(k, [])]
                    if n == 1 and len(first) < 3:
                        cands = []
                alone = not (i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].pos == "PROPN") and not (
                    i + 1 < len(toks) and toks[i + 1].text[:1].isupper() and toks[i + 1].pos == "PROPN")
                if not cands and n == 1 and span[0].pos == "PROPN" and len(first) >= 4 and alone:
                    # "Путин подписал закон": a well-known surname the tagger missed
                    people = [e for e in kb.surname(first) if e.known_by_surname]
                    cands = people if len({e.id for e in people}) == 1 and people[0].type == "PER" else []
                if cands:
                    hit = (n, text, cands[0], span)
                    break
            if hit:
                n, text, entry, span = hit
                found.append(Link(Mention(field, span[0].start, span[-1].end, text, entry.type, via="kb"), entry))
                if entry.type == "ORG" and n > 1:  # "Конгресс США", "Голос Америки": the country inside
                    found.extend(_places_inside(sent, span[1:], field, kb))
                i += n
            else:
                i += 1
    return found


def _places_inside(sent: Sentence, toks: list, field: str, kb: KnowledgeBase) -> list[Link]:
    out = []
    for n in (2, 1):
        for i in range(len(toks) - n + 1):
            span = toks[i:i + n]
            if not span[0].text[:1].isupper() or any(_overlap(Mention(field, span[0].start, span[-1].end, "", ""),
                                                              lk.mention) for lk in out):
                continue
            text = sent.text[span[0].start - sent.start: span[-1].end - sent.start]
            cands = [e for e in (kb.by_abbr.get(text, []) if n == 1 else []) if e.type == "LOC"] or \
                [e for k in {" ".join(t.lemma for t in span), plain_key(text)} for e in kb.by_key.get(k, [])
                 if e.type == "LOC"]
            if cands:
                out.append(Link(Mention(field, span[0].start, span[-1].end, text, "LOC", via="kb-inside"), cands[0]))
    return out


def _overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def merge_mentions(ner: list[Mention], gaz: list[Link], text: str, kb: KnowledgeBase) -> list[Link]:
    """NER spans corrected by knowledge-base matches: the KB decides types and splits glued spans."""
    out: list[Link] = []
    used = set()
    for m in ner:
        if _not_name(m.text) or kb.outlet_name(m.text):
            continue
        before = text[max(0, m.start - 20): m.start]
        if m.type == "PER" and re.search(r"(©|[Фф]ото:?|Photo:?)[^.]*$", before):
            continue  # a photographer's credit, not a person in the story
        inside = [i for i, g in enumerate(gaz) if _overlap(g.mention, m)]
        if not inside:
            out.append(Link(m, None))
            continue
        if m.type == "ORG" and all(gaz[i].mention.type == "LOC" and m.start <= gaz[i].mention.start
                                   and gaz[i].mention.end <= m.end and (gaz[i].mention.start, gaz[i].mention.end)
                                   != (m.start, m.end) for i in inside):
            out.append(Link(m, None))  # "Конгресса США": the organisation, with the country inside it
            m.via = "ner+place"
            continue
        if m.type == "PER" and len(inside) == 1:  # "оператор Аль-Джазиры Сами аль-Хадж": the channel, then the man
            g = gaz[inside[0]].mention
            rest = text[g.end:m.end]
            if g.start == m.start and g.end < m.end and g.type != "PER" and re.match(r"\s+[А-ЯЁA-Z]\w", rest):
                start = g.end + len(rest) - len(rest.lstrip())
                out.append(Link(Mention(m.field, start, m.end, text[start:m.end], "PER"), None))
                continue
        if len(inside) == 1:
            g = gaz[inside[0]]
            contained = m.start <= g.mention.start and g.mention.end <= m.end
            extra = len(m.text.split()) - len(g.mention.text.split())
            if contained and g.entry and g.entry.type == m.type and (m.type != "PER" or extra <= 1):
                # "партии «Яблоко»" is Yabloko, named in full; but "Cory Booker Slams Joe Biden's" is a glued headline
                out.append(Link(m, g.entry))
                used.add(inside[0])
                continue
    for i, g in enumerate(gaz):
        if i not in used:
            out.append(g)
    # drop NER links overlapping a KB match that was kept on its own
    kept_kb = [lk for lk in out if lk.mention.via == "kb"]
    inside_kb = [lk for lk in out if lk.mention.via == "kb-inside"]
    result = [lk for lk in out if lk.mention.via in ("kb", "ner+place", "kb-inside")
              or not any(_overlap(lk.mention, k.mention) for k in [*kept_kb, *inside_kb])]
    result.sort(key=lambda lk: (lk.mention.field, lk.mention.start))
    return result


def resolve_person(m: Mention, kb: KnowledgeBase, date: str | None) -> KBEntry | None:
    """A PER mention to an office holder or other known person: by surname, checked by first name."""
    words = re.split(r"\s+", re.sub(r"[\s-](?:младш|старш)\w*$", "", m.text.strip()))  # "Буша-младшего"
    last = words[-1]
    cands = kb.surname(last)
    glued = not cands and "-" in last  # "Касым-Жомарт-Токаев": a first name glued on, which must then agree
    if glued:
        cands = kb.surname(last.split("-")[-1])
    if len(words) > 1 or glued:
        first = words[0] if len(words) > 1 else "-".join(last.split("-")[:-1])
        f = fold(first).rstrip(".")[:4]  # "Б. Обама": an initial checks the first letter
        cands = [c for c in cands if any(fold(n).startswith(f) for n in (c.ru, c.en, *c.aliases))]
    if len(words) == 1 and not glued:  # a surname alone: a well-known person, or one in office that day
        cands = [c for c in cands if c.known_by_surname or (date and any(r.holds_on(date) for r in c.roles))]
    if len(cands) > 1 and date:
        active = [c for c in cands if any(r.holds_on(date) for r in c.roles)]
        cands = active or cands
    return cands[0] if len(cands) >= 1 and len({c.id for c in cands}) == 1 else None


def home_country(article: Article, links: list[Link], kb: KnowledgeBase) -> str | None:
    """The country the outlet reports from: its own, the dateline's, or the most-named one."""
    c = kb.outlet_country(article.outlet)
    if c:
        return c
    if article.dateline and article.dateline.get("place"):
        for e in kb.find(article.dateline["place"], "LOC"):
            if e.country:
                return e.country
    m = re.search(r"[Пп]резидент\w* (\w+)|(\w+) President|President of (\w+)", article.text)
    if m:
        for e in kb.find(next(g for g in m.groups() if g), "LOC"):
            if e.kind == "country":
                return e.country
    counts = Counter(lk.entry.country for lk in links if lk.entry and lk.entry.kind == "country")
    return counts.most_common(1)[0][0] if counts else None


def title_links(article: Article, field: str, text: str, links: list[Link], kb: KnowledgeBase,
                home: str | None) -> list[Link]:
    """Mentions for titles standing for a person: `Глава государства` → the head of state on the date."""
    lang = article.language if article.language in _titles() else "ru"
    date = article.published[:10] if article.published else None
    named = {lk.entry.id: lk.entry for lk in links if lk.entry and lk.entry.type == "PER"}
    counts = Counter(lk.entry.id for lk in links if lk.entry and lk.entry.type == "PER")
    out: list[Link] = []
    for pattern, role in _titles()[lang]:
        for m in pattern.finditer(text):
            if any(_overlap(Mention(field, m.start(), m.end(), "", ""), lk.mention)
                   and not (lk.mention.type == "ORG" and m.start() < lk.mention.start)  # "Глава [правительства России]"
                   for lk in [*links, *out]):
                continue
            word = m.group(0).split()[0]
            if lang == "ru" and (PLURAL_RU.search(fold(word)) or re.search(r"государств\b|правительств\b", m.group(0))):
                continue
            tail = text[m.end(): m.end() + 60]
            head = text[max(0, m.start() - 40): m.start()]
            country = _title_country(tail, head, kb, lang)
            nxt = next((lk for lk in links if lk.mention.field == field and 0 <= lk.mention.start - m.end() <= 40
                        and lk.mention.type == "PER"), None)
            if nxt and re.fullmatch(r"(\s+|\s*(?:of|the|[A-ZА-ЯЁ][\w-]*)\s*)*", text[m.end(): nxt.mention.start]):
                continue  # apposition: "Президент Казахстана Касым-Жомарт Токаев" is one person, named
            if role == "first_president":  # the holder of that title there, else the country's first president
                where = country or home
                holders = kb.holders(role, where) + [e for e in kb.entries.values() if kb.held_ever(e, role, where)] \
                    if where else []
                person = holders[0] if holders else (kb.first_holder("head_of_state", where) if where else None)
            else:
                person = _role_holder(role, country or home, date, named, kb, counts)
            if person is None:
                continue
            end = m.end()
            if country and lang == "ru":
                cm = re.match(r"\s+((?:Республики |Российской )?[А-ЯЁ][\w-]+)", tail)
                end = m.end() + (cm.end() if cm else 0)
            mention = Mention(field, m.start(), end, text[m.start():end], "PER", via="role")
            out.append(Link(mention, person))
    return out


def _country_named(kb: KnowledgeBase, text: str) -> str | None:
    """The ISO code of the country `text` names, if it names one."""
    return next((e.country for e in kb.find(text, "LOC") if e.kind == "country"), None)


def _title_country(tail: str, head: str, kb: KnowledgeBase, lang: str) -> str | None:
    if lang == "ru":
        m = re.match(r"\s+((?:Республики |Российской )?[А-ЯЁ][\w-]+)", tail)
        if m and (code := _country_named(kb, m.group(1))):
            return code
        a = re.search(r"(\w+)\s+$", head)
        if a and (e := kb.adjective(a.group(1))) and e.kind == "country":
            return e.country
        if re.search(r"(нашего|нашей)\s*$", head) or tail.startswith(" нашего"):
            return None
    else:
        m = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w ]+?)(?=[\s,.]|$)", tail)
        if m and (code := _country_named(kb, m.group(1))):
            return code
        a = re.search(r"([A-Z]\w+)\s+$", head)
        if a and (code := _country_named(kb, a.group(1))):
            return code
    return None


def _role_holder(role: str, country: str | None, date: str | None, named: dict[str, KBEntry],
                 kb: KnowledgeBase, counts: Counter) -> KBEntry | None:
    if country is None:
        return None
    mentioned = [e for e in named.values() if kb.held_ever(e, role, country)]
    if date:
        on_date = [e for e in mentioned if any(r.role == role and r.country == country and r.holds_on(date) for r in e.roles)]
        if on_date:
            return on_date[0]
        holders = kb.holders(role, country, date)
        return holders[0] if holders else None
    # no date: a bare title names the latest of the holders the article mentions ("the President"
    # beside "the First President"); former holders come with "former" or "first", not the bare title
    def latest_start(e: KBEntry) -> str:
        return max(r.start for r in e.roles if r.role == role and r.country == country)
    ranked = sorted(mentioned, key=latest_start, reverse=True)
    return ranked[0] if ranked else None


def entity_for(link: Link, language: str | None, tokens: dict[tuple[str, int], Token] | None = None,
               heads: dict[tuple[str, int], Token] | None = None) -> Entity:
    """The article-independent entity of a link: from the KB, or made from the name itself."""
    e = link.entry
    if e is not None:
        return Entity(id=e.entity_id, name=e.en, type=e.type, name_ru=e.ru, wikidata=e.wikidata, country=e.country)
    m = link.mention
    if language == "ru":
        if m.type == "PER":
            words = _tagged_words(m, tokens or {}, heads or {})
            normal = tagged_nominative(words) if words else person_nominative(m.text)
        else:
            normal = org_nominative(m.text) if m.type == "ORG" else _loc_nominative(m.text)
        # an organisation the KB does not know keeps the name it is known by ("Совет Евромайдана", "МТБЮ"):
        # a transliteration of it ("Sovet Yevromaydana") is no one's name; a foreign person gets the
        # spelling of his own language back ("Эдвард Сноуден" → Edward Snowden); places and Russian
        # names are romanised
        if m.type == "ORG":
            english = normal
        elif m.type == "PER":
            english = romanize(normal) or transliterate(normal)
        else:
            english = transliterate(normal)
        name_ru = normal
    else:
        normal = english = re.sub(r"^(the|The)\s+", "", m.text.strip())
        name_ru = None
    key = transliterate(english) if language == "ru" else english
    return Entity(id=f"e-{m.type.lower()}-{slug(key)}", name=english, type=m.type, name_ru=name_ru)


def _adjective_links(sentences: list[Sentence], field: str, text: str, links: list[Link],
                     kb: KnowledgeBase) -> list[Link]:
    """Country and city adjectives are mentions of the place: "британской" → United Kingdom."""
    out = []
    for sent in sentences:
        for tok in sent.tokens:
            if tok.pos != "ADJ" or not tok.text[:1].isalpha():
                continue
            entry = kb.by_adj.get(tok.lemma)
            if entry is None or entry.type != "LOC":
                continue
            m = Mention(field, tok.start, tok.end, text[tok.start:tok.end], "LOC", via="adj")
            # inside organisation names too, and at the head of a longer place ("канадской провинции
            # Новая Шотландия"), but not as a word of the country's own name ("Российская Федерация")
            if not any(_overlap(m, lk.mention) and not (lk.mention.start <= m.start and m.end < lk.mention.end
                                                        and lk.entry is not entry)
                       for lk in links if lk.mention.type != "ORG"):
                out.append(Link(m, entry))
    return out


def _is_patronymic(word: str) -> bool:
    return bool(re.search(r"(вич|вн|ичн|ьич)[а-я]*$", word.lower())) and any(
        "Patr" in p.tag.grammemes for p in parses(word.lower()))


def _variant_of(a: Entity, b: Entity, spelled: set[str]) -> bool:
    """Person `a` is `b` under another spelling or a wrong normal form, in one article.

    A typo: the same first name and a surname one or two edits away ("Михаил Сааакашвили",
    "Гернстермайер" beside "Билл Герстенмайер"), but never a gendered pair ("Ямадаев"/"Ямадаева").
    A normal form the context could not decide: every word of `a` is a form of the word of `b`
    ("Веселина Топалова" is the genitive of "Веселин Топалов") and so is every way the text spells
    `a` (`spelled`): nothing shows `a` is somebody else.
    """
    wa, wb = fold(a.name_ru or "").split(), fold(b.name_ru or "").split()
    if not wa or not wb or len(wa) > len(wb) or (a.wikidata and b.wikidata):
        return False
    if len(wa) == 1 and len(wb) > 1 and wa[0] in _forms(wb[0]) | {wb[0]}:
        return True  # a first name alone ("по делу Сулима") that the article's full name begins with
    if len(wa) == 1:  # a lone surname that found no full name: compare it with b's surname only
        wb = wb[-1:]
    elif len(wa) != len(wb):
        return False
    if len(wa) == len(wb) and wa[:-1] == wb[:-1]:
        x, y = wa[-1], wb[-1]
        limit = 1 if len(y) < 9 else 2
        if len(x) >= 5 and not (x.startswith(y) or y.startswith(x)) and Levenshtein.distance(x, y) <= limit:
            return True
    if len(wa) < 2 or not spelled:
        return False
    return all(len(ws) == len(wb) and all(x == y or x in _forms(y) for x, y in zip(ws, wb))
               for ws in (s.split() for s in spelled))


@lru_cache(maxsize=20_000)
def _forms(word: str) -> frozenset[str]:
    """Every form of a first name or surname as pymorphy knows or guesses it (remembered: the
    article's names are compared pairwise, and a lexeme is slow to build)."""
    out: set[str] = set()
    for p in parses(word):
        if p.tag.grammemes & {"Name", "Surn"} and p.tag.case == "nomn" and p.tag.number == "sing":
            out.update(fold(f.word) for f in p.lexeme)
    return frozenset(out)


PLACE_PREPOSITION = re.compile(r"(?:^|\s)(?:[Вв]о?|[Нн]а|[Ии]з|[Дд]о|[Пп]од|[Сс]о?)\s+$")


def _people_taken_for_places(article: Article, mentions: list[Mention]) -> None:
    """A place or organisation the tagger made of a person this article names: "много сказали о
    Свиридове" after "Егор Свиридов", "играет Гата Камский" beside "• Гата Камский (США)". Only for
    names the knowledge base does not know and not after a place preposition ("в Кирове")."""
    people = [e for e in article.entities.values() if e.type == "PER" and e.name_ru and len(e.name_ru.split()) > 1]
    if not people:
        return
    text = {"title": article.title or "", "text": article.text}
    for m in mentions:
        ent = article.entities.get(m.entity_id or "")
        if m.type not in ("LOC", "ORG") or ent is None or ent.wikidata or not m.entity_id.startswith(("e-loc-", "e-org-")):
            continue
        if PLACE_PREPOSITION.search(text[m.field][max(0, m.start - 8):m.start]):
            continue
        words = fold(m.text).split()
        hits = {p.id: p for p in people
                if (len(words) == len(fold(p.name_ru or "").split())
                    and all(w == x or w in _forms(x) for w, x in zip(words, fold(p.name_ru or "").split())))
                or (len(words) == 1 and len(words[0]) > 3 and words[0] in _forms(fold(p.name_ru or "").split()[-1]))}
        if len(hits) != 1:
            continue
        person = hits.popitem()[1]
        old = m.entity_id
        m.type, m.entity_id, m.entity_name, m.normal = "PER", person.id, person.name, person.name_ru or person.name
        if m.text not in person.aliases:
            person.aliases.append(m.text)
        if not any(x.entity_id == old for x in mentions):
            article.entities.pop(old, None)


def _english_bodies(text: str, field: str, found: list[Mention], kb: KnowledgeBase) -> list[Mention]:
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


def _state_bodies(article: Article, kb: KnowledgeBase) -> None:
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
        if m.text not in target.aliases:
            target.aliases.append(m.text)
        old = m.entity_id
        m.entity_id, m.entity_name, m.normal = new_id, target.name, target.name_ru or target.name
        if not any(x.entity_id == old for x in article.mentions):
            article.entities.pop(old or "", None)


def _nominative_name(name: str) -> bool:
    """Every word can be a name in the nominative ("Сулим Ямадаев"), or pymorphy does not know it."""
    for word in fold(name).split():
        readings = parses(word)
        if any(p.is_known for p in readings) and not any(
                p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.grammemes & {"Name", "Surn", "Patr"}
                for p in readings):
            return False
    return True


def _merge_variants(article: Article, mentions: list[Mention]) -> None:
    """Join person entities of one article that are one person spelt or normalised two ways."""
    people = [e for e in article.entities.values() if e.type == "PER" and e.name_ru]
    if len(people) < 2:
        return
    count = Counter(m.entity_id for m in mentions)
    spelled: dict[str, set[str]] = {}
    for m in mentions:
        spelled.setdefault(m.entity_id or "", set()).add(fold(m.text))
    rank = {e.id: (e.wikidata is not None, _nominative_name(e.name_ru or ""), count[e.id], len(e.name_ru or ""))
            for e in people}
    into: dict[str, Entity] = {}
    for _ in range(2):  # twice: "Сулима" can join "Сулим Ямадаев" once "Сулимы Ямадаева" has
        for a in sorted(people, key=lambda e: rank[e.id]):  # the weaker spelling joins the stronger
            if a.wikidata or a.id in into:
                continue
            found = {b.id: b for b in people if b.id != a.id and b.id not in into and rank[b.id] >= rank[a.id]
                     and _variant_of(a, b, spelled.get(a.id, set()))}
            if len(found) == 1:
                into[a.id] = found.popitem()[1]
    for m in mentions:
        b = into.get(m.entity_id or "")
        if b is None:
            continue
        a = article.entities.pop(m.entity_id, None)
        if a is not None:
            b.aliases.extend(x for x in a.aliases if x not in b.aliases)
        m.entity_id, m.entity_name, m.normal = b.id, b.name, b.name_ru or b.name


def _latin_aliases(article: Article, mentions: list[Mention]) -> None:
    """A Latin person name in parentheses right after a Cyrillic one names the same person; an
    abbreviation in parentheses after an organisation's name is that organisation ("(APEC)")."""
    by_pos = sorted((m for m in mentions if m.type in ("PER", "ORG")), key=lambda m: (m.field, m.start))
    text = {"title": article.title or "", "text": article.text}
    for a, b in itertools.pairwise(by_pos):
        if a.field != b.field or a.type != b.type or a.entity_id == b.entity_id:
            continue
        latin = a.type == "PER" and re.search("[А-Яа-яЁё]", a.text) and not re.search("[А-Яа-яЁё]", b.text)
        abbreviation = a.type == "ORG" and b.text.isupper() and len(b.text) <= 8 and len(a.text.split()) > 1 and (
            article.entities.get(b.entity_id or "") is None or article.entities[b.entity_id].wikidata is None)
        if not (latin or abbreviation):
            continue
        if re.fullmatch(r"\s*\(\s*", text[a.field][a.end:b.start]):
            old = b.entity_id
            ent = article.entities[a.entity_id]
            if b.text not in ent.aliases:
                ent.aliases.append(b.text)
            b.entity_id, b.entity_name, b.normal = a.entity_id, a.entity_name, a.normal
            if old and old != a.entity_id and not any(m.entity_id == old for m in mentions):
                article.entities.pop(old, None)
            if latin and ent.wikidata is None and ent.id.startswith("e-per-") and len(b.text.split()) >= 2:
                # the text gives the person's own spelling: it beats a transliteration of the Russian one
                ent.name = " ".join(b.text.split())
                for m in mentions:
                    if m.entity_id == ent.id:
                        m.entity_name = ent.name


def _tagged_words(m: Mention, tokens: dict[tuple[str, int], Token],
                  heads: dict[tuple[str, int], Token]) -> list[tuple[str, dict[str, str]]] | None:
    """The mention's words with the tagger's features, or None when the tokens do not line up with it."""
    out = []
    pos = m.start
    for word in m.text.split():
        at = m.text.find(word, pos - m.start) + m.start
        tok = tokens.get((m.field, at))
        if tok is None or tok.text != word:
            return None
        out.append((word, tok.feats))
        pos = at + len(word)
    cases = {f.get("Case") for _, f in out if f.get("Case")}
    if len(out) > 1 and len(cases) > 1:
        # the tagger disagrees about one name's case: a title just before it decides ("генерал-лейтенанта
        # Аксары Кердпола"), else the surname's own reading ("Тору Камикава" is not a dative)
        before = max((t for (f, start), t in tokens.items() if f == m.field and t.end <= m.start),
                     key=lambda t: t.end, default=None)
        title = before.feats.get("Case") if before is not None and before.pos == "NOUN" and m.start - before.end <= 1 else None
        first_word, first = out[0]
        if title in cases:
            case = title
        elif first.get("Case") not in (None, "Nom") and first_word.lower().endswith(("ю", "ем", "ём", "ом", "ой", "ей")):
            case = first["Case"]  # "Бесселю Коку": an ending only an oblique case has
        else:
            case = out[-1][1].get("Case")
        out = [(w, {**f, "Case": case}) for w, f in out]
    head = heads.get((m.field, m.start))
    first = tokens.get((m.field, m.start))
    if (head is not None and first is not None and first.rel == "appos" and head.feats.get("Animacy") == "Anim"
            and head.feats.get("Case") not in (None, "Nom") and out[0][1].get("Case") == "Nom"
            and all(_readable_as(w, head.feats["Case"], head.feats.get("Gender")) for w, _ in out)):
        # a name in apposition takes its title's case and gender when its words allow them:
        # "нового Чемпиона мира — Веселина Топалова" is Веселин Топалов, not a woman
        out = [(w, {**f, "Case": head.feats["Case"], "Gender": head.feats.get("Gender", f.get("Gender", ""))}) for w, f in out]
    return out


def _readable_as(word: str, case: str, gender: str | None) -> bool:
    want = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.get(case)
    sex = {"Masc": "masc", "Fem": "femn"}.get(gender or "")
    return any(p.tag.case == want and p.tag.number == "sing" and (sex is None or p.tag.gender == sex)
               and p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses(word.lower()))


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
            found = [*found, *_english_bodies(text, field, found, kb)]
        links = merge_mentions(found, gaz, text, kb)
        if (article.language or "ru") == "ru":
            links.extend(_adjective_links(sentences, field, text, links, kb))
            links.sort(key=lambda lk: (lk.mention.field, lk.mention.start))
        all_links.extend(links)
    # a surname alone is the article's own full name before it is anybody in the knowledge base:
    # "Кана" beside "Оливер Кан" is the goalkeeper, whoever was prime minister that year
    surnames = {k for lk in all_links if lk.mention.type == "PER" and len(lk.mention.text.split()) > 1
                for k in lemmas(lk.mention.text.split()[-1]) | {fold(lk.mention.text.split()[-1])}}
    for lk in all_links:
        words = lk.mention.text.split()
        if lk.entry is None and lk.mention.type == "PER" and not (
                len(words) == 1 and (lemmas(words[0]) | {fold(words[0])}) & surnames):
            lk.entry = resolve_person(lk.mention, kb, date)
        if lk.entry is not None and lk.entry.type != lk.mention.type:
            lk.mention.type = lk.entry.type
    article.home_country = home_country(article, all_links, kb)
    for field, text in (("title", article.title or ""), ("text", article.text)):
        own = [lk for lk in all_links if lk.mention.field == field]
        all_links.extend(title_links(article, field, text, own, kb, article.home_country))
    # surname-only, first-name-only and "Имя Отчество" mentions join a full name in the same article;
    # a Latin spelling in parentheses is the person just named: "Джошуа Вольфа (Joshua Wolf)"
    full: dict[str, Entity] = {}
    firsts: dict[str, set[str]] = {}
    by_id: dict[str, Entity] = {}
    mentions: list[Mention] = []
    tokens = {(f, t.start): t for f, sents in (("title", article.title_sentences), ("text", article.sentences))
              for s in sents for t in s.tokens}
    heads = {(f, t.start): s.tokens[t.head] for f, sents in (("title", article.title_sentences), ("text", article.sentences))
             for s in sents for t in s.tokens if 0 <= t.head < len(s.tokens)}
    ordered = sorted(all_links, key=lambda lk: (-len(lk.mention.text.split()), lk.mention.start))
    made = []
    for lk in ordered:
        ent = entity_for(lk, article.language, tokens, heads)
        if lk.entry is None and lk.mention.type == "PER" and ent.name_ru:  # "Ким Чен Ына" → Ким Чен Ын
            cands = kb.find(ent.name_ru, "PER")
            if len(cands) == 1:
                lk.entry = cands[0]
                ent = entity_for(lk, article.language, tokens, heads)
        made.append(ent)

    def is_full(lk: Link) -> bool:
        words = lk.mention.text.split()
        return (len(words) > 1 and not _is_patronymic(words[-1]) and not re.fullmatch(r"[А-ЯЁA-Z]\.", words[0])
                and lk.mention.via != "role")

    def gender(lk: Link, word: int) -> str | None:
        tok = tokens.get((lk.mention.field, lk.mention.start if word == 0 else lk.mention.end - len(lk.mention.text.split()[-1])))
        return tok.feats.get("Gender") if tok is not None else None

    for lk, ent in zip(ordered, made):  # full names first, wherever they stand in the text
        if lk.mention.type == "PER" and is_full(lk):
            words = lk.mention.text.split()
            by_id.setdefault(ent.id, ent)
            for k in lemmas(words[-1]) | {fold(words[-1])}:
                if all(e.id != ent.id for e, _ in full.setdefault(k, [])):
                    full[k].append((ent, gender(lk, 0)))
            for k in lemmas(words[0]) | {fold(words[0])}:
                firsts.setdefault(k, set()).add(ent.id)
    for lk, ent in zip(ordered, made):
        words = lk.mention.text.split()
        if lk.mention.type == "PER" and lk.mention.via != "role" and not is_full(lk) and lk.entry is None:
            keys = lemmas(words[-1]) | {fold(words[-1])}
            cands = [c for k in sorted(keys) for c in full.get(k, [])]  # sorted: the same choice on every run
            # a surname shared by a husband and a wife: "Бут рассказала" is Алла Бут, not Виктор Бут
            own = gender(lk, -1)
            alt = next((e for e, g in cands if g == own), cands[0][0] if cands else None)
            if alt is None:  # "Михаэль", "Борис Николаевич": a first name shared with one full name
                ids = set().union(*(firsts.get(k, set()) for k in lemmas(words[0]) | {fold(words[0])}))
                if len(ids) == 1 and (len(words) == 1 or _is_patronymic(words[-1])):
                    alt = by_id[ids.pop()]
            ent = alt or ent
        known = article.entities.get(ent.id)
        if known is None:
            article.entities[ent.id] = ent
            known = ent
        if lk.mention.text not in known.aliases:
            known.aliases.append(lk.mention.text)
        lk.mention.entity_id = known.id
        lk.mention.entity_name = known.name
        lk.mention.normal = known.name_ru or known.name
        mentions.append(lk.mention)
    _merge_variants(article, mentions)
    _people_taken_for_places(article, mentions)
    _latin_aliases(article, mentions)
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: -(m.end - m.start)):  # overlapping spans: the longer one stays
        if not any(k.field == m.field and _overlap(k, m) and not _nested_place(m, k) for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: (m.field != "title", m.start))
    article.mentions = kept
    _state_bodies(article, kb)
