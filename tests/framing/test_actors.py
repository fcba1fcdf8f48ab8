"""Actor salience: mentions through the register, merged, with subjects; salience per outlet."""

from __future__ import annotations

from analysis.framing.actors import actor_mentions, actor_salience, salience_figure, salience_title


def test_actor_mentions_merge_role_and_name(corpus):
    m = actor_mentions(corpus)
    texts = corpus.articles["text"]
    for r in m.itertuples(index=False):
        assert texts[r.article_id][r.start : r.end] == r.mention
    assert "Russian president Vladimir Putin" in set(m[m["article_id"] == "independent"]["mention"])
    assert "the mayor of Kyiv, Vitali Klitschko" in set(m["mention"])
    assert not (m["kind"] == "media").any()
    # "a bomb in a parked car just outside Moscow" names a place, not the Russian state
    afp = m[m["article_id"] == "afp"]
    assert not ((afp["mention"] == "Moscow") & (afp["start"] > corpus.articles.loc["afp", "text"].index("parked car"))).any()
    assert len(actor_mentions(corpus, places=True)) > len(m)
    ushakov = m[(m["article_id"] == "cnn") & (m["mention"] == "Ushakov")].iloc[0]
    assert ushakov["subject"]  # "Ushakov, a former Russian ambassador to Washington, was part of the meeting"


def test_actor_salience_adds_up(corpus):
    m = actor_mentions(corpus)
    s = actor_salience(m, corpus)
    assert s.groupby("outlet")["mentions"].sum().to_dict() == m.groupby("outlet").size().to_dict()
    assert s["subject_share"].between(0, 1).all()
    assert (s["subject_mentions"] <= s["mentions"]).all()
    assert list(dict.fromkeys(s["outlet"])) == corpus.outlets
    cgtn = s[s["outlet"] == "CGTN"].set_index("actor")
    assert "Yaroslav Moskalik" not in cgtn.index
    top = actor_salience(m, corpus, top=3)
    assert top["actor"].nunique() == 3


def test_salience_figure_is_titled_by_its_finding(corpus):
    salience = actor_salience(actor_mentions(corpus), corpus)
    fig = salience_figure(salience, corpus)
    assert fig.axes[0].get_title(loc="left") == salience_title(salience)
