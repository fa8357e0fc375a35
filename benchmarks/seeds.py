"""How much the figures move between training seeds: one bundled model built again with other seeds.

    python benchmarks/seeds.py [--model general] [--seeds 0 1 2] [--min-confidence X] [--limit N]

Builds the named bundled model (general or crypto) once per seed (``random_state``; 0 is the
bundled build itself), puts it behind the topic router beside the other bundled model as shipped,
and scores `auto` at its defaults on what `quality.py` scores it on, without the peers: the seeds,
the sets written for the check, the real pages' two views (each benchmark file one batch, pooled)
and the news benchmarks' region view. Prints removal F1 and the share of editorial characters lost
per data set and seed, with the range over the seeds. A target met by one build but not by
another is not met with a margin; this is how to tell. Each seed's build takes about a minute on
2 cores; the scoring about as long.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import NEWS_BENCHMARKS, ROOT, SHARED, WRITTEN_SETS, read_documents, score  # noqa: E402

from detector import load_model  # noqa: E402
from detector.data import documents_to_frame  # noqa: E402
from detector.markup import plain_frame  # noqa: E402
from detector.persistence import bundled_files, with_own_thresholds  # noqa: E402
from detector.pipeline import label_probabilities  # noqa: E402
from detector.routing import TopicRouter  # noqa: E402
from detector.training import build_model, keep_flags, load_training_data  # noqa: E402

RESEEDABLE = ("general", "crypto")


def data_sets(limit: int | None) -> dict[str, list[list[dict]]]:
    """Each data set's batches (lists of documents), by the name the tables give it."""
    sets = {"seeds": [read_documents(SHARED / "seeds.jsonl", limit)]}
    for name, file in WRITTEN_SETS:
        sets[name] = [read_documents(ROOT / file, limit)]
    for view in ("region", "full"):
        files = sorted((SHARED / "real").glob(f"*.{view}.jsonl"))
        sets[f"real {view} (all)"] = [read_documents(path, limit) for path in files]
        if view == "region":
            sets["real region (news benchmarks)"] = [read_documents(path, limit) for path in files
                                                     if path.name.split(".")[0] in NEWS_BENCHMARKS]
    return sets


def kept_flags(model, docs: list[dict], min_confidence: float | None) -> tuple:
    """The segment frame of one batch and which of its segments `detector` keeps at its defaults."""
    frame = documents_to_frame([{**d, "doc_id": str(d["doc_id"])} for d in docs])
    reading = plain_frame(frame)  # as the pipeline reads segments; scored as written
    alone, proba, own_min, own_promo = label_probabilities(model, reading[["doc_id", "position", "text"]],
                                                           min_confidence)
    return frame, keep_flags(reading, proba, model.classes_, own_min, alone=alone, promo_confidence=own_promo)


def seeded(name: str, seed: int):
    """The bundled model ``name`` built with ``random_state`` ``seed`` (0: the bundled build)."""
    if seed == 0:
        return load_model(name)
    return with_own_thresholds(build_model(load_training_data(bundled_files(name)), random_state=seed), name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=RESEEDABLE, default="general",
                        help="the bundled model to build again (default: %(default)s); the other is used as shipped")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="random_state values (0: bundled)")
    parser.add_argument("--min-confidence", type=float,
                        help="one min_confidence for every document (default: each model's own)")
    parser.add_argument("--limit", type=int, help="documents per file (a smoke run)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"no shared data at {SHARED}: clone beside ../shared to run the benchmark", file=sys.stderr)
        return 2
    sets = data_sets(args.limit)
    other = [m for m in RESEEDABLE if m != args.model][0]
    shipped = load_model(other)
    figures: dict[str, list[dict]] = {name: [] for name in sets}
    for seed in args.seeds:
        started = time.perf_counter()
        model = seeded(args.model, seed)
        router = TopicRouter(model, shipped) if args.model == "general" else TopicRouter(shipped, model)
        for name, batches in sets.items():
            runs = [kept_flags(router, docs, args.min_confidence) for docs in batches if docs]
            frames, kept = zip(*runs)
            figures[name].append(score(_stacked(frames), np.concatenate(kept)))
        print(f"  seed {seed}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    setting = f"min_confidence {args.min_confidence}" if args.min_confidence is not None else "the defaults"
    print(f"# Seeds, {time.strftime('%Y-%m-%d')}: `{args.model}` built with random_state "
          f"{', '.join(map(str, args.seeds))}, `auto` at {setting}\n")
    print("| data | " + " | ".join(f"seed {s}" for s in args.seeds) + " | range |")
    print("|---|" + "---:|" * (len(args.seeds) + 1))
    for name, rows in figures.items():
        cells = [f"{r['removal_f1']:.4f} / {r['editorial_chars_lost']:.2%}" for r in rows]
        f1 = [r["removal_f1"] for r in rows]
        lost = [r["editorial_chars_lost"] for r in rows]
        spread = f"{min(f1):.4f}-{max(f1):.4f} / {min(lost):.2%}-{max(lost):.2%}"
        print(f"| {name} | " + " | ".join(cells) + f" | {spread} |")
    print("\n(removal F1 / share of editorial characters lost)")
    return 0


def _stacked(frames) -> pd.DataFrame:
    """Batches' frames as one, each document id made unique by its batch (ids may repeat across files)."""
    return pd.concat([frame.assign(doc_id=f"{number}:" + frame["doc_id"].astype(str))
                      for number, frame in enumerate(frames)], ignore_index=True)


if __name__ == "__main__":
    sys.exit(main())
