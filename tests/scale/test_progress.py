"""The scale command's progress bar: a total and the time left on a terminal, nothing otherwise."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from analysis.scale import count_articles


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """40 made-up articles of three outlets as JSON Lines, with a blank line in the middle."""
    rng = random.Random(0)
    vocab = [a + b for a in ("har", "tre", "min", "port", "fish", "bud", "cap", "tal", "plan", "crit")
             for b in ("bour", "aty", "ister", "land", "ery", "get", "ital", "ks", "ning", "ics")]
    path = tmp_path_factory.mktemp("scale") / "small.jsonl"
    lines = []
    for i in range(40):
        text = " ".join(rng.choice(vocab) for _ in range(80)) + '. "We will not accept it," the mayor said.'
        lines.append(json.dumps({"article_id": f"a{i}", "outlet": ("Alpha", "Beta", "Gamma")[i % 3], "text": text}))
        if i == 5:
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_count_articles(small, tmp_path):
    import gzip

    import pandas as pd

    assert count_articles(small) == 40
    assert count_articles(small, limit=7) == 7
    assert count_articles(small, limit=400) == 40
    gz = tmp_path / "small.jsonl.gz"
    gz.write_bytes(gzip.compress(small.read_bytes()))
    assert count_articles(gz) == 40
    pq = tmp_path / "small.parquet"
    pd.read_json(small, lines=True).to_parquet(pq)
    assert count_articles(pq) == 40 and count_articles(pq, limit=3) == 3


def _scale(small, out, stderr):
    return subprocess.run(
        [sys.executable, "-m", "analysis", "scale", str(small), "--out", str(out), "--chunk-size", "10"],
        stdout=subprocess.PIPE, stderr=stderr, text=True, timeout=300,
    )


def test_no_bar_when_stderr_is_not_a_terminal(small, tmp_path):
    done = _scale(small, tmp_path / "out", subprocess.PIPE)
    assert done.returncode == 0, done.stderr
    assert "40 articles from 3 outlets" in done.stdout
    assert done.stderr == ""  # no bar, no counter, no carriage returns


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_bar_with_total_and_time_left_on_a_terminal(small, tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        done = _scale(small, tmp_path / "out", follower)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    text = seen.decode("utf-8", errors="replace")
    assert "40/40" in text and "100%" in text  # the total is known
    assert "<00:00" in text  # tqdm's "elapsed<remaining"
