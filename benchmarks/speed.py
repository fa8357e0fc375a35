"""Speed and memory side by side: detector against jusText, boilerpy3 and trafilatura.

    python benchmarks/speed.py [--sizes 1000 10000 100000] [--jobs 1 2] [--repeat 3]

Every system reads the same JSONL file of articles (real pages from
../shared/data/real, or data/ without it) line by line, labels or extracts each
article and writes one output line per article. Each run is its own process, so
its peak resident memory is its own. Prints segments per second and peak memory
per system, input size and number of processes. Each process may use one core
(OMP_NUM_THREADS=1), so "1 process" means one core for every system. Every run is
repeated (--repeat) with the systems taking turns, and the median time is reported: on a
shared machine single runs of the same system differ by up to a fifth.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "real"
# "detector" runs the default model (auto: each document to the general or the crypto model);
# "detector-general" the general model alone, which shows what routing costs.
SYSTEMS = ["detector", "detector-general", "jusText", "boilerpy3", "trafilatura"]


def source_documents() -> list[dict]:
    """Articles to time: real full pages where available, else the bundled corpus."""
    files = sorted(SHARED.glob("*.full.jsonl")) if SHARED.is_dir() else sorted((ROOT / "data").glob("*.jsonl"))
    docs = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs.append({"id": doc["doc_id"], "lang": doc.get("lang", "en"),
                         "text": "\n\n".join(p["text"] for p in doc["paragraphs"])})
    return docs


def write_input(docs: list[dict], n_segments: int, path: Path) -> int:
    """Write articles to ``path`` until ``n_segments`` segments (cycling through docs); return the count."""
    written, i = 0, 0
    with path.open("w", encoding="utf-8") as handle:
        while written < n_segments:
            doc = docs[i % len(docs)]
            handle.write(json.dumps({**doc, "id": f"{doc['id']}#{i}"}, ensure_ascii=False) + "\n")
            written += sum(1 for line in doc["text"].splitlines() if line.strip())
            i += 1
    return written


def worker(system: str, path: Path, out: Path, jobs: int) -> None:
    """Process one input file with one system; print seconds taken (model loading excluded)."""
    if system.startswith("detector"):
        from detector import cli, load_model

        model = "general" if system == "detector-general" else "auto"
        load_model(model)  # built or loaded before the clock starts, as in a long batch run
        started = time.perf_counter()
        code = cli.main(["clean", str(path), "-o", str(out), "-q", "--jobs", str(jobs), "--model", model])
        assert code == 0, code
    else:
        started = time.perf_counter()
        with path.open(encoding="utf-8") as source, out.open("w", encoding="utf-8") as sink:
            run = functools.partial(peer_line, system)
            if jobs == 1:
                for line in source:
                    sink.write(run(line) + "\n")
            else:
                from multiprocessing import Pool

                with Pool(jobs) as pool:
                    for row in pool.imap(run, source, chunksize=16):
                        sink.write(row + "\n")
    seconds = time.perf_counter() - started
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak_self, "peak_worker_mib": peak_child or None}))


def peer_line(system: str, line: str) -> str:
    """One input line through a peer: the article's segments as a page, keep flags out."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from peers import PEERS

    doc = json.loads(line)
    segments = [s.strip() for s in doc["text"].splitlines() if s.strip()]
    return json.dumps({"id": doc["id"], "keep": PEERS[system](segments, doc["lang"])})


def measure(system: str, path: Path, jobs: int) -> dict:
    """Run a worker process; return its time and its peak memory (and its workers', if any)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        log, errors = Path(tmp) / "stdout.txt", Path(tmp) / "stderr.txt"
        # Output goes to files, not pipes: the loop below polls and never reads, so a worker
        # that wrote more than a pipe holds would otherwise wait for ever.
        with log.open("w") as stdout_file, errors.open("w") as stderr_file, \
                subprocess.Popen([sys.executable, __file__, "--worker", system, str(path), str(out), str(jobs)],
                                 stdout=stdout_file, stderr=stderr_file,
                                 env={**os.environ, "PYTHONWARNINGS": "ignore", "OMP_NUM_THREADS": "1"}) as run:
            descendant_peak = 0.0
            while run.poll() is None:  # worker processes that are not our children (a fork server's) show here
                descendant_peak = max(descendant_peak, _descendant_peak_mib(run.pid))
                time.sleep(0.05)
        stdout, stderr = log.read_text(), errors.read_text()
        if run.returncode != 0:
            raise RuntimeError(f"{system} failed:\n{stderr[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    if jobs > 1 and descendant_peak > (result["peak_worker_mib"] or 0):
        result["peak_worker_mib"] = descendant_peak
    return result


def _median_run(results: list[dict]) -> dict:
    """The run of median time, with the largest peak memory seen over all runs."""
    result = dict(sorted(results, key=lambda r: r["seconds"])[len(results) // 2])
    result["peak_mib"] = max(r["peak_mib"] for r in results)
    workers = [r["peak_worker_mib"] for r in results if r["peak_worker_mib"]]
    result["peak_worker_mib"] = max(workers) if workers else None
    result["runs"] = len(results)
    return result


def _descendant_peak_mib(root: int) -> float:
    """Largest peak resident memory (VmHWM) among the processes below ``root``; 0 where /proc is missing."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, ValueError, IndexError):
            continue
    below, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - below
        below |= frontier
    peak = 0.0
    for pid in below:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
        except (OSError, ValueError):
            continue
    return peak


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="segments per run")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, os.cpu_count() or 1], help="processes per run")
    parser.add_argument("--systems", nargs="+", default=SYSTEMS, choices=SYSTEMS)
    parser.add_argument("--repeat", type=int, default=3, help="runs per system and size; the median is reported")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        system, path, out, jobs = args.worker
        worker(system, Path(path), Path(out), int(jobs))
        return 0

    docs = source_documents()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"input-{size}.jsonl"
            n_segments = write_input(docs, size, path)
            for jobs in sorted(set(args.jobs)):
                runs = {system: [] for system in args.systems}
                for _ in range(max(args.repeat, 1)):  # in turns, so a slow spell of the machine hits all alike
                    for system in args.systems:
                        runs[system].append(measure(system, path, jobs))
                for system, results in runs.items():
                    result = _median_run(results)
                    rows.append({"system": system, "segments": n_segments, "jobs": jobs, **result,
                                 "segments_per_second": n_segments / result["seconds"]})
                    print(f"  {system:<12} {n_segments:>8,} segments  {jobs} process(es)  "
                          f"{rows[-1]['segments_per_second']:>9,.0f} seg/s", file=sys.stderr, flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "speed.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    print(f"# Speed, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores: `python benchmarks/speed.py`\n")
    print("| system | segments | processes | segments / s | peak memory, MiB (main / largest worker) |\n"
          "|---|---:|---:|---:|---:|")
    for row in rows:
        worker_peak = f" / {row['peak_worker_mib']:.0f}" if row["jobs"] > 1 and row["peak_worker_mib"] else ""
        print(f"| {row['system']} | {row['segments']:,} | {row['jobs']} | {row['segments_per_second']:,.0f} | "
              f"{row['peak_mib']:.0f}{worker_peak} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
