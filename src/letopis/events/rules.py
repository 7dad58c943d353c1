"""Rule functions of the event layer, in the manner of razdel's: each decides one thing about a candidate
event (its trigger, source, target, status, date, mode) or passes by returning None. The candidate records
which function decided what, so `letopis process --explain-events` can show it.

Argument slots come from the dependency parse: `slots()` names each argument of a trigger word by its
grammatical role ("subj", "subj_pass", "obj", "dat", "gen", "ins", "agent", "poss") or by its preposition
("с", "против", "with", "against"), in both languages.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from letopis.analyze.morph import parses
from letopis.events.lexicon import Entry, Frame, Lexicon, limit, needed, settings, word_sets
from letopis.events.tree import ancestors, base_rel, case, case_marker, children, is_passive, rel, subtree
from letopis.model import Sentence, Timex

# prepositions that, after a preposition-noun pair, name the real argument ("в адрес X", "в отношении X")
COMPOUND_PREPS = {("в", "адрес"): "в адрес", ("в", "отношение"): "в отношение", ("со", "сторона"): "agent",
                  ("с", "сторона"): "agent", ("на", "имя"): "dat"}
SUBJECT_RELS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
CLIMB_RELS = {"xcomp", "conj", "acl:relcl", "ccomp", "advcl", "nmod", "obl", "obj", "dobj", "pcomp", "pobj", "prep"}


@dataclass(slots=True)
class Candidate:
    """A trigger in a sentence and what the rules decided about it."""

    sent: Sentence
    s_index: int
    head: int  # the trigger word the arguments hang from
    tokens: list[int]
    entry: Entry
    frame: Frame
    source_roots: list[int] = field(default_factory=list)
    target_roots: list[int] = field(default_factory=list)
    status: str = "occurred"
    timex: Timex | None = None
    mode: str | None = None
    trace: list[str] = field(default_factory=list)
    climbed: bool = False
    reflexive: bool = False  # "обвиняется", "задерживаются": the -ся form of a listed verb is its passive
    unnamed_target: bool = False  # the parse has the one acted upon, but it names no one ("два человека")
    state_filled: bool = False  # the source is the state where it happens, the text naming no one
    unreal: bool = False  # the status rules found it planned or hypothetical
    missed_side: bool = False  # the parse has a person or group for a side, and it names no one the text knows
    place_target: bool = False  # the target is only the state of a place the act is done in
    protest_target: bool = False  # the one acted upon is the protesters of a protest told at or just before
    impersonal: bool = False  # "его обвиняли", "задержали": a plural verb with no subject hides its agent
    language: str = ""
    # the side another sentence's report of the same act names, when this one leaves it unnamed:
    # (role, actors, the lending sentence's index)
    borrowed: tuple | None = None

    def note(self, rule: str, what: str) -> None:
        self.trace.append(f"{rule}: {what}")


# triggers -------------------------------------------------------------------------------------


CLAUSE_RELS = {"ccomp", "advcl", "acl", "relcl", "parataxis", "conj", "csubj"}


def _near(sent: Sentence, i: int) -> set[int]:
    """Words joined to word i in the parse: descendants three levels down, parent, siblings
    ("provide 25,000 tons of food aid": aid is three below provide)."""
    out: set[int] = set()
    level = {i}
    for _ in range(int(limit("phrase_depth"))):  # not into another clause: "announced that … unless … a ceasefire"
        level = {g for k in level for g in children(sent, k)
                 if base_rel(sent, g) not in CLAUSE_RELS or sent.tokens[g].pos in ("NOUN", "PROPN")}
        out |= level
    h = sent.tokens[i].head
    if h >= 0:
        out |= {h} | set(children(sent, h))
    return out - {i}


def _particle(sent: Sentence, k: int) -> bool:
    """A preposition or particle ("in", "on", "for", "down")."""
    return sent.tokens[k].pos in ("ADP", "PART") or base_rel(sent, k) in ("prt", "prep")


def _of_time(sent: Sentence, k: int) -> bool:
    """A preposition that only says when ("called … on Sunday") is not a phrasal verb's particle."""
    objs = [g for g in children(sent, k) if base_rel(sent, g) == "pobj"]
    return sent.tokens[k].pos == "ADP" and any(sent.tokens[g].lemma in word_sets()["time_words"] for g in objs)


# a value an event can carry as its date: a year, a year and its part, or a month and day without the year
CALENDAR = re.compile(r"^(\d{4}(-(\d{2}|SU|WI|SP|FA|Q\d|H\d)(-\d{2})?)?|XXXX-\d{2}(-\d{2})?)")
VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN", "ADJ", "X"}


def _pos_fits(t, pos: str) -> bool:
    """A verb entry fires on verbs and participles, a noun entry on nouns (and listed adjectives); an English
    present participle qualifying a noun ("promising ties") is an adjective, not an act."""
    if pos == "verb":
        if t.pos == "VERB" and t.rel == "amod" and not t.feats and t.text.lower().endswith("ing"):
            return False
        if t.feats.get("VerbForm") == "Part" and (t.rel.split(":")[0] in ("nsubj", "obj", "iobj", "obl", "nmod") or (
                t.rel.split(":")[0] == "xcomp" and t.feats.get("Case") in ("Acc", "Gen", "Dat")
                and t.feats.get("Animacy") == "Anim")):
            return False  # "протестующие", "разогнала вышедших на акцию": a participle standing for people is an actor
        return t.pos in VERB_POS or (t.pos == "ADJ" and t.feats.get("VerbForm") == "Part")
    if pos == "noun":  # a predicate adverb too: "задержание неправомерно"
        return t.pos in NOUN_POS or (t.pos == "ADV" and t.rel.split(":")[0] in ("root", "ccomp", "xcomp", "conj"))
    return True


def find_triggers(sent: Sentence, s_index: int, lex: Lexicon) -> list[Candidate]:
    """Every word whose lemma opens a frame; a phrase wins over its head word alone, and the trigger's
    head is the phrase word highest in the parse ("телефонный разговор" hangs from "разговор")."""
    out: list[Candidate] = []
    lemmas = [t.lemma or t.text.lower() for t in sent.tokens]
    line = " ".join(lemmas)
    for pattern, frame in lex.patterns:  # constructions first: they say more than their words
        m = pattern.search(line)
        if not m:
            continue
        lead = len(m.group(0)) - len(m.group(0).lstrip(" "))  # a pattern may open on the space before a word
        start = line[: m.start() + lead].count(" ")
        toks = [k for k in range(start, start + m.group(0).strip().count(" ") + 1) if k < len(lemmas)]
        if not toks or any(c.frame.type == frame.type and set(c.tokens) & set(toks) for c in out):
            continue
        verbs = [k for k in toks if sent.tokens[k].pos in VERB_POS]
        head = verbs[0] if verbs else min(toks, key=lambda k: len(ancestors(sent, k, 50)))
        out.append(Candidate(sent, s_index, head, toks, Entry(sent.tokens[head].lemma, "pattern", frame), frame,
                             language=lex.language))
    taken: set[int] = {k for c in out for k in c.tokens}
    for phrases in (True, False):  # phrases first: "снять санкция" is not "санкция"
        for i, lem in enumerate(lemmas):
            if i in taken:
                continue
            entries = sorted(lex.by_lemma.get(lem, ()), key=lambda e: -len(e.rest))  # the longest phrase first
            reflexive = False
            if not entries and lem.endswith(("ся", "сь")) and sent.tokens[i].pos in VERB_POS \
                    and sent.tokens[i].feats.get("Voice") == "Pass":  # "обвиняется", not "пытаться" (Mid)
                entries = [e for e in lex.by_lemma.get(lem[:-2], ()) if e.pos != "noun"]
                reflexive = bool(entries)
            for entry in entries:
                if bool(entry.rest) != phrases or not _pos_fits(sent.tokens[i], entry.pos):
                    continue
                toks = [i]
                near = _near(sent, i)
                for word in entry.rest:
                    k = next((k for k in near if lemmas[k] == word and k not in toks and not _of_time(sent, k)), None)
                    if k is None:
                        w = int(limit("phrase_window"))
                        k = next((k for k in range(max(0, i - w), min(len(lemmas), i + w + 1))
                                  if lemmas[k] == word and k not in toks and not _of_time(sent, k)), None)
                    if k is None:
                        break
                    if lex.language == "en" and _particle(sent, k) and not (
                            sent.tokens[k].head in (i, sent.tokens[i].head) and k > i):
                        break  # "giving France a victory in Group A" is no "give in", "for young people called
                        # N-Power" no "call for": a particle is the verb's own, after it
                    toks.append(k)
                if len(toks) != 1 + len(entry.rest) or taken & set(toks):
                    continue
                if entry.frame.needs and not {lm for k, lm in enumerate(lemmas) if k not in toks} & needed(entry.frame.needs) \
                        and any(_needs_met(other, lemmas, toks) for other in entries if other is not entry
                                and other.rest == entry.rest and _pos_fits(sent.tokens[i], other.pos)):
                    continue  # "назвал X клоуном" or "назвал X другом": the class whose words the sentence has
                head = min(toks, key=lambda k: len(ancestors(sent, k, 50)))
                if sent.tokens[head].pos == "ADJ" and entry.pos == "noun" and rel(sent, head) == "amod":
                    head = sent.tokens[head].head  # "поздравительную телеграмму": the telegram carries it
                out.append(Candidate(sent, s_index, head, sorted(toks), entry, entry.frame, reflexive=reflexive,
                                     language=lex.language))
                taken.update(toks)
                break
    return out


def _needs_met(entry: Entry, lemmas: list[str], toks: list[int]) -> bool:
    """The entry's class needs words the sentence has outside the trigger (or needs none)."""
    return not entry.frame.needs or bool({lm for k, lm in enumerate(lemmas) if k not in toks} & needed(entry.frame.needs))


# argument slots -------------------------------------------------------------------------------


def slots(sent: Sentence, i: int) -> list[tuple[str, int]]:
    """(slot, root token) for each argument of word i, in sentence order."""
    out = []
    for c in children(sent, i):
        r, lem = rel(sent, c), sent.tokens[c].lemma
        if r in ("nsubj", "csubj"):
            out.append(("subj", c))
        elif r in ("nsubj:pass", "nsubjpass"):
            out.append(("subj_pass", c))
        elif r in ("obj", "dobj"):
            out.append(("obj", c))
        elif r in ("iobj", "dative"):
            out.append(("dat", c))
        elif r == "agent":  # English "by X"
            out.extend(("agent", g) for g in children(sent, c) if base_rel(sent, g) == "pobj")
        elif r == "poss":
            out.append(("poss", c))
        elif r == "det" and sent.tokens[c].text.lower() in ("его", "ее", "её", "их") and sent.tokens[i].pos == "NOUN":
            out.append(("gen", c))  # "о её импичменте", "потребовал его отставки": as "импичмент Руссефф"
        elif r == "prep":  # English: the preposition hangs from the word, its object from the preposition
            for g in children(sent, c):
                if base_rel(sent, g) == "pobj":
                    out.append(("gen" if lem == "of" else lem, g))
        elif r.split(":")[0] in ("obl", "nmod", "appos") and r.split(":")[0] != "appos":
            marker = case_marker(sent, c)
            compound = COMPOUND_PREPS.get((marker, lem))
            if compound:
                out.extend((compound, g) for g in children(sent, c) if base_rel(sent, g) == "nmod")
            elif marker:
                out.append((marker, c))
            elif r == "obl:agent" or case(sent, c) == "Ins":
                out.append(("ins", c))
            elif case(sent, c) == "Dat":
                out.append(("dat", c))
            elif case(sent, c) == "Gen":
                out.append(("gen", c))
            elif case(sent, c) == "Acc":
                out.append(("obj", c))
            else:  # the tagger's case is wrong or missing ("выразил доверие Мамуке Бахтадзе")
                out.append(("bare", c))
    return out


def arg_slots(c: Candidate) -> list[tuple[str, int]]:
    """The arguments of every word of the trigger ("предъявили обвинение министру": the dative hangs
    from "обвинение"), the head's first."""
    out = []
    for k in [c.head, *[t for t in c.tokens if t != c.head]]:
        out.extend((s, r) for s, r in slots(c.sent, k) if r not in c.tokens)
    return out


def arg_slots_roots(c: Candidate) -> list[int]:
    """The root words of the trigger's arguments, whatever their slot."""
    return [r for _, r in arg_slots(c)]


def _first(found: list[tuple[str, int]], *names: str) -> list[int]:
    for name in names:
        roots = [r for s, r in found if s == name]
        if roots:
            return roots
    return []


def _passive(c: Candidate) -> bool:
    return (c.reflexive or is_passive(c.sent, c.head)) and not _stative(c)


def _stative(c: Candidate) -> bool:
    """"Israel is opposed to", "is committed to": a participle after "be" that says what its subject does."""
    return c.sent.tokens[c.head].lemma in word_sets()["stative_participles"] and \
        c.sent.tokens[c.head].text.lower().endswith("ed")


def _is_noun(c: Candidate) -> bool:
    return c.sent.tokens[c.head].pos in ("NOUN", "PROPN") or c.entry.pos == "noun"


# sources ----------------------------------------------------------------------------------------


def source_subject(c: Candidate) -> list[int] | None:
    """The grammatical subject of an active verb (the nearest, when a misparse gives it two)."""
    if _is_noun(c) or _passive(c):
        return None
    subj = _first(arg_slots(c), "subj", *(("subj_pass",) if _stative(c) else ()))
    return [min(subj, key=lambda r: abs(r - c.head))] if subj else None


def source_agent(c: Candidate) -> list[int] | None:
    """The agent of a passive ("задержан полицией", "arrested by police") or of a noun ("задержание X
    полицией", "со стороны X", "Russia's sanctions")."""
    if not (_is_noun(c) or _passive(c)):
        return None
    found = arg_slots(c)
    if c.frame.predicative:  # "избрана президентом": the office, not who elected her
        found = [(s, r) for s, r in found if not (s == "ins" and c.sent.tokens[r].pos == "NOUN"
                                                   and c.sent.tokens[r].feats.get("Animacy") == "Anim")]
    return _first(found, "agent", "ins", "poss") or None


def source_genitive_agent(c: Candidate) -> list[int] | None:
    """A request, threat or refusal noun names its author in the genitive: "просьба Мадуро", "требование
    оппозиции", "угрозы боевиков" (an arrest noun names the one arrested there instead)."""
    if not _is_noun(c) or c.frame.type not in word_sets()["genitive_agent_types"]:
        return None
    return _first(arg_slots(c), "gen", "poss") or None


def in_circumstance(c: Candidate) -> bool:
    """The noun follows a preposition of time or occasion: "во время встречи", "в ходе переговоров",
    "по итогам визита", "during the talks"."""
    window = c.sent.tokens[max(0, c.head - int(limit("occasion_window"))):c.head]
    texts = (" ".join(t.text.lower() for t in window), " ".join(t.lemma for t in window))
    return any(re.search(rf"(^| ){re.escape(p)}( \S+)?$", b) for p in word_sets()["circumstance_preps"] for b in texts)


def in_reason(c: Candidate, head: int | None = None) -> bool:
    """The noun follows a preposition of reason or ground: "в связи с убийством", "по подозрению в нападении";
    or is conjoined to such a noun ("в связи с распадом коалиции и блокировкой инициатив")."""
    head = c.head if head is None else head
    if head == c.head and rel(c.sent, head) == "conj" and c.sent.tokens[head].head >= 0 \
            and in_reason(c, c.sent.tokens[head].head):
        return True
    window = c.sent.tokens[max(0, head - int(limit("occasion_window"))):head]
    texts = (" ".join(t.text.lower() for t in window), " ".join(t.lemma for t in window))
    if any(re.search(rf"(^| ){re.escape(p)}( \S+)?$", b) for p in word_sets()["reason_preps"] for b in texts):
        return True
    # "поблагодарил его за многолетнее взаимодействие", "осудили за участие в акции": what one is thanked,
    # praised or punished for
    words = word_sets()
    return case_marker(c.sent, head) in words["for_preps"] and \
        any(t.lemma in words["for_reason_words"] for t in c.sent.tokens[:head])


def source_occasion(c: Candidate) -> list[int] | None:
    """A meeting named as the occasion of a clause ("поднял вопрос в ходе встречи с X") is the clause
    subject's meeting."""
    if not (_is_noun(c) and c.frame.symmetric and in_circumstance(c)):
        return None
    subj = _occasion_subject(c, first_verb=False)
    c.climbed = c.climbed or bool(subj)
    return subj


def _occasion_subject(c: Candidate, first_verb: bool, *names: str) -> list[int] | None:
    """The subject of the clause a noun names the occasion of: up from the noun to the first word with a subject
    (or, with `first_verb`, to the first verb, whatever it has)."""
    i = c.head
    for _ in range(int(limit("climb"))):
        i = c.sent.tokens[i].head
        if i < 0:
            return None
        if first_verb and c.sent.tokens[i].pos not in VERB_POS:
            continue
        subj = _first(slots(c.sent, i), *(names or ("subj",)))
        if subj or first_verb:
            return subj or None
    return None


def source_light_verb(c: Candidate) -> list[int] | None:
    """A noun trigger that is the object of a verb takes the verb's subject: "провела задержание",
    "подтвердила арест", "held talks"."""
    if not _is_noun(c):
        return None
    at = c.head
    h = c.sent.tokens[at].head
    if h >= 0 and c.sent.tokens[h].lemma in word_sets()["operation_nouns"] and base_rel(c.sent, at) == "nmod":
        at, h = h, c.sent.tokens[h].head  # "проводят операцию по захвату подозреваемых": the operation's doers
    if h < 0 or base_rel(c.sent, at) not in ("obj", "dobj", "obl", "iobj", "nsubj:pass", "nsubjpass", "pobj"):
        return None
    if c.sent.tokens[h].pos not in ("VERB", "AUX", "ADP") or is_passive(c.sent, h):
        return None
    if c.sent.tokens[h].pos == "ADP":
        h = c.sent.tokens[h].head
        if h < 0:
            return None
    lemma = c.sent.tokens[h].lemma
    if lemma not in word_sets()["light_verbs"] and not (c.frame.symmetric and lemma in word_sets()["speech_verbs"]):
        return None  # "провела задержание", not "осудила арест"; "рассказал о договорённости с X" is his own
    subj = _first(slots(c.sent, h), "subj")
    if subj:
        c.climbed = True
    return subj or None


def source_deliberation(c: Candidate) -> list[int] | None:
    """A noun trigger that is the question a body decides takes the body: "Палата депутатов будет решать вопрос
    об её импичменте", "парламент рассмотрит вопрос об отставке правительства"."""
    if not _is_noun(c) or case_marker(c.sent, c.head) not in ("о", "об"):
        return None
    h = c.sent.tokens[c.head].head
    if h < 0 or c.sent.tokens[h].lemma not in word_sets()["question_nouns"]:
        return None
    v = c.sent.tokens[h].head
    if v < 0 or c.sent.tokens[v].lemma not in word_sets()["deliberation_verbs"]:
        return None
    subj = _first(slots(c.sent, v), "subj") or _nominative_before(c.sent, v)
    if subj:
        c.climbed = True
    return subj or None


def _nominative_before(sent: Sentence, v: int) -> list[int]:
    """The subject a parse left off a verb: the nearest noun in the nominative before it with no other finite
    verb between ("…, в то время как Палата депутатов в воскресенье будет решать")."""
    for k in range(v - 1, max(-1, v - 1 - int(limit("report_climb")) * 3), -1):
        t = sent.tokens[k]
        if t.pos == "VERB" and t.feats.get("VerbForm") == "Fin":
            return []
        modifies_a_noun = t.head >= 0 and sent.tokens[t.head].pos == "NOUN"
        if t.pos in ("NOUN", "PROPN") and t.feats.get("Case") == "Nom" and not modifies_a_noun:
            return [k]
    return []


def source_adjective(c: Candidate) -> list[int] | None:
    """A noun of force names its doer by a country adjective: "американского авиаудара", "израильский
    авиаудар", "российские санкции" (only when no other rule found a doer)."""
    if not _is_noun(c) or c.frame.type not in word_sets()["adjective_agent_types"]:
        return None
    found = [k for k in children(c.sent, c.head) if rel(c.sent, k) == "amod" and c.sent.tokens[k].pos == "ADJ"
             and k < c.head]
    return found or None


def source_document(c: Candidate) -> list[int] | None:
    """A noun trigger that is what a signed document orders takes the signer: "подписал указ «О досрочном
    прекращении полномочий мэра»", "signed a decree on the dismissal of"."""
    if not _is_noun(c):
        return None
    doc = c.sent.tokens[c.head].head
    if doc < 0 or base_rel(c.sent, c.head) not in ("appos", "nmod") or \
            c.sent.tokens[doc].lemma not in word_sets()["document_nouns"]:
        return None
    verb = c.sent.tokens[doc].head
    if verb < 0 or base_rel(c.sent, doc) not in ("obj", "dobj") or is_passive(c.sent, verb) or \
            c.sent.tokens[verb].lemma not in word_sets()["light_verbs"]:
        return None
    return _first(slots(c.sent, verb), "subj") or None


def source_participle_head(c: Candidate) -> list[int] | None:
    """An active participle qualifying a noun has that noun as its subject: "Лаврова, находящегося с визитом"."""
    t = c.sent.tokens[c.head]
    if t.feats.get("VerbForm") != "Part" or _passive(c) or t.head < 0:
        return None
    return [t.head] if base_rel(c.sent, c.head) in ("acl", "amod") else None


def impersonal(c: Candidate) -> bool:
    """A Russian third-person plural verb with no subject anywhere up its clause is an indefinite-personal
    sentence ("Гарсию обвиняли в получении взяток"): the agent is unsaid, as in a passive."""
    t = c.sent.tokens[c.head]
    if _is_noun(c) or _passive(c) or t.pos != "VERB" or t.feats.get("Number") != "Plur" or \
            t.feats.get("VerbForm") != "Fin" or t.feats.get("Person", "3") != "3":
        return False
    return not _first(arg_slots(c), "subj", "subj_pass") and rel(c.sent, c.head) not in ("conj", "xcomp", "advcl")


def source_governor(c: Candidate) -> list[int] | None:
    """A verb without a subject of its own takes the subject of the verb it depends on: "решил уволить",
    "задержала и допросила", "заявил, что уволит" (Russian drops a repeated subject)."""
    if _is_noun(c) or _passive(c) or _first(arg_slots(c), "subj", "subj_pass"):
        return None
    i = c.head
    for _ in range(int(limit("climb"))):
        if rel(c.sent, i) not in CLIMB_RELS:
            return None
        i = c.sent.tokens[i].head
        if i < 0:
            return None
        found = slots(c.sent, i)
        if _first(found, "subj_pass"):
            return None
        subj = _first(found, "subj")
        if subj:
            s = c.sent.tokens[subj[0]]
            if c.language == "ru" and c.sent.tokens[c.head].text.lower().endswith(("ли", "лись")) \
                    and s.feats.get("Number") == "Sing" and s.pos in ("NOUN", "PROPN", "PRON") \
                    and not any(rel(c.sent, k) == "conj" for k in children(c.sent, subj[0])):
                return None  # "она пожаловалась, что … конфисковали": a plural verb is not hers
            c.climbed = True
            return subj
    return None


def source_name_before(c: Candidate) -> list[int] | None:
    """An active verb left without a subject by the parse, right after a name that does not decline, which
    the parse hung on the noun before it: "после указа о помиловании Нетаньяху поблагодарил Путина"."""
    if _is_noun(c) or _passive(c) or c.language != "ru" or _first(arg_slots(c), "subj", "subj_pass") or c.head < 1:
        return None
    k = c.head - 1
    t = c.sent.tokens[k]
    if t.pos != "PROPN" or not t.text[:1].isupper() or t.head == c.head:
        return None
    if c.sent.tokens[c.head].feats.get("Number") == "Plur":
        return None  # "Певца Ар Келли обвиняют": one name is no subject of a plural verb
    if not any("Fixd" in p.tag.grammemes for p in parses(t.text.lower())):
        return None  # a declined name before the verb is some other word's argument
    return [k]


def _reporter(c: Candidate) -> int | None:
    """The verb of saying or believing whose clause holds the trigger: "заявил, что задержание неправомерно";
    the one right before the clause's "что" when the parse hangs the clause elsewhere ("настаивает на
    невиновности, утверждая, что полиция сфабриковала дело, и заявлял, …")."""
    said = word_sets()["reporting_verbs"]
    clause = next((k for k in [c.head, *ancestors(c.sent, c.head, int(limit("climb")))]
                   if c.sent.tokens[k].pos in VERB_POS), None)
    mark = next((k for k in children(c.sent, clause) if c.sent.tokens[k].lemma in word_sets()["report_marks"]
                 and rel(c.sent, k) == "mark"), None) if clause is not None else None
    if mark is not None and mark >= 2 and c.sent.tokens[mark - 1].text == "," and \
            c.sent.tokens[mark - 2].lemma in said:
        return mark - 2
    i = c.head  # "в которой нет ничего противозаконного": first up to the verb of the trigger's own clause
    for _ in range(int(limit("climb"))):
        if c.sent.tokens[i].pos in VERB_POS or base_rel(c.sent, i) not in ("amod", "nsubj", "obj", "obl", "nmod") \
                or c.sent.tokens[i].head < 0:
            break
        i = c.sent.tokens[i].head
    for _ in range(int(limit("report_climb"))):
        if base_rel(c.sent, i) not in ("ccomp", "parataxis", "xcomp", "advcl", "conj", "csubj", "acl"):
            return None
        i = c.sent.tokens[i].head
        if i < 0:
            return None
        if c.sent.tokens[i].lemma in said:
            return i
    return None


def source_reporter(c: Candidate) -> list[int] | None:
    """For a reported wrong ("утверждает, что администрация нарушила закон"): who says so."""
    if not c.frame.reported:
        return None
    verb = _reporter(c)
    for _ in range(int(limit("climb"))):  # "настаивает …, утверждая, что": a gerund's subject is its verb's
        if verb is None or verb < 0:
            return None
        subj = _first(slots(c.sent, verb), "subj")
        if subj:
            return subj
        if base_rel(c.sent, verb) not in ("advcl", "xcomp", "conj"):
            return None
        verb = c.sent.tokens[verb].head
    return None


def target_reported_subject(c: Candidate) -> list[int] | None:
    """For a reported wrong: whose act it is, the trigger's own subject ("администрация нарушила закон",
    "задержание неправомерно")."""
    if not c.frame.reported:
        return None
    return _first(slots(c.sent, c.head), "subj", "subj_pass") or None


SOURCE_RULES: tuple[Callable[[Candidate], list[int] | None], ...] = (
    source_reporter, source_subject, source_agent, source_genitive_agent, source_light_verb, source_deliberation, source_document, source_occasion, source_participle_head,
    source_governor, source_name_before, source_adjective)


# targets ----------------------------------------------------------------------------------------


def target_passive_subject(c: Candidate) -> list[int] | None:
    """The subject of a passive is the one acted upon: "Младич арестован", "X was arrested"; a passive
    joined to a verb before it shares that verb's subject ("Он представлял Иран, но был отстранен")."""
    if _is_noun(c) or not _passive(c):
        return None
    own = _first(arg_slots(c), "subj_pass", "subj")
    if own or rel(c.sent, c.head) != "conj" or c.sent.tokens[c.head].head < 0:
        return own or None
    return _first(slots(c.sent, c.sent.tokens[c.head].head), "subj", "subj_pass") or None


def target_passive_nearby(c: Candidate) -> list[int] | None:
    """A passive verb whose subject the parser hung on another verb: the nominative noun right before it,
    with no comma between ("Салех был убит, подтвердила партия")."""
    if _is_noun(c) or not _passive(c) or _first(arg_slots(c), "subj_pass", "subj"):
        return None
    t = c.sent.tokens[c.head]
    if t.feats.get("VerbForm") == "Part" and t.feats.get("Variant") != "Short" and base_rel(c.sent, c.head) == "amod":
        return None  # "продавал похищенные данные": an attributive participle qualifies its noun, no subject
    for k in range(c.head - 1, -1, -1):
        t = c.sent.tokens[k]
        if t.pos == "PUNCT":
            return None
        if rel(c.sent, k).startswith("nsubj") and case(c.sent, k) == "Nom" and t.head != c.head:
            return [k]
    return None


def target_frame_slots(c: Candidate) -> list[int] | None:
    """The first slot the frame names that the parse fills: object, dative, genitive or a preposition."""
    found = [(s, r) for s, r in arg_slots(c) if r not in c.source_roots]
    wanted = [s for s in c.frame.target if not (s == "obj" and _passive(c))]
    if _is_noun(c) and "gen" not in wanted and "obj" in wanted:
        wanted.append("gen")  # "арест X" as "арестовать X"
    if set(wanted) & {"obj", "dat", "gen"}:
        wanted.append("bare")
    for s in wanted:
        if ">" in s:  # a slot under a slot: "ратифицировала договор с Китаем" is "obj>с"
            outer, inner = s.split(">", 1)
            roots = [r for o in _first(found, outer) for r in _first(slots(c.sent, o), inner)]
        else:
            roots = _first(found, s)
        if roots:
            return roots
    return None


def target_shared_object(c: Candidate) -> list[int] | None:
    """A verb coordinated with another and without an object of its own shares that verb's object or
    dative: "назвал Джона Макафи «параноиком» и предложил [ему] сдаться", "задержали и допросили X"."""
    t = c.sent.tokens[c.head]
    if _is_noun(c) or _passive(c) or base_rel(c.sent, c.head) != "conj" or t.head < 0 \
            or c.sent.tokens[t.head].pos != "VERB" or is_passive(c.sent, t.head):
        return None  # "сдался полиции и был задержан": a passive's one acted upon is its subject
    if _first(arg_slots(c), "obj", "dat", "subj_pass"):
        return None
    found = [(sl, r) for sl, r in slots(c.sent, t.head)
             if r not in c.source_roots and c.sent.tokens[r].lemma not in ("себя", "себе", "itself", "himself", "herself")]
    return _first(found, "obj", "dat") or None


def target_addressee(c: Candidate) -> list[int] | None:
    """A request noun fulfilled, granted or turned down by someone names its addressee as that verb's
    subject: "Национальное собрание исполнило просьбу Мадуро"."""
    if not _is_noun(c) or c.frame.type not in word_sets()["genitive_agent_types"]:
        return None
    h = c.sent.tokens[c.head].head
    if h < 0 or c.sent.tokens[h].lemma not in word_sets()["addressee_verbs"]:
        return None
    return _first(slots(c.sent, h), "subj") or None


def target_light_verb(c: Candidate) -> list[int] | None:
    """A noun trigger hanging from a verb takes the verb's dative or object: "направил телеграмму
    Раулю Кастро с благодарностью", "выразил соболезнования родным X"."""
    if not _is_noun(c):
        return None
    h = c.sent.tokens[c.head].head
    if h < 0 or c.sent.tokens[h].pos not in VERB_POS or c.sent.tokens[h].lemma not in word_sets()["light_verbs"]:
        return None
    found = [(s, r) for s, r in slots(c.sent, h) if r != c.head and r not in c.source_roots]
    # "направил телеграмму Раулю Кастро": a dative the parse hung on the verb's object is still the verb's
    found += [("dat", k) for slot, o in found if slot == "obj" for k in children(c.sent, o)
              if case(c.sent, k) == "Dat" and c.sent.tokens[k].feats.get("Animacy") == "Anim"]
    return _first(found, "dat", "к", "to", "bare", *(("с", "with") if c.frame.symmetric else ())) or None


def target_participle_head(c: Candidate) -> list[int] | None:
    """A participle qualifying a noun acts on that noun: "задержанный полицией активист"."""
    t = c.sent.tokens[c.head]
    if t.feats.get("VerbForm") != "Part" or base_rel(c.sent, c.head) not in ("amod", "acl") or t.head < 0:
        return None
    return [t.head] if _passive(c) else None


def target_content_clause(c: Candidate) -> list[int] | None:
    """Asking or warning that someone do something names them as the subject of the clause: "потребовал,
    чтобы правительство …", "поднял вопрос о том, чтобы российская сторона …", "demanded that Turkey …"."""
    if c.frame.type not in word_sets()["clause_target_types"] and "clause" not in c.frame.target:
        return None
    below = subtree(c.sent, c.head)
    for k in sorted(below, key=lambda k: abs(k - c.head)):
        if rel(c.sent, k) in ("ccomp", "advcl", "acl", "xcomp") and k != c.head:
            subj = _first(slots(c.sent, k), "subj", "subj_pass")
            if subj and not set(subj) & set(c.source_roots):
                return subj
    # the parse lost the clause: the first nominative after "чтобы" / "that" right after the trigger
    toks = c.sent.tokens
    k = max(c.tokens) + 1
    while k < len(toks) and toks[k].pos == "PUNCT":
        k += 1
    if k < len(toks) and toks[k].lemma in word_sets()["clause_openers"]:
        for j in range(k + 1, min(len(toks), k + 1 + int(limit("phrase_window")) + 1)):
            if toks[j].pos in ("NOUN", "PROPN") and toks[j].feats.get("Case", "Nom") == "Nom":
                return [j]
    return None


def target_linear(c: Candidate) -> list[int] | None:
    """When the parse loses the object (it may even loop), the first noun after the trigger in the case the
    frame wants, before any punctuation: "выразил соболезнования родным и близким X"."""
    want = {"dat": "Dat"}  # an accusative or genitive further on is as often something else's
    cases = [want[s] for s in c.frame.target if s in want]
    nxt = max(c.tokens) + 1
    if "obj" in c.frame.target and not c.frame.inverse and not _is_noun(c) and nxt < len(c.sent.tokens) \
            and c.sent.tokens[nxt].pos == "PRON" and c.sent.tokens[nxt].feats.get("Case") == "Acc":
        return [nxt]  # "задержали его на юге страны": a pronoun right after the verb is its object
    if not cases or c.frame.inverse:
        return None
    for k in range(max(c.tokens) + 1, len(c.sent.tokens)):
        t = c.sent.tokens[k]
        if t.pos in ("PUNCT", "VERB", "AUX", "ADP"):  # a preposition opens a phrase of its own ("за помощь X")
            return None
        if t.pos in ("NOUN", "PROPN") and t.feats.get("Case") in cases:
            return [k]
    return None


def target_phrase_owner(c: Candidate) -> list[int] | None:
    """A phrase whose noun is a state's ("закрыть российское консульство", "отозвать посла США"): the
    state the noun's adjective or genitive names is the one acted upon, not the place it happens in."""
    if c.frame.symmetric:
        return None
    owners = [k for p in c.tokens if p != c.head and c.sent.tokens[p].pos == "NOUN"
              for k in children(c.sent, p) if rel(c.sent, k) in ("amod", "nmod")
              and (c.sent.tokens[k].pos == "PROPN" and case(c.sent, k) in ("Gen", "")  # whose, not where
                   or c.sent.tokens[k].pos == "ADJ" and c.sent.tokens[k].text[:1].islower()
                   and c.sent.tokens[k].lemma.endswith("ский"))]
    return owners[:1] or None


def target_named_below(c: Candidate) -> list[int] | None:
    """Last: the proper names below the trigger, outside the source ("выразил соболезнования родным и
    близким … Виктора Черномырдина"); the extractor keeps only those that name an actor."""
    if c.frame.symmetric or c.frame.inverse:  # an inverse frame's other side is only ever explicit ("от")
        return None
    if c.language not in word_sets()["named_below_languages"]:
        return None  # English parses name their objects; a name further down is someone else's
    below = subtree(c.sent, c.head, word_sets()["prune"]) - {c.head}
    for r in c.source_roots:
        below -= subtree(c.sent, r)
    if c.frame.type == "ACCUSE":  # "обвинил в убийстве Салеха мятежников": the charge names the victim, not the accused
        for s, r in arg_slots(c):
            if s in ("в", "за"):
                below -= subtree(c.sent, r)
    if _passive(c):  # "был отстранён от поста Ахмадинежадом": the agent of a passive is no one acted upon
        for r in _first(arg_slots(c), "agent", "ins"):
            below -= subtree(c.sent, r)
    names = [k for k in sorted(below, key=lambda k: abs(k - c.head)) if c.sent.tokens[k].pos == "PROPN"]
    return names[:1] or None


def target_of_action(c: Candidate) -> list[int] | None:
    """Threatening, asking or offering to do something to someone names them in that action: "threatened
    to cut off electricity to Nakhichevan", "пригрозил закрыть посольство США"."""
    if c.frame.type not in word_sets()["content_types"] | {"AGREE"} or c.frame.type == "REQUEST":
        return None  # a request names whom it asks, not what the asked act is done to
    for k in children(c.sent, c.head):
        if rel(c.sent, k) not in ("xcomp", "ccomp", "advcl"):
            continue
        found = [(s, r) for s, r in slots(c.sent, k) if s not in ("subj", "subj_pass")]
        roots = _first(found, "obj", "dat", "to", "against", "on", "with", "from", "против", "к", "с", "gen")
        if roots:
            return roots
    return None


def target_place(c: Candidate) -> list[int] | None:
    """Last, for acts done in a place ("lifted the curfew in Montenegro", "ввели войска в Крым"): the place
    named below the trigger; the extractor keeps it only as the state it belongs to."""
    if c.frame.symmetric or c.frame.inverse or c.frame.type not in word_sets()["place_target_types"]:
        return None
    below = subtree(c.sent, c.head, word_sets()["prune"]) - {c.head}
    for r in c.source_roots:
        below -= subtree(c.sent, r)
    names = [k for k in sorted(below, key=lambda k: abs(k - c.head)) if c.sent.tokens[k].pos == "PROPN"]
    return names[:1] or None


def target_occasion_subject(c: Candidate) -> list[int] | None:
    """An act named as the occasion of a clause, with no one of its own: the clause's subject underwent it
    ("скончался во время задержания", "was injured during the arrest")."""
    if not (_is_noun(c) and not c.frame.symmetric and c.frame.type in word_sets()["occasion_target_types"]
            and in_circumstance(c)):
        return None
    return _occasion_subject(c, True, "subj", "subj_pass")


TARGET_RULES: tuple[Callable[[Candidate], list[int] | None], ...] = (
    target_reported_subject, target_passive_subject, target_passive_nearby, target_addressee, target_frame_slots,
    target_occasion_subject, target_participle_head, target_light_verb, target_content_clause,
    target_shared_object, target_of_action, target_linear, target_phrase_owner, target_named_below, target_place)


# status -----------------------------------------------------------------------------------------


def _governors(c: Candidate) -> list[int]:
    """The trigger and the words it depends on within its clause (through xcomp, obl, nmod, obj)."""
    out, i = [c.head], c.head
    for _ in range(int(limit("climb"))):
        if rel(c.sent, i) not in ("xcomp", "ccomp", "obl", "nmod", "obj", "dobj", "pobj", "prep", "acl", "conj",
                                  "advcl", "nsubj", "nsubj:pass", "nsubjpass"):
            break
        i = c.sent.tokens[i].head
        if i < 0:
            break
        out.append(i)
    return out


def status_negated(c: Candidate) -> str | None:
    """A negation on the trigger or the verbs that carry it ("не встретился", "did not meet"), or a verb of
    failing that governs it ("не удалось задержать", "failed to reach a deal")."""
    neg = word_sets()["negation"]
    chain = _same_event_chain(c)
    clauses = word_sets()["prune"] | {"conj"}  # "…сфабриковала дело, … в этом нет сомнений": another clause's "нет"
    for g in chain:
        if any(c.sent.tokens[k].lemma in neg and rel(c.sent, k) not in clauses for k in children(c.sent, g)):
            return "negated"
    for g in chain[1:]:
        lem = c.sent.tokens[g].lemma
        if lem in word_sets()["fail"]:
            return "negated"
        if lem in word_sets()["manage"] and any(c.sent.tokens[k].lemma in neg for k in children(c.sent, g)):
            return "negated"  # "не удалось задержать": negation sits on the verb of managing
    return None


def status_hypothetical(c: Candidate) -> str | None:
    """A modal or conditional on the trigger's clause ("может ввести", "would allow", "если"), or a word of
    possibility or consideration governing it ("рассмотрит вопрос о смягчении", "возможность визита")."""
    hyp = word_sets()["hypothetical"]
    chain = _governors(c)
    for n, g in enumerate(chain):
        if n and c.sent.tokens[g].lemma in hyp and rel(c.sent, chain[n - 1]) != "conj":
            return "hypothetical"
        for k in children(c.sent, g):
            w = c.sent.tokens[k]
            if base_rel(c.sent, k) == "advcl" and any(
                    c.sent.tokens[j].lemma in word_sets()["condition_marks"] and base_rel(c.sent, j) == "mark"
                    for j in children(c.sent, k)):
                return "hypothetical"  # "Если Сенат примет дело, Руссефф будет отстранена": the consequent
            if w.lemma in hyp and base_rel(c.sent, k) in ("aux", "advmod", "mark", "discourse"):
                if w.lemma in ("would", "бы") and c.sent.tokens[g].lemma in word_sets()["politeness"]:
                    continue  # "I would like to thank", "хотел бы выразить": politeness, not a condition
                return "hypothetical"
    return None


def _same_event_chain(c: Candidate) -> list[int]:
    """The trigger and the verbs that carry its tense: "будет задержан", "решил уволить" (xcomp)."""
    out, i = [c.head], c.head
    while rel(c.sent, i) in ("xcomp", "csubj") and c.sent.tokens[i].head >= 0 and len(out) < limit("climb"):
        i = c.sent.tokens[i].head
        out.append(i)
    return out


def status_planned(c: Candidate) -> str | None:
    planned, near = word_sets()["planned"], word_sets()["planned_near"]
    wanted = word_sets()["attempt_words"] if c.frame.type not in word_sets()["hostile_types"] else frozenset()
    for g in _governors(c):  # "wanted to strike a deal": not struck; "tried to kill" is an attack all the same
        if (c.sent.tokens[g].lemma in planned or c.sent.tokens[g].lemma in wanted) and g != c.head:
            return "planned"
    chain = _same_event_chain(c)
    if _is_noun(c) and c.climbed:  # "будет решать вопрос об импичменте": the noun's act is the verb's, not yet done
        chain = _governors(c)[:4]
    for g in chain:
        t = c.sent.tokens[g]
        if t.feats.get("Tense") == "Fut" and t.pos in ("VERB", "AUX"):
            return "planned"
        for k in children(c.sent, g):
            w = c.sent.tokens[k]
            if w.text.lower() in near or (w.lemma in planned and base_rel(c.sent, k) in ("aux", "amod", "advmod")):
                return "planned"
            if w.pos == "AUX" and w.feats.get("Tense") == "Fut":
                return "planned"
    return None


def intent(c: Candidate, words: frozenset[str] | None = None) -> bool:
    """The trigger depends on a word of intention ("готов предоставить", "пообещал освободить")."""
    words = words if words is not None else frozenset((settings().get("intent") or {}).get("words") or ())
    if any(c.sent.tokens[g].lemma in words for g in _governors(c)[1:]):
        return True
    i = c.head  # further up to the clause's edge: "подтвердил решимость продолжать развивать сотрудничество"
    for _ in range(int(limit("intent_climb")) if c.language == "ru" else 0):  # English verbs chain much more
        if base_rel(c.sent, i) in ("root", "parataxis", "ccomp", "advcl") or c.sent.tokens[i].head < 0:
            return False
        i = c.sent.tokens[i].head
        if c.sent.tokens[i].lemma in words:
            return True
    return False


STATUS_RULES: tuple[Callable[[Candidate], str | None], ...] = (status_negated, status_hypothetical, status_planned)


# date -------------------------------------------------------------------------------------------


def event_time(sent: Sentence, at: int, timexes: list[Timex], head: int | None = None) -> Timex | None:
    """The sentence's own time expression nearest the offset `at` (the trigger), if it gives a calendar value.
    With the trigger's token `head`: not one inside a relative or participial clause about something else
    ("Мюллера, который вступил в должность за неделю до атаки 11 сентября 2001 г."), nor a year of birth."""
    inside = [t for t in timexes if sent.start <= t.start < sent.end and t.value and t.basis != "vague"
              and t.type in ("DATE", "TIME") and CALENDAR.match(t.value)
              and not (head is not None and _other_clause(sent, t.start, head)) and not _birth_year(sent, t.end)]
    if not inside:
        return None
    near = min(inside, key=lambda t: abs(t.start - at))
    # "премию мира в 2019 году …, объявлено 11 октября 2019 года": a finer time within the nearest one is it
    finer = [t for t in inside if t.value != near.value and t.value.startswith(near.value)]
    return max(finer, key=lambda t: len(t.value)) if finer else near


def _other_clause(sent: Sentence, start: int, head: int) -> bool:
    """The words at `start` stand in a relative or participial clause that does not hold the trigger."""
    k = next((i for i, t in enumerate(sent.tokens) if t.start <= start < t.end or t.start >= start), None)
    if k is None:
        return False
    for g in [k, *ancestors(sent, k, int(limit("report_climb")))]:
        t = sent.tokens[g]
        participle = rel(sent, g) == "acl" and t.feats.get("VerbForm") == "Part" and t.feats.get("Variant") != "Short" \
            and not any(rel(sent, j).startswith("aux") for j in children(sent, g))  # "произошедшей", not "был схвачен"
        if rel(sent, g) in ("acl:relcl", "relcl") or participle:
            return head not in subtree(sent, g)
    return False


def _birth_year(sent: Sentence, end: int) -> bool:
    """"Мария, 1999 г. р.", "1960 года рождения": a year someone was born."""
    after = sent.text[end - sent.start: end - sent.start + 16].lower()
    return bool(re.match(r"\s*(?:г\.|года?)?\s*(?:р\.|рожд)", after))


def is_embedded(c: Candidate, others: list[Candidate]) -> bool:
    """A trigger inside another trigger's argument is that event's content, not an event of its own: a noun
    ("обвинил в убийстве"), or the action asked, threatened, promised or refused ("призвал выйти на улицы",
    "грозили взорвать метро", "отказался признать вину")."""
    if c.frame.actors != "pair":
        return False
    if not _is_noun(c):
        i = c.head  # "отказался признать обвинения и уйти в отставку": a conjunct is content as its first one is
        for _ in range(int(limit("climb"))):
            if rel(c.sent, i) != "conj" or c.sent.tokens[i].head < 0:
                break
            i = c.sent.tokens[i].head
        h, r = c.sent.tokens[i].head, rel(c.sent, i)
        return any((o.head == h or h in o.tokens) and o is not c and (
            r == "xcomp" and o.frame.type in word_sets()["content_types"]
            or r in ("ccomp", "acl") and o.frame.type in word_sets()["unreal_content_types"]) for o in others)
    if in_reason(c):
        return True  # "объявила о розыске в связи с убийством": the ground of another act
    h = c.sent.tokens[c.head].head
    if h >= 0 and c.sent.tokens[h].lemma in word_sets()["suspected_words"]:
        return True  # "Подозреваемые в нападении": what one is suspected of is no event of its own
    if (base_rel(c.sent, c.head) == "obl" and case(c.sent, c.head) == "Loc" and c.frame.symmetric) or in_circumstance(c):
        return False  # "в телефонном разговоре пригласил", "во время встречи": the circumstance, not the content
    topics = word_sets()["topic_words"]
    for o in others:
        if o is c or (o.frame.type not in word_sets()["content_types"] and not _is_noun(o)
                      and o.sent.tokens[o.head].lemma not in topics):
            continue  # "не обсуждал с Путиным возможность ввода войск": what was discussed did not happen
        if c.head in subtree(c.sent, o.head) and c.head != o.head and o.head in ancestors(c.sent, c.head, int(limit("climb"))):
            return True
    return False
