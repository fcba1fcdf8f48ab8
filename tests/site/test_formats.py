"""The main job and ``validate`` on the forms people keep articles in: a CSV, a JSON Lines file, a
Parquet file and a folder of saved web pages (issue 14).

Each form is materialised as a corpus folder inside the site folder and the notebooks run on it, so
what differs between forms ends where that folder is written. The main job is run once per form
(module-scoped) with the first notebook of the report (the corpus tour: the table of articles, the
cleaning audit, the offsets check); the whole notebook set on a corpus folder is tested by
tests/site/test_report.py and tests/site/test_second_corpus.py, and the tests below check that each
form gives exactly the corpus the same articles give as a folder.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import sys

import nbformat
import pandas as pd
import pytest

from analysis.corpus import load_corpus
from analysis.corpus.formats import corpus_format, extraction_finding, extraction_table, open_corpus, validate_any, write_pages
from analysis.errors import CorpusError, InputError, OutputError
from analysis.paths import NOTEBOOKS_DIR, PROJ_ROOT
from analysis.site.report import run_report

# Three short invented reports of one made-up event, by three made-up outlets.
ARTICLES = [
    {
        "id": "hn-1", "site": "Harbour News", "title": "Harbour plan passes first vote", "author": "Jane Doe",
        "date": "2025-03-03",
        "body": [
            "The town council approved the harbour plan on Monday by seven votes to two, after a four-hour debate.",
            "“We cannot keep the harbour as it is,” Mayor Ann Poe said after the vote.",
            "The plan would deepen the channel and move the fish market to the north pier.",
            "Fishermen said the move would cost them customers, and their union promised to appeal.",
        ],
    },
    {
        "id": "ct-1", "site": "Coast Times", "title": "Fishermen vow to fight harbour plan", "author": "John Roe",
        "date": "2025-03-04",
        "body": [
            "Fishermen vowed on Monday to fight a plan that would move their market, hours after the council backed it.",
            "“This plan was written for the yachts,” said Tom Ray, who chairs the fishermen's union.",
            "The council says the deeper channel will bring cargo ships and jobs to the town.",
        ],
    },
    {
        "id": "bd-1", "site": "Bay Daily", "title": "Council backs deeper channel", "author": "Lee Moss",
        "date": "2025-03-04",
        "body": [
            "The council voted seven to two to deepen the harbour channel, a project officials say will cost four million pounds.",
            "Mayor Ann Poe said the work could start in the autumn.",
            "Opponents claimed the council had ignored the fishing fleet.",
        ],
    },
]
MAPPING_ARGS = ["--map", "article_id=id", "--map", "outlet=site", "--map", "text=body", "--map", "headline=title",
                "--map", "byline=author", "--map", "published=date"]
MAPPING = dict(a.split("=") for a in MAPPING_ARGS[1::2])
FORMATS = ("csv", "jsonl", "parquet", "html")


def _table() -> pd.DataFrame:
    return pd.DataFrame([{**a, "body": "\n\n".join(a["body"])} for a in ARTICLES])


def _as_corpus_table() -> pd.DataFrame:
    """The articles with the package's column names, indexed by article_id (for write_pages)."""
    return pd.DataFrame([{"article_id": a["id"], "outlet": a["site"], "headline": a["title"], "byline": a["author"],
                          "published": a["date"], "url": f"https://{a['site'].lower().replace(' ', '')}.example/news/{a['id']}",
                          "text": "\n\n".join(a["body"])} for a in ARTICLES]).set_index("article_id")


def write_inputs(folder) -> dict[str, object]:
    """The three articles as a CSV, a gzipped JSON Lines file, a Parquet file and a folder of pages."""
    folder.mkdir(parents=True, exist_ok=True)
    table = _table()
    paths = {"csv": folder / "harbour.csv", "jsonl": folder / "harbour.jsonl.gz", "parquet": folder / "harbour.parquet",
             "html": folder / "pages"}
    table.to_csv(paths["csv"], index=False)
    with gzip.open(paths["jsonl"], "wt", encoding="utf-8") as fh:
        for rec in table.to_dict("records"):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    table.to_parquet(paths["parquet"], index=False)
    write_pages(_as_corpus_table(), paths["html"])
    return paths


def _digest(path) -> str:
    files = sorted(p for p in ([path] if path.is_file() else path.rglob("*")) if p.is_file())
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return write_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def reports(inputs, tmp_path_factory):
    """The main job once per form, with the first notebook of the report (the corpus tour)."""
    nbdir = tmp_path_factory.mktemp("notebooks")
    shutil.copy(NOTEBOOKS_DIR / "00-corpus-tour.ipynb", nbdir)
    done = {}
    for fmt in FORMATS:
        before = _digest(inputs[fmt])
        out = tmp_path_factory.mktemp(f"site-{fmt}")
        index = run_report(inputs[fmt], out, notebooks_dir=nbdir, progress=None,
                           mapping=None if fmt == "html" else MAPPING)
        done[fmt] = {"index": index, "out": out, "unchanged": _digest(inputs[fmt]) == before}
    return done


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_main_job_runs_on_each_form(reports, inputs, fmt):
    r = reports[fmt]
    assert r["index"].is_file()
    assert r["unchanged"], "the input was modified"
    nb = nbformat.read(r["out"] / "notebooks" / "00-corpus-tour.ipynb", as_version=4)
    assert not [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    stem = "pages" if fmt == "html" else "harbour"
    folder = r["out"] / "corpus" / stem
    assert (folder / "metadata.csv").is_file()
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert repr(str(folder.resolve())) in injected.source
    page = (r["out"] / "00-corpus-tour.html").read_text(encoding="utf-8")
    for a in ARTICLES:
        assert a["site"] in page
    # The offsets check of the tour passed on the materialised corpus.
    assert "every sentence" in page.lower() or "offsets" in page.lower()


def test_nothing_is_written_beside_the_inputs(reports, inputs):
    assert sorted(p.name for p in inputs["csv"].parent.iterdir()) == ["harbour.csv", "harbour.jsonl.gz", "harbour.parquet", "pages"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_a_file_gives_the_corpus_the_same_articles_give_as_a_folder(inputs, tmp_path, fmt):
    folder = tmp_path / "folder"
    (folder / "articles").mkdir(parents=True)
    rows = []
    for a in ARTICLES:
        (folder / "articles" / f"{a['id']}.txt").write_text("\n\n".join(a["body"]), encoding="utf-8")
        rows.append({"article_id": a["id"], "outlet": a["site"], "file": f"articles/{a['id']}.txt",
                     "headline": a["title"], "byline": a["author"], "published": a["date"]})
    pd.DataFrame(rows).to_csv(folder / "metadata.csv", index=False)
    want, got = load_corpus(folder), open_corpus(inputs[fmt], mapping=MAPPING)
    cols = ["outlet", "headline", "byline", "published", "text"]
    pd.testing.assert_frame_equal(got.articles[cols], want.articles[cols])
    pd.testing.assert_frame_equal(got.sentences(), want.sentences())
    name = inputs[fmt].name
    assert list(got.articles["extraction"]) == [
        f"body field of {name}, {'row' if fmt == 'parquet' else 'line'} {n}"
        for n in ((1, 2, 3) if fmt != "csv" else (2, 9, 14))
    ]
    assert set(want.articles["extraction"]) == {"text file, as saved"}


def test_web_pages_give_their_main_text_and_metadata(inputs):
    corpus = open_corpus(inputs["html"])
    a = corpus.articles.sort_values("outlet")
    assert list(a["outlet"]) == ["Bay Daily", "Coast Times", "Harbour News"]
    assert list(a["byline"]) == ["Lee Moss", "John Roe", "Jane Doe"]
    assert list(a["published"]) == ["2025-03-04", "2025-03-04", "2025-03-03"]
    for art in ARTICLES:
        text = corpus.articles.loc[art["id"], "text"]
        assert text == "\n\n".join(art["body"])  # menus, "Most read", footer and the repeated headline are gone
    assert all(e.startswith("main text of ") and "trafilatura" in e for e in corpus.articles["extraction"])
    assert set(corpus.audit["extraction"]) <= set(corpus.articles["extraction"])
    table = extraction_table(inputs["html"])
    assert list(table["page"]) == ["bd-1.html", "ct-1.html", "hn-1.html"]
    assert (table["kept characters"] < table["visible characters"]).all()  # menus, "Most read" and footers left out
    assert "The main text of 3 pages was extracted by trafilatura" in extraction_finding(table)


def test_a_corpus_folder_may_list_saved_pages(inputs, tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(inputs["html"], folder / "pages")
    pd.DataFrame([{"article_id": a["id"], "outlet": a["site"], "file": f"pages/{a['id']}.html"} for a in ARTICLES]
                 ).to_csv(folder / "metadata.csv", index=False)
    assert corpus_format(folder) == "folder"
    corpus = load_corpus(folder)
    assert corpus.articles.loc["ct-1", "text"] == "\n\n".join(ARTICLES[1]["body"])
    assert corpus.articles.loc["ct-1", "extraction"].startswith("main text of pages/ct-1.html, extracted by trafilatura")


@pytest.mark.parametrize("fmt", FORMATS)
def test_validate_on_each_form(inputs, fmt):
    assert validate_any(inputs[fmt], mapping=None if fmt == "html" else MAPPING) == []
    done = subprocess.run([sys.executable, "-m", "analysis", "validate", str(inputs[fmt]),
                           *([] if fmt == "html" else MAPPING_ARGS)], capture_output=True, text=True, cwd=PROJ_ROOT)
    assert done.returncode == 0, done.stderr
    assert "no problems; 3 articles from 3 outlets" in done.stdout


def test_validate_names_the_users_file_line_and_column(tmp_path):
    table = _table()
    table.loc[1, "date"] = "04/03/2025"
    table.loc[2, "site"] = "harbour news"
    table.loc[0, "site"] = "Harbour News"
    table.to_csv(tmp_path / "bad.csv", index=False)
    problems = [str(p) for p in validate_any(tmp_path / "bad.csv", mapping=MAPPING)]
    assert any(p.startswith("bad.csv, line 9, column date: published '04/03/2025'") for p in problems), problems
    assert any(p.startswith("bad.csv, line 14, column site: outlet 'harbour news' differs from "
                            "'Harbour News' (line 2)") for p in problems), problems
    with pytest.raises(CorpusError, match="bad.csv, line 9, column date"):
        open_corpus(tmp_path / "bad.csv", mapping=MAPPING)


def test_a_page_without_text_or_site_is_named_with_the_fix(tmp_path, inputs):
    pages = tmp_path / "pages"
    shutil.copytree(inputs["html"], pages)
    (pages / "empty.html").write_text("<html><head><title>Log in</title></head><body><script>login()</script></body></html>")
    [page] = write_pages(_as_corpus_table().head(1).assign(url=""), tmp_path / "one")
    nameless = page.read_text(encoding="utf-8").replace('<meta property="og:site_name" content="Harbour News">', "")
    (pages / "nameless.html").write_text(nameless, encoding="utf-8")
    problems = {p.file: p for p in validate_any(pages)}
    assert "no main text" in problems["empty.html"].message
    assert "does not name its site" in problems["nameless.html"].message
    assert "metadata.csv" in problems["nameless.html"].fix


def _cli(*args, cwd=PROJ_ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_an_unknown_file_type_names_the_forms_that_work(tmp_path):
    doc = tmp_path / "articles.docx"
    doc.write_bytes(b"PK\x03\x04")
    for args in (["validate", doc], ["report", "--corpus", doc, "--out", tmp_path / "site"]):
        done = _cli(*args)
        assert done.returncode == 1
        err = done.stderr
        assert err.startswith(f"Error: {doc}") and "Traceback" not in err
        for form in ("corpus folder", "web pages (.html)", "CSV file (.csv)", "JSON Lines", "Parquet"):
            assert form in err, form
    assert not (tmp_path / "site").exists()
    with pytest.raises(CorpusError, match="is a file, not a corpus folder.*open_corpus.*CSV"):
        load_corpus(doc)


def test_a_file_without_map_says_which_columns_it_has(inputs):
    done = _cli("validate", inputs["jsonl"])
    assert done.returncode == 1
    assert "say which column holds article_id, outlet, text" in done.stderr and "id, site, title, author, date, body" in done.stderr


def test_a_file_is_materialised_outside_the_input_and_never_over_a_foreign_folder(inputs, tmp_path):
    with pytest.raises(OutputError, match="folder that holds the input"):
        run_report(inputs["csv"], inputs["csv"].parent, progress=None, mapping=MAPPING)
    out = tmp_path / "site"
    (out / "corpus" / "harbour").mkdir(parents=True)
    (out / "corpus" / "harbour" / "mine.txt").write_text("my own notes")
    with pytest.raises(OutputError, match="was not written by samestory"):
        run_report(inputs["csv"], out, progress=None, mapping=MAPPING)
    assert (out / "corpus" / "harbour" / "mine.txt").read_text() == "my own notes"


def test_a_bad_file_stops_the_report_before_anything_is_kept(tmp_path):
    table = _table()
    table.loc[1, "body"] = "Coast Times"  # only furniture: nothing left after cleaning
    table.loc[1, "site"] = "Coast Times"
    table.to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(CorpusError, match=r"bad.csv, line 9, column body: has no text left after cleaning"):
        run_report(tmp_path / "bad.csv", tmp_path / "site", progress=None, mapping=MAPPING)
    assert not (tmp_path / "site").exists()  # nothing is left: not the corpus, nor the folders made for it


def test_a_file_that_fails_halfway_leaves_nothing_behind(tmp_path):
    table = _table()
    table.loc[2, "id"] = table.loc[0, "id"]  # an id used twice: the reader stops at the third row
    table.to_csv(tmp_path / "twice.csv", index=False)
    with pytest.raises(InputError, match="twice.csv, line 14: article_id 'hn-1' was already used on line 2"):
        run_report(tmp_path / "twice.csv", tmp_path / "site", progress=None, mapping=MAPPING)
    assert not (tmp_path / "site").exists()
    with pytest.raises(InputError, match="does not exist"):
        run_report(tmp_path / "missing.csv", tmp_path / "site", progress=None, mapping=MAPPING)
    assert not (tmp_path / "site").exists()


def test_map_on_a_corpus_folder_or_pages_is_refused(inputs, tmp_path):
    with pytest.raises(InputError, match="leave --map out"):
        run_report(inputs["html"], tmp_path / "site", progress=None, mapping=MAPPING)
