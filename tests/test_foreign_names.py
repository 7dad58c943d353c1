"""Foreign names written in Russian read back to their own spelling (link/foreign.py).

The table tests/data/foreign_names.tsv holds 238 names of every origin the issue lists, real and
invented, none taken from the gold files; its per-origin figures are printed by
`letopis eval names tests/data/foreign_names.tsv`.
"""
from pathlib import Path

import pytest

from letopis.eval.names import evaluate_names, fold
from letopis.link.foreign import romanize

TABLE = Path(__file__).parent / "data" / "foreign_names.tsv"


def test_table_is_read_back_mostly_right():
    report = evaluate_names(TABLE)
    assert sum(n for _, n in report.per_origin.values()) >= 150
    assert report.accuracy >= 0.72, "\n".join(report.lines())
    # the origins with a transcription table of their own each read back most of their names
    for origin in ("en", "de", "fr", "es", "ja", "zh", "ar"):
        right, n = report.per_origin[origin]
        assert right / n >= 0.6, (origin, report.lines())


@pytest.mark.parametrize("russian,english", [
    ("Эдвард Сноуден", "Edward Snowden"),  # ow/ou: the one the English press writes
    ("Уокер", None),  # a lone word of no known origin stays as it is romanised, unless sure
    ("Си Цзиньпин", "Xi Jinping"),  # Palladius, syllable by syllable
    ("Синдзо Абэ", "Shinzo Abe"),  # Polivanov
    ("Джо Локхарту", "Joe Lockhart"),  # left in the dative by the tagger: the nominative is a name
    ("Ангела Меркель", "Angela Merkel"),
])
def test_foreign_names(russian, english):
    got = romanize(russian)
    if english is None:
        assert got is None or fold(got) == "walker"
    else:
        assert got is not None and fold(got) == fold(english)


@pytest.mark.parametrize("russian", [
    "Владимир Путин",  # Russian names keep the standard romanisation: romanize says None
    "Мурат Кумпилов",  # a name used across the Caucasus before a surname of Russian form
    "Людмила Петровна Иванова",  # a patronymic
    "Тарас Шевченко",
])
def test_russian_names_are_not_foreign(russian):
    assert romanize(russian) is None


def test_a_surname_that_cannot_be_read_back_gives_no_hybrid():
    # an invented surname no language writes: the whole name is romanised, not "John Kvyrtsyplyukh"
    assert romanize("Джон Квырцыплюх") is None


def test_the_linker_names_a_foreign_person_in_his_own_spelling(pipeline):
    from letopis.model import Document

    text = "Бывший сотрудник АНБ Эдвард Сноуден дал интервью. Сноуден живёт в Москве."
    art = pipeline.run(Document(id="snowden", source="t", text=text))
    names = {m.entity_name for m in art.mentions if m.type == "PER"}
    assert "Edward Snowden" in names, names


def test_a_long_vowel_before_a_final_consonant_takes_a_silent_e():
    from letopis.link.foreign import romanize
    assert romanize("Сьюзан Прайс") == "Susan Price"
    assert romanize("Джон Стоун") == "John Stone"
    assert romanize("Кейт Блейк") == "Kate Blake"


def test_a_two_letter_word_is_not_taken_for_a_longer_name_cut_short():
    from letopis.link.foreign import romanize
    assert not (romanize("Ар Келли") or "").startswith("Ara")


def test_an_english_surname_in_onz_is_written_with_its_e():
    from letopis.link.foreign import romanize
    assert romanize("Джеймс Джонс") == "James Jones"


@pytest.mark.parametrize("russian,english", [
    ("Пол Ньюмен", "Paul Newman"),  # unstressed English -man is written -мен
    ("Гарри Голдмен", "Harry Goldman"),
    ("Хью Беллью", "Hugh Bellew"),  # a final -ew is written -ью
    ("Мануэль Бжезински", "Manuel Brzezinski"),  # a Polish surname in -ски after a Spanish given name
    ("Хулио Фридрич", "Julio Friedrich"),  # -ич after a consonant other than в is no Russian surname
    ("Тхабо ва Мандела", "Thabo wa Mandela"),  # the Bantu particle "wa"
])
def test_name_endings_and_particles_tell_the_spelling(russian, english):
    got = romanize(russian)
    assert got is not None and fold(got) == fold(english), got


def test_a_woman_s_french_given_name_is_spelt_as_a_woman_s():
    # Russian writes Michel and Michelle, Daniel and Danielle alike
    assert romanize("Мишель Дюпон", feminine=True).split()[0] == "Michelle"
    assert romanize("Мишель Дюпон").split()[0] == "Michel"


def test_english_letters_spelt_out_are_initials():
    # "Ар" is the letter R, not a name of its own; "Си" stays the Chinese surname
    assert romanize("Ар Смитсон") is not None and romanize("Ар Смитсон").split()[0] == "R."
    assert romanize("Би Би Томпсон").split()[:2] == ["B.", "B."]


def test_an_arabic_name_is_not_read_by_swedish_words():
    # "Файка" is no Swedish "fika": a name of another script falls back to the press's languages only
    got = romanize("Файка аль-Хасани", feminine=True)
    assert got is not None and got.split()[0] in ("Fayka", "Faika"), got


def test_the_standard_spelling_pays_for_a_letter_the_origin_lacks():
    # Arabic has no v: after an Arabic given name "Рава" is Rawa, while "Мурад" keeps its press spelling
    assert romanize("Мустафа Рава").split()[-1] == "Rawa"
    assert romanize("Хамид Мурад").split()[-1] == "Murad"


def test_russian_names_as_the_english_press_writes_them():
    from letopis.link.linker import press_romanization
    from letopis.link.names import transliterate

    assert press_romanization("Дмитрий Каминский") == "Dmitry Kaminsky"
    assert press_romanization("Юрий Подольный") == "Yury Podolny"
    assert press_romanization("Майя Осипова") == "Maya Osipova"
    assert transliterate("Франсиско Кастаньо") == "Fransisko Kastanyo"  # ьо sounds yo


def test_a_namesake_of_another_origin_is_no_family_of_a_known_person():
    from letopis.link.kb import default_kb
    from letopis.link.linker import person_english

    kb = default_kb()
    # Бернар Кушнер is in the knowledge base as Kouchner; an English given name before the surname is no kin of his
    assert person_english("Джейсон Кушнер", kb) == "Jason Kushner"
    assert person_english("Мелания Трамп", kb, woman=True) == "Melania Trump"


@pytest.mark.parametrize("russian,english", [
    ("Ли Чжэ Мён", "Lee Jae-myung"),
    ("Бэ Чжун Хо", "Bae Jun-ho"),
    ("Си Цзиньпин", "Xi Jinping"),  # Chinese stays Chinese
])
def test_korean_names_read_syllable_by_syllable(russian, english):
    assert romanize(russian) == english
