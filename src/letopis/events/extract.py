"""Events: trigger lexicons over lemmas, actors from the trigger's arguments in the parse."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from letopis.corpus.merge import _compatible
from letopis.link.kb import KnowledgeBase, slug
from letopis.model import Actor, Article, Entity, Event, Evidence, Mention, Sentence, Timex

GENERIC_SUBJECTS = {"сторона", "лидер", "собеседник", "президент", "глава", "они", "they", "leader", "side",
                    "стороны", "лидеры", "собеседники", "президенты", "главы"}
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
CONDITIONAL = re.compile(r"\b(unless|or else|or face|otherwise|иначе|в противном случае|если не)\b", re.IGNORECASE)
# types whose events often have no one on the receiving end ("workers went on strike", "troops withdrew")
SOURCE_ONLY = {"PROTEST", "MOBILIZE", "RETREAT", "ASSAULT", "COERCE", "REJECT", "CONCEDE", "AGREE", "THREATEN", "ACCUSE",
               "REQUEST"}
FIRST_PERSON = {"я", "мы", "i", "we"}
PLANNED = re.compile(r"(^| )(планироваться|планировать|намереваться|будет|быть провести|"
                     r"договориться о том , что|will|would|plan|be to|schedule|upcoming|willing|ready to|"
                     r"prepared to|intend|offer to|promise to|pledge to|vow to)( |$)")
OBJ_RELS = ("obj", "iobj", "obl", "nmod", "dobj", "dative", "prep", "pobj", "agent", "appos", "conj", "flat")


@dataclass(frozen=True, slots=True)
class Trigger:
    rule: str
    type: str
    mode: str | None
    cameo: str
    symmetric: bool
    actors: str
    quotes: bool
    pattern: re.Pattern[str]


@lru_cache(maxsize=2)
def triggers(language: str) -> tuple[Trigger, ...]:
    data = yaml.safe_load(resources.files("letopis.lexicons").joinpath("triggers.yaml").read_text("utf-8"))
    return tuple(
        Trigger(t["rule"], t["type"], t.get("mode"), t["cameo"], t["symmetric"], t["actors"], t.get("quotes", False),
                re.compile(t["pattern"]))
        for t in data.get(language, [])
    )


@lru_cache(maxsize=1)
def topic_lexicon() -> dict[str, set[str]]:
    data = yaml.safe_load(resources.files("letopis.lexicons").joinpath("topics.yaml").read_text("utf-8"))
    return {k: set(v) for k, v in data.items()}


def _lemma_line(sent: Sentence) -> tuple[str, list[int]]:
    """The sentence's lemmas joined by spaces, and the token index at each character."""
    parts, index = [], []
    for i, t in enumerate(sent.tokens):
        lem = t.lemma or t.text.lower()
        if parts:
            parts.append(" ")
            index.append(i)
        parts.append(lem)
        index.extend([i] * len(lem))
    return "".join(parts), index


def _subtree(sent: Sentence, root: int) -> set[int]:
    out = {root}
    changed = True
    while changed:
        changed = False
        for i, t in enumerate(sent.tokens):
            if t.head in out and i not in out:
                out.add(i)
                changed = True
    return out


def _anchor(sent: Sentence, tokens: list[int]) -> int:
    for i in tokens:
        if sent.tokens[i].pos in ("VERB", "AUX"):
            return i
    i = tokens[0]
    for _ in range(3):
        h = sent.tokens[i].head
        if h < 0:
            break
        i = h
        if sent.tokens[i].pos in ("VERB", "AUX"):
            return i
    return tokens[0]


def _depth(sent: Sentence, i: int) -> int:
    d = 0
    while sent.tokens[i].head >= 0 and d < 50:
        i = sent.tokens[i].head
        d += 1
    return d


def _trigger_depth(sent: Sentence, line: str, index: list[int], trig: Trigger) -> int:
    m = trig.pattern.search(line)
    if not m:
        return 99
    toks = sorted({index[k] for k in range(m.start(), min(m.end(), len(index))) if line[k] != " "})
    return min((_depth(sent, i) for i in toks), default=99) if toks else 99


class EventExtractor:
    """Finds events in one analysed, linked article."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb

    def __call__(self, article: Article) -> list[Event]:
        lang = article.language if article.language in ("ru", "en") else None
        if not lang:
            return []
        quotes = [(q.start, q.end, q.speaker_id) for q in article.quotes]
        events: list[Event] = []
        context: list[Actor] = []
        roster = self._roster(article)
        for s_index, sent in enumerate(article.sentences):
            line, index = _lemma_line(sent)
            quote = next((q for q in quotes if q[0] - 1 <= sent.start < q[1]), None)
            fired: set[str] = set()
            # the trigger nearest the root of the parse is the sentence's main event: try it first
            order = sorted(triggers(lang), key=lambda t: _trigger_depth(sent, line, index, t))
            for trig in order:
                m = trig.pattern.search(line)
                if not m or trig.type in fired:
                    continue
                if quote and not trig.quotes:
                    continue
                toks = sorted({index[k] for k in range(m.start(), min(m.end(), len(index))) if line[k] != " "})
                if not toks:
                    continue
                ev = self._event(article, sent, s_index, trig, toks, quote, context, roster)
                if ev is None:
                    continue
                fired.add(trig.type)
                events.append(ev)
                if trig.symmetric and len(ev.actors) >= 2:
                    context = ev.actors
        return _merge_within(events)

    # actors --------------------------------------------------------------------------
    def _roster(self, article: Article) -> list[Mention]:
        """People listed as attending a meeting: the sentence that says who took part."""
        for sent in article.sentences:
            line, _ = _lemma_line(sent)
            if re.search(r"участие|attend by|take part", line):
                pers = [m for m in article.mentions if m.field == "text" and sent.start <= m.start < sent.end and m.type == "PER"]
                if len({m.entity_id for m in pers}) >= 3:
                    return pers
        return []

    def _group(self, article: Article, sent: Sentence, tokens: set[int]) -> list[Actor]:
        spans = [(sent.tokens[i].start, sent.tokens[i].end) for i in tokens]
        found = [m for m in article.mentions if m.field == "text" and sent.start <= m.start < sent.end
                 and any(s < m.end and m.start < e for s, e in spans)]
        actors = [self._actor(article.entities[m.entity_id]) for m in found if m.entity_id in article.entities]
        for i in sorted(tokens):  # "российская сторона", "the Russian side"
            t = sent.tokens[i]
            e = self.kb.adjective(t.text) if t.pos == "ADJ" or (t.text[:1].isupper() and t.pos in ("PROPN", "ADJ")) else None
            if e is not None and e.kind == "country" and not any(m.start <= t.start < m.end for m in found):
                actors.append(Actor(id=e.entity_id, name=e.en, type="LOC", role="participant", country=e.country))
        people = [a for a in actors if a.type == "PER"]
        # a city is where an event happens, not who takes part: only countries stand as LOC actors
        states = [a for a in actors if a.type == "ORG" or (a.type == "LOC" and self.kb.country(a.country) is not None
                                                          and self.kb.country(a.country).entity_id == a.id)]
        chosen = people or states
        out, seen = [], set()
        for a in chosen:
            if a.id not in seen:
                seen.add(a.id)
                out.append(a)
        return out

    def _generic(self, article: Article, sent: Sentence, root: int, allow_generic: bool = False) -> list[Actor]:
        """An unnamed group as an actor: the noun phrase itself ("paper workers"), with the country its
        adjective names ("French"); only nouns of people or bodies, not pronouns or things in general."""
        head = sent.tokens[root]
        if head.feats.get("Animacy") == "Inan":  # Russian: "соглашение" does nothing to anyone
            return []
        if head.pos not in ("NOUN", "PROPN") or head.lemma in FIRST_PERSON or (
                head.lemma in GENERIC_SUBJECTS and not allow_generic):
            return []
        sub = sorted(_subtree(sent, root))
        left = [i for i in sub if i <= root and sent.tokens[i].pos in ("ADJ", "NOUN", "PROPN")
                and sent.tokens[i].rel not in ("det", "punct")]
        words = [sent.tokens[i] for i in left if all(sent.tokens[k].pos != "PUNCT" for k in range(i, root))][-5:]
        if not words:
            return []
        country = None
        for t in words:
            e = self.kb.adjective(t.text)
            if e is not None and e.kind == "country":
                country = e.country
        name = " ".join(t.text for t in words if not (self.kb.adjective(t.text) and t.pos == "ADJ"))
        name = name or head.text
        lemma_key = "-".join(t.lemma for t in words)
        ent_id = f"e-group-{slug(lemma_key + ('-' + country.lower() if country else ''))}"
        ent = article.entities.setdefault(ent_id, Entity(ent_id, name, "ORG", None, None, country))
        return [Actor(ent.id, ent.name, "ORG", "participant", country)]

    def _place_country(self, article: Article, sent: Sentence, tokens: set[int]) -> list[Actor]:
        """The country of a city named among the tokens: "arrived in Bosnia", "in Baku" → Azerbaijan."""
        spans = [(sent.tokens[i].start, sent.tokens[i].end) for i in tokens]
        for m in article.mentions:
            if m.field == "text" and m.type == "LOC" and any(s < m.end and m.start < e for s, e in spans):
                ent = article.entities.get(m.entity_id or "")
                country = self.kb.country(ent.country) if ent and ent.country else None
                if country is not None and country.entity_id != ent.id:  # a city, not the country itself
                    return [Actor(country.entity_id, country.en, "LOC", "participant", country.country)]
        return []

    def _host(self, article: Article, sent: Sentence) -> Actor | None:
        for m in article.mentions:
            if m.field == "text" and sent.start <= m.start < sent.end and m.type == "LOC":
                ent = article.entities.get(m.entity_id or "")
                country = self.kb.country(ent.country) if ent and ent.country else None
                if country is not None:
                    return Actor(country.entity_id, country.en, "LOC", "host", country.country)
        return None

    def _actor(self, ent: Entity, role: str = "participant") -> Actor:
        country = ent.country if ent.type != "LOC" or ent.country else None
        return Actor(id=ent.id, name=ent.name, type=ent.type, role=role, country=country)

    def _speaker_actor(self, article: Article, speaker_id: str | None) -> list[Actor]:
        if speaker_id and speaker_id in article.entities:
            return [self._actor(article.entities[speaker_id])]
        return []

    def _event(self, article: Article, sent: Sentence, s_index: int, trig: Trigger, toks: list[int],
               quote, context: list[Actor], roster: list[Mention]) -> Event | None:
        anchor = _anchor(sent, toks)
        subj_roots = [i for i, t in enumerate(sent.tokens) if t.head == anchor and t.rel.startswith("nsubj")]
        # "Syria says it is willing to withdraw": a pronoun subject is the subject of the verb above
        up, hops = anchor, 0
        while (not subj_roots or all(sent.tokens[r].pos == "PRON" for r in subj_roots)) and \
                sent.tokens[up].head >= 0 and hops < 4:
            up, hops = sent.tokens[up].head, hops + 1
            above = [i for i, t in enumerate(sent.tokens) if t.head == up and t.rel.startswith("nsubj")
                     and t.pos != "PRON"]
            if above:
                subj_roots = above
                break
        subj_tokens: set[int] = set()
        for r in subj_roots:
            subj_tokens |= _subtree(sent, r)
        obj_roots = [i for i, t in enumerate(sent.tokens)
                     if (t.head == anchor or t.head in toks) and i not in subj_tokens and i != anchor
                     and t.rel.split(":")[0] in OBJ_RELS]
        source = self._group(article, sent, subj_tokens)
        target: list[Actor] = []
        for r in obj_roots:  # the nearest argument that names someone else is the counterpart
            target = [a for a in self._group(article, sent, _subtree(sent, r) - subj_tokens)
                      if a.id not in {x.id for x in source}]
            if target:
                break
        if not source and subj_roots and trig.actors == "pair" and not (context and {
                sent.tokens[r].lemma for r in subj_roots} & GENERIC_SUBJECTS):  # "police", "angry paper workers"
            source = self._generic(article, sent, subj_roots[0], allow_generic=True)
        if trig.rule == "must":  # "declared that China must drop barriers": the one who must is the target
            must = next((i for i, t in enumerate(sent.tokens) if t.lemma in ("must", "should") and t.head >= 0), None)
            if must is not None:
                verb = sent.tokens[must].head
                subj = {i for i, t in enumerate(sent.tokens) if t.head == verb and t.rel.startswith("nsubj")}
                inner: set[int] = set()
                for r in subj:
                    inner |= _subtree(sent, r)
                target = self._group(article, sent, inner) or (
                    self._generic(article, sent, min(subj)) if subj else [])
        if not target and trig.actors == "pair":  # "demanded that the US cancel …": someone named further down
            deeper = sorted(_subtree(sent, anchor) - subj_tokens - {anchor}, key=lambda i: abs(i - anchor))
            mine = {x.id for x in source}
            target = [a for a in self._group(article, sent, set(deeper)) if a.id not in mine] or \
                [a for a in self._place_country(article, sent, set(deeper)) if a.id not in mine]
        if not target and obj_roots and trig.actors == "pair" and not trig.symmetric:
            first = next((r for r in obj_roots if sent.tokens[r].pos in ("NOUN", "PROPN")), None)
            target = self._generic(article, sent, first) if first is not None else []
        subj_lemmas = {sent.tokens[i].lemma for i in subj_roots}
        from_context = False
        if trig.actors == "context":
            source = []  # an impersonal report ("достигнута договоренность") is about the known participants
        if not source:
            if quote and (subj_lemmas & FIRST_PERSON or not subj_roots):
                source = self._speaker_actor(article, quote[2])
            if source:
                pass
            elif trig.actors == "context" or subj_lemmas & GENERIC_SUBJECTS:
                source = [Actor(a.id, a.name, a.type, "participant", a.country) for a in context]
                from_context = True
        if trig.actors == "context" and not source:
            return None
        if trig.actors == "multilateral":
            extra = [self._actor(article.entities[m.entity_id]) for m in roster if m.entity_id in article.entities]
            people = {a.id: a for a in [*source, *target, *extra] if a.type == "PER"}
            if len(people) < 3:
                return None
            actors = [Actor(a.id, a.name, a.type, "participant", a.country) for a in people.values()]
        elif trig.actors.startswith("heads:"):
            actors = self._heads(article, sent, trig.actors.split(":")[1])
            if len(actors) < 2:
                return None
        elif trig.symmetric:
            if not source and not from_context:  # a parse without a subject: everyone the trigger's arguments name
                every = [a for r in obj_roots for a in self._group(article, sent, _subtree(sent, r) - subj_tokens)]
                people = [a for a in every if a.type == "PER"]
                if len({a.id for a in people}) >= 2:
                    target = people
            merged = {a.id: a for a in [*source, *target]}
            if trig.mode == "visit" and len(merged) == 1:  # "arrived in Amman on a visit": the host country
                host = self._host(article, sent)
                if host is not None and host.id not in merged:
                    merged[host.id] = host
            if trig.rule in ("congratulate",) or len(merged) < (2 if trig.type == "CONSULT" else 1):
                return None
            actors = [Actor(a.id, a.name, a.type, "participant", a.country) for a in merged.values()]
        else:
            tgt = [a for a in target if a.id not in {s.id for s in source}]
            if re.search(r"друг друга|each other", sent.text) and len(source) >= 2:
                actors = [Actor(a.id, a.name, a.type, "participant", a.country) for a in source]
            elif not source or (not tgt and trig.type not in SOURCE_ONLY):
                return None
            else:
                actors = [Actor(a.id, a.name, a.type, "source", a.country) for a in source[:4]] + \
                         [Actor(a.id, a.name, a.type, "target", a.country) for a in tgt[:6]]
        timex = self._timex(article, sent)
        status = self._status(sent, anchor, toks)
        event_type = trig.type
        if status == "planned" and trig.type in HOSTILE | {"RETREAT", "REJECT"} and CONDITIONAL.search(sent.text):
            event_type = "THREATEN"  # "will withdraw … unless", "или же будет введено": a threat
        if timex is not None:
            date, basis = timex.value, ("explicit" if timex.basis in ("explicit", "season") else
                                        "relative" if timex.basis in ("relative", "partial") else None)
        elif article.published and status == "occurred" and s_index <= 2:
            date, basis = article.published[:10], "publication"
        else:
            date, basis = None, None
        location = self._location(article, sent, s_index, trig)
        evidence = Evidence(article.id, sent.start, sent.end, sent.text)
        key = f"{article.id}:{sent.start}:{trig.type}"
        conf = 0.9 if trig.rule in ("phone_call", "receive", "summit") else 0.75
        if from_context:
            conf -= 0.15
        if quote:
            conf -= 0.1
        return Event(
            id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16], type=event_type, mode=trig.mode,
            cameo=trig.cameo if event_type == trig.type else "130",
            status=status, date=date, date_basis=basis, actors=actors, evidence=[evidence], location=location,
            topics=self._topics(sent), confidence=conf, rule=trig.rule,
        )

    def _heads(self, article: Article, sent: Sentence, role: str) -> list[Actor]:
        timex = self._timex(article, sent)
        date = timex.value if timex and timex.value and re.match(r"\d{4}-\d{2}-\d{2}$", timex.value) else \
            (article.published[:10] if article.published else None)
        out = []
        for m in article.mentions:
            if m.field != "text" or not (sent.start <= m.start < sent.end) or m.type != "LOC":
                continue
            ent = article.entities.get(m.entity_id or "")
            country = self.kb.country(ent.country) if ent else None
            if country is None or country.entity_id != ent.id:
                continue
            holders = self.kb.holders(role, country.country or "", date) if date else []
            if len(holders) == 1:
                h = holders[0]
                out.append(Actor(h.entity_id, h.en, "PER", "participant", h.country))
                article.entities.setdefault(h.entity_id, Entity(h.entity_id, h.en, "PER", h.ru, h.wikidata, h.country))
            else:
                out.append(self._actor(ent))
        return out

    def _timex(self, article: Article, sent: Sentence) -> Timex | None:
        inside = [t for t in article.timexes if sent.start <= t.start < sent.end and t.value and t.basis != "vague"]
        return inside[0] if inside else None

    def _status(self, sent: Sentence, anchor: int, toks: list[int]) -> str:
        line, _ = _lemma_line(sent)
        a = sent.tokens[anchor]
        near = {sent.tokens[i].lemma for i, t in enumerate(sent.tokens) if t.head == anchor}
        if near & {"не", "not", "n't", "never"} or re.search(r"(^| )(fail|не удаться|не смочь) ", line):
            return "negated"
        if "бы" in near:
            return "hypothetical"
        if "would" in near:  # reported speech: "said it would allow" is an announced intention
            return "planned"
        if a.feats.get("Tense") == "Fut" or PLANNED.search(line):
            return "planned"
        return "occurred"

    def _location(self, article: Article, sent: Sentence, s_index: int, trig: Trigger) -> dict | None:
        for m in article.mentions:
            if m.field == "text" and sent.start <= m.start < sent.end and m.type == "LOC":
                ent = article.entities.get(m.entity_id or "")
                before = article.text[max(0, m.start - 4): m.start].lower()
                if ent and re.search(r"(^|\s)(в|во|in|at)\s$", before) and self.kb.country(ent.country) is not None \
                        and self.kb.country(ent.country).entity_id != ent.id:
                    return {"id": ent.id, "name": ent.name}
        if article.dateline and article.dateline.get("place") and trig.mode != "phone" and s_index <= 2:
            place = article.dateline["place"]
            found = self.kb.find(place, "LOC")
            return {"id": found[0].entity_id if found else None, "name": place}
        return None

    def _topics(self, sent: Sentence) -> list[str]:
        lem = {t.lemma for t in sent.tokens}
        return sorted(k for k, words in topic_lexicon().items() if lem & words)


def _merge_within(events: list[Event]) -> list[Event]:
    """Two reports of one event in the same article (same type, actors, compatible date) become one."""
    out: list[Event] = []
    for ev in events:
        ids = {a.id for a in ev.actors}
        same = next((o for o in out if o.type == ev.type and {a.id for a in o.actors} == ids
                     and _compatible(o.date, ev.date) and o.status == ev.status), None)
        if same is None:
            out.append(ev)
            continue
        same.evidence.extend(ev.evidence)
        same.date = same.date or ev.date
        same.date_basis = same.date_basis or ev.date_basis
        same.location = same.location or ev.location
        same.topics = sorted(set(same.topics) | set(ev.topics))
        same.confidence = min(0.99, max(same.confidence, ev.confidence) + 0.05)
    return out
