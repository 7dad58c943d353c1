import pytest

from letopis.pipeline import STAGES, Stage, check_contract


def test_contract_rejects_misordered_stages():
    with pytest.raises(ValueError, match="needs"):
        check_contract((STAGES[2], STAGES[0]))


def test_python_api_returns_events_and_quotes(pipeline):
    text = ("Глава МИД\n\nПрезидент Казахстана Касым-Жомарт Токаев провел телефонный разговор с президентом "
            "Беларуси Александром Лукашенко.\n\n«Мы договорились расширять торговлю между нашими странами», "
            "- сказал Касым-Жомарт Токаев.")
    a = pipeline.process(text, published="2021-04-30")
    phone = [e for e in a.events if e.mode == "phone"]
    assert phone and phone[0].date == "2021-04-30" and phone[0].date_basis == "publication"
    assert {x.name for x in phone[0].actors} == {"Kassym-Jomart Tokayev", "Alexander Lukashenko"}
    assert a.quotes and a.quotes[0].speaker_name == "Kassym-Jomart Tokayev"


def test_empty_text_is_rejected_with_reason(pipeline):
    with pytest.raises(ValueError, match="empty"):
        pipeline.process("   \n  ")


def test_failing_stage_becomes_rejected(pipeline):
    from letopis.model import Document, Rejected
    from letopis.pipeline import Pipeline

    def broken(article, res):
        raise RuntimeError("boom")

    p = Pipeline(STAGES[:1] + (Stage("broken", ("text",), (), broken),), pipeline.resources)
    out = p(Document(id="x" * 64, source="mem", text="Заголовок\n\nТекст новости о встрече."))
    assert isinstance(out, Rejected) and "broken failed" in out.reason


def test_seed_events(seed_articles):
    a = seed_articles["004"]
    types = {(e.type, e.mode) for e in a.events}
    assert ("CONSULT", "phone") in types and ("AGREE", None) in types
    summit = [e for e in seed_articles["000"].events if e.mode == "multilateral"]
    assert summit and len(summit[0].actors) == 10 and summit[0].date is None
