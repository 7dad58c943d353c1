"""One record per real event: reports of the same event in one story are merged."""
from __future__ import annotations

from typing import Any


def better_place(have: dict | None, other: dict | None) -> dict | None:
    """The place of two reports of one event: one a sentence names beats one carried from elsewhere in the
    text (a location with a "basis"); else the first."""
    if other and (have is None or have.get("basis") and not other.get("basis")):
        return other
    return have


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def merge_reports(reports: list[dict[str, Any]], story_of: dict[str, str]) -> list[dict[str, Any]]:
    """Event records from per-article reports, given in the stories' canonical article order (so the
    merged events do not depend on the order of ingestion); later reports fill missing date and place."""
    merged: list[dict[str, Any]] = []
    for rep in reports:
        art = rep["evidence"][0]["article_id"]
        ids = frozenset(a["id"] for a in rep["actors"])
        same = next((m for m in merged
                     if m["type"] == rep["type"] and m["_actors"] == ids and m["status"] == rep["status"]
                     and _compatible(m["date"], rep["date"]) and story_of.get(art) in m["_stories"]), None)
        if same is None:
            rec = {k: v for k, v in rep.items()}
            rec["evidence"] = []
            for e in rep["evidence"]:  # two triggers of one sentence are one piece of evidence
                if e not in rec["evidence"]:
                    rec["evidence"].append(e)
            rec["_actors"] = ids
            rec["_stories"] = {story_of.get(art)}
            merged.append(rec)
            continue
        same["evidence"].extend(e for e in rep["evidence"] if e not in same["evidence"])
        if same["date"] is None and rep["date"]:
            same["date"], same["date_basis"] = rep["date"], rep["date_basis"]
        same["location"] = better_place(same["location"], rep["location"])
        if same["mode"] is None and rep["mode"]:
            same["mode"] = rep["mode"]
        same["topics"] = sorted(set(same["topics"]) | set(rep["topics"]))
        same["confidence"] = round(min(0.99, max(same["confidence"], rep["confidence"]) + 0.05), 2)
    for m in merged:
        m.pop("_actors")
        m.pop("_stories")
    return merged
