"""A rule-based temporal tagger for Russian and English news.

Each rule is a compiled pattern and a function that turns its match into (value, type, basis)
given the anchor date; rules run in order and a span claimed by one is not tagged again.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from letopis.model import Timex
from letopis.yaml_data import load_yaml

Resolver = Callable[[re.Match[str], "date | None"], "tuple[str | None, str, str] | None"]


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return load_yaml(resources.files("letopis.lexicons").joinpath("time.yaml").read_text("utf-8"))


def _month_ru(word: str) -> int | None:
    w = word.lower().rstrip(".")
    lex = lexicon()
    if w in lex["months_ru_abbr"]:
        return lex["months_ru_abbr"][w]
    if w in ("май", "мая", "мае", "маю", "маем"):
        return 5
    for stem, n in lex["months_ru"].items():
        if stem != "ма" and w.startswith(stem):
            return n
    return None


def _month_en(word: str) -> int | None:
    return lexicon()["months_en"].get(word.lower().rstrip("."))


def _ymd(y: int | None, m: int, d: int | None = None) -> str:
    ys = f"{y:04d}" if y else "XXXX"
    return f"{ys}-{m:02d}" + (f"-{d:02d}" if d else "")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


PAST_RU = re.compile(r"(?i)\b[а-яё]{3,}(?:л|ла|ло|ли|лся|лась|лось|лись)\b")
PAST_EN = re.compile(r"\b(?:was|were|had|did|said|met|held|went|came|took|made|\w{3,}ed)\b")
FUTURE = re.compile(r"(?i)\b(будет|будут|планиру\w+|намерен\w*|пройд[её]т|состоится|will|shall|plans? to|to be held)\b")


def _sentence_at(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    end = min((i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0), default=len(text))
    return text[start:end]


def _partial_year(anchor: date | None, m: int, d: int | None, sentence: str = "") -> int | None:
    """A day without a year takes the anchor's year; a date ahead of the anchor in a past-tense report
    (or far ahead in any report) is last year's."""
    if anchor is None:
        return None
    y = anchor.year
    if d and _valid(y, m, d) and date(y, m, d) > anchor:
        if FUTURE.search(sentence):
            return y  # "Форум состоится 15 декабря": announced, so ahead
        past = PAST_RU.search(sentence) or PAST_EN.search(sentence)
        if past or date(y, m, d) > anchor + timedelta(days=180):
            return y - 1
    return y


MR = r"(?:январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяею]\w*|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*|янв\.?|фев\.?|мар\.?|апр\.?|авг\.?|сент?\.?|окт\.?|ноя\.?|дек\.?)"
ME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"


def _rules() -> list[tuple[re.Pattern[str], Resolver]]:
    lex = lexicon()
    rules: list[tuple[str, Resolver]] = []

    def add(pattern: str, fn: Resolver) -> None:
        rules.append((pattern, fn))

    # explicit numeric dates
    add(r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m, a: (_ymd(int(m[1]), int(m[2]), int(m[3])), "DATE", "explicit")
        if _valid(int(m[1]), int(m[2]), int(m[3])) else None)
    add(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", lambda m, a: (_ymd(int(m[3]), int(m[2]), int(m[1])), "DATE", "explicit")
        if _valid(int(m[3]), int(m[2]), int(m[1])) else None)
    # "30 апреля 2021 года", "23 марта", "30 апр"
    add(rf"\b(\d{{1,2}})\s+({MR})(?:\s+(\d{{4}})(?:\s*(?:года|г\.|год))?)?(?![\w])", _ru_day_month)
    add(rf"\b({ME})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b",
        lambda m, a: _en_day_month(m[2], m[1], m[3], a, _sentence_at(m.string, m.start())))
    add(rf"\b(\d{{1,2}})\s+({ME})(?:,?\s+(\d{{4}}))?\b",
        lambda m, a: _en_day_month(m[1], m[2], m[3], a, _sentence_at(m.string, m.start())))
    # seasons and halves with a year: "осенью 2021 года", "в первом полугодии 2020 года"
    add(r"(?i)\b(зимой|весной|летом|осенью)(?:\s+(\d{4})\s*(?:года|г\.))?", _ru_season)
    add(r"(?i)\b(?:в|во|за)\s+(первом|втором|первое|второе)\s+полугоди[иея](?:\s+(\d{4})\s*года)?", _ru_half)
    add(r"(?i)\b(?:в|во|за)\s+(первом|втором|третьем|четвертом|четвёртом)\s+квартале(?:\s+(\d{4})\s*года)?", _ru_quarter)
    add(r"(?i)\bin\s+(?:the\s+)?(winter|spring|summer|autumn|fall)(?:\s+of\s+(\d{4}))?", _en_season)
    # "в июне прошлого года"
    add(rf"(?i)\bв\s+(?:(?:начале|середине|конце)\s+)?({MR})\s+(прошлого|этого|текущего|нынешнего|следующего)\s+года",
        _ru_month_relative_year)
    # a month: "в мае", "в мае 2021 года", "в начале июня", "in May"
    add(rf"(?i)\bв\s+(?:(?:начале|середине|конце)\s+)?({MR})(?:\s+(\d{{4}})\s*(?:года|г\.))?(?![\w])", _ru_month)
    add(rf"\bin\s+(?:(?:early|mid|late)[- ])?({ME})(?:\s+(\d{{4}}))?\b", lambda m, a: _month_value(_month_en(m[1]), m[2], a))
    # "в начале 2017 года", "в 2021 году", "2021 года"
    add(r"(?i)\b(?:в\s+)?(начале|середине|конце)\s+(\d{4})\s*(?:года|г\.)", lambda m, a: (m[2], "DATE", "explicit"))
    add(r"(?i)\b(?:в|во|с|до|к)?\s*(\d{4})\s*(?:году|года|год|г\.)", lambda m, a: (m[1], "DATE", "explicit")
        if 1900 <= int(m[1]) <= 2100 else None)
    add(r"\bin\s+(\d{4})\b", lambda m, a: (m[1], "DATE", "explicit") if 1900 <= int(m[1]) <= 2100 else None)
    # vague: typed, no value (longest phrases first: "годом ранее" before "ранее")
    # (one pattern, one pass over the text: an alternation tries the longest phrase first at each place)
    vague = "|".join(re.escape(p) for p in sorted([*lex["vague_ru"], *lex["vague_en"]], key=lambda p: (-len(p), p)))
    add(rf"(?i)(?<!\w)(?:{vague})(?!\w)", lambda m, a: (None, "DATE", "vague"))
    # relative days and units
    # ("вчера", "вчерашний", "yesterday": one pattern, each word a named group that says its shift)
    days = [*((rf"{w}\b", d) for w, d in lex["days_ru"].items()),
            *((rf"{stem}\w+", d) for stem, d in lex["day_adjectives_ru"].items()),
            *((rf"{w}\b", d) for w, d in lex["days_en"].items())]
    shifts = {f"d{i}": _days(d) for i, (_, d) in enumerate(days)}
    add(r"(?i)\b(?:" + "|".join(f"(?P<d{i}>{p})" for i, (p, _) in enumerate(days)) + ")",
        lambda m, a: shifts[m.lastgroup](m, a))
    add(r"(?i)\b(?:в|во)\s+(прошл\w+|следующ\w+|эт\w+|текущ\w+|будущ\w+)\s+(году|месяце|неделе)", _ru_relative_unit)
    add(r"(?i)\b(?:на)\s+(прошл\w+|следующ\w+|эт\w+|будущ\w+)\s+(неделе)", _ru_relative_unit)
    add(r"(?i)\b(прошлого|нынешнего|текущего|этого|следующего)\s+(года|месяца)", _ru_relative_unit)
    add(r"(?i)\b(last|next|this)\s+(year|month|week)\b", _en_relative_unit)
    add(r"(?i)\bчерез\s+(\d+|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+(дн\w+|день|недел\w+|месяц\w*)", _ru_offset(1))
    add(r"(?i)\b(\d+|один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)\s+(дн\w+|день|недел\w+|месяц\w*)\s+назад", _ru_offset(-1))
    # "год назад", "четыре года назад", "через год", "a year ago", "in two years"
    nums = "|".join(sorted((re.escape(w) for w in [*lex["numbers_ru"], "несколько", "около"]), key=len, reverse=True))
    add(rf"(?i)\b(?:(\d+|{nums})\s+)?(год|года|лет)\s+назад", _ru_years(-1))
    add(rf"(?i)\bчерез\s+(?:(\d+|{nums})\s+)?(год|года|лет)\b", _ru_years(1))
    add(rf"(?i)\b(?:(\d+|{nums})\s+)?(месяц|месяца|месяцев)\s+назад", _ru_months_ago)
    add(rf"(?i)\bчерез\s+(?:(\d+|{nums})\s+)?(недел[юиь]|месяц\w*|дн\w*|день)\b", _ru_offset(1, optional=True))
    add(r"(?i)\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|year)s?\s+ago\b", _en_ago)
    # years after a preposition: "в 2013", "с 2003 по 2005", "since 2019"
    add(r"(?i)(?:\b(?:в|с|до|по|к|since|by|until)\s+|\bin\s+)((?:19|20)\d\d)(?![\d\w%,.-])", lambda m, a: (m[1], "DATE", "explicit"))
    add(r"(?i)\b(?:в|во)\s+((?:19|20)\d0)-[еx]\s+(?:годы|годах|года)", lambda m, a: (m[1][:3], "DATE", "explicit"))
    add(r"(?i)\bв\s+конце\s+прошлой\s+недели\b", lambda m, a: (_shift(a, "week", -1) if a else None, "DATE", "relative"))
    # "пятилетний срок", "15-летний": a duration as an adjective
    add(r"(?i)\b(\d+)-летн\w+", lambda m, a: (f"P{int(m[1])}Y", "DURATION", "explicit"))
    add(r"(?i)\b(дву|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти)(летн|дневн|месячн|недельн)\w+",
        _ru_compound_duration)
    add(r"(?i)\bнесколько\s+лет\b(?!\s+назад)", lambda m, a: ("PXY", "DURATION", "explicit"))
    # sets: "ежегодно", "каждую неделю", "every year"
    add(r"(?i)\b(ежегодно|ежемесячно|еженедельно|ежедневно|annually|every\s+(?:year|month|week|day))\b", _set)
    # durations: "два года", "10 суток", "несколько месяцев", "for three years"
    # (a bare "N лет" is an age, not a time: it needs a preposition)
    add(rf"(?i)\b(на|в\s+течение|до|за|после|около|более|менее|свыше)\s+(?:(\d+|{nums})\s+)?"
        r"(сут\w*|дн\w+|день|недел\w+|месяц\w*|год\w*|лет|час\w*|минут\w*)\b", _ru_duration)
    add(rf"(?i)\b()(\d+|{nums})\s+(сут\w*|дн\w+|день|недел\w+|месяц\w*|год\w*|лет|часов|часа|минут\w*)\b", _ru_duration)
    add(r"(?i)\bfor\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a few)\s+(hour|day|week|month|year)s?\b",
        _en_duration)
    add(r"(?i)\b(?:в|во)\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b", _weekday("ru"))
    add(r"(?i)\bon\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", _weekday("en"))
    return [(re.compile(p), fn) for p, fn in rules]


def _ru_day_month(m: re.Match[str], a: date | None):
    d, mon = int(m[1]), _month_ru(m[2])
    if not mon or not 1 <= d <= 31:
        return None
    if m[3]:
        y = int(m[3])
        return (_ymd(y, mon, d), "DATE", "explicit") if _valid(y, mon, d) else None
    return _ymd(_partial_year(a, mon, d, _sentence_at(m.string, m.start())), mon, d), "DATE", "partial"


def _en_day_month(d: str, mon_word: str, y: str | None, a: date | None, sentence: str = ""):
    mon = _month_en(mon_word)
    day = int(d)
    if not mon or not 1 <= day <= 31:
        return None
    if y:
        return (_ymd(int(y), mon, day), "DATE", "explicit") if _valid(int(y), mon, day) else None
    return _ymd(_partial_year(a, mon, day, sentence), mon, day), "DATE", "partial"


def _month_value(mon: int | None, y: str | None, a: date | None):
    if not mon:
        return None
    if y:
        return _ymd(int(y), mon), "DATE", "explicit"
    return _ymd(a.year if a else None, mon), "DATE", "partial"


def _ru_month(m: re.Match[str], a: date | None):
    mon = _month_ru(m[1])
    if mon and not m[2] and a is not None and mon > a.month:  # "в октябре" in a June report of the past
        sentence = _sentence_at(m.string, m.start())
        if (PAST_RU.search(sentence) or PAST_EN.search(sentence)) and not FUTURE.search(sentence):
            return _ymd(a.year - 1, mon), "DATE", "partial"
    return _month_value(mon, m[2], a)


def _ru_month_relative_year(m: re.Match[str], a: date | None):
    mon = _month_ru(m[1])
    if not mon:
        return None
    w = m[2].lower()
    shift = -1 if w.startswith("прошл") else 1 if w.startswith("следующ") else 0
    return (_ymd(a.year + shift, mon) if a else None), "DATE", "relative"


def _ru_compound_duration(m: re.Match[str], a: date | None):
    n = {"дву": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7, "восьми": 8,
         "девяти": 9, "десяти": 10}[m[1].lower()]
    unit = {"летн": "Y", "дневн": "D", "месячн": "M", "недельн": "W"}[m[2].lower()]
    return f"P{n}{unit}", "DURATION", "explicit"


def _season_value(code: str, y: str | None, a: date | None, kind: str = "season"):
    if y:
        return f"{y}-{code}", "DATE", "explicit"
    return (f"{a.year}-{code}" if a else f"XXXX-{code}"), "DATE", kind


def _ru_season(m: re.Match[str], a: date | None):
    return _season_value(lexicon()["seasons_ru"][m[1].lower()], m[2], a)


def _en_season(m: re.Match[str], a: date | None):
    return _season_value(lexicon()["seasons_en"][m[1].lower()], m[2], a)


def _ru_half(m: re.Match[str], a: date | None):
    return _season_value("H1" if m[1].lower().startswith("перв") else "H2", m[2], a)


def _ru_quarter(m: re.Match[str], a: date | None):
    n = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}[m[1].lower()[:4]]
    return _season_value(f"Q{n}", m[2], a)


def _days(delta: int) -> Resolver:
    def resolve(m: re.Match[str], a: date | None):
        return ((a + timedelta(days=delta)).isoformat() if a else None), "DATE", "relative"
    return resolve


def _shift(a: date, unit: str, n: int) -> str:
    if unit == "year":
        return f"{a.year + n:04d}"
    if unit == "month":
        k = a.year * 12 + a.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}"
    d = a + timedelta(weeks=n)
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _ru_relative_unit(m: re.Match[str], a: date | None):
    word, unit_word = m[1].lower(), m[2].lower()
    unit = "year" if unit_word.startswith("год") else "month" if unit_word.startswith("месяц") else "week"
    n = -1 if word.startswith("прошл") else 1 if word.startswith(("следующ", "будущ")) else 0
    return (_shift(a, unit, n) if a else None), "DATE", "relative"


def _en_relative_unit(m: re.Match[str], a: date | None):
    n = {"last": -1, "next": 1, "this": 0}[m[1].lower()]
    return (_shift(a, m[2].lower(), n) if a else None), "DATE", "relative"


def _ru_offset(sign: int, optional: bool = False) -> Resolver:
    def resolve(m: re.Match[str], a: date | None):
        raw = (m[1] or "1").lower()
        if raw == "несколько":
            return None, "DATE", "vague"
        n = int(raw) if raw.isdigit() else lexicon()["numbers_ru"].get(raw, 1)
        unit = m[2].lower()
        if a is None:
            return None, "DATE", "relative"
        if unit.startswith(("дн", "ден")):
            return (a + timedelta(days=sign * n)).isoformat(), "DATE", "relative"
        if unit.startswith("недел"):
            return (a + timedelta(weeks=sign * n)).isoformat(), "DATE", "relative"
        return _shift(a, "month", sign * n), "DATE", "relative"
    return resolve


def _count(word: str | None, lang: str = "ru") -> float | None:
    if not word:
        return 1
    w = word.lower()
    if w == "около":  # "около года назад": about a year
        return 1
    if w.isdigit():
        return int(w)
    return lexicon()[f"numbers_{lang}"].get(w)


def _ru_years(sign: int) -> Resolver:
    def resolve(m: re.Match[str], a: date | None):
        n = _count(m[1])
        if n is None or n != int(n):
            return None if m[1] and m[1].lower() not in ("несколько",) else (None, "DATE", "vague")
        return (f"{a.year + sign * int(n):04d}" if a else None), "DATE", "relative"
    return resolve


def _ru_months_ago(m: re.Match[str], a: date | None):
    n = _count(m[1])
    if n is None or n != int(n):
        return (None, "DATE", "vague") if m[1] and m[1].lower() == "несколько" else None
    return (_shift(a, "month", -int(n)) if a else None), "DATE", "relative"


def _en_ago(m: re.Match[str], a: date | None):
    n = _count(m[1], "en")
    unit = m[2].lower()
    if n is None or a is None:
        return None, "DATE", "relative"
    if unit == "day":
        return (a - timedelta(days=int(n))).isoformat(), "DATE", "relative"
    if unit == "week":
        return _shift(a, "week", -int(n)), "DATE", "relative"
    return _shift(a, unit, -int(n)), "DATE", "relative"


def _set(m: re.Match[str], a: date | None):
    w = m[1].lower()
    code = "P1Y" if w.startswith(("ежегод", "annual")) or w.endswith("year") else "P1M" if "месяч" in w or w.endswith(
        "month") else "P1W" if "недел" in w or w.endswith("week") else "P1D"
    return code, "SET", "explicit"


def _unit(word: str, lang: str) -> str | None:
    w = word.lower()
    for stem, code in lexicon()[f"units_{lang}"].items():
        if w.startswith(stem):
            return code
    return None


def _duration_value(n: float | None, unit: str) -> str:
    time_unit = unit in ("S", "MIN", "H")
    amount = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    letter = "M" if unit == "MIN" else unit
    return ("PT" if time_unit else "P") + amount + letter


AGE_BEFORE = re.compile(r"(?i)(\b(ему|ей|им|мне|достигш\w+|возраст\w*|исполнилось|исполнится|старше|младше|моложе|"
                        r"лиц|дет\w+|человек\w*)\W+(\w+\W+)?)$")
AGE_AFTER = re.compile(r"(?i)^\s*(и\s+старше|и\s+младше|от\s+роду)")


def _ru_duration(m: re.Match[str], a: date | None):
    if re.match(r"\s+назад", m.string[m.end():]):
        return None  # "несколько дней назад" is a (vague) date, not a length of time
    if m[3].lower().startswith(("лет", "год")) and (AGE_BEFORE.search(m.string[max(0, m.start() - 40):m.start()])
                                                    or AGE_AFTER.match(m.string[m.end():])):
        return None  # an age: "ему 64 года", "достигших 18 лет и старше"
    word = (m[2] or "1").lower()
    unit = _unit(m[3], "ru")
    if unit is None:
        return None
    if word == "несколько":
        n = None
    else:
        n = _count(word)
        if n is None:
            return None
    if word.isdigit() and int(word) > 1000:
        return None
    return _duration_value(n, unit), "DURATION", "explicit"


def _en_duration(m: re.Match[str], a: date | None):
    word = m[1].lower()
    n = None if word in ("several", "a few") else _count(word, "en")
    return _duration_value(n, _unit(m[2], "en") or "D"), "DURATION", "explicit"


def _weekday(lang: str) -> Resolver:
    def resolve(m: re.Match[str], a: date | None):
        wd = lexicon()[f"weekdays_{lang}"][m[1].lower()]
        if a is None:
            return None, "DATE", "relative"
        back = (a.weekday() - wd) % 7  # news reports the past: the latest such day up to the anchor
        return (a - timedelta(days=back)).isoformat(), "DATE", "relative"
    return resolve


@lru_cache(maxsize=1)
def compiled_rules() -> list[tuple[re.Pattern[str], Resolver]]:
    return _rules()


FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def tag_times(text: str, anchor: str | None) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `anchor` (ISO date) when there is one.

    A text without an anchor (no publication line, as in Wikinews) often dates itself ("В пятницу, 28 июня
    2013 года, …"): a relative expression after such a full date is resolved against the latest one before it
    ("сегодняшнего заседания", "в воскресенье"); before any, it stays without a value."""
    a = date.fromisoformat(anchor[:10]) if anchor else None
    taken: list[tuple[int, int]] = []
    out: list[Timex] = []
    unanchored: list[tuple[Timex, re.Match[str], Resolver]] = []
    for pattern, fn in compiled_rules():
        for m in pattern.finditer(text):
            s, e = m.span()
            while s < e and text[s].isspace():
                s += 1
            if any(s < te and ts < e for ts, te in taken):
                continue
            res = fn(m, a)
            if res is None:
                continue
            value, type_, basis = res
            taken.append((s, e))
            out.append(Timex(s, e, text[s:e], value, type_, basis))
            if a is None and value is None:
                unanchored.append((out[-1], m, fn))
    if unanchored:
        dated = sorted((t.start, t.value) for t in out if t.value and t.basis == "explicit" and FULL_DATE.fullmatch(t.value))
        for t, m, fn in unanchored:
            before = [v for start, v in dated if start < t.start]
            if not before:
                continue
            res = fn(m, date.fromisoformat(before[-1]))
            if res is not None and res[0] is not None:
                t.value, t.type = res[0], res[1]
    out.sort(key=lambda t: t.start)
    return out
