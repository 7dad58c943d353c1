"""Events: triggers from the lexicon, arguments from the dependency parse, actors from the linked mentions.

`EventExtractor(kb)(article)` returns the article's events. For each sentence the rule functions of
`letopis.events.rules` find the triggers and decide, one thing each, the source, target, status and date;
this module turns the argument phrases into actors (named people and bodies, states, generic groups) and
decides whether a candidate makes an event. `explain(article)` returns the same decisions as text lines.
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from letopis.analyze.morph import fold, lemma, parses
from letopis.corpus.merge import _compatible, better_place
from letopis.events import rules
from letopis.events.lexicon import (
    SYMMETRIC_TYPES,
    confidence,
    generic_actors,
    implied_sides,
    intent_as,
    lexicon,
    limit,
    needed,
    negated_as,
    pressure_actors,
    settings,
    word_sets,
)
from letopis.events.rules import VERB_POS, Candidate
from letopis.events.tree import ancestors, base_rel, case, case_marker, children, rel, subtree
from letopis.link.kb import KnowledgeBase, slug
from letopis.link.names import genitive, transliterate
from letopis.link.relatives import relations
from letopis.model import Actor, Article, Entity, Event, Evidence, Mention, Sentence, Token
from letopis.yaml_data import load_yaml


@lru_cache(maxsize=1)
def topic_lexicon() -> dict[str, set[str]]:
    data = load_yaml(resources.files("letopis.lexicons").joinpath("topics.yaml").read_text("utf-8"))
    return {k: set(v) for k, v in data.items()}


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.id not in seen:
            seen.add(a.id)
            out.append(a)
    return out


class EventExtractor:
    """Finds events in one analysed, linked article."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.field = "text"  # the field whose sentences are being read: the title first, then the text
        self.sources_here: set[int] = set()
        self.language = "ru"
        self.told: list[Event] = []
        self.sentences: list = []  # the article's sentences, for a look at the one before
        self.scene: dict | None | bool = False  # the one place the article's text puts things in (False: not yet read)
        self.acting_type: str | None = None  # the type of the frame whose sides are being read
        self.reading: tuple = ()  # the quote, context, roster and home state of the candidate being read
        self.partials: list[tuple] = []

    def __call__(self, article: Article) -> list[Event]:
        return self.run(article)[0]

    def explain(self, article: Article) -> list[str]:
        """For each sentence: the triggers considered, the arguments found, and what became of them."""
        return self.run(article)[1]

    def run(self, article: Article) -> tuple[list[Event], list[str]]:
        lang = article.language if article.language in ("ru", "en") else None
        if not lang:
            return [], []
        lex = lexicon(lang)
        self.language = lang
        events: list[Event] = []
        self.sentences = article.sentences
        self.scene = False
        self.told = events  # the events found so far: "пострадавший" is the one the last assault was done to
        self.contents: list[Event] = []  # acts told only as another's content: "за избиение Полонского"
        answering: list[Event] = []  # denials with no one named as the accuser
        self.partials: list[tuple] = []  # frames that found one side only, for `_told_in_parts`
        undated: list[tuple[Event, Candidate]] = []  # the text's events its sentences gave no time
        lines: list[str] = []
        context: list[Actor] = []
        roster = self._roster(article)
        home = self._home_state(article)
        title = [("title", 0, s) for s in article.title_sentences] if word_sets()["read_titles"] else []
        for field, s_index, sent in [*title, *(("text", i, s) for i, s in enumerate(article.sentences))]:
            self.field = field
            if field == "title":
                lines.append("[title]")
            quote = next((q for q in article.quotes if q.start - 1 <= sent.start < q.end), None)
            self.sources_here: set[int] = set()  # words that are already some event's source in this sentence
            # the trigger nearest the root of the parse is the sentence's main event: it comes first
            names = [(m.start, m.end, m.type if len(m.text.split()) > 1 else "")  # a proper name, not "правительстве"
                     for m in article.mentions if m.field == field and m.type in ("ORG", "LOC")
                     and sent.start <= m.start < sent.end]  # "Комитет защиты журналистов выступил": a name, no act
            cands = sorted((c for c in rules.find_triggers(sent, s_index, lex) if c.entry.pos == "pattern" or not any(
                s <= sent.tokens[k].start < e for k in c.tokens for s, e, kind in names if k == c.head or kind == "ORG")),
                           key=lambda c: (len(ancestors(sent, c.head, 50)), c.head))
            if cands:
                lines.append(f"[{s_index}] {sent.text}")
            if field == "text" and s_index and self._dates_previous(sent):  # "… выслали дипломата. Это произошло 10 декабря."
                timex = rules.event_time(sent, sent.start, article.timexes)
                prev = article.sentences[s_index - 1]
                for ev in events:
                    if ev.date is None and ev.evidence[0].start == prev.start and timex is not None:
                        ev.date, ev.date_basis = timex.value, "explicit" if timex.basis == "explicit" else "relative"
                        lines.append(f"    event_time: {timex.text!r} of the next sentence → {ev.type} {ev.date}")
            for c in cands:
                c.note("trigger", f"{c.entry.text!r} ({c.entry.pos}) → {c.frame.name} {c.frame.type}")
                if rules.is_embedded(c, cands) and not rules.source_agent(c):
                    c.note("decision", "no event: the content of another trigger's argument")
                    lines.extend("    " + t for t in c.trace)
                    self._remember_content(article, c, quote, context, roster, home)
                    if field == "text":  # "Высылка была затребована 16 декабря": the act told before, dated
                        self._date_told(article, c, events)
                        lines.extend("    " + t for t in c.trace[-1:] if t.startswith("date_told"))
                    continue
                ev = self._event(article, c, quote, context, roster, home)
                if ev is None and field == "text":
                    self._date_told(article, c, events)
                lines.extend("    " + t for t in c.trace)
                if ev is None:
                    continue
                if ev.date is None and events and field == "text":
                    told = self._occasion_told(c, lex, events)  # "После выхода на свободу Навальный заявил": that day
                    if told is not None:
                        ev.date, ev.date_basis = told.date, told.date_basis
                        lines.append(f"    occasion: {ev.type} takes the date of the {told.type} it follows, {told.date}")
                if ev.date is None and field == "text":
                    undated.append((ev, c))
                if ev.date is None and events and field == "text" and self._also(sent):
                    prev = events[-1]  # "Путин также направил телеграмму Раулю Кастро": the same day as the last act
                    mine = {a.id for a in ev.actors if a.role == "source"}
                    if prev.date and mine & {a.id for a in prev.actors if a.role == "source"}:
                        ev.date, ev.date_basis = prev.date, prev.date_basis
                        lines.append(f"    also: {ev.type} takes the date of the act before it, {prev.date}")
                events.append(ev)
                self.sources_here.update(c.source_roots if ev.type not in SYMMETRIC_TYPES else ())
                if self._answers(c) and not any(a.role == "target" for a in ev.actors):
                    answering.append(ev)
                if c.frame.symmetric and len(ev.actors) >= 2:
                    context = ev.actors
        self.field = "text"
        for ev in self._told_in_parts(article, lines):
            events.append(ev)
            if ev.date is None:
                undated.append((ev, None))
        for ev, c in undated:  # "в день его задержания", with the arrest dated further on: that day
            told = None if ev.date is not None or c is None else \
                self._occasion_told(c, lex, [e for e in events if e is not ev])
            if told is not None:
                ev.date, ev.date_basis = told.date, told.date_basis
                lines.append(f"    occasion: {ev.type} of {c.sent.text[:40]!r} takes the date of the {told.type} "
                             f"that is its occasion, {told.date}")
        for ev in answering:
            accusers = self._accusers(ev, events)
            if accusers:
                ev.actors.extend(accusers)
                lines.append(f"    accuser: {ev.type} of {[a.name for a in ev.actors if a.role == 'source']} answers "
                             f"{[a.name for a in accusers]}")
        for ev in self._blamed(events):
            lines.append(f"    blamed: the {ev.type} of {[a.name for a in ev.actors if a.role == 'target']} by "
                         f"{[a.name for a in ev.actors if a.role == 'source']}, as the accusation names them")
        # a headline's events go last, so that one repeating the text merges into the text's report
        titled = [e for e in events if e.evidence[0].start < 0]
        return _merge_within([e for e in events if e.evidence[0].start >= 0] + titled), lines

    # the event of one candidate -------------------------------------------------------------------

    def _event(self, article: Article, c: Candidate, quote, context: list[Actor], roster: list[Mention],
               home: Actor | None) -> Event | None:
        """One candidate through the decisions: does the frame apply, who acts, on whom, with what status,
        type, date and mode; None (with the reason noted) when it makes no event."""
        if not self._applies(c, quote):
            return None
        self.acting_type = c.frame.type
        self.reading = (quote, context, roster, home)
        source = self._source(article, c, home, context, quote)
        target = self._target(article, c, source, home, context)
        if c.frame.inverse:
            c.source_roots, c.target_roots = c.target_roots, c.source_roots
            source, target = target, source
        if c.frame.type == "REJECT" and source and not target:  # "Предложение премьера … он ответил отказом"
            proposer = self._proposer(article, c, home, context)
            if proposer is not None:
                if proposer.id in {a.id for a in source} and any(c.sent.tokens[r].pos == "PRON" for r in c.source_roots):
                    source = self._actors(article, c.sent, c.source_roots, home, context,
                                          exclude_ids=frozenset({proposer.id}), subject=True)
                if source and proposer.id not in {a.id for a in source}:
                    target = [Actor(proposer.id, proposer.name, proposer.type, "target", proposer.country)]
                    c.note("target_proposer", f"{proposer.name} (whose proposal is turned down)")
        c.note("actors", f"source {[a.name for a in source]} target {[a.name for a in target]}")
        actors = self._sides(article, c, source, target, context, roster, home)
        if actors is None:
            return None
        event_type, cameo = self._type_and_status(c)
        if c.status == "occurred" and event_type == c.frame.type and \
                c.sent.tokens[c.head].lemma in word_sets()["state_of_being_verbs"]:  # (a refusal to is an act)
            c.note("decision", "no event: working in a government is a state, not an act (only not doing so is)")
            return None
        claim = rules._reporter(c) if event_type == "ASSAULT" else None
        if claim is not None and c.sent.tokens[claim].lemma in word_sets()["claim_verbs"]:
            # "Макгоуэн утверждает, что продюсер изнасиловал её": her accusation of him, not an assault told
            claimant = self._actors(article, c.sent, rules._first(rules.slots(c.sent, claim), "subj"), home, context)
            doers = [a for a in actors if a.role == "source"]
            if claimant and doers:
                event_type, cameo = "ACCUSE", settings()["cameo"]["allege"]
                actors = [*(Actor(a.id, a.name, a.type, "source", a.country) for a in claimant),
                          *(Actor(a.id, a.name, a.type, "target", a.country) for a in doers)]
                c.note("claim", "violence someone claims another did is an accusation")
        if c.sent.tokens[c.head].lemma in word_sets()["giving_up_verbs"] and actors and all(
                a.type == "PER" for a in actors if a.role == "source"):
            # a person who gives himself up yields to the state ("Хамид Мурад сдался полиции"); armies retreat
            event_type, cameo = "CONCEDE", settings()["cameo"]["give_up"]
            if not any(a.role == "target" for a in actors):
                state = self._place_state(article, c.sent) or home
                if state is not None:
                    actors = [*actors, Actor(state.id, state.name, state.type, "target", state.country)]
            c.note("give_up", "a person giving himself up yields to the state")
        if c.state_filled and c.unreal:
            c.note("decision", "no event: only a possible or planned act, by a state the text does not name")
            return None
        if c.frame.symmetric and event_type not in SYMMETRIC_TYPES:  # a visit as a sign of respect: who to whom
            mine = {a.id for a in source}
            if mine and any(a.id not in mine for a in actors):
                actors = [Actor(a.id, a.name, a.type, "source" if a.id in mine else "target", a.country)
                          for a in actors]
        date, basis = self._date(article, c)
        mode, cameo = self._mode(c, cameo)
        c.note("decision", f"event {event_type} {c.status} {[(a.name, a.role) for a in actors]} {date or ''}")
        sent = c.sent
        key = f"{article.id}:{'title:' if self.field == 'title' else ''}{sent.start}:{c.head}:{event_type}"
        return Event(
            id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16], type=event_type, mode=mode, cameo=cameo,
            status=c.status, date=date, date_basis=basis, actors=actors,
            evidence=[Evidence(article.id, sent.start, sent.end, sent.text) if self.field == "text" else
                      Evidence(article.id, -1, -1, sent.text)],  # a title: no offsets into the text
            location=self._location(article, sent, c.s_index, mode, event_type), topics=self._topics(sent),
            confidence=self._confidence(c, quote, actors), rule=f"{c.frame.name}:{','.join(_rule_names(c))}",
            triggers=[(sent.tokens[k].start, sent.tokens[k].end) for k in c.tokens],
        )

    def _told_in_parts(self, article: Article, lines: list[str]) -> list[Event]:
        """One act told in two sentences, each naming one side: "Парламент Греции избрал президентом женщину" …
        "Кандидатуру Сакелларопулу поддержало большинство". A frame that found only one side, whose other side
        the sentence does say with a common noun ("женщину", "большинство") or leaves to a passive, takes that
        side from a nearby report of the same act that names it, when all such reports name the same actors;
        the event takes the lender's date when it has none of its own."""
        made: list[Event] = []
        window = limit("told_in_parts")
        for c, source, target, quote, context, roster, home in self.partials:
            missing = "target" if source else "source"
            roots = c.target_roots if missing == "target" else c.source_roots
            if not (roots or missing == "source" and rules._passive(c)) or not all(
                    self._people_noun(c.sent, r) for r in roots):
                continue
            lenders = [p for p in self.partials if p[0] is not c and p[0].frame.name == c.frame.name
                       and abs(p[0].s_index - c.s_index) <= window and bool(p[1 if missing == "source" else 2])]
            sides = {frozenset(a.id for a in (p[1] if missing == "source" else p[2])) for p in lenders}
            if len(sides) != 1:
                continue
            lender = min(lenders, key=lambda p: abs(p[0].s_index - c.s_index))
            lent = lender[1] if missing == "source" else lender[2]
            if {a.id for a in lent} & {a.id for a in source + target}:
                continue
            fresh = dataclasses.replace(c, source_roots=[], target_roots=[], trace=[], status="occurred", timex=None,
                                        mode=None, unnamed_target=False, state_filled=False, unreal=False,
                                        missed_side=False, place_target=False, protest_target=False,
                                        impersonal=False, borrowed=(missing, lent, lender[0].s_index))
            ev = self._event(article, fresh, quote, context, roster, home)
            lines.append(f"[{c.s_index}] told in parts, with sentence {lender[0].s_index}")
            lines.extend("    " + t for t in fresh.trace)
            if ev is None:
                continue
            ev.evidence.append(Evidence(article.id, lender[0].sent.start, lender[0].sent.end, lender[0].sent.text))
            if ev.date is None:
                ev.date, ev.date_basis = self._date(article, lender[0])
            made.append(ev)
        return made

    @staticmethod
    def _people_noun(sent: Sentence, r: int) -> bool:
        """A common noun for people ("женщину", "большинство из 261 депутата"): not a pronoun or a name, which
        are someone else ("Оба они также отказались") or someone unknown, and not a thing ("его выдвижение")."""
        t = sent.tokens[r]
        return t.pos == "NOUN" and (_someone(t) or any(
            sent.tokens[k].pos == "NOUN" and _someone(sent.tokens[k]) for k in children(sent, r)))

    def _answers(self, c: Candidate) -> bool:
        """A denial of guilt or a rejected accusation ("отрицает вину", "отверг обвинения", "pleaded not guilty")."""
        words = word_sets()["accusation_nouns"]
        if c.frame.type != "REJECT":
            return False
        return c.frame.name in word_sets()["answering_classes"] or any(
            c.sent.tokens[k].lemma in words for k in c.tokens) or any(
            c.sent.tokens[r].lemma in words for r in rules.arg_slots_roots(c))

    def _accusers(self, ev: Event, events: list[Event]) -> list[Actor]:
        """Who the accused answers: the source of the article's charges, arrests or accusations against him."""
        mine = {a.id for a in ev.actors if a.role == "source"}
        def sources(e: Event) -> list[Actor]:
            return [a for a in e.actors if a.role == "source" and not a.id.startswith("e-generic-") and a.id not in mine]

        charges = [e for e in events if e.type in ("ACCUSE", "COERCE") and e is not ev]
        found = [a for e in charges if mine & {a.id for a in e.actors if a.role == "target"} for a in sources(e)]
        if not found:  # the charges name him otherwise ("Россиянин, обвиняемый …"): one accuser throughout
            every = _unique([a for e in charges if e.type == "ACCUSE" for a in sources(e)])
            found = every if len({a.id for a in every}) == 1 else []
        return [Actor(a.id, a.name, a.type, "target", a.country) for a in _unique(found)]

    def _blamed(self, events: list[Event]) -> list[Event]:
        """Violence told without its doer takes as doer the one an accusation of that act names: "Салех был убит"
        and "обвинив в убийстве Салеха мятежников-хути" make the Houthis the killers, as the accuser says (the
        event keeps the accusation's word: its source is who is blamed). Returns the events given a doer."""
        out = []
        for acc in [e for e in events if e.type == "ACCUSE" and e.status == "occurred"
                    and e.rule.split(":")[0] in needed("blame_classes")]:
            accused = [a for a in acc.actors if a.role == "target"]
            crimes = [c for c in self.contents if c.type == "ASSAULT" and c.evidence[0].start == acc.evidence[0].start]
            victims = {a.id for c in crimes for a in c.actors if a.role == "target"}
            if not accused or not victims or {a.id for a in accused} & {a.id for c in crimes for a in c.actors}:
                continue  # the one blamed is none of those the crime's own words name
            for ev in events:
                if ev.type == "ASSAULT" and not any(a.role == "source" for a in ev.actors) and \
                        victims & {a.id for a in ev.actors if a.role == "target"}:
                    ev.actors.extend(Actor(a.id, a.name, a.type, "source", a.country) for a in accused)
                    out.append(ev)
        return out

    def _remember_content(self, article: Article, c: Candidate, quote, context: list[Actor], roster: list[Mention],
                          home: Actor | None) -> None:
        """The sides of an act told only as another's content ("просьбой ограничить свободу Лебедева за
        избиение Сергея Полонского"): no event, but the case's victim or accused the text may later name
        by role ("пострадавший попросил суд")."""
        if c.frame.type not in settings()["case_role_types"]:
            return
        trace = list(c.trace)
        ev = self._event(article, c, quote, context, roster, home)
        c.trace = trace
        if ev is not None:
            self.contents.append(ev)

    def _date_told(self, article: Article, c: Candidate, events: list[Event]) -> None:
        """A trigger that names no side but has a time of its own dates the one undated event of its class
        the text has told before: "В аэропорту задержан россиянин. … Его задержали в воскресенье, 25 февраля"."""
        if c.frame.symmetric or c.status != "occurred":
            return
        timex = rules.event_time(c.sent, c.sent.tokens[c.head].start, article.timexes, c.head)
        if timex is None or timex.basis not in ("explicit", "partial") or not DAY.fullmatch(timex.value):
            return  # a day: "в 2002 году его обвиняли" is some earlier charge, not the one told
        told = [e for e in events if e.rule.split(":")[0] == c.frame.name]  # the headline's and the lead's reports
        # the reports of the last act of the class told ("выслали дипломата … Россия также выслала сотрудника
        # посольства. Высылка была затребована 16 декабря": the last expulsion, not the first, already dated)
        undated = [e for e in told if e.date is None and e.status == "occurred"]
        if undated and told[-1] in undated and \
                len({frozenset((a.id, a.role) for a in e.actors) for e in undated}) == 1:
            told = undated
            for e in told:
                e.date, e.date_basis = timex.value, "explicit"
            told[-1].evidence.append(Evidence(article.id, c.sent.start, c.sent.end, c.sent.text))
            c.note("date_told", f"{timex.text!r} → {timex.value} for the {c.frame.name} told before")

    def _applies(self, c: Candidate, quote) -> bool:
        """The frame's own conditions: quotations, an action it must govern, words its sentence must hold."""
        frame, sent = c.frame, c.sent
        if quote is not None and not frame.quotes:
            c.note("decision", "no event: inside a quotation")
            return False
        if c.reflexive and sent.tokens[c.head].lemma in word_sets()["norm_verbs"]:
            c.note("decision", "no event: a norm, not an act ('запрещается развёртывать')")
            return False
        if self._purpose(c):
            c.note("decision", "no event: what a purpose clause aims at is not done ('чтобы поймать его')")
            return False
        if self._states_a_norm(c):
            c.note("decision", "no event: what the law says happens if … ('согласно Конституции, если президент отказывается')")
            return False
        if self._describes_a_thing(c):
            c.note("decision", "no event: a participle that describes a thing ('образцы оружия, захваченные у солдат')")
            return False
        if sent.tokens[c.head].lemma in word_sets()["opinion_verbs"] and (rel(sent, c.head) == "parataxis" or any(
                base_rel(sent, k) == "ccomp" for k in children(sent, c.head)) and not self._several(sent, c.head)):
            c.note("decision", "no event: a view on what is said, not an act ('…, agrees the analyst', 'не "
                               "исключил, что')")
            return False
        if frame.type == "ASSAULT" and any(sent.tokens[k].lemma in word_sets()["accident_words"]
                                           for k in subtree(sent, c.head, word_sets()["prune"])):
            c.note("decision", "no event: hurt in an accident, not attacked ('injured in a car accident')")
            return False
        head = sent.tokens[c.head]
        deps = [sent.tokens[k] for k in children(sent, c.head) if sent.tokens[k].pos not in ("PUNCT", "ADV", "ADJ")]
        if c.entry.pos == "noun" and c.language == "ru" and rel(sent, c.head).startswith("nsubj") and deps and all(
                t.pos in ("PRON", "DET") and t.lemma in ("он", "она", "они", "его", "её", "ее", "их", "свой") for t in deps):
            c.note("decision", "no event: 'его увольнение' as the subject of a remark is the act told before")
            return False
        if c.entry.pos == "noun" and 0 <= head.head < len(sent.tokens) and \
                sent.tokens[head.head].lemma in word_sets()["regulation_nouns"] and \
                case_marker(sent, c.head) in ("о", "об", "about", "on"):
            c.note("decision", "no event: what a law is about ('закон о митингах')")
            return False
        asked_for = any(t.head in c.tokens and t.lemma in word_sets()["request_preps"] and any(
            g.head == k and g.pos in ("NOUN", "PROPN") for g in sent.tokens) for k, t in enumerate(sent.tokens))
        if frame.complement and not asked_for and not any(
                t.head in c.tokens and t.rel.split(":")[0] in ("xcomp", "ccomp", "acl") for t in sent.tokens):
            c.note("decision", "no event: the trigger governs no action")
            return False
        if frame.type == "REQUEST" and any(t.head == c.head or sent.tokens[t.head].head == c.head
                                           for t in sent.tokens if t.lemma in word_sets()["question_marks"]
                                           and t.rel == "mark"):
            c.note("decision", "no event: a question, not a request ('asked whether')")
            return False
        own = set(c.tokens)  # the trigger's own words are no evidence of what it needs ("отставка" for "подать в отставку")
        # nor is what another clause says: "подал в отставку, заявив, что страна, столкнувшаяся с протестами, …"
        for k, t in enumerate(sent.tokens):
            if t.rel.split(":")[0] in ("ccomp", "acl", "parataxis") and c.head not in subtree(sent, k) and not (
                    t.rel.startswith("acl") and t.pos in ("NOUN", "ADJ")):  # "как «провидца»" is no clause
                own |= subtree(sent, k)
        if frame.needs and not {t.lemma for k, t in enumerate(sent.tokens) if k not in own} & needed(frame.needs):
            c.note("decision", f"no event: the sentence has no word of {frame.needs}")
            return False
        lemmas = {t.lemma for k, t in enumerate(sent.tokens) if k not in own}
        # what blocks a class may be said in the sentence before ("освобожден по собственному желанию. … от
        # должности он освобожден указом губернатора с 20 июня")
        before = self.sentences[c.s_index - 1] if self.field == "text" and 0 < c.s_index <= len(self.sentences) \
            and frame.unless in (settings().get("unless_before") or ()) else None
        lemmas_before = {t.lemma for t in before.tokens} if before is not None else set()
        if frame.unless and any(set(entry.split()) <= lemmas or set(entry.split()) <= lemmas_before
                                for entry in needed(frame.unless)):
            c.note("decision", f"no event: the sentence or the one before has a word of {frame.unless}")
            return False
        return True

    def _source(self, article: Article, c: Candidate, home: Actor | None, context: list[Actor],
                quote) -> list[Actor]:
        """Who acts: the first source rule that finds a phrase, its actors; in a quotation, "я"/"мы" or no
        subject at all is the speaker."""
        for rule in rules.SOURCE_RULES:
            if c.frame.reported and rule is not rules.source_reporter:
                break  # a reported wrong's own subject is the accused, never the accuser
            found = rule(c)
            if found and self._quoted_apart(article, c, found):
                c.note(rule.__name__, " ".join(c.sent.tokens[r].text for r in found) + " (inside a quotation the trigger is not)")
                continue
            if found:
                c.source_roots = found
                c.note(rule.__name__, " ".join(c.sent.tokens[r].text for r in found))
                break
        source = self._actors(article, c.sent, c.source_roots, home, context, subject=True)
        if not source and quote is not None and not c.frame.inverse:
            subj = {c.sent.tokens[r].lemma for r in c.source_roots}
            if not c.source_roots or subj & word_sets()["first_person"]:
                source = self._speaker(article, quote.speaker_id)
                if source:
                    c.note("source_speaker", source[0].name)
        return source

    def _head_of_government(self, article: Article) -> Actor | None:
        """The one person the text names as head of government ("премьер-министр Бойко Борисов")."""
        titles = word_sets()["head_of_government_titles"]
        found = {}
        for m in article.mentions:
            if m.type != "PER" or m.entity_id not in article.entities:
                continue
            text = self._text(article) if m.field == "text" else (article.title or "")
            before = text[max(0, m.start - 40):m.start].lower()
            if any(re.search(rf"{re.escape(t)}[\w-]*\s+(\w+\s+)?$", before) for t in titles):
                found[m.entity_id] = article.entities[m.entity_id]
        return self._actor(next(iter(found.values()))) if len(found) == 1 else None

    def _occasion_told(self, c: Candidate, lex, events: list[Event]) -> Event | None:
        """The dated event of the article that the sentence names as its occasion ("после выхода на свободу",
        "в день задержания"), when one event of that class was told before."""
        sent = c.sent
        for k, t in enumerate(sent.tokens):
            if k in c.tokens or t.pos != "NOUN":
                continue
            window = " ".join(x.lemma for x in sent.tokens[max(0, k - int(limit("occasion_window"))):k])
            if not any(re.search(rf"(^| ){re.escape(p)}( \S+)?$", window) for p in word_sets()["occasion_preps"]):
                continue
            classes = {e.frame.name for e in lex.by_lemma.get(t.lemma, ())}
            told = [e for e in events if e.rule.split(":")[0] in classes and e.date and DAY.fullmatch(e.date)]
            if len({e.date for e in told}) == 1:
                return told[-1]
        return None

    def _also(self, sent: Sentence) -> bool:
        """The sentence adds another act to the one before: "также", "also"."""
        return any(t.lemma in word_sets()["also_words"] for t in sent.tokens)

    def _purpose(self, c: Candidate) -> bool:
        """The trigger stands in a purpose clause ("чтобы X", "in order to X") hanging off another verb."""
        marks = word_sets()["purpose_marks"]
        i = c.head
        for _ in range(int(limit("climb"))):
            if rel(c.sent, i).split(":")[0] == "advcl":  # a trip made to do it does it: "летал в Тбилиси, чтобы поддержать"
                above = c.sent.tokens[i].head
                if above >= 0 and c.sent.tokens[above].lemma in word_sets()["travel_verbs"]:
                    return False
                return any(c.sent.tokens[k].lemma in marks and c.sent.tokens[k].head == i for k in range(len(c.sent.tokens)))
            i = c.sent.tokens[i].head
            if i < 0:
                return False
        return False

    def _giver(self, article: Article, c: Candidate) -> Actor | None:
        """The body that awards the prize the trigger's phrase names, from the knowledge base."""
        words = {c.sent.tokens[k].lemma for t in c.tokens for k in subtree(c.sent, t, word_sets()["prune"])}
        found = self.kb.giver(words)
        if found is None:
            return None
        ent = article.entities.setdefault(found.entity_id, Entity(found.entity_id, found.en, found.type, found.ru,
                                                                  found.wikidata, found.country))
        return self._actor(ent, "source")

    def _proposer(self, article: Article, c: Candidate, home: Actor | None, context: list[Actor]) -> Actor | None:
        """Whose proposal, request or invitation the sentence names ("Предложение нового премьера стало
        неожиданностью"): a refusal with no one named answers him."""
        sent = c.sent
        for k, t in enumerate(sent.tokens):
            if t.lemma not in word_sets()["proposal_nouns"] or k in c.tokens:
                continue
            owners = [j for j in children(sent, k) if base_rel(sent, j) in ("nmod", "poss", "nmod:poss")
                      and not case_marker(sent, j) and case(sent, j) in ("Gen", "")]
            found = self._actors(article, sent, owners, home, context) if owners else []
            if len(found) == 1:
                return found[0]
        return None

    @staticmethod
    def _said_not_done(c: Candidate) -> bool:
        """The wrong stands under a negated predicate of its clause: "в которой нет ничего противозаконного",
        "не было ничего незаконного"."""
        neg, sent, i = word_sets()["negation"], c.sent, c.head
        clauses = word_sets()["prune"] | {"conj"}
        for _ in range(int(limit("climb"))):
            if sent.tokens[i].lemma in neg or any(sent.tokens[k].lemma in neg and rel(sent, k) not in clauses
                                                  for k in children(sent, i) if k not in c.tokens):
                return True
            if sent.tokens[i].pos in VERB_POS or sent.tokens[i].head < 0:
                return False
            i = sent.tokens[i].head
        return False

    @staticmethod
    def _several(sent: Sentence, verb: int) -> bool:
        """The verb's subject is more than one: "Hungarian and Romanian officials agreed that …"."""
        subjects = [k for k in children(sent, verb) if base_rel(sent, k) == "nsubj"]
        return any(sent.tokens[k].feats.get("Number") == "Plur"
                   or any(base_rel(sent, j) == "conj" for j in children(sent, k)) for k in subjects)

    def _act_noun(self, t: Token) -> bool:
        """A noun that names an act of the lexicon ("отставка", "арест") or a thing a policy props up
        ("экономика", "the economy", "рубль"): supporting it supports no one."""
        return t.pos == "NOUN" and (t.lemma in word_sets()["supported_things"] or any(
            e.pos == "noun" for e in lexicon(self.language).by_lemma.get(t.lemma, ())))

    def _state_act(self, sent: Sentence, roots: list[int]) -> bool:
        """The phrase names an act only a state does: an arrest, a charge, a search."""
        lex = lexicon(self.language)  # the article's language, set by run(), not guessed from the letters again
        return any(e.frame.state for r in roots for e in lex.by_lemma.get(sent.tokens[r].lemma, ()))

    def _quoted_apart(self, article: Article, c: Candidate, roots: list[int]) -> bool:
        """The phrase stands inside a quotation and the trigger outside it: "«Он погиб …», — заявил лидер
        партии, обвинив мятежников" (the parse may hang the gerund on the quoted verb)."""
        if self.field != "text":
            return False
        at = c.sent.tokens[c.head].start

        def quote_of(pos: int):
            return next((q for q in article.quotes if q.start <= pos < q.end), None)

        mine = quote_of(at)
        return any(quote_of(c.sent.tokens[r].start) not in (None, mine) for r in roots)

    @staticmethod
    def _shared(sent: Sentence, c: Candidate, r: int) -> bool:
        """The subject of coordinated verbs is each one's: "продюсер сдался полиции и был задержан"."""
        head = sent.tokens[c.head]
        return rel(sent, c.head) == "conj" and sent.tokens[r].head == head.head

    def _target(self, article: Article, c: Candidate, source: list[Actor], home: Actor | None,
                context: list[Actor]) -> list[Actor]:
        """Who is acted upon: the first target rule whose phrase names someone other than the source."""
        sent = c.sent
        mine = frozenset(a.id for a in source)
        src_tokens = self._phrase(sent, c.source_roots)
        people: list[int] = []  # "задержали более 500 человек": unnamed people as the one acted upon
        for rule in rules.TARGET_RULES:
            found = rule(c)
            if not found:
                continue
            # one word, one role: "после указа о помиловании Нетаньяху поблагодарил Путина" (he thanked; he was
            # not pardoned)
            roots = [r for r in found if r not in c.source_roots and (r not in self.sources_here or self._shared(sent, c, r))]
            if roots and c.frame.type in word_sets()["case_types"] and \
                    all(sent.tokens[r].lemma in _crime_nouns(c.language) for r in roots):
                # "расследование убийства Гарсии", "осужден за убийство журналиста": the crime's victim is not
                # the one accused; the accused is unnamed here
                c.note(rule.__name__, " ".join(sent.tokens[r].text for r in roots) + " (a crime: its victim is not the accused)")
                c.unnamed_target = True
                return []
            if roots and rule in (rules.target_frame_slots, rules.target_passive_subject) and (
                    c.frame.animate_target and all(_thing(sent.tokens[r]) for r in roots)
                    or c.frame.type == "SUPPORT" and all(self._act_noun(sent.tokens[r]) for r in roots)):
                c.target_roots = roots  # "похитил данные", "отставка должна быть поддержана": no one's side
                c.note(rule.__name__, " ".join(sent.tokens[r].text for r in roots) + " (a thing or an act, no one)")
                return []
            crowd = [r for r in roots if sent.tokens[r].lemma in word_sets()["participant_nouns"]]
            if (crowd or rule is rules.target_place and people) and self._protest_scene(article, c):
                c.note("target_protest", "the people hurt or held where a protest is told are its protesters")
                c.protest_target = True
                return [self._implied(article, sent, "Protesters", home)]  # "в ходе демонстраций ранены 28 человек"
            if rule is rules.target_place:  # a place stands for its state
                target = self._city_as_state(article, sent, roots)
            elif rule is rules.target_reported_subject and self._state_act(sent, roots):
                state = self._implied(article, sent, "state", home)  # "задержание … неправомерно": the state's act
                target = [state] if state is not None else []
            else:
                target = self._actors(article, sent, roots, home, context, exclude=src_tokens, exclude_ids=mine)
            if rule is rules.target_named_below:  # a name further down stands only for a person
                target = [a for a in target if a.type == "PER"]
            if rule is rules.target_phrase_owner:  # "отозвал посла Украины из Белоруссии": his own envoy
                target = [a for a in target if not a.country or a.country not in {x.country for x in source}]
            target = [a for a in target if a.id not in mine]
            c.note(rule.__name__, " ".join(sent.tokens[r].text for r in found) + ("" if target else " (no one)"))
            if target:
                c.target_roots = roots
                c.place_target = rule is rules.target_place
                return target
            if not target and roots and c.frame.type in word_sets()["author_target_types"]:
                # "назвал принятый Госдумой закон «аморальным»": blame for a thing goes to whoever made it
                authors = [j for r in roots for k in children(sent, r) if sent.tokens[k].feats.get("VerbForm") == "Part"
                           for j in children(sent, k) if case(sent, j) == "Ins" and sent.tokens[j].pos in ("NOUN", "PROPN")]
                target = [a for a in self._actors(article, sent, authors, home, context, exclude_ids=mine)] if authors else []
                if target:
                    c.note("target_author", " ".join(sent.tokens[j].text for j in authors))
                    c.target_roots = authors
                    return target
            if rule is not rules.target_named_below and any(sent.tokens[r].pos in ("NOUN", "PRON") for r in roots):
                c.unnamed_target = True
                people = people or [r for r in roots if sent.tokens[r].lemma in word_sets()["participant_nouns"]]
                c.missed_side = c.missed_side or any(_someone(sent.tokens[r]) for r in roots)
        # "задержали 39 человек на акции", "возбудил дело в связи с акцией протеста": a state's act at or over a
        # protest, with no one else named, is done to the protesters
        if self._protest_scene(article, c, people):
            c.note("target_protest", "the protest it was done at or over")
            c.protest_target = True
            return [self._implied(article, sent, "Protesters", home)]
        # "ушло в отставку после массовых протестов": who pressed for a yielding is who it yields to
        pressed = pressure_actors() if c.frame.needs else {}
        by = next((pressed[t.lemma] for k, t in enumerate(sent.tokens) if t.lemma in pressed and k not in c.tokens), None)
        if by is not None:
            c.note("target_pressure", by)
            return [self._implied(article, sent, by, home)]
        # "захватили заложника", "вызвал посла Чехии": the phrase names its own target
        generic, bodies = generic_actors(), word_sets()["state_bodies"]
        own = [k for k in c.tokens if k != c.head and (sent.tokens[k].lemma in generic or sent.tokens[k].lemma in bodies)]
        if own:
            c.note("target_in_phrase", sent.tokens[own[0]].text)
            return [a for a in self._actors(article, sent, own[:1], home, context) if a.id not in mine]
        return []

    def _type_and_status(self, c: Candidate) -> tuple[str, str]:
        """The status rules decide; a conditional hostile plan is a threat, an expressed intention to give or
        yield an agreement, a refused concession a rejection (PLOVER)."""
        for rule in rules.STATUS_RULES:
            st = rule(c)
            if st:
                c.status = st
                c.note(rule.__name__, st)
                break
        c.unreal = c.status in ("planned", "hypothetical")
        frame, words = c.frame, word_sets()
        if c.status == "planned" and frame.type in words["hostile_types"] and \
                any(re.search(rf"(^|\W){re.escape(w)}(\W|$)", c.sent.text.lower()) for w in words["conditional"]):
            c.status = "occurred"  # the threat is made now
            c.note("threat", "a hostile plan on a condition")
            return "THREATEN", settings()["cameo"]["threat"]  # "will withdraw … unless"
        if frame.type in ("SUPPORT", "COOPERATE", "AID") and c.status == "occurred" and any(
                c.sent.tokens[g].lemma in words["cease_words"] for g in rules._governors(c)[1:]):
            c.note("cease", "stopping support or cooperation reduces relations")
            return "SANCTION", settings()["cameo"]["reduce_relations"]  # "Мутарика перестал поддерживать Мулузи"
        if frame.name in words["warning_classes"] and any(
                (c.sent.tokens[k].lemma in words["risk_words"] or c.sent.tokens[k].text.lower().startswith(
                    tuple(words["risk_words"]))) and any(c.sent.tokens[j].lemma in ("о", "об", "about", "of")
                                                        for j in range(len(c.sent.tokens)) if c.sent.tokens[j].head == k)
                for k in subtree(c.sent, c.head)):
            c.note("warning_of_risk", "warning someone of a risk is telling them, not threatening them")
            return "COOPERATE", settings()["cameo"]["share_information"]  # "предупредило власти Бельгии о рисках"
        if frame.type == "PROTEST" and any(c.sent.tokens[k].lemma in words["support_marks"]
                                           for k in subtree(c.sent, c.head, words["prune"]) if k not in c.tokens):
            c.note("support_rally", "a rally in support of someone supports him")
            return "SUPPORT", settings()["cameo"]["support_rally"]  # "митинг в поддержку генерала Младича"
        sign = self._sign_of(c)
        if sign is not None and sign != frame.type:
            c.note("sign_of", f"an act done as a sign of {sign.lower()} is {sign}")  # "посетит тюрьму в знак уважения"
            return sign, settings()["cameo"]["sign_" + sign.lower()]
        if c.status in ("planned", "occurred") and frame.type in words["threat_types"] and \
                rules.intent(c, frozenset(words["readiness"])):
            c.status = "occurred"  # "готов закрыть посольство", "prepared to impose martial law"
            c.note("threat", "readiness for a hostile act is a threat")
            return "THREATEN", settings()["cameo"]["threat"]
        if c.status == "hypothetical" and frame.type in words["threat_types"] and not rules.impersonal(c):
            # "they would boycott", not "его могут убить": a threat has someone who makes it
            c.status = "occurred"  # "said they would boycott", "may halt mediation if …": a threat, made now
            c.note("threat", "a hostile act the source says it would or may do is a threat")
            return "THREATEN", settings()["cameo"]["threat"]
        if c.status in ("planned", "occurred") and rules.intent(c) and intent_as(frame.type):
            c.status = "occurred"
            c.note("intent", f"an expressed intention: {intent_as(frame.type)[0]}")
            return intent_as(frame.type)
        if frame.reported and (c.status == "negated" or self._said_not_done(c)):
            c.status = "occurred"  # "заявила, что в этом нет ничего противозаконного": a denial
            c.note("negated_as", "a wrong one says was not done: a denial")
            return "REJECT", settings()["cameo"]["refusal"]
        if frame.name in words["contest_classes"] and any(
                c.sent.tokens[r].lemma in words["accusation_nouns"] for r in rules.arg_slots_roots(c)):
            c.note("contest", "contesting charges is rejecting them")
            return "REJECT", settings()["cameo"]["refusal"]
        if c.status == "negated" and negated_as(frame.type):
            c.status = "occurred"
            c.note("negated_as", f"a refusal: {negated_as(frame.type)}")
            return negated_as(frame.type), settings()["cameo"]["refusal"]
        return frame.type, frame.cameo

    @staticmethod
    def _states_a_norm(c: Candidate) -> bool:
        """A sentence that cites a law for what happens on a condition states a norm, not an act: "согласно
        Конституции Молдавии, если президент дважды отказывается утвердить кандидатуры …"."""
        toks, words = c.sent.tokens, word_sets()
        cites = any(t.lemma in words["norm_sources"] and k > 0 and toks[k - 1].lemma in words["norm_citing"]
                    or t.lemma in words["norm_sources"] and k > 1 and toks[k - 2].lemma in words["norm_citing"]
                    for k, t in enumerate(toks))
        return cites and any(t.lemma in words["condition_marks"] for t in toks)

    @staticmethod
    def _describes_a_thing(c: Candidate) -> bool:
        """A passive participle qualifying a common inanimate noun tells what the thing is, not an act of the
        text: "захваченные у солдат образцы", "заблокированные сайты" (but "задержанный активист" is one)."""
        sent, t = c.sent, c.sent.tokens[c.head]
        if c.language != "ru" or t.feats.get("VerbForm") != "Part" or t.feats.get("Voice") != "Pass" or \
                t.feats.get("Variant") == "Short" or \
                base_rel(sent, c.head) not in ("amod", "acl") or t.head < 0:
            return False
        head = sent.tokens[t.head]
        return head.pos == "NOUN" and head.feats.get("Animacy") == "Inan" and head.text[:1].islower()

    @staticmethod
    def _sign_of(c: Candidate) -> str | None:
        """The type an act stands for when the clause says what it is a sign of: "в знак уважения" (SUPPORT),
        "в знак протеста" (PROTEST), "as a sign of solidarity"."""
        sent, marks = c.sent, settings()["sign_of"]
        for k in subtree(sent, c.head, word_sets()["prune"]):
            t = sent.tokens[k]
            marker = sent.tokens[t.head].lemma if rel(sent, k) == "pobj" and t.head >= 0 else case_marker(sent, k)
            if k in c.tokens or t.lemma not in marks["nouns"] or marker not in marks["prepositions"]:
                continue
            for g in subtree(sent, k):
                kind = marks["types"].get(sent.tokens[g].lemma)
                if kind is not None and g != k:
                    return kind
        return None

    def _date(self, article: Article, c: Candidate) -> tuple[str | None, str | None]:
        """The sentence's own time expression; else the publication date for a lead sentence that reports."""
        c.timex = rules.event_time(c.sent, c.sent.tokens[c.head].start, article.timexes, c.head) if self.field == "text" \
            else None  # the timexes are the text's
        if c.timex is not None:
            c.note("event_time", f"{c.timex.text!r} → {c.timex.value}")
            return c.timex.value, "explicit" if c.timex.basis in ("explicit", "season") else "relative"
        if article.published and c.status == "occurred" and c.s_index <= limit("lead_sentences"):
            c.note("event_time", f"publication date {article.published[:10]} (lead sentence)")
            return article.published[:10], "publication"
        return None, None

    def _mode(self, c: Candidate, cameo: str) -> tuple[str | None, str]:
        """The frame's mode; a meeting by telephone when the sentence says so (CAMEO 041)."""
        if c.frame.type == "CONSULT" and c.frame.mode is None and \
                any(w in c.sent.text.lower() for w in word_sets()["phone_words"]):
            return "phone", settings()["cameo"]["phone"]
        return c.frame.mode, cameo

    def _confidence(self, c: Candidate, quote, actors: list[Actor]) -> float:
        conf = c.frame.confidence or confidence("default")
        if c.climbed:
            conf = min(conf, confidence("climbed"))
        if quote is not None:
            conf += confidence("in_quote")
        if len(actors) < 2 or any(a.role == "source" for a in actors) != any(a.role == "target" for a in actors):
            conf = min(conf, confidence("one_side"))
        return max(limit("confidence_min"), min(limit("confidence_max"), conf))

    def _sides(self, article: Article, c: Candidate, source: list[Actor], target: list[Actor],
               context: list[Actor], roster: list[Mention], home: Actor | None) -> list[Actor] | None:
        """The event's actors with their roles, or None (with the reason noted) when it makes no event."""
        frame, sent = c.frame, c.sent
        words = word_sets()
        phrases = {sent.tokens[k].lemma for r in [*c.source_roots, *c.target_roots] for k in subtree(sent, r, words["prune"])
                   if sent.tokens[k].pos == "NOUN"}
        if (c.language in words["one_side_known_languages"] and (source or target)
                or c.language in words["both_sides_known_languages"] and not frame.state
                and (source and target or frame.symmetric and len(_unique([*source, *target])) >= 2)
                and frame.type not in words["one_sided_types"] | words["crime_types"]) and \
                frame.type not in words["crowd_types"] and not phrases & words["political_group_nouns"] \
                and not any(self._political(article, a) for a in [*source, *target]):  # "Leaders of the … coalition"
            c.note("decision", "no event: no side is a state, body, group or office holder")
            return None
        if c.language in word_sets()["sport_languages"] and frame.type in word_sets()["sport_free_types"] \
                and any(t.lemma in word_sets()["sport_words"] and t.pos == "NOUN" and t.text.islower() for t in sent.tokens):
            c.note("decision", "no event: a sports report ('Liverpool backed to win', 'agreed a deal with the club')")
            return None
        if frame.type in word_sets()["people_only_types"] and c.language == "ru" and c.entry.pos != "verb" and source and all(
                a.type == "LOC" and (st := self.kb.country(a.country or "")) is not None and st.entity_id == a.id
                for a in source):
            c.note("decision", "no event: a state does not march or rally ('Венесуэла продолжит свой марш'); it protests")
            return None
        if frame.actors == "context":
            source = [Actor(a.id, a.name, a.type, "participant", a.country) for a in context]
            if not source:
                c.note("decision", "no event: no earlier participants to refer to")
                return None
        if frame.actors == "multilateral":
            extra = [self._actor(article.entities[m.entity_id]) for m in roster if m.entity_id in article.entities]
            people = _unique([a for a in [*source, *target, *extra] if a.type == "PER"])
            if len(people) < limit("summit_people"):
                c.note("decision", "no event: a summit needs three named participants")
                return None
            return [Actor(a.id, a.name, a.type, "participant", a.country) for a in people]
        if frame.actors.startswith("heads:"):
            heads = self._heads(article, sent, frame.actors.split(":")[1])
            if len(heads) < 2:
                c.note("decision", "no event: fewer than two countries' office holders")
                return None
            return heads
        if frame.animate_target and c.target_roots and all(_thing(sent.tokens[r]) for r in c.target_roots):
            c.note("decision", "no event: the frame acts on someone, and this is something")
            return None
        if any(sent.tokens[k].text == "%" for k in self._phrase(sent, c.source_roots, True)):
            c.note("decision", "no event: a share of voters or people is a result, not an actor")
            return None
        if frame.target_kind and not any(a.type == frame.target_kind for a in target):
            c.note("decision", f"no event: the frame needs a named {frame.target_kind} as the one acted upon")
            return None
        each_other = any(w in sent.text.lower() for w in word_sets()["each_other"])
        if len(source) >= 2 and each_other:  # "поздравили друг друга"
            target = []
        if frame.symmetric or (len(source) >= 2 and not target and each_other):
            parts = _unique([*source, *target])
            if len(parts) == 1 and frame.mode == "visit":
                host = self._host(article, sent)
                if host is not None and host.id != parts[0].id and host.country != parts[0].country:
                    parts.append(host)  # a trip inside one's own country visits no one
            if frame.mode == "visit" and c.language in word_sets()["one_side_known_languages"] and not all(
                    self._political(article, a) for a in parts):
                c.note("decision", "no event: a visit is diplomatic when each side is ('visited his local doctor')")
                return None
            # a body and its own state are one side: "Сенат США обсудил договор" is no meeting
            own = [p for p in parts if not (p.type == "LOC" and any(q.type == "ORG" and q.country == p.country
                                                                   for q in parts))]
            if len(own) < 2 and len(parts) >= 2:
                c.note("decision", "no event: a body and its own state are one participant")
                return None
            if len(parts) < 2 and not (parts and frame.type != "CONSULT" and frame.alone):
                c.note("decision", "no event: one participant")
                return None
            if len(parts) == 1 and not any(base_rel(sent, k) in word_sets()["content_relations"]
                                           for t in c.tokens for k in children(sent, t) if k not in c.tokens):
                c.note("decision", "no event: one side's assent to nothing said ('Kharlamova agreed.')")
                return None
            if len(parts) == 1:  # "APEC has agreed to set up a centre": one side's agreement
                return [Actor(parts[0].id, parts[0].name, parts[0].type, "source", parts[0].country)]
            return [Actor(a.id, a.name, a.type, "participant", a.country) for a in parts]
        implied = implied_sides().get(frame.type, {})
        if not source and implied.get("source"):
            source = [self._implied(article, sent, implied["source"], home)]
            c.note("source_implied", f"{source[0].name} (what a {frame.type.lower()} is)")
        if not target and implied.get("target") and source:
            state = self._implied(article, sent, implied["target"], home)
            if state is not None and state.id not in {a.id for a in source}:
                target = [state]
                c.note("target_implied", f"{state.name} (what a {frame.type.lower()} is)")
        source = [a for a in source if a is not None]
        c.impersonal = rules.impersonal(c)
        unsaid_agent = c.impersonal or (rules._passive(c) and not c.source_roots)
        if not source and not any(_someone(sent.tokens[r]) for r in c.source_roots) and (target or c.unnamed_target) and (
                frame.state or (unsaid_agent and (frame.type in word_sets()["state_when_unsaid"] or c.protest_target))):
            state = self._place_state(article, sent, trigger=c.head) or home
            if state is not None and state.id not in {a.id for a in target}:
                source = [state]
                c.state_filled = True
                c.note("source_state", f"{state.name} (the state where it happens)")
        if not source and target and frame.name in word_sets()["award_classes"]:
            giver = self._giver(article, c)  # "Нобелевскую премию мира получил X": the Norwegian Nobel Committee
            if giver is not None:
                source = [giver]
                c.note("source_giver", f"{giver.name} (who awards the prize)")
        if not source and not target:
            c.note("decision", "no event: no side named")
            return None
        # an unnamed doer ("двое молодых людей угрожали президенту") still makes the event; a thing does not
        # ("ей грозит импичмент": the impeachment threatens no one)
        unnamed = not source and bool(target) and frame.type in word_sets()["one_sided_types"] and any(
            sent.tokens[r].pos == "PRON" or sent.tokens[r].feats.get("Animacy") == "Anim" for r in c.source_roots)
        # "заявила, что в этом нет ничего противозаконного": a wrong one says was not done is a denial, which
        # stands with the one denying alone (its accusers are looked for in the article)
        denial = frame.reported and bool(source) and not target and (
            rules.status_negated(c) == "negated" or self._said_not_done(c))
        if source and not target and not frame.alone and not frame.symmetric and c.language == "ru" and \
                frame.type in word_sets()["interstate_types"] and not c.target_roots and \
                any(a.type == "LOC" for a in source):  # a state's act, not a person's
            other = self._other_state(article, sent, source)
            if other is not None:  # "Поскольку между США и Таиландом есть договор, власти США затребовали выдачи"
                target = [other]
                c.note("target_other_state", f"{other.name} (the one other state the sentence names)")
        if c.borrowed is not None and not (source and target):
            role, lent, where = c.borrowed
            if role == "source" and not source:
                source = lent
            elif role == "target" and not target:
                target = lent
            c.note(f"{role}_told_before" if where < c.s_index else f"{role}_told_after",
                   f"{[a.name for a in lent]} (sentence {where} tells the same act with that side named)")
        if not (source and target) and not frame.alone and not unnamed and not denial:
            c.note("decision", "no event: the frame needs both sides")
            if self.field == "text" and c.borrowed is None and bool(source) != bool(target):
                self.partials.append((c, source, target, *self.reading))
            return None
        if not source and c.place_target and c.language in word_sets()["place_only_dropped"]:
            c.note("decision", "no event: no one acts, and the one acted upon is only the place it happens in")
            return None
        missed = (not target and c.missed_side) or (not source and any(_someone(sent.tokens[r]) for r in c.source_roots))
        if not (source and target) and missed and frame.type not in word_sets()["one_sided_types"]:
            c.note("decision", "no event: the other side is in the sentence but names no one the text knows")
            return None
        if unnamed:
            c.note("sides", "one side is there but unnamed")
        if frame.type == "CONCEDE" and any(a.type == "ORG" and a.name.lower().startswith(("правительств", "кабинет",
                                                                                         "government", "cabinet"))
                                            for a in source):
            head = self._head_of_government(article)  # "Болгарское правительство уходит в отставку": Borisov's
            if head is not None and head.id not in {a.id for a in source}:
                source = [head, *source]
                c.note("source_head", f"{head.name} (the head of the government)")
        return ([Actor(a.id, a.name, a.type, "source", a.country) for a in source[:int(limit("max_sources"))]]
                + [Actor(a.id, a.name, a.type, "target", a.country) for a in target[:int(limit("max_targets"))]])

    # actors -------------------------------------------------------------------------------------

    def _phrase(self, sent: Sentence, roots: list[int], subject: bool = False) -> set[int]:
        """The argument's words: its subtree without clauses hanging off it; a subject also without its
        prepositional modifiers ("подозреваемые в нападении на X" are not X), except "of" ("the president
        of Russia")."""
        prune = word_sets()["prune"]
        keep = word_sets()["kept_prepositions"]
        out: set[int] = set()
        for r in roots:
            out |= subtree(sent, r, prune)
        for k in sorted(out) if subject else ():
            t = sent.tokens[k]
            if k in roots or t.head not in out:
                continue
            marker = case_marker(sent, k) if rel(sent, k).split(":")[0] in ("nmod", "obl") else \
                (t.lemma if rel(sent, k) == "prep" else "")
            if marker and marker not in keep:
                out -= subtree(sent, k)
        for k in sorted(out) if not subject else ():  # "похитили двух россиян и итальянца в Сирии": where, not who
            t = sent.tokens[k]
            if k not in roots and t.head in out and t.pos == "PROPN" and t.feats.get("Case") == "Loc" \
                    and rel(sent, k).split(":")[0] in ("nmod", "obl") and case_marker(sent, k) in ("в", "на"):
                out -= subtree(sent, k)
        for r in roots:  # "органы СКП и МВД проводят проверки … супруги Батуриной": a phrase does not straddle its
            h = sent.tokens[r].head  # verb (the parser may hang a word after the verb on a subject before it)
            if h >= 0 and sent.tokens[h].pos in VERB_POS:
                below = subtree(sent, r, prune)
                out = {k for k in out if k not in below or (k < h) == (r < h)}
        for r in roots:  # "указ «О … полномочий мэра Москвы», … «… президента РФ»": a quoted phrase ends at its quote
            span = _quoted_span(sent, r)
            if span is not None:
                out = {k for k in out if k not in subtree(sent, r, prune) or span[0] <= k <= span[1]}
        return out

    def _actors(self, article: Article, sent: Sentence, roots: list[int], home: Actor | None,
                context: list[Actor], exclude: set[int] = frozenset(),
                exclude_ids: frozenset[str] = frozenset(), subject: bool = False) -> list[Actor]:
        """Who an argument phrase names: people and bodies it mentions, the state a body belongs to,
        a generic group, or the previous event's sides ("стороны")."""
        if not roots:
            return []
        tokens = self._phrase(sent, roots, subject) - set(exclude)
        named = self._group(article, sent, tokens) or self._city_as_state(article, sent, roots)
        if named and all(a.type != "PER" for a in named) and len(roots) == 1:
            # "президента Молдавии лишили полномочий": the person the text introduced so, not his state
            person = self._introduced_as(article, sent, roots[0], frozenset(a.id for a in named))
            if person is not None and person.id not in exclude_ids:
                return [person]
            head = sent.tokens[roots[0]]
            if not subject and all(a.type == "ORG" for a in named) and self._member(head) and not (
                    "-" in head.text and any(m.field == self.field and head.start <= m.start < head.end
                                             for m in article.mentions)):  # "мятежников-хути": the group itself
                return []  # "уволил начальника управления": an unnamed man of that office, not the office
        heads = [sent.tokens[r].lemma for r in roots]
        if named and len(roots) == 1 and heads[0] in relations().kin:
            # "дочь президента Нурсултана Назарбаева Даригу": the relative named in apposition, not the one
            # whose relative she is
            # (the parse often hangs her name on his: the last person named in the phrase is she)
            starts = {sent.tokens[k].start for k in tokens if k > roots[0]}
            people = sorted((m for m in article.mentions if m.type == "PER" and m.start in starts and m.field == self.field
                             and m.entity_id in article.entities), key=lambda m: m.start)
            if len({m.entity_id for m in people}) >= 2:
                last = article.entities[people[-1].entity_id]
                named = [a for a in named if a.type != "PER" or a.id == last.id]
            elif people and self.acting_type not in word_sets()["kin_stand_for_types"] and all(
                    t.feats.get("Case") == "Gen" for t in sent.tokens if t.start == people[0].start):
                # "напали на дочь бойца Емельяненко", "призвал родных Царнаева": his relative, unnamed, not he
                named = [a for a in named if a.type != "PER"]
                if not named:
                    return []
        words = word_sets()
        if named and len(roots) == 1 and sent.tokens[roots[0]].lemma in words["administration_nouns"]:
            # "администрация президента США Барака Обамы", "кабинет Абэ": the state he governs, not he
            states = [s for s in (self._state(a.country) for a in named if a.type == "PER" and a.country) if s]
            if states and all(a.type == "PER" or a.id in {s.id for s in states} for a in named):
                return _unique(states)
        if named:
            return _unique([x for a in named for x in self._with_state(article, a)])
        generic = generic_actors()
        for r, lem in zip(roots, heads):
            if lem in words["relative_pronouns"]:  # "Диваеву, которого назначили": the noun the clause qualifies
                noun = self._relative_antecedent(sent, r)
                if noun is not None:
                    found = self._actors(article, sent, [noun], home, context, exclude | {r}, exclude_ids)
                    if found:
                        return found
            inner = [sent.tokens[k].lemma for k in sorted(tokens) if sent.tokens[k].head == r
                     and (sent.tokens[k].lemma in generic or sent.tokens[k].lemma in words["state_bodies"])]
            lem = lem if lem in generic or not inner else inner[0]  # "десятки тысяч протестующих", "ветви власти"
            if sent.tokens[r].pos == "PRON" and lem not in words["first_person"]:
                up = self._matrix_subject(sent, r)  # "Hungary has said it will support …"
                if up is not None:
                    found = self._actors(article, sent, [up], home, context, exclude | {r}, exclude_ids)
                    if found:
                        return found
            if lem in words["personal_pronouns"]:
                person = self._antecedent(article, sent, r, exclude_ids)
                if person is not None:
                    return [person]
            if lem in words["not_actors"]:
                continue
            if lem in generic and rel(sent, r) != "amod":  # "a suspected weapons supply" names no suspects
                name = generic[lem]
                ent = article.entities.setdefault(f"e-generic-{slug(name)}",
                                                  Entity(f"e-generic-{slug(name)}", name, "ORG"))
                return [self._actor(ent)]
            if lem in words["state_bodies"]:
                state = self._place_state(article, sent, tokens) or home
                return [state] if state is not None else []
            if lem in words["context_nouns"] and context:
                return [Actor(a.id, a.name, a.type, "participant", a.country) for a in context]
        for r in roots:  # "Большинство из них отказали": some of a group the sentence does not name
            if sent.tokens[r].lemma in words["quantity_words"] and any(
                    sent.tokens[k].pos == "PRON" and sent.tokens[k].head == r for k in tokens):
                return []
        for r in roots:  # "пострадавший попросил суд не наказывать обвиняемого": the sides of the case told before
            role = next((kind for kind, nouns in settings()["case_roles"].items() if sent.tokens[r].lemma in nouns), None)
            if role is not None:
                types = {"victim": ("ASSAULT",), "accused": ("ACCUSE", "COERCE")}[role]
                people = [a for e in reversed([*self.contents, *self.told]) if e.type in types
                          for a in e.actors if a.role == "target" and a.type == "PER" and a.id not in exclude_ids]
                if people:
                    return [people[0]]
        for r in roots:  # "соболезнования его семье", "вдове Немцова": condolences to a family go to its dead
            if sent.tokens[r].lemma in words["kin_nouns"]:
                for k in sorted(tokens):
                    t = sent.tokens[k]
                    if t.head == r and t.lemma in words["personal_pronouns"] | {"его", "ее", "её"}:
                        person = self._antecedent(article, sent, k, exclude_ids)
                        if person is not None:
                            return [person]
        for r in roots:  # "ее муж был застрелен": the man of her family the article names
            relative = self._relative_of(article, sent, r, exclude_ids)
            if relative is not None:
                return [relative]
        described = self._described(article, sent, tokens)  # "руководителей холдинга": the holding named before
        if described is not None:
            return [described]
        for r in roots:  # "продюсер сдался полиции": the person the article introduced as "продюсер Харви Вайнштейн"
            person = self._introduced_as(article, sent, r)
            if person is not None and person.id not in exclude_ids:
                return [person]
        for r in roots:  # "Россиянин, обвиняемый в атаке, …" over "москвич Дмитрий Смилянец": the one it is about
            person = self._protagonist(article, sent, r)
            if person is not None and person.id not in exclude_ids:
                return [person]
        for r in roots:  # "призвал израильтян и палестинцев", "задержан гражданин России"
            states = [self.kb.demonym(sent.tokens[k].lemma) for k in sorted(tokens)
                      if sent.tokens[k].pos == "NOUN" and (k == r or sent.tokens[k].head == r)]
            states = [e for e in states if e is not None]
            if states:
                return _unique([Actor(e.entity_id, e.en, "LOC", "participant", e.country) for e in states])
        for r in roots:  # "задержание участников марша", "разогнала вышедших на акцию": the protesters
            if self._at_protest(sent, r):
                return [self._implied(article, sent, "Protesters", home)]
        for r in roots:
            group = self._group_of_people(article, sent, r, tokens)
            if group is not None:
                return [group]
        return []

    def _at_scene_of_protest(self, c: Candidate) -> bool:
        """A protest noun in the trigger's own clause, as where or why: "на акции", "в связи с акцией протеста"."""
        protest = word_sets()["protest_nouns"]
        sent = c.sent
        clause = subtree(sent, c.head, word_sets()["prune"])
        return any(sent.tokens[k].lemma in protest and rel(sent, k).split(":")[0] in ("obl", "nmod")
                   for k in clause if k not in c.tokens)

    def _protest_scene(self, article: Article, c: Candidate, people: list[int] | bool = True) -> bool:
        """A state's act or violence at or over a protest ("на акции", "в ходе демонстраций"), or done to people
        right after a protest is told, is done to the protesters."""
        return not c.frame.inverse and c.frame.type in word_sets()["state_when_unsaid"] | {"ASSAULT"} and (
            self._at_scene_of_protest(c) or bool(people) and self._protest_just_told(article, c))

    def _protest_just_told(self, article: Article, c: Candidate) -> bool:
        """The sentence before tells of a protest: "… не согласовало мирный протест и разогнало вышедших на
        акцию. Полицейские задержали более 500 человек" (the people detained are its protesters)."""
        if self.field != "text" or c.s_index == 0:
            return False
        return any(t.lemma in word_sets()["protest_nouns"] for t in article.sentences[c.s_index - 1].tokens)

    def _at_protest(self, sent: Sentence, r: int) -> bool:
        """People the phrase names only as taking part in a protest: "участники марша", "вышедшие на акцию"."""
        t = sent.tokens[r]
        if not (t.lemma in word_sets()["participant_nouns"] or t.feats.get("VerbForm") == "Part"
                or (t.pos == "NOUN" and t.feats.get("Animacy") == "Anim")):
            return False
        protest = word_sets()["protest_nouns"]
        below = [k for k in range(len(sent.tokens)) if sent.tokens[k].head == r] 
        below += [g for k in below for g in range(len(sent.tokens)) if sent.tokens[g].head == k]
        return any(sent.tokens[k].lemma in protest for k in below)

    def _described(self, article: Article, sent: Sentence, tokens: set[int]) -> Actor | None:
        """An organisation the phrase names only by its kind ("холдинга", "партии", "the company") is the one
        organisation of the article that the text introduces by a kind where it names it ("компании
        «Самрук-Казына»"); with two such, the phrase stays unnamed."""
        kinds = word_sets()["org_descriptors"]
        wanted = {sent.tokens[k].lemma for k in tokens if sent.tokens[k].pos == "NOUN" and sent.tokens[k].lemma in kinds}
        if not wanted:
            return None
        found: dict[str, Entity] = {}
        for other in [*article.title_sentences, *article.sentences]:
            field = "title" if other in article.title_sentences else "text"
            for m in article.mentions:
                if m.type != "ORG" or m.field != field or not (other.start <= m.start < other.end):
                    continue
                near = [t for t in other.tokens if t.end <= m.start and t.pos != "PUNCT"][-1:] + [
                    t for t in other.tokens if m.start <= t.start < m.end]  # "компании «Самрук-Казына»"
                if any(t.lemma in kinds for t in near) and m.entity_id in article.entities:
                    found[m.entity_id] = article.entities[m.entity_id]
        if len(found) != 1:
            return None
        return self._actor(next(iter(found.values())))

    def _introduced_as(self, article: Article, sent: Sentence, root: int, with_names: frozenset[str] = frozenset()
                       ) -> Actor | None:
        """A person the phrase names only by the noun the text put before his name earlier ("экс-мэр" after
        "экс-мэр Москвы Юрий Лужков", "горничная" after "горничная Нафиссату Диалло"); None when the noun
        introduced two people, or none before this sentence (a headline's noun looks through the whole text:
        "Назарбаев уволил зятя" above "уволит своего зятя Тимура Кулибаева")."""
        head = sent.tokens[root]
        words = word_sets()
        if head.pos != "NOUN" or head.feats.get("Animacy") != "Anim" or head.feats.get("Number") == "Plur" \
                or head.lemma in generic_actors() \
                or head.lemma in words["not_actors"] or head.lemma in words["state_bodies"]:
            return None
        if self._another(sent, root):
            return None
        formerly = word_sets()["former_words"]
        former = any(sent.tokens[k].lemma in formerly for k in children(sent, root))  # "бывший президент"
        found: set[str] = set()
        for other in [*article.title_sentences, *article.sentences]:
            field = "title" if other in article.title_sentences else "text"
            if self.field == "text" and field == "text" and other.start >= sent.start:
                break
            for m in article.mentions:
                if m.type != "PER" or m.via == "role" or m.field != field or not (other.start <= m.start < other.end):
                    continue  # "Зять президента": a title names no one by a noun before it
                before = [t for t in other.tokens if t.end <= m.start][-int(limit("introduced_window")):]
                nouns = [t for t in before if t.pos == "NOUN"]
                if nouns and all(t.pos in ("NOUN", "PROPN", "ADJ") for t in before[before.index(nouns[0]):]) \
                        and any(t.lemma == head.lemma for t in nouns) and m.entity_id in article.entities \
                        and (not former or any(t.lemma in formerly for t in before)):
                    start = next(t.start for t in before if t.lemma == head.lemma)
                    named = {n.entity_id for n in article.mentions if n.field == field and start <= n.start < m.start}
                    if with_names <= named:  # "президент Молдавии" is who was introduced as "президент Молдавии X"
                        found.add(m.entity_id)
        if len(found) != 1:
            return None
        return self._actor(article.entities[found.pop()])

    @staticmethod
    def _member(head: Token) -> bool:
        """One person named by his post or place in an organisation ("начальника", "члена", "главы"), not one
        who acts for it (a spokesman, an envoy, an officer: lexicon's speak_for_nouns)."""
        words = word_sets()
        return head.pos == "NOUN" and head.feats.get("Animacy") == "Anim" and head.feats.get("Number") == "Sing" \
            and head.lemma not in generic_actors() and head.lemma not in words["state_bodies"] \
            and head.lemma not in words["speak_for_nouns"] and head.lemma not in words["not_actors"]

    @staticmethod
    def _another(sent: Sentence, root: int) -> bool:
        """"Ещё один активист был оправдан", "другой задержанный": someone other than the one named before."""
        below = {k for k in children(sent, root)} | {j for k in children(sent, root) for j in children(sent, k)}
        return any(sent.tokens[k].lemma in word_sets()["another_words"] for k in below)

    def _protagonist(self, article: Article, sent: Sentence, root: int) -> Actor | None:
        """An unnamed person of a country ("Россиянин, обвиняемый …", "американец из Северной Каролины") or
        named by sex or age ("избрал президентом женщину") is the person the article is about: the one it names most often, far enough ahead of the next, and of
        the noun's sex. None for plural nouns and when no one leads."""
        head = sent.tokens[root]
        if self._another(sent, root):
            return None
        if head.pos != "NOUN" or head.feats.get("Number") == "Plur" or (
                self.kb.demonym(head.lemma) is None and head.lemma not in word_sets()["person_nouns"]):
            return None
        counts = Counter(m.entity_id for m in article.mentions
                         if m.type == "PER" and m.field == "text" and m.via != "role" and m.entity_id in article.entities)
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < limit("protagonist_mentions") or \
                (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        first = next(m for m in article.mentions if m.entity_id == ranked[0][0] and m.field == "text")
        sex = {"Masc": "masc", "Fem": "femn"}.get(head.feats.get("Gender", ""))
        if sex and _name_sex(first.text.split()[0]) not in (sex, None):
            return None
        return self._actor(article.entities[ranked[0][0]])

    def _group_of_people(self, article: Article, sent: Sentence, root: int, tokens: set[int]) -> Actor | None:
        """An unnamed group of people as an actor, named by its noun phrase with the country its adjective
        names: "Algerian landowners", "два молодых человека", "paper workers"."""
        head = sent.tokens[root]
        if head.pos != "NOUN" or head.lemma in word_sets()["not_actors"]:
            return None
        if head.lemma not in word_sets()["people_nouns"]:  # Russian: only the generic groups above
            return None
        words = [sent.tokens[i] for i in sorted(tokens) if i <= root and sent.tokens[i].pos in ("ADJ", "NOUN", "PROPN")
                 and all(sent.tokens[k].pos != "PUNCT" for k in range(i, root))][-4:]
        country = None
        for t in words:
            e = self.kb.adjective(t.text)
            if e is not None and e.kind == "country":
                country = e.country
        kept = [t for t in words if not (t.pos == "ADJ" and self.kb.adjective(t.text))] or [head]
        name = " ".join(t.lemma if article.language != "ru" else t.text for t in kept)
        key = "-".join(t.lemma for t in kept) + (f"-{country.lower()}" if country else "")
        ent_id = f"e-group-{slug(transliterate(key))}"
        ent = article.entities.setdefault(ent_id, Entity(ent_id, name, "ORG", None, None, country))
        return Actor(ent.id, ent.name, "ORG", "participant", country)

    def _implied(self, article: Article, sent: Sentence, what: str, home: Actor | None) -> Actor | None:
        """A side a type of event implies when the text leaves it unnamed: "state" (the place's or the
        article's), or a generic group by name ("Protesters")."""
        if what == "state":
            return self._place_state(article, sent) or home
        ent = article.entities.setdefault(f"e-generic-{slug(what)}", Entity(f"e-generic-{slug(what)}", what, "ORG"))
        return self._actor(ent)

    def _matrix_subject(self, sent: Sentence, i: int) -> int | None:
        """The subject of the clause a pronoun's clause reports: "Syria says it is willing", "заявил, что он"."""
        verb = sent.tokens[i].head
        if verb < 0 or not sent.tokens[i].rel.startswith("nsubj"):
            return None
        if sent.tokens[verb].rel.split(":")[0] not in ("ccomp", "xcomp", "advcl", "conj", "parataxis"):
            return None
        above = sent.tokens[verb].head
        want = sent.tokens[i].feats.get("Gender")
        subj = [k for k, t in enumerate(sent.tokens) if t.head == above and t.rel.startswith("nsubj") and k != i
                and t.pos != "PRON" and t.feats.get("Animacy") != "Inan"
                and not (want and t.feats.get("Gender") and t.feats.get("Gender") != want)]
        return subj[0] if subj else None  # "Предложение стало неожиданностью … и он ответил": not the proposal

    def _city_as_state(self, article: Article, sent: Sentence, roots: list[int]) -> list[Actor]:
        """A capital or city that is itself the argument stands for its state: "Berlin rejected", "Москва
        заявила" (not a city inside a phrase: "curfew in Abidjan")."""
        out = []
        for r in roots:
            t = sent.tokens[r]
            for m in article.mentions:
                if m.field == self.field and m.type == "LOC" and m.start <= t.start < m.end:
                    st = self._state(self._country_of(article, m))
                    if st is not None:
                        out.append(st)
        return _unique(out)

    def _relative_antecedent(self, sent: Sentence, i: int) -> int | None:
        """The noun a relative clause qualifies: up from "который" to the clause, then its head."""
        k = i
        for _ in range(4):
            h = sent.tokens[k].head
            if h < 0:
                break
            if sent.tokens[k].rel.startswith("acl"):
                return h
            k = h
        # the parse left the clause unattached ("…, Анатолия Каминского, которого … поддержал тандем"): the
        # noun right before the comma that opens it, of the pronoun's gender and number
        toks = sent.tokens
        if i >= 2 and toks[i - 1].text == ",":
            want = {f: toks[i].feats.get(f) for f in ("Gender", "Number") if toks[i].feats.get(f)}
            for j in range(i - 2, max(-1, i - 5), -1):
                t = toks[j]
                if t.pos in ("NOUN", "PROPN") and all(t.feats.get(f) in (v, None) for f, v in want.items()):
                    for _ in range(3):  # "Анатолия Каминского": the name's first word heads it
                        if t.rel not in ("flat:name", "flat") or not 0 <= t.head < j:
                            break
                        j, t = t.head, toks[t.head]
                    return j
                if t.pos not in ("NOUN", "PROPN", "ADJ"):
                    break
        return None

    def _antecedent(self, article: Article, sent: Sentence, i: int, exclude_ids: frozenset[str]) -> Actor | None:
        """The person a third-person pronoun stands for: the nearest person named before it whose gender, as the
        tagger reads the name, is the pronoun's ("она" is not the man named last)."""
        at = sent.tokens[i].start
        want = sent.tokens[i].feats.get("Gender")
        before = [m for m in article.mentions if m.field == self.field and m.type == "PER" and m.end <= at
                  and m.entity_id in article.entities and m.entity_id not in exclude_ids and at - m.end < limit("antecedent_chars")
                  and (want not in ("Masc", "Fem") or self._gender(article, m) in (None, want))]
        if self._bound_subject(article, sent, i) is False:  # "Один из террористов …, где его отпустили": him
            return None
        if not before:
            return None
        if rel(sent, i).startswith("nsubj"):  # "именно он убедил Карзая … Ранее он пытался": the subject goes on
            kept = self._previous_subject(article, sent, want, exclude_ids, bodies=rel(sent, i) == "nsubj")
            if kept is not None:
                return kept
        return self._actor(article.entities[max(before, key=lambda m: m.end).entity_id])

    def _relative_of(self, article: Article, sent: Sentence, r: int, exclude_ids: frozenset[str]) -> Actor | None:
        """A relative named by kinship to someone ("ее муж", "сын Назарбаева") is the one person of the article
        with that someone's family name and the relative's sex."""
        from letopis.link.relatives import relations

        woman = relations().kin.get(sent.tokens[r].lemma)
        if woman is None or sent.tokens[r].pos != "NOUN":
            return None
        owner = None
        for k in children(sent, r):
            t = sent.tokens[k]
            if t.lemma in {"его", "ее", "её", "их"} or (t.pos == "PRON" and t.lemma in word_sets()["personal_pronouns"]):
                owner = self._antecedent(article, sent, k, exclude_ids)
            elif t.pos == "PROPN" and case(sent, k) == "Gen":
                found = self._group(article, sent, subtree(sent, k))
                owner = next((a for a in found if a.type == "PER"), None)
            if owner is not None:
                break
        if owner is None:
            return None
        family = _family_name(article.entities.get(owner.id))
        if not family:
            return None
        sex = "Fem" if woman else "Masc"
        stem = family[:max(4, len(family) - 2)]  # Алиев and Алиева are one family
        kin = {m.entity_id for m in article.mentions if m.type == "PER" and m.entity_id in article.entities
               and m.entity_id not in (owner.id, *exclude_ids) and len(m.text.split()) > 1
               and _family_name(article.entities[m.entity_id]).startswith(stem) and self._gender(article, m) in (None, sex)}
        return self._actor(article.entities[kin.pop()]) if len(kin) == 1 else None

    def _bound_subject(self, article: Article, sent: Sentence, i: int) -> bool | None:
        """A pronoun in a clause below the main one whose subject is someone unnamed, in a main clause that
        names no person, stands for that someone: False ("Один из террористов … был депортирован в Европу,
        где его отпустили" is not the man the headline names); None otherwise (look further)."""
        root = next((k for k, t in enumerate(sent.tokens) if t.head < 0), None)
        clause = next((k for k in ancestors(sent, i, len(sent.tokens)) if sent.tokens[k].pos in VERB_POS), None)
        if root is None or clause is None or clause == root:
            return None
        subj = next((k for k in children(sent, root) if rel(sent, k).startswith("nsubj") and k < i), None)
        if subj is None or sent.tokens[subj].pos == "PRON":
            return None
        main = subtree(sent, root) - subtree(sent, clause)
        spans = [(sent.tokens[k].start, sent.tokens[k].end) for k in main]
        if any(m.field == self.field and m.type == "PER" and any(s <= m.start < e for s, e in spans)
               for m in article.mentions):
            return None
        if any(sent.tokens[k].pos in ("PRON", "DET") and sent.tokens[k].lemma in word_sets()["personal_pronouns"]
               | {"его", "ее", "её", "их"} for k in main):
            return None  # "Его адвокат заявил, что он будет оспаривать": he is whom "его" stands for
        head = sent.tokens[subj]
        unnamed = head.pos == "NUM" or (head.pos == "NOUN" and head.feats.get("Animacy") == "Anim")
        return False if unnamed else None

    def _previous_subject(self, article: Article, sent: Sentence, want: str | None, exclude_ids: frozenset[str],
                          depth: int = 0, bodies: bool = False) -> Actor | None:
        """The person who is the subject of the sentence before, named or a pronoun standing for him, when his
        gender is the pronoun's: a subject pronoun most often carries on the last sentence's subject. With
        `bodies` (the subject of an active verb: a body says and does, it is not killed or captured), an
        organisation there too, when its noun's gender is the pronoun's."""
        sentences = article.sentences if self.field == "text" else article.title_sentences
        at = next((n for n, s in enumerate(sentences) if s is sent), 0)
        if at == 0 or depth > limit("climb"):
            return None
        prev = sentences[at - 1]
        root = next((k for k, t in enumerate(prev.tokens) if t.head < 0), None)
        subj = next((k for k in children(prev, root) if rel(prev, k).startswith("nsubj")), None) if root is not None \
            else None
        if subj is None:
            return None
        t = prev.tokens[subj]
        if t.pos == "PRON" and t.lemma in word_sets()["personal_pronouns"]:
            if want in ("Masc", "Fem") and t.feats.get("Gender") not in (None, want):
                return None
            return self._previous_subject(article, prev, want, exclude_ids, depth + 1) or \
                self._antecedent(article, prev, subj, exclude_ids)
        phrase = subtree(prev, subj, word_sets()["prune"])
        spans = [(prev.tokens[k].start, prev.tokens[k].end) for k in phrase]
        people = [m for m in article.mentions if m.field == self.field and m.type == "PER" and m.entity_id in
                  article.entities and m.entity_id not in exclude_ids and any(s <= m.start < e for s, e in spans)
                  and (want not in ("Masc", "Fem") or self._gender(article, m) in (None, want))]
        if bodies and not people and want and t.feats.get("Gender") == want and t.pos in ("NOUN", "PROPN"):
            # "Белый дом охарактеризовал его … Он также назвал его": a body is "он" or "она" by its noun's gender
            bodies = {m.entity_id for m in article.mentions if m.field == self.field and m.type == "ORG"
                      and m.entity_id in article.entities and m.entity_id not in exclude_ids
                      and any(s <= m.start < e for s, e in spans)}
            return self._actor(article.entities[bodies.pop()]) if len(bodies) == 1 else None
        return self._actor(article.entities[people[0].entity_id]) if len({m.entity_id for m in people}) == 1 else None

    def _political(self, article: Article, a: Actor) -> bool:
        """A state, an organisation, a generic group (Protesters), a person the knowledge base knows, or one the
        text names with an office ("President Levy Mwanawasa"): not a name met once, nor "13 people"."""
        titles = word_sets()["office_titles"]
        if a.id.startswith("e-group-"):  # "prime minister", "Ugandan rebels": an office, or a group of a country
            words = {w.lower() for w in re.findall(r"[\w-]+", a.name)}  # "Leaders of the opposition coalition"
            return bool(words & (word_sets()["state_offices"] | word_sets()["political_group_nouns"])) or \
                a.country is not None
        text = self._text(article) if self.field == "text" else (article.title or "")
        if a.id.startswith("e-org-"):  # an organisation the tagger found and no knowledge base knows: one word in
            words = re.findall(r"\w+", a.name)  # title case is most often a person or firm it mistyped ("Bushell",
            if len(words) > 1 or a.name.isupper() or {w.lower() for w in words} & word_sets()["political_org_words"]:
                return True  # "Audi"); names of bodies and abbreviations count, and a name before an office or
            return any(m.entity_id == a.id and m.field == self.field and (re.findall(r"[\w-]+", text[m.end:m.end + 30])
                       or [""])[0].lower() in titles | word_sets()["political_org_words"]  # a body ("Labour leader")
                       for m in article.mentions)
        if not a.id.startswith("e-per-"):
            return True
        if article.language == "ru":
            return any(self._titled_ru(article, m) for m in article.mentions if m.entity_id == a.id)
        for m in article.mentions:
            if m.entity_id == a.id and m.field == self.field:
                before = re.findall(r"[\w.-]+", text[max(0, m.start - 60):m.start])[-int(limit("title_reach")):]
                if any(_office_before(before, i, titles) for i in range(len(before))) or \
                        any(w in titles for w in m.text.lower().split()[:2]):
                    return True
        return False

    @staticmethod
    def _titled_ru(article: Article, m: Mention) -> bool:
        """A Russian text names the person with an office or a political role just before or after the name
        ("министр финансов Симеон Дянков", "Иванов, депутат Госдумы", "экс-мэр Москвы Юрий Лужков")."""
        titles = word_sets()["office_titles_ru"]
        sentences = article.sentences if m.field == "text" else article.title_sentences
        reach = int(limit("title_reach"))
        for s in sentences:
            if not s.start <= m.start < s.end:
                continue
            at = next((i for i, t in enumerate(s.tokens) if t.start >= m.start), len(s.tokens))
            end = next((i for i, t in enumerate(s.tokens) if t.start >= m.end), len(s.tokens))
            near = [*s.tokens[max(0, at - reach):at], *s.tokens[end:end + 3]]
            return any(t.lemma in titles or t.lemma.split("-")[-1] in titles for t in near)
        return False

    def _gender(self, article: Article, m: Mention) -> str | None:
        """The gender the tagger gives the first word of a person's mention, if it gives one."""
        sentences = article.sentences if m.field == "text" else article.title_sentences
        for s in sentences:
            if s.start <= m.start < s.end:
                tok = next((t for t in s.tokens if t.start == m.start), None)
                return tok.feats.get("Gender") if tok is not None else None
        return None

    def _with_state(self, article: Article, a: Actor) -> list[Actor]:
        """A body of a state ("Полиция Нью-Йорка", "Government of Russia") acts for the state too."""
        if a.type != "ORG":
            return [a]
        ent = article.entities.get(a.id)
        mentions = [m for m in article.mentions if m.entity_id == a.id and m.field == self.field]
        words = {lemma(w) for m in mentions for w in re.findall(r"\w+", m.text)}
        words |= {w.lower() for w in re.findall(r"\w+", ent.name if ent else a.name)}
        if not words & word_sets()["state_bodies"]:
            return [a]
        country = self.kb.country(a.country)
        if country is None:  # "Хорошевский суд Москвы": the state of the first place in its name ("Посольство РФ
            for m in mentions:  # в Сирии" is Russia's)
                for n in sorted(article.mentions, key=lambda n: n.start):
                    inner = article.entities.get(n.entity_id or "")
                    if n.type == "LOC" and m.start <= n.start < m.end and inner is not None and inner.country:
                        country = self.kb.country(inner.country)
                        break
                if country is not None:
                    break
        generic = word_sets()["body_adjectives"]  # "Верховный суд", "Constitutional Court": no place in the name
        if country is None and (len(words) == 1 or all(w in generic or w in word_sets()["state_bodies"] for w in words)):
            # "правительство", "сенат", "Верховный суд" alone: the state the text is about
            state = self._home_state(article)
            if state is None:
                return [a]
            return [self._body_of(a, state), Actor(state.id, state.name, "LOC", a.role, state.country)]
        if country is None:  # "Королевская конная полиция": some state's body, not necessarily the text's
            return [a]
        return [a, self._state(country.country, a.role)]

    def _body_of(self, a: Actor, state: Actor) -> Actor:
        """A bare body ("Сенат", "парламент") named as the state's: the knowledge base's body ("Сенат США" is
        the United States Senate) or the body with its state in the genitive ("парламент Японии")."""
        country = self.kb.country(state.country)
        if country is None or not re.search("[А-Яа-яЁё]", a.name):
            return a
        name = f"{a.name} {genitive(country.ru)}"
        found = self.kb.find(name, "ORG")
        if found:
            return Actor(found[0].entity_id, found[0].en, "ORG", a.role, found[0].country or state.country)
        return Actor(a.id, name, a.type, a.role, state.country)

    def _home_state(self, article: Article) -> Actor | None:
        """The state the article happens in: the outlet's or dateline's, else the country its places belong
        to most often (a city counts for its country: "Нью-Йорк" for the United States)."""
        c = self.kb.country(article.home_country) if (article.outlet or article.dateline) else None
        if c is None:
            counts: dict[str, int] = {}
            for m in article.mentions:
                ent = article.entities.get(m.entity_id or "")
                if m.type == "LOC" and ent is not None and ent.country:
                    counts[ent.country] = counts.get(ent.country, 0) + 1
            best = max(counts, key=lambda k: counts[k]) if counts else article.home_country
            c = self.kb.country(best)
        return self._state(c.country) if c is not None else None

    def _state(self, iso: str | None, role: str = "participant") -> Actor | None:
        """A country of the KB as an actor."""
        c = self.kb.country(iso)
        return Actor(c.entity_id, c.en, "LOC", role, c.country) if c is not None else None

    def _where(self, article: Article, sent: Sentence, m: Mention) -> bool:
        """A place the sentence puts something in: after "в", "на", "in", "at", and, in Russian, in the
        locative ("в Бангкоке"; "в Сирию" is where to, not where)."""
        before = self._text(article)[max(sent.start, m.start - 16):m.start].lower()
        if re.search(r"(^|\s)(на территории|в пределах|on the territory of)\s+$", before):
            return True  # "на территории Грузии Саакашвили был заочно арестован"
        if not re.search(r"(^|\s)(в|во|на|in|at)\s+(\w+\s+)?$", before):
            return False
        tok = next((t for t in sent.tokens if t.start == m.start), None)
        return tok is None or tok.feats.get("Case") in (None, "Loc")

    def _other_state(self, article: Article, sent: Sentence, source: list[Actor]) -> Actor | None:
        """The one state a sentence names besides the source's own (None when it names none or several)."""
        mine = {a.country for a in source if a.country} | {a.id for a in source}
        states = {st.id: st for m in article.mentions if m.field == self.field and m.type == "LOC"
                  and sent.start <= m.start < sent.end
                  for st in [self._state(self._country_of(article, m))] if st is not None}
        others = [st for st in states.values() if st.id not in mine and st.country not in mine]
        return others[0] if len(others) == 1 else None

    def _place_state(self, article: Article, sent: Sentence, tokens: set[int] | None = None,
                     trigger: int | None = None) -> Actor | None:
        """The state of a place named in the phrase ("полиция Белиза", "турецкие власти"), else of where the
        sentence says it happens ("в Бангкоке", "in Abidjan"), not of any place it mentions ("взятки от
        бразильской компании"). With the `trigger`'s token: a place the trigger's clause puts it in, not one
        of a noun or clause below it ("обвиняется в преступлениях, которые произошли в Боснии")."""
        places = [m for m in article.mentions if m.field == self.field and m.type == "LOC"
                  and sent.start <= m.start < sent.end]
        if tokens is None:
            clause = {trigger, *ancestors(sent, trigger, len(sent.tokens))} if trigger is not None else None
            at = {t.start: k for k, t in enumerate(sent.tokens)}
            def in_clause(k: int) -> bool:  # "на территории Грузии": the territory's head
                h = sent.tokens[k].head
                return h in clause or (0 <= h < len(sent.tokens) and sent.tokens[h].lemma in ("территория", "предел",
                                                                                            "territory")
                                       and sent.tokens[h].head in clause)

            return next((st for m in places if self._where(article, sent, m) and (
                clause is None or m.start not in at or in_clause(at[m.start]))
                for st in [self._state(self._country_of(article, m))] if st), None)
        spans = [(sent.tokens[i].start, sent.tokens[i].end) for i in tokens]
        for want_inside in (True, False):
            for m in places:
                if any(s < m.end and m.start < e for s, e in spans) == want_inside:
                    st = self._state(self._country_of(article, m))
                    if st is not None:
                        return st
            for t in sent.tokens:
                if any(s <= t.start < e for s, e in spans) == want_inside and t.pos == "ADJ":
                    e = self.kb.adjective(t.text)
                    if e is not None and e.kind == "country":
                        return self._state(e.country)
        return None

    def _country_of(self, article: Article, m: Mention) -> str | None:
        ent = article.entities.get(m.entity_id or "")
        return ent.country if ent is not None else None

    def _roster(self, article: Article) -> list[Mention]:
        """People listed as attending a meeting: the sentence that says who took part."""
        for sent in article.sentences:
            line = " ".join(t.lemma for t in sent.tokens)
            if re.search(r"участие|участвовать|attend by|take part|participate", line):
                pers = [m for m in article.mentions
                        if m.field == "text" and sent.start <= m.start < sent.end and m.type == "PER"]
                if len({m.entity_id for m in pers}) >= 3:
                    return pers
        return []

    def _group(self, article: Article, sent: Sentence, tokens: set[int]) -> list[Actor]:
        """Actors the mentions inside the tokens name: people first, else organisations and states."""
        spans = [(sent.tokens[i].start, sent.tokens[i].end) for i in tokens]
        offices = word_sets()["office_nouns"]  # "пообещав пост премьера": an office, not its holder
        posts = [(t.start, t.end) for i, t in enumerate(sent.tokens) if i in tokens and t.lemma in offices]
        # an office names its holder only with its own noun in the phrase: "мэра Москвы … президента РФ" that a
        # misparse joins by "РФ" is not the president
        found = [m for m in article.mentions if m.field == self.field and sent.start <= m.start < sent.end
                 and any(s < m.end and m.start < e for s, e in spans)
                 and not (m.via == "role" and not any(s <= m.start < e for s, e in spans))
                 and not (m.via == "role" and any(e <= m.start < e + 3 for _, e in posts))]
        actors = [self._actor(article.entities[m.entity_id]) for m in found if m.entity_id in article.entities]
        for i in sorted(tokens):  # "российская сторона", "the Russian side"
            t = sent.tokens[i]
            e = self.kb.adjective(t.text) if t.pos == "ADJ" or (t.text[:1].isupper() and t.pos in ("PROPN", "ADJ")) \
                else None
            if e is not None and e.kind == "country" and not any(m.start <= t.start < m.end for m in found):
                actors.append(Actor(id=e.entity_id, name=e.en, type="LOC", role="participant", country=e.country))
        people = [a for a in actors if a.type == "PER"]
        places = [a.country for a in actors if a.type == "LOC" and a.country]
        if len(set(places)) == 1:  # "Sudanese President Omar al-Bashir": the person's country, from the phrase
            people = [a if a.country else Actor(a.id, a.name, a.type, a.role, places[0]) for a in people]
        # a city is where an event happens, not who takes part: only countries stand as LOC actors
        states = [a for a in actors if a.type == "ORG" or (a.type == "LOC" and self.kb.country(a.country) is not None
                                                          and self.kb.country(a.country).entity_id == a.id)]
        return _unique(people or states)

    def _text(self, article: Article) -> str:
        return (article.title or "") if self.field == "title" else article.text

    def _dates_previous(self, sent: Sentence) -> bool:
        """A sentence that only dates what the one before said: "Это произошло 10 декабря"."""
        verbs = word_sets()["anaphoric_time"]
        lemmas = [t.lemma for t in sent.tokens if t.pos != "PUNCT"]
        return any(v in lemmas for v in verbs) and any(w in lemmas for w in ("это", "this", "it")) and len(lemmas) < limit("dating_sentence_words")

    def _host(self, article: Article, sent: Sentence) -> Actor | None:
        """The country a visit goes to: a place after "в", "на", "in", "to" ("прибыл в Амман"), not one
        that qualifies a person ("министра России")."""
        text = self._text(article)
        for m in article.mentions:
            if m.field == self.field and sent.start <= m.start < sent.end and m.type == "LOC" and \
                    re.search(r"(^|\s)(в|во|на|in|to|at)\s+(\w+\s+)?$", text[max(0, m.start - 12):m.start].lower()):
                st = self._state(self._country_of(article, m), "host")
                if st is not None:
                    return st
        return None

    def _actor(self, ent: Entity, role: str = "participant") -> Actor:
        country = ent.country if ent.type != "LOC" or ent.country else None
        return Actor(id=ent.id, name=ent.name, type=ent.type, role=role, country=country)

    def _speaker(self, article: Article, speaker_id: str | None) -> list[Actor]:
        if speaker_id and speaker_id in article.entities:
            return [self._actor(article.entities[speaker_id])]
        return []

    def _heads(self, article: Article, sent: Sentence, role: str) -> list[Actor]:
        """The holders of a role in each country the sentence names ("переговоры президентов X и Y")."""
        timex = rules.event_time(sent, sent.start, article.timexes)
        date = timex.value if timex and timex.value and re.match(r"\d{4}-\d{2}-\d{2}$", timex.value) else \
            (article.published[:10] if article.published else None)
        out = []
        for m in article.mentions:
            if m.field != self.field or not (sent.start <= m.start < sent.end) or m.type != "LOC":
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
        return _unique(out)

    def _location(self, article: Article, sent: Sentence, s_index: int, mode: str | None,
                  event_type: str) -> dict | None:
        """Where it happened: a place the sentence puts it in ("в Бангкоке", "in Newark"), a city before a
        country; else the dateline's place for a lead sentence; else, for acts done on the spot (violence, arrests,
        protests), the text's one place ("В городе Даммартен-ан-Гоэль силовики проводят операцию … Подозреваемые
        взяли заложника")."""
        own = self._place_in(article, sent)
        if own is not None:
            return own
        if article.dateline and article.dateline.get("place") and mode != "phone" and s_index <= limit("lead_sentences"):
            place = article.dateline["place"]
            found = self.kb.find(place, "LOC")
            return {"id": found[0].entity_id if found else None, "name": place}
        if self.field != "text" or event_type not in settings()["scene_types"]:
            return None  # what is said is said where the speaker is, which the scene need not be
        return self._scene(article)

    def _scene(self, article: Article) -> dict | None:
        """The one place below a state a text puts things in, when its lead puts something there and every
        sentence that puts something somewhere names that place (or its country): where its events happen
        unless a sentence says otherwise."""
        if self.scene is not False:
            return self.scene
        found, lead = {}, set()
        for k, sent in enumerate(article.sentences):
            place = self._place_in(article, sent)
            if place is not None:
                found[place["id"]] = place
                lead |= {place["id"]} if k <= limit("lead_sentences") else set()
        ents = [article.entities.get(i or "") for i in found]
        # a state is never the scene, only a place in it: "в Турции" besides "в Анкаре" is Ankara's country
        states = {c.entity_id for c in map(self.kb.country, {e.country for e in ents if e is not None and e.country})
                  if c is not None}
        inner = [p for p, e in zip(found.values(), ents) if e is None or e.id not in states]
        self.scene = {**inner[0], "basis": "the article's one place"} \
            if len(inner) == 1 and inner[0]["id"] in lead else None
        return self.scene

    def _place_in(self, article: Article, sent: Sentence) -> dict | None:
        """A place the sentence puts something in: a city before a country, then the earliest."""
        places = []
        locs = [m for m in article.mentions
                if m.field == self.field and sent.start <= m.start < sent.end and m.type == "LOC"]
        for i, m in enumerate(locs):
            if i + 1 < len(locs) and locs[i + 1].start == m.end + 1:
                continue  # "близ КПП Газиантепа": the place is the one in the genitive after
            ent = article.entities.get(m.entity_id or "")
            first = m if i == 0 or locs[i - 1].end + 1 != m.start else locs[i - 1]
            before = self._text(article)[max(0, first.start - 24): first.start].lower()
            inside = [k for k, t in enumerate(sent.tokens) if first.start <= t.start < first.end]
            # the phrase's head: "портовый город Раджин" is a town, in the case of "город"
            head = next((k for k in inside if sent.tokens[k].head not in inside), inside[0] if inside else None)
            tok = sent.tokens[head] if head is not None else None
            near = re.search(r"(^|\s)(близ|около|возле|near)\s(\w+\s)?$", before)  # "близ (КПП) Бреста"
            toward = tok is not None and tok.feats.get("Case") not in (None, "Loc") and not near
            if toward and tok.head >= 0 and sent.tokens[tok.head].lemma in word_sets()["visit_words"]:
                toward = False  # "во время визита в Израиль", "когда приехал в Раджин": where it goes is where
            if ent is None or not (re.search(r"(^|\s)(в|во|in|at)\s$", before) or near) or toward:
                continue  # "в Сирию" is where to, not where
            country = self.kb.country(ent.country) if ent.country else None
            places.append((country is not None and country.entity_id == ent.id, m.start, ent))
        if places:
            ent = min(places, key=lambda p: (p[0], p[1]))[2]  # a city first, then the earliest
            return {"id": ent.id, "name": ent.name}
        return None

    def _topics(self, sent: Sentence) -> list[str]:
        lem = {t.lemma for t in sent.tokens}
        return sorted(k for k, words in topic_lexicon().items() if lem & words)


def _office_before(words: list[str], i: int, titles: frozenset[str]) -> bool:
    """Word i of the words before a name is an office of the name's bearer: no other name stands between them,
    save inside the office's own complement ("deputy governor of the Tyumen region, Oleg", "Minister for Interior
    Aftab", "Secretary General Chadli"); not a word of another name ("Premier League", "judge Visage but X")."""
    if words[i].lower().rstrip(".") not in titles:
        return False
    complement = False
    for x in words[i + 1:]:
        low = x.lower().rstrip(".")
        if low in ("of", "for", "in", "at"):
            complement = True
        elif x[:1].isupper() and low not in titles and not complement:
            return False
    return True


def _family_name(ent: Entity | None) -> str:
    """The family name of a person entity, as Russian writes it where known ("Акино" for both Corazon Aquino and
    Benigno Aquino Jr.), without a generation suffix."""
    if ent is None:
        return ""
    words = [w for w in (ent.name_ru or ent.name).split() if fold(w) not in ("jr", "sr", "младший", "старший")]
    return fold(words[-1]) if len(words) > 1 else ""


def _quoted_span(sent: Sentence, i: int) -> tuple[int, int] | None:
    """The tokens between the «» quotes around token i, or None when it stands outside quotes."""
    depth, opened = 0, None
    for k, t in enumerate(sent.tokens):
        if t.text == "«":
            depth, opened = depth + 1, k if depth == 0 else opened
        elif t.text == "»" and depth:
            depth -= 1
            if depth == 0 and opened is not None and opened < i < k:
                return opened, k
    return None


def _name_sex(word: str) -> str | None:
    """The sex a given name tells ("Дмитрий": masc, "Екатерина": femn), None when the dictionary does not know it."""
    named = [p for p in parses(word.lower()) if "Name" in p.tag]
    return named[0].tag.gender if named else None


def _thing(t: Token) -> bool:
    """An inanimate common noun: "данные", "информацию"; in English, whose tagger gives no animacy, a common
    noun that names no person, group or body ("the cause of his death", "Brexit's exit", "the transcript")."""
    if t.pos != "NOUN":
        return False
    if "Animacy" in t.feats:
        return t.feats["Animacy"] == "Inan"
    if not t.text.isascii():
        return False
    words = word_sets()
    return t.lemma not in words["people_nouns"] | words["state_bodies"] | words["office_titles"] | \
        words["political_group_nouns"] | words["kin_nouns"] | frozenset(generic_actors())


def _someone(t: Token) -> bool:
    """A phrase head the tagger reads as an animate noun or pronoun: a person or group ("ветви власти" are
    not). Only where the tagger marks animacy (Russian): an English "they" or "forces" says nothing here."""
    return t.pos in ("NOUN", "PROPN", "PRON") and t.feats.get("Animacy") == "Anim"


def _rule_names(c: Candidate) -> list[str]:
    return [t.split(":")[0] for t in c.trace if not t.startswith(("trigger", "decision", "actors"))]


def _sides_of(ev: Event) -> tuple[set[str], set[str], set[str]]:
    """The ids of each side; an unnamed group ("Suspects", "Protesters") says nothing against a named side."""
    src = {a.id for a in ev.actors if a.role == "source" and not a.id.startswith("e-generic-")}
    tgt = {a.id for a in ev.actors if a.role == "target" and not a.id.startswith("e-generic-")}
    part = {a.id for a in ev.actors if a.role not in ("source", "target")}
    return src, tgt, part


def _principal(ev: Event, side: set[str]) -> set[str]:
    """The actors of one side less the states named only as the country of a body or a person on it."""
    actors = [a for a in ev.actors if a.id in side]
    owners = {a.country for a in actors if a.type != "LOC" and a.country}
    return {a.id for a in actors if not (a.type == "LOC" and a.country in owners)}


DAY = re.compile(r"(\d{4}|XXXX)-\d{2}-\d{2}")


def _same(a: Event, b: Event) -> bool:
    """Two reports in one article of one event: same type and status, compatible dates, sides that agree
    (each side the same or unnamed in one of them, at least one side shared). Two sentences of the text that
    name both sides and tell acts of two CAMEO classes tell two acts (an arrest, then an expulsion); across
    articles outlets tell one act in different words, and the corpus merge does not ask this."""
    if a.type != b.type or a.status != b.status or not _compatible(a.date, b.date):
        return False
    sa, ta, pa = _sides_of(a)
    sb, tb, pb = _sides_of(b)
    if a.evidence[0].start >= 0 and b.evidence[0].start >= 0 and a.cameo[:3] != b.cameo[:3] and \
            sa and ta and sb and tb:
        return False  # "задержали его …, после чего депортировали": an arrest and an expulsion are two acts
    if pa or pb:
        if not (pa and pb):
            return False
        small, large = sorted(([x for x in a.actors], [x for x in b.actors]), key=len)
        keys = {k for x in large for k in (x.id, x.country) if k}
        return all(x.id in keys or (x.type == "LOC" and x.country in keys) for x in small)

    def agree(x: set[str], y: set[str]) -> bool:
        if not x or not y:
            return True
        # two bodies of one state are two sides, though each names the state too ("призвал Верховный суд"
        # and "требует от правительства"): the state alone agrees with either
        px, py = _principal(a, x), _principal(b, y)
        return bool(px & py) or px <= y or py <= x

    if not (sa or ta or sb or tb):  # unnamed groups only: one report when they are the same groups
        return {(x.id, x.role) for x in a.actors} == {(x.id, x.role) for x in b.actors}
    if a.evidence[0].start < 0 or b.evidence[0].start < 0:
        # a headline names a state where the text names its people ("Министр … Норвегии ушел в отставку";
        # "Терье Риис-Йохансен ушел в отставку"): a state agrees with the people of that state
        def meets(role: str) -> bool:
            return any(x.id == y.id or x.country and x.country == y.country and "LOC" in (x.type, y.type)
                       for x in a.actors if x.role == role and x.id in sa | ta
                       for y in b.actors if y.role == role and y.id in sb | tb)

        return (not sa or not sb or meets("source")) and (not ta or not tb or meets("target")) and (
            meets("source") or meets("target"))
    return agree(sa, sb) and agree(ta, tb) and bool(sa & sb or ta & tb)


@lru_cache(maxsize=4)
def _crime_nouns(language: str) -> frozenset[str]:
    """The nouns of violence in the lexicon ("убийство", "нападение"): what a case or a verdict is about."""
    return frozenset(lemma for lemma, entries in lexicon(language).by_lemma.items()
                     if any(e.pos == "noun" and e.frame.type == "ASSAULT" for e in entries)) \
        | frozenset(settings().get("case_matter_nouns") or ())


def _merge_within(events: list[Event]) -> list[Event]:
    """Reports of one event in the same article become one event with every sentence as evidence."""
    out: list[Event] = []
    for ev in events:
        same = next((o for o in out if _same(o, ev)), None)
        if same is None:
            out.append(ev)
            continue
        have = {a.id for a in same.actors}
        same.actors.extend(a for a in ev.actors if a.id not in have)
        new = [e for e in ev.evidence if e not in same.evidence]  # two triggers of one sentence: one report
        same.evidence.extend(new)
        same.triggers.extend(ev.triggers)
        if same.date is None and ev.date and DAY.fullmatch(ev.date):  # a year alone may date an earlier act
            same.date, same.date_basis = ev.date, ev.date_basis
        same.location = better_place(same.location, ev.location)
        same.mode = same.mode or ev.mode
        same.topics = sorted(set(same.topics) | set(ev.topics))
        bump = confidence("merged_report") if new else 0.0
        same.confidence = min(limit("confidence_max"), max(same.confidence, ev.confidence) + bump)
    return out
