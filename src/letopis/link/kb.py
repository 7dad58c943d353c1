"""The knowledge base: countries, organisations, places, office holders and outlets, from data files."""
from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from letopis.analyze.morph import fold, key, lemma, plain_key
from letopis.yaml_data import load_yaml

log = logging.getLogger(__name__)

ROLE_CODES = {"hos": "head_of_state", "hog": "head_of_government", "fm": "foreign_minister", "elbasy": "first_president"}


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    country: str
    start: str
    end: str | None

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        day = date[:10]
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(slots=True)
class KBEntry:
    id: str
    type: str  # PER, ORG, LOC
    en: str
    ru: str
    kind: str  # person, country, place, organization
    wikidata: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    abbr: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)  # "россиянин", "израильтянка": the people of a country
    presidential: bool = False  # a country whose president heads the government too
    roles: list[Role] = field(default_factory=list)
    known_by_surname: bool = True  # a surname alone names this person, whatever the date ("Путин")
    awards: list[str] = field(default_factory=list)  # prizes it awards, as lemmas ("нобелевский премия мир")

    @property
    def entity_id(self) -> str:
        return "e-" + self.id


_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th",
                               "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ı": "i"})


def slug(text: str) -> str:
    """An id from a name: "Martín Vizcarra" and "Martin Vizcarra" are one ("martin-vizcarra")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED)) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", fold(plain)).strip("-")


class KnowledgeBase:
    """Lookups by any name, abbreviation, adjective, surname or dated role."""

    def __init__(self, entries: Iterable[KBEntry], outlets: list[dict]):
        self.entries: dict[str, KBEntry] = {}
        self.by_key: dict[str, list[KBEntry]] = {}
        self.by_abbr: dict[str, list[KBEntry]] = {}
        self.by_adj: dict[str, KBEntry] = {}
        self.by_demonym: dict[str, KBEntry] = {}
        self.presidential: set[str] = set()  # countries whose president heads the government
        self.by_surname: dict[str, list[KBEntry]] = {}
        self.by_iso: dict[str, KBEntry] = {}
        self.by_wikidata: dict[str, KBEntry] = {}
        self.outlets: dict[str, dict] = {}
        self._role_index: dict[tuple[str, str], list] | None = None
        for e in entries:
            self.add(e)
        for o in outlets:
            for s in [o["name"], *o.get("spellings", [])]:
                self.outlets[fold(s)] = o

    def add(self, e: KBEntry) -> None:
        """Index one entry under all its names; a later entry with the same id replaces nothing."""
        if e.id in self.entries:
            return
        self.entries[e.id] = e
        self._role_index = None  # roles are indexed again on the next lookup
        if e.kind == "country" and e.country:
            self.by_iso[e.country] = e
        if e.wikidata:
            self.by_wikidata[e.wikidata] = e
        for name in {e.en, e.ru, *e.aliases}:
            if not name:
                continue
            for k in {key(name), plain_key(name)}:
                self.by_key.setdefault(k, []).append(e)
        for a in e.abbr:
            self.by_abbr.setdefault(a, []).append(e)
        for adj in e.adjectives:
            self.by_adj[lemma(adj)] = e
        for dem in e.demonyms:
            self.by_demonym[fold(dem)] = e
        if e.presidential and e.country:
            self.presidential.add(e.country)
        if e.type == "PER":
            for name in {e.en, e.ru, *e.aliases}:
                parts = re.split(r"\s+", name.strip())
                if parts:
                    self.by_surname.setdefault(lemma(parts[-1]), []).append(e)
                    self.by_surname.setdefault(fold(parts[-1]), []).append(e)

    # lookups ---------------------------------------------------------
    def find(self, text: str, type_: str | None = None) -> list[KBEntry]:
        """Entries named exactly by `text` in any case form (or as an abbreviation)."""
        found = list(self.by_abbr.get(text.strip(), []))
        for k in (key(text), plain_key(text)):
            found.extend(self.by_key.get(k, []))
        out, seen = [], set()
        for e in found:
            if e.id not in seen and (type_ is None or e.type == type_):
                seen.add(e.id)
                out.append(e)
        return out

    def surname(self, word: str) -> list[KBEntry]:
        out: dict[str, KBEntry] = {}
        from letopis.analyze.morph import lemmas

        for k in {fold(word), *lemmas(word)}:
            for e in self.by_surname.get(k, []):
                out[e.id] = e
        return list(out.values())

    def adjective(self, word: str) -> KBEntry | None:
        """The place an adjective or demonym names: "российский", "Russian", "Palestinians"."""
        found = self.by_adj.get(lemma(word))
        if found is None and word[-1:] == "s" and word[:1].isascii():
            found = self.by_adj.get(lemma(word[:-1]))
        return found

    def demonym(self, word_lemma: str) -> KBEntry | None:
        """The country whose people a noun names: "россиянин", "израильтяне" (by lemma)."""
        return self.by_demonym.get(fold(word_lemma))

    def country(self, iso: str | None) -> KBEntry | None:
        return self.by_iso.get(iso) if iso else None

    def giver(self, lemmas: set[str]) -> KBEntry | None:
        """The body that awards the prize a phrase names ("Нобелевскую премию мира" → the Norwegian Nobel
        Committee): the organisation with the most specific award whose every word the phrase has."""
        found = [(len(words), e) for e in self.entries.values() for a in e.awards
                 if (words := set(a.split())) <= lemmas]
        return max(found, key=lambda f: f[0])[1] if found else None

    def holders(self, role: str, country: str, date: str | None = None) -> list[KBEntry]:
        """People who held `role` in `country`; on `date` when given (None: still holding it).
        Where the president heads the government ("глава правительства США"), the president."""
        starts: dict[str, str] = {}
        for e, r in self._roles_of().get((role, country), ()):
            if date is None or r.holds_on(date):
                starts[e.id] = max(starts.get(e.id, ""), r.start)
        if not starts and role == "head_of_government" and country in self.presidential:
            return self.holders("head_of_state", country, date)
        # the latest appointed first: an open-ended term in the packaged data ends where a successor's,
        # imported later, begins
        return [self.entries[i] for i in sorted(starts, key=lambda i: (starts[i], i), reverse=True)]

    def _roles_of(self) -> dict[tuple[str, str], list]:
        """Each office's holders with their terms, indexed once."""
        if self._role_index is None:
            index: dict[tuple[str, str], list] = {}
            for e in self.entries.values():
                for r in e.roles:
                    index.setdefault((r.role, r.country), []).append((e, r))
            self._role_index = index
        return self._role_index

    def first_holder(self, role: str, country: str) -> KBEntry | None:
        """Whoever held `role` in `country` first ("the first president of Russia" is Yeltsin)."""
        first = [(r.start, e.id) for e in self.entries.values() for r in e.roles if r.role == role and r.country == country]
        return self.entries[min(first)[1]] if first else None

    def held_ever(self, e: KBEntry, role: str, country: str) -> bool:
        return any(r.role == role and r.country == country for r in e.roles)

    def outlet_name(self, raw: str) -> str | None:
        o = self.outlets.get(fold(raw.strip()))
        return o["name"] if o else None

    def outlet_country(self, name: str | None) -> str | None:
        o = self.outlets.get(fold(name)) if name else None
        return o.get("country") if o else None

    def place_name(self, raw: str) -> str | None:
        found = self.find(raw.title()) or self.find(raw)
        for e in found:
            if e.type == "LOC":
                return e.en
        return None


def _entries_from_files(root: Path | None = None) -> tuple[list[KBEntry], list[dict]]:
    files = resources.files("letopis.kb")

    def load(name: str) -> list[dict]:
        return load_yaml(files.joinpath(name).read_text("utf-8")) or []

    entries: list[KBEntry] = []
    for c in load("countries.yaml"):
        entries.append(KBEntry(
            id=slug(c["en"]), type="LOC", kind="country", en=c["en"], ru=c["ru"], wikidata=c.get("wikidata"),
            country=c["iso"], aliases=[*c.get("aliases_ru", []), *c.get("aliases_en", [])],
            abbr=[a for a in [*c.get("aliases_ru", []), *c.get("aliases_en", [])] if a.isupper() or "." in a],
            adjectives=[*c.get("adj_ru", []), *c.get("adj_en", [])], demonyms=c.get("dem_ru", []),
            presidential=bool(c.get("president_heads_government")),
        ))
    for p in load("places.yaml"):
        entries.append(KBEntry(
            id=p["id"], type="LOC", kind="place", en=p["en"], ru=p["ru"], wikidata=p.get("wikidata"),
            country=p.get("country"), aliases=[*p.get("aliases_ru", []), *p.get("aliases_en", [])],
            abbr=[a for a in [*p.get("aliases_ru", []), *p.get("aliases_en", [])] if a.isupper()],
            adjectives=p.get("adj_ru", []),
        ))
    for o in load("organizations.yaml"):
        entries.append(KBEntry(
            id=o["id"], type="ORG", kind="organization", en=o["en"], ru=o["ru"], wikidata=o.get("wikidata"),
            country=o.get("country"), aliases=[*o.get("aliases_ru", []), *o.get("aliases_en", [])],
            abbr=o.get("abbr", []), awards=o.get("awards", []),
        ))
    people: dict[str, KBEntry] = {}
    # offices*.yaml (offices.yaml, then one file per region) add roles to people.yaml's people; their
    # own people are named by a surname alone
    # only while in office ("Кук" in 2010 is not Robin Cook)
    office_files = sorted(f.name for f in files.iterdir() if f.name.startswith("offices") and f.name.endswith(".yaml"))
    offices = [o for name in office_files for o in load(name)]
    for p in [*load("people.yaml"), *({**o, "by_surname": False} for o in offices)]:
        roles = _roles(p.get("roles", []))
        known = people.get(slug(p["en"]))
        if known is not None:
            known.roles.extend(r for r in roles if r not in known.roles)
            known.aliases.extend(a for a in p.get("aliases", []) if a not in known.aliases)
            known.wikidata = known.wikidata or p.get("wikidata")
            continue
        people[slug(p["en"])] = KBEntry(
            id=slug(p["en"]), type="PER", kind="person", en=p["en"], ru=p["ru"], wikidata=p.get("wikidata"),
            country=p.get("country"), aliases=list(p.get("aliases", [])), roles=roles,
            known_by_surname=p.get("by_surname", True),
        )
    entries.extend(people.values())
    return entries, load("outlets.yaml")


LOC_CLASSES = {"Q6256", "Q515", "Q3624078", "Q1549591", "Q5119", "Q10864048", "Q107390", "Q35657", "Q486972"}


def records_from_wikidata(lines: Iterable[str], country_of_qid: dict[str, str] | None = None
                          ) -> tuple[list[dict], list[str]]:
    """KB records from Wikidata JSON dump lines (one entity a line, trailing commas allowed), and the
    problems met (line number and reason); a bad line is skipped, never the whole file."""
    country_of_qid = country_of_qid or {}
    out, problems = [], []
    for n, line in enumerate(lines, 1):
        line = line.strip().rstrip(",")
        if not line or line in ("[", "]"):
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: not JSON ({e.msg})")
            continue
        if not isinstance(item, dict) or not str(item.get("id", "")).startswith("Q"):
            problems.append(f"line {n}: not a Wikidata item")
            continue
        labels = item.get("labels", {})
        en = labels.get("en", {}).get("value")
        ru = labels.get("ru", {}).get("value")
        if not (en or ru):
            problems.append(f"line {n}: {item['id']} has no English or Russian label")
            continue
        claims = item.get("claims", {})

        instance = set(_claim_ids(claims, "P31"))
        type_ = "PER" if "Q5" in instance else "LOC" if instance & LOC_CLASSES else "ORG"
        country = next((country_of_qid[q] for q in _claim_ids(claims, "P27") + _claim_ids(claims, "P17") if q in country_of_qid), None)
        aliases = sorted({a["value"] for lang in ("en", "ru") for a in item.get("aliases", {}).get(lang, [])})
        out.append({"type": type_, "en": en or ru, "ru": ru or en, "wikidata": item["id"], "country": country,
                    "aliases": aliases})
    return out, problems


def is_popolo(data: object) -> bool:
    """A Popolo document: an object with people, organizations or memberships lists."""
    return isinstance(data, dict) and any(isinstance(data.get(k), list) for k in ("persons", "memberships"))


@lru_cache(maxsize=1)
def _office_labels() -> dict[str, str]:
    raw = load_yaml(resources.files("letopis.lexicons").joinpath("titles.yaml").read_text("utf-8"))
    return {label: role for role, labels in raw["labels"].items() for label in labels}


def _office(label: str, countries: dict[str, str]) -> tuple[str, str | None] | None:
    """The role a membership's label names and the country it names, if any: "Prime Minister of
    Norway" → (head_of_government, NOR); "President of the Storting" → None."""
    text = " ".join(label.lower().split())
    labels = _office_labels()
    if text in labels:
        return labels[text], None
    for known, role in labels.items():
        for joint in (" of ", " "):
            if text.startswith(known + joint):
                rest = text[len(known) + len(joint):].removeprefix("the ")
                if fold(rest) in countries:
                    return role, countries[fold(rest)]
    return None


def records_from_popolo(data: dict, country: str | None = None, countries: dict[str, str] | None = None
                        ) -> tuple[list[dict], list[str]]:
    """KB records from a Popolo document: its people (names by language from `other_names`, ids from
    `identifiers`), its organisations, and the memberships that are offices the linker resolves titles
    to (heads of state and government, foreign ministers), as dated roles.

    `country` is the ISO code of the state the data is about (a parliament's file names no country);
    `countries` maps folded country names to ISO codes, to read "Prime Minister of Norway". Problems
    (a person without a name, a membership of an unknown person) are reported and skipped."""
    countries = countries or {}
    problems: list[str] = []
    orgs = {o.get("id"): o for o in data.get("organizations") or [] if isinstance(o, dict)}
    posts = {p.get("id"): p for p in data.get("posts") or [] if isinstance(p, dict)}
    people: dict[str, dict] = {}
    for n, person in enumerate(data.get("persons") or [], 1):
        if not isinstance(person, dict) or not person.get("id"):
            problems.append(f"persons[{n}]: not a person with an id")
            continue
        names = _names_by_language(person)
        if not names:
            problems.append(f"persons[{n}]: {person['id']} has no name")
            continue
        ids = _identifiers(person)
        people[person["id"]] = {
            "type": "PER", "en": names.get("en") or names["*"], "ru": names.get("ru") or names.get("en") or names["*"],
            "wikidata": ids.pop("wikidata", None), "identifiers": {"popolo": person["id"], **ids},
            "country": country, "aliases": sorted(set(names.pop("aliases", [])) - {names.get("en"), names.get("ru")}),
            "roles": [],
        }
    out_orgs = []
    for org in orgs.values():
        names = _names_by_language(org)
        if not names or org.get("classification") in ("chamber", "executive"):
            continue
        ids = _identifiers(org)
        out_orgs.append({"type": "ORG", "en": names.get("en") or names["*"],
                         "ru": names.get("ru") or names.get("en") or names["*"], "wikidata": ids.pop("wikidata", None),
                         "identifiers": {"popolo": org.get("id"), **ids}, "country": country,
                         "aliases": sorted(set(names.get("aliases", [])))})
    for n, m in enumerate(data.get("memberships") or [], 1):
        if not isinstance(m, dict):
            problems.append(f"memberships[{n}]: not an object")
            continue
        person = people.get(m.get("person_id"))
        if person is None:
            problems.append(f"memberships[{n}]: unknown person {m.get('person_id')!r}")
            continue
        post = posts.get(m.get("post_id")) or {}
        org = orgs.get(m.get("organization_id")) or {}
        for label in (m.get("role"), m.get("label"), post.get("label"), post.get("role"), org.get("name")):
            office = _office(str(label), countries) if label else None
            if office is None:
                continue
            role, named = office
            where = named or country
            start = str(m.get("start_date") or "")[:10]
            if not where or not start:
                problems.append(f"memberships[{n}]: {label!r} without a country or a start date")
                break
            end = str(m.get("end_date") or "")[:10]
            code = next(c for c, r in ROLE_CODES.items() if r == role)
            person["roles"].append(" ".join(x for x in (code, where, start, end) if x))
            break
    return [*people.values(), *out_orgs], problems


def _names_by_language(item: dict) -> dict:
    """A Popolo item's names: "*" its main name, "en"/"ru" by language, "aliases" the rest."""
    out: dict = {}
    if item.get("name"):
        out["*"] = str(item["name"]).strip()
    aliases = []
    for other in item.get("other_names") or []:
        if not isinstance(other, dict) or not other.get("name"):
            continue
        lang = str(other.get("lang") or other.get("language") or "").split("-")[0].split("_")[0].lower()
        if lang in ("en", "ru") and lang not in out:
            out[lang] = str(other["name"]).strip()
        else:
            aliases.append(str(other["name"]).strip())
    if "*" not in out and (out.get("en") or out.get("ru")):
        out["*"] = out.get("en") or out.get("ru")
    if out:
        out["aliases"] = aliases + ([out["*"]] if out["*"] not in (out.get("en"), out.get("ru")) else [])
    return out


def _identifiers(item: dict) -> dict[str, str]:
    """Ids by scheme, as the data gives them ("wikidata": "Q…"); the item's own `wikidata` field too."""
    out = {}
    for ident in item.get("identifiers") or []:
        if isinstance(ident, dict) and ident.get("scheme") and ident.get("identifier"):
            out[str(ident["scheme"]).lower()] = str(ident["identifier"])
    if item.get("wikidata"):
        out.setdefault("wikidata", str(item["wikidata"]))
    return out


def _claim_ids(claims: dict, prop: str) -> list[str]:
    values = (c.get("mainsnak", {}).get("datavalue", {}).get("value") for c in claims.get(prop, []))
    return [v["id"] for v in values if isinstance(v, dict) and "id" in v]


def _roles(specs: Iterable[str]) -> list[Role]:
    """Roles from "hog NOR 2005-10-17 2013-10-16" specs (the end is left out while in office)."""
    out = []
    for spec in specs:
        parts = spec.split()
        out.append(Role(ROLE_CODES[parts[0]], parts[1], parts[2], parts[3] if len(parts) > 3 else None))
    return out


def _imported(records: list[dict]) -> list[KBEntry]:
    return [KBEntry(id=slug(r["en"]) or str(r.get("wikidata") or "").lower(), type=r["type"],
                    kind="person" if r["type"] == "PER" else "imported", en=r["en"], ru=r["ru"],
                    wikidata=r.get("wikidata"), country=r.get("country"), aliases=list(r.get("aliases") or []),
                    roles=_roles(r.get("roles") or []), known_by_surname=False)
            for r in records]


def kb_dir() -> Path:
    """Where `letopis kb import` keeps imported entries: $LETOPIS_KB_DIR, else ~/.local/share/letopis/kb."""
    given = os.environ.get("LETOPIS_KB_DIR")
    return Path(given) if given else Path.home() / ".local" / "share" / "letopis" / "kb"


def _packaged_kb() -> KnowledgeBase:
    """The packaged knowledge base, compiled once per content of its YAML files and kept in the user's cache
    folder (reading the pickle is a fraction of parsing the files and indexing their entries); rebuilt when
    any file changes."""
    import hashlib

    from letopis.cache import cached

    files = resources.files("letopis.kb")
    digest = hashlib.sha256(Path(__file__).read_bytes())  # the code that builds it, and the data
    for f in sorted((f for f in files.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name):
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return cached(f"kb-compiled-{digest.hexdigest()[:20]}.pickle", lambda: KnowledgeBase(*_entries_from_files()),
                  KnowledgeBase)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The packaged knowledge base with the entries `letopis kb import` added (loaded once per process)."""
    kb = _packaged_kb()
    known = {e.wikidata for e in kb.entries.values() if e.wikidata}
    folder = kb_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            records = load_yaml(path.read_text("utf-8")) or []
            for e in _imported(records):
                if e.wikidata not in known:  # the packaged KB wins
                    kb.add(e)
    return kb
