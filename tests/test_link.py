from letopis.link.names import person_nominative, transliterate


def test_inflected_names_to_nominative():
    assert person_nominative("Касым-Жомарту Токаеву") == "Касым-Жомарт Токаев"
    assert person_nominative("Михаилом Мишустиным") == "Михаил Мишустин"
    assert person_nominative("Анной Петровой") == "Анна Петрова"


def test_bgn_transliteration():
    assert transliterate("Владислав Воднев") == "Vladislav Vodnev"
    assert transliterate("Елена Соловьёва") == "Yelena Solov'yova".replace("'", "")


def test_seed_persons_linked(seed_articles):
    names = {m.entity_name for m in seed_articles["001"].mentions if m.type == "PER"}
    assert {"Kassym-Jomart Tokayev", "Sergey Lavrov", "Vladimir Putin", "Yuri Gagarin"} <= names
    photographer = {m.entity_name for m in seed_articles["004"].mentions if m.type == "PER"}
    assert not any("Vodnev" in n for n in photographer)


def test_title_resolved_by_date(seed_articles):
    a = seed_articles["003"]
    heads = [e for e in a.events if e.type == "CONSULT" and e.date == "2021-08-18"]
    assert heads and {x.name for x in heads[0].actors} == {"Askar Mamin", "Mikhail Mishustin"}


def test_english_persons_corrected_by_kb(seed_articles):
    per = {m.entity_name for m in seed_articles["002"].mentions if m.type == "PER"}
    assert {"Nikol Pashinyan", "Alexander Lukashenko", "Emomali Rahmon", "Kassym-Jomart Tokayev"} <= per
    assert not any("Armenia" in m.text for m in seed_articles["002"].mentions if m.type == "PER")
