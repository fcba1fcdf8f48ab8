"""Writing small corpus folders for tests (imported by the test modules that need one)."""

from __future__ import annotations

from pathlib import Path

from analysis.corpus import load_corpus


def write_corpus(folder: Path, articles: dict[str, tuple[str, list[str]]]):
    """Write and load a corpus folder from ``{article_id: (outlet, [paragraphs])}``."""
    (folder / "articles").mkdir(parents=True)
    lines = ["article_id,outlet,file"]
    for aid, (outlet, paras) in articles.items():
        (folder / "articles" / f"{aid}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        lines.append(f"{aid},{outlet},articles/{aid}.txt")
    (folder / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_corpus(folder)
