"""Gazetteer: which spans are names the knowledge base knows, and how they correct the tagger's.

Knowledge-base names found in the tokens (`gazetteer`), the places inside an organisation's name,
NER spans corrected by those matches (`merge_mentions`: the KB decides types and splits glued
spans; web counters, photo credits and outlets are no one) and country adjectives as mentions of
their place (`adjective_links`)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from letopis.analyze.morph import WORD, fold, lemma, plain_key
from letopis.link.kb import KnowledgeBase
from letopis.link.mentions import Link, Spans, longer_surname, overlap
from letopis.model import Mention, Sentence
from letopis.yaml_data import load_yaml


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    raw = load_yaml(resources.files("letopis.lexicons").joinpath("ner.yaml").read_text("utf-8"))
    return frozenset(raw.get("not_names") or ())


def _not_name(text: str) -> bool:
    """Digits, or a name of the data file's list of things that are no one (web counters, products)."""
    return bool(re.search(r"\d", text)) or text.strip() in _not_names()


_LOWER: dict[int, frozenset[str]] = {}


def _lower_firsts(kb: KnowledgeBase) -> frozenset[str]:
    """The first words (lemma and plain) of the names the KB writes in lower case: only spans opening with one
    of them are looked up in lower case."""
    found = _LOWER.get(id(kb))
    if found is None:
        words = set()
        for entries in kb.by_key.values():
            for e in entries:
                for name in (e.ru, *e.aliases):
                    if name and name[:1].islower():
                        first = name.split()[0]
                        words |= {lemma(first), fold(first)}
        found = _LOWER[id(kb)] = frozenset(words)
    return found


_FIRSTS: dict[int, frozenset[str]] = {}


def _key_firsts(kb: KnowledgeBase) -> frozenset[str]:
    """The first words of the knowledge base's name keys: an n-gram whose first word is none of them is no
    name, however long."""
    found = _FIRSTS.get(id(kb))
    if found is None:
        found = _FIRSTS[id(kb)] = frozenset(k.split(" ", 1)[0] for k in kb.by_key)
    return found


def gazetteer(sentences: list[Sentence], field: str, kb: KnowledgeBase, language: str) -> list[Link]:
    """Knowledge-base names found in token n-grams (lemma keys), longest first."""
    found: list[Link] = []
    firsts = _key_firsts(kb)
    for sent in sentences:
        toks = [t for t in sent.tokens]
        i = 0
        while i < len(toks):
            hit = None
            words = WORD.findall(toks[i].text)
            opens = toks[i].lemma.split(" ", 1)[0] in firsts or bool(words) and fold(words[0]) in firsts
            for n in range(min(6, len(toks) - i), 0, -1):
                if n > 1 and not opens:
                    continue  # no key begins with this word
                span = toks[i:i + n]
                first = span[0].text
                if span[-1].pos == "PUNCT" or not first[:1].isalpha():
                    continue
                lower = not first[:1].isupper()  # a name the KB itself writes in lower case ("хуситы")
                if n == 1 and "-" in first and first.split("-")[1][:1].islower():  # "мятежников-хути", "повстанцев-хуситов": the group after the hyphen
                    part = first.rsplit("-", 1)[1]
                    groups = [e for k in {lemma(part), plain_key(part)} for e in kb.by_key.get(k, []) if e.type == "ORG"
                              and any(a[:1].islower() for a in (e.ru, *e.aliases))]
                    if groups and len(part) >= 3:
                        hit = (1, first, groups[0], span)
                        break
                if lower and span[0].lemma not in _lower_firsts(kb) and fold(first) not in _lower_firsts(kb):
                    continue
                text = sent.text[span[0].start - sent.start: span[-1].end - sent.start]
                if n == 1 and first in kb.by_abbr:
                    cands = kb.by_abbr[first]
                else:
                    keys = {" ".join(t.lemma for t in span), plain_key(text)}
                    cands = [e for k in keys for e in kb.by_key.get(k, [])
                             if e.type != "PER" or not longer_surname(span[-1].text, e)]
                    if n == 1 and len(first) < 3:
                        cands = []
                alone = not (i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].pos == "PROPN") and not (
                    i + 1 < len(toks) and toks[i + 1].text[:1].isupper() and toks[i + 1].pos == "PROPN")
                if lower:
                    cands = [e for e in cands if any(a[:1].islower() for a in (e.ru, *e.aliases))]
                if not cands and n == 1 and span[0].pos == "PROPN" and len(first) >= 5 and not lower \
                        and re.search("[А-Яа-яЁё]", first):  # "в Ньюарке": a foreign place the lemmatiser missed
                    cands = _declined_place(first, kb)
                if not cands and n == 1 and span[0].pos == "PROPN" and len(first) >= 4 and alone and not lower:
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
            if not span[0].text[:1].isupper() or any(overlap(Mention(field, span[0].start, span[-1].end, "", ""),
                                                              lk.mention) for lk in out):
                continue
            text = sent.text[span[0].start - sent.start: span[-1].end - sent.start]
            cands = [e for e in (kb.by_abbr.get(text, []) if n == 1 else []) if e.type == "LOC"] or \
                [e for k in {" ".join(t.lemma for t in span), plain_key(text)} for e in kb.by_key.get(k, [])
                 if e.type == "LOC"]
            if cands:
                out.append(Link(Mention(field, span[0].start, span[-1].end, text, "LOC", via="kb-inside"), cands[0]))
    return out


def merge_mentions(ner: list[Mention], gaz: list[Link], text: str, kb: KnowledgeBase) -> list[Link]:
    """NER spans corrected by knowledge-base matches: the KB decides types and splits glued spans."""
    out: list[Link] = []
    used = set()
    places = Spans(range(len(gaz)), span=lambda i: (gaz[i].mention.start, gaz[i].mention.end))
    for m in ner:
        if _not_name(m.text) or kb.outlet_name(m.text):
            continue
        before = text[max(0, m.start - 20): m.start]
        if m.type == "PER" and re.search(r"(©|[Фф]ото:?|Photo:?)[^.]*$", before):
            continue  # a photographer's credit, not a person in the story
        inside = sorted(places.overlapping(m.start, m.end))
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
    kb_spans = Spans([*kept_kb, *inside_kb])
    result = [lk for lk in out if lk.mention.via in ("kb", "ner+place", "kb-inside")
              or not kb_spans.overlapping(lk.mention.start, lk.mention.end)]
    result.sort(key=lambda lk: (lk.mention.field, lk.mention.start))
    return result


def adjective_links(sentences: list[Sentence], field: str, text: str, links: list[Link],
                     kb: KnowledgeBase) -> list[Link]:
    """Country and city adjectives are mentions of the place: "британской" → United Kingdom."""
    out = []
    spans = Spans(links)
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
            if not any(not (lk.mention.start <= m.start and m.end < lk.mention.end and lk.entry is not entry)
                       for lk in spans.overlapping(m.start, m.end) if lk.mention.type != "ORG"):
                out.append(Link(m, entry))
    return out


PLACE_ENDINGS = (("ом", ""), ("ем", ""), ("е", ""), ("а", ""), ("у", ""), ("е", "а"), ("ы", "а"), ("и", "я"), ("у", "а"),
                 ("ой", "а"), ("ей", "я"), ("и", "ь"), ("е", "ь"), ("ю", "ь"))


def _declined_place(word: str, kb: KnowledgeBase) -> list:
    """A place of the knowledge base in an oblique case the lemmatiser did not undo ("Ньюарке" → Ньюарк,
    "Газиантепа" → Газиантеп): one place only, else none."""
    low = word.lower()
    found = {}
    for ending, nominative in PLACE_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            for e in kb.find(word[: len(word) - len(ending)] + nominative, "LOC"):
                found[e.id] = e
    return list(found.values()) if len(found) == 1 else []
