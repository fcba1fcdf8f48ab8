"""Synthesis: one card per outlet that brings together its frames, words, voices and coverage.

Notebook 05 ("all the outlets side by side") puts side by side what notebooks 01 to 04 found about
each outlet. Nothing here is a new analysis: :func:`synthesize` calls each of the four analyses
once on the corpus (framing and agency, word choice, sourcing, story elements and text reuse),
keeps the tables they return, and writes from them a few **claims** per outlet
(:mod:`analysis.synthesis.claims` says what a claim holds). The comparisons the claims state
(an outlet against the others taken together, the wordings only one outlet uses, the share of
its words another outlet prints too) are computed by the analyses' own ``summary`` modules
(:mod:`analysis.framing.summary`, :mod:`analysis.wordchoice.summary`,
:mod:`analysis.sourcing.summary`, :mod:`analysis.topics.summary`); this module only picks the
numbers and the passages of each claim and puts them in words.

A corpus of one outlet gets its card, and each claim that needs a comparison says plainly that
it needs two outlets. Articles without a headline get no headline on their card.

Example:
    >>> from analysis.corpus import load_corpus
    >>> from analysis.synthesis import synthesize
    >>> syn = synthesize(load_corpus())
    >>> list(syn.claims.columns[:5])
    ['claim_id', 'outlet', 'topic', 'measure', 'claim']

References:
    The methods are those of the modules it draws on: Semetko & Valkenburg (2000) for the
    generic frames (:mod:`analysis.framing`); Monroe, Colaresi & Quinn (2008) for distinctive
    terms (:mod:`analysis.wordchoice`); Bergler (1992) on reporting verbs and Newell, Margolin
    & Ruths (2018) for the quote finder's evaluation (:mod:`analysis.sourcing`); story elements,
    coverage and text reuse in :mod:`analysis.topics`.
"""

from __future__ import annotations

import re
import numpy as np
import pandas as pd

from ..corpus import Corpus
from ..framing.summary import agentless_of_others, frame_ranks
from ..plots import outlet_colors
from ..sourcing.summary import stance_of_others, stance_verbs, voice_quotes, voice_ranking
from ..topics.coverage import most_of
from ..topics.summary import sentences_told_alone, shared_words
from ..wordchoice.summary import (
    differing_concepts,
    naming_counts,
    own_voice,
    significance_counts,
    term_spans,
    wordings_of_its_own,
)
from .claims import CLAIM_COLUMNS, SOURCES, Synthesis, _claim, _Contexts, _evidence, _join, _needs_two, _pct, _plural, _short

__all__ = [
    "synthesize",
]

# ---------------------------------------------------------------------------------------------
# Frames (notebook 01)


def _frame_evidence(ctx: _Contexts, scores: pd.DataFrame, outlet: str, frame: str) -> list[dict]:
    return [
        _evidence(ctx, r.article_id, r.start, r.end, f"{r.frame}: {r.cues}")
        for r in scores[(scores["outlet"] == outlet) & (scores["frame"] == frame)].itertuples(index=False)
    ]


def _frame_claims(corpus: Corpus, scores: pd.DataFrame, ranks: pd.DataFrame, passive_summary: pd.DataFrame,
                  passives: pd.DataFrame, ctx: _Contexts) -> list[dict]:
    rows = []
    two = len(corpus.outlets) > 1
    others_rate = agentless_of_others(passive_summary)
    for o in corpus.outlets:
        mine = ranks[ranks["outlet"] == o]
        top = mine.iloc[0]
        if top["sentences"] == 0:
            rows.append(_claim(o, "most frequent frame", "None of its sentences carries a cue of any generic frame.", 0.0))
        else:
            text = (
                f"{top['frame']} is its most frequent generic frame: {top['sentences']} of its {top['all_sentences']} "
                f"sentences ({_pct(top['share_of_sentences'])}) carry a cue of it"
            )
            others = ranks[(ranks["outlet"] != o) & (ranks["frame"] == top["frame"])]
            theirs = others["share_of_sentences"]
            if len(theirs) == 1:
                text += f", against {_pct(theirs.iloc[0])} in {others['outlet'].iloc[0]}."
            elif len(theirs) > 1:
                lo, hi = _pct(theirs.min()), _pct(theirs.max())
                text += f", against {lo} in each of the other outlets." if lo == hi else f", against {lo} to {hi} in the other outlets."
            else:
                text += "."
            ev = _frame_evidence(ctx, scores, o, top["frame"])
            rows.append(_claim(o, "most frequent frame", text, top["share_of_sentences"], ev, about=top["frame"]))

        if not two:
            rows.append(_needs_two(o, "frame that sets it apart", "Setting one outlet's frames against the others'"))
        else:
            lean = mine.loc[mine["gap"].idxmax()]  # the first of equal gaps, in rank order
            if lean["gap"] <= 0:
                text = "No generic frame is more frequent in its sentences than in the other outlets' sentences taken together."
                rows.append(_claim(o, "frame that sets it apart", text, 0.0))
            else:
                frame = lean["frame"]
                text = (
                    f"Against the other outlets taken together, it leans most to {frame.lower()}: {_pct(lean['share_of_sentences'])} "
                    f"of its sentences ({lean['sentences']}) carry a cue of it, against {_pct(lean['others_share'])} of theirs "
                    f"({100 * lean['gap']:+.0f} percentage points)."
                )
                ev = _frame_evidence(ctx, scores, o, frame)
                rows.append(_claim(o, "frame that sets it apart", text, lean["gap"], ev, about=frame))

        p = passive_summary[passive_summary["outlet"] == o].iloc[0]
        if p["passives"] == 0:
            rows.append(_claim(o, "agentless passives", "The rules find no passive construction in its text.", 0.0))
        else:
            ev = [
                _evidence(ctx, r.article_id, r.start, r.end, f"“{r.verb_group}”, no agent")
                for r in passives[(passives["outlet"] == o) & ~passives["has_agent"]].itertuples(index=False)
            ]
            text = (
                f"{p['agentless']} of its {_plural(int(p['passives']), 'passive construction')} leave out who did it "
                f"({p['agentless_per_1000_words']:.1f} per 1,000 words"
            )
            if two and pd.notna(others_rate[o]):
                text += f"; the other outlets together: {others_rate[o]:.1f})."
            else:
                text += ")."
            rows.append(_claim(o, "agentless passives", text, p["agentless_per_1000_words"], ev))
    return rows


# ---------------------------------------------------------------------------------------------
# Words (notebook 02)


def _term_core(term: str) -> str:
    """The longest run of letters and digits of a term's first word: counting terms only folds case and
    makes apostrophes and hyphens plain, so an article whose lower-cased text lacks it cannot hold the term."""
    return max(re.findall(r"[^\W_]+", term.split(" ")[0]) or [""], key=len)


def _distinctive_claim(o: str, corpus: Corpus, terms: pd.DataFrame, top: pd.DataFrame, ctx: _Contexts) -> dict:
    t = top[(top["outlet"] == o) & (top["z"] > 0)].head(3)
    if t.empty:
        return _claim(o, "distinctive terms", "No term it uses twice or more stands out against the other outlets.", np.nan)
    arts = corpus.articles
    mine = arts.loc[arts["outlet"] == o, "text"]
    folded = {aid: text.lower() for aid, text in mine.items()}  # a quick test before reading word by word
    parts, ev = [], []
    for r in t.itertuples(index=False):
        parts.append(f"“{r.term}” ({r.count} times; {r.count_other} in all the others; z = {r.z:.2f})")
        first = _term_core(r.term)
        for aid, text in mine.items():
            if first in folded[aid]:
                ev += [_evidence(ctx, aid, a, b, f"“{r.term}”, z = {r.z:.2f}") for a, b in term_spans(text, r.term)]
    counts = significance_counts(t["z"], n_tests=len(terms))
    n_pass, n_bonf, z_bonf = counts["usual"], counts["bonferroni"], counts["z_bonferroni"]
    if n_pass == 0:
        caveat = "None of them passes z = 1.96, the usual threshold for one term taken alone: each could be chance."
    else:
        caveat = (
            ("One of them passes" if n_pass == 1 else f"{n_pass} of them pass")
            + " z = 1.96, the usual threshold for one term taken alone; "
            + (str(n_bonf) if n_bonf else "none")
            + f" the threshold corrected for all {len(terms):,} comparisons (z = {z_bonf:.2f})."
        )
    text = "The terms it uses most beyond the others: " + "; ".join(parts) + ". " + caveat
    return _claim(o, "distinctive terms", text, float(t["z"].iloc[0]), ev, about=str(t["term"].iloc[0]))


def _word_claims(corpus: Corpus, terms: pd.DataFrame | None, top: pd.DataFrame | None, mentions: pd.DataFrame,
                 concept_names: dict[str, str], ctx: _Contexts) -> list[dict]:
    rows = []
    outlets = corpus.outlets
    two = len(outlets) > 1
    own = own_voice(mentions)
    # Wordings the outlets' own voices differ on: concepts with two or more wordings used outside quotes.
    differing = differing_concepts(mentions, list(concept_names), n_outlets=len(outlets))
    solo_all = wordings_of_its_own(mentions, list(concept_names), outlets) if two else None
    for o in outlets:
        if terms is None or top is None:
            rows.append(_needs_two(o, "distinctive terms", "Finding the terms that set an outlet apart"))
        else:
            rows.append(_distinctive_claim(o, corpus, terms, top, ctx))

        mine = own[own["outlet"] == o] if len(own) else own
        shown = [c for c in differing if len(mine) and (mine["concept"] == c).any()]
        if not shown:
            text = ("Outside quotation marks it uses none of the wordings on which the outlets differ."
                    if two else "Outside quotation marks it uses none of the contested wordings of the lexicon.")
            rows.append(_claim(o, "contested naming", text, 0))
        else:
            parts, ev = [], []
            for c in shown:
                m = mine[mine["concept"] == c]
                counts = m.groupby("variant", sort=False).size().sort_values(ascending=False, kind="stable")
                parts.append(f"{concept_names[c]}: " + ", ".join(f"“{v}” ×{n}" for v, n in counts.items()))
                ev += [_evidence(ctx, r.article_id, r.start, r.end, f"{concept_names[c]}: “{r.variant}”")
                       for r in m.itertuples(index=False)]
            lead = ("In its own voice (outside quotation marks), where the outlets' wordings differ: " if two
                    else "In its own voice (outside quotation marks): ")
            shown_parts = parts[:4]
            more = f"; and {len(parts) - 4} more in the text behind it" if len(parts) > 4 else ""
            rows.append(_claim(o, "contested naming", lead + "; ".join(shown_parts) + more + ".", len(shown), ev))

        if solo_all is None:
            rows.append(_needs_two(o, "wordings of its own", "Finding the wordings only one outlet uses"))
            continue
        solo = solo_all[solo_all["outlet"] == o]
        if solo.empty:
            text = "Every contested wording it uses in its own voice is used by another outlet too."
            rows.append(_claim(o, "wordings of its own", text, 0))
            continue
        parts, ev = [], []
        for s in solo.itertuples(index=False):
            c, v = s.concept, s.variant
            note = (f"; {_join(s.quoted_by)} {'has' if len(s.quoted_by) == 1 else 'have'} it only inside quotation marks"
                    if s.quoted_by else "")
            parts.append(f"“{v}” ×{s.uses} ({concept_names[c]}{note})")
            uses = mine[(mine["concept"] == c) & (mine["variant"] == v)]
            ev += [_evidence(ctx, r.article_id, r.start, r.end, f"{concept_names[c]}: “{v}”") for r in uses.itertuples()]
        text = "Only it uses, in its own voice: " + "; ".join(parts) + "."
        rows.append(_claim(o, "wordings of its own", text, len(solo), ev, about=", ".join(f"“{v}”" for v in solo["variant"])))
    return rows


# ---------------------------------------------------------------------------------------------
# Voices (notebook 03)


def _voice_claims(corpus: Corpus, quotes: pd.DataFrame, voices: pd.DataFrame, stance: pd.DataFrame, ctx: _Contexts) -> list[dict]:
    rows = []
    ranked = voice_ranking(voices)
    loaded_all = stance_verbs(quotes)
    others = stance_of_others(stance)
    for o in corpus.outlets:
        v = ranked[ranked["outlet"] == o]
        total = int(v["outlet_words"].iloc[0]) if len(v) else 0
        if total == 0:
            text = "It quotes no one directly or in part (no words inside quotation marks with a speaker)."
            rows.append(_claim(o, "most quoted voices", text, 0.0))
        else:
            top = v.head(3)
            parts, ev = [], []
            for r in top.itertuples(index=False):
                who = "speakers it does not name" if r.speaker == "(unknown)" else r.speaker
                parts.append(f"{who}, {_pct(r.share)} ({r.words} words in {_plural(r.quotes, 'quote')})")
                ev += [_evidence(ctx, x.article_id, x.start, x.end, who + (f", {x.verb}" if x.verb else ""))
                       for x in voice_quotes(quotes, o, r.speaker).itertuples(index=False)]
            text = f"Of the {total} words it puts inside quotation marks, the most go to " + "; ".join(parts) + "."
            lead = "speakers it does not name" if top["speaker"].iloc[0] == "(unknown)" else top["speaker"].iloc[0]
            rows.append(_claim(o, "most quoted voices", text, float(top["share"].iloc[0]), ev, about=lead))

        s = stance.loc[o]
        n = int(s["total"])
        if n == 0:
            rows.append(_claim(o, "reporting verbs", "No attribution with a reporting verb was found in its text.", np.nan))
            continue
        loaded = loaded_all[loaded_all["outlet"] == o]
        nn = n - int(s["neutral"])
        classes = []
        for cls in ("distancing", "factive", "emotive", "directive"):
            verbs = loaded.loc[loaded["stance"] == cls, "verb"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
            if len(verbs):
                classes.append(f"{cls}: " + ", ".join(f"“{w}” ×{k}" for w, k in verbs.items()))
        text = f"{nn} of its {_plural(n, 'attribution')} ({_pct(nn / n)}) use a reporting verb that is not neutral"
        text += f" ({'; '.join(classes)})" if classes else ""
        text += f"; distancing verbs: {int(s['distancing'])} ({_pct(s['distancing'] / n)})"
        rest = others.loc[o]
        if rest["others_total"]:
            text += (f". The other outlets together: {_pct(rest['others_non_neutral_share'])} not neutral, "
                     f"{_pct(rest['others_distancing_share'])} distancing.")
        else:
            text += "."
        ev = [
            _evidence(ctx, r.article_id, r.verb_start, r.verb_end, f"“{r.verb}” ({r.stance})" + (f", for {r.speaker}" if r.speaker else ""))
            for r in loaded.sort_values(["article_id", "verb_start"]).itertuples(index=False)
            if r.verb_end > r.verb_start
        ]
        rows.append(_claim(o, "reporting verbs", text, nn / n, ev))
    return rows


# ---------------------------------------------------------------------------------------------
# Coverage (notebook 04)


def _coverage_claims(corpus: Corpus, elements: pd.DataFrame, only: pd.DataFrame, omitted: pd.DataFrame,
                     passages: pd.DataFrame, shared: pd.DataFrame, ctx: _Contexts) -> list[dict]:
    """The coverage claims. A claim about an empty set is not written: an outlet with no passage
    of its own that no other outlet comes near gets no "told by it alone" claim, and when no
    element is told by most of the other outlets there is nothing it could leave out, so it gets
    no "left out" claim either."""
    rows = []
    outlets = corpus.outlets
    e = elements.dropna(subset=["element"])
    told_alone = sentences_told_alone(elements, only) if len(outlets) > 1 else None
    n_others = len(outlets) - 1
    need = most_of(n_others) if n_others else 0
    per_element = e.groupby("element")["outlet"].nunique() if len(e) else pd.Series(dtype=int)
    for o in outlets:
        if told_alone is None:
            rows.append(_needs_two(o, "told by it alone", "Finding what only one outlet tells"))
            rows.append(_needs_two(o, "left out", "Finding what an outlet leaves out"))
            rows.append(_needs_two(o, "shared wire narration", "Finding text shared word for word between outlets"))
            continue
        mine = e[e["outlet"] == o]
        covered = int(mine["element"].nunique())
        alone = only[only["outlet"] == o]
        if len(alone):
            in_alone = told_alone[told_alone["outlet"] == o]
            first = alone.iloc[0]
            n_sent = in_alone.drop_duplicates(["article_id", "sentence"]).shape[0]
            text = (
                f"It alone tells {_plural(len(alone), 'story element')} in passages of its own that no other outlet's sentences "
                f"come near ({_plural(n_sent, 'sentence')}). The earliest, in its sentence {int(first['first_sentence']) + 1}: "
                f"“{_short(first['text'])}”"
            )
            ev = [_evidence(ctx, r.article_id, r.start, r.end, f"element {r.element} ({r.element_label})")
                  for r in in_alone.drop_duplicates(["article_id", "sentence"]).itertuples(index=False)]
            rows.append(_claim(o, "told by it alone", text, len(alone), ev))

        # The elements most of the others tell: the set a "left out" claim is about.
        mine_set = set(mine["element"])
        widely = [el for el, n in per_element.items() if n - int(el in mine_set) >= need]
        if not widely:
            continue
        left = omitted[omitted["left out by"] == o]
        most = ("the other outlet tells" if n_others == 1 else f"both other outlets tell" if n_others == 2
                else f"all {n_others} other outlets tell" if need == n_others else f"at least {need} of the {n_others} other outlets tell")
        if left.empty:
            told = sum(1 for el in widely if el in mine_set)
            text = (f"Of the {_plural(len(widely), 'story element')} that {most}, it tells {told}"
                    + (f"; the other {len(widely) - told} it may tell in other words (a sentence of its own comes near each)."
                       if told < len(widely) else "."))
            rows.append(_claim(o, "left out", text, 0))
        else:
            parts = [f"“{_short(r['label'], 110)}” (told by {r['told by']} of the {r['others']} others)" for r in left.head(3).to_dict("records")]
            more = f"; and {len(left) - 3} more" if len(left) > 3 else ""
            text = (f"It leaves out {_plural(len(left), 'story element')} that {most}, and no sentence of its own comes near "
                    + ("it" if len(left) == 1 else "them") + ": " + "; ".join(parts) + more + ".")
            ev = [
                _evidence(ctx, r.article_id, r.start, r.end, f"element {r.element} ({r.element_label}), told by {r.outlet}")
                for r in e[e["element"].isin(left["element"])].drop_duplicates(["article_id", "sentence", "element"]).itertuples(index=False)
            ]
            rows.append(_claim(o, "left out", text, len(left), ev))

        s = shared[shared["outlet"] == o].iloc[0]
        nar, quo = float(s["narration_share"]), float(s["quotation_share"])
        ev = []
        if s["narration_words"] == 0:
            text = (f"None of its own narration is printed word for word by another outlet; {quo:.1%} of its words are "
                    "quotations that another outlet prints too.")
        else:
            text = (
                f"{nar:.1%} of its words are narration that another outlet prints nearly word for word ({s['narration_partners']}), "
                f"the trace of common wire copy; {quo:.1%} are quotations that another outlet prints too."
            )
            for side, other in (("a", "b"), ("b", "a")):
                p = passages[(passages[f"outlet_{side}"] == o) & (passages["kind"] == "shared narration")]
                for r in p.to_dict("records"):
                    ev.append(_evidence(ctx, r[f"article_{side}"], r[f"start_{side}"], r[f"end_{side}"],
                                        f"shared narration with {r[f'outlet_{other}']} ({r['words']} matching words)"))
        rows.append(_claim(o, "shared wire narration", text, nar, ev))
    return rows


# ---------------------------------------------------------------------------------------------
# Putting it together


def _outlet_info(corpus: Corpus, sentences: pd.DataFrame) -> pd.DataFrame:
    arts = corpus.articles
    colors = outlet_colors(corpus.outlets)
    rows = []
    for o in corpus.outlets:
        a = arts[arts["outlet"] == o]

        def values(col: str) -> list[str]:
            if col not in a.columns:
                return []
            return list(dict.fromkeys(str(x).strip() for x in a[col] if pd.notna(x) and str(x).strip()))

        rows.append({
            "outlet": o, "color": colors[o], "articles": len(a), "words": int(a["n_words"].sum()),
            "sentences": int((sentences["outlet"] == o).sum()), "outlet_type": ", ".join(values("outlet_type")),
            "country": ", ".join(values("country")), "wire_credit": ", ".join(values("wire_credit")), "headlines": values("headline"),
        })
    return pd.DataFrame(rows)


def synthesize(corpus: Corpus) -> Synthesis:
    """Every claim about every outlet, computed from the four analyses run once each.

    Runs, once: the generic frame scores and the passives (notebook 01), distinctive terms and
    the contested-naming uses (02), the quotes and attributions (03), the story elements and the
    shared passages (04). The results are kept only for this call (nothing is cached between
    calls), so the function always reflects the corpus it is given.

    Args:
        corpus: a loaded corpus (one outlet is enough for a card; comparisons need two).

    Returns:
        A :class:`~analysis.synthesis.claims.Synthesis`: the claims (one row per outlet and
        claim, grouped by outlet in corpus order, then by topic), the outlets' card headers, and
        the tables behind the claims.
    """
    from .. import framing, sourcing, topics, wordchoice
    from ..framing import agency
    from ..topics import coverage, reuse

    sentences = corpus.sentences()
    ctx = _Contexts(corpus, sentences)
    two = len(corpus.outlets) > 1

    scores = framing.frame_scores(corpus, scheme="generic")
    frame_summary = framing.frame_summary(scores, corpus, scheme="generic")
    passives = agency.passives(corpus)
    passive_summary = agency.passive_summary(passives, corpus)

    terms = wordchoice.distinctive_terms(corpus) if two else None
    top = wordchoice.top_terms(terms, n=3, min_count=2) if terms is not None else None
    concepts = wordchoice.naming_lexicon(corpus)
    concept_names = {c.id: c.name for c in concepts}
    mentions = wordchoice.naming_mentions(corpus, lexicon=concepts)
    naming = naming_counts(mentions)

    quotes = sourcing.extract_quotes(corpus, indirect=True)
    voices = sourcing.voices(quotes, corpus, by="speaker")
    stance = sourcing.verb_stance(quotes, corpus)

    elements = topics.story_elements(corpus)
    only = coverage.single_outlet_elements(elements, corpus.outlets) if two else pd.DataFrame()
    omitted = coverage.omissions(elements, corpus.outlets)
    passages = reuse.shared_passages(corpus)
    shared = shared_words(corpus, passages)

    rows = (
        _frame_claims(corpus, scores, frame_ranks(frame_summary), passive_summary, passives, ctx)
        + _word_claims(corpus, terms, top, mentions, concept_names, ctx)
        + _voice_claims(corpus, quotes, voices, stance, ctx)
        + _coverage_claims(corpus, elements, only, omitted, passages, shared, ctx)
    )
    claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS[1:])
    order = {m: i for i, m in enumerate(SOURCES)}
    rank = {o: i for i, o in enumerate(corpus.outlets)}
    claims = claims.sort_values(
        ["outlet", "measure"], key=lambda c: c.map(rank) if c.name == "outlet" else c.map(order), kind="stable"
    ).reset_index(drop=True)
    claims.insert(0, "claim_id", range(1, len(claims) + 1))

    tables = {
        "framing.frame_summary": frame_summary, "framing.frame_scores": scores, "agency.passive_summary": passive_summary,
        "agency.passives": passives, "wordchoice.naming_mentions": mentions, "naming_counts": naming,
        "sourcing.extract_quotes": quotes, "sourcing.voices": voices, "sourcing.verb_stance": stance,
        "topics.story_elements": elements, "coverage.omissions": omitted, "reuse.shared_passages": passages,
        "shared_words": shared,
    }
    if terms is not None:
        tables["wordchoice.distinctive_terms"] = terms
        tables["wordchoice.top_terms"] = top
    if two:
        tables["coverage.single_outlet_elements"] = only
    return Synthesis(claims=claims, outlets=_outlet_info(corpus, sentences), tables=tables)
