"""Russian analysis with natasha/slovnet: sentences, tokens, morphology, syntax, NER; lemmas by pymorphy3."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from letopis.analyze import paragraphs
from letopis.analyze.morph import fold, parses
from letopis.model import Mention, Sentence, Token

log = logging.getLogger(__name__)

UD_TO_PYMORPHY = {
    "NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "VERB": {"VERB", "INFN"}, "ADJ": {"ADJF", "ADJS", "COMP"},
    "ADV": {"ADVB"}, "PRON": {"NPRO"}, "DET": {"ADJF", "NPRO"}, "NUM": {"NUMR"}, "AUX": {"VERB", "INFN"},
}


class RussianAnalyzer:
    """natasha's models, loaded once; `analyze` runs them paragraph by paragraph."""

    def __init__(self) -> None:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        emb = NewsEmbedding()
        self.emb = emb
        self.segmenter = Segmenter()
        self.morph = NewsMorphTagger(emb)
        self.syntax = NewsSyntaxParser(emb)
        self.ner = NewsNERTagger(emb)

    def analyze(self, text: str, field: str = "text") -> tuple[list[Sentence], list[Mention]]:
        """Sentences with tokens and a dependency parse, and NER mentions, with offsets into `text`."""
        return self.analyze_many([(text, field)])[0]

    def analyze_many(self, texts: list[tuple[str, str]]) -> list[tuple[list[Sentence], list[Mention]]]:
        """`analyze` of several (text, field) pairs, an article's title and body, at once.

        All their sentences go to each slovnet model together, shortest first, so that a batch pads few
        words (a call per paragraph, and one more for the title, cost a third more): the morphology and
        the names are the same as paragraph by paragraph, and the parse is on all but about one sentence in
        250, where a batch's rounding moves an arc. NER reads each paragraph as its own sequence."""
        from natasha import Doc
        from natasha.doc import inject_morph, inject_syntax, offset_syntax
        from slovnet.bio import bio_spans

        docs = []
        for k, (text, _) in enumerate(texts):
            for p_index, offset, para in paragraphs(text):
                doc = Doc(para)
                doc.segment(self.segmenter)
                _cap_sentences(doc)
                docs.append((k, p_index, offset, para, doc))
        sents = [sent for *_, doc in docs for sent in doc.sents]
        words = [[t.text for t in sent.tokens] for sent in sents]
        for n, (sent, morph, syntax) in enumerate(zip(sents, _shortest_first(self.morph.map, words),
                                                      _shortest_first(self.syntax.map, words), strict=True), 1):
            inject_morph(sent.tokens, morph.tokens)
            inject_syntax(sent.tokens, syntax.tokens)
            offset_syntax(n, sent.tokens)
        names = iter(_shortest_first(self._ner, [[t.text for t in doc.tokens] for *_, doc in docs if doc.tokens]))
        out: list[tuple[list[Sentence], list[Mention]]] = [([], []) for _ in texts]
        for k, p_index, offset, para, doc in docs:
            sentences, mentions = out[k]
            field = texts[k][1]
            for sent in doc.sents:
                ids = {t.id: i for i, t in enumerate(sent.tokens)}
                tokens = [
                    Token(
                        start=offset + t.start, end=offset + t.stop, text=t.text,
                        lemma=lemmatize(t.text, t.pos, t.feats), pos=t.pos or "", feats=dict(t.feats or {}),
                        head=ids.get(t.head_id, -1), rel=t.rel or "",
                    )
                    for t in sent.tokens
                ]
                _unambiguous_verbs(tokens)
                _subject_after_source(tokens)
                _object_first(tokens)
                _accusative_second_subject(tokens)
                _adjective_subject(tokens)
                _name_after_its_noun(tokens)
                _initial_takes_the_surnames_case(tokens)
                _second_genitive_is_the_object(tokens)
                sentences.append(Sentence(offset + sent.start, offset + sent.stop, sent.text, tokens, p_index))
            if doc.tokens:
                for s in bio_spans(doc.tokens, next(names)):
                    mentions.append(Mention(field, offset + s.start, offset + s.stop, para[s.start:s.stop], s.type))
        return out

    def _ner(self, sequences: list[list[str]]) -> Iterator[list[str]]:
        """slovnet's NER tags of each word sequence (a paragraph's tokens as the segmenter made them): what
        natasha's `tag_ner` gives, without tokenizing the paragraph a second time."""
        infer = self.ner.infer
        return infer.decoder(infer.process(infer.encoder(sequences)))


def _shortest_first(run: Callable[[list], Iterable], items: list[list[str]]) -> list:
    """`run` over the items sorted by length (a batch is padded to its longest), its results in the items' order."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    out: list = [None] * len(items)
    for i, result in zip(order, run([items[i] for i in order]), strict=True):
        out[i] = result
    return out


# slovnet's parser scores every pair of a sentence's words: a "sentence" of 100,000 words (a text without
# full stops) would need tens of gigabytes; longer runs are parsed in pieces of this many words
MAX_SENTENCE_TOKENS = 300


def _cap_sentences(doc) -> None:
    """Split the sentences of a natasha Doc that are longer than MAX_SENTENCE_TOKENS into pieces."""
    from natasha.doc import DocSent

    capped = []
    for sent in doc.sents:
        if len(sent.tokens) <= MAX_SENTENCE_TOKENS:
            capped.append(sent)
            continue
        for i in range(0, len(sent.tokens), MAX_SENTENCE_TOKENS):
            group = sent.tokens[i:i + MAX_SENTENCE_TOKENS]
            piece = DocSent(group[0].start, group[-1].stop, doc.text[group[0].start:group[-1].stop])
            piece.tokens = group
            capped.append(piece)
    doc.sents = capped


SUBJECTS = ("nsubj", "nsubj:pass")


def _subject_after_source(tokens: list[Token]) -> None:
    """"Как сообщило министерство, американец был арестован": slovnet often hangs the main clause's subject
    on the "как" clause (an apposition or conjunct of its source); when the main verb has no subject of its
    own, the first nominative noun after the clause's closing comma, hanging back into that clause, is it."""
    for v, verb in enumerate(tokens):
        main = verb.head
        if verb.rel not in ("parataxis", "advcl") or main <= v:
            continue
        if not any(t.head == v and t.rel == "mark" and t.lemma == "как" for t in tokens) or \
                any(t.head == main and t.rel in SUBJECTS for t in tokens):
            continue
        comma = next((k for k in range(v + 1, main) if tokens[k].text == "," and tokens[k].head == v), None)
        if comma is None:
            continue
        for a in range(comma + 1, main):
            noun = tokens[a]
            if noun.feats.get("Case") == "Nom" and noun.pos in ("NOUN", "PROPN", "PRON") and \
                    (noun.head <= comma or noun.head == a):
                passive = tokens[main].feats.get("Voice") == "Pass" or any(
                    t.head == main and t.rel == "aux:pass" for t in tokens)
                noun.head, noun.rel = main, "nsubj:pass" if passive else "nsubj"
                return


def _object_first(tokens: list[Token]) -> None:
    """"Кандидатуру Сакелларопулу поддержало большинство", "которого поддержал тандем": Russian puts the
    object first, and slovnet then reads both nouns as objects; of a subjectless verb's two objects, the one
    before it is the object, and the noun after it that can be a nominative and agrees with it is the subject."""
    for v, verb in enumerate(tokens):
        if verb.pos != "VERB" or verb.feats.get("Voice") == "Pass" or any(
                t.head == v and t.rel in SUBJECTS for t in tokens):
            continue
        objs = [k for k, t in enumerate(tokens) if t.head == v and t.rel == "obj" and t.pos in ("NOUN", "PROPN", "PRON")]
        before = [k for k in objs if k < v]
        after = [k for k in objs if k > v and tokens[k].pos != "PRON" and _can_be_nominative(tokens[k].text)
                 and tokens[k].feats.get("Number") == verb.feats.get("Number")]  # "депортировали его": no subject
        if before and after:
            tokens[after[0]].rel = "nsubj"


def _accusative_second_subject(tokens: list[Token]) -> None:
    """"Тихановская призвала Верховный суд страны отменить приговор": slovnet may give an active verb a
    second subject after it, which its own tags read as accusative; a verb with a nominative subject before
    it has that one, and the accusative after it is its object."""
    for v, verb in enumerate(tokens):
        if verb.pos != "VERB" or verb.feats.get("Voice") == "Pass":
            continue
        subjects = [k for k, t in enumerate(tokens) if t.head == v and t.rel == "nsubj"]
        if len(subjects) < 2 or not any(k < v and tokens[k].feats.get("Case") == "Nom" for k in subjects):
            continue
        for k in subjects:
            if k > v and tokens[k].feats.get("Case") == "Acc" and tokens[k].pos in ("NOUN", "PROPN"):
                tokens[k].rel = "obj"


# pymorphy3's grammemes of a finite verb as the UD features slovnet gives one
VERB_FEATS = {"past": ("Tense", "Past"), "pres": ("Tense", "Pres"), "futr": ("Tense", "Fut"),
              "sing": ("Number", "Sing"), "plur": ("Number", "Plur"), "masc": ("Gender", "Masc"),
              "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"), "perf": ("Aspect", "Perf"),
              "impf": ("Aspect", "Imp"), "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
              "indc": ("Mood", "Ind"), "impr": ("Mood", "Imp")}


def _unambiguous_verbs(tokens: list[Token]) -> None:
    """"Министерство иностранных дел Чехии выслало …": after a long name slovnet may tag a verb as a noun.
    A lower-case word that the dictionary knows only as a finite verb ("выслало") is a verb; its place in
    the parse is kept (its subject and object usually hang from it already)."""
    for tok in tokens:
        if tok.pos not in ("NOUN", "ADJ") or not tok.text.islower() or len(tok.text) < 4:
            continue
        ps = [p for p in parses(fold(tok.text)) if p.is_known]
        if not ps or any(p.tag.POS != "VERB" for p in ps):
            continue
        tok.pos = "VERB"
        tok.feats = dict(VERB_FEATS[g] for g in ps[0].tag.grammemes if g in VERB_FEATS) | {"VerbForm": "Fin"}
        tok.feats["Voice"] = "Mid" if tok.text.endswith(("ся", "сь")) else "Act"
        tok.lemma = fold(ps[0].normal_form)


def _adjective_subject(tokens: list[Token]) -> None:
    """"Гаагский Международный трибунал … приговорил": slovnet may take an adjective for the subject and the
    noun it qualifies, just after it, for an object; a nominative noun of the adjective's gender and number
    with only adjectives between them is the subject, and the adjective qualifies it."""
    for a, adj in enumerate(tokens):
        if adj.pos != "ADJ" or adj.rel != "nsubj" or not 0 <= adj.head < len(tokens):
            continue
        n = a + 1
        while n < len(tokens) and n < a + 4 and tokens[n].pos == "ADJ":
            n += 1
        noun = tokens[n] if n < len(tokens) else None
        if noun is None or noun.pos not in ("NOUN", "PROPN") or noun.head != adj.head or noun.rel not in ("obj", "obl") \
                or noun.feats.get("Case") != "Nom" or any(noun.feats.get(f) != adj.feats.get(f) for f in ("Gender", "Number")):
            continue
        noun.rel = "nsubj"
        adj.head, adj.rel = n, "amod"


def _name_after_its_noun(tokens: list[Token]) -> None:
    """"Глава партии Японии Синдзо Абэ, утвержденный …": slovnet may hang a name on a word past the next comma;
    a name right after a noun phrase, with a comma between it and its head, is that phrase's apposition."""
    for p, name in enumerate(tokens):
        h = name.head
        if name.pos != "PROPN" or name.rel != "appos" or h <= p or p == 0 or \
                not any(tokens[k].pos == "PUNCT" for k in range(p + 1, h)):
            continue
        k = p - 1  # the head of the phrase the name follows: climb from the word before it while heads stay left
        for _ in range(len(tokens)):  # (bounded: a misparse may loop)
            if tokens[k].head in (-1, p) or tokens[k].head >= p or tokens[tokens[k].head].pos not in ("NOUN", "PROPN"):
                break
            k = tokens[k].head
        if tokens[k].pos == "NOUN" and k < p:
            name.head = k


def _second_genitive_is_the_object(tokens: list[Token]) -> None:
    """"обвинил в убийстве Салеха мятежников-хути": an animate plural's genitive and accusative are one form,
    and slovnet hangs the verb's object on the noun of its "в"-phrase as a second genitive; of a verb without an
    object, the second of two animate nouns hanging on its "в"/"за" noun, one that can be accusative, is it."""
    for v, verb in enumerate(tokens):
        if verb.pos != "VERB" or any(t.head == v and t.rel == "obj" for t in tokens):
            continue
        for n, noun in enumerate(tokens):
            if noun.head != v or noun.rel != "obl" or not any(
                    t.head == n and t.rel == "case" and t.lemma in ("в", "за") for t in tokens):
                continue
            owners = [k for k, t in enumerate(tokens) if t.head == n and t.rel == "nmod" and k > n
                      and t.pos in ("NOUN", "PROPN") and t.feats.get("Case") == "Gen"]
            if len(owners) >= 2 and tokens[owners[-1]].feats.get("Animacy") == "Anim" and any(
                    p.tag.case == "accs" for p in parses(tokens[owners[-1]].text.lower().split("-")[0])):
                tokens[owners[-1]].head, tokens[owners[-1]].rel = v, "obj"
                return
            # or slovnet hangs it back across the verb, on a noun before it ("лидер …, обвинив в убийстве Салеха
            # мятежников-хути"), or makes it the verb's complement: the animate noun right after the phrase, in a
            # case that can be accusative
            k = max([n, *(j for j, t in enumerate(tokens) if t.head == n)]) + 1
            nxt = tokens[k] if k < len(tokens) else None
            if nxt is not None and nxt.pos in ("NOUN", "PROPN") and (0 <= nxt.head < v or (
                    nxt.head == v and nxt.rel == "xcomp")) and \
                    nxt.feats.get("Animacy") == "Anim" and nxt.feats.get("Case") in ("Gen", "Acc") and any(
                    p.tag.case == "accs" for p in parses(nxt.text.lower().split("-")[0])):
                nxt.head, nxt.rel = v, "obj"
                return


def _initial_takes_the_surnames_case(tokens: list[Token]) -> None:
    """"был отстранен М.Ахмадинежадом": an initial heads its name but has no case of its own; it takes its
    surname's, and an instrumental name the parser hung on a noun below a passive verb is that verb's agent."""
    for k, t in enumerate(tokens):
        if t.pos != "PROPN" or len(t.text) != 1 or not t.text.isupper():
            continue
        surname = next((tokens[j] for j in range(k + 1, min(k + 3, len(tokens)))
                        if tokens[j].head == k and tokens[j].rel == "flat:name"), None)
        if surname is None or not surname.feats.get("Case"):
            continue
        t.feats = {**t.feats, "Case": surname.feats["Case"]}
        instrumental = surname.feats["Case"] == "Ins" or any(p.tag.case == "ablt" for p in parses(surname.text.lower()))
        if not instrumental or t.rel != "nmod" or any(x.head == k and x.rel == "case" for x in tokens):
            continue
        verb = t.head
        for _ in range(len(tokens)):  # (bounded: a misparse may loop)
            if verb < 0 or tokens[verb].pos in ("VERB", "AUX"):
                break
            verb = tokens[verb].head
        else:
            continue
        if verb >= 0 and (tokens[verb].feats.get("Voice") == "Pass" or any(
                x.head == verb and x.rel == "aux:pass" for x in tokens)) and not any(
                x.head == verb and x.rel == "obl:agent" for x in tokens):
            t.head, t.rel = verb, "obl:agent"
            t.feats["Case"] = surname.feats["Case"] = "Ins"


def _can_be_nominative(word: str) -> bool:
    return any(p.tag.case == "nomn" for p in parses(word.lower()))


def lemmatize(word: str, pos: str | None, feats: dict | None) -> str:
    """pymorphy3's normal form for the parse that agrees with the tagger's part of speech and case; an
    abbreviation is its own lemma ("МТБЮ", not "мтбь")."""
    if len(word) > 1 and word.isupper():
        return fold(word)
    return _lemma(fold(word), pos or "", (feats or {}).get("Case", "").lower()[:3])


@lru_cache(maxsize=200_000)
def _lemma(w: str, pos: str, case: str) -> str:
    if not any("а" <= c <= "я" for c in w):
        return w
    readings = parses(w)
    wanted = UD_TO_PYMORPHY.get(pos, set())
    best = None
    for p in readings:
        if wanted and p.tag.POS not in wanted:
            continue
        if best is None:
            best = p
        if case and p.tag.case and p.tag.case.startswith(case[:3]):
            best = p
            break
    if best is None and pos == "NOUN" and readings[0].tag.POS in ("PRTF", "ADJF"):
        # "пострадавший", "обвиняемого", "задержанные": a participle or adjective used as a noun is named by
        # its masculine nominative, not by its verb ("пострадать")
        noun = readings[0].inflect({"masc", "sing", "nomn"})
        if noun is not None:
            return fold(noun.word)
    return fold((best or readings[0]).normal_form)


@lru_cache(maxsize=1)
def russian() -> RussianAnalyzer:
    """One loaded analyzer per process."""
    return RussianAnalyzer()
