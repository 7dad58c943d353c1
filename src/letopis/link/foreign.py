"""Foreign names written in Russian, back to their own spelling: "Эдвард Сноуден" → "Edward Snowden".

Russian writes a foreign name by practical transcription, which loses letters (Snowden and Snouden both
become Сноуден). Reading it back is a search: the given name says where the name comes from
(lexicons/given_names.yaml), that origin's transcription table (lexicons/transcription.yaml) gives
every Latin spelling each Cyrillic sequence may come from with a cost, and the candidates are scored by
how often they are written in that language and in English (wordfreq's word lists): a spelling people
write beats one nobody does, a cheap reading beats a dear one. Chinese and Japanese names are read
syllable by syllable (Palladius, Polivanov). Russian, Ukrainian, Belarusian and Central Asian names are
not foreign here: `romanize` returns None and the caller keeps the standard romanisation.
"""
from __future__ import annotations

import heapq
import math
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.metadata import version

from letopis.analyze.morph import parses
from letopis.cache import cached
from letopis.link.names import transliterate
from letopis.yaml_data import load_yaml

# A Russian or post-Soviet surname or patronymic: such a name keeps the standard romanisation.
SLAVIC = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ской|ич|вна|чна|енко|[чщ]ук|юк|[чйш]ко|ян|"
                    r"швили|дзе|уулу|заде)$")
# -ич after a consonant other than в is no Russian surname (those are -ович, -евич): after a foreign
# given name it is the name's own ending ("Патрисия Буллрич", Bullrich)
FOREIGN_ICH = re.compile(r"[^в]ич$")
WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@dataclass(frozen=True)
class Settings:
    weight: float = 1.0  # how much a unit of transcription cost weighs against a unit of Zipf frequency
    known: float = 1.3  # the Zipf frequency from which a spelling counts as written (about once in 50M words)
    known_other: float = 2.0  # the same in languages other than English (once in 10M words)
    cap: float = 4.0  # frequencies above this say nothing more about a name
    common: float = 5.0  # frequencies above this say "a common word", and count against a name
    guess: float = 2.0  # the score a reading needs when nothing tells the name's origin
    final_e: float = 0.8  # English and French names may end in a silent e that Russian does not write
    limit: int = 1500  # candidate spellings scored per word
    english: float = 0.5  # an English word counts this much less for a name of another origin
    other_origin: float = 1.0  # the penalty for reading a surname by another origin than its given name's
    other_origin_min: float = 1.0  # and the score such a reading needs even so


SETTINGS = Settings()
# sections of given_names.yaml that are no origin's names
NOT_ORIGINS = frozenset({"short_forms"})


@lru_cache(maxsize=1)
def _data() -> dict:
    load = lambda name: load_yaml(resources.files("letopis.lexicons").joinpath(name).read_text("utf-8"))
    tables = load("transcription.yaml")
    given: dict[str, tuple[str, str]] = {}
    for origin, names in (load("given_names.yaml") or {}).items():
        if origin in NOT_ORIGINS:
            continue
        for cyr, lat in (names or {}).items():
            for variant in str(cyr).split("|"):
                given[variant.strip().lower()] = (str(lat), origin)
    tables["given"] = given
    return tables


def _options(spec: list) -> list[tuple[str, float]]:
    out = []
    for item in spec:
        text, _, cost = str(item).rpartition(" ") if re.search(r" \d+(?:\.\d+)?$", str(item)) else (str(item), "", "0")
        out.append((text, float(cost)))
    return out


@cache
def _units(origin: str) -> tuple[dict[str, list[tuple[str, float]]], int]:
    data = _data()
    units = {k: _options(v) for k, v in data["common"].items()}
    units.update({k: _options(v) for k, v in (data.get(origin) or {}).items()})
    return units, max(len(k.strip("^$")) for k in units)


@cache
def _lexicon(language: str) -> tuple[list[str], array]:
    """A language's written words (wordfreq), sorted, with their Zipf frequencies: sorted so that a
    partial spelling can be checked for being the start of any word at all.

    English keeps its rarer words too (the press writes foreign names in English first); other languages
    only those written at least once in ten million words. Built once per wordfreq version and kept in
    the user's cache folder: loading it is a fraction of wordfreq's own unpacking, and wordfreq's copy
    is dropped, so a process holds each list once."""
    floor = SETTINGS.known if language == "en" else SETTINGS.known_other

    def build() -> tuple[list[str], array]:
        import wordfreq

        wordlist = "large" if language in wordfreq.available_languages("large") else "best"
        words = sorted((w, math.log10(f) + 9) for w, f in wordfreq.get_frequency_dict(language, wordlist).items()
                       if f >= 10 ** (floor - 9) and w.isalpha())
        wordfreq.get_frequency_dict.cache_clear()
        wordfreq.get_frequency_list.cache_clear()
        return [w for w, _ in words], array("f", (z for _, z in words))

    return cached(f"wordfreq-{version('wordfreq')}-{language}-{floor}.pickle", build)


@lru_cache(maxsize=200_000)  # the blocking keys and headline weights ask for the same words over and over
def word_zipf(text: str, language: str) -> float:
    """How often a word is written in a language, on wordfreq's Zipf scale (0: not in the list)."""
    words, zipfs = _lexicon(language)
    i = bisect_left(words, text)
    return float(zipfs[i]) if i < len(words) and words[i] == text else 0.0


@lru_cache(maxsize=100_000)  # a spelling search asks for the same beginnings over and over ("m", "ma", "mar")
def _begins(text: str, languages: tuple[str, ...]) -> bool:
    for language in languages:
        words, _ = _lexicon(language)
        i = bisect_left(words, text)
        if i < len(words) and words[i].startswith(text):
            return True
    return False


def candidates(word: str, origin: str, limit: int = SETTINGS.limit,
               within: tuple[str, ...] = ()) -> Iterator[tuple[float, str]]:
    """Latin spellings a Cyrillic word may come from, cheapest first, with their cost; with `within`,
    only those that begin a word written in one of these languages."""
    units, longest = _units(origin)
    w = word.lower()
    n = len(w)
    final_e = origin in ("en", "fr")
    heap: list[tuple[float, int, str]] = [(0.0, 0, "")]
    seen: set[tuple[int, str]] = set()
    done: set[str] = set()
    pops = 0
    while heap and len(done) < limit and pops < limit * 20:
        cost, pos, text = heapq.heappop(heap)
        pops += 1
        if pos >= n:
            if text not in done:
                done.add(text)
                yield cost, text
            if pos == n and final_e and text[-1:] not in "aeiouy" and (not within or _begins(text + "e", within)):
                heapq.heappush(heap, (cost + SETTINGS.final_e, n + 1, text + "e"))
            continue
        if (pos, text) in seen:
            continue
        seen.add((pos, text))
        matched = False
        for size in range(1, min(longest, n - pos) + 1):
            seg = w[pos: pos + size]
            key = seg  # a sequence anchored to the word's start or end has its own readings there
            for anchored in ("^" + seg if pos == 0 else None, seg + "$" if pos + size == n else None,
                             "^" + seg + "$" if pos == 0 and size == n else None):
                if anchored in units:
                    key = anchored
            for latin, c in units.get(key, ()):
                matched = True
                if not within or _begins(text + latin, within):
                    heapq.heappush(heap, (cost + c, pos + size, text + latin))
        if not matched and (not within or _begins(text + w[pos], within)):  # a letter without a rule is kept
            heapq.heappush(heap, (cost, pos + 1, text + w[pos]))


def _cost_of(word: str, origin: str | None, spelling: str) -> float:
    """What reading `word` as `spelling` costs by the origin's table: nothing for an unknown origin or
    a spelling the table does not reach; "Рава" as Rava costs an Arabic name its v, a letter Arabic
    has not."""
    if origin is None:
        return 0.0
    return next((cost for cost, text in candidates(word, origin, within=(), limit=SETTINGS.limit) if text == spelling), 0.0)


def _likeness(zipf: float) -> float:
    """How much a word's frequency says it is a name: names are written now and then; a word written
    at every turn ("can", "will") is a common word, whatever else it may be."""
    return min(zipf, SETTINGS.cap) - max(0.0, zipf - SETTINGS.common) * 2


def _languages(origin: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*(_data()["languages"].get(origin) or []), "en"]))


@lru_cache(maxsize=50_000)  # a name recurs from text to text; its search is a few milliseconds
def best_spelling(word: str, origin: str) -> tuple[str, float]:
    """The most likely Latin spelling of one word and its score (0 when no candidate is a written word).

    Candidates come cheapest first and only while they begin a written word, so the search stops once
    even a most frequent spelling could no longer beat the best one found. A word of the origin's own
    language counts in full, an English one (the press's spelling of a foreign name) a little less."""
    languages = _languages(origin)
    best, best_score = None, float("-inf")
    for cost, text in candidates(word, origin, within=languages):
        if SETTINGS.cap - SETTINGS.weight * cost <= best_score:
            break
        found = [(word_zipf(text, lang), lang) for lang in languages]
        if max(z for z, _ in found) < SETTINGS.known:
            continue
        zipf = max(z - (SETTINGS.english if lang == "en" and origin != "en" else 0.0) for z, lang in found)
        score = _likeness(zipf) - SETTINGS.weight * cost
        if score > best_score:
            best, best_score = text, score
    if best is None:
        cheapest = next(candidates(word, origin, limit=1), (0.0, word.lower()))[1]
        return _case(word, cheapest), 0.0
    return _case(word, best), max(best_score, 0.01)


def _case(orig: str, word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] for p in word.split("-")) if orig[:1].isupper() else word


def _syllables(word: str, table: dict[str, str]) -> list[str] | None:
    """Split a word into syllables of the table, longest first; None when it does not split."""
    w = word.lower()
    longest = max(map(len, table))

    @cache
    def split(pos: int) -> tuple[str, ...] | None:
        if pos == len(w):
            return ()
        for size in range(min(longest, len(w) - pos), 0, -1):
            seg = w[pos: pos + size]
            if seg in table:
                rest = split(pos + size)
                if rest is not None:
                    return (seg, *rest)
        return None

    parts = split(0)
    return list(parts) if parts is not None else None


def _chinese(words: list[str]) -> str | None:
    data = _data()
    table = data["palladius"]
    if words[0] not in data["chinese_surnames"] or not 2 <= len(words) <= 3:
        return None
    out = []
    for w in words:
        parts = _syllables(w.replace("-", ""), table)
        if parts is None:
            return None
        latin = "".join(table[p] for p in parts)
        if len(parts) > 1 and re.match(r"[aeo]", table[parts[1]]):
            latin = table[parts[0]] + "'" + "".join(table[p] for p in parts[1:])  # Xi'an, not Xian
        out.append(latin.replace("'", "").capitalize() if len(parts) < 3 else latin.capitalize())
    return " ".join(out)


def ukrainian_given() -> dict[str, str]:
    """Russian given names in the Ukrainian romanisation ("Александр" Oleksandr)."""
    return _data().get("ukrainian_given") or {}


def _korean(words: list[str]) -> str | None:
    """A Korean name as Kontsevich writes it, in the spelling its owners use: a surname by custom ("Пак" Park),
    the two syllables of the given name joined by a hyphen ("Мун Чжэ Ин" Moon Jae-in)."""
    data = _data()
    surnames, syllables = data.get("korean_surnames") or {}, data.get("korean_syllables") or {}
    if len(words) != 3 or words[0] not in surnames or not all(w.lower() in syllables for w in words[1:]):
        return None
    given = "-".join(syllables[w.lower()] for w in words[1:])
    return f"{surnames[words[0]]} {given.capitalize()}"


def _japanese(words: list[str], given_origin: str | None) -> str | None:
    table = _data()["polivanov"]
    out = []
    for w in words:
        parts = _syllables(w, table)
        if parts is None:
            return None
        latin = "".join(table[p] for p in parts)
        out.append(latin.capitalize())
    marked = any(re.search(r"дз|цу|си|ти|[^аеёиоуыэюя ]э|ё|сё|сю|тё|тю", w.lower()) for w in words)
    if given_origin == "ja" or (marked and len(words) == 2):
        return " ".join(out)
    return None


def _russian(words: list[str]) -> bool:
    """A name of Russian or post-Soviet form: a known Russian given name, a patronymic, a Slavic surname."""
    given = _data()["given"]
    if any(SLAVIC.search(w.lower()) for w in words[-1:]):
        return True
    if len(words) == 3 and re.search(r"(?:вич|вна|чна|ична)$", words[1].lower()):
        return True
    first = words[0].lower()
    if len(words) > 1 and first not in given:
        return any(p.is_known and "Name" in p.tag.grammemes for p in parses(first))
    return False


@lru_cache(maxsize=20_000)
def romanize(name: str, feminine: bool = False) -> str | None:
    """The own spelling of a foreign person's name written in Russian; None for a Russian-form name.
    `feminine`: the person is a woman, whose given name may be spelt as a man's is not ("Мишель Бачелет"
    is Michelle)."""
    if not re.search("[А-Яа-яЁё]", name) or re.search("[A-Za-z]", name):
        return None
    data = _data()
    words = name.split()
    if not words or any(not WORD.fullmatch(w.strip(".")) for w in words):
        return None
    particles = data["particles"]
    given = {w.lower(): _given(w) for w in (words[:-1] if len(words) > 1 else words)
             if w.lower() not in particles and _given(w)}
    given.update(_initials(words))
    origin = next((given[w.lower()][1] for w in words if w.lower() in given), None) or _marked_origin(words)
    surname_origin = _surname_origin(words[-1]) if len(words) > 1 else None
    ko = _korean(words)
    if ko:
        return ko  # "Мун Чжэ Ин": a Korean surname and two syllables apart
    zh = _chinese(words)
    if zh and (origin is None or word_zipf(zh.split()[-1].lower(), "en") >= SETTINGS.known):
        return zh  # "Дэн Сяопин" is Chinese although Дэн is also Dan; "Хуан Гуайдо" is not
    ja = _japanese(words, origin)
    if ja and (origin in (None, "ja")):
        return ja
    # a surname of Russian form after a name that is also used across the Caucasus ("Мурат Кумпилов");
    # -ин is also a foreign ending, and Polish, Czech and Serbo-Croatian surnames end as Russian ones do
    slavic_form = (origin not in ("pl", "cs", "sh") and len(words) > 1 and SLAVIC.search(words[-1].lower())
                   and not (origin and FOREIGN_ICH.search(words[-1].lower()))
                   and not (origin and re.search("[иы]н$", words[-1].lower())))
    if (origin is None or slavic_form) and _russian(words):
        if slavic_form or len(words) < 2 or any(p.is_known and "Surn" in p.tag.grammemes for p in parses(words[-1].lower())):
            return None
        # a Russian-looking given name before a surname that is no Russian one: "Денис Муквеге"
        surname, score = _foreign_word(words[-1], None)
        if score < SETTINGS.guess:
            return None
        return " ".join([*(given[w.lower()][0] if w.lower() in given else transliterate(w) for w in words[:-1]), surname])
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i < len(words) - 1 and low in given:
            out.append(_in_gender(*given[low], feminine))
            continue
        if i > 0 and low in particles:
            out.append(particles[low])
            continue
        head = ""
        if "-" in w and low.split("-", 1)[0] in particles:
            head, w = particles[low.split("-", 1)[0]] + "-", w.split("-", 1)[1]
        own = surname_origin if i == len(words) - 1 and surname_origin else origin
        read = [_reading(part, own) for part in w.split("-")]
        if any(r is None for r in read):
            if i == len(words) - 1:
                return None  # a surname that cannot be read back: the standard romanisation, not a hybrid
            read = [transliterate(part) for part in w.split("-")]
        out.append(head + "-".join(read))
    return " ".join(out)


def _initials(words: list[str]) -> dict[str, tuple[str, str]]:
    """English letters spelt out before a surname ("Ар Келли"), as given names read back: the initial
    with its dot, of English origin."""
    letters = _data().get("letter_names") or {}
    return {w.lower(): (letters[w.lower()] + ".", "en") for w in words[:-1] if w.lower() in letters}


def _in_gender(latin: str, origin: str, feminine: bool) -> str:
    """A given name in the person's gender where its language writes the two apart and Russian does not:
    French Michel, Michelle and Daniel, Danielle are both Мишель, Даниэль (lexicons/transcription.yaml)."""
    if not feminine:
        return latin
    for ending, female in (_data().get("feminine_given", {}).get(origin) or {}).items():
        if latin.endswith(ending):
            return latin[: len(latin) - len(ending)] + female
    return latin


def _marked_origin(words: list[str]) -> str | None:
    """The origin a particle of the name tells when no given name does: "аль-Саид" is Arabic."""
    marks = _data().get("origin_marks", {}).get("particles", {})
    for w in words[1:]:
        low = w.lower()
        for word in (low, low.split("-", 1)[0] if "-" in low else None):
            if word in marks:
                return marks[word]
    return None


def _surname_origin(word: str) -> str | None:
    """The origin a surname's own ending tells, whatever the given name's: Kuczynski is Polish."""
    endings = _data().get("origin_marks", {}).get("surname_endings", {})
    low = word.lower()
    return next((origin for ending, origin in endings.items() if low.endswith(ending)), None)


def _reading(word: str, origin: str | None) -> str | None:
    """One word read back; None when no reading is sure enough. A word the tagger left in an oblique
    case ("Хамида Карзая", "Джо Локхарту") is read in the nominative when only that is a written word."""
    found = _given(word)
    if found and (origin is None or found[1] == origin):
        return found[0]
    if origin is None and len(word) < 4:
        return None  # "Ли", "Бэ", "Хо": too short to guess a language from; the standard romanisation
    need = SETTINGS.guess if origin is None else 0.01
    for form in [word, *(_nominatives(word) if origin else ())]:
        spelling, score = _foreign_word(form, origin)
        if score >= need:
            return spelling
    return None


# oblique-case endings of foreign names and the nominative endings they may stand for
OBLIQUE = (("ой", ("а", "я")), ("ей", ("я", "а")), ("ом", ("",)), ("ем", ("ь", "й", "")), ("у", ("а", "")),
           ("ю", ("я", "ь", "й")), ("е", ("а", "", "я")), ("ы", ("а",)), ("и", ("я", "а")),
           ("а", ("", "")), ("я", ("й", "ь")))


def _nominatives(word: str) -> list[str]:
    """Nominatives a foreign name in an oblique case may come from ("Грету" → Грета, "Карзая" → Карзай),
    and the word with the -а or -я a wrong guess may have cut off ("Акир" → Акира)."""
    low = word.lower()
    out = []
    for ending, nominatives in OBLIQUE:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            out += [word[: len(word) - len(ending)] + n for n in nominatives]
    if low[-1:] not in "аеёиоуыэюяй" and len(low) > 3:  # not "Ар" → Ара: too short to have lost anything
        out += [word + "а", word + "я"]
    return list(dict.fromkeys(o for o in out if o != word))


def given_origin(word: str) -> str | None:
    """The origin of a foreign given name (lexicons/given_names.yaml), also in an oblique case; None
    for a name the list does not have."""
    found = _given(word)
    return found[1] if found else None


def _given(word: str) -> tuple[str, str] | None:
    """The own spelling and origin of a given name, also when written in an oblique case."""
    given = _data()["given"]
    low = word.lower()
    if low in given:
        return given[low]
    if any(p.is_known and "Name" in p.tag.grammemes and p.tag.case == "nomn" for p in parses(low)):
        return None  # "Дина" is a Russian name, not the genitive of Dean
    return next((given[n.lower()] for n in _nominatives(word) if n.lower() in given), None)


FALLBACK_ORIGINS = ("en", "de", "fr", "es", "it", "pt", "nl", "scand", "pl")
# the press's languages, the only ones a name of another script is written in by Latin-script news
# (English, and French for the Maghreb and the Levant): an Arabic name is not judged by Swedish words
PRESS_ORIGINS = ("en", "fr")


def _fallback_origins(origin: str | None) -> tuple[str, ...]:
    """The origins whose spellings a word is tried by when its own origin finds no written word: any
    European one for a European name or an unknown origin, the press's for a name of another script
    (an origin without a Latin-script language of its own in lexicons/transcription.yaml)."""
    if origin is not None and not _data()["languages"].get(origin):
        return tuple(o for o in PRESS_ORIGINS if o != origin)
    return tuple(o for o in FALLBACK_ORIGINS if o != origin)


@lru_cache(maxsize=50_000)
def _foreign_word(word: str, origin: str | None) -> tuple[str, float]:
    """The best spelling of a word by its given name's origin or, when that finds no written word, by
    the origin that does (a Dutch surname after an English given name: "Марк Рютте"). The standard
    romanisation competes too: when the press writes a name just so ("Murad"), nothing beats it."""
    tried = []
    standard = transliterate(word)
    zipf = word_zipf(standard.lower(), "en")  # the English press's spelling, not a word of the origin's language
    if zipf >= SETTINGS.known:
        tried.append((standard, _likeness(zipf) - SETTINGS.weight * _cost_of(word, origin, standard.lower())))
    if origin is not None:
        tried.append(best_spelling(word, origin))
    if not any(score > 0 for _, score in tried):
        penalty = SETTINGS.other_origin if origin else 0.0
        need = SETTINGS.other_origin_min if origin else 0.01
        tried += [(spelling, score - penalty) for spelling, score in
                  (best_spelling(word, o) for o in _fallback_origins(origin)) if score - penalty >= need]
    found = [t for t in tried if t[1] > 0]
    if found:
        return max(found, key=lambda ss: ss[1])
    return best_spelling(word, origin or "en")[0], 0.0
