"""Media cited (analysis.sourcing.media): as a source, a venue or a mention; an outlet naming itself."""

from __future__ import annotations

from analysis import sourcing


def test_media_cited_on_the_seeds(corpus):
    text = corpus.articles["text"]
    media = sourcing.media_cited(corpus)
    assert all(text[r.article_id][r.start : r.end] == r.mention for r in media.itertuples())
    uses = {(r.article_id, r.medium): r.use for r in media.itertuples()}
    assert uses[("ft", "Interfax")] == "source"  # "according to Russian news agency Interfax"
    assert uses[("cgtn", "Reuters")] == "source"  # "a ... document seen by Reuters"
    assert uses[("afp", "CBS")] == "venue"  # "told US broadcaster CBS"
    assert uses[("independent", "BBC")] == "venue"  # "told the BBC"
    assert media.loc[(media["article_id"] == "cnn") & (media["medium"] == "CNN"), "self"].all()
    summary = sourcing.media_summary(media, corpus)
    assert "CNN" not in summary.loc["CNN"].replace("", None).dropna().index


def test_media_found_by_pattern_in_any_story():
    """Media no register lists, found by the words around them (made-up names)."""
    from analysis.sourcing.media import media_in_text

    text = ("The Millbrook Gazette reported on Friday that the plant would close. The Gazette said 200 jobs would go, "
            "according to the Fenwick Tribune. State broadcaster Radiovox carried the news, and Newsbeat reported it too. "
            "The Labor Department reported the figures. Vostania reported talks in Vostania. A Gold Star family spoke. Dana Whitcombe reported to the board. "
            "“The Fenwick Tribune is wrong,” a union leader said.")
    found = {(r["mention"], r["medium"], r["found"]) for r in media_in_text(text, people=frozenset({"Dana Whitcombe"}))}
    assert found == {
        ("Millbrook Gazette", "Millbrook Gazette", "pattern"),
        ("Gazette", "Millbrook Gazette", "short form"),
        ("Fenwick Tribune", "Fenwick Tribune", "pattern"),
        ("Radiovox", "Radiovox", "pattern"),
        ("Newsbeat", "Newsbeat", "pattern"),
    }
