"""Quotes in one text: the passages inside quotation marks, who said them, and with which verb.

This module works on plain strings, one article at a time, with no corpus object, so that the
same function can run over tens of thousands of articles (:func:`analysis.sourcing.extract_quotes`
maps it over a corpus). Everything it needs (the reporting verbs, the vague-sourcing word lists,
the register) is loaded once by :func:`~analysis.sourcing.lexicon.load_lexicon` and reused.

How a quote is found, and where each step lives:

1. **Quote marks and paragraphs** (:func:`analysis.corpus.marks.find_passages`, the package's one
   reader of quotation marks): marks read by their neighbours, not only by their shape; a quote
   never runs past the end of its paragraph unless the next paragraph reopens it.
2. **Sentences** (:mod:`~analysis.sourcing.sentences`): each quote masked to one token, the
   reporting verbs marked; a sentence that ends with a quote and the attribution that follows it
   are joined (:func:`_merge_attributions`).
3. **The cue and the speaker's words** (:mod:`~analysis.sourcing.cues`): the reporting verb after,
   before or around the quote, and its subject. A quote with no cue of its own takes the speaker
   of the quote it continues (``“...,” he said. “...”``, or the next paragraph), of another quote
   of its sentence, or of the previous paragraph's quote when its paragraph holds nothing but
   quotes (:func:`_inherit`).
4. **Who that is** (:mod:`~analysis.sourcing.speakers`): pronouns, descriptions, roles and names
   through the register, or empty when the text does not say.
5. **Kind.** ``direct`` when the quote stands as the speaker's own sentence (set off by a colon,
   a comma, a verb or the start of a sentence, and starting with a capital; or holding several
   sentences), ``partial`` for a quoted phrase inside the reporter's sentence with a speaker,
   ``scare`` for a short quoted phrase with no speaker (Washington's “final offer”),
   ``headline`` for a quote in the headline; ``indirect`` rows are reported speech with no
   quotation marks ("X said that ...", "according to X, ...": :func:`_indirect_row`).

References:
    Pareti, S. (2016), "PARC 3.0: A Corpus of Attribution Relations", LREC; Newell, Margolin &
    Ruths (2018), "An Attribution Relations Corpus for Political News" (PolNeAR), LREC: the
    source-cue-content model of an attribution used here. Asr, F. T. et al. (2021), "The Gender
    Gap Tracker", PLOS ONE 16(1): the rule set for quote and speaker extraction in news (syntax
    patterns plus floating quotes) that this module adapts without a parser. Newell, C. et al.
    (2018), "Quote Extraction and Analysis for News" (Citron, BBC R&D), DSJM.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..corpus.marks import Passage, find_passages, paragraph_spans
from .cues import Cue, cue_after, cue_before, cue_parenthetical, cue_unlisted, sentence_subject, subject_of
from .lexicon import AUXILIARIES, INVERTING, PREPOSITIONS, PRONOUNS, TIME_LEADS, TIME_WORDS, Lexicon, load_lexicon
from .phrases import collect_right, speakerlike
from .sentences import Sentence, Tok, find_verbs, read_sentences
from .speakers import ArticleSpeakers, Who

__all__ = ["KINDS", "load_lexicon", "quotes_in_text", "repeats_headline"]

KINDS = ("direct", "partial", "scare", "headline", "indirect")
"""The kinds of quote row: see step 5 above."""


def quotes_in_text(
    text: str,
    *,
    headline: str = "",
    paragraphs: Sequence[tuple[int, int]] | None = None,
    indirect: bool = False,
    scare_max_words: int = 5,
    lexicon: Lexicon | None = None,
) -> list[dict]:
    """Every quote in one article, with its speaker and reporting verb.

    A pure function of its arguments (no corpus needed), deterministic, with its resources
    compiled once: the unit that :func:`analysis.sourcing.extract_quotes` maps over a corpus.

    Args:
        text: the article's clean text.
        headline: the headline; its quotes come back as rows of kind ``headline`` whose
            ``start``/``end`` are offsets into the headline (``field`` says so). A first paragraph
            of the text that prints the headline again (:func:`repeats_headline`, as a file that
            opens with its title does) is read as the headline, not as body.
        paragraphs: ``(start, end)`` of each paragraph; by default blocks between blank lines.
        indirect: also return reported speech without quotation marks, as rows of kind
            ``indirect`` (the ``quote`` is the reported content).
        scare_max_words: a quoted phrase with no speaker and at most this many words is a scare
            quote; a longer one is kept as a ``direct`` quote with an unknown speaker.
        lexicon: the compiled resources; :func:`load_lexicon` by default.

    Returns:
        One dict per quote, in reading order, with ``field`` (text or headline), ``kind``,
        ``quote``, ``start``, ``end`` (``source[start:end] == quote`` where ``source`` is the
        text or the headline), ``paragraph``, ``sentence``, ``quotation`` (passages of one
        quotation, split by its attribution or running over paragraphs, share this number),
        ``closed`` (the passage had its closing mark), ``speaker``, ``speaker_type``, ``via``
        (how the speaker was found), ``speaks_for`` (the register entry a role speaks for:
        "Okafor’s spokesman" -> Marta Okafor), ``speaker_mention``, ``speaker_start``,
        ``speaker_end`` (the words in the text that name the speaker; -1 when none), ``verb``,
        ``verb_lemma``, ``stance``, ``verb_start``, ``verb_end``, ``cue_position`` (where the
        cue was: after, before, parenthetical, label, according, inherited; subject: no verb of
        the lexicon, the sentence's subject frames the words), ``words``.

    References:
        Pareti (2016), PARC 3.0, and Newell, Margolin & Ruths (2018), PolNeAR: an attribution as
        source, cue and content; Asr et al. (2021), The Gender Gap Tracker: the extraction rules
        this function adapts (see the module docstring). Its measured error rate:
        ``python -m analysis.evaluate quotes``.
    """
    lex = lexicon or load_lexicon()
    paras = list(paragraphs) if paragraphs is not None else paragraph_spans(text)
    rows = _attribute(text, paras, lex, indirect=indirect, scare_max_words=scare_max_words)
    if headline and paras and repeats_headline(text[paras[0][0] : paras[0][1]], headline):
        rows = [r for r in rows if r["start"] >= paras[0][1]]  # the headline printed again at the top: its quotes are the headline's rows
    if headline and headline.strip():
        for r in _attribute(headline, paragraph_spans(headline), lex, indirect=False, scare_max_words=scare_max_words):
            r.update(field="headline", kind="headline", paragraph=-1, sentence=-1, quotation=-1)
            rows.append(r)
    return rows


_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_FINAL_PUNCT = re.compile(r"[\s.,;:!?'\")\]]+$")


def repeats_headline(paragraph: str, headline: str) -> bool:
    """Is a paragraph the headline printed again: the same words, white space and curly quotes
    aside, with a final full stop (or closing mark) added or dropped ("Title." for the headline
    "Title"; "... of Our ‘Nature.’" for "... of Our ‘Nature’"; a headline the file breaks over
    two lines at its semicolon). Case counts: a lead sentence that only says what the headline says
    in sentence case is not it.

    Example:
        >>> repeats_headline("Senator quits; \\nParty stunned.", "Senator quits; Party stunned")
        True
    """
    a = _FINAL_PUNCT.sub("", " ".join(paragraph.translate(_FOLD).split()))
    b = _FINAL_PUNCT.sub("", " ".join(headline.translate(_FOLD).split()))
    return bool(a) and a == b


def _attribute(text: str, paras: list[tuple[int, int]], lex: Lexicon, *, indirect: bool, scare_max_words: int) -> list[dict]:
    """The quote rows (and, with ``indirect``, the indirect rows) of one text, in reading order.

    Passages, cues and the other things that can name a speaker (sentence subjects, reporting
    verbs without a quote) are visited in reading order, so that a pronoun or a description
    resolves to what came before it.
    """
    passages = find_passages(text, paras)
    if not passages and not indirect:
        return []  # no quotation marks: nothing to attribute, and nothing read can change that
    # Without indirect rows, a sentence two paragraphs or more after the last quote is never read:
    # what it says comes after every quote (its subjects and verbs could only name later speakers),
    # and the sentences a quote's cue may look at (its own, the one before, the next paragraph's
    # first: _signature, _colon, _merge_attributions) are all kept.
    last = max(p.paragraph for p in passages) if passages and not indirect else len(paras)
    sentences = read_sentences(text, paras[: last + 2], passages)
    for s in sentences:
        find_verbs(s, lex)
    sentences = _merge_attributions(sentences, lex)
    art = ArticleSpeakers(text, paras, passages, lex)
    where: dict[int, tuple[Sentence, int]] = {}
    for s in sentences:
        for i, q in [(i, t.q) for i, t in enumerate(s.toks) if t.q >= 0]:
            where[q] = (s, i)

    # the cue of each passage: the best of the three places it can be
    cues: dict[int, Cue | None] = {}
    cue_in: dict[int, Sentence] = {}  # the sentence of a cue outside the quote's own (a signature line)
    for qid in range(len(passages)):
        if qid not in where:
            cues[qid] = None
            continue
        s, qi = where[qid]
        found = [c for c in (_same_line(text, s, qi, cue_after(s, qi, lex)), cue_before(s, qi, lex), cue_parenthetical(s, qi, lex)) if c and c.np]
        if not found:
            found = [c for c in (cue_unlisted(s, qi, lex),) if c]
        cues[qid] = max(found, key=lambda c: c.score) if found else None
        if cues[qid] is None:
            signed = _signature(s, qi, sentences, lex) or _colon(s, qi, sentences, lex)
            if signed is not None:
                cue_in[qid], cues[qid] = signed  # the cue's words are in that sentence
    used_verbs = {(where[q][0].index, c.verb[0]) for q, c in cues.items() if c is not None and c.verb}

    # everything that can name a speaker, in reading order: sentence subjects (for pronouns),
    # quotes, and the other reporting verbs (attributions without quote marks)
    items: list[tuple[int, int, str, int, int]] = [(p.open_at, 1, "q", i, 0) for i, p in enumerate(passages)]
    subjects: dict[int, tuple[int, int]] = {}
    for s in sentences:
        np = sentence_subject(s, lex, documents=True)
        if np:
            subjects[s.index] = np
            items.append((s.toks[np[0]].start, 0, "s", s.index, np[0]))
        for v in s.verbs:
            if (s.index, v[0]) not in used_verbs:
                items.append((s.toks[v[0]].start, 2, "v", s.index, v[0]))
    items.sort()

    rows: list[dict] = []
    resolved: dict[int, tuple[Who, Cue | None, Sentence | None, tuple[int, int] | None]] = {}
    last_in_paragraph: dict[int, tuple[Who, Cue | None, Sentence | None, tuple[int, int] | None]] = {}
    subject_in_paragraph: dict[int, tuple[Who, Cue | None, Sentence | None, tuple[int, int] | None]] = {}
    for pos, _, what, ref, extra in items:
        if what == "s":
            s = sentences[ref]
            np = subjects[ref]
            if np[1] - np[0] == 1 and s.toks[np[0]].low in PRONOUNS:
                continue  # a pronoun subject is noted by nobody (and resolving it changes nothing)
            who = art.resolve(s.toks, np, pos)
            if who.kind == "person" and who.via != "pronoun":
                art.note(pos, who, spoke=False)
                pair = _people_pair(s, np, who, art, lex)
                if pair is not None:
                    art.note_thing(pos, pair)  # what a later "they" with no group to stand for is
                if art.is_person(who):
                    subject_in_paragraph[s.paragraph] = (who, None, s, np)
            elif who.via != "pronoun":
                art.note_thing(pos, who)
            continue
        if what == "v":
            s = sentences[ref]
            v = s.verb_at(extra)
            np = subject_of(s, v[0], lex)
            if np is None or not speakerlike(s.toks, np, lex):
                continue
            who = art.resolve(s.toks, np, s.toks[np[0]].start)
            if not who.speaker:
                continue
            if not _relative_clause_verb(s, v, np, subjects.get(s.index)):
                art.note(s.toks[np[0]].start, who)
            last_in_paragraph[s.paragraph] = (who, Cue(v, np, "before", 1.0), s, np)
            if indirect and v[2] in lex.clause and _finite_and_affirmed(s.toks, v):
                row = _indirect_row(art, s, v, np, who, lex)
                if row:
                    rows.append(row)
            continue
        qid = ref
        p = passages[qid]
        cue = cues[qid]
        who, src_cue, src_sent, np = Who("", "unknown", "", "unknown"), None, None, None
        if cue is not None:
            s = cue_in.get(qid) or where[qid][0]
            who = _cataphor(s, cue.np, art, lex) or art.resolve(s.toks, cue.np, s.toks[cue.np[0]].start)
            src_cue, src_sent, np = cue, s, cue.np
        else:
            inherited = _inherit(qid, passages, where, resolved, last_in_paragraph, cues, art, scare_max_words=scare_max_words, subject_in_paragraph=subject_in_paragraph)
            if inherited is not None:
                who0, src_cue, src_sent, np = inherited
                own = src_cue is not None and src_cue.how == "subject"  # the sentence's subject, not a quote before
                who = who0 if own else Who(who0.speaker, who0.speaker_type, "previous quote" if who0.speaker else "", who0.kind, who0.owner)
        resolved[qid] = (who, src_cue, src_sent, np)
        if who.speaker:
            last_in_paragraph[p.paragraph] = resolved[qid]
            if cue is not None:
                art.note(p.open_at, who)
        rows.append(_quote_row(text, p, qid, who, src_cue, src_sent, np, where, lex, scare_max_words))
    _number_quotations(rows, passages)
    rows.sort(key=lambda r: (r["start"], r["end"]))
    return rows


def _same_line(text: str, s: Sentence, qi: int, cue: Cue | None) -> Cue | None:
    """A cue after a quote that closes a sentence of its own, unless a line break comes between
    them: in a text whose paragraphs are single lines, ``“... haven't.”`` / ``Rubio fired back
    at ...`` is a new paragraph whose verb reports something else."""
    if cue is None or text[s.toks[qi].start : s.toks[qi].end].rstrip("”’\"' ")[-1:] not in (".", "!", "?", "…"):
        return cue
    first = min(cue.np[0], cue.verb[0]) if cue.verb else cue.np[0]
    return None if "\n" in text[s.toks[qi].end : s.toks[first].start] else cue


_SUBORDINATORS = frozenset("after before when while as although though because since once if until".split())


def _cataphor(s: Sentence, np: tuple[int, int], art: ArticleSpeakers, lex: Lexicon) -> Who | None:
    """A "he" or "she" that opens a subordinate clause at the start of the sentence, before the
    name it stands for ("After he blasted “Frozen” ..., Pastor Kevin Swanson has now ..."): the
    main clause's subject, when it is a person of a gender that agrees; else None."""
    toks = s.toks
    a = np[0]
    if np[1] - a != 1 or toks[a].low not in ("he", "she"):
        return None
    f = 0
    while f < len(toks) and (toks[f].low in ("but", "and", "yet", "so") or toks[f].text in "“‘\"'(—–,"):
        f += 1
    if not (a == f + 1 and toks[f].low in _SUBORDINATORS):
        return None
    main = sentence_subject(s, lex)
    if main is None or main[0] <= a or not toks[main[0]].cap or toks[main[0]].low in PRONOUNS:
        return None
    who = art.resolve(toks, main, toks[main[0]].start)
    if who.kind != "person" or not (art.is_person(who) or len(who.speaker.split()) >= 2) or not art._agrees_with(toks[a].low)(who.speaker):
        return None
    return Who(who.speaker, who.speaker_type, "pronoun", who.kind, who.owner)


def _people_pair(s: Sentence, np: tuple[int, int], who: Who, art: ArticleSpeakers, lex: Lexicon) -> Who | None:
    """Two people named as one subject ("Professors Foner and Alba suggest ...", "Mr. Rubio and
    Mr. Cruz, who ..."): the group a later "they" stands for, as the text gives it, or None."""
    toks = s.toks
    b = np[1]
    if b + 1 >= len(toks) or toks[b].low != "and" or not toks[b + 1].cap:
        return None
    np2 = collect_right(toks, b + 1, lex)
    if np2 is None or not speakerlike(toks, np2, lex):
        return None
    other = art.resolve(toks, np2, toks[np2[0]].start)
    if other.kind != "person" or not other.speaker or other.speaker == who.speaker:
        return None
    return Who(f"{who.speaker} and {other.speaker}", "role", "name", "group")


def _relative_clause_verb(s: Sentence, v: tuple[int, int, str], np: tuple[int, int], subject: tuple[int, int] | None) -> bool:
    """Is the verb in a relative clause on a noun phrase other than the sentence's subject ("Rubio
    refrained from attacking his rivals, Bush and Christie, who say ...")? Its speaker is not the
    one a "he" in the next sentence stands for: the sentence's subject stays the more salient."""
    k = v[0] - 1
    while k >= 0 and s.toks[k].word and s.toks[k].low.endswith("ly"):
        k -= 1
    return k >= 0 and s.toks[k].low == "who" and subject is not None and subject[0] < np[0] and subject != np


def _signature(s: Sentence, qi: int, sentences: list[Sentence], lex: Lexicon) -> tuple[Sentence, Cue] | None:
    """A quote that fills its paragraph, signed by a dash line under it (``“...” / -- President
    Obama in an interview``): the signature's sentence and its name as a ``label`` cue."""
    if any(t.word for t in s.toks) or s.index + 1 >= len(sentences):
        return None
    nxt = sentences[s.index + 1]
    toks = nxt.toks
    if nxt.paragraph != s.paragraph + 1 or len(toks) < 2 or toks[0].text not in "-—–":
        return None
    a = 1
    while a < len(toks) and toks[a].text in "-—–":
        a += 1
    np = collect_right(toks, a, lex)
    if np is None or not toks[np[0]].cap or not speakerlike(toks, np, lex):
        return None
    return nxt, Cue(None, np, "label", 2.5)


def _colon(s: Sentence, qi: int, sentences: list[Sentence], lex: Lexicon) -> tuple[Sentence, Cue] | None:
    """A quote after a colon that closes a clause with no verb of speech (``Shaw: “...``, ``She
    then addressed the supporters again: “...``, or a paragraph ending with a colon above the
    quote): the clause's subject is the speaker."""
    toks = s.toks
    mark = qi - 2 if qi >= 3 and toks[qi - 1].text == "-" and toks[qi - 2].text == "-" else qi - 1  # "--" as a dash
    if qi >= 2 and (toks[qi - 1].text in ":—–" or mark == qi - 2):
        # also a dash: "Trump also embraced enhanced interrogation -- “I think waterboarding is ...”"
        host = s
        np = sentence_subject(s, lex)
        if np is None or np[1] >= mark or any(t.q >= 0 for t in toks[: np[0]]):
            return None
        if toks[qi - 1].text != ":" and (s.verbs or not s.toks[qi].low[2:3].isupper()):
            return None  # after a dash, only a quote that opens with a capital, in a sentence with no verb of speech
    elif all(not t.word for t in toks[:qi]) and s.index > 0:
        host = sentences[s.index - 1]
        if host.paragraph != s.paragraph - 1 or not host.toks or host.toks[-1].text != ":" or any(t.q >= 0 for t in host.toks):
            return None
        np = sentence_subject(host, lex)
        if np is None:
            return None
    else:
        return None
    if not speakerlike(host.toks, np, lex) or host.toks[np[0]].low in ("it", "i", "we"):
        return None
    return host, Cue(None, np, "colon", 2.0)


def _merge_attributions(sentences: list[Sentence], lex: Lexicon) -> list[Sentence]:
    """Join a sentence that ends with a quote and the attribution that follows it.

    ``“You think I'm going to change?” Trump asked reporters during a news conference late
    last month.`` is split after the question mark by the sentence splitter (the attribution is
    long); the attribution belongs to the quote.
    """
    out: list[Sentence] = []
    for s in sentences:
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == s.paragraph and prev.toks and prev.toks[-1].q >= 0 and not prev.verbs and _opens_with_attribution(s, lex):
            off = len(prev.toks)
            prev.toks.extend(s.toks)
            prev.verbs.extend((i + off, n, lemma) for i, n, lemma in s.verbs)
            prev.end = s.end
        else:
            out.append(s)
    for i, s in enumerate(out):
        s.index = i
    return out


def _opens_with_attribution(s: Sentence, lex: Lexicon) -> bool:
    if not s.verbs or s.verbs[0][0] > 20 or any(t.q >= 0 for t in s.toks[: s.verbs[0][0]]):
        return False
    vi, n, lemma = s.verbs[0]
    if vi == 0:
        np = collect_right(s.toks, n, lex)
        return lemma in INVERTING and np is not None and speakerlike(s.toks, np, lex)
    np = subject_of(s, vi, lex)
    return np is not None and np[0] == 0 and speakerlike(s.toks, np, lex)


def _inherit(qid: int, passages: list[Passage], where: dict, resolved: dict, last_in_paragraph: dict, cues: dict, art: "ArticleSpeakers", *, scare_max_words: int = 5, subject_in_paragraph: dict | None = None):
    """The (speaker, cue, sentence, noun phrase) a passage with no cue of its own takes, if any."""
    p = passages[qid]
    if p.continues >= 0 and p.continues in resolved and resolved[p.continues][0].speaker:
        return resolved[p.continues]
    if qid not in where:
        return None
    s, qi = where[qid]
    # another quote of the same sentence that has a speaker of its own (the earlier first):
    # "Rybar described him as “competent” and said “he was not well liked”", or a title before
    # the quote that names its speaker ("“Glitters” was to be a “cautionary tale,” said Crawford")
    same = [t.q for t in s.toks if t.q >= 0 and t.q != qid]
    for q in sorted(same, key=lambda q: (q > qid, abs(q - qid))):
        if q in resolved and resolved[q][0].speaker and resolved[q][1] is not None:
            return resolved[q]
        if q > qid and cues.get(q) is not None and not _ends_sentence(art.text, p):
            # (a later quote's cue is not this one's when this one closes a sentence of its own:
            # “We are refugees,” Vale said. “We are not criminals.” Ruiz said: “...”)
            c = cues[q]
            who = art.resolve(s.toks, c.np, s.toks[c.np[0]].start)
            if who.speaker:
                return (who, c, s, c.np)
    # a quote split by its attribution: “...,” he said. “...” (same paragraph; the quote stands
    # as a sentence of its own, so a quoted phrase in the reporter's sentence takes nobody's words)
    own_sentence = qi == 0 or all(not t.word for t in s.toks[:qi])
    for q in range(qid - 1, -1, -1) if own_sentence else ():
        if passages[q].paragraph != p.paragraph:
            break
        if q in resolved and resolved[q][0].speaker:
            return resolved[q]
    # a quote standing as its own sentence after someone's reported words in the same paragraph
    # ("Perez says too many women feel guilty. “They feel like a bad employee.”")
    here = last_in_paragraph.get(p.paragraph)
    if own_sentence and here is not None and here[2] is not None and here[2].end <= p.open_at and p.text_first_upper:
        return here
    # a paragraph of nothing but quotes takes the last speaker of the paragraph before
    if qi == 0 and all(t.q >= 0 or not t.word for t in s.toks):
        before = last_in_paragraph.get(p.paragraph - 1)
        if before is None and subject_in_paragraph and len(art.text[p.start : p.end].split()) > scare_max_words:
            # no one spoke there: the person the paragraph before is about (its last subject that
            # names a person: "X is upbeat about ... | “...”"), as news style hands the floor to them;
            # not a line of a few words (a slogan or a title standing alone)
            before = subject_in_paragraph.get(p.paragraph - 1)
        return before
    # a quotation carried on in the reporter's next sentence of the same paragraph, with no verb of
    # its own and no other subject (“...,” said Finlayson. Now, “within the business community
    # there is ...”; Instead, “he just acts like a defeated man.”): the paragraph's quoted speaker.
    # A phrase of a few words is left alone: in the reporter's sentence it is as often a scare quote.
    if not s.verbs and len(p_words := art.text[p.start : p.end].split()) > scare_max_words:
        earlier = [q for q in range(qid - 1, -1, -1) if passages[q].paragraph == p.paragraph]
        if earlier and earlier[0] in resolved and resolved[earlier[0]][0].speaker and resolved[earlier[0]][1] is not None:
            np = sentence_subject(s, art.lex, before=qi)
            if np is None or (np[1] - np[0] == 1 and s.toks[np[0]].low in ("he", "she", "they")):
                return resolved[earlier[0]]
    # a passage of more than a few words inside a sentence whose subject is a person, framed by a
    # verb the lexicon does not list ("Paul Ryan worried that the safety net was becoming “a
    # hammock that lulls ...”", "Mr. Obama expressed a deep regret for “my inability to ...”"):
    # the subject's words (a title of a work stays nobody's)
    quote = art.text[p.start : p.end]
    if not own_sentence and len(quote.split()) > scare_max_words and not _title(art.text, p, quote):
        np = sentence_subject(s, art.lex, before=qi)
        if np is not None and not (np[1] - np[0] == 1 and s.toks[np[0]].low in PRONOUNS and s.toks[np[0]].low not in ("he", "she")):
            who = art.resolve(s.toks, np, s.toks[np[0]].start)
            if (who.kind == "person" and art.is_person(who)) or who.kind in ("organisation", "media"):
                return (who, Cue(None, np, "subject", 0.0), s, np)  # its own speaker, not an inherited one
    return None


def _ends_sentence(text: str, p: Passage) -> bool:
    """Does the quoted passage end with a full stop, a question or an exclamation mark of its own?"""
    return text[p.start : p.end].rstrip("”’\"' ")[-1:] in (".", "!", "?", "…")


# Heads of a description that names a thing, not a person, a body or a document that chose the words
# (a statement, a lawsuit or a poll is quoted for its own words; "the increase" is not).
_THING_HEADS = frozenset(
    "data figures numbers number increase increases decrease rise fall drop gain change changes plan bill law "
    "deal measure move decision rate rates this that it".split()
)


def _thing_not_speaker(who: Who) -> bool:
    """A description ("the report", "the increase", "this") rather than a person, body or name."""
    if who.via not in ("role", "description") or who.speaker_type not in ("role", "anonymous"):
        return False
    words = who.speaker.lower().split()
    return bool(words) and words[-1] in _THING_HEADS


_SENTENCE_INSIDE = re.compile(r"[.!?…]\s+[“‘\"']?[A-Z]")


def _is_direct(s: Sentence, qi: int, quote: str) -> bool:
    """Does the quote stand as the speaker's own sentence rather than a phrase in the reporter's?"""
    if _SENTENCE_INSIDE.search(quote):
        return True
    first = quote.lstrip("‘'\"“.…[(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if len(quote.split()) < 3 and quote[-1:] not in ".!?,…":
        return False  # a capitalised word or two ("“Trumpization”") is a phrase, not a sentence
    toks = s.toks
    if qi == 0:
        return True
    prev = toks[qi - 1]
    return prev.text in ":,;—–-" or any(v[0] + v[1] == qi for v in s.verbs_before(qi, reach=8, most=8)) or prev.q >= 0


_TITLE_SMALL = frozenset("a an the of and or in on at to for with from by".split())
_TITLE_BEFORE = re.compile(r"(?:\b(?:on|in|titled|entitled|called|dubbed|named|of)\s+(?:[A-Z][\w’'.]*\s+){0,2}|[A-Z][\w.]*[’']s\s+|\b(?:television|channel|network|radio|station)[’']s\s+)$")
# the noun of a work right before its title: the reality show “...”, his 2005 book ''...'', the podcast “...”
_WORK_BEFORE = re.compile(r"\b(?:show|program|programme|podcast|book|series|sitcom|song|album|novel|memoir|documentary|musical),?\s+$")
_POSSESSIVE_BEFORE = re.compile(r"[’']s\s+$")
_TITLE_AFTER = re.compile(r"\s+(?:star|stars|podcast|show|series|program|programme|segment|film|movie|book|column|franchise|episode)\b")


def _title(text: str, p: Passage, quote: str) -> bool:
    """A title in quotation marks rather than anyone's words: a few words all capitalised but the
    small ones, after "on", "in", "titled" ... or a name's possessive, or before the noun of a
    work (told CNN on “At This Hour.”, his book “The Art of the Deal”, POLITICO’s “Off Message”
    podcast, the “Avatar” star)."""
    words = quote.strip(" .,!?").split()
    work = _WORK_BEFORE.search(text, max(0, p.open_at - 20), p.open_at)
    before = work or _TITLE_BEFORE.search(text, max(0, p.open_at - 40), p.open_at)
    if not 1 <= len(words) <= (12 if work else 7) or not (before and (len(words) > 1 or work or _POSSESSIVE_BEFORE.search(before.group(0)))
                                                          or _TITLE_AFTER.match(text, p.region_end)):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in words)


_FROM_TO = re.compile(r"\bfrom\s+$")


def _words_as_words(text: str, p: Passage, words: int) -> bool:
    """One or two words quoted as words in "from “A” to “B”" (a change of wording, not a quotation)."""
    if words > 2 or p.close_at < 0:
        return False
    before = text[max(0, p.open_at - 8) : p.open_at]
    after = text[p.region_end : p.region_end + 6]
    if _FROM_TO.search(before) and re.match(r"\s+to\s+[“\"]", after):
        return True
    if re.search(r"\bto\s+$", before):
        k = text.rfind("from", max(0, p.open_at - 40), p.open_at)
        return k >= 0 and re.match(r"from\s+[“\"][^”\"]{1,30}[”\"]\s+to\s+$", text[k : p.open_at]) is not None
    return False


def _quote_row(text, p: Passage, qid, who: Who, cue: Cue | None, s: Sentence | None, np, where, lex: Lexicon, scare_max_words: int) -> dict:
    """One passage's row: its kind (step 5 of the module docstring), speaker, cue and offsets."""
    quote = text[p.start : p.end]
    words = len(quote.split())
    qs, qi = where.get(qid, (None, 0))
    if not who.speaker and (cue is None or cue.verb is None or not speakerlike(s.toks, np, lex)):
        kind = "scare" if words <= scare_max_words else "direct"
    elif not who.speaker:
        # a reporting verb with a subject that can speak frames the words, but the subject names
        # nobody we can tell ("it said", a pronoun with no antecedent): somebody's words, speaker unknown
        kind = "direct" if (qs is not None and _is_direct(qs, qi, quote)) or p.continues >= 0 else "partial"
    else:
        kind = "direct" if (qs is not None and _is_direct(qs, qi, quote)) or p.continues >= 0 else "partial"
        if kind == "partial" and words <= scare_max_words and _thing_not_speaker(who):
            kind = "scare"  # "the report said the “fiscal cliff” would ...": the reporter's marks, nobody's words
        elif kind == "partial" and (_title(text, p, quote) or _words_as_words(text, p, words)):
            kind = "scare"  # told CNN on “At This Hour.”; a reversal from “penalty” to “tax”
    if kind == "direct" and p.continues < 0 and _WORK_BEFORE.search(text, max(0, p.open_at - 20), p.open_at) and _title(text, p, quote):
        kind = "scare"  # his 2012 book, “An American Son.”: a work's title, even where it reads as a sentence
    row = {
        "field": "text", "kind": kind, "quote": quote, "start": p.start, "end": p.end,
        "paragraph": p.paragraph, "sentence": qs.index if qs is not None else -1, "quotation": qid,
        "closed": p.close_at >= 0, "speaker": who.speaker, "speaker_type": who.speaker_type if who.speaker else "unknown",
        "via": who.via if who.speaker else "", "speaks_for": who.owner if who.speaker else "",
        "speaker_mention": "", "speaker_start": -1, "speaker_end": -1,
        "verb": "", "verb_lemma": "", "stance": "", "verb_start": -1, "verb_end": -1, "words": words,
        "cue_position": "",
    }
    if cue is not None and s is not None:
        row["cue_position"] = "inherited" if who.via == "previous quote" else cue.how
        if np is not None:
            a, b = s.toks[np[0]].start, s.toks[np[1] - 1].end
            row.update(speaker_mention=text[a:b], speaker_start=a, speaker_end=b)
        if cue.verb is not None:
            vi, n, lemma = cue.verb
            a, b = s.toks[vi].start, s.toks[vi + n - 1].end
            row.update(verb=text[a:b].lower(), verb_lemma=lemma, stance=lex.stance.get(lemma, ""), verb_start=a, verb_end=b)
    if kind == "scare":
        row.update(speaker="", speaker_type="unknown", via="", speaks_for="")
    return row


def _number_quotations(rows: list[dict], passages: list[Passage]) -> None:
    """Passages of one quotation share ``quotation``: continued over paragraphs, or split by the attribution."""
    by_q = {r["quotation"]: r for r in rows if r["kind"] != "indirect"}
    for qid in range(len(passages)):
        r = by_q.get(qid)
        if r is None:
            continue
        p = passages[qid]
        if p.continues >= 0 and p.continues in by_q:
            r["quotation"] = by_q[p.continues]["quotation"]
        elif r["via"] == "previous quote" and qid - 1 in by_q and passages[qid - 1].paragraph == p.paragraph and by_q[qid - 1]["speaker"] == r["speaker"]:
            r["quotation"] = by_q[qid - 1]["quotation"]


def _finite_and_affirmed(toks: list[Tok], v: tuple[int, int, str]) -> bool:
    """A verb that reports something said: not a participle ("declaring", which may hang on any
    clause) and not negated ("has not revealed details")."""
    vi, _, lemma = v
    if lemma == "according to":
        return True
    if toks[vi].low.endswith("ing"):
        return False
    j = vi - 1
    while j >= 0 and toks[j].low in AUXILIARIES and toks[j].low not in ("not", "n't", "never"):
        j -= 1
    return not (j >= 0 and toks[j].low in ("not", "n't", "never"))


def _indirect_row(art: ArticleSpeakers, s: Sentence, v: tuple[int, int, str], np: tuple[int, int], who: Who, lex: Lexicon) -> dict | None:
    """An attribution without quotation marks: "X said (that) ...", "according to X, ...", "..., X said."."""
    toks = s.toks
    vi, n, lemma = v
    if lemma == "according to":
        if vi == 0 or toks[vi - 1].text in "“‘\"'(":
            a = np[1] + (1 if np[1] < len(toks) and toks[np[1]].text == "," else 0)
            content = (a, len(toks))
        elif toks[vi - 1].text == ",":
            content = (0, vi - 1)
        else:
            return None
    else:
        after = vi + n
        if np[0] > 0 and toks[np[0] - 1].text == "," and (after >= len(toks) or toks[after].text in ".,;!?"):
            content = (0, np[0] - 1)  # "..., X said."
        elif np[0] > vi:
            return None  # "said X" with nothing reported
        else:
            a = after
            that = next((x for x in range(after, min(after + 10, len(toks))) if toks[x].low == "that"), None)
            if that is not None and not any(t.q >= 0 or t.text in ",;:—–-" for t in toks[after:that]):
                a = that + 1  # "wrote on social media that ...", "told Okafor at their last meeting ... that ..."
            else:
                if lemma in ("tell", "brief", "assure") and a < len(toks):
                    obj = collect_right(toks, a, lex)
                    a = obj[1] if obj else a
                while a < len(toks) and (toks[a].low in TIME_LEADS or toks[a].low in TIME_WORDS or toks[a].text == ","):
                    a += 1
            if a < len(toks) and (toks[a].low in PREPOSITIONS or (toks[a].low.endswith("ed") and not toks[a].cap)):
                return None  # "responded to the proposals", "which he said included ...": no content
            content = (a, len(toks))
    a, b = content
    while b > a and toks[b - 1].text in ".,;:!?—–":
        b -= 1
    if b - a < 3 or not any(t.word for t in toks[a:b]) or any(t.q >= 0 for t in toks[a:b]):
        return None
    start, end = toks[a].start, toks[b - 1].end
    text = art.text
    sa, sb = toks[np[0]].start, toks[np[1] - 1].end
    va, vb = toks[vi].start, toks[vi + n - 1].end
    return {
        "field": "text", "kind": "indirect", "quote": text[start:end], "start": start, "end": end,
        "paragraph": s.paragraph, "sentence": s.index, "quotation": -1, "closed": True,
        "speaker": who.speaker, "speaker_type": who.speaker_type, "via": who.via, "speaks_for": who.owner,
        "speaker_mention": text[sa:sb], "speaker_start": sa, "speaker_end": sb,
        "verb": text[va:vb].lower(), "verb_lemma": lemma, "stance": lex.stance.get(lemma, ""),
        "verb_start": va, "verb_end": vb, "words": len(text[start:end].split()), "cue_position": "before" if np[0] < vi else "after",
    }
