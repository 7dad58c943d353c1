"""Russian name forms: nominative of inflected names (pymorphy3) and BGN/PCGN transliteration."""
from __future__ import annotations

import re

from letopis.analyze.morph import parses

NAME_TAGS = {"Name", "Surn", "Patr"}

# BGN/PCGN romanization of Russian (simplified: no digraph separators)
BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u",
    "ү": "u", "һ": "h",
}
VOWELS = set("аеёиоуыэюяйъь")


def transliterate(text: str) -> str:
    """BGN/PCGN: `е` is `ye` at the start of a word and after a vowel, `й`, `ъ` or `ь`; `о` after `ь`
    is `yo`, as it sounds ("Вениньо" Veninyo, "Кабельо" Kabelyo), where the dropped soft sign would
    leave a bare `o`."""
    out = []
    prev = ""
    for ch in text:
        low = ch.lower()
        if low in BGN:
            rom = BGN[low]
            if low == "е" and (not prev or prev in VOWELS or not prev.isalpha()):
                rom = "ye"
            if low == "ё" and prev and prev not in VOWELS and prev.isalpha():
                rom = "ë".replace("ë", "yo")
            if low == "о" and prev == "ь":
                rom = "yo"
            if ch.isupper():
                rom = rom[:1].upper() + rom[1:]
            out.append(rom)
        else:
            out.append(ch)
        prev = low
    return "".join(out)


def _match_case(orig: str, word: str) -> str:
    if orig.isupper() and len(orig) > 1:
        return word.upper()
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-")) if orig[:1].isupper() else word


def _nominative(word: str, gender: str | None, prefer: set[str]) -> tuple[str, str | None]:
    """The nominative of one name word and its gender, agreeing with `gender` where possible."""
    if "-" in word:
        parts = [_nominative(p, gender, prefer) for p in word.split("-")]
        return "-".join(p for p, _ in parts), next((g for _, g in parts if g), gender)
    readings = parses(word.lower())
    if "-" not in word and readings[0].tag.case == "nomn" and "Name" in prefer and readings[0].score < 0.2:
        return word, gender  # an out-of-dictionary given name: pymorphy's guess is worse than the text
    named = [p for p in readings if p.tag.grammemes & prefer] or [p for p in readings if p.tag.grammemes & NAME_TAGS]
    if not named:
        return word, gender
    if gender:
        agreeing = [p for p in named if p.tag.gender == gender or p.tag.gender is None]
        named = agreeing or named
    p = named[0]
    if p.tag.case == "nomn" and (gender is None or p.tag.gender in (gender, None)):
        return word, p.tag.gender or gender
    form = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
    return (_match_case(word, form.word) if form else word), p.tag.gender or gender


def person_nominative(text: str) -> str:
    """`Касым-Жомарту Токаеву` → `Касым-Жомарт Токаев`; `Михаилом Мишустиным` → `Михаил Мишустин`."""
    words = text.split()
    if not words or not re.search("[А-Яа-яЁё]", text):
        return text
    out: list[str] = []
    gender: str | None = None
    if len(words) > 1:  # a surname's ending is the surest sign of gender (Токаеву, Петровой)
        surn = {p.tag.gender for p in parses(words[-1].split("-")[-1].lower()) if "Surn" in p.tag.grammemes}
        last = words[-1].lower()
        if len(surn) == 1:
            gender = surn.pop()
        elif surn and last.endswith(("ову", "еву", "ину", "ыну", "ым", "ом", "ого")):
            gender = "masc"  # -ову/-ым are masculine; the feminine accusative would be -ову only for -ова
    for i, w in enumerate(words):
        if len(words) == 1:
            prefer = {"Surn"}
        elif i == 0:
            prefer = {"Name"}
        elif i == len(words) - 1:
            prefer = {"Surn"}
        else:
            prefer = {"Patr", "Name"}
        form, g = _nominative(w, gender, prefer)
        if i == 0 and g:
            gender = g
        out.append(form)
    return " ".join(out)


CASE_ENDINGS = {"Gen": ("а", "я"), "Dat": ("у", "ю"), "Ins": ("ом", "ем", "ём"), "Loc": ("е",), "Acc": ("а", "я")}


def tagged_nominative(words: list[tuple[str, dict[str, str]]]) -> str:
    """A person's name in the nominative, using the tagger's case and gender for each word in context.

    `words` are (word, features) with natasha's Case/Gender/Number. A word the tagger reads as
    nominative stays as written ("Иксанов", not pymorphy's "Иксан"); otherwise the pymorphy parse
    that agrees with the tagger is put into the nominative, and an unknown foreign masculine
    surname loses its case ending ("Лемана" → "Леман", "Дуггана" → "Дугган").
    """
    if not words or not any(re.search("[А-Яа-яЁё]", w) for w, _ in words):
        return " ".join(w for w, _ in words)
    gender = next((f.get("Gender") for _, f in words if f.get("Gender")), None)
    if re.search(r"(?:ов|ев|ёв|ин|ын)ой$", words[-1][0].lower()):
        gender = "Fem"  # only a woman's surname declines so: "Алёхиной" (the tagger may say otherwise)
    for word, _ in words:  # a patronymic knows the gender for sure: "Иосифовне" is a woman's
        patr = {p.tag.gender for p in parses(word.lower()) if "Patr" in p.tag.grammemes}
        if len(patr) == 1:
            gender = {"masc": "Masc", "femn": "Fem"}.get(patr.pop(), gender)
    out = []
    for i, (word, feats) in enumerate(words):
        case = feats.get("Case")
        if case in (None, "Nom") and re.search("[А-Яа-яЁё]", word) and not word.isupper():
            named = [p for p in parses(word.lower()) if p.tag.grammemes & NAME_TAGS and p.is_known
                     and "Fixd" not in p.tag.grammemes and p.tag.number == "sing"]
            fixed = any({"Fixd", "Name"} <= p.tag.grammemes for p in parses(word.lower()))  # "Арзу"
            if named and not fixed and not any(p.tag.case == "nomn" for p in named) and not (
                    i < len(words) - 1 and _indeclinable(words[-1][0]) and not _only_oblique(word)):
                # the tagger missed an oblique case (not before a surname that shows no case: "Акира
                # Амари" is not the genitive of Акир; but "председателю Андриану Канду" is Андриан)
                case = {"gent": "Gen", "datv": "Dat", "accs": "Acc", "ablt": "Ins", "loct": "Loc"}.get(named[0].tag.case)
            elif (not named and i == len(words) - 1 > 0 and re.search("[бвгдзклмнпрстфхцчшщ]ы$", word.lower())
                  and not any(p.is_known for p in parses(word.lower()))):
                case = "Gen"  # no one's surname ends in -ы in the nominative: "министра Сейджи Маехары"
        if not re.search("[А-Яа-яЁё]", word) or case in (None, "Nom") or word.isupper() or len(word) < 3:
            out.append(word)
            continue
        prefer = {"Surn"} if i == len(words) - 1 else {"Name", "Patr"}
        want_case = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}.get(case)
        want_gender = {"Masc": "masc", "Fem": "femn"}.get(gender or "")
        parts = word.split("-")
        done = []
        for part in parts:
            readings = parses(part.lower())
            fitting = [p for p in readings if p.tag.grammemes & (prefer | NAME_TAGS) and p.tag.case == want_case
                       and p.tag.number != "plur" and (want_gender is None or p.tag.gender in (want_gender, None))]
            fitting.sort(key=lambda p: "Fixd" in p.tag.grammemes)  # "Марку" is Марк before an indeclinable Марку
            if not fitting:  # the tagger's case fits no reading of a name pymorphy knows: trust pymorphy
                named = [p for p in readings if p.tag.grammemes & (prefer | NAME_TAGS) and p.tag.number == "sing"
                         and p.is_known and "Fixd" not in p.tag.grammemes and (want_gender is None or p.tag.gender in (want_gender, None))]
                if named and not any(p.tag.case == "nomn" for p in named):
                    fitting = named[:1]
            if fitting:
                form = fitting[0].inflect({"nomn", "sing"}) or fitting[0].inflect({"nomn"})
                done.append(_match_case(part, form.word) if form else part)
                continue
            low = part.lower()
            adj = [p for p in readings if p.tag.POS == "ADJF" and p.tag.case == want_case]
            if adj and low.endswith(("ого", "его", "ому", "ему", "ым", "им", "ой")) and i == len(words) - 1:
                form = adj[0].inflect({"nomn", "sing", want_gender or "masc"})  # Долгорукому → Долгорукий
                done.append(_match_case(part, form.word) if form else part)
                continue
            ending = next((e for e in CASE_ENDINGS.get(case, ()) if low.endswith(e) and len(low) > len(e) + 1), None)
            if (case == "Gen" and low.endswith(("ы", "ки", "ги", "хи", "жи", "ши", "чи", "щи"))
                    or case == "Acc" and low.endswith("ы")) \
                    and len(low) > 3 and want_gender != "femn":
                done.append(part[:-1] + "а")  # Маехары → Маехара (an accusative here is the tagger's slip)
            elif want_gender == "femn" and case in ("Dat", "Loc") and low.endswith(("не", "ле", "ре", "ии")) and i == 0:
                done.append(part[:-1] + ("я" if low.endswith("ии") else "а"))  # Наине → Наина
            elif case in ("Gen", "Dat", "Loc") and low.endswith("ии") and len(low) > 4:
                done.append(part[:-1] + "я")  # a name in -ия of either gender: "Алана Гарсии" → Гарсия
            elif want_gender == "femn" and case == "Acc" and low.endswith(("у", "ю")) and i < len(words) - 1 \
                    and len(low) > 3:
                done.append(part[:-1] + ("а" if low.endswith("у") else "я"))  # an unknown first name: Нааму → Наама
            elif case == "Ins" and want_gender != "masc" and low.endswith(("ой", "ей")) and i < len(words) - 1 \
                    and len(low) > 4 and not any(p.is_known and "Name" in p.tag.grammemes for p in readings):
                done.append(part[:-2] + ("а" if low.endswith("ой") else "я"))  # "с матерью Яффой" → Яффа
            elif want_gender == "masc" and ending and low[-len(ending) - 1] not in VOWELS and not (
                    i < len(words) - 1 and _indeclinable(words[-1][0])):  # "Акира Амари": no case to undo
                stem = part[: -len(ending)]
                if ending in ("я", "ю", "ем", "ём") and low[-len(ending) - 1] in "лнрдтсзмбвпкгх":
                    stem += "ь"  # a soft stem: Бесселю → Бессель
                done.append(stem)  # a foreign masculine surname: Лемана → Леман
            elif want_gender == "femn" and case != "Nom" and low.endswith(("ой", "у", "ю")) and low[:-2].endswith(("ов", "ев", "ин", "ын")):
                done.append(part[: -2] + "а" if low.endswith("ой") else part[:-1] + "а")
            else:
                done.append(part)
        out.append("-".join(done))
    return " ".join(out)


def org_nominative(text: str) -> str:
    """Put the head noun of a name and the adjectives before it into the nominative, agreeing.

    A name already in the nominative stays as written ("Комсомольская правда-Тамбов"); in a hyphenated
    word the head is its first part for a noun ("правда-Тамбов") and its last for an adjective
    ("Свято-Введенского").
    """
    words = text.split()
    parts = [_inflectable(w) for w in words]
    head = next((i for i, (ps, _, _) in enumerate(parts) if ps and ps[0].tag.POS == "NOUN"), None)
    if head is None:
        return text
    readings, before, after = parts[head]
    if readings[0].tag.case == "nomn" and readings[0].tag.number == "sing":
        return text
    noun = readings[0]
    case = noun.tag.case
    form = noun.inflect({"nomn"})
    out = list(words)
    core = words[head][len(before): len(words[head]) - len(after)]
    out[head] = before + (_match_case(core, form.word) if form else core) + after
    abbreviation = re.fullmatch(r"([А-ЯЁ]{2,})[а-яё]{1,2}", words[head])
    if abbreviation:  # a declined abbreviation: "японского МИДа" → МИД
        out[head] = abbreviation.group(1)
    agree = {"nomn", noun.tag.number or "sing"} | ({noun.tag.gender} if noun.tag.gender and noun.tag.number != "plur" else set())
    for i in range(head):
        ps, before, after = parts[i]
        adjs = [p for p in ps if p.tag.POS in ("ADJF", "PRTF") and p.tag.case == case] or [
            p for p in ps if p.tag.POS in ("ADJF", "PRTF")]
        adjs = [p for p in adjs if "Supr" not in p.tag.grammemes] or adjs
        if adjs:
            f = adjs[0].inflect(agree)
            core = words[i][len(before): len(words[i]) - len(after)]
            out[i] = before + (_match_case(core, f.word) if f else core) + after
    return " ".join(out)


def _inflectable(word: str) -> tuple[tuple, str, str]:
    """The readings of the part of a word that declines, with the parts before and after it kept."""
    if not re.search("[а-яё]", word.lower()) or word.isupper():
        return (), "", ""
    if "-" not in word:
        return parses(word.lower()), "", ""
    whole = parses(word.lower())
    if whole and whole[0].is_known:  # pymorphy knows the compound: "Кока-Колы", "Северо-Западного"
        return whole, "", ""
    first, rest = word.split("-", 1)
    head, last = word.rsplit("-", 1)
    tail = tuple(p for p in parses(last.lower()) if p.tag.POS in ("ADJF", "PRTF"))
    if tail and last[:1].islower() == first[:1].islower():  # "Свято-Введенского": the adjective ends the word
        return tail, head + "-", ""
    return parses(first.lower()), "", "-" + rest  # "правда-Тамбов": the noun begins it


def genitive(name: str) -> str:
    """A place's name in the genitive, word by word where pymorphy knows the words ("Япония" → "Японии",
    "Соединённые Штаты" → "Соединённых Штатов"; "США" stays)."""
    out = []
    for word in name.split():
        readings = [p for p in parses(word.lower()) if p.tag.case == "nomn"]
        form = readings[0].inflect({"gent"}) if readings and not word.isupper() else None
        out.append(_match_case(word, form.word) if form else word)
    return " ".join(out)


# endings a known masculine given name has only in an oblique case ("Андриану", "Мурадом")
OBLIQUE_ONLY = ("у", "ю", "ом", "ем", "ём")


def _only_oblique(word: str) -> bool:
    """A given name pymorphy knows whose ending only an oblique case has: no nominative reads so."""
    return word.lower().endswith(OBLIQUE_ONLY)


def _indeclinable(word: str) -> bool:
    """A foreign surname that does not decline ("Амари", "Абэ", "Гарсиа"): it shows no case."""
    low = word.lower()
    return low[-1:] in "иеоуюэ" and not any(p.is_known for p in parses(low)[:1])
