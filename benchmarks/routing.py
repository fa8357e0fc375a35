"""What `auto` changes on data/: the general model against auto, cross-validated by site, split by route.

    python benchmarks/routing.py [--limit N]

Both are cross-validated on the same folds of data/ (grouped by site); for auto each fold's
crypto model also trains on all of profiles/crypto, as `quality.py` does. Prints removal F1,
editorial characters lost and junk characters kept for every document, for the documents auto
sends to the crypto model (decided at its own min_confidence, 0.8, and promo_confidence, 0.6) and
for the rest (which must come out the same both ways), and for crypto, finance and markets news by
the corpus's own `topic` field. Both decide as `detector clean` over all of data/ would, with its
repeated lines, comment sections and marker lines (`training.keep_flags`; since 2026-12-06).
"""

from __future__ import annotations

import argparse
import json
import sys
from types import SimpleNamespace

import numpy as np

from detector.data import first_documents
from detector.metrics import removal_scores
from detector.persistence import AUTO, bundled_files, profile_files, with_own_thresholds
from detector.pipeline import own_thresholds_per_row
from detector.routing import TopicRouter, topic_routes
from detector.training import cross_validate, keep_flags, load_training_data

MONEY_TOPICS = ("crypto", "finance", "markets")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="documents of data/ and of profiles/crypto (a smoke run)")
    args = parser.parse_args(argv)
    general = bundled_files("general")
    frame = load_training_data(general)
    extra = load_training_data(profile_files("crypto"))
    if args.limit:
        frame, extra = first_documents(frame, args.limit), first_documents(extra, args.limit)
    topics = {doc["doc_id"]: doc.get("topic") for path in general
              for doc in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    routed = topic_routes(frame)
    money = frame["doc_id"].map(topics).isin(MONEY_TOPICS).to_numpy()
    groups = {"all documents": np.ones(len(frame), dtype=bool), "sent to crypto by auto": routed,
              "left to general by auto": ~routed, "crypto, finance and markets news": money,
              "other news": ~money}
    reports = {"general": cross_validate(frame), AUTO: cross_validate(frame, crypto_extra=extra)}
    # each document at its model's own min_confidence and promo_confidence, as `detector` decides by
    # default: the bundled models' thresholds on stand-ins (no model is loaded here), read by the pipeline
    stand_in = {name: with_own_thresholds(SimpleNamespace(classes_=reports[AUTO]["labels"]), name)
                for name in ("general", "crypto")}
    models = {"general": stand_in["general"], AUTO: TopicRouter(stand_in["general"], stand_in["crypto"])}
    kept = {}
    for name, report in reports.items():
        own_min, own_promo = own_thresholds_per_row(models[name], routed)
        kept[name] = keep_flags(frame, report["out_of_fold_proba"], report["labels"], own_min,
                                alone=report["out_of_fold_stage_one"], promo_confidence=own_promo)
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
