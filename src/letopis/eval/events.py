"""English event coding against the PLOVER gold standard records.

The records use an older PLOVER draft: DEMAND is read as REQUEST, DISAPPROVE and INVESTIGATE as
ACCUSE, FIGHT as ASSAULT. Type accuracy counts a record right when the first event Letopis finds
in its text has the gold type. A gold source or target actor is recalled when an actor of that
event names it: the same country code, or a word of the gold actor's text in the actor's mention.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from letopis.analyze.morph import fold
from letopis.model import Article, Event

# PLOVER codes an announced intention as AGREE (to cooperate, help or yield) or THREATEN (to harm);
# Letopis keeps the type of the act and marks it planned
INTENT = {"CONCEDE": "AGREE", "RETREAT": "AGREE", "AID": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE",
          "CONSULT": "AGREE", "ASSAULT": "THREATEN", "COERCE": "THREATEN", "SANCTION": "THREATEN",
          "REJECT": "THREATEN", "PROTEST": "THREATEN"}
# a cooperative act that did not happen ("will not accept", "failed to reach agreement") is a rejection
REFUSAL = {"AGREE", "CONSULT", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "RETREAT"}
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODES = {"JAP": "JPN", "UK": "GBR", "USA": "USA"}  # CAMEO-era codes that differ from ISO 3166
STOP = {"the", "of", "a", "an", "and", "s", "'s", "in", "on", "for"}


@dataclass(slots=True)
class PloverScore:
    records: int = 0
    typed: int = 0
    found: int = 0
    right: int = 0
    gold_actors: dict[str, int] = field(default_factory=lambda: {"source": 0, "target": 0})
    recalled: dict[str, int] = field(default_factory=lambda: {"source": 0, "target": 0})
    confusion: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        src = self.recalled["source"] / max(1, self.gold_actors["source"])
        tgt = self.recalled["target"] / max(1, self.gold_actors["target"])
        both = sum(self.recalled.values()) / max(1, sum(self.gold_actors.values()))
        return [
            f"PLOVER gold records: {self.records}; an event found in {self.found} ({self.found / max(1, self.records):.3f})",
            (f"event type accuracy {self.right}/{self.records} ({self.accuracy:.3f}); "
            f"on records with an event {self.right}/{max(1, self.found)} ({self.right / max(1, self.found):.3f})"),
            (f"actor recall: source {self.recalled['source']}/{self.gold_actors['source']} ({src:.3f}), "
            f"target {self.recalled['target']}/{self.gold_actors['target']} ({tgt:.3f}), both {both:.3f}"),
        ]

    @property
    def accuracy(self) -> float:
        return self.right / max(1, self.records)

    @property
    def actor_recall(self) -> float:
        return sum(self.recalled.values()) / max(1, sum(self.gold_actors.values()))


def records(path: Path) -> list[dict]:
    text = path.read_text("utf-8")
    text = re.sub(r",\s*([\]}])", r"\1", text)  # the file has trailing commas here and there
    return [r for r in json.loads(text) if r.get("event") and r["event"] != "DOCUMENT" and r.get("text")]


def _words(text: str) -> set[str]:
    return {w for w in fold(text).replace("'s", "").split() if w not in STOP and len(w) > 1} if text else set()


def _names_actor(gold: dict, event: Event, article: Article) -> bool:
    code = CODES.get(gold.get("code") or "", gold.get("code") or "")
    words = _words(re.sub(r"[^\w\s]", " ", gold.get("actorText") or ""))
    compact = re.sub(r"\W", "", fold(gold.get("actorText") or ""))
    for a in event.actors:
        if a.country and a.country == code:
            return True
        if code == "IGO" and a.type == "ORG" and a.country is None and not a.id.startswith("e-group-"):
            return True  # an intergovernmental organisation
        texts = [m.text for m in article.mentions if m.entity_id == a.id] + [a.name]
        if any(words & _words(re.sub(r"[^\w\s]", " ", t)) or (compact and re.sub(r"\W", "", fold(t)) == compact)
               for t in texts):
            return True
    return False


def evaluate_plover(path: Path, pipeline) -> PloverScore:
    score = PloverScore()
    for r in records(path):
        gold_type = OLD_TYPES.get(r["event"], r["event"])
        score.records += 1
        article = pipeline.process(r["text"], published=r.get("date"), language="en")
        event = article.events[0] if article.events else None
        for role in ("source", "target"):
            for g in [x for x in (r.get(role) or []) if isinstance(x, dict)] if isinstance(r.get(role), list) else []:
                score.gold_actors[role] += 1
                if event is not None and _names_actor(g, event, article):
                    score.recalled[role] += 1
        if event is None:
            score.confusion[(gold_type, None)] += 1
            continue
        score.found += 1
        found = (INTENT.get(event.type, event.type) if event.status == "planned" else
                 "REJECT" if event.status == "negated" and event.type in REFUSAL else event.type)
        score.right += found == gold_type
        score.confusion[(gold_type, found)] += 1
    return score


def meetings_factru(folder: Path, pipeline) -> tuple[int, int, list[str]]:
    """factRuEval `Meeting` facts: recalled when a CONSULT event of the document has the fact's participants
    (matched by surname). Returns (recalled, total, misses)."""
    recalled = total = 0
    misses = []
    for facts in sorted(folder.glob("*.facts")):
        blocks = [b.strip().splitlines() for b in facts.read_text("utf-8").split("\n\n") if b.strip()]
        meetings = [[ln.split(" ", 2)[2] for ln in b[1:] if ln.startswith("Participant") and len(ln.split(" ", 2)) == 3]
                    for b in blocks if b[0].endswith(" Meeting")]
        meetings = [m for m in meetings if len(m) >= 2]
        if not meetings:
            continue
        article = pipeline.process(facts.with_suffix(".txt").read_text("utf-8"), language="ru")
        for people in meetings:
            total += 1
            surnames = {fold(p.split()[0])[:5] for p in people}
            ok = False
            for e in article.events:
                if e.type != "CONSULT":
                    continue
                names = set()
                for a in e.actors:
                    ent = article.entities.get(a.id)
                    for n in [a.name, *(ent.aliases if ent else []), (ent.name_ru or "") if ent else ""]:
                        names |= {fold(w)[:5] for w in n.replace("-", " ").split()}
                if len(surnames & names) >= min(2, len(surnames)):
                    ok = True
                    break
            recalled += ok
            if not ok:
                misses.append(f"{facts.stem}: {', '.join(people)}")
    return recalled, total, misses


ACTOR_TYPES = {"PERSON", "ORGANIZATION", "COUNTRY", "NATIONALITY"}


def nerel_interactions(ann: str) -> list[tuple[int, int, str]]:
    """NEREL EVENT triggers with at least two arguments (AGENT or PARTICIPANT_IN) that are people,
    organisations, countries or nationalities: the political interactions among its events."""
    spans, types, args = {}, {}, Counter()
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *rest = parts[1].split(" ")
            if ";" in " ".join(rest):
                continue  # discontinuous span
            types[parts[0]] = kind
            spans[parts[0]] = (int(rest[0]), int(rest[-1]), parts[2])
        elif line.startswith("R") and len(parts) >= 2:
            rel, a1, a2 = (parts[1].split(" ") + ["", ""])[:3]
            if rel in ("AGENT", "PARTICIPANT_IN"):
                args[(a2.split(":")[-1], a1.split(":")[-1])] += 1
    out = []
    for tid, kind in types.items():
        if kind != "EVENT":
            continue
        actors = {a for (e, a) in args if e == tid and types.get(a) in ACTOR_TYPES}
        if len(actors) >= 2:
            out.append(spans[tid])
    return out


@dataclass(slots=True)
class TriggerCoverage:
    triggers: int = 0
    covered: int = 0
    missed: Counter = field(default_factory=Counter)

    @property
    def share(self) -> float:
        return self.covered / max(1, self.triggers)


def nerel_trigger_coverage(folder: Path, pipeline) -> TriggerCoverage:
    """The share of NEREL's interaction triggers on which Letopis makes an event (its trigger word overlaps)."""
    score = TriggerCoverage()
    for ann in sorted(folder.glob("*.ann")):
        gold = nerel_interactions(ann.read_text("utf-8"))
        if not gold:
            continue
        article = pipeline.process(ann.with_suffix(".txt").read_text("utf-8"), language="ru")
        # offsets: the pipeline's text is the cleaned one; find each trigger by its text near its offset
        ours = [(s, e) for ev in article.events for s, e in ev.triggers]
        for start, end, text in gold:
            score.triggers += 1
            at = article.text.find(text, max(0, start - 200))
            if at >= 0 and any(s < at + len(text) and at < e for s, e in ours):
                score.covered += 1
            else:
                score.missed[fold(text)] += 1
    return score


@dataclass
class CrossAgreement:
    """Events of translated documents against their originals: one language's events confirmed by the other's."""

    pairs: int = 0
    events: dict[str, int] = field(default_factory=lambda: {"ru": 0, "en": 0})
    confirmed: dict[str, int] = field(default_factory=lambda: {"ru": 0, "en": 0})
    by_type: Counter = field(default_factory=Counter)  # (language, type, confirmed)

    def share(self, language: str) -> float:
        return self.confirmed[language] / max(1, self.events[language])


def cross_language_agreement(path: Path, pipeline, reference: str = "en_refA") -> CrossAgreement:
    """WMT21 Russian news and their English translations: an event of one is confirmed when the other has one
    of the same type sharing an actor (or an actor's country). No gold: a proxy for precision where no
    annotated English news exists, since a translation reports the same events."""
    out = CrossAgreement()
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        out.pairs += 1
        found = {}
        for language, text in (("ru", doc["ru"]), ("en", doc[reference])):
            article = pipeline.process(text, language=language)
            found[language] = [(e.type, {a.id for a in e.actors} | {a.country for a in e.actors if a.country})
                               for e in article.events]
        for language, other in (("ru", "en"), ("en", "ru")):
            for kind, ids in found[language]:
                ok = any(kind == k and ids & i for k, i in found[other])
                out.events[language] += 1
                out.confirmed[language] += ok
                out.by_type[(language, kind, ok)] += 1
    return out
