"""How far the model's features go on the real pages when trained on real labels.

    python benchmarks/ceiling.py [--view region] [--folds 3] [--model general] [--limit N]

A diagnostic, not a product: the same model class is trained on the real pages of
some benchmarks in ../shared/data/real and scored on the others (folds grouped by
benchmark, so no page, site or labeling convention is shared between training and
test), next to the bundled model, which never saw any of them. If even real labels
do not reach a target, more data of our own will not either; what is left is the
features or the benchmarks' own disagreement on what is junk. Nothing it trains
is saved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from detector import BLOCK_CONFIDENCE_DEFAULT, STORY_CONFIDENCE_DEFAULT, load_model
from detector.data import documents_to_frame
from detector.markup import plain_frame
from detector.metrics import removal_scores
from detector.model import SegmentClassifier
from detector.pipeline import KEEP_DEFAULT, decide

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "real"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
TARGET_MAX_LOST = 0.02


def real_pages(view: str, limit: int | None = None) -> pd.DataFrame:
    """The pages of one view (the first ``limit`` of each benchmark), one row per segment, with the
    benchmark's name in ``benchmark``."""
    frames = []
    for path in sorted(REAL.glob(f"*.{view}.jsonl")):
        name = path.name.split(".")[0]
        lines = path.read_text(encoding="utf-8").splitlines()[:limit]
        frame = documents_to_frame(json.loads(line) for line in lines)
        frame["doc_id"] = name + "/" + frame["doc_id"].astype(str)
        frame["benchmark"] = name
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def proba_in(classes: list[str], model, pages: pd.DataFrame) -> np.ndarray:
    """Stage one's and the final probabilities for ``pages`` stacked (2, rows, labels), one column
    per label of ``classes`` (0 for a label the model lacks)."""
    probas = np.zeros((2, len(pages), len(classes)))
    probas[:, :, [classes.index(c) for c in model.classes_]] = model.predict_proba_by_stage(
        plain_frame(pages[["doc_id", "position", "text"]]))  # read as the pipeline reads segments
    return probas


def out_of_benchmark_proba(pages: pd.DataFrame, n_folds: int, classes: list[str]) -> np.ndarray:
    """Probabilities (as ``proba_in``) for every segment from a model trained on the benchmarks outside its fold."""
    names = sorted(pages["benchmark"].unique())
    proba = np.zeros((2, len(pages), len(classes)))
    for fold in range(n_folds):
        test = pages["benchmark"].isin(names[fold::n_folds]).to_numpy()
        model = SegmentClassifier().fit(plain_frame(pages.loc[~test, ["doc_id", "position", "text"]]),
                                        pages["label"][~test], groups=pages["doc_id"][~test])
        proba[:, test] = proba_in(classes, model, pages[test])
        print(f"  fold {fold + 1}/{n_folds}: tested on {', '.join(names[fold::n_folds])}", file=sys.stderr, flush=True)
    return proba


def curve(pages: pd.DataFrame, probas: np.ndarray, classes: list[str]) -> list[dict]:
    """Removal figures at each threshold of ``THRESHOLDS``, runs and story protection at their defaults."""
    doc = pd.factorize(pages["doc_id"])[0]
    alone, proba = probas
    rows = []
    for threshold in THRESHOLDS:
        kept = decide(proba, classes, KEEP_DEFAULT, threshold, min(threshold, BLOCK_CONFIDENCE_DEFAULT), doc,
                      alone, chars=pages["text"].str.len().to_numpy())[2]
        rows.append({"min_confidence": threshold, **removal_scores(pages["label"], kept, pages["text"])})
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--view", choices=["region", "full"], default="region")
    parser.add_argument("--folds", type=int, default=3, help="folds of whole benchmarks")
    parser.add_argument("--model", default="general", help="the bundled model (or saved file) to show beside it")
    parser.add_argument("--limit", type=int, help="pages per benchmark (a smoke run)")
    args = parser.parse_args(argv)
    if not REAL.is_dir():
        print(f"ceiling.py: needs the real pages in {REAL}", file=sys.stderr)
        return 2
    pages = real_pages(args.view, args.limit)
    classes = sorted(pages["label"].unique())
    systems = {f"bundled `{args.model}` (never saw these pages)": proba_in(classes, load_model(args.model), pages),
               f"trained on the other benchmarks' real pages ({args.folds} folds)":
                   out_of_benchmark_proba(pages, args.folds, classes)}
    print(f"# {args.view} view: {pages['doc_id'].nunique():,} pages, {len(pages):,} segments\n")
    print("| model | " + " | ".join(f"{t}" for t in THRESHOLDS) + f" | best F1 with at most {TARGET_MAX_LOST:.0%} lost |")
    print("|---|" + "---:|" * (len(THRESHOLDS) + 1))
    for name, proba in systems.items():
        rows = curve(pages, proba, classes)
        within = [r for r in rows if r["editorial_chars_lost"] <= TARGET_MAX_LOST]
        best = max(within, key=lambda r: r["removal_f1"]) if within else None
        cells = [f"{r['removal_f1']:.3f} / {r['editorial_chars_lost']:.1%}" for r in rows]
        best_cell = f"{best['removal_f1']:.3f} at {best['min_confidence']}" if best else "none"
        print(f"| {name} | " + " | ".join(cells) + f" | {best_cell} |")
    print("\n(cells: removal F1 / editorial characters lost, at min_confidence = the column, runs from "
          f"{BLOCK_CONFIDENCE_DEFAULT}, story protection at {STORY_CONFIDENCE_DEFAULT})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
