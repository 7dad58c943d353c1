"""Every trigger rule fires on a real-looking sentence in each language it covers, with the right type,
actors and status; negated and planned examples for the main types."""
import pytest

from letopis.events.extract import triggers

RU = "2021-04-30"

CASES = [
    # (language, rule, sentence, type, status)
    ("ru", "phone_call", "Касым-Жомарт Токаев провел телефонный разговор с Владимиром Путиным.", "CONSULT", "occurred"),
    ("ru", "summit", ("Токаев принял участие в неформальной встрече глав государств СНГ, в которой участвовали "
                     "Владимир Путин, Александр Лукашенко и Шавкат Мирзиёев."), "CONSULT", "occurred"),
    ("ru", "heads_talks", "Состоялись переговоры президентов Казахстана и Узбекистана.", "CONSULT", "occurred"),
    ("ru", "receive", "Александр Лукашенко принял председателя правительства России Михаила Мишустина.", "CONSULT", "occurred"),
    ("ru", "meeting", "Сергей Лавров провел встречу с Мухтаром Тлеуберди.", "CONSULT", "occurred"),
    ("ru", "conversation_with", "«Сегодня у меня был хороший разговор с Владимиром Путиным», — сказал Токаев.", "CONSULT", "occurred"),
    ("ru", "visit", "Президент Узбекистана Шавкат Мирзиёев посетил Казахстан.", "CONSULT", "occurred"),
    ("ru", "thank", "Токаев поблагодарил Владимира Путина за помощь.", "SUPPORT", "occurred"),
    ("ru", "congratulate", "Токаев поздравил Садыра Жапарова с победой на выборах.", "SUPPORT", "occurred"),
    ("ru", "raise_request", "Токаев попросил Владимира Путина ускорить поставки вакцины.", "REQUEST", "occurred"),
    ("ru", "agreement_reached", "Токаев и Лукашенко провели переговоры. Достигнута договоренность о взаимных визитах.", "AGREE", "occurred"),
    ("ru", "sign_agreement", "Токаев и Мирзиёев подписали соглашение о демаркации границы.", "SUPPORT", "occurred"),
    ("ru", "sanction", "Евросоюз ввел санкции против России.", "SANCTION", "occurred"),
    ("ru", "accuse", "Сергей Лавров обвинил Евросоюз в двойных стандартах.", "ACCUSE", "occurred"),
    ("ru", "threaten", "Россия пригрозила Евросоюзу ответными мерами.", "THREATEN", "occurred"),
    ("ru", "provide_aid", "Россия оказала Казахстану гуманитарную помощь.", "AID", "occurred"),
    ("ru", "reject", "Россия отвергла требования Евросоюза.", "REJECT", "occurred"),
    ("ru", "meeting", ("Во время встречи между премьер-министром Турции Реджепом Эрдоганом и президентом Украины "
                      "Виктором Януковичем обсуждался этот вопрос."), "CONSULT", "occurred"),
    ("ru", "meeting", ("Глава Газпрома Алексей Миллер и министр энергетики Белоруссии Александр Озерец сегодня "
                      "встречаются в Минске."), "CONSULT", "occurred"),
    ("ru", "meeting", "Сергей Лавров не встретился с Мухтаром Тлеуберди.", "CONSULT", "negated"),
    ("ru", "meeting", "Сергей Лавров встретится с Мухтаром Тлеуберди в мае.", "CONSULT", "planned"),
    ("ru", "sanction", "Евросоюз не ввел санкции против России.", "SANCTION", "negated"),
    ("en", "phone_call", "Kassym-Jomart Tokayev had a phone conversation with Vladimir Putin.", "CONSULT", "occurred"),
    ("en", "summit", ("The informal summit of the heads of state was attended by Vladimir Putin, Alexander Lukashenko, "
                     "Shavkat Mirziyoyev and Kassym-Jomart Tokayev."), "CONSULT", "occurred"),
    ("en", "reach_agreement", "Israel and Jordan reached an agreement on water resources.", "AGREE", "occurred"),
    ("en", "mediate", "Qatar mediated between Israel and Hamas.", "CONSULT", "occurred"),
    ("en", "cooperate_acts", "Kazakhstan extradited a suspect to Russia.", "COOPERATE", "occurred"),
    ("en", "must", "Sergey Lavrov said that Ukraine must withdraw its troops.", "REQUEST", "occurred"),
    ("en", "lodge_protest", "Russia lodged an official protest with Estonia.", "ACCUSE", "occurred"),
    ("en", "threaten", "Iran threatened Israel with retaliation.", "THREATEN", "occurred"),
    ("en", "demand", "Greece demanded that Turkey withdraw its ships.", "REQUEST", "occurred"),
    ("en", "request", "Tokayev asked Putin for vaccine supplies.", "REQUEST", "occurred"),
    ("en", "reject", "Russia rejected the proposal of the European Union.", "REJECT", "occurred"),
    ("en", "sanction", "The European Union imposed sanctions on Russia.", "SANCTION", "occurred"),
    ("en", "protest", "Workers protested in Almaty against the Government of Kazakhstan.", "PROTEST", "occurred"),
    ("en", "accuse", "Lavrov accused NATO of provoking tensions.", "ACCUSE", "occurred"),
    ("en", "mobilize", "Russia deployed troops to Belarus.", "MOBILIZE", "occurred"),
    ("en", "assault", "Israel attacked Hamas positions in Gaza.", "ASSAULT", "occurred"),
    ("en", "coerce", "Belarus arrested opposition leaders.", "COERCE", "occurred"),
    ("en", "retreat", "Russia withdrew its troops from Kazakhstan.", "RETREAT", "occurred"),
    ("en", "asylum", "Ecuador granted asylum to Julian Assange.", "AID", "occurred"),
    ("en", "concede", "Uzbekistan released Kazakhstan citizens.", "CONCEDE", "occurred"),
    ("en", "provide_aid", "Russia sent humanitarian aid to Kyrgyzstan.", "AID", "occurred"),
    ("en", "sign_agreement", "Kazakhstan and Uzbekistan signed an agreement on border demarcation.", "SUPPORT", "occurred"),
    ("en", "agree", "Armenia and Azerbaijan agreed to a ceasefire.", "AGREE", "occurred"),
    ("en", "cooperate", "Kazakhstan and Russia cooperate on space exploration.", "COOPERATE", "occurred"),
    ("en", "meeting", "Sergey Lavrov met with Wang Yi in Beijing.", "CONSULT", "occurred"),
    ("en", "receive", "Tokayev received the foreign minister of Turkey Mevlut Cavusoglu.", "CONSULT", "occurred"),
    ("en", "visit", "Shavkat Mirziyoyev will visit Kazakhstan.", "CONSULT", "planned"),
    ("en", "thank", "Tokayev thanked Putin for the support.", "SUPPORT", "occurred"),
    ("en", "congratulate", "Putin congratulated Tokayev on his birthday.", "SUPPORT", "occurred"),
    ("en", "support", "Kazakhstan supported the initiative of Uzbekistan.", "SUPPORT", "occurred"),
    ("en", "negotiate", "Russia and Ukraine resumed talks in Istanbul.", "CONSULT", "occurred"),
    ("en", "meeting", "Lavrov did not meet with Blinken.", "CONSULT", "negated"),
    ("en", "sanction", "The European Union will impose sanctions on Belarus.", "SANCTION", "planned"),
    ("en", "retreat", "Nigeria will withdraw its troops from Chad unless the rebels agree to a ceasefire.", "THREATEN", "planned"),
]


def test_every_rule_has_a_case():
    for lang in ("ru", "en"):
        covered = {rule for language, rule, *_ in CASES if language == lang}
        assert {t.rule for t in triggers(lang)} <= covered, f"rules without a test in {lang}"


@pytest.mark.parametrize("lang,rule,sentence,type_,status", CASES, ids=[f"{c[0]}-{c[1]}-{c[4]}" for c in CASES])
def test_trigger(pipeline, lang, rule, sentence, type_, status):
    a = pipeline.process(sentence, published=RU, language=lang)
    found = [e for e in a.events if e.type == type_ and e.status == status]
    assert found, [(e.type, e.status, e.rule, [x.name for x in e.actors]) for e in a.events]
    assert all(e.actors for e in found)
