"""Corrections to natasha's Russian NER spans, from data (lexicons/ner.yaml), each measured on factRuEval.

- a name glued to its transliteration or abbreviation in parentheses is split: "Джошуа Вольфа (Joshua Wolf)";
- a list glued into one person is split at commas: "Овечкин, Федоров";
- a descriptor noun (and an adjective before it) joins the name after it: "социальной сети Facebook";
- organisation nouns standing alone are organisations: "правительство", "сборной", and with a
  country or city in the genitive after them, that too: "правительства Израиля";
- a few spans are retyped (МКС is a place) or dropped (СМИ, shuttle names, an age alone);
- a person's span loses the common nouns, ages and adjectives it opens with ("Израильтянка Наама
  Иссахар", a headline's capital, "Шестидесятивосьмилетняя Руссефф") and a "person" that is one verb
  ("Помиловать" in a decree's capitals) is dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from letopis.analyze.morph import fold, parses
from letopis.link.mentions import Spans
from letopis.model import Mention, Sentence, Token
from letopis.yaml_data import load_yaml

OPEN_QUOTES = {"«", '"', "“", "„"}
CLOSE_QUOTES = {"»", '"', "”", "“"}


@dataclass(frozen=True)
class Lexicon:
    descriptors: dict[str, frozenset[str]]
    adjectives: frozenset[str]
    bodies: frozenset[str]
    bodies_need_place: frozenset[str]
    retype: dict[str, str]
    not_entities: frozenset[str]
    state_bodies: dict[str, str]  # the body's words (lemmas, or English lower case) → its English name
    opener_age: re.Pattern[str]  # an age adjective, in lower case, that may open a person's span
    opener_pos: frozenset[str]  # a word read only with these parts of speech may open it too


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_yaml(resources.files("letopis.lexicons").joinpath("ner.yaml").read_text("utf-8"))
    data = raw["ru"]
    return Lexicon(
        descriptors={t: frozenset(ws) for t, ws in data["descriptors"].items()},
        adjectives=frozenset(data["adjectives"]), bodies=frozenset(data["bodies"]),
        bodies_need_place=frozenset(data["bodies_need_place"]), retype=dict(data["retype"]),
        not_entities=frozenset(data["not_entities"]),
        state_bodies={k: en for en, keys in raw["state_bodies"].items() for k in keys},
        opener_age=re.compile(data["person_openers"]["age"]), opener_pos=frozenset(data["person_openers"]["pos"]),
    )


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


# "Т.Донилона Майкл": an initial and a surname are a whole name; a name after them is another person's
INITIAL_SURNAME_THEN_NAME = re.compile(r"([А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ][а-яё]+)")
TRAILING_DASH = re.compile(r"[\s\u00a0]*[-–—]+$")


def _without_unopened_parenthesis(m: Mention, text: str) -> Mention:
    """A span that ends with a ")" it does not open ends before it: "Casablanca)" of "(Casablanca)"."""
    raw = text[m.start:m.end]
    if not raw.endswith(")") or "(" in raw:
        return m
    end = m.start + len(raw[:-1].rstrip())
    return Mention(m.field, m.start, end, text[m.start:end], m.type)


def _split(m: Mention, text: str) -> list[Mention]:
    """`X (Y)` → X, Y (and `X (Y` → X, Y); `A, B` (people) → A, B; `И.Фамилия Имя` → И.Фамилия, Имя; a dash
    or a ")" the span ends with is dropped ("Мишель —", "Casablanca)")."""
    if m.type == "PER" and TRAILING_DASH.search(text[m.start:m.end]):
        end = m.start + TRAILING_DASH.search(text[m.start:m.end]).start()
        m = Mention(m.field, m.start, end, text[m.start:end], m.type)
    m = _without_unopened_parenthesis(m, text)
    raw = text[m.start:m.end]
    pair = INITIAL_SURNAME_THEN_NAME.fullmatch(raw) if m.type == "PER" else None
    if pair:
        return [Mention(m.field, m.start + pair.start(i), m.start + pair.end(i), pair.group(i), m.type) for i in (1, 2)]
    par = re.fullmatch(r"(.+?)\s*\(([^()]+)\)?", raw)  # the tagger may stop before the ")"
    if par:
        a_end = m.start + len(par.group(1))
        b_start = m.start + par.start(2)
        return [Mention(m.field, m.start, a_end, par.group(1), m.type),
                Mention(m.field, b_start, b_start + len(par.group(2)), par.group(2), m.type)]
    if m.type in ("PER", "LOC") and re.search(r",\s|•|;", raw):
        out, pos = [], m.start
        for part in re.split(r"(\s*[,•;]\s*)", raw):
            if re.fullmatch(r"\s*[,•;]\s*", part):
                pos += len(part)
                continue
            if part.strip():
                out.append(Mention(m.field, pos, pos + len(part), part, m.type))
            pos += len(part)
        return out
    return [m]


def fix_russian(mentions: list[Mention], sentences: list[Sentence], text: str, field: str,
                places: set[tuple[int, int]], country_adjectives: frozenset[str] = frozenset()) -> list[Mention]:
    """Corrected mentions for one field.

    `places` are the (start, end) spans of known countries and cities; `country_adjectives` the
    lemmas of adjectives such as "российский" that may open an organisation's name.
    """
    lex = lexicon()
    tokens: list[Token] = [t for s in sentences for t in s.tokens]
    at_start = {t.start: i for i, t in enumerate(tokens)}
    at_end = {t.end: i for i, t in enumerate(tokens)}
    out: list[Mention] = []
    for m in mentions:
        for part in _split(m, text):
            key = _key(part.text)
            if key in lex.not_entities or _is_age(part.text):  # "Семидесятилетний" alone is no place
                continue
            if key in lex.retype:
                part.type = lex.retype[key]
            out.append(part)
    starts = {s.tokens[0].start for s in sentences if s.tokens}
    out = [m for m in (_person_words(m, tokens, at_start, text, starts) if m.type == "PER" else m for m in out)
           if m is not None]
    covered = [(m.start, m.end) for m in out]
    # descriptors before names
    for m in out:
        i = at_start.get(m.start)
        if i is None:
            continue
        j = i - 1
        if j >= 0 and tokens[j].text in OPEN_QUOTES:
            j -= 1
        if j < 0 or tokens[j].lemma not in lex.descriptors.get(m.type, ()):
            continue
        k = j
        while k - 1 >= 0 and k > j - 2 and tokens[k - 1].pos == "ADJ" and tokens[k - 1].feats.get("Case") == tokens[j].feats.get("Case"):
            k -= 1
        m.descriptor += m.start - tokens[k].start
        m.start = tokens[k].start
        end_i = at_end.get(m.end)
        if end_i is not None and end_i + 1 < len(tokens) and tokens[end_i + 1].text in CLOSE_QUOTES \
                and j + 1 < i:  # an opening quote was skipped: take the closing one too
            m.end = tokens[end_i + 1].end
        m.text = text[m.start:m.end]
    # a country adjective opens an organisation's name: "японского МИДа", "американского Конгресса"
    for m in out:
        i = at_start.get(m.start)
        if m.type != "ORG" or i is None or i == 0:
            continue
        adj = tokens[i - 1]
        if adj.pos == "ADJ" and adj.lemma in country_adjectives and adj.feats.get("Case") == tokens[i].feats.get("Case"):
            m.descriptor += m.start - adj.start
            m.start = adj.start
            m.text = text[m.start:m.end]
    # organisation nouns on their own, with a place in the genitive after them
    for i, tok in enumerate(tokens):
        if tok.lemma not in lex.bodies or tok.pos not in ("NOUN", "PROPN"):
            continue
        if any(s <= tok.start < e for s, e in covered):
            continue
        start, end = tok.start, tok.end
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        place = next(((s, e) for s, e in places if nxt is not None and s == nxt.start), None)
        if place and nxt.feats.get("Case") == "Gen":
            end = place[1]
        elif tok.lemma in lex.bodies_need_place:
            continue
        k = i
        if k - 1 >= 0 and tokens[k - 1].pos == "ADJ" and (tokens[k - 1].lemma in lex.adjectives or tokens[k - 1].lemma in country_adjectives):
            k -= 1
            start = tokens[k].start
        out.append(Mention(field, start, end, text[start:end], "ORG"))
        covered.append((start, end))
    # a named organisation followed by a place in the genitive: "Конгресса США", "Исламского комитета России"
    for m in out:
        if m.type != "ORG":
            continue
        i = at_end.get(m.end)
        if i is None or i + 1 >= len(tokens):
            continue
        nxt = tokens[i + 1]
        place = next(((s, e) for s, e in places if s == nxt.start), None)
        if place and nxt.feats.get("Case") == "Gen" and (tokens[i].lemma in lex.bodies or tokens[i].pos == "NOUN"):
            m.end = place[1]
            m.text = text[m.start:m.end]
    out.extend(_coordinated_people(sentences, text, field, out, places))
    out.sort(key=lambda m: m.start)
    return out


def _coordinated_people(sentences: list[Sentence], text: str, field: str, found: list[Mention],
                        places: set[tuple[int, int]]) -> list[Mention]:
    """A proper name joined by "и" or a comma to a person the tagger found is a person too, where the tagger
    missed it ("в правительствах Мори и Коидзуми"): one capitalised word, not opening its sentence, in no
    other mention or place."""
    people = Spans((m.start, m.end) for m in found if m.type == "PER")
    taken = Spans([*((m.start, m.end) for m in found), *places])
    out: list[Mention] = []
    for s in sentences:
        for k, t in enumerate(s.tokens):
            if k == 0 or t.pos != "PROPN" or not t.text[:1].isupper() or not t.text.isalpha() or len(t.text) < 3 \
                    or taken.overlapping(t.start, t.start + 1):
                continue
            partners = [t.head] if t.rel == "conj" and 0 <= t.head < len(s.tokens) else []
            partners += [j for j, u in enumerate(s.tokens) if u.head == k and u.rel == "conj"]
            if any(people.overlapping(s.tokens[j].start, s.tokens[j].start + 1) for j in partners):
                out.append(Mention(field, t.start, t.end, text[t.start:t.end], "PER"))
                taken.add((t.start, t.end))
    return out


NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr"})


def _common_word(tok: Token, pos: tuple[str, ...]) -> bool:
    """A word the dictionary knows only as a common word of these parts of speech, never as a name (the
    tagger's own reading is no help: a capital makes it call "Израильтянка" a proper noun)."""
    readings = parses(tok.text.lower())
    return bool(readings) and readings[0].is_known and readings[0].tag.POS in pos and not any(
        p.tag.grammemes & NAME_GRAMMEMES for p in readings)


def _is_age(word: str) -> bool:
    """An adjective of age, in words or digits: "Шестидесятивосьмилетняя", "68-летнего" (no dictionary has them)."""
    return bool(lexicon().opener_age.match(word.strip().lower()))


def _describing_word(tok: Token) -> bool:
    """An age ("Шестидесятивосьмилетняя") or a word the dictionary reads only as an adjective or
    participle and never as a name ("Бывшая", not "Навальный")."""
    if _is_age(tok.text):
        return True
    readings = parses(tok.text.lower())
    return bool(readings) and readings[0].is_known and all(
        p.tag.POS in lexicon().opener_pos and not p.tag.grammemes & NAME_GRAMMEMES for p in readings)


def _person_words(m: Mention, tokens: list[Token], at_start: dict[int, int], text: str,
                  starts: set[int]) -> Mention | None:
    """A person's span without the common nouns, ages and adjectives it opens with; None for a "person"
    that is one verb."""
    i = at_start.get(m.start)
    if i is None:
        return m
    n = len(m.text.split())
    if n == 1 and _common_word(tokens[i], ("INFN", "VERB")):
        return None
    cut = 0  # only where the capital says nothing: a lower-case word, or the first of a sentence
    while cut < n - 1 and i + cut < len(tokens) and (
            _common_word(tokens[i + cut], ("NOUN",)) or _describing_word(tokens[i + cut])) and (
            tokens[i + cut].text.islower() or tokens[i + cut].start in starts):
        cut += 1
    if cut and cut <= n - 1 and i + cut < len(tokens):
        m.start = tokens[i + cut].start
        m.text = text[m.start:m.end]
    return m

