"""English event coding on the PLOVER gold records, through the CLI, with the floors of the issue."""
from conftest import SHARED, run_cli


def test_plover_type_accuracy_and_actor_recall():
    out = run_cli("eval", "events", "plover", str(SHARED / "data" / "PLOVER-GSR"),
                  "--floor", "accuracy=0.78", "--floor", "actors=0.72").stdout
    assert "event type accuracy" in out and "actor recall" in out


def test_factru_meetings_are_reported():
    out = run_cli("eval", "meetings", "factru", str(SHARED / "data" / "factRuEval-2016" / "devset")).stdout
    assert out.startswith("factRuEval meetings: ") and "/5 recalled" in out


def test_nerel_interaction_triggers_make_events():
    out = run_cli("eval", "events", "nerel", str(SHARED / "data" / "NEREL-v1.1" / "dev"), "--confusion",
                  "--floor", "triggers=0.15").stdout
    assert out.startswith("NEREL interaction triggers") and "most missed:" in out


def test_english_events_are_confirmed_by_their_russian_originals():
    out = run_cli("eval", "events", "wmt", str(SHARED / "data" / "wmt21-ru-en" / "ru_en_doc_pairs.jsonl"),
                  "--confusion", "--floor", "en=0.25", "--floor", "ru=0.3").stdout
    assert out.startswith("en events of 54 documents confirmed by their Russian originals: ")
