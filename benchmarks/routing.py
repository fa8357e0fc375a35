"""What `auto` changes on data/: the general model against auto, cross-validated by site, split by route.

    python benchmarks/routing.py [--limit N]

Both are cross-validated on the same folds of data/ (grouped by site); for auto each fold's
crypto model also trains on all of profiles/crypto, as `quality.py` does. Prints removal F1,
editorial characters lost and junk characters kept for every document, for the documents auto
sends to the crypto model and for the rest (which must come out the same both ways), and for
crypto, finance and markets news by the corpus's own `topic` field.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
import pandas as pd

from detector.metrics import removal_scores
from detector.model import sort_documents
from detector.persistence import bundled_files
from detector.pipeline import KEEP_DEFAULT, decide
from detector.routing import crypto_news
from detector.training import cross_validate, load_training_data

MONEY_TOPICS = ("crypto", "finance", "markets")


def kept_out_of_fold(frame: pd.DataFrame, report: dict) -> np.ndarray:
    """Keep flags of a cross-validation's out-of-fold probabilities at the default thresholds, rows as in ``frame``."""
    reading, order = sort_documents(frame)
    kept = np.empty(len(frame), dtype=bool)
    kept[order] = decide(report["out_of_fold_proba"][order], report["labels"], KEEP_DEFAULT,
                         doc=pd.factorize(reading["doc_id"])[0], alone=report["out_of_fold_stage_one"][order])[2]
    return kept


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="documents of data/ and of profiles/crypto (a smoke run)")
    args = parser.parse_args(argv)
    general = bundled_files("general")
    frame = load_training_data(general)
    extra = load_training_data([f for f in bundled_files("crypto") if f not in general])
    if args.limit:
        frame = frame[frame["doc_id"].isin(frame["doc_id"].unique()[: args.limit])].reset_index(drop=True)
        extra = extra[extra["doc_id"].isin(extra["doc_id"].unique()[: args.limit])]
    topics = {doc["doc_id"]: doc.get("topic") for path in general
              for doc in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    routed = crypto_news(frame)
    money = frame["doc_id"].map(topics).isin(MONEY_TOPICS).to_numpy()
    groups = {"all documents": np.ones(len(frame), dtype=bool), "sent to crypto by auto": routed,
              "left to general by auto": ~routed, "crypto, finance and markets news": money,
              "other news": ~money}
    kept = {"general": kept_out_of_fold(frame, cross_validate(frame)),
            "auto": kept_out_of_fold(frame, cross_validate(frame, crypto_extra=extra))}
    print("| documents | count | general: removal F1 / story lost / junk kept | auto: the same |\n|---|---:|---|---|")
    for name, rows in groups.items():
        cells = []
        for flags in kept.values():
            scores = removal_scores(frame["label"][rows], flags[rows], frame["text"][rows])
            cells.append(f"{scores['removal_f1']:.3f} / {scores['editorial_chars_lost']:.2%} / "
                         f"{scores['junk_chars_kept']:.1%}")
        print(f"| {name} | {frame['doc_id'][rows].nunique():,} | {cells[0]} | {cells[1]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
