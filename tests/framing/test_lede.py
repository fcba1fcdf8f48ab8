"""Headline and lede, kinds of event, first mentions of actors, events and story elements."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import SameStoryError
from analysis.framing.lede import (
    first_mention_table,
    first_mentions,
    headline_and_lede,
    headline_lede_html,
    lede_finding,
)
from tests.corpus_folders import write_corpus


def test_untrusted_text_is_escaped_and_one_outlet_is_handled(tmp_path):
    c = write_corpus(tmp_path / "one", {"a1": {"outlet": "Solo <b>News</b>",
                                              "text": "They accused <script>alert(1)</script> rivals of lying.\n", "headline": ""}})
    lede = headline_and_lede(c)
    assert "&lt;script&gt;" in headline_lede_html(lede)
    assert "at least two" in lede_finding(lede)


def test_headline_and_lede_on_the_seeds(corpus):
    table = headline_and_lede(corpus).set_index("article_id")
    assert table.loc["cgtn", "headline"] == "" and table.loc["afp", "headline"] == ""
    # Read by hand: the Independent's headline names the car bomb; CGTN's first two paragraphs do not
    # name any killing, AFP's second paragraph does ("a top Russian general was killed in a car bomb attack").
    assert "killing or attack (killed, car bomb)" in table.loc["independent", "events_headline"]
    assert "killing or attack" not in table.loc["cgtn", "events_lede"]
    assert "killing or attack (killed, car bomb, attack)" in table.loc["afp", "events_lede"]
    assert table.loc["cgtn", "actors_lede"].split("; ")[:2] == ["United States", "Donald Trump"]
    assert table.loc["ft", "lede"].startswith("Steve Witkoff, US President Donald Trump’s special envoy")
    assert table.loc["ft", "lede"].count("\n\n") == 1


@pytest.fixture(scope="module")
def firsts(corpus):
    return first_mentions(corpus)


def test_first_mentions_match_positions_found_by_hand(corpus, firsts):
    """Acceptance: three (four) facts found by reading the articles and counting paragraphs
    (body paragraphs from 1; the subheads "Opposing visions of peace" and "Series of targeted bomb
    attacks" in CNN, "Crimea claims" and "General killed" in AFP are not counted)."""
    f = firsts.set_index(["article_id", "kind", "item"])
    texts = corpus.articles["text"]
    # 1. CGTN first names Zelensky in its 9th of 11 paragraphs ("Ukrainian President Volodymyr Zelenskyy has ...").
    row = f.loc[("cgtn", "actor", "Volodymyr Zelensky")]
    assert row["paragraph_number"] == 9
    start = texts["cgtn"].index("President Volodymyr Zelenskyy")
    assert row["position"] == round(start / len(texts["cgtn"]), 3)
    # 2. The FT names the killed general in paragraph 8 ("In Moscow, senior Russian military officer was
    #    assassinated ... Officials said Yaroslav Moskalik ..."); CGTN never names him.
    assert f.loc[("ft", "actor", "Yaroslav Moskalik"), "paragraph_number"] == 8
    assert ("cgtn", "actor", "Yaroslav Moskalik") not in f.index
    # 3. CNN names him only in paragraph 22, after its second subhead.
    row = f.loc[("cnn", "actor", "Yaroslav Moskalik")]
    assert row["paragraph_number"] == 22
    assert row["position"] == round(texts["cnn"].index("General Yaroslav Moskalik") / len(texts["cnn"]), 3)
    # 4. AFP names a killing in its 2nd paragraph; CGTN names none at all.
    assert f.loc[("afp", "event", "killing or attack"), "paragraph_number"] == 2
    assert ("cgtn", "event", "killing or attack") not in f.index


def test_first_mention_table_layout(corpus, firsts):
    table = first_mention_table(firsts, corpus)
    assert list(table.columns) == corpus.outlets
    assert table.loc[("actor", "Yaroslav Moskalik"), "CGTN"] == "—"
    assert table.loc[("actor", "Yaroslav Moskalik"), "FT (probable)"].startswith("¶8 · ")
    kinds = [k for k, _ in table.index]
    assert kinds == sorted(kinds, key=["actor", "event", "element"].index)


def test_first_mentions_of_story_elements(corpus):
    texts = corpus.articles["text"]
    start = texts["ft"].index("In eastern Ukraine, a Russian drone attack")
    elements = pd.DataFrame(
        [
            {"article_id": "ft", "outlet": "FT (probable)", "start": start, "end": start + 40, "text": "In eastern Ukraine", "element": "Pavlohrad drone strike"},
            {"article_id": "ft", "outlet": "FT (probable)", "start": start + 200, "end": start + 240, "text": "later", "element": "Pavlohrad drone strike"},
            {"article_id": "cnn", "outlet": "CNN", "start": 0, "end": 10, "text": "US Preside", "element": "Trump: very close to a deal"},
        ]
    )
    f = first_mentions(corpus, elements=elements, actors=[], events=False, min_element_outlets=1)
    assert list(f["kind"].unique()) == ["element"]
    ft = f[f["article_id"] == "ft"].iloc[0]
    assert (ft["item"], ft["paragraph_number"], ft["start"]) == ("Pavlohrad drone strike", 7, start)
    cnn = f[f["article_id"] == "cnn"].iloc[0]
    assert (cnn["paragraph_number"], cnn["sentence_number"], cnn["position"]) == (1, 1, 0.0)
    assert first_mentions(corpus, elements=elements, actors=[], events=False).empty  # each element has one outlet
    with pytest.raises(SameStoryError, match="element"):
        first_mentions(corpus, elements=pd.DataFrame({"article_id": ["ft"], "start": [0]}))
