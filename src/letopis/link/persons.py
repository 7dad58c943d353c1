"""Persons: which entity a person mention is, and in what form its name stands.

A name to a known person by surname, checked by first name and office on the date
(`resolve_person`); a surname or first name alone joins the article's full name
(`join_full_names`); one person spelt or normalised two ways becomes one entity (`merge_variants`);
a Latin spelling in parentheses is the person just named (`latin_aliases`); a "place" that is a
person of the article goes back to the person (`people_taken_for_places`); the words of a name with
the case the tagger and its title give them (`tagged_words`)."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Levenshtein

from letopis.analyze.morph import fold, lemmas, parses
from letopis.link.kb import KBEntry, KnowledgeBase
from letopis.link.mentions import Link, longer_surname, repoint
from letopis.model import Article, Entity, Mention, Token
from letopis.yaml_data import load_yaml

GLUED_INITIAL = re.compile(r"^([А-ЯЁA-Z](?:ж|ш|ч|h)?)\.(?=[А-ЯЁA-Z][а-яёa-z])")  # "Дж.Коми" too

HEADS = frozenset({"head_of_state", "head_of_government"})  # the roles of heads of state and of government


def name_words(text: str) -> list[str]:
    """The words of a person's name, an initial glued to the surname set apart ("А.Кудрина" → А., Кудрина)."""
    return GLUED_INITIAL.sub(r"\1. ", text.strip()).split()


def resolve_person(m: Mention, kb: KnowledgeBase, date: str | None, countries: frozenset[str] | None = None
                   ) -> KBEntry | None:
    """A PER mention to an office holder or other known person: by surname, checked by first name. A surname
    alone names one known only by his office when the article names his country (`countries`): "Иванов" is
    no president of North Macedonia in a text about Russia."""
    words = name_words(re.sub(r"[\s-](?:младш|старш)\w*$", "", m.text.strip()))  # "Буша-младшего"
    last = words[-1]
    cands = kb.surname(last)
    glued = not cands and "-" in last  # "Касым-Жомарт-Токаев": a first name glued on, which must then agree
    if glued:
        cands = kb.surname(last.split("-")[-1])
    if len(words) > 1 or glued:
        first = words[0] if len(words) > 1 else "-".join(last.split("-")[:-1])
        f = fold(first).rstrip(".")[:4]  # "Б. Обама": an initial checks the first letter
        cands = [c for c in cands if any(fold(n).startswith(f) for n in (c.ru, c.en, *c.aliases))]
    cands = [c for c in cands if not longer_surname(last, c)]
    if len(words) == 1 and not glued:  # a surname alone: a well-known person, or one in office that day
        named = lambda c: countries is None or c.country in countries or any(r.country in countries for r in c.roles)
        alone = [c for c in cands if c.known_by_surname or (date and any(r.holds_on(date) for r in c.roles)
                                                             and named(c))]
        # or a past head of state or government of a country the article names, the only one of that
        # surname ("До него самым долгоживущим президентом был Рейган")
        cands = alone or [c for c in cands if countries and any(r.role in HEADS and r.country in countries
                                                                for r in c.roles)]
    if len(cands) > 1 and date:
        active = [c for c in cands if any(r.holds_on(date) for r in c.roles)]
        cands = active or cands
    return cands[0] if len(cands) >= 1 and len({c.id for c in cands}) == 1 else None


def is_patronymic(word: str) -> bool:
    """A word that reads as a patronymic ("Петрович", "Сергеевна"); a -вич surname reads so too ("Карпович")."""
    return bool(re.search(r"(вич|вн|ичн|ьич)[а-я]*$", word.lower())) and any(
        "Patr" in p.tag.grammemes for p in parses(word.lower()))


def name_keys(word: str) -> set[str]:
    """The keys a name word is compared by: its lemmas and its folded spelling."""
    return lemmas(word) | {fold(word)}


def words_used_alone(links: list[Link]) -> set[str]:
    """The keys of the one-word person names of an article ("Карповича задержали")."""
    return {k for lk in links if lk.mention.type == "PER" and lk.mention.via != "role"
            and len(name_words(lk.mention.text)) == 1 for k in name_keys(lk.mention.text.strip())}


def patronymic_of_name(words: list[str], alone: set[str]) -> bool:
    """The last of two or more name words is a patronymic: it reads as one and the article never uses
    it alone. A patronymic never stands alone in the news, so "Олег Карпович" beside "Карпович
    отказался" is a given name and a -вич surname (Belarusian, Serbian, Polish), not "Имя Отчество"."""
    return is_patronymic(words[-1]) and not (name_keys(words[-1]) & alone)


def split_owner_surname(links: list[Link]) -> list[Link]:
    """A person's span that opens with another person's surname in an oblique case is two mentions:
    "спикеру правительства Хатоямы Хирофуми Хирано" beside "Юкио Хатояма" is Хатояма's government and
    Хирофуми Хирано. Only for three words or more, the first in another form than the surname's own
    and that surname the last word of a full name the article gives elsewhere."""
    surnames: dict[str, str] = {}
    for lk in links:
        words = name_words(lk.mention.text)
        if lk.mention.type == "PER" and lk.mention.via != "role" and len(words) == 2:
            surnames.update({k: fold(words[-1]) for k in name_keys(words[-1])})
    out = []
    for lk in links:
        m = lk.mention
        words = m.text.split()
        first = words[0] if words else ""
        own = surnames.get(next((k for k in sorted(name_keys(first)) if k in surnames), ""), None) \
            if m.type == "PER" and lk.entry is None and len(words) >= 3 else None
        if own is None or fold(first) == own:
            out.append(lk)
            continue
        rest = m.start + m.text.index(words[1], len(first))
        out.append(Link(Mention(m.field, m.start, m.start + len(first), first, "PER", via=m.via), None))
        out.append(Link(Mention(m.field, rest, m.end, m.text[rest - m.start:], "PER", via=m.via), None))
    return out


def join_full_names(ordered: list[Link], made: list[Entity], tokens: dict[tuple[str, int], Token]) -> list[Entity]:
    """The entity of each link (`made[i]` is the one `ordered[i]` makes alone) once a surname-only,
    first-name-only or "Имя Отчество" mention that the knowledge base does not know joins a full name
    of the same article; of a surname shared by two full names, the one of the mention's gender."""
    full: dict[str, Entity] = {}
    firsts: dict[str, set[str]] = {}
    by_id: dict[str, Entity] = {}
    alone = words_used_alone(ordered)

    def is_full(lk: Link) -> bool:
        words = name_words(lk.mention.text)
        return (len(words) > 1 and not patronymic_of_name(words, alone) and not re.fullmatch(r"[А-ЯЁA-Z]\.", words[0])
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
    out = []
    for lk, ent in zip(ordered, made):
        words = name_words(lk.mention.text)
        if lk.mention.type == "PER" and lk.mention.via != "role" and not is_full(lk) and lk.entry is None:
            keys = lemmas(words[-1]) | {fold(words[-1])}
            cands = [c for k in sorted(keys) for c in full.get(k, [])]  # sorted: the same choice on every run
            # a surname shared by a husband and a wife: "Бут рассказала" is Алла Бут, not Виктор Бут
            own = gender(lk, -1)
            alt = next((e for e, g in cands if g == own), cands[0][0] if cands else None)
            if alt is None:  # "Михаэль", "Борис Николаевич": a first name shared with one full name
                ids = set().union(*(firsts.get(k, set()) for k in lemmas(words[0]) | {fold(words[0])}))
                if len(ids) == 1 and (len(words) == 1 or patronymic_of_name(words, alone)):
                    alt = by_id[ids.pop()]
            ent = alt or ent
        out.append(ent)
    return out


def _variant_of(a: Entity, b: Entity, spelled: set[str]) -> bool:
    """Person `a` is `b` under another spelling or a wrong normal form, in one article.

    A typo: the same first name and a surname one or two edits away ("Михаил Сааакашвили",
    "Гернстермайер" beside "Билл Герстенмайер"), but never a gendered pair ("Ямадаев"/"Ямадаева").
    A normal form the context could not decide: every word of `a` is a form of the word of `b`
    ("Веселина Топалова" is the genitive of "Веселин Топалов") and so is every way the text spells
    `a` (`spelled`): nothing shows `a` is somebody else.
    """
    wa, wb = fold(a.name_ru or "").split(), fold(b.name_ru or "").split()
    if not wa or not wb or (a.wikidata and b.wikidata):
        return False
    ua, ub = _without_patronymic(wa), _without_patronymic(wb)
    if len(ua) == len(ub) == 2 and ua[1] == ub[1] and _ukrainian_form(ua[0], ub[0]):
        return True  # "Володимир Борисович Гройсман", the Ukrainian spelling, beside "Владимир Гройсман"
    if len(wa) > len(wb):
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
    if len(wa) == len(wb) >= 2 and wa[1:] == wb[1:] and _same_stem(wa[0], wb[0]):
        return True  # a first name pymorphy does not know, in two cases: "Нааму Иссахар", "Наама Иссахар"
    if len(wa) < 2 or not spelled:
        return False
    return all(len(ws) == len(wb) and all(x == y or x in _forms(y) for x, y in zip(ws, wb))
               for ws in (s.split() for s in spelled))


def _without_patronymic(words: list[str]) -> list[str]:
    return [words[0], words[2]] if len(words) == 3 and is_patronymic(words[1]) else words


@lru_cache(maxsize=1)
def _ukrainian_latin() -> dict[str, str]:
    from letopis.link.foreign import ukrainian_given

    return {fold(k): v for k, v in ukrainian_given().items()}


def _ukrainian_form(x: str, y: str) -> bool:
    """Given name `x` is the Ukrainian spelling of the Russian `y` ("володимир" of "владимир", "олександр"
    of "александр"): `x` read letter by letter is the Ukrainian romanisation of `y` (y and i alike)."""
    from letopis.link.names import transliterate

    if x == y:
        return False
    latin = _ukrainian_latin().get(y)
    return latin is not None and fold(transliterate(x)).replace("y", "i") == fold(latin).replace("y", "i")


OBLIQUE_ENDINGS = ("у", "ю", "ой", "ом", "ем", "е", "ы", "и")
NOMINATIVE_ENDINGS = ("а", "я", "")


def _same_stem(x: str, y: str) -> bool:
    """Two spellings of one unknown first name: a stem of three letters or more and a case ending each."""
    if x == y or any(p.is_known for w in (x, y) for p in parses(w)[:1]):
        return False
    for a, b in ((x, y), (y, x)):
        for end in OBLIQUE_ENDINGS:
            for nom in NOMINATIVE_ENDINGS:
                stem = a[: len(a) - len(end)]
                if a.endswith(end) and len(stem) >= 3 and b == stem + nom:
                    return True
    return False


def _oblique_first_name(name: str) -> bool:
    """A first name pymorphy does not know, ending as only an oblique case does ("Нааму", "Яффой")."""
    words = fold(name).split()
    return len(words) > 1 and not any(p.is_known for p in parses(words[0])[:1]) and \
        words[0].endswith(("у", "ю", "ой", "ом", "ем"))


@lru_cache(maxsize=20_000)
def _forms(word: str) -> frozenset[str]:
    """Every form of a first name or surname as pymorphy knows or guesses it (remembered: the
    article's names are compared pairwise, and a lexeme is slow to build)."""
    out: set[str] = set()
    for p in parses(word):
        if p.tag.grammemes & {"Name", "Surn"} and p.tag.case == "nomn" and p.tag.number == "sing":
            out.update(fold(f.word) for f in p.lexeme)
    return frozenset(out)


def _nominative_name(name: str) -> bool:
    """Every word can be a name in the nominative ("Сулим Ямадаев"), or pymorphy does not know it."""
    for word in fold(name).split():
        readings = parses(word)
        if any(p.is_known for p in readings) and not any(
                p.tag.case == "nomn" and p.tag.number == "sing" and p.tag.grammemes & {"Name", "Surn", "Patr"}
                for p in readings):
            return False
    return True


def merge_variants(article: Article, mentions: list[Mention]) -> None:
    """Join person entities of one article that are one person spelt or normalised two ways."""
    people = [e for e in article.entities.values() if e.type == "PER" and e.name_ru]
    if len(people) < 2:
        return
    count = Counter(m.entity_id for m in mentions)
    spelled: dict[str, set[str]] = {}
    for m in mentions:
        spelled.setdefault(m.entity_id or "", set()).add(fold(m.text))
    rank = {e.id: (e.wikidata is not None, not e.id.startswith("e-per-"),  # a knowledge-base person first
                   _nominative_name(e.name_ru or "") and not _oblique_first_name(e.name_ru or ""),
                   count[e.id], len(e.name_ru or ""))
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
        repoint(m, b, article.entities, absorb=True)


@lru_cache(maxsize=1)
def _short_forms() -> dict[str, frozenset[str]]:
    """Each short form of a given name (folded) to the full names it stands for, from the
    `short_forms` section of lexicons/given_names.yaml ("joe" → {"joseph"})."""
    raw = load_yaml(resources.files("letopis.lexicons").joinpath("given_names.yaml").read_text("utf-8"))
    out: dict[str, set[str]] = {}
    for full, shorts in (raw.get("short_forms") or {}).items():
        for short in str(shorts).split("|"):
            out.setdefault(fold(short.strip()), set()).add(fold(str(full)))
    return {k: frozenset(v) for k, v in out.items()}


def _short_form_of(a: Entity, b: Entity) -> bool:
    """`a` is `b` named by a short form of his given name: the rest of the names is the same and
    a's given name is one of the short forms of b's ("Joe Arpaio" of "Joseph Arpaio")."""
    for x, y in ((a.name, b.name), (a.name_ru, b.name_ru)):
        wa, wb = fold(x or "").split(), fold(y or "").split()
        if len(wa) >= 2 and len(wa) == len(wb) and wa[1:] == wb[1:] and wb[0] in _short_forms().get(wa[0], ()):
            return True
    return False


def merge_short_forms(article: Article, mentions: list[Mention]) -> None:
    """Join a person named by a short form of his given name to the same surname with the full form
    ("Джо Арпайо" and "Джозефа Арпайо" are one person): the entity takes the full form, or the one the
    knowledge base knows."""
    people = [e for e in article.entities.values() if e.type == "PER" and (e.name or e.name_ru)]
    into: dict[str, Entity] = {}
    for a in people:
        fulls = [b for b in people if b.id != a.id and _short_form_of(a, b) and not (a.wikidata and b.wikidata)]
        if len(fulls) != 1:
            continue
        short, full = (fulls[0], a) if a.wikidata and not fulls[0].wikidata else (a, fulls[0])
        if full.id not in into:
            into[short.id] = full
    for m in mentions:
        target = into.get(m.entity_id or "")
        if target is not None:
            repoint(m, target, article.entities, absorb=True)


def latin_aliases(article: Article, mentions: list[Mention]) -> None:
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
            ent = article.entities[a.entity_id]
            repoint(b, ent, article.entities, mentions, like=a)
            if latin and ent.wikidata is None and ent.id.startswith("e-per-") and len(b.text.split()) >= 2:
                # the text gives the person's own spelling: it beats a transliteration of the Russian one
                ent.name = " ".join(b.text.split())
                for m in mentions:
                    if m.entity_id == ent.id:
                        m.entity_name = ent.name


PLACE_PREPOSITION = re.compile(r"(?:^|\s)(?:[Вв]о?|[Нн]а|[Ии]з|[Дд]о|[Пп]од|[Сс]о?)\s+$")


def people_taken_for_places(article: Article, mentions: list[Mention]) -> None:
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
        m.type = "PER"
        repoint(m, person, article.entities, mentions)


def tagged_words(m: Mention, tokens: dict[tuple[str, int], Token],
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
        if first.get("Case") not in (None, "Nom") and first_word.lower().endswith(("ю", "ем", "ём", "ом", "ой", "ей")):
            case = first["Case"]  # "Бесселю Коку", "с матерью девушки Яффой Иссахар": an ending only an oblique case has
        elif title in cases:
            case = title
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
    elif _nominative_apposition(out, first, head):
        # and the nominative of a title the tagger let a genitive before it mislead: "заявил лидер
        # народного конгресса Файка аль-Саид" is Файка, not the genitive of Файк
        out = [(w, {**f, "Case": "Nom"}) if f.get("Case") else (w, f) for w, f in out]
    return out


def _nominative_apposition(words: list[tuple[str, dict[str, str]]], first: Token | None, head: Token | None) -> bool:
    """The name stands in apposition to a person's title in the nominative, the tagger gave it an
    oblique case, and every word of it can be a name in the nominative (of either gender: a title's
    grammatical gender is not the person's) or is a word pymorphy does not know."""
    if first is None or head is None or first.rel != "appos" or head.feats.get("Animacy") != "Anim" \
            or head.feats.get("Case") != "Nom" or words[0][1].get("Case") in (None, "Nom"):
        return False
    return all(_readable_as(w, "Nom", None) or not any(p.is_known for p in parses(w.lower()))
               for w, f in words if f.get("Case"))


def _readable_as(word: str, case: str, gender: str | None) -> bool:
    want = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.get(case)
    sex = {"Masc": "masc", "Fem": "femn"}.get(gender or "")
    return any(p.tag.case == want and p.tag.number == "sing" and (sex is None or p.tag.gender == sex)
               and p.tag.grammemes & {"Name", "Surn", "Patr"} for p in parses(word.lower()))
