"""Every line rule on real seed lines and invented ones, in both languages; and lines that must stay."""
import re

import pytest

from letopis.clean import clean_text, unmix_scripts
from letopis.clean.rules import line_rules
from letopis.link.kb import default_kb


def decide(line, lang=None):
    return next((r for rule in line_rules(lang) if (r := rule(line))), None)


DROP = [
    # (line, language, rule) — seed lines first, then invented ones
    ("Top.Mail.Ru", None, "site-counter"),
    ("Яндекс.Метрика", "ru", "site-counter"),
    ("12", None, "widget-number"),
    ("$ 498.51  522.84  4.81", None, "currency-ticker"),
    ("€ 504.12  -1.20", None, "currency-ticker"),
    ("USD 425.30 +0.12", None, "currency-ticker"),
    ("РУС", None, "language-switch"),
    ("ҚАЗ | РУС | ENG", None, "language-switch"),
    ("English", "en", "language-switch"),
    ("×", None, "close-button"),
    ("18+", None, "age-notice"),
    ("Информационная продукция данного сетевого ресурса предназначена для лиц, достигших 18 лет и старше.", "ru", "age-notice"),
    ("© Sputnik / Владислав ВодневПрезиденты Беларуси", None, "photo-credit"),
    ("Фото: akorda.kz", None, "photo-credit"),
    ("Photo: Reuters/Evgenia Novozhenina", "en", "photo-credit"),
    ("Фото с сайта akorda.kz", "ru", "photo-credit"),
    ("При работе с материалами Kapital.kz гиперссылка на источник обязательна", "ru", "copyright"),
    ("Все права защищены. 2021", "ru", "copyright"),
    ("Copyright 2021 Kazinform. All rights reserved.", "en", "copyright"),
    ("Читать все последние новости ➤", "ru", "news-feed"),
    ("Читайте также:", "ru", "news-feed"),
    ("Read more", "en", "news-feed"),
    ("Related news", "en", "news-feed"),
    ("Новости партнеров", "ru", "partner-links"),
    ("На правах рекламы", "ru", "partner-links"),
    ("Sponsored", "en", "partner-links"),
    ("Войдите или зарегистрируйтесь, чтобы оставлять комментарии.", "ru", "comment-prompt"),
    ("Комментарии (3)", "ru", "comment-prompt"),
    ("Leave a comment", "en", "comment-prompt"),
    ("Поделиться", "ru", "subscribe-share"),
    ("Подписывайтесь на наши новости в соцсетях", "ru", "subscribe-share"),
    ("Share this", "en", "subscribe-share"),
    ("Sign up for our newsletter", "en", "subscribe-share"),
    ("Политика", "ru", "rubric"),
    ("Politics", "en", "rubric"),
    ("Теги: Казахстан, Россия, ЕАЭС", "ru", "tags"),
    ("Tags: Kazakhstan, Russia", "en", "tags"),
    ("Автор: Айгуль Нурланова", "ru", "author-credit"),
    ("Reporting by Olzhas Auyezov; Editing by Mark Heinrich", "en", "author-credit"),
    ("Наш Telegram-канал: подписывайтесь, чтобы быть в курсе", "ru", "messenger-promo"),
    ("Follow us on Telegram for the latest updates", "en", "messenger-promo"),
    ("Если вы нашли ошибку, выделите её и нажмите Ctrl+Enter", "ru", "error-report"),
    ("Просмотров: 1520", "ru", "views-counter"),
    ("Click here to read the full story", "en", "click-prompt"),
]

KEEP = [
    ("Лукашенко ждет Токаева в гости", "ru"),  # a real subheading of seed 004
    ("Новости партнеров по ЕАЭС обсудили в Минске на прошлой неделе.", "ru"),
    ("Комментарии экспертов разошлись: одни поддержали решение, другие нет.", "ru"),
    ("Политика Казахстана в регионе остается многовекторной.", "ru"),
    ("Фото переговоров опубликовала пресс-служба Акорды.", "ru"),
    ("В 2021 году товарооборот вырос на 30%.", "ru"),
    ("Автор законопроекта, депутат Мажилиса, выступил с докладом.", "ru"),
    ("Photo exhibition opens in Almaty", "en"),
    ("Share prices in Almaty rose 3% after the talks.", "en"),
    ("Politics in the region has changed since 1991.", "en"),
    ("Tokayev said: the sides agreed to meet again.", "en"),
    ("Subscribers to the state broadcaster will see the address live.", "en"),
    ("Copyright law was also discussed by the ministers.", "en"),
    ("2021", None),
]


@pytest.mark.parametrize("line,lang,rule", DROP)
def test_rule_drops_line(line, lang, rule):
    assert decide(line, lang) == rule
    assert decide(line, None) == rule  # before language detection every rule applies


@pytest.mark.parametrize("line,lang", KEEP)
def test_rule_keeps_line(line, lang):
    assert decide(line, lang) is None
    assert decide(line, None) is None


def test_every_rule_in_the_data_file_has_a_test():
    covered = {rule for _, _, rule in DROP}
    assert {r.name for r in line_rules(None)} <= covered


def test_context_rules_in_plain_text():
    text = "\n".join([  # noqa: FLY002 - one line per row reads better
        "Токаев провел переговоры с Пашиняном",
        "19.08.2021, 15:31",
        "Токаев провел переговоры с Пашиняном",  # a caption repeating the title
        "Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Николом Пашиняном.",
        "Мирзиёев поздравил Жапарова с днем рождения в Ташкенте",  # an inserted related headline
        "Стороны обсудили сотрудничество Казахстана и Армении в рамках ЕАЭС, сообщает Akorda.",
        "Итоги переговоров",  # a short real subheading stays
        "Токаев пригласил Пашиняна посетить Казахстан с официальным визитом.",
    ])
    r = clean_text(text, None, default_kb())
    reasons = {x.text: x.reason for x in r.removed}
    assert r.title == "Токаев провел переговоры с Пашиняном"
    assert r.published == "2021-08-19T15:31"
    assert reasons["Мирзиёев поздравил Жапарова с днем рождения в Ташкенте"] == "related-headline"
    assert reasons["Токаев провел переговоры с Пашиняном"] == "repeated-title"
    assert "Итоги переговоров" in r.text
    assert r.lead.startswith("Президент Казахстана")


def test_a_photo_caption_naming_people_stays_in_the_body():
    """A verbless line naming people nobody else in the text names is the photo's caption, not other news:
    the people in it belong to the article."""
    text = "\n".join([  # noqa: FLY002 - one line per row reads better
        "Парламент Молдовы отправил правительство в отставку",
        "Депутаты проголосовали за вотум недоверия кабинету министров.",
        "Премьер-министр Молдовы Ион Кику и президент Румынии Клаус Йоханнис, 2020 год",
        "Голосование прошло в четверг, правительство продолжит работу до назначения нового.",
    ])
    r = clean_text(text, "ru", default_kb())
    assert "Ион Кику и президент Румынии Клаус Йоханнис" in r.text, r.removed
    assert not r.removed


def test_html_text_keeps_its_first_paragraph_and_headline_like_lines():
    text = "Leaders of the CIS gathered in Saint Petersburg\n\nPutin welcomed Zelensky's counterpart Macron in Paris\n\nThe meeting ended."
    r = clean_text(text, "en", default_kb(), title="Informal CIS summit", from_html=True)
    assert r.title == "Informal CIS summit"
    assert r.text.startswith("Leaders of the CIS gathered")
    assert "Macron in Paris" in r.text


def test_nothing_invented_when_text_shows_no_metadata():
    r = clean_text("Стороны обсудили вопросы сотрудничества.\n\nВстреча прошла в Минске.", None, default_kb())
    assert (r.title, r.published, r.outlet, r.dateline) == (None, None, None, None)


# mixed-script words: invented examples ------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("Министр Вaлентин Кoржов", "Министр Валентин Коржов"),  # Latin a and o in Cyrillic words
    ("ПOСОЛ ТАKАХАСИ", "ПОСОЛ ТАКАХАСИ"),  # Latin capitals O and K
    ("в CШA", "в США"),  # C and A have Cyrillic look-alikes, Ш no Latin one: the word is Cyrillic
    ("the Gаzette of Pоrtland", "the Gazette of Portland"),  # Cyrillic а and о in Latin words
])
def test_mixed_script_words_are_written_in_one_script(text, expected):
    fixed, changes = unmix_scripts(text)
    assert fixed == expected
    assert len(fixed) == len(text)  # letter for letter: every offset stays
    assert changes


@pytest.mark.parametrize("text", [
    "McAfee и Xerox подписали договор",  # Latin words and Cyrillic words, each in one script
    "см. https://example.org/news?id=7 и президент.рф",
    "SMS-сообщение, e-mail и COVID-19",  # a hyphen ends a word: each part is in one script
    "Twitterя",  # я has no Latin look-alike and Twitter has letters with no Cyrillic one
    "Вo",  # one letter of each: no sign which script is meant
])
def test_words_in_one_script_or_undecidable_stay(text):
    assert unmix_scripts(text) == (text, [])


def test_the_cleaner_respells_mixed_script_words_and_records_it():
    r = clean_text("Глава МИД Нуралии Тоcимицу Окаябэ прибыл в Кaрагандинию.\n\nВизит продлится два дня.", "ru")
    assert "Тосимицу Окаябэ прибыл в Карагандинию" in r.text
    assert ("Тоcимицу → Тосимицу", "fix", "mixed-script-cyrillic") in r.decisions
    assert not re.search("[A-Za-z]", r.text)


def test_a_given_title_is_respelt_too():
    r = clean_text("Глава МИД прибыл с визитом.", "ru", title="Визит Тоcимицу", from_html=True)
    assert r.title == "Визит Тосимицу"
