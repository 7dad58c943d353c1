"""The event layer: every lexicon entry fires, each class of construction gives the right type, sides and
status on invented sentences in both languages, and one seed's events render as they should."""
from __future__ import annotations

from pathlib import Path

import pytest

from letopis.events.lexicon import lexicon
from letopis.events.rules import find_triggers

RU = "2021-04-30"
GOLDEN = Path(__file__).parent / "data" / "seed_004_events.txt"

# (language, sentence, type, status, source or participants, target): names as exported
CASES = [
    # active verb, object
    ("ru", "Полиция Белоруссии задержала Сергея Тихановского.", "COERCE", "occurred", ["Belarus"], ["Sergey Tikhanovsky"]),
    # passive with an agent in the instrumental
    ("ru", "Сергей Тихановский был задержан полицией Белоруссии.", "COERCE", "occurred", ["Belarus"], ["Sergey Tikhanovsky"]),
    # passive without an agent: the state where it happens
    ("ru", "В Минске задержан Сергей Тихановский.", "COERCE", "occurred", ["Belarus"], ["Sergey Tikhanovsky"]),
    # nominalisation: the one acted upon in the genitive
    ("ru", "Власти Белоруссии подтвердили арест Сергея Тихановского.", "COERCE", "occurred", ["Belarus"],
     ["Sergey Tikhanovsky"]),
    # negated
    ("ru", "Сергей Лавров не встретился с Энтони Блинкеном.", "CONSULT", "negated", ["Sergey Lavrov", "Antony Blinken"], []),
    # planned: future tense, and a governing word of intention
    ("ru", "Сергей Лавров встретится с Энтони Блинкеном в мае.", "CONSULT", "planned",
     ["Sergey Lavrov", "Antony Blinken"], []),
    ("ru", "Владимир Путин планирует посетить Казахстан.", "CONSULT", "planned", ["Vladimir Putin", "Kazakhstan"], []),
    # coordination: both sides in the subject
    ("ru", "Касым-Жомарт Токаев и Александр Лукашенко провели переговоры в Минске.", "CONSULT", "occurred",
     ["Kassym-Jomart Tokayev", "Alexander Lukashenko"], []),
    # phone mode
    ("ru", "Владимир Путин провел телефонный разговор с Касым-Жомартом Токаевым.", "CONSULT", "occurred",
     ["Vladimir Putin", "Kassym-Jomart Tokayev"], []),
    # reported speech: the event is the one in the clause
    ("ru", "Сергей Лавров заявил, что Россия ввела санкции против Великобритании.", "SANCTION", "occurred",
     ["Russia"], ["United Kingdom"]),
    # a request with its addressee in the clause
    ("ru", "Владимир Путин потребовал, чтобы Украина вывела войска.", "REQUEST", "occurred", ["Vladimir Putin"],
     ["Ukraine"]),
    ("ru", "Сергей Лавров обвинил Евросоюз в двойных стандартах.", "ACCUSE", "occurred", ["Sergey Lavrov"],
     ["European Union"]),
    ("ru", "Токаев поблагодарил Владимира Путина за помощь.", "SUPPORT", "occurred", ["Kassym-Jomart Tokayev"],
     ["Vladimir Putin"]),
    ("ru", "Владимир Путин выразил соболезнования Александру Лукашенко.", "SUPPORT", "occurred", ["Vladimir Putin"],
     ["Alexander Lukashenko"]),
    ("ru", "Россия отвергла требования Евросоюза.", "REJECT", "occurred", ["Russia"], []),
    ("ru", "Россия пригрозила Евросоюзу ответными мерами.", "THREATEN", "occurred", ["Russia"], ["European Union"]),
    ("ru", "Россия выслала британского дипломата.", "SANCTION", "occurred", ["Russia"], ["United Kingdom"]),
    ("ru", "Владимир Путин помиловал Сергея Тихановского.", "CONCEDE", "occurred", ["Vladimir Putin"],
     ["Sergey Tikhanovsky"]),
    ("ru", "Тысячи протестующих вышли на улицы Минска.", "PROTEST", "occurred", ["Protesters"], ["Belarus"]),
    ("ru", "Казахстан и Узбекистан подписали соглашение о демаркации границы.", "SUPPORT", "occurred",
     ["Kazakhstan", "Uzbekistan"], []),
    ("ru", "Россия оказала Казахстану гуманитарную помощь.", "AID", "occurred", ["Russia"], ["Kazakhstan"]),
    # a negated concession is a refusal
    ("ru", "Сергей Тихановский не признал свою вину.", "REJECT", "occurred", ["Sergey Tikhanovsky"], []),
    # an expressed intention to give is an agreement
    ("ru", "Россия готова предоставить Казахстану гуманитарную помощь.", "AGREE", "occurred", ["Russia"],
     ["Kazakhstan"]),
    ("en", "Sergey Lavrov met with Wang Yi in Beijing.", "CONSULT", "occurred", ["Sergey Lavrov", "Wang Yi"], []),
    ("en", "Lavrov did not meet with Blinken.", "CONSULT", "negated", ["Sergey Lavrov", "Antony Blinken"], []),
    ("en", "The European Union will impose sanctions on Belarus.", "SANCTION", "planned", ["European Union"],
     ["Belarus"]),
    ("en", "Belarus arrested Sergei Tikhanovsky.", "COERCE", "occurred", ["Belarus"], []),
    ("en", "Lavrov accused NATO of provoking tensions.", "ACCUSE", "occurred", ["Sergey Lavrov"],
     ["NATO"]),
    ("en", "Tokayev thanked Putin for the support.", "SUPPORT", "occurred", ["Kassym-Jomart Tokayev"],
     ["Vladimir Putin"]),
    ("en", "Russia threatened Ukraine with retaliation.", "THREATEN", "occurred", ["Russia"], ["Ukraine"]),
    # failing or not managing negates the act it governs
    ("ru", "Полиции Белоруссии не удалось задержать Сергея Тихановского.", "COERCE", "negated", [],
     ["Sergey Tikhanovsky"]),
    # a failed agreement is a refusal (PLOVER)
    ("en", "Armenia failed to reach a deal with Azerbaijan.", "REJECT", "occurred", ["Armenia", "Azerbaijan"], []),
]


@pytest.mark.parametrize("lang,sentence,type_,status,first,second", CASES,
                         ids=[f"{c[0]}-{c[2]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_construction(pipeline, lang, sentence, type_, status, first, second):
    a = pipeline.process(sentence, published=RU, language=lang)
    got = [(e.type, e.status, [(x.name, x.role) for x in e.actors]) for e in a.events]
    found = [e for e in a.events if e.type == type_ and e.status == status]
    assert found, got
    ev = found[0]
    names = {x.name for x in ev.actors}
    assert set(first) <= names, got
    targets = {x.name for x in ev.actors if x.role in ("target", "participant")}
    assert set(second) <= targets, got
    if second:
        sources = {x.name for x in ev.actors if x.role in ("source", "participant")}
        assert set(first) <= sources, got


def test_phone_mode_and_each_other(pipeline):
    a = pipeline.process("Касым-Жомарт Токаев и Александр Лукашенко провели телефонный разговор и поздравили друг "
                         "друга с праздником.", published=RU)
    phone = [e for e in a.events if e.type == "CONSULT"]
    assert phone and phone[0].mode == "phone"
    support = [e for e in a.events if e.type == "SUPPORT"]
    assert support and {x.role for x in support[0].actors} == {"participant"}


@pytest.mark.parametrize("sentence", [
    "Trump's unhinged Twitter attacks have worried his allies.",  # words, not an assault
    "Reporters repeatedly asked whether Donald Trump will run again.",  # a question, not a request
    "Gormley warned of store closures this year.",  # a warning about, not a threat to anyone
    "Rasmussen released several polls on Friday.",  # polls are not prisoners
    "Kalanick on Sunday called the descriptions abhorrent.",  # "on Sunday" is no "call on"
])
def test_no_event_in_everyday_english(pipeline, sentence):
    a = pipeline.process(sentence, published=RU, language="en")
    assert a.events == [], [(e.type, [x.name for x in e.actors]) for e in a.events]


def test_no_event_without_sides(pipeline):
    a = pipeline.process("Переговоры продолжатся. Задержания продолжаются.", published=RU)
    assert a.events == []


def test_explain_says_why(pipeline):
    from letopis.events.extract import EventExtractor
    from letopis.link.kb import default_kb

    a = pipeline.process("Сергей Тихановский был задержан полицией Белоруссии. Переговоры продолжатся.", published=RU)
    lines = EventExtractor(default_kb()).explain(a)
    text = "\n".join(lines)
    assert "source_agent" in text and "target_passive_subject" in text
    assert "no event" in text  # the talks with no one named


# every lexicon entry fires --------------------------------------------------------------------------


def _ru_sentence(entry) -> str:
    from letopis.analyze.morph import analyzer

    def past(verb: str) -> str:
        p = next((p for p in analyzer().parse(verb) if p.tag.POS == "INFN"), None)
        form = p.inflect({"past", "masc", "sing"}) if p else None
        return form.word if form else verb

    words = [entry.lemma, *entry.rest]
    if entry.pos == "noun" and not entry.rest and analyzer().parse(entry.lemma)[0].tag.POS == "ADVB":
        return f"Решение министра было {entry.lemma}."  # a predicate adverb: "задержание неправомерно"
    if entry.pos == "verb" or (entry.pos == "phrase" and any(p.tag.POS == "INFN" for p in analyzer().parse(words[0]))):
        return f"Министр {past(words[0])} {' '.join(words[1:]) or 'делегацию'}."
    return f"{' '.join(words).capitalize()} состоялось вчера."


def _en_sentence(entry) -> str:
    words = [entry.lemma, *entry.rest]
    if entry.pos == "noun":
        return f"The {' '.join(words)} was reported."
    return f"The minister decided to {' '.join(words)} them."


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_lexicon_entry_is_exercised(lang):
    """Each verb, noun and phrase of the lexicon, put in a sentence, is found by the trigger finder with its
    class: a lemma that is not the analyser's normal form, or a phrase whose words cannot meet, fails here."""
    if lang == "ru":
        from letopis.analyze.russian import russian

        nlp, make = russian(), _ru_sentence
    else:
        from letopis.analyze.english import english

        nlp, make = english(), _en_sentence
    lex = lexicon(lang)
    entries = lex.entries()
    assert len(entries) > (600 if lang == "ru" else 200)
    sentences, _ = nlp.analyze("\n\n".join(make(e) for e in entries))
    assert len(sentences) >= len(entries)
    by_text = {s.text: s for s in sentences}
    missed = []
    for e in entries:
        sent = by_text.get(make(e))
        cands = find_triggers(sent, 0, lex) if sent else []
        if not any(c.frame.type == e.frame.type for c in cands):
            missed.append(f"{e.frame.name}: {e.text} ({e.pos})")
    assert len(missed) <= len(entries) // 50, missed  # the tagger may misread a few out of context


def test_every_class_is_named_once_and_typed():
    plover = {"CONSULT", "SUPPORT", "AGREE", "COOPERATE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION",
              "COERCE", "ASSAULT", "CONCEDE", "RETREAT", "AID", "MOBILIZE", "PROTEST"}
    for lang in ("ru", "en"):
        lex = lexicon(lang)
        assert {f.type for f in lex.frames.values()} == plover, lang
        assert all(f.cameo for f in lex.frames.values())
        owners: dict[tuple[str, str], set] = {}
        for e in lex.entries():
            owners.setdefault((e.pos, e.text), set()).add(e.frame)
        # a trigger may stand in two classes only when the words each needs decide ("назвал X клоуном" is an
        # accusation, "назвал X другом" praise): then every one of them needs words of its own
        shared = {k: {f.name for f in v} for k, v in owners.items() if len(v) > 1 and not all(f.needs for f in v)}
        assert not shared, "a trigger in two classes"


# one seed's events, rendered ------------------------------------------------------------------------


def render(events) -> str:
    lines = []
    for e in sorted(events, key=lambda e: (e.evidence[0].start, e.type)):
        sides = " ; ".join(f"{a.role}={a.name}" for a in e.actors)
        lines.append(f"{e.type} {e.cameo} {e.mode or '-'} {e.status} {e.date or '-'} | {sides} | "
                     f"{e.evidence[0].text[:60]}")
    return "\n".join(lines) + "\n"


def test_seed_events_render_as_golden(seed_articles):
    assert render(seed_articles["004"].events) == GOLDEN.read_text("utf-8")


# one invented sentence or more per lexicon class ------------------------------------------------------


def _cases(lang: str) -> list[dict]:
    import csv

    path = Path(__file__).parent / "data" / f"event_cases_{lang}.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _passes(pipeline, lang: str, row: dict) -> bool:
    a = pipeline.process(row["sentence"], published=RU, language=lang)
    for e in a.events:
        if e.type != row["type"] or e.status != row["status"]:
            continue
        sources = {x.name for x in e.actors if x.role in ("source", "participant", "host")}
        targets = {x.name for x in e.actors if x.role in ("target", "participant", "host")}
        if (not row["source"] or row["source"] in sources) and (not row["target"] or row["target"] in targets):
            return True
    return False


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_class_has_sentences_and_most_pass(pipeline, lang):
    """Each class of the lexicon has invented sentences (tests/data/event_cases_*.tsv) with the type, status
    and sides it should give; nearly all give them (the few that do not are listed on failure)."""
    rows = _cases(lang)
    assert {r["class"] for r in rows} == set(lexicon(lang).frames), "a class without a sentence, or a stray row"
    failed = [f"{r['class']}: {r['sentence']}" for r in rows if not _passes(pipeline, lang, r)]
    assert len(failed) <= len(rows) * 0.03, failed


def test_a_person_named_by_the_noun_that_introduced_him(pipeline):
    a = pipeline.process("Во вторник в Москве выступил экс-мэр Москвы Юрий Лужков. Вечером прокуратура обвинила "
                         "экс-мэра в превышении полномочий.", published="2010-10-05", language="ru")
    accused = [e for e in a.events if e.type == "ACCUSE"]
    assert accused and any(x.name.endswith("Luzhkov") and x.role == "target" for x in accused[0].actors), \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]
    # a noun that introduced two people names neither
    b = pipeline.process("Журналист Иван Петров и журналист Олег Сидоров приехали в Минск. Полиция задержала "
                         "журналиста.", published="2010-10-05", language="ru")
    assert not any(x.name in ("Ivan Petrov", "Oleg Sidorov") and x.role == "target" for e in b.events
                   for x in e.actors if e.type == "COERCE")


def test_a_later_sentence_dates_the_event_the_text_has_told(pipeline):
    a = pipeline.process("В аэропорту Буэнос-Айреса задержан гражданин России. По сообщению газеты, подозреваемый "
                         "направлялся во Франкфурт и был задержан ещё в воскресенье, 25 февраля 2016 года.",
                         language="ru")
    arrests = [e for e in a.events if e.type == "COERCE"]
    assert [e.date for e in arrests] == ["2016-02-25"], [(e.type, e.date) for e in a.events]


def test_a_quoted_subject_is_no_source_of_a_trigger_outside_the_quotation(pipeline):
    a = pipeline.process("«Он погиб мученической смертью, защищая республику», — заявил лидер партии Али Мохаммед, "
                         "обвинив в убийстве мятежников.", published="2017-12-05", language="ru")
    sources = {x.name for e in a.events if e.type == "ACCUSE" for x in e.actors if x.role == "source"}
    assert sources and all("Mohammed" in s or "Mokhammed" in s for s in sources), sources



def test_suspects_are_a_generic_side(pipeline):
    a = pipeline.process("Подозреваемые в нападении захватили заложника.", published="2015-01-09", language="ru")
    assert any(x.name == "Suspects" and x.role == "source" for e in a.events for x in e.actors), \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_an_office_and_its_state_name_the_person_the_text_introduced_so(pipeline):
    a = pipeline.process("Президент Молдавии Игорь Додон выступил в парламенте. Позже суд отстранил президента "
                         "Молдавии от должности.", published="2018-01-03", language="ru")
    removed = [e for e in a.events if e.type == "COERCE"]
    assert removed and any(x.name == "Igor Dodon" and x.role == "target" for x in removed[0].actors), \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_a_pronoun_stands_for_the_last_person_of_its_gender(pipeline):
    a = pipeline.process("Мария Захарова встретилась с Сергеем Лавровым. Позже она раскритиковала Евросоюз.",
                         published="2020-01-03", language="ru")
    critics = [x.name for e in a.events if e.type == "ACCUSE" for x in e.actors if x.role == "source"]
    assert critics == ["Maria Zakharova"] or critics == ["Mariya Zakharova"], \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_a_denial_answers_the_accuser_the_article_names(pipeline):
    a = pipeline.process("Прокуратура США предъявила обвинения Дмитрию Смилянцу. Смилянец заявил о своей невиновности.",
                         published="2015-07-28", language="ru")
    denials = [e for e in a.events if e.type == "REJECT"]
    assert denials and {(x.name, x.role) for x in denials[0].actors} >= {("United States", "target")}, \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_a_short_sentence_about_the_report_dates_the_event_before_it(pipeline):
    a = pipeline.process("Президент России Владимир Путин помиловал израильтянку Нааму Иссахар. Об этом говорится в "
                         "опубликованном на сайте Кремля в среду, 29 января 2020 года, указе.", language="ru")
    assert [e.date for e in a.events if e.type in ("CONCEDE", "RETREAT")] == ["2020-01-29"], \
        [(e.type, e.date) for e in a.events]


@pytest.mark.parametrize("sentence,place", [
    ("Северная Корея арестовала американца, когда он приехал в портовый город Раджин.", "Rason"),
    ("Полиция задержала двух активистов близ Минска.", "Minsk"),
    ("Пограничники задержали двух контрабандистов близ КПП Бреста.", "Brest"),
])
def test_where_an_act_happens(pipeline, sentence, place):
    a = pipeline.process(sentence, published="2012-11-05", language="ru")
    assert any(place in ((e.location or {}).get("name") or "") for e in a.events if e.type == "COERCE"), \
        [(e.type, e.location) for e in a.events]


@pytest.mark.parametrize("sentence,source,target", [
    # after a long name slovnet tags "выслало" as a noun; the dictionary knows it only as a verb
    ("Министерство иностранных дел Чехии выслало из Праги двух российских дипломатов.", "Czech Republic", "Russia"),
    # the consulate is Russia's; Warsaw is only where it is
    ("Власти Польши закрыли в Варшаве российское консульство.", "Poland", "Russia"),
    ("Власти Литвы закрыли в Вильнюсе консульство Белоруссии.", "Lithuania", "Belarus"),
])
def test_a_state_acts_on_another_states_mission(pipeline, sentence, source, target):
    a = pipeline.process(sentence, published="2021-04-20", language="ru")
    sides = [{(x.name, x.role) for x in e.actors} for e in a.events if e.type == "SANCTION"]
    assert any({(source, "source"), (target, "target")} <= s for s in sides), \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_an_arrest_and_an_expulsion_of_one_man_are_two_acts(pipeline):
    a = pipeline.process("Власти Польши задержали Ивана Петренко близ Люблина, после чего в мае 2019 года "
                         "депортировали Петренко на Украину.", language="ru")
    coerce = sorted((e.cameo, e.date) for e in a.events if e.type == "COERCE")
    assert [c[:3] for c, _ in coerce] == ["173", "174"], [(e.type, e.cameo, e.actors) for e in a.events]
    b = pipeline.process("Власти Польши задержали Ивана Петренко. Полиция Польши арестовала Петренко в Люблине.",
                         language="ru")
    assert len([e for e in b.events if e.type == "COERCE"]) == 1, [(e.type, e.evidence) for e in b.events]


def test_an_act_on_the_spot_happens_at_the_texts_one_place(pipeline):
    text = ("В городе Гродно полиция проводит операцию по поимке двух грабителей банка.\n\n"
            "Власти подтвердили, что грабители взяли заложника.\n\n"
            "Министр внутренних дел Белоруссии Иван Кубраков провёл встречу с послом Литвы.")
    a = pipeline.process(text, published="2015-01-09", language="ru")
    where = {e.type: e.location for e in a.events}
    assert (where.get("ASSAULT") or {}).get("name") == "Grodno", where
    assert (where["ASSAULT"] or {}).get("basis"), where  # carried, and marked as such
    assert where.get("CONSULT") is None, where  # a meeting is wherever the minister is
    a = pipeline.process(text.replace("Министр", "В Минске министр"), published="2015-01-09", language="ru")
    assert not any((e.location or {}).get("basis") for e in a.events), [(e.type, e.location) for e in a.events]


def test_one_abducts_people_not_data(pipeline):
    a = pipeline.process("Хакер похитил данные миллионов клиентов банка.", published="2015-07-28", language="ru")
    assert "ASSAULT" not in {e.type for e in a.events}


def test_who_tells_of_an_agreement_with_someone_is_a_side_of_it(pipeline):
    a = pipeline.process("Президент Украины Пётр Порошенко рассказал о предварительной договоренности с Россией.",
                         published="2016-06-10", language="ru")
    agreed = [e for e in a.events if e.type == "AGREE"]
    assert agreed and {x.name for x in agreed[0].actors} >= {"Petro Poroshenko", "Russia"}, \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_people_named_only_as_taking_part_in_a_protest_are_the_protesters(pipeline):
    a = pipeline.process("Полиция задержала участников марша в Москве.", published="2019-06-12", language="ru")
    assert any(x.name == "Protesters" and x.role == "target" for e in a.events if e.type == "COERCE" for x in e.actors), \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_one_word_one_role_in_a_sentence(pipeline):
    a = pipeline.process("После указа о помиловании Нетаньяху поблагодарил Путина.", published="2020-01-30",
                         language="ru")
    assert not any(x.name == "Benjamin Netanyahu" and x.role == "target" for e in a.events for x in e.actors), \
        [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_an_act_named_as_the_occasion_of_a_clause_befell_its_subject(pipeline):
    a = pipeline.process("Бывший президент Перу Алан Гарсия скончался во время задержания в Лиме.",
                         published="2019-04-17", language="ru")
    assert any(x.name.startswith("Alan Garc") for e in a.events if e.type == "COERCE"
               for x in e.actors if x.role == "target"), [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]



def test_a_trip_made_to_do_something_does_it(pipeline):
    a = pipeline.process("В августе 2008 года президент Эстонии Тоомас Хендрик Ильвес летал в Тбилиси, чтобы поддержать "
                         "Михаила Саакашвили.", published="2011-08-30", language="ru")
    assert "SUPPORT" in {e.type for e in a.events}, [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_a_bare_body_is_named_as_its_states_and_is_one_side_with_it(pipeline):
    a = pipeline.process("Сенат США обсудил договор. Сенат ратифицировал договор с Россией.", published="2010-12-22",
                         language="ru")
    got = [(e.type, {(x.name, x.role) for x in e.actors}) for e in a.events]
    assert not any(t == "CONSULT" for t, _ in got), got
    assert any(t == "SUPPORT" and ("United States Senate", "source") in sides for t, sides in got), got


def test_a_states_act_at_or_over_a_protest_is_done_to_the_protesters(pipeline):
    a = pipeline.process("В Москве на акции задержали 39 человек. СК возбудил уголовное дело в связи с акцией протеста.",
                         published="2019-07-28", language="ru")
    targets = {(e.type, x.name) for e in a.events for x in e.actors if x.role == "target"}
    assert ("ACCUSE", "Protesters") in targets, [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_a_rally_in_support_of_someone_supports_him(pipeline):
    a = pipeline.process("В Баня-Луке прошёл митинг в поддержку генерала Ратко Младича.", published="2011-05-29",
                         language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("SUPPORT", "Ratko Mladić", "target") in got and not any(t == "PROTEST" for t, _, _ in got), got


def test_a_government_that_resigns_is_its_heads_resignation(pipeline):
    a = pipeline.process("Премьер-министр Болгарии Бойко Борисов выступил в парламенте. Болгарское правительство "
                         "уходит в отставку после массовых протестов.", published="2013-02-20", language="ru")
    sources = {x.name for e in a.events if e.type == "CONCEDE" for x in e.actors if x.role == "source"}
    assert "Boyko Borisov" in sources, [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_words_after_a_lead_in_line_are_the_speakers_and_condolences_to_a_family_go_to_its_dead(pipeline):
    text = ("Смерть Алана Гарсии\n\nДействующий президент Перу Мартин Вискарра написал в Twitter:\n"
            "Подавлен кончиной бывшего президента Алана Гарсии. Мои соболезнования его семье и близким.")
    a = pipeline.process(text, published="2019-04-17", language="ru")
    assert a.quotes and a.quotes[0].speaker_name == "Martín Vizcarra"
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert {("SUPPORT", "Martín Vizcarra", "source"), ("SUPPORT", "Alan García", "target")} <= got, got


def test_a_statement_made_on_the_occasion_of_a_dated_event_takes_its_date(pipeline):
    a = pipeline.process("В четверг, 11 июля 2019 года, Алексей Навальный вышел из спецприёмника. После выхода на "
                         "свободу Навальный заявил, что задержание участников марша в Москве неправомерно.",
                         language="ru")
    accused = [e for e in a.events if e.type == "ACCUSE"]
    assert accused and accused[0].date == "2019-07-11", [(e.type, e.date) for e in a.events]



def test_warning_of_a_risk_passes_information_and_giving_oneself_up_concedes(pipeline):
    a = pipeline.process("Правительство Турции предупредило власти Бельгии о рисках, связанных с Ибрагимом Бакрауи.",
                         published="2016-03-23", language="ru")
    assert "COOPERATE" in {e.type for e in a.events} and "THREATEN" not in {e.type for e in a.events}
    b = pipeline.process("Во Франции подозреваемый Хамид Мурад сдался полиции.", published="2015-01-08", language="ru")
    assert "CONCEDE" in {e.type for e in b.events}, [(e.type, [(x.name, x.role) for x in e.actors]) for e in b.events]


def test_violence_someone_claims_another_did_is_an_accusation(pipeline):
    a = pipeline.process("Актриса Роуз Макгоуэн утверждает, что продюсер Харви Вайнштейн изнасиловал её.",
                         published="2018-05-26", language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("ACCUSE", "Harvey Weinstein", "target") in got and not any(t == "ASSAULT" for t, _, _ in got), got


def test_working_in_a_government_is_no_act_but_refusing_to_is(pipeline):
    a = pipeline.process("Синдзо Абэ работает в правительстве Дзюнъитиро Коидзуми.", published="2006-01-01", language="ru")
    assert not a.events, [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]
    b = pipeline.process("Алексей Кудрин не собирается работать в правительстве Дмитрия Медведева.",
                         published="2011-09-25", language="ru")
    assert "REJECT" in {e.type for e in b.events}


@pytest.mark.parametrize("sentence,absent", [
    # the ground of another act is its content, not an event of its own
    ("Полиция Белиза объявила о розыске Джона Макафи в связи с убийством Грегори Фолла.", "ASSAULT"),
    # a participle standing for people is an actor, not a trigger
    ("Протестующие не согласны с решением властей.", "PROTEST"),
    # no one acts, and the one acted upon would only be the state of the place
    ("Сотрудники правоохранительных органов провели обыски в трех частных домах в Бангкоке.", "COERCE"),
    ("Кроме того, США и России запрещается развёртывать ядерное оружие за пределами своей территории.", "COERCE"),
    ("Власти провели операцию, чтобы задержать подозреваемых.", "COERCE"),
    ("Янукович не обсуждал с Путиным возможность ввода российских войск на Украину.", "MOBILIZE"),
    # a possible act by a state the text does not name
    ("Если его признают виновным, ему грозит до 15 лет лишения свободы.", "ACCUSE"),
    # what one is suspected of
    ("Подозреваемые в нападении на редакцию скрылись.", "ASSAULT"),
    # a plural verb is not the singular subject's above it
    ("Она пожаловалась, что полицейские конфисковали все вещи.", "COERCE"),
])
def test_what_is_not_an_event_of_its_own(pipeline, sentence, absent):
    """The ground or content of another act, a participle standing for people, an act on a place alone, a norm,
    a purpose, a topic, a possible act of an unnamed state, what one is suspected of: no event of its type."""
    a = pipeline.process(sentence, published="2016-08-01", language="ru")
    assert absent not in {e.type for e in a.events}, [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_a_place_inside_the_one_acted_upon_is_where_not_who(pipeline):
    a = pipeline.process("Неизвестные похитили двух россиян и итальянца в Сирии.", published="2012-12-17", language="ru")
    targets = {x.name for e in a.events if e.type == "ASSAULT" for x in e.actors if x.role == "target"}
    assert "Syria" not in targets and "Russia" in targets, [(e.type, [(x.name, x.role) for x in e.actors]) for e in a.events]


def _sides(a):
    return [(e.type, e.date, [(x.name, x.role) for x in e.actors]) for e in a.events]


def test_an_unnamed_person_of_a_country_is_the_one_the_article_is_about(pipeline):
    a = pipeline.process("Белорус, обвиняемый в контрабанде, заявил о своей невиновности.\n\n"
                         "Житель Гомеля Олег Карпенко заявил о своей невиновности в суде Вильнюса. Карпенко задержали "
                         "на границе с грузом сигарет. Адвокат Карпенко считает дело сфабрикованным, сам Карпенко "
                         "отказался давать показания.", language="ru")
    deniers = {x.name for e in a.events if e.type == "REJECT" for x in e.actors if x.role == "source"}
    assert deniers == {"Oleg Karpenko"}, _sides(a)
    # a man's noun does not stand for a woman
    b = pipeline.process("Литовец был выслан из страны. Гражданку Литвы Ирину Ковальчик задержали в Минске. Ирину "
                         "Ковальчик обвиняют в шпионаже, Ковальчик вину отрицает.", language="ru")
    assert not any(x.name.startswith("Irina") for e in b.events if e.type in ("COERCE", "SANCTION")
                   and "выслан" in e.evidence[0].text for x in e.actors), _sides(b)


def test_the_subject_after_a_how_reported_clause_is_the_main_verbs(pipeline):
    a = pipeline.process("Как сообщила прокуратура Литвы, министр обороны Эстонии Пауль Ранд был задержан в Вильнюсе.",
                         published="2021-03-02", language="ru")
    assert any(x.name == "Paul Rand" and x.role == "target" for e in a.events if e.type == "COERCE"
               for x in e.actors), _sides(a)


def test_the_subject_of_coordinated_verbs_is_each_ones(pipeline):
    a = pipeline.process("Режиссёр Томас Вейр сдался полиции Дублина и был задержан.", published="2019-05-03",
                         language="ru")
    assert any(x.name.startswith("Thomas ") and x.role == "target" for e in a.events if e.type == "COERCE"
               for x in e.actors), _sides(a)


def test_an_occasion_dated_further_on_dates_the_event(pipeline):
    a = pipeline.process("Режиссёра Томаса Вейра отпустили под залог в день его задержания. Вейра задержали "
                         "3 мая 2019 года в Дублине.", language="ru")
    released = [e for e in a.events if e.type == "RETREAT"]
    assert released and released[0].date == "2019-05-03", _sides(a)


def test_a_signed_document_is_its_signers_act_and_a_quoted_phrase_ends_at_its_quote(pipeline):
    a = pipeline.process("Президент Молдавии Игорь Додон 5 мая подписал указ «О досрочном прекращении полномочий "
                         "министра обороны Виктора Гайчука», с формулировкой «в связи с утратой доверия президента "
                         "страны».", published="2018-05-07", language="ru")
    fired = [e for e in a.events if e.type == "COERCE"]
    assert fired and {x.name for x in fired[0].actors if x.role == "source"} == {"Igor Dodon"}, _sides(a)
    assert all(x.name.startswith("Viktor") for x in fired[0].actors if x.role == "target"), _sides(a)


def test_thanks_sent_in_a_telegram_go_to_its_addressee_and_what_one_is_thanked_for_is_no_event(pipeline):
    a = pipeline.process("Президент Чили Габриэль Борич также направил телеграмму Луису Арсе с благодарностью за "
                         "многолетнее сотрудничество.", published="2022-04-19", language="ru")
    assert [(e.type, [x.name[:6] for x in e.actors if x.role == "target"]) for e in a.events] == \
        [("SUPPORT", ["Luis A"])], _sides(a)


def test_an_object_put_first_leaves_the_subject_after_the_verb(pipeline):
    a = pipeline.process("Кандидатуру 45-летней Марии Сидоренко поддержало межпартийное большинство парламента "
                         "Молдавии.", published="2020-01-22", language="ru")
    supports = [e for e in a.events if e.type == "SUPPORT"]
    assert supports and "Moldova" in {x.name for x in supports[0].actors if x.role == "source"}, _sides(a)


@pytest.mark.parametrize("lang,sentence,type_", [
    ("ru", "Президент Франции Эмманюэль Макрон посетил могилу Шарля Азнавура в знак уважения к певцу.", "SUPPORT"),
    ("ru", "Депутаты фракции «Родина» покинули зал заседаний Госдумы в знак протеста.", "PROTEST"),
    ("en", "Prime Minister Justin Trudeau visited President Joe Biden as a sign of solidarity.", "SUPPORT"),
])
def test_an_act_done_as_a_sign_of_something_is_that(pipeline, lang, sentence, type_):
    a = pipeline.process(sentence, published="2021-05-01", language=lang)
    assert type_ in {e.type for e in a.events}, _sides(a)


def test_a_wrong_claimed_after_a_gerund_of_saying_is_the_claimants_accusation(pipeline):
    a = pipeline.process("В интервью газете Олег Карпенко настаивает на своей невиновности, утверждая, что полиция "
                         "Литвы сфабриковала уголовное дело, и заявлял, что в тюрьме его могут убить: «в этом нет "
                         "никаких сомнений».", published="2021-05-01", language="ru")
    accused = [e for e in a.events if e.type == "ACCUSE" and e.status == "occurred"]
    assert accused and {x.name for x in accused[0].actors if x.role == "source"} == {"Oleg Karpenko"}, _sides(a)


def test_people_detained_right_after_a_protest_is_told_are_its_protesters(pipeline):
    a = pipeline.process("Власти Минска не согласовали шествие оппозиции и разогнали вышедших на акцию.\n\n"
                         "Милиционеры задержали более 200 человек.", published="2021-05-01", language="ru")
    held = [e for e in a.events if e.type == "COERCE"]
    assert held and "Protesters" in {x.name for x in held[0].actors if x.role == "target"}, _sides(a)


def test_the_victim_of_a_case_told_only_as_its_ground_is_named_by_role(pipeline):
    a = pipeline.process("Российская прокуратура обратилась в московский суд с просьбой ограничить свободу Олега Карпенко за избиение "
                         "своего соседа — Игоря Макаренко.\n\nИнтересно, что сам пострадавший попросил суд не "
                         "наказывать обвиняемого.", published="2013-06-28", language="ru")
    asked = {x.name for e in a.events if e.type == "REQUEST" for x in e.actors if x.role == "source"}
    assert "Igor Makarenko" in asked, _sides(a)



@pytest.mark.parametrize("lang,sentence", [
    ("en", "Finance Minister Anna Berg agreed."),
    ("en", "Rates on loans could fall further this year, the central bank's economist Jan Olsen doesn't rule out."),
    ("en", "The decline will stop by winter, agrees the chief analyst of Nordea, Jan Olsen."),
    ("ru", "Министр финансов Эстонии Яан Тамм не исключил, что ставки снизятся."),
    ("en", "The Republicans propose spending another $1 trillion to support the economy of the United States."),
    ("ru", "Правительство Казахстана выделит средства, чтобы поддержать экономику страны."),
    ("en", "A four-year-old boy was injured in a car accident near Volgograd."),
    ("ru", "Два человека погибли в ДТП под Ярославлем."),
    ("en", "India declared a public health emergency over the pollution in Delhi."),
])
def test_assent_views_accidents_and_propped_up_economies_are_no_events(pipeline, lang, sentence):
    a = pipeline.process(sentence, published="2020-07-30", language=lang)
    assert not a.events, _sides(a)


def test_two_sides_that_agree_on_a_view_still_agree(pipeline):
    a = pipeline.process("Senior Hungarian and Romanian officials agreed on Wednesday that their countries should "
                         "cooperate.", published="1990-03-21", language="en")
    assert [e.type for e in a.events] == ["AGREE"], _sides(a)


def test_saying_there_was_nothing_unlawful_is_a_denial(pipeline):
    a = pipeline.process("Президент Перу Ольянта Умала заявил, что подобное перераспределение фондов является "
                         "обычной практикой, в которой нет ничего противозаконного.", published="2016-04-12",
                         language="ru")
    assert [e.type for e in a.events] == ["REJECT"] and a.events[0].actors[0].role == "source", _sides(a)


def test_a_subject_pronoun_carries_on_the_last_sentences_subject(pipeline):
    a = pipeline.process("Сенатор Джон Смит убедил президента Грузии Михаила Саакашвили провести выборы. Ранее он "
                         "также встретился с президентом Армении Сержем Саргсяном.", published="2012-12-21",
                         language="ru")
    met = [e for e in a.events if e.type == "CONSULT"]
    assert met and "John Smith" in {x.name for x in met[0].actors}, _sides(a)


def test_a_refusal_answers_whose_proposal_the_sentence_names(pipeline):
    a = pipeline.process("Глава МИД Литвы Габриэлюс Ландсбергис пригласил Светлану Тихановскую в Вильнюс. "
                         "Предложение Ландсбергиса стало неожиданностью для Тихановской, и сначала она ответила отказом.",
                         published="2020-08-20", language="ru")
    refused = [e for e in a.events if e.type == "REJECT"]
    assert refused and [x.role for x in refused[0].actors] == ["source", "target"], _sides(a)
    assert refused[0].actors[0].name.startswith("Svetlana"), _sides(a)


def test_a_dated_mention_of_an_act_dates_the_last_one_told(pipeline):
    a = pipeline.process("Власти Польши 10 марта выслали из страны дипломата посольства Белоруссии. В ответ "
                         "Белоруссия также выслала сотрудника посольства Польши. Высылка была затребована 14 марта.",
                         language="ru")
    dates = [(e.actors[0].name, e.date) for e in a.events if e.type == "SANCTION"]
    assert dates == [("Poland", "XXXX-03-10"), ("Belarus", "XXXX-03-14")], _sides(a)


def test_a_name_after_an_office_is_its_holder_though_the_parser_hangs_it_further(pipeline):
    a = pipeline.process("Глава Социалистической партии Молдавии Игорь Додон, утвержденный 23 декабря 2016 года "
                         "парламентом на пост президента страны, сформировал свою администрацию.", language="ru")
    chosen = [e for e in a.events if e.type == "SUPPORT"]
    assert chosen and "Igor Dodon" in {x.name for x in chosen[0].actors if x.role == "target"}, _sides(a)


def test_a_prize_received_is_awarded_by_its_body_on_the_day_told(pipeline):
    a = pipeline.process("Премию Сахарова в 2020 году получила белорусская оппозиция, объявлено в четверг, "
                         "22 октября 2020 года, в Брюсселе. Премия присуждается тем, кто защищает права человека.",
                         language="ru")
    won = [e for e in a.events if e.type == "SUPPORT"]
    assert len(won) == 1 and won[0].date == "2020-10-22", _sides(a)
    assert [x.name for x in won[0].actors if x.role == "source"] == ["European Parliament"], _sides(a)


def test_a_pronoun_under_a_main_clause_about_someone_unnamed_is_not_the_last_name(pipeline):
    a = pipeline.process("Реджеп Тайип Эрдоган\n\nОдин из террористов был задержан в Турции и депортирован в Европу, "
                         "где его отпустили на свободу.", published="2016-03-23", language="ru")
    assert not any(x.name.startswith("Recep") for e in a.events for x in e.actors if x.role == "target"), _sides(a)


def test_a_relative_named_by_kinship_is_the_family_member_the_article_names(pipeline):
    a = pipeline.process("Ирина Ковальчук родилась в Гомеле. Её муж Андрей Ковальчук возглавлял оппозиционную "
                         "партию. В 2010 году ее муж был застрелен солдатами в аэропорту Минска.", language="ru")
    shot = [e for e in a.events if e.type == "ASSAULT"]
    assert shot and "Andrey Kovalchuk" in {x.name for x in shot[0].actors if x.role == "target"}, _sides(a)


def test_people_hurt_during_protests_are_the_protesters_hurt_by_the_state(pipeline):
    a = pipeline.process("В Минске в ходе демонстраций, проходивших в понедельник, были ранены 28 человек, в том числе "
                         "пять милиционеров.", published="2020-08-11", language="ru")
    hurt = [e for e in a.events if e.type == "ASSAULT"]
    assert hurt and [(x.name, x.role) for x in hurt[0].actors] == [("Belarus", "source"), ("Protesters", "target")], \
        _sides(a)


def test_a_coordinated_passive_shares_the_subject_and_an_initialled_agent_acts(pipeline):
    a = pipeline.process("Он представлял Литву на переговорах, но был отстранен от этого поста Г.Науседой.\n\n"
                         "Министр обороны Литвы Арвидас Анушаускас представлял Литву на переговорах, но был отстранен "
                         "от этого поста Г.Науседой.", published="2021-05-01", language="ru")
    fired = [e for e in a.events if e.type == "COERCE" and "Anušauskas" in " ".join(x.name for x in e.actors)
             or e.type == "COERCE" and "Arvidas" in " ".join(x.name for x in e.actors)]
    assert fired and all(x.role == "target" for x in fired[0].actors if x.name.startswith("Arvidas")), _sides(a)
    assert any(x.role == "source" and "Nause" in x.name for x in fired[0].actors), _sides(a)


def test_a_bare_supreme_court_is_the_texts_states(pipeline):
    a = pipeline.process("Лидер венесуэльской оппозиции Хуан Гуайдо выступил в Каракасе. Гуайдо призвал Верховный "
                         "суд вынести постановление по этому вопросу.", published="2019-02-01", language="ru")
    asked = [e for e in a.events if e.type == "REQUEST"]
    assert asked and "Venezuela" in {x.name for x in asked[0].actors if x.role == "target"}, _sides(a)


@pytest.mark.parametrize("sentence", [
    "Coach Eddie Jones applauded Bushell's resolve after the match.",
    "Liverpool backed to win the Premier League title as Cafu hails Roberto Firmino.",
    "The Spanish side agreed a deal with the club for the striker.",
    "Drag Race judge Visage but Bushell praised the performance.",
])
def test_english_acts_of_no_political_actor_are_no_events(pipeline, sentence):
    a = pipeline.process(sentence, published="2019-11-01", language="en")
    assert not a.events, _sides(a)


@pytest.mark.parametrize("sentence,type_", [
    ("Arab League Secretary General Chadli Klibi urged the European Community to support the PLO.", "REQUEST"),
    ("The prime minister wrote to Corbyn on Monday, accusing the Labour leader of failing to make his policy clear.",
     "ACCUSE"),
    ("Interior Minister Rehman Malik allowed opposition leader Imran Khan to hold a rally in Islamabad.", "CONCEDE"),
])
def test_english_offices_and_bodies_keep_their_events(pipeline, sentence, type_):
    a = pipeline.process(sentence, published="1990-11-01", language="en")
    assert type_ in {e.type for e in a.events}, _sides(a)


@pytest.mark.parametrize("sentence", [
    "Taylor Swift's first six albums were released by Big Machine.",
    "The Associated Press contributed to this report.",
    "The Prime Minister is accused of trying to hijack Brexit.",
])
def test_english_acts_on_things_are_no_events(pipeline, sentence):
    a = pipeline.process(sentence, published="2019-11-01", language="en")
    assert not any(e.type in ("RETREAT", "AID", "ASSAULT") for e in a.events), _sides(a)


@pytest.mark.parametrize("sentence", [
    "The goal gave top-ranked France a 2-1 victory in Group A over Germany's Chancellor Angela Merkel's favourites.",
    "Prime Minister Narendra Modi called the Supreme Court decision on the Essar Steel case a landmark judgment.",
])
def test_english_particles_are_the_verbs_own(pipeline, sentence):
    a = pipeline.process(sentence, published="2019-11-01", language="en")
    assert not any(e.type in ("CONCEDE", "REQUEST") for e in a.events), _sides(a)


def test_a_friendly_act_wanted_is_only_planned_and_a_hostile_one_tried_is_done(pipeline):
    a = pipeline.process("Prime Minister Boris Johnson wanted to strike a trade deal with the European Union.",
                         published="2019-01-01", language="en")
    assert [(e.type, e.status) for e in a.events] == [("AGREE", "planned")], _sides(a)


@pytest.mark.parametrize("sentence", [
    "Police spokesman John Tse again insisted that police were not at fault.",
    "Senator Dan Castor asked Morrison about concerns he had raised.",
    "Prime Minister Boris Johnson is trying to appeal to both leavers and remainers.",
])
def test_english_saying_and_asking_about_are_no_requests(pipeline, sentence):
    a = pipeline.process(sentence, published="2019-11-01", language="en")
    assert not any(e.type == "REQUEST" for e in a.events), _sides(a)


def test_english_visit_to_a_private_person_is_no_diplomacy(pipeline):
    a = pipeline.process("President Donald Trump visited his local doctor Sean Conley on Saturday.",
                         published="2019-11-16", language="en")
    assert not any(e.type == "CONSULT" for e in a.events), _sides(a)
    b = pipeline.process("President Donald Trump visited President Emmanuel Macron in Paris on Saturday.",
                         published="2019-11-16", language="en")
    assert any(e.type == "CONSULT" for e in b.events), _sides(b)


def test_a_trigger_word_inside_a_name_is_no_act(pipeline):
    a = pipeline.process("Комитет защиты журналистов выступил с заявлением в Нью-Йорке.", published="2021-05-01",
                         language="ru")
    assert not any(e.type == "SUPPORT" for e in a.events), _sides(a)


def test_a_headline_naming_a_state_is_one_report_with_the_text_naming_its_minister(pipeline):
    a = pipeline.process("Министр финансов Болгарии Иван Петров ушел в отставку из-за протестов.",
                         title="Министр финансов Болгарии ушел в отставку из-за протестов", language="ru")
    assert [(e.type, len(e.evidence)) for e in a.events] == [("CONCEDE", 2)], _sides(a)
    assert {x.name for x in a.events[0].actors if x.role == "source"} == {"Ivan Petrov"}, _sides(a)


@pytest.mark.parametrize("sentence,absent", [
    # a passive participle describing a thing tells what it is
    ("Музей показал образцы оружия, захваченные у солдат вермахта под Ленинградом.", "COERCE"),
    # a conjunct of the action refused is refused too
    ("Янез Янша отказался признать обвинения и уйти в отставку, несмотря на протесты.", "CONCEDE"),
    # a dismissal at one's own request or for age is no coercion
    ("Министр экономики Калининградской области Вадим Амстель освобожден от должности по собственному желанию.",
     "COERCE"),
    ("Начальник ГРУ Александр Шляхтуров уволен с военной службы в связи с достижением предельного возраста.",
     "COERCE"),
    # discharge to the reserve, evidence collected, a celebration, a metaphor
    ("Главнокомандующий Сухопутными войсками генерал армии Владимир Болдырев уволен в запас.", "COERCE"),
    ("При осмотре места преступления следователями изъяты гильзы калибра девять миллиметров.", "COERCE"),
    ("Жители столицы страны, Каракаса, вышли на улицы, чтобы отпраздновать победу Мадуро.", "PROTEST"),
    ("Венесуэла продолжит свой марш навстречу социализму.", "PROTEST"),
    # a march in someone's memory; one's health is no grievance
    ("Тысячи человек прошли маршем в Вильнюсе в память о погибших защитниках телебашни.", "PROTEST"),
    ("Министр финансов Франции пожаловался журналистам на усталость и боли в спине.", "ACCUSE"),
    # hopes not met, a contest lost, an accident
    ("Правительство не оправдало надежд избирателей.", "CONCEDE"),
    ("Правительство не оправдало надежд избирателей.", "REJECT"),
    ("В 2011 году Кейко Фухимори уступила пост президента Ольянте Умале во втором туре.", "CONCEDE"),
    ("Жителя Ростовской области убило током во время грозы.", "ASSAULT"),
    # an act told before, referred to by its noun and a pronoun
    ("Его увольнение вносит путаницу в планы по смене власти.", "COERCE"),
    # what a law is about
    ("Госдума приняла во втором чтении поправки к закону о митингах.", "PROTEST"),
    ("Сенаторы внесли законопроект о санкциях против Венесуэлы.", "SANCTION"),
])
def test_descriptions_refusals_and_departures_are_no_such_events(pipeline, sentence, absent):
    a = pipeline.process(sentence, published="2016-05-10", language="ru")
    assert absent not in {e.type for e in a.events}, _sides(a)


def test_a_wound_told_without_the_attacker_names_no_state_as_attacker(pipeline):
    a = pipeline.process("Мэр Харькова Геннадий Кернес получил тяжёлое огнестрельное ранение.", published="2014-04-28",
                         language="ru")
    assert not [x for e in a.events for x in e.actors if x.role == "source"], _sides(a)


@pytest.mark.parametrize("sentence,type_,date", [
    # a time in a relative or participial clause about something else is not the event's
    ("Полиция Испании задержала Дмитрия Фирташа, который 12 марта 2014 года был арестован в Вене.", "COERCE", None),
    ("11 марта Дидье Буркхальтер призвал Россию не признавать референдум, который должен состояться 16 марта.",
     "REQUEST", "XXXX-03-11"),
    # nor a year of birth
    ("Трое неизвестных напали на дочь бойца Марию, 1999 г. р.", "ASSAULT", None),
])
def test_the_time_of_another_clause_or_a_birth_year_dates_no_event(pipeline, sentence, type_, date):
    a = pipeline.process(sentence, language="ru")
    assert (type_, date) in {(e.type, e.date) for e in a.events}, _sides(a)


def test_a_relative_named_after_whose_relative_she_is_is_the_one_acted_upon(pipeline):
    a = pipeline.process("Парламент избрал дочь президента Нурсултана Назарбаева Даригу председателем сената.",
                         published="2016-05-10", language="ru")
    targets = {x.name for e in a.events for x in e.actors if x.role == "target"}
    assert targets == {"Dariga Nazarbayeva"}, _sides(a)


def test_a_common_surname_alone_is_no_foreign_office_holder_of_a_country_the_text_does_not_name(pipeline):
    a = pipeline.process("Полиция задержала Вадима Полякова, а Иванов отказался от комментариев.",
                         published="2013-05-10", language="ru")
    names = {m.text: m.entity_name for m in a.mentions if m.type == "PER"}
    assert names["Иванов"] == "Ivanov", names
    b = pipeline.process("Македония: Иванов отказался подписать закон.", published="2013-05-10", language="ru")
    assert [m.entity_name for m in b.mentions if m.type == "PER"] == ["Gjorge Ivanov"], b.mentions


def test_a_quarrel_between_two_private_people_is_no_political_event(pipeline):
    a = pipeline.process("Актер Мел Гибсон и Оксана Григорьева договорились об опеке над дочерью.",
                         published="2011-03-10", language="ru")
    assert not a.events, _sides(a)
    b = pipeline.process("Министр финансов Болгарии Иван Петров и Оксана Григорьева договорились о сотрудничестве.",
                         published="2011-03-10", language="ru")
    assert "AGREE" in {e.type for e in b.events}, _sides(b)


def test_a_voluntary_departure_said_in_the_sentence_before_blocks_the_dismissal(pipeline):
    a = pipeline.process("Министр экономики области Вадим Амстель ушел по собственному желанию. По словам собеседника, "
                         "от должности он освобожден указом губернатора с 20 июня.", published="2011-06-21",
                         language="ru")
    assert "COERCE" not in {e.type for e in a.events}, _sides(a)


def test_a_person_named_by_sex_is_the_one_the_article_is_about(pipeline):
    text = ("Парламент Греции 22 января 2020 года избрал президентом женщину. Екатерина Сакелларопулу возглавляла "
            "Государственный совет. Сакелларопулу получила 261 голос. Сакелларопулу вступит в должность в марте.")
    a = pipeline.process(text, language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("SUPPORT", "Katerina Sakellaropoulou", "target") in got or \
        ("SUPPORT", "Yekaterina Sakellaropoulou", "target") in got, got


@pytest.mark.parametrize("sentence,source,target", [
    # a possessive pronoun on an event noun is the one acted upon; the body deciding the question is its doer
    (("Президент Бразилии Дилма Руссефф борется за свою должность, в то время как Палата депутатов в воскресенье "
      "будет решать вопрос об её импичменте."), "Палата депутатов", "Dilma Rousseff"),
    ("Сенат США рассмотрит вопрос об импичменте президента Дональда Трампа.", "United States Senate", "Donald Trump"),
])
def test_a_question_a_body_will_decide_is_its_planned_act_on_whom_the_pronoun_names(pipeline, sentence, source, target):
    a = pipeline.process(sentence, published="2016-04-15", language="ru")
    got = {(e.status, x.name, x.role) for e in a.events for x in e.actors}  # not done yet: planned or only considered
    assert {("planned", target, "target"), ("hypothetical", target, "target")} & got and \
        any(n == source and r == "source" for _, n, r in got), _sides(a)


def test_a_states_request_with_no_addressee_goes_to_the_one_other_state_named(pipeline):
    a = pipeline.process("Поскольку между США и Таиландом существует договор об экстрадиции, американские власти "
                         "затребовали выдачи преступника.", published="2017-07-20", language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("REQUEST", "United States", "source") in got and ("REQUEST", "Thailand", "target") in got, got
    b = pipeline.process("В случае с Россией Милош Земан настаивает на кандидатуре Владимира Ремека.",
                         published="2013-02-20", language="ru")
    assert not [e for e in b.events if e.type == "REQUEST" and any(x.name == "Russia" for x in e.actors)], _sides(b)


def test_the_accused_after_the_accusations_genitive_and_a_group_after_a_hyphen(pipeline):
    a = pipeline.process("Лидер партии Файка аль-Саид обвинил в убийстве Салеха мятежников-хути.",
                         published="2017-12-05", language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("ACCUSE", "Houthis", "target") in got, got


def test_an_undated_text_names_the_holder_of_an_office_on_its_latest_date(pipeline):
    a = pipeline.process("В среду, 7 января 2015 года, в Париже произошло нападение. Министр внутренних дел Франции "
                         "Бернар Казнев выступил с заявлением после срочной встречи с президентом Франции.",
                         language="ru")
    got = {x.name for e in a.events if e.type == "CONSULT" for x in e.actors}
    assert "François Hollande" in got or "Francois Hollande" in got, _sides(a)


def test_the_doers_of_an_operation_do_the_act_it_is_for(pipeline):
    a = pipeline.process("Полиция Белоруссии провела операцию по задержанию Сергея Тихановского.",
                         published="2020-05-29", language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("COERCE", "Belarus", "source") in got and ("COERCE", "Sergey Tikhanovsky", "target") in got, got


def test_the_victim_of_the_crime_a_case_is_about_is_not_the_accused(pipeline):
    a = pipeline.process("Полиция Перу начала расследование убийства Алана Гарсии.", published="2019-04-20",
                         language="ru")
    targets = {x.name for e in a.events if e.type == "ACCUSE" for x in e.actors if x.role == "target"}
    assert not targets, _sides(a)


@pytest.mark.parametrize("sentence,source,target", [
    # a noun of force names its doer by a country adjective
    ("Американские санкции против России вступили в силу.", "United States", "Russia"),
    # and one who died as its result underwent it
    ("Лидер оппозиции Иван Петров погиб в результате американского авиаудара.", "United States", "Ivan Petrov"),
])
def test_a_country_adjective_names_the_doer_of_a_noun_of_force(pipeline, sentence, source, target):
    a = pipeline.process(sentence, published="2018-06-15", language="ru")
    got = {(x.name, x.role) for e in a.events for x in e.actors}
    assert (source, "source") in got and (target, "target") in got, _sides(a)


def test_names_of_condemnation_and_the_maker_of_what_is_condemned(pipeline):
    a = pipeline.process("Михаил Прохоров назвал принятый Госдумой закон «абсолютно аморальным».",
                         published="2012-12-20", language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("ACCUSE", "Mikhail Prokhorov", "source") in got and any(
        t == "ACCUSE" and r == "target" for t, _, r in got), got
    b = pipeline.process("Михаил Прохоров обратился в Генеральную прокуратуру России с запросом о проверке.",
                         published="2012-12-20", language="ru")
    assert "REQUEST" in {e.type for e in b.events}, _sides(b)


def test_what_the_law_says_happens_on_a_condition_is_no_event(pipeline):
    a = pipeline.process("Согласно Конституции Молдавии, если президент дважды отказывается утвердить кандидатуры "
                         "членов правительства, парламент может его отстранить.", published="2017-10-20", language="ru")
    assert not a.events, _sides(a)


def test_a_relative_clause_the_parse_left_unattached_qualifies_the_name_before_it(pipeline):
    a = pipeline.process("Шевчук опередил во втором туре нынешнего спикера Анатолия Каминского, которого, в качестве "
                         "кандидата в президенты, поддержал «российский тандем».", published="2011-12-26",
                         language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    assert ("SUPPORT", "Anatoly Kaminsky", "target") in got, got


def test_requests_to_two_bodies_of_one_state_are_two_events(pipeline):
    a = pipeline.process("Лидер оппозиции Белоруссии Светлана Тихановская потребовала от правительства Белоруссии "
                         "провести новые выборы. Тихановская также призвала Верховный суд Белоруссии отменить приговор.",
                         published="2020-11-05", language="ru")
    requests = [{x.name for x in e.actors if x.role == "target"} for e in a.events if e.type == "REQUEST"]
    assert len(requests) == 2, _sides(a)  # the court is the object, though slovnet reads it as a second subject
    assert any("Supreme Court of Belarus" in t and "Government of Belarus" not in t for t in requests), _sides(a)


def test_an_abbreviation_given_in_parentheses_names_the_organisation_after(pipeline):
    a = pipeline.process("Высший совет магистратуры Молдовы (ВСМ) отстранил судью от должности. Глава государства "
                         "раскритиковал решение ВСМ.", published="2019-11-05", language="ru")
    orgs = {m.text: m.entity_id for m in a.mentions if m.type == "ORG"}
    assert orgs.get("ВСМ") == orgs.get("Высший совет магистратуры Молдовы"), orgs


def test_a_man_named_by_his_post_in_an_organisation_is_not_the_organisation(pipeline):
    a = pipeline.process("Президент Казахстана уволил начальника Департамента полиции Алматы.", published="2022-01-10",
                         language="ru")
    targets = {x.name for e in a.events for x in e.actors if x.role == "target"}
    assert not any("Департамент" in t or "Department" in t for t in targets), _sides(a)
    b = pipeline.process("МИД России вызвал посла Эстонии.", published="2022-01-10", language="ru")
    assert "Estonia" in {x.name for e in b.events for x in e.actors if x.role == "target"}, _sides(b)


def test_a_subject_pronoun_carries_on_a_body_that_was_the_last_subject(pipeline):
    a = pipeline.process("В воскресенье Белый дом сообщил о смерти бывшего премьер-министра Японии Синдзо Абэ. "
                         "Он назвал его «настоящим другом Америки».", published="2022-07-10", language="ru")
    assert [{(x.name, x.role) for x in e.actors} >= {("White House", "source"), ("Shinzo Abe", "target")}
            for e in a.events if e.type == "SUPPORT"] == [True], _sides(a)


def test_a_court_named_after_an_adjective_is_the_subject_not_the_adjectives_city(pipeline):
    a = pipeline.process("В среду Гаагский Международный трибунал по бывшей Югославии приговорил Радована Караджича "
                         "к 40 годам заключения.", published="2016-03-24", language="ru")
    sources = {x.name for e in a.events for x in e.actors if x.role == "source"}
    assert "International Criminal Tribunal for the former Yugoslavia" in sources and "Netherlands" not in sources, \
        _sides(a)


def test_the_president_of_the_country_named_after_his_title_is_only_he(pipeline):
    a = pipeline.process("Военные объявили, что взяли под стражу президента страны Роберта Мугабе и его жену.",
                         published="2017-11-15", language="ru")
    targets = {x.name for e in a.events for x in e.actors if x.role == "target"}
    assert "Robert Mugabe" in targets and "Emmerson Mnangagwa" not in targets, _sides(a)


def test_the_place_of_a_crime_charged_is_not_the_state_that_charges(pipeline):
    a = pipeline.process("Федеральный суд Нью-Йорка рассмотрел дело. В связи с нападениями, которые планировались во "
                         "Франции, Джону Смиту предъявлено обвинение в сговоре.", published="2015-03-18", language="ru")
    sources = {x.name for e in a.events if e.type == "ACCUSE" for x in e.actors if x.role == "source"}
    assert "France" not in sources, _sides(a)


def test_violence_told_without_its_doer_is_blamed_on_whom_an_accusation_names(pipeline):
    a = pipeline.process("Бывший президент Ливии Муаммар Каддафи был убит. Об этом заявил лидер Переходного "
                         "национального совета Мустафа Абдель Джалиль, обвинив в убийстве Каддафи боевиков-хути.",
                         published="2011-10-20", language="ru")
    got = {(e.type, x.name, x.role) for e in a.events for x in e.actors}
    # the object slovnet makes the gerund's complement is its object, and the one accused did the killing
    assert {("ACCUSE", "Houthis", "target"), ("ASSAULT", "Houthis", "source")} <= got, _sides(a)


def test_on_the_territory_of_a_state_names_where_and_another_one_is_not_the_one_named(pipeline):
    a = pipeline.process("Президент Украины подписал указ. На территории Грузии Саакашвили был заочно арестован.",
                         published="2018-01-05", language="ru")
    assert {x.name for e in a.events for x in e.actors if x.role == "source"} == {"Georgia"}, _sides(a)
    b = pipeline.process("Кувейтский суд приговорил оппозиционного активиста Рашида аль-Энези к двум годам тюрьмы. "
                         "Ещё один активист был оправдан.", published="2013-04-15", language="ru")
    assert not [e for e in b.events if e.type == "CONCEDE"], _sides(b)  # not al-Enezi


def test_a_leaders_administration_is_the_state_he_governs(pipeline):
    a = pipeline.process("Администрация президента США Барака Обамы призвала сенат ратифицировать договор.",
                         published="2010-12-20", language="ru")
    assert {x.name for e in a.events for x in e.actors if x.role == "source"} == {"United States"}, _sides(a)


def test_one_act_told_in_two_sentences_takes_each_ones_named_side_and_the_lenders_date(pipeline):
    a = pipeline.process("Сейм Литвы 12 марта 2024 года избрал председателем комиссии женщину. Кандидатуру "
                         "Ингриды Шимоните поддержало большинство депутатов.", language="ru")
    backed = [e for e in a.events if e.type == "SUPPORT" and any(x.role == "target" for x in e.actors)]
    assert backed and backed[0].date == "2024-03-12", _sides(a)
    assert "Lithuania" in {x.name for x in backed[0].actors if x.role == "source"}, _sides(a)
    assert any(x.name.startswith("Ingrida") for x in backed[0].actors if x.role == "target"), _sides(a)


def test_a_pronoun_borrows_no_side_from_another_report(pipeline):
    a = pipeline.process("Игорь Юсуфов отказался от должности. Затем обсуждали Станислава Цыганкова и Юрия "
                         "Комарова. Оба они также отказались возглавить ОПЕК.", language="ru")
    assert not [e for e in a.events if e.type == "REJECT" and any(x.name == "Igor Yusufov" for x in e.actors)
                and any(x.name == "OPEC" for x in e.actors)], _sides(a)


@pytest.mark.parametrize("sentence", [
    "Emirates has added a new feature on its app called Airport Maps.",
    "The government started a job programme for young people called N-Power.",
])
def test_a_particle_before_its_verb_makes_no_phrasal_verb(pipeline, sentence):
    a = pipeline.process(sentence, language="en")
    assert not [e for e in a.events if e.type == "REQUEST"], _sides(a)
