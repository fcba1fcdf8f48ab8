"""The rule screen never leaves out a rule that matches: case folded as re does, required texts, lengths."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.corpus import cleaning
from analysis.corpus.cleaning import clean_article, load_rules
from analysis.corpus.rulescreen import RuleScreen, fold, required_literals

ALL = "".join(map(chr, range(0x110000)))


def test_fold_keeps_length_and_folds_each_character_within_its_re_ignorecase_class():
    folded = fold(ALL)
    assert len(folded) == len(ALL)
    for c, f in zip(ALL, folded):
        if c != f:
            assert re.fullmatch(re.escape(c), f, re.IGNORECASE), hex(ord(c))


@pytest.mark.parametrize("letter", list("abcdefghijklmnopqrstuvwxyzKSIµσΣß©é\"'“-"))
def test_every_character_re_ignorecase_takes_as_equal_folds_alike(letter):
    folded = fold(ALL)
    same = {folded[m.start()] for m in re.finditer(re.escape(letter), ALL, re.IGNORECASE)}
    assert same == {fold(letter)}


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        (r"(?i)sign up (?:for|to) .{1,60}\bnewsletters?\b", {"sign up for ", "sign up to "}),
        (r".*\((?:Photo|Image): [^()]{1,80}\)", {"(photo: ", "(image: "}),
        (r"(?=.*\btonight\b)(?:\S+\s+){3,}.*", {"tonight"}),
        (r"Listen · \d{1,2}:\d{2}", {"listen · "}),
        (r"[A-Z][a-z]+ said\.?", {" said"}),
    ],
)
def test_required_literals_of_made_up_patterns(pattern, texts):
    assert required_literals(re.compile(pattern)) == texts


@pytest.mark.parametrize("pattern", [r".*", r"(?:\S+\s+){2,}\S+", r"(?!Photo).{3,}", r"(?:abc)?\d+", r"[A-Z]{2,}"])
def test_patterns_that_require_no_text(pattern):
    assert required_literals(re.compile(pattern)) is None


def _screened_patterns():
    """(rule, pattern) of the package's rules that the screen may leave out, without lookarounds
    (which hypothesis cannot write strings for)."""
    out = []
    for rule in load_rules():
        if rule.where == "prefix" or not cleaning._only_patterns(rule):
            continue
        for p in rule.patterns:
            if "(?=" not in p.pattern and "(?!" not in p.pattern and "(?<" not in p.pattern:
                out.append((rule, p))
    return out


SCREENED = _screened_patterns()
SCREEN = RuleScreen([(r, r.patterns if cleaning._only_patterns(r) else None) for r in load_rules() if r.where != "prefix"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_line_a_rule_matches_keeps_the_rule(data):
    rule, pattern = data.draw(st.sampled_from(SCREENED))
    line = data.draw(st.from_regex(pattern, fullmatch=True)).strip()
    if "\n" in line or not pattern.fullmatch(line):
        return
    assert rule in SCREEN.candidates(line), (rule.name, line)
    # and the patterns cleaning's screen gives for the line match it as the rule's own alternation does
    screen = next(s for s in cleaning._screens(load_rules()) if rule in s.rules)
    found = dict(screen.candidate_patterns(line))
    assert rule in found and (found[rule] or rule.combined).fullmatch(line), (rule.name, line)


ARTICLE = """Advertisement
Sign up for our Morning Brief newsletter here
By Jane Roe

HARBOUR CITY (Wire) — The council voted on Tuesday to close the old bridge.
A crowd gathered outside the hall (Photo: Sam Poe/Harbour Daily) as the vote was read.
“We will appeal,” said Ann Poe, who runs a shop by the bridge.
Listen · 3:12
Read more: Bridge closure divides Harbour City
Copyright 2026 Harbour Daily. All rights reserved.
"""


def test_clean_article_is_the_same_without_the_screen(monkeypatch):
    rules = load_rules()
    meta = {"headline": "Council closes the old bridge", "byline": "Jane Roe", "outlet": "Harbour Daily"}
    screened = clean_article(ARTICLE, meta, rules=rules)
    assert screened.removed, "the made-up article has furniture the rules remove"
    screens = cleaning._screens

    def plain(rules):
        return tuple(s.rules for s in screens(rules))

    monkeypatch.setattr(cleaning, "_screens", plain)
    unscreened = clean_article(ARTICLE, meta, rules=rules)
    assert screened == unscreened


def _joined(patterns):
    return cleaning._combine([p.pattern for p in patterns])


PHOTO = re.compile(r".*\((?:Photo|Image): [^()]{1,80}\)")
MORE = re.compile(r"(?i)read more: .{1,80}")
BARE = re.compile(r"[A-Z]{2,}(?: [A-Z]{2,})*")


def test_a_rule_is_given_only_the_patterns_a_line_can_match():
    screen = RuleScreen([("caption", (PHOTO, MORE, BARE))], _joined)
    (rule, whole), = screen.candidate_patterns("The harbour at dawn (Photo: Jane Doe)")
    assert rule == "caption" and whole.pattern == _joined([PHOTO, BARE]).pattern
    (_, whole), = screen.candidate_patterns("Read more: the harbour (Photo: Jane Doe)")  # all three can: the rule's own alternation
    assert whole is None
    assert screen.candidate_patterns("The talks failed.") == [("caption", _joined([BARE]))]
    assert screen.candidates("The talks failed.") == ["caption"]


def test_without_a_way_to_join_patterns_a_rule_is_tried_whole():
    assert RuleScreen([("caption", (PHOTO, MORE, BARE))]).candidate_patterns("The harbour (Photo: Jane Doe)") == [("caption", None)]
