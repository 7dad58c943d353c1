"""Across articles: near-duplicates, stories in any ingest order, stable ids, the pair benchmarks."""
import json
import shutil

from conftest import SEEDS, SHARED, run_cli

TG = SHARED / "data" / "tgcontest-pairs"
WMT = SHARED / "data" / "wmt21-ru-en" / "ru_en_doc_pairs.jsonl"


def export(kind, db):
    return [json.loads(x) for x in run_cli("export", kind, db=db).stdout.splitlines()]


def story_sets(db):
    src = {a["id"]: a["source"].rsplit("/", 1)[-1][:3] for a in export("articles", db)}
    return sorted(sorted(src[i] for i in s["article_ids"]) for s in export("stories", db))


def event_keys(db):
    return sorted((e["type"], e["date"] or "", tuple(sorted(a["id"] for a in e["actors"])), len(e["evidence"]),
                   (e["location"] or {}).get("name") or "") for e in export("events", db))


def test_seeds_in_any_order_give_the_same_stories_and_events(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    forward, backward = tmp_path / "f.db", tmp_path / "b.db"
    run_cli("ingest", *map(str, files), db=forward)
    for f in reversed(files):  # one batch per file, newest first
        run_cli("ingest", str(f), db=backward)
    assert story_sets(forward) == story_sets(backward)
    assert ["000", "002"] in story_sets(forward)  # the CIS summit in Russian and English
    assert event_keys(forward) == event_keys(backward)
    summit = [e for e in export("events", forward) if e["mode"] == "multilateral" and e["type"] == "CONSULT"]
    assert len(summit) == 1 and summit[0]["location"]["name"] == "Saint Petersburg"
    arts = {a["id"]: a["source"] for a in export("articles", forward)}
    assert {arts[x["article_id"]][-24:-21] for x in summit[0]["evidence"]} == {"000", "002"}


def test_story_and_event_ids_stay_when_more_reports_arrive(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    db = tmp_path / "inc.db"
    run_cli("ingest", *map(str, files[:1]), db=db)
    first_story = export("stories", db)[0]["id"]
    first_events = {e["id"] for e in export("events", db)}
    run_cli("ingest", *map(str, files[1:]), db=db)
    assert first_story in {s["id"] for s in export("stories", db)}
    assert first_events <= {e["id"] for e in export("events", db)}
    before = (export("stories", db), export("events", db))
    run_cli("ingest", str(SEEDS), db=db)  # the same input again changes nothing
    assert (export("stories", db), export("events", db)) == before


def test_near_duplicate_marked(tmp_path):
    text = (SEEDS / "003_1353d7aa1dca500f.txt").read_text("utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(text.replace("Премьер-министр России", "Премьер России") + "\nРедакция сайта\n", encoding="utf-8")
    shutil.copy(SEEDS / "003_1353d7aa1dca500f.txt", tmp_path / "orig.txt")
    db = tmp_path / "d.db"
    run_cli("ingest", str(tmp_path / "orig.txt"), db=db)
    out = run_cli("ingest", str(copy), db=db).stdout
    assert "duplicates 1" in out
    arts = {a["source"].rsplit("/", 1)[-1]: a for a in export("articles", db)}
    assert arts["copy.txt"]["duplicate_of"] == arts["orig.txt"]["id"]
    assert arts["copy.txt"]["story_id"] == arts["orig.txt"]["story_id"]


def test_eval_pairs_tgcontest_and_wmt21():
    out = run_cli("eval", "pairs", str(TG / "ru_train_pool.tsv"), str(TG / "en_train_pool.tsv"),
                  str(TG / "ru_exam_pool.tsv"), str(WMT),
                  "--floor", "f1=0.84", "--floor", "wmt_together=0.90").stdout
    cross = float(out.split("cross pairs in one story ")[1].split("(")[1].split(")")[0])
    assert cross < 0.03
