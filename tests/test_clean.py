from letopis.clean import clean_text
from letopis.clean.rules import line_rules
from letopis.link.kb import default_kb


def decide(line, lang="ru"):
    return next((r for rule in line_rules(lang) if (r := rule(line))), None)


def test_rules_drop_boilerplate_lines_from_the_seeds():
    assert decide("Top.Mail.Ru") == "site-counter"
    assert decide("$ 498.51  522.84  4.81") == "currency-ticker"
    assert decide("РУС") == "language-switch"
    assert decide("×") == "close-button"
    assert decide("Информационная продукция данного сетевого ресурса предназначена для лиц, достигших 18 лет и старше.") == "age-notice"
    assert decide("Новости партнеров") == "partner-links"
    assert decide("Войдите или зарегистрируйтесь, чтобы оставлять комментарии.") == "comment-prompt"
    assert decide("© Sputnik / Владислав ВодневПрезиденты Беларуси") == "photo-credit"
    assert decide("Фото: akorda.kz") == "photo-credit"
    assert decide("Читать все последние новости ➤") == "news-feed"
    assert decide("Share this", "en") == "subscribe-share"


def test_rules_keep_real_lines_that_look_like_boilerplate():
    assert decide("Лукашенко ждет Токаева в гости") is None
    assert decide("Новости партнеров по ЕАЭС обсудили в Минске на прошлой неделе.") is None
    assert decide("Комментарии экспертов разошлись: одни поддержали решение, другие нет.") is None
    assert decide("Photo exhibition opens in Almaty", "en") is None


def test_metadata_of_seed_003(seed_articles):
    a = seed_articles["003"]
    assert a.title.startswith("Михаил Мишустин – Касым-Жомарту Токаеву")
    assert a.published == "2021-08-19T15:31"
    assert a.outlet == "Azattyq Rýhy"
    assert "498.51" not in a.text and "Фото: akorda.kz" not in a.text
    assert a.text.startswith("Премьер-министр России передал Президенту Казахстана")


def test_related_headline_dropped_subheading_kept(seed_articles):
    a = seed_articles["004"]
    assert "Назарбаев и Лукашенко обменялись приглашениями" not in a.text
    assert "Лукашенко ждет Токаева в гости" in a.text
    assert a.dateline == {"place": "Nur-Sultan", "agency": "Sputnik"}
    assert a.published == "2021-04-30"
    assert any(r.reason == "related-headline" for r in a.removed)


def test_english_dateline_and_no_title():
    text = "SAINT PETERSBURG. KAZINFORM Leaders met in the city on Friday and discussed trade.\n\nMore text follows here."
    r = clean_text(text, "en", default_kb())
    assert r.title is None
    assert r.dateline == {"place": "Saint Petersburg", "agency": "Kazinform"}
    assert r.text.startswith("Leaders met")
