"""Fast loop on the events stage: analyse the gold texts once (cached), re-run only event extraction.

    .venv/bin/python eval/events_loop.py [--half A|B|all] [-v] [-t] [--only KEY...]

Scores with the rules of ../shared/tools/score_seeds.py (type, actors by accepted spellings, date, status),
like score_events_dev.py, but in-process, so a lexicon change is measured in seconds. Halves A and B split
the articles by a hash of their key: tune on one, report the other. The real figure is score_events_dev.py.
"""
from __future__ import annotations

import argparse
import collections
import copy
import hashlib
import json
import os
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
from score_seeds import Names, event_matches

CACHE = ROOT / ".cache" / "events_loop.pkl"


def half(key: str) -> str:
    return "A" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "B"


def analysed(gold: dict, data: Path) -> dict:
    from letopis.model import Document
    from letopis.pipeline import STAGES, Pipeline

    sig = hashlib.sha1(b"".join(p.read_bytes() for p in sorted((ROOT / "src/letopis").rglob("*"))
                                if p.is_file() and ("events" not in p.parts or p.name == "quotes.py") and p.suffix in (".py", ".yaml")
                                and p.name != "triggers.yaml")).hexdigest()
    if CACHE.exists():
        cached = pickle.loads(CACHE.read_bytes())
        if cached.get("sig") == sig:
            return cached["articles"]
    pipe = Pipeline(tuple(s for s in STAGES if s.name not in ("events", "sign")))
    out = {}
    for key, g in gold["articles"].items():
        text = (data / g["path"]).read_text(encoding="utf-8")
        out[key] = pipe.run(Document(id=hashlib.sha256(text.encode()).hexdigest(), source=key, text=text))
    CACHE.parent.mkdir(exist_ok=True)
    tmp = CACHE.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps({"sig": sig, "articles": out}))
    tmp.replace(CACHE)  # atomic: a loop reading the cache meanwhile sees the old or the new one whole
    return out


def extra_reason(e: dict, gold: list[dict], names: Names) -> str:
    """What separates an extracted event from the gold: a repeat, its status, its actors, its type, or all."""
    undated = [{k: v for k, v in g.items() if k != "date"} for g in gold]
    if any(event_matches(g, e, names) for g in undated):
        return "repeat"
    if any(event_matches({k: v for k, v in g.items() if k != "status"}, e, names) for g in undated):
        return "status"
    mine = {names.canon(a["name"]) for a in e["actors"]}
    def theirs(g):
        return set(g.get("participants") or []) | set(g.get("source") or []) | set(g.get("target") or [])
    same_type = [g for g in gold if g["type"] == e["type"]]
    if any(theirs(g) & mine for g in same_type):
        return "actors"
    if same_type:
        return "other-actors"
    if any(theirs(g) & mine and len(theirs(g) & mine) >= min(2, len(mine)) for g in gold):
        return "type"
    return "no-event"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(SHARED / "gold" / "events_dev.json"))
    ap.add_argument("--data", default=str(SHARED / "data" / "NEREL-v1.1"))
    ap.add_argument("--half", default="all")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("-t", action="store_true")
    ap.add_argument("-c", action="store_true", help="extracted and right per trigger class")
    ap.add_argument("--why", action="store_true", help="count the extras by what is wrong with them")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--explain", nargs="*", help="print the rules' decisions for these articles")
    args = ap.parse_args()
    gold = json.loads(Path(args.gold).read_text())
    names = Names(gold["entities"])
    arts = analysed(gold, Path(args.data))
    from letopis.events.extract import EventExtractor
    from letopis.link.kb import default_kb
    from letopis.model import event_record

    ext = EventExtractor(default_kb())
    for key in args.explain or []:
        print("\n".join(ext.explain(copy.deepcopy(arts[key]))))
    if args.explain:
        return 0
    per = collections.defaultdict(lambda: [0, 0, 0, 0])
    per_class = collections.defaultdict(lambda: [0, 0])
    why = collections.Counter()
    core = hit_d = hit_nd = n_ext = n_ok = 0
    for key, g in gold["articles"].items():
        if args.half != "all" and half(key) != args.half or args.only and key not in args.only:
            continue
        art = copy.deepcopy(arts[key])
        if not hasattr(art, "sentences"):
            print("REJECTED", key, art)
            continue
        evs = ext(art)
        mine = [event_record(ev) for ev in evs]
        used, used_nd = set(), set()
        for ge in sorted(g["events"], key=lambda e: not e["core"]):
            h = next((i for i, e in enumerate(mine) if i not in used and event_matches(ge, e, names)), None)
            if h is not None:
                used.add(h)
            nd = {k: v for k, v in ge.items() if k != "date"}
            h2 = next((i for i, e in enumerate(mine) if i not in used_nd and event_matches(nd, e, names)), None)
            if h2 is not None:
                used_nd.add(h2)
            if ge["core"]:
                core += 1
                hit_d += h is not None
                hit_nd += h2 is not None
                per[ge["type"]][0] += 1
                per[ge["type"]][1] += h2 is not None
                if args.v and h is None:
                    who = ge.get("participants") or (ge.get("source"), ge.get("target"))
                    print(f"MISS{'(date)' if h2 is not None else ''} {key} {ge['type']} {who} {ge.get('date', '-')} "
                          f"{ge.get('status')}: {ge.get('note', '')[:200]}")
        n_ext += len(mine)
        n_ok += len(used_nd)
        for i, e in enumerate(mine):
            per[e["type"]][2] += 1
            per[e["type"]][3] += i in used_nd
            per_class[evs[i].rule.split(":")[0]][0] += 1
            per_class[evs[i].rule.split(":")[0]][1] += i in used_nd
            if i not in used_nd:
                reason = extra_reason(e, g["events"], names)
                why[reason] += 1
            if args.v and i not in used_nd:
                who = [(a["name"], a["role"]) for a in e["actors"]]
                print(f"EXTRA[{reason}] {key} {e['type']} {who} {e['date']} {e['status']}: {e['evidence'][0]['text'][:200]}")
    if args.why:
        for reason, n in why.most_common():
            print(f"extra: {reason:12} {n:4}")
    if args.c:
        for name, (x, ok) in sorted(per_class.items(), key=lambda kv: kv[1][1] - kv[1][0]):
            print(f"{name:28} extracted {x:4} right {ok:4}")
    if args.t:
        print(f"{'type':10} {'core':>5} {'found':>6} {'extracted':>10} {'right':>6}")
        for t, (c, h, x, ok) in sorted(per.items(), key=lambda kv: -kv[1][0]):
            print(f"{t:10} {c:5} {h:6} {x:10} {ok:6}")
    print(f"half {args.half}: core recall {hit_d / max(core, 1):.2f} with dates, {hit_nd / max(core, 1):.2f} without "
          f"({hit_d}/{hit_nd}/{core}); precision {n_ok / max(n_ext, 1):.2f} ({n_ok}/{n_ext})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
