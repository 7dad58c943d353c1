import pytest

from letopis.time import tag_times

CASES = [
    ("Вчера вы провели переговоры.", "2021-08-19", "2021-08-18", "relative"),
    ("итоги состоявшихся накануне переговоров", "2021-08-19", "2021-08-18", "relative"),
    ("позавчера", "2021-08-19", "2021-08-17", "relative"),
    ("Во время разговора 23 марта мы говорили", None, "XXXX-03-23", "partial"),
    ("Во время разговора 23 марта мы говорили", "2021-04-30", "2021-03-23", "partial"),
    ("встреча 30 апреля 2021 года", None, "2021-04-30", "explicit"),
    ("опубликовано 19.08.2021", None, "2021-08-19", "explicit"),
    ("форум планируется провести осенью в Кокшетау", "2021-08-19", "2021-FA", "season"),
    ("заседание в мае", "2021-04-30", "2021-05", "partial"),
    ("в следующем месяце", "2021-04-30", "2021-05", "relative"),
    ("в первом полугодии товарооборот вырос", "2021-08-19", "2021-H1", "season"),
    ("в начале 2017 года", None, "2017", "explicit"),
    ("в прошлом году", "2021-08-19", "2020", "relative"),
    ("через два дня", "2021-08-19", "2021-08-21", "relative"),
    ("в понедельник", "2021-08-19", "2021-08-16", "relative"),
    ("yesterday", "2021-04-30", "2021-04-29", "relative"),
    ("on March 23, 2021", None, "2021-03-23", "explicit"),
    ("next month", "2021-12-10", "2022-01", "relative"),
    ("in the autumn", "2021-04-30", "2021-FA", "season"),
]


@pytest.mark.parametrize("text,anchor,value,basis", CASES)
def test_expression_values(text, anchor, value, basis):
    found = [t for t in tag_times(text, anchor) if t.value is not None]
    assert found, f"nothing tagged in {text!r}"
    assert (found[0].value, found[0].basis) == (value, basis)


def test_relative_without_anchor_has_no_value():
    assert [t.value for t in tag_times("Вчера лидеры встретились", None)] == [None]


def test_vague_expressions_are_typed_without_value():
    t = tag_times("заседание в ближайшее время", "2021-04-30")
    assert [(x.basis, x.value) for x in t] == [("vague", None)]


@pytest.mark.parametrize("text", ["$ 498.51  522.84  4.81", "вырос на 26%", "достигших 18 лет", "Sputnik Казахстан, 1920, ", "30%"])
def test_numbers_that_are_not_dates(text):
    assert tag_times(text, "2021-04-30") == []


def test_a_text_without_a_publication_line_anchors_relative_days_on_its_own_last_full_date():
    from letopis.time.tagger import tag_times
    text = "Вчера он уехал. В пятницу, 28 июня 2013 года, прокуратура обратилась в суд. На сегодняшнем заседании " \
           "пострадавший выступил. В воскресенье он вернулся."
    values = {t.text: t.value for t in tag_times(text, None)}
    assert values["Вчера"] is None  # before any date of the text: not anchored
    assert values["сегодняшнем"] == "2013-06-28"
    assert values["В воскресенье"] == "2013-06-23"  # the latest Sunday up to the anchor, as news reports the past
