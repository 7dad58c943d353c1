"""The plain-text cleaner: ordered line rules, then context rules, then metadata."""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from letopis.clean.rules import line_rules
from letopis.clean.scripts import unmix_scripts
from letopis.model import Removed

if TYPE_CHECKING:
    from letopis.link.kb import KnowledgeBase

log = logging.getLogger(__name__)

MONTHS_RU = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6,
    "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}
TERMINAL = tuple(".!?…:;»\"”)")
DATE_LINE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}),?\s+(\d{1,2}):(\d{2})$")
DATE_ONLY_LINE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# "<caption> - Sputnik Казахстан, 1920, 30.04.2021": an image caption with outlet, width and date.
CAPTION_WITH_DATE = re.compile(r"\s[-–—]\s+(?P<outlet>[^,]{2,40}),\s*\d{3,4},\s*(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\s*$")
DATELINE_RU = re.compile(
    r"^(?P<place>[А-ЯЁ][А-ЯЁ\-]+(?:[ \-][А-ЯЁ]+)*),\s*(?P<d>\d{1,2})\s+(?P<m>[а-яё]+)\.?"
    r"(?:\s+(?P<y>\d{4}))?\s*[—–-]\s*(?P<agency>[A-Za-zА-Яа-яЁё\- ]{2,30}?)\.\s+"
)
DATELINE_EN = re.compile(r"^(?P<place>[A-Z][A-Z\-]+(?: [A-Z][A-Z\-]+)*)[.,]\s+(?P<agency>[A-Z]{3,}(?:[- ][A-Z]{2,})?)\s+[-–—]?\s*(?=[A-Z])")
VIA_OUTLET = re.compile(r"(?:передает|сообщает|пишет)\s+(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")
COPYRIGHT_OUTLET = re.compile(r"(?:материалами|сайта|ресурса)\s+(?:[А-Яа-яё ]+?\s)?(?P<name>[A-Za-z][\w-]*\.(?:kz|ru|com|by|uz|kg|net|org))")


@dataclass(slots=True)
class CleanResult:
    """What the cleaner decided about a text: body, removed parts and metadata found."""

    text: str
    title: str | None = None
    lead: str | None = None
    published: str | None = None
    outlet: str | None = None
    dateline: dict[str, Any] | None = None
    removed: list[Removed] = field(default_factory=list)
    decisions: list[tuple[str, str, str]] = field(default_factory=list)


def _is_headline(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 25 and not line.rstrip().endswith(TERMINAL[:3]) and line[:1].isupper()


def _name_stems(line: str) -> list[str]:
    return [w.lower()[:5] for w in re.findall(r"\b[А-ЯЁA-Z][а-яёa-z]{3,}", line)]


def _is_related_headline(line: str, rest: str) -> bool:
    """A headline-shaped line in mid-text naming someone the article never mentions again."""
    if not _is_headline(line) or not 4 <= len(line.split()) <= 14 or line.rstrip().endswith(":") or ":" in line[:4]:
        return False
    stems = _name_stems(line)[1:] if not re.match(r"^[А-ЯЁA-Z][а-яёa-z]+(ев|ов|ин|ко|ян|ова|ева)\b", line) else _name_stems(line)
    rest_low = rest.lower()
    return any(s not in rest_low for s in stems if s) and not _verbless(line)


def _verbless(line: str) -> bool:
    """A Russian line without a finite verb: a photo's caption naming who is on it ("Владимир Путин и Юрий
    Лужков"), which belongs to the article, not a headline of other news ("Мирзиёев поздравил Жапарова")."""
    from letopis.analyze.morph import parses

    words = re.findall(r"[А-ЯЁа-яё]+", line)
    return bool(words) and not any(p.tag.POS == "VERB" for w in words for p in parses(w.lower())[:1])


def clean_text(raw: str, language: str | None = None, kb: KnowledgeBase | None = None,
               title: str | None = None, from_html: bool = False) -> CleanResult:
    """Split a plain-text news page into body and boilerplate and read its metadata.

    Words in two scripts are first written in one ("Тоcимицу" with a Latin c; see `clean.scripts`),
    each recorded as a "fix" decision; lengths do not change.

    `title` is a title already known (from the HTML head); the text's first line is then
    the title only if it repeats it. `from_html` marks text that trafilatura already
    took out of its page: links to related news are gone with the markup, so the
    related-headline guess, which needs plain text, is not made.
    """
    rules = line_rules(language)
    lines = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    result = CleanResult(text="")
    kept: list[str] = []
    pub_date: tuple[int, int, int] | None = None
    pub_time: str | None = None

    def drop(line: str, reason: str) -> None:
        result.removed.append(Removed(text=line, reason=reason))
        result.decisions.append((line, "drop", reason))

    lines = [_one_script(line, result.decisions) for line in lines]
    title = _one_script(title, result.decisions) if title else title
    for line in lines:
        if not line:
            continue
        m = DATE_LINE.match(line) or DATE_ONLY_LINE.match(line)
        if m:
            if pub_date is None:
                pub_date = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
                if m.re is DATE_LINE:
                    pub_time = f"{int(m.group(4)):02d}:{m.group(5)}"
            drop(line, "date-line")
            continue
        reason = next((r for rule in rules if (r := rule(line))), None)
        if reason:
            if reason == "copyright" and result.outlet is None:
                found = COPYRIGHT_OUTLET.search(line)
                if found:
                    result.outlet = _outlet_name(found.group("name"), kb)
            drop(line, reason)
            continue
        cap = CAPTION_WITH_DATE.search(line)
        if cap:
            result.outlet = result.outlet or _outlet_name(cap.group("outlet").strip(), kb)
            if pub_date is None:
                pub_date = (int(cap.group("y")), int(cap.group("m")), int(cap.group("d")))
            drop(line, "photo-caption")
            continue
        kept.append(line)

    # the title: a headline-shaped first line; later copies of it are captions
    if title:
        result.title = title
    elif kept and _is_headline(kept[0]) and len(kept) > 1:
        result.title = kept.pop(0)
        result.decisions.append((result.title, "title", "first-headline"))
    if result.title:
        for line in [k for k in kept if k == result.title]:
            kept.remove(line)
            drop(line, "repeated-title")

    body: list[str] = []
    for i, line in enumerate(kept):
        if not from_html and 1 <= i < len(kept) - 1:
            rest = "\n".join(x for j, x in enumerate(kept) if j != i) + "\n" + (result.title or "")
            if _is_related_headline(line, rest) and not _is_headline(kept[i - 1]):
                drop(line, "related-headline")
                continue
        body.append(line)

    # a dateline opens one of the first paragraphs: "НУР-СУЛТАН, 30 апр — Sputnik."
    for i, para in enumerate(body[:4]):
        m = DATELINE_RU.match(para) or DATELINE_EN.match(para)
        if not m:
            continue
        place_raw = m.group("place")
        place = kb.place_name(place_raw) if kb else None
        agency_raw = m.group("agency").strip()
        outlet = _outlet_name(agency_raw, kb)
        result.dateline = {"place": place or place_raw.title(), "agency": outlet or agency_raw}
        if result.outlet is None:
            result.outlet = outlet or agency_raw
        if "d" in m.groupdict() and m.group("d") and pub_date:
            month = MONTHS_RU.get(m.group("m")[:3])
            if month != pub_date[1] or int(m.group("d")) != pub_date[2]:
                log.debug("dateline date %s disagrees with %s", m.group(0), pub_date)
        elif "d" in m.groupdict() and m.group("d") and m.group("y"):
            month = MONTHS_RU.get(m.group("m")[:3])
            if month:
                pub_date = (int(m.group("y")), month, int(m.group("d")))
        result.removed.append(Removed(text=m.group(0).strip(), reason="dateline"))
        result.decisions.append((m.group(0).strip(), "drop", "dateline"))
        body[i] = para[m.end():].strip()
        break

    if result.outlet is None:
        for para in body:
            m = VIA_OUTLET.search(para)
            if m and (name := _outlet_name(m.group("name"), kb, strict=True)):
                result.outlet = name
                break
    if pub_date:
        y, mo, d = pub_date
        result.published = f"{y:04d}-{mo:02d}-{d:02d}" + (f"T{pub_time}" if pub_time else "")
    for line in body:
        result.decisions.append((line, "keep", "body"))
    if body and result.title:
        result.lead = body[0]
    result.text = "\n\n".join(b for b in body if b)
    return result


def _one_script(line: str, decisions: list[tuple[str, str, str]]) -> str:
    """The line with its mixed-script words in one script; each such word is a decision
    ("Тоcимицу → Тосимицу", "fix", "mixed-script-cyrillic")."""
    fixed, changes = unmix_scripts(line)
    for change in changes:
        decisions.append((f"{change.old} → {change.new}", "fix", f"mixed-script-{change.script}"))
    return fixed


def _outlet_name(raw: str, kb: KnowledgeBase | None, strict: bool = False) -> str | None:
    raw = raw.strip().rstrip(".")
    if kb is not None:
        name = kb.outlet_name(raw)
        if name:
            return name
    if strict:
        return None
    return raw or None


Rule = Callable[[str], "str | None"]
