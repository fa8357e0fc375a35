"""Retraining: read labeled data, cross-validate by site or document, fit, save.

``python train.py`` and ``detector train`` both call ``main`` here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import GroupKFold

from .data import labeled_files, read_labeled_files, validate_labeled
from .errors import DataError, DetectorError
from .evaluation import format_rule_figures, rule_figures
from .features import text_lengths
from .markup import plain_frame
from .metrics import calibration_error, documents_perfect, removal_scores
from .model import SegmentClassifier, sort_documents
from .pipeline import (
    BLOCK_CONFIDENCE_DEFAULT, GAP_CONFIDENCE_DEFAULT, KEEP_DEFAULT, MIN_CONFIDENCE_DEFAULT, PROMO_CONFIDENCE_OFF,
    STORY_CONFIDENCE_DEFAULT, decide, rule_marks,
)
from .routing import TopicRouter

MODEL_COLUMNS = ["doc_id", "position", "text", "source"]
REPORT_NAME = "cv_report.json"  # cross-validated figures of a bundled model's files, in one of their folders


def corpus_hash(files: Sequence[Path]) -> str:
    """sha256 over the names and bytes of labeled files: what a model was trained on."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_training_data(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Read and validate labeled files or folders into one segment frame, its texts as the pipeline reads
    segments (``markup.plain_lines``: Markdown markup taken off), so a model learns what it will be shown."""
    frame = read_labeled_files(paths)
    validate_labeled(frame)
    return plain_frame(frame)


def fold_groups(frame: pd.DataFrame) -> tuple[np.ndarray, str]:
    """Groups that keep a site (or, where sites are unknown, a document) inside one fold."""
    if frame["source"].notna().all() and frame["source"].nunique() >= 5:
        return frame["source"].to_numpy(), "source site"
    return frame["doc_id"].to_numpy(), "document"


def build_model(frame: pd.DataFrame, **params) -> SegmentClassifier:
    """Fit a SegmentClassifier on a validated segment frame."""
    return SegmentClassifier(**params).fit(frame[MODEL_COLUMNS], frame["label"].to_numpy())


def cross_validate(frame: pd.DataFrame, n_folds: int = 5, min_confidence: float = MIN_CONFIDENCE_DEFAULT,
                   crypto_extra: pd.DataFrame | None = None, promo_confidence: float = PROMO_CONFIDENCE_OFF,
                   **params) -> dict:
    """Out-of-fold figures: per-class precision / recall / F1, confusion matrix, removal scores.

    The removal scores decide as ``detector clean`` run over the whole frame at once would, at
    ``min_confidence`` and ``promo_confidence`` (``keep_flags``). With ``crypto_extra`` (the crypto
    model's own segments) each fold is labeled the way the ``auto`` model labels: a general model
    trained on the fold's training part, a crypto model on that plus ``crypto_extra``, and each test
    document by the one its subject picks.
    """
    groups, grouped_by = fold_groups(frame)
    n_folds = min(n_folds, len(np.unique(groups)))
    if n_folds < 2:
        raise DataError("cross-validation needs at least two documents")
    labels = np.unique(frame["label"])
    alone, proba = np.zeros((len(frame), len(labels))), np.zeros((len(frame), len(labels)))
    for train, test in GroupKFold(n_splits=n_folds).split(frame, groups=groups):
        model = build_model(frame.iloc[train], **params)
        if crypto_extra is not None:
            model = TopicRouter(model, build_model(pd.concat([frame.iloc[train], crypto_extra]), **params))
        columns = np.ix_(test, np.searchsorted(labels, model.classes_))
        alone[columns], proba[columns] = model.predict_proba_by_stage(frame.iloc[test][MODEL_COLUMNS])
    return report_from_proba(frame, proba, labels, grouped_by, n_folds, min_confidence, alone=alone,
                             promo_confidence=promo_confidence)


def report_from_proba(frame: pd.DataFrame, proba: np.ndarray, labels: np.ndarray, grouped_by: str, n_folds: int,
                      min_confidence: float, block_confidence: float = BLOCK_CONFIDENCE_DEFAULT,
                      alone: np.ndarray | None = None, story_confidence: float = STORY_CONFIDENCE_DEFAULT,
                      promo_confidence: float = PROMO_CONFIDENCE_OFF) -> dict:
    """The figures of a cross-validation from its out-of-fold probabilities (final, and stage one's as ``alone``)."""
    predicted = labels[proba.argmax(axis=1)]
    truth = frame["label"].to_numpy()
    per_class = classification_report(truth, predicted, labels=labels, output_dict=True, zero_division=0)
    kept, rule = _decisions(frame, proba, labels, min_confidence, block_confidence, alone, story_confidence,
                            promo_confidence)
    return {
        "folds": n_folds,
        "grouped_by": grouped_by,
        "documents": int(frame["doc_id"].nunique()),
        "segments": int(len(frame)),
        "labels": [str(label) for label in labels],
        "per_class": {str(label): {k: round(float(v), 4) for k, v in per_class[str(label)].items()}
                      for label in labels},
        "macro_f1": round(float(per_class["macro avg"]["f1-score"]), 4),
        "calibration_error": round(calibration_error(proba, truth, labels), 4),
        "confusion_matrix": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "removal": {"min_confidence": min_confidence, "block_confidence": block_confidence,
                    "story_confidence": story_confidence if alone is not None else None,
                    "promo_confidence": promo_confidence, "gap_confidence": GAP_CONFIDENCE_DEFAULT,
                    "rules": ", ".join(["repeated lines", *(["comment sections"] if alone is not None else []),
                                        "marker lines", "disclaimers", "risk warnings", "headlines"]),
                    **{k: round(v, 4) if isinstance(v, float) else v
                       for k, v in removal_scores(truth, kept, frame["text"]).items()},
                    "documents_perfect": round(documents_perfect(frame["doc_id"], truth, kept), 4),
                    "by_rule": rule_figures(truth == "editorial", kept, rule, text_lengths(frame["text"]))},
        "out_of_fold_proba": proba,
        "out_of_fold_stage_one": alone,
    }


def keep_flags(frame: pd.DataFrame, proba: np.ndarray, labels: np.ndarray,
               min_confidence: float | np.ndarray = MIN_CONFIDENCE_DEFAULT,
               block_confidence: float = BLOCK_CONFIDENCE_DEFAULT, alone: np.ndarray | None = None,
               story_confidence: float = STORY_CONFIDENCE_DEFAULT,
               promo_confidence: float | np.ndarray = PROMO_CONFIDENCE_OFF) -> np.ndarray:
    """Whether each row of ``frame`` is kept, given its probabilities (columns ``labels``; stage one's as
    ``alone``; ``min_confidence`` and ``promo_confidence`` one value or one per row): ``pipeline.decide``
    in reading order, with the rules that read the texts (``pipeline.rule_marks``: the frame's repeated
    lines, comment sections, marker lines, site disclaimers and long lines stopping runs and ad gaps, at their
    defaults), as
    ``detector clean`` run over the whole frame at once would decide."""
    return _decisions(frame, proba, labels, min_confidence, block_confidence, alone, story_confidence,
                      promo_confidence)[0]


def _decisions(frame, proba, labels, min_confidence, block_confidence, alone, story_confidence,
               promo_confidence) -> tuple[np.ndarray, np.ndarray]:
    """``keep_flags``, and the setting whose rule decided each row (``pipeline.RULES``), in the frame's order."""
    reading, order = sort_documents(frame)
    kept, rule = np.empty(len(frame), dtype=bool), np.empty(len(frame), dtype=object)
    min_confidence = np.broadcast_to(min_confidence, len(frame))[order]
    promo_confidence = np.broadcast_to(promo_confidence, len(frame))[order]
    doc = pd.factorize(reading["doc_id"])[0]
    alone = None if alone is None else alone[order]
    marks = rule_marks(reading["text"].tolist(), doc, alone, proba[order], labels)
    decided = decide(proba[order], labels, KEEP_DEFAULT, min_confidence, block_confidence, doc, alone,
                     story_confidence, promo_confidence, **marks)
    kept[order], rule[order] = decided.keep, decided.rule
    return kept, rule


def format_report(report: dict) -> str:
    """The report as the tables train.py prints."""
    labels = report["labels"]
    lines = [f"Cross-validation: {report['folds']} folds grouped by {report['grouped_by']}, "
             f"{report['documents']:,} documents, {report['segments']:,} segments", "",
             f"{'label':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for label in labels:
        row = report["per_class"][label]
        lines.append(f"{label:<14}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1-score']:>10.3f}"
                     f"{int(row['support']):>10,}")
    lines += [f"{'macro f1':<14}{report['macro_f1']:>30.3f}",
              f"calibration error of the top label (0 is perfect): {report['calibration_error']:.3f}", "",
              "confusion matrix (rows: true, columns: predicted)",
              " " * 14 + "".join(f"{label[:11]:>12}" for label in labels)]
    for label, row in zip(labels, report["confusion_matrix"]):
        lines.append(f"{label:<14}" + "".join(f"{n:>12,}" for n in row))
    removal = report["removal"]
    promo = removal.get("promo_confidence", PROMO_CONFIDENCE_OFF)
    lines += ["", f"removal at min_confidence {removal['min_confidence']}, block_confidence "
              f"{removal.get('block_confidence', '-')}, story_confidence {removal.get('story_confidence') or '-'}, "
              f"promo_confidence {promo if promo < PROMO_CONFIDENCE_OFF else 'off'}, "
              f"gap_confidence {removal.get('gap_confidence', '-')}"
              f"{', with ' + removal['rules'] if removal.get('rules') else ''}: "
              f"precision {removal['removal_precision']:.3f}, "
              f"recall {removal['removal_recall']:.3f}, F1 {removal['removal_f1']:.3f}; editorial characters lost "
              f"{removal['editorial_chars_lost']:.2%}, junk characters kept {removal['junk_chars_kept']:.2%}; "
              f"documents perfect {removal['documents_perfect']:.1%}"]
    if "by_rule" in removal:  # reports saved before 2026-12-07 have none
        lines += ["", format_rule_figures(removal["by_rule"]).rstrip("\n")]
    return "\n".join(lines)


def stored_report(files: Sequence[Path], data_hash: str) -> dict | None:
    """The saved cross-validation figures of these files (their ``corpus_hash`` is ``data_hash``),
    if a cv_report.json in one of their folders was made from them."""
    for folder in {path.parent for path in files}:
        report_file = folder / REPORT_NAME
        if report_file.is_file():
            report = json.loads(report_file.read_text(encoding="utf-8"))
            if report.get("data_hash") == data_hash:
                return report
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of train.py and `detector train`."""
    from .persistence import BUNDLED_MODELS, BUNDLED_OWN_THRESHOLDS, bundled_files, save_model, with_own_thresholds

    parser = argparse.ArgumentParser(prog="train.py", description="Train the segment classifier on labeled data.")
    parser.add_argument("--data", nargs="+", default=[], metavar="PATH",
                        help="labeled files or folders (documents JSONL, or CSV / Parquet / JSONL segment tables)")
    base = parser.add_mutually_exclusive_group()
    base.add_argument("--bundled", choices=list(BUNDLED_MODELS), default="general",
                      help="the bundled model whose labeled data yours is added to (default: %(default)s)")
    base.add_argument("--no-bundled", action="store_true", help="train on --data only, without bundled data")
    parser.add_argument("--out", default="model.joblib", help="where to save the model (default: %(default)s)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds; 0 skips (default: %(default)s)")
    parser.add_argument("--report", metavar="FILE", help="also save the cross-validated figures as JSON")
    args = parser.parse_args(argv)

    try:
        if args.no_bundled and not args.data:
            raise DataError("nothing to train on: give --data PATH or drop --no-bundled")
        files = ([] if args.no_bundled else bundled_files(args.bundled)) + labeled_files(args.data)
        frame = load_training_data(files)
        data_hash = corpus_hash(files)
        counts = frame["label"].value_counts()
        print(f"training data: {len(files)} files, {frame['doc_id'].nunique():,} documents, {len(frame):,} segments; "
              + ", ".join(f"{label} {n:,}" for label, n in counts.items()), flush=True)
        report = None
        # scored at the thresholds the saved model will be used at (a retrained crypto model keeps its own)
        base = None if args.no_bundled else args.bundled
        own = BUNDLED_OWN_THRESHOLDS.get(base, {})
        if args.folds:
            report = cross_validate(frame, n_folds=args.folds,
                                    min_confidence=own.get("min_confidence", MIN_CONFIDENCE_DEFAULT),
                                    promo_confidence=own.get("promo_confidence", PROMO_CONFIDENCE_OFF))
            print(format_report(report), flush=True)
            for large in ("out_of_fold_proba", "out_of_fold_stage_one"):  # arrays, not figures to save
                report.pop(large)
            report["data_hash"] = data_hash
        model = with_own_thresholds(build_model(frame), base)
        meta = save_model(model, args.out, data_hash=data_hash, n_segments=len(frame), scores=report,
                          trained_on=[str(f) for f in files], own_thresholds=own)
        if args.report and report:
            Path(args.report).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    except DetectorError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"saved {args.out} (sha256 {meta['sha256'][:12]}..., labels {', '.join(meta['labels'])})")
    return 0
