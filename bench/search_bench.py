"""Search benchmark: index build and query latency at 1, 100 and 1,000 plans, beside two baselines.

The synthetic library repeats and shuffles the bundled plan's paragraphs (each plan a different
order and a few edits), ~29 k characters per plan, ~29 M characters at 1,000 plans. For every size
it reports index build throughput, index size, and query latency (median / p95 over a fixed set of
realistic queries) for: the Whoosh index, a linear substring scan over the same blocks held in
memory, and SQLite FTS5 with the trigram tokenizer — all measured in this process, in this run.

Usage: python bench/search_bench.py [--quick] [--sizes=1,100,1000] [--with-targets]

--with-targets indexes as the app does, reading each plan's targets and past figures for the ranking (slower).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.model import Block, Document  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.paths import resources_dir  # noqa: E402
from reader.search import text as T  # noqa: E402
from reader.search import workers  # noqa: E402
from reader.search.index import SearchIndex  # noqa: E402
from reader.session import _figures_by_block  # noqa: E402

QUERIES = [
    "地区生产总值",
    "散裂中子源",
    "中子",
    "科技创新",
    "高质量发展",
    "松山湖 科学城",
    "GDP",
    "5G",
    "R&D",
    "2025",
    "1.3万亿",
    "6.5%",
    "营商环境",
    "专精特新",
    "碳达峰",
    "城市更新",
    "轨道交通",
    "数字经济",
    "人才",
    "医疗 卫生",
    "乡村振兴",
    "生态 环境",
    "住房",
    "养老",
    "粤港澳大湾区",
    "湾区",
    "产业集群 OR 先进制造",
    "创新 -人才",
    "水污染",
    '"年均增长"',
    "湾",
    "高新技术企业",
    "东莞港",
    "公共服务 均等化",
]


def rss_mb(kind: str = "VmRSS") -> float:
    """Resident memory in MB; kind "RssAnon" leaves out mapped index files (clean, shared file cache)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(kind + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic(seed_doc: Document, n: int) -> list[Document]:
    docs = []
    for i in range(n):
        if i == 0:
            docs.append(seed_doc)
            continue
        rng = random.Random(i)
        blocks = list(seed_doc.blocks)
        body = blocks[1:]
        rng.shuffle(body)
        blocks = [blocks[0], *body]
        new_blocks = []
        for j, b in enumerate(blocks):
            text = b.text
            if rng.random() < 0.2:  # a few edits so plans are not identical
                text = text.replace("东莞", rng.choice(["佛山", "惠州", "中山", "珠海"]))
            new_blocks.append(Block(index=j, id=f"{b.id}{i:04d}", kind=b.kind, text=text, node=b.node))
        docs.append(replace(seed_doc, id=f"synthetic-{i:04d}", blocks=tuple(new_blocks)))
    return docs


def children_peak_mb() -> float:
    """Peak RSS of the largest child process so far (the index workers), in MB; nan where the OS does not say."""
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def search_process_rss(tmp: Path) -> tuple[str, float, float]:
    """RSS of a new process that opens the index in ``tmp`` and runs every query (what the app's search costs), and
    the time from opening the index to the first query's hits (median and p95 over the queries, one process each)."""
    import json
    import subprocess

    code = (
        "import sys, json; sys.path.insert(0, sys.argv[1]);"
        "from pathlib import Path; from reader.paths import resources_dir; from reader.search.index import SearchIndex;"
        "from bench.search_bench import QUERIES, rss_mb;"
        "import time; t0 = time.perf_counter();"
        "ix = SearchIndex(Path(sys.argv[2]), resources_dir()); ix.search(sys.argv[3], limit=20);"
        "first = time.perf_counter() - t0;"
        "[ix.search(q, limit=20) for q in QUERIES];"
        "print(json.dumps([rss_mb(), rss_mb('RssAnon'), first]))"
    )
    total = anon = 0.0
    firsts = []
    for q in QUERIES:  # each the first query of a new process (the app started again)
        out = subprocess.run(
            [sys.executable, "-c", code, str(ROOT), str(tmp), q], capture_output=True, text=True, check=True
        )
        total, anon, first = json.loads(out.stdout.strip().splitlines()[-1])
        firsts.append(first * 1000)
    return f"{total:.0f}/{anon:.0f}", statistics.median(firsts), pct(firsts, 95)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def linear_scan(blocks: list[tuple[str, int, str]], query: str) -> int:
    parsed = T.parse_query(query)
    count = 0
    for _doc, _i, folded in blocks:
        if all(any(T.fold(a) in folded for c in g for a in c.alternatives) for g in parsed.groups) and not any(
            T.fold(c.text) in folded for c in parsed.excluded
        ):
            count += 1
    return count


def fts_condition(term: str) -> tuple[str, list[str]]:
    """SQL for "the block holds ``term``": the trigram index for terms of three characters or more; a scan with
    instr() for shorter ones, which a trigram index cannot answer (MATCH gives 0 rows for 人才)."""
    folded = T.fold(term)
    if len(folded) >= 3:
        return "rowid IN (SELECT rowid FROM t WHERE t MATCH ?)", ['"' + folded.replace('"', '""') + '"']
    return "instr(text, ?) > 0", [folded]


def fts_count(con: sqlite3.Connection, query: str) -> int:
    """The number of blocks matching ``query`` with the same semantics as the app (AND of groups, OR inside a
    group, -word excluded), on folded text; checked against the linear scan."""
    parsed = T.parse_query(query)
    where, args = [], []
    for g in parsed.groups:
        parts = [fts_condition(a) for c in g for a in c.alternatives]
        where.append("(" + " OR ".join(sql for sql, _ in parts) + ")")
        args.extend(x for _, xs in parts for x in xs)
    for c in parsed.excluded:
        sql, xs = fts_condition(c.text)
        where.append(f"NOT ({sql})")
        args.extend(xs)
    if not where:
        return 0
    return con.execute("SELECT count(*) FROM t WHERE " + " AND ".join(where), args).fetchone()[0]


def measure(fn, rounds: int = 3) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), pct(times, 95)


def run_size(seed: Document, n: int) -> None:
    docs = synthetic(seed, n)
    chars = sum(d.char_count for d in docs)
    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    try:
        # --with-targets: as the app indexes, with each plan's targets and past figures read for the ranking
        ix = SearchIndex(tmp, resources_dir(), figures=_figures_by_block if "--with-targets" in sys.argv else None)
        T.words("预热")  # load jieba before timing (the app loads it when indexing starts)
        t0 = time.perf_counter()
        ix.sync(docs)
        build = time.perf_counter() - t0
        workers_mb = children_peak_mb()
        size = dir_size(tmp / "index") / 1e6
        ix = SearchIndex(tmp, resources_dir())  # reopen, as the app does on the next start
        t0 = time.perf_counter()
        ix.warm()
        warm = time.perf_counter() - t0
        # Check completeness on every query against the linear scan, while at it.
        blocks = [(d.id, b.index, T.fold(b.text)) for d in docs for b in d.blocks]
        for q in QUERIES:
            got = ix.search(q, limit=0, use_synonyms=False).total
            want = linear_scan(blocks, q)
            assert got == want, (q, got, want)

        def cold(q: str) -> None:
            ix._state().forget()  # no posting sets cached from earlier queries
            ix.search(q, limit=20, use_synonyms=False)

        c_med, c_p95 = measure(cold, rounds=1)
        w_med, w_p95 = measure(lambda q: ix.search(q, limit=20, use_synonyms=False))
        rss_search, first_med, first_max = search_process_rss(tmp)
        l_med, l_p95 = measure(lambda q: linear_scan(blocks, q), rounds=1 if n >= 1000 else 3)
        con = sqlite3.connect(str(tmp / "fts.db"))
        t0 = time.perf_counter()
        con.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='trigram')")
        # Folded text, as the app and the linear scan compare it (full-width and case folded).
        con.executemany("INSERT INTO t(text) VALUES (?)", ((T.fold(b.text),) for d in docs for b in d.blocks))
        con.commit()
        fts_build = time.perf_counter() - t0
        fts_chars = chars / fts_build
        wrong = [(q, fts_count(con, q), linear_scan(blocks, q)) for q in QUERIES]
        wrong = [w for w in wrong if w[1] != w[2]]
        assert not wrong, f"the FTS5 baseline disagrees with the linear scan (query, fts5, scan): {wrong[:5]}"
        f_med, f_p95 = measure(lambda q: fts_count(con, q))
        con.close()
        print(
            f"{n:5d} {chars:11,d} {build:8.1f} {chars / build:9,.0f} {size:8.1f} {warm:6.2f} |"
            f" {c_med:5.1f} / {c_p95:5.1f} | {w_med:5.1f} / {w_p95:5.1f} | {l_med:5.1f} / {l_p95:5.1f} |"
            f" {f_med:5.1f} / {f_p95:5.1f} | {fts_build:6.1f} {fts_chars:9,.0f} | {first_med:5.0f} / {first_max:5.0f}"
            f" {rss_search:>9} {workers_mb:9.0f}",
            flush=True,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    sizes = [1, 100, 1000]
    if "--quick" in sys.argv:
        sizes = [1, 100]
    for arg in sys.argv[1:]:
        if arg.startswith("--sizes="):
            sizes = [int(x) for x in arg.split("=", 1)[1].split(",")]
    seed = Library(Path("/nonexistent"), resources_dir()).open("dongguan-14th-fyp")
    print(f"{len(QUERIES)} queries; latency = median / p95 over 3 rounds, milliseconds; limit 20 hits")
    print("open s: first search's set-up (columns, lengths) after opening the index; cold: no posting sets cached;")
    print(
        "warm: 3 rounds with the per-index cache of posting sets; RSS: a fresh process that opened the index and ran them"
        " all; worker MB: peak RSS of the largest child process so far (index workers)"
    )
    print(
        "restart: a fresh process opens the index and answers its first query (median / p95, one process per query);"
        f" build: {workers.default_workers()} indexing process(es) on {os.cpu_count()} cores"
        + (", targets read as the app does" if "--with-targets" in sys.argv else ", without reading targets")
    )
    header = (
        f"{'plans':>5} {'chars':>11} {'build s':>8} {'chars/s':>9} {'index MB':>8} {'open s':>6} | {'whoosh cold':>13} |"
        f" {'whoosh warm':>13} | {'linear scan':>13} | {'fts5 trigram':>13} | {'fts5 build s':>6} {'chars/s':>9} |"
        f" {'restart ms':>13} {'RSS/anon MB':>9} {'worker MB':>9}"
    )
    print(header)
    for n in sizes:
        run_size(seed, n)
    print("every query's hit count, in the index and in the FTS5 baseline, equalled the linear scan's")


if __name__ == "__main__":  # worker processes import this module too
    main()
