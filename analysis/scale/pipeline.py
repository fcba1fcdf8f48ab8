"""The analyses over tens of thousands of articles: one process, or many on Dask.

The pipeline is a pure function of a chunk of articles (:func:`process_chunk`): it cleans and
segments them (:func:`analysis.corpus.corpus_from_frame`), finds their quotes, frame cues, terms
and contested names, and returns *partial results*, small tables of counts that add up. Counts
made on separate chunks and added (:func:`combine`) are exactly the counts of the whole, so the
order and the place where chunks are processed do not matter: one process (:func:`run_local`)
and a Dask cluster (:func:`run_dask`) give identical outputs, which are written as Parquet:

- ``articles``: one row per article (outlet, paragraphs, sentences, words, quotes, lines removed);
- ``sourcing``: per outlet, quote kind, speaker type and verb stance: quotes and words quoted;
- ``speakers``: per outlet and speaker: quotes and words quoted;
- ``frames``: per outlet and generic frame: sentences that show it;
- ``naming``: per outlet, contested concept and variant: uses;
- ``terms``: per outlet and term (unigrams and bigrams): count; and ``distinctive_terms``, the
  log-odds z-scores computed from them (Monroe, Colaresi & Quinn 2008);
- ``coverage``: per outlet and topic: articles whose main topic it is, the topics fitted once
  (NMF on the first ``fit_articles`` articles) and applied to every chunk.

Command line: ``python -m analysis scale INPUT --out DIR [--scheduler ADDR] [--workers N]``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..corpus import corpus_from_frame
from .input import parse_mapping, read_articles  # parse_mapping: the --map options (shared with report)

__all__ = [
    "combine",
    "count_articles",
    "distinctive_terms_from_counts",
    "FAN_IN",
    "fit_projector",
    "KEYS",
    "parse_mapping",
    "Partial",
    "PARTS",
    "process_chunk",
    "run_dask",
    "run_local",
    "run_scale_command",
    "STAGES",
    "TopicProjector",
    "write_results",
]

PARTS = ("articles", "sourcing", "speakers", "frames", "naming", "terms", "coverage")
KEYS = {
    "sourcing": ["outlet", "kind", "speaker_type", "stance"],
    "speakers": ["outlet", "speaker", "speaker_type"],
    "frames": ["outlet", "frame"],
    "naming": ["outlet", "concept", "variant"],
    "terms": ["outlet", "term", "ngram"],
    "coverage": ["outlet", "topic"],
}
STAGES = ("clean and segment", "quotes", "frame cues", "term counts", "contested names", "topics")


@dataclass
class TopicProjector:
    """A fitted topic model reduced to what applying it needs (picklable, sent to workers).

    ``start`` is where each article's topic weights begin (``sqrt(mean(X) / k)`` of the fitting
    texts' matrix, as scikit-learn starts its own projection on the matrix of the texts it is
    given): fixed once, so that an article's topic does not depend on the chunk or Dask part
    it is read with.
    """

    vectorizer: object
    components: np.ndarray
    labels: dict[int, str]
    start: float

    def main_topic(self, texts: list[str]) -> np.ndarray:
        """The topic (1..k) with the largest weight in each text; 0 when no word is known.

        The weights are found by the multiplicative updates of NMF for the Frobenius loss with the
        topics held fixed (Lee & Seung 2001), :data:`PROJECTION_STEPS` steps from ``start``: each
        text's update reads only that text's row, and no tolerance is tested over the batch, so
        the result is the same whichever texts are projected together.
        """
        X = self.vectorizer.transform(texts)
        H = self.components
        numerator = np.asarray(X @ H.T)
        gram = H @ H.T
        W = np.full((X.shape[0], H.shape[0]), self.start)
        for _ in range(PROJECTION_STEPS):
            denominator = W @ gram
            denominator[denominator == 0] = np.finfo(float).eps
            W *= numerator / denominator
        top = W.argmax(axis=1) + 1
        top[W.max(axis=1) <= 0] = 0
        return top


PROJECTION_STEPS = 200
"""Multiplicative-update steps of :meth:`TopicProjector.main_topic` (scikit-learn's default limit)."""


@dataclass
class Partial:
    """Partial results of some chunks: tables of counts that :func:`combine` adds up.

    Attributes:
        tables: the tables of :data:`PARTS`.
        seconds: wall-clock seconds per stage of :data:`STAGES` (summed over chunks), then
            ``count tables`` (the stages' rows counted into the tables) and ``combine`` (adding up).
        cpu: CPU seconds of this process per stage (summed over chunks and processes).
    """

    tables: dict[str, pd.DataFrame]
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)


def _count(frame: pd.DataFrame, keys: list[str], **aggs) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=[*keys, *aggs])
    return frame.groupby(keys, observed=True, dropna=False).agg(**aggs).reset_index()


def _segment(ctx: dict) -> None:
    ctx["corpus"] = corpus_from_frame(ctx["frame"])


def _quotes(ctx: dict) -> None:
    from ..sourcing import extract_quotes
    from ..sourcing.lexicon import load_lexicon

    # a chunk is not a story: the package lexicon, so that people merged within a chunk cannot make
    # the results depend on how the articles were chunked
    ctx["quotes"] = extract_quotes(ctx["corpus"], lexicon=load_lexicon())


def _frames(ctx: dict) -> None:
    from ..framing import frame_scores

    ctx["frames"] = frame_scores(ctx["corpus"], scheme="generic")


def _terms(ctx: dict) -> None:
    from ..wordchoice import term_counts

    ctx["terms"] = term_counts(ctx["corpus"])


def _naming(ctx: dict) -> None:
    from ..wordchoice import naming_mentions

    ctx["naming"] = naming_mentions(ctx["corpus"])


def _topics(ctx: dict) -> None:
    corpus, topics = ctx["corpus"], ctx["topics"]
    if topics is not None and len(corpus.articles):
        main = topics.main_topic(corpus.articles["text"].tolist())
        cov = pd.DataFrame({"outlet": corpus.articles["outlet"].to_numpy(), "topic": main})
        ctx["coverage"] = _count(cov, KEYS["coverage"], articles=("topic", "size"))
    else:
        ctx["coverage"] = pd.DataFrame(columns=[*KEYS["coverage"], "articles"])


# The stages in order: each reads and writes the chunk's context (names as in STAGES).
_STEPS: tuple[tuple[str, Callable[[dict], None]], ...] = (
    ("clean and segment", _segment),
    ("quotes", _quotes),
    ("frame cues", _frames),
    ("term counts", _terms),
    ("contested names", _naming),
    ("topics", _topics),
)


def _count_tables(ctx: dict) -> None:
    """The stages' rows counted into the tables of :data:`PARTS` (``ctx["tables"]``)."""
    corpus, quotes, terms = ctx["corpus"], ctx["quotes"], ctx["terms"]
    articles = corpus.articles[["outlet", "n_paragraphs", "n_sentences", "n_words", "n_removed"]].reset_index()
    per_article = quotes.groupby("article_id").size() if len(quotes) else pd.Series(dtype="int64")
    articles["n_quotes"] = articles["article_id"].map(per_article).fillna(0).astype("int64")
    q = quotes.assign(speaker=quotes["speaker"].fillna(""), stance=quotes["stance"].fillna(""))
    ctx["tables"] = {
        "articles": articles,
        "sourcing": _count(q, KEYS["sourcing"], quotes=("quote", "size"), words=("words", "sum")),
        "speakers": _count(q[q["speaker"] != ""], KEYS["speakers"], quotes=("quote", "size"), words=("words", "sum")),
        "frames": _count(ctx["frames"], KEYS["frames"], sentences=("start", "size")),
        "naming": _count(ctx["naming"], KEYS["naming"], uses=("start", "size")),
        "terms": terms.assign(outlet=_as_str(terms["outlet"]), term=_as_str(terms["term"]))[
            ["outlet", "term", "ngram", "count"]
        ],
        "coverage": ctx["coverage"],
    }


def _as_str(col: pd.Series) -> pd.Series:
    """``col.astype(str)`` for a categorical column: its categories made strings once, then taken
    by code (the same values and dtype, without converting every row's string)."""
    codes = col.cat.codes.to_numpy()
    if len(codes) and codes.min() < 0:
        return col.astype(str)  # missing values: as astype gives them
    return pd.Series(col.cat.categories.astype(str).take(codes).array, index=col.index, name=col.name)


def process_chunk(frame: pd.DataFrame, *, topics: TopicProjector | None = None) -> Partial:
    """Run the whole pipeline on one chunk of articles (a pure function of its arguments).

    The chunk is cleaned and segmented once (:func:`analysis.corpus.corpus_from_frame`); every
    analysis then reads that corpus's sentences and paragraphs.

    Args:
        frame: articles with ``article_id``, ``outlet``, ``text`` (raw) and optional metadata.
        topics: the fitted topics for the coverage table; None leaves coverage empty.

    Returns:
        A :class:`Partial` with the tables of :data:`PARTS` and the wall-clock and CPU seconds
        each stage took.
    """
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    ctx: dict = {"frame": frame, "topics": topics}
    for stage, step in (*_STEPS, ("count tables", _count_tables)):
        t, c = time.perf_counter(), time.process_time()
        step(ctx)
        seconds[stage] = time.perf_counter() - t
        cpu[stage] = time.process_time() - c
    return Partial(ctx["tables"], seconds, cpu)


def _sorted_codes(values: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Codes of ``values`` numbered in sorted order (missing values last), and the sorted values."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    uniques = pd.Index(uniques)
    ordered, order = uniques.sort_values(return_indexer=True, na_position="last")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank[codes], ordered


def _sum_by_keys(whole: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """``whole.groupby(keys, sort=True, dropna=False)[values].sum()`` with integer codes and one
    sort of integers, not a hash of tuples of strings: several times faster on millions of rows."""
    values = [c for c in whole.columns if c not in keys]
    if not len(whole):
        return whole.reset_index(drop=True)
    key = np.zeros(len(whole), dtype=np.int64)
    sorted_keys = []
    size = 1
    for k in keys:
        codes, uniques = _sorted_codes(whole[k])
        size *= max(len(uniques), 1)
        if size >= 2**62:  # too many combinations for one integer: let pandas do it
            summed = whole.groupby(keys, observed=True, dropna=False, sort=True)[values].sum().reset_index()
            return summed.astype({c: "int64" for c in values})
        key = key * len(uniques) + codes
        sorted_keys.append((codes, uniques))
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    first = order[starts]
    out = {k: uniques.take(codes[first]).array for k, (codes, uniques) in zip(keys, sorted_keys)}
    for c in values:
        out[c] = np.add.reduceat(whole[c].to_numpy(dtype=np.int64)[order], starts)
    return pd.DataFrame(out)


def combine(partials: Iterable[Partial]) -> Partial:
    """Add up partial results: the same whatever the chunks and their order.

    Count tables are concatenated and summed by their keys once (integer codes of the keys, one
    sort, a segment sum); the articles table is concatenated. Every table is sorted by its keys,
    so the result does not depend on the order of chunks.
    """
    t, c = time.perf_counter(), time.process_time()
    partials = list(partials)
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for p in partials:
        for k, v in p.seconds.items():
            seconds[k] = seconds.get(k, 0.0) + v
        for k, v in p.cpu.items():
            cpu[k] = cpu.get(k, 0.0) + v
    out = {}
    for name in PARTS:
        frames = [p.tables[name] for p in partials if name in p.tables and len(p.tables[name])]
        if not frames:
            out[name] = partials[0].tables[name].iloc[0:0] if partials else pd.DataFrame()
            continue
        whole = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
        if name == "articles":
            out[name] = whole.sort_values("article_id", kind="stable").reset_index(drop=True)
            continue
        out[name] = _sum_by_keys(whole, KEYS[name])
    seconds["combine"] = seconds.get("combine", 0.0) + time.perf_counter() - t
    cpu["combine"] = cpu.get("combine", 0.0) + time.process_time() - c
    return Partial(out, seconds, cpu)


def distinctive_terms_from_counts(terms: pd.DataFrame, *, min_count: int = 5) -> pd.DataFrame:
    """Log-odds z-scores per outlet from summed term counts (the prior: the corpus itself).

    Uses :func:`analysis.wordchoice.log_odds_z` on the counts of ``terms`` (columns outlet, term,
    ngram, count); only terms used at least ``min_count`` times in all are scored, and only the
    terms an outlet uses get a row (the absent ones are implied).
    """
    from ..wordchoice import log_odds_z

    if terms.empty or terms["outlet"].nunique() < 2:
        return pd.DataFrame(columns=["outlet", "term", "ngram", "count", "count_other", "prior", "delta", "variance", "z"])
    totals = terms.groupby("term", sort=True)["count"].sum()
    keep = totals[totals >= min_count]
    t = terms[terms["term"].isin(keep.index)].copy()
    # The prior: each term's count in the whole corpus, scaled to a_0 = number of terms scored
    # (as analysis.wordchoice.distinctive_terms does with prior="corpus", prior_scale=None).
    a_0 = float(len(keep))
    a_w = keep / keep.sum() * a_0
    n_outlet = t.groupby("outlet")["count"].sum()
    n_all = float(t["count"].sum())
    y_i = t["count"].to_numpy(dtype=np.float64)
    y_j = t["term"].map(keep).to_numpy(dtype=np.float64) - y_i
    aw = t["term"].map(a_w).to_numpy(dtype=np.float64)
    n_i = t["outlet"].map(n_outlet).to_numpy(dtype=np.float64)
    delta, var, z = log_odds_z(y_i, y_j, aw, n_i, n_all - n_i, a_0)
    t = t.assign(count_other=y_j.astype("int64"), prior=aw, delta=delta, variance=var, z=z)
    return t.sort_values(["outlet", "z", "term"], ascending=[True, False, True], kind="stable").reset_index(drop=True)


def fit_projector(path, *, mapping=None, fit_articles: int = 5000, k: int = 20) -> TopicProjector:
    """Fit the topics once, on the first ``fit_articles`` articles' clean text (deterministic)."""
    from ..topics import fit_topics

    texts: list[str] = []
    for chunk in read_articles(path, mapping=mapping, chunk_size=2000, limit=fit_articles):
        texts += corpus_from_frame(chunk).articles["text"].tolist()
    model = fit_topics(texts, k=min(k, max(1, len(texts) // 2)), method="nmf", tol=1e-3, min_df=2 if len(texts) > 50 else 1)
    start = float(np.sqrt(model.vectorizer.transform(texts).mean() / model.components.shape[0]))
    return TopicProjector(model.vectorizer, model.components, model.labels(), start)


FAN_IN = 8
"""How many partial results are added up at once (in one process, and on each Dask worker)."""


class _Adder:
    """Adds partial results as they come, eight at a time, so that memory holds a few chunks'
    tables while each row is added up about log8(chunks) times (not once per chunk).

    ``add`` adds a list of partial results: :func:`combine` in one process; on Dask, a function
    that submits the addition of a list of futures and returns the future of the sum.
    """

    def __init__(self, add: Callable[[list], object] = combine) -> None:
        self.levels: list[list] = []
        self._add = add

    def add(self, part) -> None:
        level = 0
        while True:
            if len(self.levels) <= level:
                self.levels.append([])
            self.levels[level].append(part)
            if len(self.levels[level]) < FAN_IN:
                return
            part, self.levels[level] = self._add(self.levels[level]), []
            level += 1

    def total(self):
        """The sum of everything added (None if nothing was)."""
        pending = [p for level in self.levels for p in level]
        if len(pending) == 1 and not self.levels[0]:
            return pending[0]  # already added up (and sorted) by combine
        return self._add(pending) if pending else None


def run_local(
    path, *, mapping=None, chunk_size: int = 2000, limit: int | None = None, topics: TopicProjector | None = None,
    progress: Callable[[int], None] | None = None,
) -> Partial:
    """The pipeline in this process, chunk by chunk (a few chunks' tables in memory at a time)."""
    adder = _Adder()
    for chunk in read_articles(path, mapping=mapping, chunk_size=chunk_size, limit=limit):
        adder.add(process_chunk(chunk, topics=topics))
        if progress:
            progress(len(chunk))
    partial = adder.total()
    if partial is None:
        partial = combine([process_chunk(pd.DataFrame(columns=["article_id", "outlet", "text"]))])
    return partial


def _process_part(part: str, topics: TopicProjector | None) -> Partial:
    frames = [chunk for chunk in read_articles(part, chunk_size=10**9)]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article_id", "outlet", "text"])
    return process_chunk(frame, topics=topics)


def _combine_many(*partials: Partial) -> Partial:
    return combine(partials)


def run_dask(
    parts: list[Path], *, topics: TopicProjector | None = None, scheduler: str | None = None, workers: int = 2,
    progress: bool = False,
) -> Partial:
    """The pipeline on Dask: one task per Parquet part, partial results added up where they are.

    The topic model is sent to every worker once. Dask hands the parts to the workers as they
    become free. Each part's result stays on the worker that made it and is added there to that worker's
    earlier results (:data:`FAN_IN` at a time, as in one process), so no part's tables move
    between workers; at the end each worker sends its one sum to this process, which adds them.

    Args:
        parts: Parquet files with the package's column names (see
            :func:`analysis.scale.input.write_parquet_parts`).
        topics: the fitted topics for the coverage table.
        scheduler: address of a running Dask scheduler (``tcp://host:8786``); None starts a
            local cluster of ``workers`` processes with one thread each.
        workers: workers of the local cluster.
        progress: show a progress bar of the parts done (on standard error).
    """
    import dask
    from dask.distributed import Client, LocalCluster, as_completed
    from tqdm import tqdm

    cluster = None
    if scheduler is None:
        # On Linux the local workers are forked: they start in a fraction of a second with this
        # process's modules and compiled lexicons, where spawned ones take seconds to import them.
        method = {"distributed.worker.multiprocessing-method": "fork"} if sys.platform.startswith("linux") else {}
        with dask.config.set(method):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None, processes=True)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        topics_future = client.scatter(topics, broadcast=True) if topics is not None else None
        futures = client.map(_process_part, [str(p) for p in parts], topics=topics_future, pure=False)
        adders: dict[str, _Adder] = {}
        sums = []  # futures of the sums of workers that have no part left to do
        left = {f.key for f in futures}
        with tqdm(total=len(futures), unit=" parts", disable=not progress, file=sys.stderr, desc="Parts") as bar:
            for future in as_completed(futures):
                if future.status != "finished":
                    future.result()  # raises the task's error here
                left.discard(future.key)
                worker = min(client.who_has(future)[future.key])
                if worker not in adders:
                    adders[worker] = _Adder(_adding_on(client, worker))
                adders[worker].add(future)
                bar.update()
                for idle in _idle_workers(client, adders, left):
                    sums.append(adders.pop(idle).total())
        sums += [adder.total() for _, adder in sorted(adders.items())]
        partial = combine(client.gather(sums)) if sums else None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    if partial is None:
        return combine([process_chunk(pd.DataFrame(columns=["article_id", "outlet", "text"]))])
    return partial


def _idle_workers(client, adders: dict, left: set) -> list[str]:
    """The workers of ``adders`` that will get no more parts: every part not yet done is running
    or assigned elsewhere (none waits on the scheduler). Their sums can then be made while the
    other workers finish, instead of after. (A part stolen later by such a worker starts a new sum.)"""
    if not left:
        return sorted(adders)
    processing = {worker: left.intersection(keys) for worker, keys in client.processing().items()}
    if sum(len(keys) for keys in processing.values()) < len(left):
        return []  # parts still wait on the scheduler for a free worker
    return sorted(worker for worker in adders if not processing.get(worker))


def _adding_on(client, worker: str) -> Callable[[list], object]:
    """A function that adds futures of partial results on ``worker``, where they are, and
    returns the future of their sum (before the parts still waiting: memory holds few partials)."""

    def add(futures: list) -> object:
        return client.submit(_combine_many, *futures, workers=[worker], allow_other_workers=True, priority=1, pure=False)

    return add


def write_results(partial: Partial, out: str | Path) -> dict[str, Path]:
    """Write every table (and the distinctive terms) as Parquet files in ``out``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    tables = dict(partial.tables)
    tables["distinctive_terms"] = distinctive_terms_from_counts(tables["terms"])
    for name, table in tables.items():
        path = out / f"{name}.parquet"
        table.to_parquet(path, index=False)
        paths[name] = path
    return paths


def count_articles(path: str | Path, *, limit: int | None = None) -> int:
    """How many articles the file holds (at most ``limit``), for the progress bar's total.

    A Parquet file says so in its metadata; a JSON Lines file is read once, counting its
    non-blank lines (a few seconds for tens of thousands of articles, against minutes of analysis).
    """
    from .input import _open_text, input_format

    path = Path(path)
    if input_format(path) == "parquet":
        import pyarrow.parquet as pq

        n = pq.ParquetFile(path).metadata.num_rows
    else:
        n = 0
        with _open_text(path) as fh:
            for line in fh:
                if line.strip():
                    n += 1
                    if limit is not None and n >= limit:
                        break
    return min(n, limit) if limit is not None else n


def run_scale_command(args) -> int:
    """``python -m analysis scale``: progress on a terminal, results as Parquet, a summary line."""
    import tempfile

    from .input import write_parquet_parts

    from ..safe import check_output
    from .input import input_format

    input_format(args.input)  # a name it cannot read is said before anything else
    # Never into the folder of the input, over the input, or over a file (write_results names its files).
    check_output(args.out, [args.input], writes=tuple(f"{name}.parquet" for name in (*PARTS, "distinctive_terms")))
    mapping = parse_mapping(args.map)
    tty = sys.stderr.isatty()
    say = (lambda msg: print(msg, file=sys.stderr)) if tty else (lambda msg: None)
    t0 = time.perf_counter()
    say("Fitting topics on the first articles ...")
    topics = fit_projector(args.input, mapping=mapping, fit_articles=min(5000, args.limit or 5000))
    if args.workers or args.scheduler:
        with tempfile.TemporaryDirectory() as tmp:
            say("Splitting the input into Parquet parts ...")
            parts = write_parquet_parts(args.input, tmp, mapping=mapping, rows_per_part=args.chunk_size, limit=args.limit)
            partial = run_dask(parts, topics=topics, scheduler=args.scheduler, workers=args.workers or 2, progress=tty)
    else:
        from tqdm import tqdm

        # A bar with the total and the time left on a terminal; nothing at all otherwise (a pipe,
        # a log file, a test), and then the input is not counted either.
        total = count_articles(args.input, limit=args.limit) if tty else None
        with tqdm(total=total, unit=" articles", disable=not tty, file=sys.stderr,
                  desc="Articles") as bar:
            partial = run_local(args.input, mapping=mapping, chunk_size=args.chunk_size, limit=args.limit,
                                topics=topics, progress=bar.update)
    paths = write_results(partial, args.out)
    n = len(partial.tables["articles"])
    print(f"{n:,} articles from {partial.tables['articles']['outlet'].nunique():,} outlets in {time.perf_counter() - t0:.1f} s; "
          f"results in {Path(args.out).resolve()} ({', '.join(sorted(p.name for p in paths.values()))})")
    return 0
