"""The one reader of quotation marks (analysis.corpus.marks), used by sourcing, word choice and reuse."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.marks import find_passages, quoted_regions


def regions(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_regions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we agree” and left.", ["“we agree”"]),
        ('He said "we agree" and left.', ['"we agree"']),
        ('She said "yes" and "no".', ['"yes"', '"no"']),
        # AFP's slip: a quote closed with an opening mark, followed by the attribution.
        ("“Most of the major points are agreed to,“ he said.", ["“Most of the major points are agreed to,“"]),
        ("“Our position is unchanged,“ he told reporters. “The constitution says so.”",
         ["“Our position is unchanged,“", "“The constitution says so.”"]),
        # A quote within a quote written with double marks: only the outer quote is kept.
        ("“They should meet to “finish it off.” Most points are agreed,” Trump posted.",
         ["“They should meet to “finish it off.” Most points are agreed,”"]),
        # Single marks nest inside double ones; apostrophes inside words are never marks.
        ("“They should meet, to ‘finish it off’,“ he posted. Trump’s post ended.", ["“They should meet, to ‘finish it off’,“"]),
        ("Trump’s envoy didn’t comment.", []),
        # A curly single pair at the top level is a quote (scare quotes included).
        ("‘We will not surrender,’ Zelensky said.", ["‘We will not surrender,’"]),
        ("Russia’s war, Ukraine’s ‘peace’.", ["‘peace’"]),
        # German low-high marks: „ opens and “ closes.
        ("„Ein Krieg“, sagte er.", ["„Ein Krieg“"]),
        # A paragraph that ends inside a quote continues it when the next paragraph reopens one ...
        ("He said it was “a good day.\n\n“They are close,” he added.", ["“a good day.", "“They are close,”"]),
        # ... and otherwise the unclosed quote ends with its sentence.
        ("He said it was “a good day. Then he left.\n\nNo quote here.", ["“a good day."]),
        ("“An open quote runs to the end of the paragraph", ["“An open quote runs to the end of the paragraph"]),
        ('He wrote: "Vladimir, STOP!", adding "Lets get it DONE!"', ['"Vladimir, STOP!"', '"Lets get it DONE!"']),
        ("A stray ” mark closes nothing.", []),
    ],
)
def test_quoted_regions(text, expected):
    assert regions(text) == expected


@pytest.mark.parametrize(
    "text, quote",
    [
        ("‘We will not surrender,’ Zelensky said.", "We will not surrender,"),
        ("„Ein Krieg“, sagte er.", "Ein Krieg"),
        ("“Most of the major points are agreed to,“ he said.", "Most of the major points are agreed to,"),
    ],
)
def test_passage_text_is_inside_the_marks(text, quote):
    (p,) = find_passages(text)
    assert text[p.start : p.end] == quote


def test_a_quote_over_two_paragraphs_is_linked():
    text = "“We are close.\n\n“Very close,” he said."
    first, second = find_passages(text)
    assert first.continued and second.continues == 0


@given(st.text(alphabet=st.sampled_from(list("ab “”\"‘’'„,.!\n")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_regions_are_sorted_disjoint_open_with_a_mark_and_stay_in_a_paragraph(text):
    spans = quoted_regions(text)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        assert e1 <= s2
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s] in "“”\"‘’'„«»`"
        assert "\n\n" not in text[s:e].strip("\n")
