"""The event lexicon: trigger classes with their argument frames, and the settings the rules consult.

Both are data (lexicons/events_ru.yaml, events_en.yaml, event_settings.yaml); this module only reads
them and indexes the triggers by lemma.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from letopis.yaml_data import load_yaml

SYMMETRIC_TYPES = {"CONSULT", "COOPERATE"}


@dataclass(frozen=True, slots=True)
class Frame:
    """One trigger class: what it means (type, CAMEO, mode) and where its sides are."""

    name: str
    type: str
    cameo: str
    mode: str | None = None
    target: tuple[str, ...] = ("obj",)
    symmetric: bool = False
    inverse: bool = False
    alone: bool = False
    state: bool = False  # an act only a state does (arrest, charge, release): unnamed, it is the state's
    actors: str = "pair"  # pair | multilateral | heads:<role> | context
    quotes: bool = True
    confidence: float | None = None
    target_kind: str | None = None  # PER: the event stands only with a named person as the target
    needs: str | None = None  # a word list of the settings one of whose lemmas the sentence must hold
    unless: str | None = None  # a word list of the settings none of whose entries the sentence may hold
    complement: bool = False  # the trigger must govern an action ("offered to hand over")
    predicative: bool = False  # an animate noun in the instrumental is what the target becomes ("избран президентом")
    animate_target: bool = False  # the one acted upon is someone, never a thing ("похитил данные" is no abduction)
    reported: bool = False  # the trigger states what someone says another did: the sayer accuses its subject


@dataclass(frozen=True, slots=True)
class Entry:
    """A lemma (or a phrase's head) that opens a frame; `rest` are the phrase's other lemmas."""

    lemma: str
    pos: str  # verb | noun | phrase
    frame: Frame
    rest: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join((self.lemma, *self.rest))


@dataclass(slots=True)
class Lexicon:
    language: str = ""
    frames: dict[str, Frame] = field(default_factory=dict)
    by_lemma: dict[str, list[Entry]] = field(default_factory=dict)
    patterns: list[tuple[re.Pattern[str], Frame]] = field(default_factory=list)

    def entries(self) -> list[Entry]:
        return [e for es in self.by_lemma.values() for e in es]


def _frame(c: dict, alone: bool = False) -> Frame:
    return Frame(
        name=c["class"], type=c["type"], cameo=str(c["cameo"]), mode=c.get("mode"),
        target=tuple(c.get("target") or ("obj",)),
        symmetric=bool(c.get("symmetric", c["type"] in SYMMETRIC_TYPES)),
        inverse=bool(c.get("inverse", False)), alone=bool(c.get("alone", alone)), state=bool(c.get("state", False)),
        actors=c.get("actors", "pair"), quotes=bool(c.get("quotes", True)), confidence=c.get("confidence"),
        target_kind=c.get("target_kind"), needs=c.get("needs"), unless=c.get("unless"), complement=bool(c.get("complement", False)),
        predicative=bool(c.get("predicative", False)), animate_target=bool(c.get("animate_target", False)),
        reported=bool(c.get("reported", False)),
    )


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=4)
def aspect_pairs(language: str) -> dict[str, str]:
    """Perfective verbs and their imperfective partners (lexicons/aspect_pairs.yaml): a phrase written with
    one is read with the other too."""
    path = resources.files("letopis.lexicons").joinpath("aspect_pairs.yaml")
    return {_fold(k): _fold(v) for k, v in (load_yaml(path.read_text("utf-8")).get(language) or {}).items()}


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    """The trigger classes of one language, indexed by lemma; phrases before single words."""
    path = resources.files("letopis.lexicons").joinpath(f"events_{language}.yaml")
    if not path.is_file():
        return Lexicon(language)
    classes = load_yaml(path.read_text("utf-8")).get(language) or []
    lex = Lexicon(language)
    default = (settings().get("alone_default") or {}).get(language, False)
    for c in classes:  # the default is a yes or no, or the types whose events may stand with one side
        frame = _frame(c, c["type"] in default if isinstance(default, list) else bool(default))
        if frame.name in lex.frames:
            raise ValueError(f"events_{language}.yaml: class {frame.name!r} is defined twice")
        lex.frames[frame.name] = frame
        pairs = aspect_pairs(language)
        verbs = [_fold(w) for w in c.get("verbs") or []]
        for w in [*verbs, *(pairs[v] for v in verbs if v in pairs and pairs[v] not in verbs)]:
            lex.by_lemma.setdefault(w, []).append(Entry(w, "verb", frame))
        for w in c.get("nouns") or []:
            lex.by_lemma.setdefault(_fold(w), []).append(Entry(_fold(w), "noun", frame))
        phrases = [tuple(_fold(ph).split()) for ph in c.get("phrases") or []]
        phrases += [(pairs[p[0]], *p[1:]) for p in phrases if p[0] in pairs and (pairs[p[0]], *p[1:]) not in phrases]
        for words in phrases:
            lex.by_lemma.setdefault(words[0], []).append(Entry(words[0], "phrase", frame, tuple(words[1:])))
        for pat in c.get("patterns") or []:
            lex.patterns.append((re.compile(pat), frame))
    for es in lex.by_lemma.values():
        es.sort(key=lambda e: -len(e.rest))  # "предъявить обвинение" before "предъявить"
    return lex


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_yaml(resources.files("letopis.lexicons").joinpath("event_settings.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def word_sets() -> dict[str, frozenset[str]]:
    """The settings' word lists as sets, and every generic noun mapped to its generic actor."""
    s = settings()
    out = {k: frozenset(v) for k, v in s["status"].items()}
    out |= {k: frozenset(v) for k, v in s["arguments"].items()}
    out["state_bodies"] = frozenset(s["state_bodies"])
    out["body_adjectives"] = frozenset(s["body_adjectives"])
    out["read_titles"] = bool(s.get("read_titles"))
    return out


@lru_cache(maxsize=1)
def generic_actors() -> dict[str, str]:
    return {w: name for name, words in settings()["generic"].items() for w in words}


@lru_cache(maxsize=1)
def pressure_actors() -> dict[str, str]:
    """Words of pressure and the generic actor who presses: "протест" → Protesters, "критика" → Critics."""
    return {w: name for name, words in (settings().get("pressure_actors") or {}).items() for w in words}


@lru_cache(maxsize=1)
def implied_sides() -> dict[str, dict[str, str]]:
    return settings().get("implied", {})


def negated_as(event_type: str) -> str | None:
    return (settings().get("negated_as") or {}).get(event_type)


def intent_as(event_type: str) -> tuple[str, str] | None:
    """The type and CAMEO code of an expressed intention to do an event of this type, if it is one."""
    it = settings().get("intent") or {}
    new = (it.get("as") or {}).get(event_type)
    return (new, str((it.get("cameo") or {}).get(event_type, "030"))) if new else None


@lru_cache(maxsize=16)
def needed(name: str) -> frozenset[str]:
    return frozenset((settings().get("needs") or {}).get(name) or ())


def limit(name: str) -> int | float:
    return settings()["limits"][name]


def confidence(name: str) -> float:
    return float(settings()["confidence"][name])
