"""What the cards show side by side, and what they cannot show, in words.

:func:`synthesis_finding` states in four Markdown bullet points, computed from the claims, what
the cards show side by side (frames, word choice, voices, coverage); :func:`limits_finding` says
what they cannot show, with the measured error rates of the methods behind them (read from
``analysis/data/evaluation_*.json``).

References:
    The error rates are those of the evaluations: FrAC for the frame lexicons
    (``python -m analysis.evaluate frames``), PolNeAR (Newell, Margolin & Ruths 2018) for the
    quote finder, BBC News (Greene & Cunningham 2006) for the topic model; the Bonferroni
    correction for the distinctive terms (Dunn 1961).
"""

from __future__ import annotations


import pandas as pd

from ..wordchoice.summary import significance_counts
from ..safe import md_text as _esc  # findings are Markdown: corpus strings escaped for it
from .claims import Synthesis, _join, _pct, _plural

__all__ = [
    "limits_finding",
    "synthesis_finding",
]

# ---------------------------------------------------------------------------------------------
# What the cards show side by side, and what they cannot show


def _from_to(values: dict[str, float], fmt=str) -> str:
    """"from 3 (Harbour News) to 35 (The Independent)", or "3 in each" when every value reads the same."""
    order = list(values)
    lo = min(order, key=lambda o: (values[o], order.index(o)))
    hi = max(order, key=lambda o: (values[o], -order.index(o)))
    if fmt(values[lo]) == fmt(values[hi]):
        return f"{fmt(values[lo])} in each"
    return f"from {fmt(values[lo])} ({_esc(lo)}) to {fmt(values[hi])} ({_esc(hi)})"


def _claim_of(syn: Synthesis, outlet: str, measure: str) -> pd.Series:
    c = syn.claims
    return c[(c["outlet"] == outlet) & (c["measure"] == measure)].iloc[0]


def _frames_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    top = {o: _claim_of(syn, o, "most frequent frame")["about"] for o in outlets}
    firsts = pd.Series([f for f in top.values() if f], dtype=object).value_counts(sort=False).sort_values(ascending=False, kind="stable")
    if firsts.empty:
        return "**Frames.** No sentence carries a cue of any generic frame."
    frame, k = firsts.index[0], int(firsts.iloc[0])
    if len(outlets) == 1:
        return f"**Frames.** {frame} is the most frequent generic frame of {_esc(outlets[0])}."
    text = (f"**Frames.** {frame} is the most frequent generic frame in "
            + ("every outlet" if k == len(outlets) else f"{k} of the {len(outlets)} outlets"))
    others = [f"{_esc(o)} ({f.lower()})" for o, f in top.items() if f and f != frame]
    text += f"; the others put first: {_join(others)}." if others else "."
    leans = []
    for o in outlets:
        c = _claim_of(syn, o, "frame that sets it apart")
        if c["value"] > 0:
            leans.append(f"{_esc(o)} to {c['about'].lower()} ({100 * c['value']:+.0f} points)")
    if leans:
        text += " Set against the rest, each leans most: " + "; ".join(leans) + "."
    ps = syn.tables["agency.passive_summary"]
    ps = ps[ps["passives"] > 0]
    if len(ps) > 1:
        rates = dict(zip(ps["outlet"], ps["agentless_per_1000_words"]))
        text += f" Passives that leave out who did it, per 1,000 words: {_from_to(rates, lambda x: f'{x:.1f}')}."
    return text


def _words_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    if len(outlets) == 1:
        c = _claim_of(syn, outlets[0], "contested naming")
        return f"**Word choice.** {_esc(c['claim'])} Distinctive terms and wordings of its own need a second outlet to compare with."
    parts = []
    for o in outlets:
        c = _claim_of(syn, o, "wordings of its own")
        if c["about"]:
            parts.append(f"{_esc(o)} {_esc(c['about'])}")
    text = "**Word choice.** "
    if parts:
        none = [o for o in outlets if not _claim_of(syn, o, "wordings of its own")["about"]]
        text += "Wordings of contested things that only one outlet uses in its own voice: " + "; ".join(parts) + "."
        if none:
            text += f" {_join([_esc(o) for o in none])} {'uses' if len(none) == 1 else 'use'} none that the others do not."
    else:
        text += "No outlet uses a contested wording, in its own voice, that no other outlet uses."
    terms = syn.tables.get("wordchoice.distinctive_terms")
    if terms is not None and len(terms):
        n_b = significance_counts(terms["z"])["bonferroni"]
        best = syn.tables["wordchoice.top_terms"].sort_values("z", ascending=False, kind="stable")
        if len(best):
            b = best.iloc[0]
            text += f" The most distinctive term is “{_esc(b['term'])}” in {_esc(b['outlet'])} (z = {b['z']:.2f})"
            text += (", and no term passes the threshold corrected for the number of comparisons: the terms are leads to read, not proof."
                     if n_b == 0 else f"; {_plural(n_b, 'term')} of all outlets pass the threshold corrected for the number of comparisons.")
    return text


def _voices_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    firsts: dict[str, list[str]] = {}
    for o in outlets:
        who = _claim_of(syn, o, "most quoted voices")["about"]
        if who:
            firsts.setdefault(who, []).append(o)
    text = "**Voices.** "
    if firsts:
        text += "The voice given the most quoted words: " + "; ".join(
            f"{_esc(w)} in {_join([_esc(o) for o in os_])}" for w, os_ in sorted(firsts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ) + "."
    else:
        text += "No outlet quotes anyone directly."
    st = syn.tables["sourcing.verb_stance"]
    st = st[st["total"] > 0]
    if len(st) > 1:
        if st["non-neutral share"].max() == 0:
            text += " Every outlet introduces its sources with neutral verbs only"
        else:
            text += f" Share of attributions made with a verb that is not neutral: {_from_to(st['non-neutral share'].to_dict(), _pct)}"
        dist = [o for o in st.index if st.loc[o, "distancing"] > 0]
        text += (f"; distancing verbs appear in {_join([_esc(o) for o in dist])}." if dist else "; no outlet uses a distancing verb.")
    elif len(st) == 1:
        text += f" {_esc(_claim_of(syn, st.index[0], 'reporting verbs')['claim'])}"
    return text


def _claims_of(syn: Synthesis, measure: str) -> dict[str, pd.Series]:
    c = syn.claims[syn.claims["measure"] == measure]
    return {r["outlet"]: r for _, r in c.iterrows()}


def _coverage_line(syn: Synthesis) -> str:
    outlets = list(syn.outlets["outlet"])
    if len(outlets) == 1:
        return ("**Coverage.** What an outlet tells alone, leaves out or shares word for word can only be seen against another "
                "outlet; this corpus has one.")
    alone = {o: int(c["value"]) for o, c in _claims_of(syn, "told by it alone").items()}
    text = "**Coverage.** "
    if alone:
        text += "Story elements told by one outlet only, in passages of its own no other outlet's sentences come near: " + "; ".join(
            f"{_esc(o)} {n}" for o, n in alone.items()) + "."
    else:
        text += "No outlet tells a passage of its own that no other outlet's sentences come near."
    left_claims = _claims_of(syn, "left out")
    left = [(o, int(c["value"])) for o, c in left_claims.items() if c["value"] > 0]
    n_others = len(outlets) - 1
    others = "the other outlet tells" if n_others == 1 else "most of the other outlets tell"
    if left:
        text += " Elements that " + others + " but one leaves out, with no sentence of its own near them: " + "; ".join(
            f"{_esc(o)} {n}" for o, n in left) + "."
    elif left_claims:
        text += f" No outlet clearly leaves out an element that {others}."
    else:
        text += f" No element is told by most of the outlets, so none can be said to be left out."
    shared = syn.tables["shared_words"]
    top = shared.sort_values("narration_share", ascending=False, kind="stable").iloc[0]
    if top["narration_words"]:
        with_ = [o for o in outlets if shared.loc[shared["outlet"] == o, "narration_words"].iloc[0] > 0]
        text += (f" Narration printed word for word by another outlet: {_join([_esc(o) for o in with_])}; the most in "
                 f"{_esc(top['outlet'])} ({top['narration_share']:.1%} of its words).")
    else:
        text += " No outlet prints another's narration word for word; what they share are quotations or stock phrases."
    return text


def synthesis_finding(syn: Synthesis) -> str:
    """What the cards show side by side, in four Markdown bullet points computed from the claims."""
    head = ""
    if syn.n_outlets < 2:
        o = syn.outlets["outlet"].iloc[0]
        head = (f"This corpus has one outlet, {_esc(o)}: its card describes its articles and sets nothing against another "
                "outlet. Comparisons need at least two outlets.\n\n")
    lines = [_frames_line(syn), _words_line(syn), _voices_line(syn), _coverage_line(syn)]
    return head + "\n".join(f"- {line}" for line in lines)


def limits_finding(syn: Synthesis) -> str:
    """What the cards cannot tell, as Markdown bullets, with the measured error rates of the methods.

    The figures are read from the evaluation results (:mod:`analysis.evaluate.results`: framing,
    quotes and topics); a method without a measured error rate is said to have none.
    """
    from .. import sourcing
    from ..evaluate import results

    lines = []
    arts = syn.outlets
    one = arts[arts["articles"] == 1]
    if len(one) == len(arts):
        lines.append(
            "**One article is not an outlet.** Each card describes one article of one day. It says how that article was "
            "written, not what the outlet's editorial line is; that would take many articles per outlet."
        )
    else:
        counts = ", ".join(f"{_esc(r.outlet)} {r.articles}" for r in arts.itertuples(index=False))
        lines.append(
            f"**A few articles are not an outlet.** The cards rest on these articles per outlet: {counts}. They describe "
            "those articles, not an outlet's editorial line."
        )
    r = results.read("framing")
    parts = []
    if "frac" in r:
        f = r["frac"]
        parts.append(
            f"the generic frames have no measured error rate (the evaluation data, FrAC, is labelled with policy frames); the policy-frame "
            f"lexicon, built the same way, picks the annotators' frame for {_pct(f['lexicon']['accuracy'])} of "
            f"{f['test_sentences']} held-out FrAC sentences (always answering the commonest frame: {_pct(f['majority_baseline']['accuracy'])})"
        )
    else:
        parts.append("the frame lexicons have no measured error rate on this installation")
    if "passives" in r:
        p = r["passives"]
        blind = p.get("by_split", {}).get("blind")
        cl = (blind or p)["construction_level"]
        where = f"the {blind['sentences']} sentences labelled blind" if blind else f"{p['sentences']} hand-labelled sentences"
        parts.append(f"the passive rules reach precision {cl['precision']:.2f} and recall {cl['recall']:.2f} on {where}")
    lines.append("**Frames are cue words.** A cue in a sentence is not the sentence's frame, and a frame inside a quotation is the "
                 "speaker's. Measured: " + "; ".join(parts) + ".")
    terms = syn.tables.get("wordchoice.distinctive_terms")
    if terms is not None and len(terms):
        counts = significance_counts(terms["z"])
        z_b, n_b, n_u = counts["z_bonferroni"], counts["bonferroni"], counts["usual"]
        passing = "none passes" if n_u == 0 else ("1 passes" if n_u == 1 else f"{n_u:,} pass")
        corrected = "none" if n_b == 0 else f"{n_b:,}"
        lines.append(
            f"**Distinctive terms are leads, not proof.** Of the {len(terms):,} outlet-and-term pairs tested, {passing} "
            f"|z| > 1.96 and {corrected} the threshold corrected for that many comparisons (|z| > {z_b:.2f}). Contested names are "
            "counted only when the lexicon lists them: a wording it does not hold is not seen."
        )
    err = sourcing.measured_error()
    if not err.empty and "dev" in err.index:
        d = err.loc["dev"]
        lines.append(
            f"**Voices are found by rules.** On {int(d['articles'])} annotated US news articles (PolNeAR dev) the quote finder misses "
            f"{_pct(1 - d['recall'])} of quotes and names the wrong speaker for {_pct(d['speaker error'])} of those it finds; "
            f"the verb it reports is right for {_pct(d['verb accuracy'])}. A difference of a quote or two between outlets is within that error. "
            "A verb's stance is a property of the verb, not of the sentence."
        )
    else:
        lines.append("**Voices are found by rules**, whose error rate has not been measured on this installation.")
    cov = (
        "**Coverage rests on shared words.** Story elements join clauses that share words (names, numbers, content words), "
        "so two outlets telling one fact in other words may not meet; a claim that an outlet leaves something out, or alone "
        "tells it, is printed only when none of the other side's sentences comes near."
    )
    gold = results.section("topics", "elements_gold")
    if gold:
        dev = [v for v in gold.get("results", {}).values() if v.get("split") == "dev"]
        if dev:
            f1 = ", ".join(f"{v['bcubed']['f1']:.2f}" for v in dev)
            cov += (f" Against sentences marked by hand on {len(dev)} development corpora, the elements reach B-cubed F1 {f1} "
                    "(1 would be the reader's grouping).")
    cov += " Shared narration shows that two outlets print the same words, not who copied whom."
    lines.append(cov)
    lines.append(
        "**What no card says.** Whether an article is accurate, fair or biased: the cards describe how the text is written "
        "(which words, whose voices, which facts), and each claim is a pointer to passages a reader should read and judge."
    )
    return "\n".join(f"- {line}" for line in lines)
