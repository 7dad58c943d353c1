"""The temporal tagger against a table of 300+ real expressions (NEREL DATE/TIME mentions and our own news).

Each row: text, anchor (or "-"), the expected TIMEX3 value ("null": typed but no value; "-": nothing
temporal may be tagged), type and category. A row passes when some tagged expression has the
expected value and type; a "-" row passes when no date is tagged at all.
"""
from collections import Counter
from pathlib import Path

import pytest

from letopis.time import tag_times

TABLE = Path(__file__).parent / "data" / "timex.tsv"
ROWS = [line.split("\t") for line in TABLE.read_text("utf-8").splitlines() if line and not line.startswith("#")]


def passes(text, anchor, expected, type_):
    tags = tag_times(text, None if anchor == "-" else anchor)
    if expected == "-":
        return not [t for t in tags if t.type in ("DATE", "TIME", "DURATION")]
    want = None if expected == "null" else expected
    return any(t.value == want and t.type == type_ for t in tags)


def test_table_is_large_and_covers_every_category():
    cats = Counter(r[4] for r in ROWS)
    assert len(ROWS) >= 300
    assert {"explicit", "relative", "partial", "season", "vague", "duration", "set", "none"} <= set(cats)
    assert sum(r[5].strip() == "nerel" for r in ROWS) >= 200


def test_accuracy_per_category(capsys):
    right, total = Counter(), Counter()
    failed = []
    for text, anchor, expected, type_, cat, _src in ROWS:
        total[cat] += 1
        if passes(text, anchor, expected, type_):
            right[cat] += 1
        else:
            failed.append((text, anchor, expected, [(t.text, t.value, t.type) for t in tag_times(text, None if anchor == "-" else anchor)]))
    with capsys.disabled():
        print("\ntimex table:", ", ".join(f"{c} {right[c]}/{total[c]} ({right[c] / total[c]:.2f})" for c in sorted(total)),
              f"— all {sum(right.values())}/{sum(total.values())}")
    assert not failed, "\n".join(map(str, failed))


@pytest.mark.parametrize("text", ["Курс доллара 450,12 тенге", "рост на 30%", "Sputnik, 1920", "84 4", "2021 году"])
def test_numbers_are_not_dates_without_a_date_word(text):
    tags = tag_times(text, "2021-04-30")
    assert all(t.value in (None, "2021") for t in tags)
    if text == "2021 году":
        assert tags[0].value == "2021"
