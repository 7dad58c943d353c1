"""NER, name normalisation and Wikidata linking against factRuEval-2016 and NEREL.

Mentions are compared per document as multisets of (type, folded surface text), the way
`../shared/tools/score_ner_factru.py` does, so offsets moved by the cleaner do not matter.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from letopis.model import NOMINAL, Article

FACTRU_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NEREL_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC", "STATE_OR_PROVINCE": "LOC",
               "LOCATION": "LOC", "DISTRICT": "LOC"}
TYPES = ("PER", "ORG", "LOC")


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", (text or "").replace("ё", "е").replace("Ё", "Е"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@dataclass(slots=True)
class GoldDoc:
    name: str
    text: str
    mentions: Counter  # (type, folded text) -> count
    persons: list[tuple[str, str]] = field(default_factory=list)  # (folded surface, canonical name)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (type, folded surface, Wikidata id)


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# readers ------------------------------------------------------------------------------
def factru_docs(folder: Path) -> Iterator[GoldDoc]:
    for txt in sorted(folder.glob("book_*.txt")):
        text = txt.read_text("utf-8")
        spans = {}
        for line in txt.with_suffix(".spans").read_text("utf-8").splitlines():
            p = line.split()
            if len(p) >= 4:
                spans[p[0]] = (int(p[2]), int(p[2]) + int(p[3]))
        bag: Counter = Counter()
        surface: dict[str, str] = {}
        for line in txt.with_suffix(".objects").read_text("utf-8").splitlines():
            head = line.split("#")[0].split()
            if len(head) < 3 or head[1] not in FACTRU_TYPES:
                continue
            ranges = [spans[s] for s in head[2:] if s in spans]
            if ranges:
                start, end = min(r[0] for r in ranges), max(r[1] for r in ranges)
                bag[(FACTRU_TYPES[head[1]], fold(text[start:end]))] += 1
                if head[1] == "Person":
                    surface[head[0]] = fold(text[start:end])
        persons = []
        coref = txt.with_suffix(".coref")
        if coref.exists():
            for block in coref.read_text("utf-8").strip().split("\n\n"):
                lines = block.strip().splitlines()
                if not lines:
                    continue
                ids = lines[0].split()[1:]
                attrs = dict(ln.split(" ", 1) for ln in lines[1:] if " " in ln)
                if "firstname" not in attrs and "lastname" not in attrs:
                    continue
                canon = " ".join(attrs[k] for k in ("firstname", "lastname") if k in attrs)
                persons.extend((surface[i], canon) for i in ids if i in surface)
        yield GoldDoc(txt.stem, text, bag, persons)


def nerel_docs(folder: Path) -> Iterator[GoldDoc]:
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text("utf-8")
        bag: Counter = Counter()
        ents: dict[str, tuple[str, str]] = {}
        links = []
        for line in ann.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3:
                kind, *offsets = parts[1].split(" ")
                if kind in NEREL_TYPES and ";" not in parts[1]:
                    start, end = int(offsets[0]), int(offsets[-1])
                    t = NEREL_TYPES[kind]
                    bag[(t, fold(text[start:end]))] += 1
                    ents[parts[0]] = (t, fold(text[start:end]))
            elif line.startswith("N") and len(parts) >= 2:
                m = re.match(r"Reference (T\d+) Wikidata:(Q\d+)", parts[1])
                if m and m.group(1) in ents:
                    links.append((*ents[m.group(1)], m.group(2)))
        yield GoldDoc(ann.stem, text, bag, [], links)


# scoring --------------------------------------------------------------------------------
def system_bag(article: Article, names_only: bool = False) -> Counter:
    """The article's mentions as (type, folded surface). Spans are exported as factRuEval marks them, with the
    descriptor before a name ("штате Колорадо", "компании Monsanto"); `names_only`: without it, as NEREL
    marks them ("Колорадо", "Monsanto")."""
    return Counter((m.type, fold(m.text[m.descriptor:] if names_only else m.text)) for m in article.mentions
                   if m.type in TYPES and m.via not in NOMINAL)


def natasha_bag(text: str) -> Counter:
    """natasha's own NER on the whole text, as (type, folded surface) like the gold."""
    from natasha import Doc

    from letopis.analyze.russian import russian

    analyzer = russian()
    doc = Doc(text)
    doc.segment(analyzer.segmenter)
    doc.tag_ner(analyzer.ner)
    return Counter((s.type, fold(s.text)) for s in doc.spans if s.type in TYPES)


@dataclass(slots=True)
class NerReport:
    corpus: str
    counts: dict[str, Counts]
    docs: int
    persons_checked: int = 0
    persons_right: int = 0
    wrong_names: list[tuple[str, str, str]] = field(default_factory=list)
    natasha: Counts = field(default_factory=Counts)  # natasha's NER alone on the same texts, the anchor
    names_only: bool = False  # spans scored without their descriptors, the gold's convention (NEREL)
    exported: Counts = field(default_factory=Counts)  # all types, the spans as exported (descriptors in)

    def lines(self) -> list[str]:
        out = []
        for t in TYPES:
            p, r, f = self.counts[t].prf()
            out.append(f"{t}: P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {self.counts[t].tp + self.counts[t].fn})")
        total = Counts(*(sum(getattr(c, k) for c in self.counts.values()) for k in ("tp", "fp", "fn")))
        p, r, f = total.prf()
        out.append(f"{self.corpus} NER (letopis): micro F1 {f:.3f} (P {p:.3f} R {r:.3f}) on {self.docs} documents"
                   + (", names without their descriptors, as the gold marks them" if self.names_only else ""))
        if self.names_only:
            p, r, f = self.exported.prf()
            out.append(f"{self.corpus} NER (letopis, spans as exported, descriptors included as factRuEval marks "
                       f"them): micro F1 {f:.3f} (P {p:.3f} R {r:.3f})")
        p, r, f = self.natasha.prf()
        out.append(f"{self.corpus} NER (natasha alone, same texts): micro F1 {f:.3f} (P {p:.3f} R {r:.3f})")
        if self.persons_checked:
            out.append(f"person names normalised as the .coref canonical name: {self.persons_right}/{self.persons_checked} "
                       f"({self.persons_right / self.persons_checked:.3f}) of the person mentions found")
        return out

    @property
    def micro_f1(self) -> float:
        total = Counts(*(sum(getattr(c, k) for c in self.counts.values()) for k in ("tp", "fp", "fn")))
        return total.prf()[2]


def _name_matches(ours: str, canon: str) -> bool:
    """Our Russian name agrees with the canonical one: every word of it, in any order, and nothing
    that contradicts it (the knowledge base may add the first name the text left out: "Путин")."""
    a, b = set(fold(ours).split()), set(fold(canon).split())
    # an initial in the canonical name ("Н Кан") is met by the first name it stands for ("Наото Кан")
    b = {next((w for w in a if w.startswith(x)), x) if len(x) == 1 else x for x in b}
    return bool(b) and b <= a and len(a - b) <= 1


def evaluate_ner(docs: list[GoldDoc], pipeline, corpus: str) -> NerReport:
    counts = {t: Counts() for t in TYPES}
    report = NerReport(corpus, counts, len(docs), names_only=corpus == "NEREL")
    for doc in docs:
        article = pipeline.process(doc.text, source=doc.name, language="ru")
        ours = system_bag(article, report.names_only)
        exported = system_bag(article)
        tp = sum((doc.mentions & exported).values())
        report.exported.tp += tp
        report.exported.fp += sum(exported.values()) - tp
        report.exported.fn += sum(doc.mentions.values()) - tp
        for t in TYPES:
            g = Counter({k: v for k, v in doc.mentions.items() if k[0] == t})
            s = Counter({k: v for k, v in ours.items() if k[0] == t})
            tp = sum((g & s).values())
            counts[t].tp += tp
            counts[t].fp += sum(s.values()) - tp
            counts[t].fn += sum(g.values()) - tp
        theirs = natasha_bag(doc.text)
        tp = sum((doc.mentions & theirs).values())
        report.natasha.tp += tp
        report.natasha.fp += sum(theirs.values()) - tp
        report.natasha.fn += sum(doc.mentions.values()) - tp
        by_surface: dict[str, list[str]] = defaultdict(list)
        for m in article.mentions:
            if m.type == "PER" and m.via not in NOMINAL:
                ent = article.entities.get(m.entity_id or "")
                by_surface[fold(m.text)].append(ent.name_ru or ent.name if ent else m.normal)
        # the same surface may be two people ("Бут" is Виктор here and Алла there): pair ours with the
        # gold names so that as many agree as can, since the cleaned text's offsets are not the file's
        gold_by_surface: dict[str, list[str]] = defaultdict(list)
        for surface, canon in doc.persons:
            gold_by_surface[surface].append(canon)
        for surface, canons in gold_by_surface.items():
            names = by_surface.get(surface, [])[: len(canons)]
            left = list(canons)
            wrong = []
            for name in names:
                report.persons_checked += 1
                hit = next((c for c in left if _name_matches(name, c)), None)
                if hit is not None:
                    left.remove(hit)
                    report.persons_right += 1
                else:
                    wrong.append(name)
            report.wrong_names.extend((surface, name, canon) for name, canon in zip(wrong, left))
    return report


@dataclass(slots=True)
class LinkReport:
    mentions: int  # gold mentions with a Wikidata id
    covered: int  # … whose id the knowledge base knows
    found: int  # … of those, found by the pipeline (same surface and type)
    right: int  # … linked to the gold id
    ids: int
    ids_covered: int

    def lines(self) -> list[str]:
        acc = self.right / self.covered if self.covered else 0.0
        acc_found = self.right / self.found if self.found else 0.0
        return [
            (f"NEREL linking: {self.mentions} gold mentions with a Wikidata id ({self.ids} distinct ids); "
            f"the knowledge base covers {self.covered} mentions ({self.covered / max(1, self.mentions):.3f}) "
            f"and {self.ids_covered} ids ({self.ids_covered / max(1, self.ids):.3f})"),
            (f"accuracy on covered mentions: {self.right}/{self.covered} ({acc:.3f}); "
            f"on covered mentions the pipeline found: {self.right}/{self.found} ({acc_found:.3f})"),
        ]

    @property
    def accuracy(self) -> float:
        return self.right / self.covered if self.covered else 0.0


def evaluate_links(docs: list[GoldDoc], pipeline) -> LinkReport:
    known = {e.wikidata for e in pipeline.resources.kb.entries.values() if e.wikidata}
    rep = LinkReport(0, 0, 0, 0, 0, 0)
    ids: set[str] = set()
    for doc in docs:
        if not doc.links:
            continue
        article = pipeline.process(doc.text, source=doc.name, language="ru")
        ours: dict[tuple[str, str], list[str | None]] = defaultdict(list)
        for m in article.mentions:
            ent = article.entities.get(m.entity_id or "")
            ours[(m.type, fold(m.text))].append(ent.wikidata if ent else None)
        for t, surface, qid in doc.links:
            rep.mentions += 1
            ids.add(qid)
            if qid not in known:
                continue
            rep.covered += 1
            got = ours.get((t, surface)) or next((v for (tt, s), v in ours.items() if s == surface), None)
            if got:
                rep.found += 1
                if qid in got:
                    rep.right += 1
    rep.ids = len(ids)
    rep.ids_covered = len(ids & known)
    return rep
