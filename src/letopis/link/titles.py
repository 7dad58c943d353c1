"""Titles and roles: which person a title stands for ("Глава государства", "the President").

The country a title belongs to (named after it or by an adjective before it, else the article's
home country: the outlet's, the dateline's or the most named, `home_country`), and the holder of
that office on the article's date, or the one the article names (`title_links`); "первый
президент" is the first holder there."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from letopis.analyze.morph import fold
from letopis.link.kb import KBEntry, KnowledgeBase
from letopis.link.mentions import Link, Spans
from letopis.model import Article, Mention
from letopis.yaml_data import load_yaml

PLURAL_RU = re.compile(r"(ы|ов|ам|ами|ах)$")
INSTRUMENTAL_RU = re.compile(r"(ом|ем|ой|ей)$")  # "президентом", "главой", "председателем"
# the verbs that make a title in the instrumental what someone is or becomes, the word before it or a few
# words back ("избран президентом", "стал премьер-министром", "назначить его главой"); not an agent ("подписан
# президентом") nor a companion ("встретился с президентом")
PREDICATIVE_RU = re.compile(r"(?:^|[^\w-])(?:избра|переизбра|выбра|назнач|стал|стан|становит|являет|являл|являвш|был|была|"
                            r"будет|остал|останет|оставал|работа|служи|утвержд|утверд|объяв|призна|выдвин|назва|называ|"
                            r"сделал|числит|вступи)\w*(?:\s+(?!\w+(?:ан|ян|ен|ён|ат|ят|ит|ыт|ут)[аоы]?\s)\S+){0,3}\s+$",
                            re.IGNORECASE)


@lru_cache(maxsize=1)
def _titles() -> dict[str, list[tuple[re.Pattern, str]]]:
    """Title patterns by language, from lexicons/titles.yaml: (compiled pattern, role)."""
    raw = load_yaml(resources.files("letopis.lexicons").joinpath("titles.yaml").read_text("utf-8"))
    return {lang: [(re.compile(r"(?<![\w-])(?:" + t["pattern"] + r")(?![\w-])"), t["role"]) for t in items]
            for lang, items in raw["titles"].items()}


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


def text_date(article: Article) -> str | None:
    """The date an undated text is written about: its latest full date ("в среду, 7 января 2015 года"), by
    which an office it names is its holder's then; None when it gives no full date."""
    days = [t.value for t in getattr(article, "timexes", None) or [] if t.value and t.basis == "explicit"
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)]
    return max(days) if days else None


def title_links(article: Article, field: str, text: str, links: list[Link], kb: KnowledgeBase,
                home: str | None, elsewhere: list[Link] = ()) -> list[Link]:
    """Mentions for titles standing for a person: `Глава государства` → the head of state on the date.
    `links` are the field's own, `elsewhere` those of the article's other fields: a headline's
    "президента Молдавии" is the one Moldovan president the body names."""
    lang = article.language if article.language in _titles() else "ru"
    date = article.published[:10] if article.published else text_date(article)
    named = {lk.entry.id: lk.entry for lk in links if lk.entry and lk.entry.type == "PER"}
    named_elsewhere = {lk.entry.id: lk.entry for lk in elsewhere if lk.entry and lk.entry.type == "PER"}
    counts = Counter(lk.entry.id for lk in links if lk.entry and lk.entry.type == "PER")
    out: list[Link] = []
    own = Spans(links)
    taken = Spans(links)  # and the titles linked so far
    for pattern, role in _titles()[lang]:
        for m in pattern.finditer(text):
            for lk in out[len(taken.items) - len(links):]:
                taken.add(lk)
            if any(not (lk.mention.type == "ORG" and m.start() < lk.mention.start)  # "Глава [правительства России]"
                   for lk in taken.overlapping(m.start(), m.end())):
                continue
            word = m.group(0).split()[0]
            if lang == "ru" and (PLURAL_RU.search(fold(word)) or re.search(r"государств\b|правительств\b", m.group(0))):
                continue
            if lang == "ru" and INSTRUMENTAL_RU.search(fold(word)) and PREDICATIVE_RU.search(text[max(0, m.start() - 40):
                                                                                             m.start()]):
                continue  # "избрал президентом женщину", "стал премьер-министром": the office, not its holder
            tail = text[m.end(): m.end() + 60]
            head = text[max(0, m.start() - 40): m.start()]
            country = _title_country(tail, head, kb, lang)
            nxt = next((lk for lk in own.starting(m.end(), m.end() + 40) if lk.mention.field == field
                        and lk.mention.type == "PER"), None)
            if nxt and re.fullmatch(r"(\s+|\s*(?:of|the|страны|государства|республики|[A-ZА-ЯЁ][\w-]*)\s*)*",
                                    text[m.end(): nxt.mention.start]):  # "президента страны Роберта Мугабе" too
                continue  # apposition: "Президент Казахстана Касым-Жомарт Токаев" is one person, named
            if re.search(r"(?:бывш\w*|прежн\w*|former|ex)\s+$", head, re.IGNORECASE):
                # "бывший президент" is not the one in office: one former holder the article names, or no one
                person = _former_holder(role, country or home, date, {**named_elsewhere, **named}, kb)
                if person is not None:
                    out.append(Link(Mention(field, m.start(), m.end(), m.group(0), "PER", via="role"), person))
                continue
            if role == "first_president":  # the holder of that title there, else the country's first president
                where = country or home
                holders = kb.holders(role, where) + [e for e in kb.entries.values() if kb.held_ever(e, role, where)] \
                    if where else []
                person = holders[0] if holders else (kb.first_holder("head_of_state", where) if where else None)
            else:
                person = _role_holder(role, country or home, date, named, kb, counts) or \
                    _only_holder_named(role, country, named_elsewhere, kb)
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


def _only_holder_named(role: str, country: str | None, named: dict[str, KBEntry], kb: KnowledgeBase) -> KBEntry | None:
    """The one person named in the article who held the office in the country the title names, at
    any time (a text without a date cannot say when); nobody when the title names no country or when
    two such people are named."""
    if country is None:
        return None
    holders = [e for e in named.values() if kb.held_ever(e, role, country)]
    return holders[0] if len(holders) == 1 else None


def _former_holder(role: str, country: str | None, date: str | None, named: dict[str, KBEntry],
                   kb: KnowledgeBase) -> KBEntry | None:
    """The one person the article names who held the office in the country before `date` and no longer
    did then; None when it names none or several."""
    if country is None:
        return None
    former = [e for e in named.values() if kb.held_ever(e, role, country) and not (
        date and any(r.role == role and r.country == country and r.holds_on(date) for r in e.roles))]
    return former[0] if len(former) == 1 else None
