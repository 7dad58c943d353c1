"""Small helpers over one sentence's dependency parse (UD relations from slovnet or spaCy)."""
from __future__ import annotations

from letopis.model import Sentence


def children(sent: Sentence, i: int) -> list[int]:
    return [k for k, t in enumerate(sent.tokens) if t.head == i]


def rel(sent: Sentence, i: int) -> str:
    return sent.tokens[i].rel.lower()


def base_rel(sent: Sentence, i: int) -> str:
    return rel(sent, i).split(":")[0]


def subtree(sent: Sentence, root: int, prune: frozenset[str] = frozenset()) -> set[int]:
    """The root and everything below it, except clauses hanging off it by a pruned relation."""
    out = {root}
    frontier = [root]
    while frontier:
        nxt = []
        for k, t in enumerate(sent.tokens):
            if t.head in frontier and k not in out and rel(sent, k) not in prune:
                out.add(k)
                nxt.append(k)
        frontier = nxt
    return out


def case_marker(sent: Sentence, i: int) -> str:
    """The preposition of a noun phrase, lemmas joined ("в", "против", "со стороны" → "со сторона"), or ""."""
    words = [sent.tokens[k].lemma for k in children(sent, i) if base_rel(sent, k) == "case"]
    return " ".join(words)


def is_passive(sent: Sentence, i: int) -> bool:
    t = sent.tokens[i]
    if t.feats.get("Voice") == "Pass":
        return True
    return any(rel(sent, k) in ("nsubj:pass", "nsubjpass", "aux:pass", "auxpass") for k in children(sent, i))


def case(sent: Sentence, i: int) -> str:
    return sent.tokens[i].feats.get("Case", "")


def ancestors(sent: Sentence, i: int, limit: int = 4) -> list[int]:
    out = []
    while sent.tokens[i].head >= 0 and len(out) < limit:
        i = sent.tokens[i].head
        out.append(i)
    return out
