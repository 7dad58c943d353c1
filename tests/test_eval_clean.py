"""The cleaner on the article-extraction benchmark: at least trafilatura's F1, at least 0.90."""
from conftest import SHARED, run_cli
from letopis.eval.clean import prf

BENCH = SHARED / "data" / "article-extraction-benchmark"


def test_token_scores():
    assert prf("the cat sat", "the cat sat") == (1.0, 1.0, 1.0)
    p, r, f = prf("the cat sat on menu menu", "the cat sat")
    assert (p, r) == (0.5, 1.0) and round(f, 3) == 0.667
    assert prf("", "gold words") == (0.0, 0.0, 0.0)


def test_eval_clean_beats_plain_trafilatura():
    out = run_cli("eval", "clean", str(BENCH), "--floor", "f1=0.90", "--floor", "margin=0.0").stdout
    lines = {line.split()[0]: line for line in out.splitlines()}
    ours = float(lines["letopis"].split("F1 ")[1])
    theirs = float(lines["trafilatura"].split("F1 ")[1])
    assert "pages 91" in lines["letopis"]
    assert ours >= 0.90 and ours >= theirs


def test_eval_clean_floor_fails_loudly():
    result = run_cli("eval", "clean", str(BENCH), "--limit", "2", "--floor", "f1=1.01", check=False)
    assert result.returncode != 0 and "under the floor" in result.stderr
