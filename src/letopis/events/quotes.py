"""Quotes and their speakers: guillemets and quotation marks, attribution after or before."""
from __future__ import annotations

import re

from letopis.model import Article, Mention, Quote

SPEECH_RU = r"(?:сказал|подчеркнул|отметил|заявил|добавил|сообщил|пояснил|указал|заключил|констатировал|резюмировал|говорится)\w*"
SPEECH_EN = r"(?:said|stressed|noted|added|stated|told|emphasized|emphasised|underlined|declared)"
AFTER = re.compile(rf"^\s*[,.]?\s*[-–—]\s*{SPEECH_RU}\s+(?P<who>[^.]+)|^\s*(?P<who2>[^.«»]{{2,80}}?)\s+{SPEECH_EN}\b")
BEFORE = re.compile(rf"(?P<who>[^.«»]{{2,80}}?)\s+{SPEECH_RU}\s*:\s*$|(?P<who2>[^.«»]{{2,80}}?)\s+{SPEECH_EN}\s*:?\s*$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Outermost quoted spans (inner offsets), with «» nesting and straight or curly quotes."""
    spans = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    for m in re.finditer(r"[\"“]([^\"“”\n]{20,}?)[\"”]", text):
        if not any(s <= m.start() < e for s, e in spans):
            spans.append((m.start(1), m.end(1)))
    return sorted(spans)


def _speaker(window: str, base: int, mentions: list[Mention]) -> Mention | None:
    """The person named in the attribution's first clause, else its organisation: "заявил лидер
    Всеобщего народного конгресса Файка аль-Саид, обвинив …" is the leader's quote, not the party's."""
    clause = re.split(r",\s", window, maxsplit=1)[0]
    inside = [m for m in mentions if m.field == "text" and base <= m.start < base + len(clause) and m.type in ("PER", "ORG")]
    return next((m for m in inside if m.type == "PER"), inside[0] if inside else None)


# "Мартин Вискарра написал в Twitter:" and a paragraph of his words on the next line, with no quotation marks
LEAD_IN = re.compile(rf"(?m)^(?P<who>[^.\n«»]{{2,120}}?)\s+(?:{SPEECH_RU}|написал\w*|{SPEECH_EN}|wrote|tweeted)"
                     rf"(?:\s+в\s+\S+|\s+(?:on|in)\s+\S+)?\s*:\s*\n(?P<q>[^«»\"“\n][^\n]{{20,}})")


def find_quotes(article: Article) -> list[Quote]:
    """Quotes of five words or more, each with the speaker named next to it (or None): in quotation marks,
    or a paragraph right after a line that ends "X написал в Twitter:"."""
    text = article.text
    out: list[Quote] = []
    for m in LEAD_IN.finditer(text):
        speaker = _speaker(m.group("who"), m.start("who"), article.mentions)
        if speaker is not None and len(m.group("q").split()) >= 5:
            out.append(Quote(start=m.start("q"), end=m.end("q"), text=m.group("q"), speaker_id=speaker.entity_id,
                             speaker_name=speaker.entity_name))
    for s, e in quote_spans(text):
        inner = text[s:e].strip().rstrip(",")
        if len(inner.split()) < 5:
            continue
        speaker = None
        after = text[e + 1: e + 120].split("\n")[0]
        m = AFTER.match(after)
        if m:
            who = m.group("who") or m.group("who2")
            base = e + 1 + (m.start("who") if m.group("who") else m.start("who2"))
            speaker = _speaker(who, base, article.mentions)
            if speaker is None and re.search(r"говорится|сообщени", m.group(0)):
                speaker = None
        else:
            line_start = text.rfind("\n", 0, s - 1) + 1
            before = text[line_start: s - 1]
            b = BEFORE.search(before)
            if b:
                who = b.group("who") or b.group("who2")
                base = line_start + (b.start("who") if b.group("who") else b.start("who2"))
                speaker = _speaker(who, base, article.mentions)
        if any(q.start <= s < q.end for q in out):
            continue  # inside a lead-in quote already found
        out.append(Quote(
            start=s, end=e, text=text[s:e],
            speaker_id=speaker.entity_id if speaker else None,
            speaker_name=speaker.entity_name if speaker else None,
        ))
    return sorted(out, key=lambda q: q.start)
