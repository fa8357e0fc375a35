"""Scores of a cleaning: what was removed against what should have been."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def removal_scores(labels: Sequence[str], kept: Sequence[bool], texts: Sequence[str],
                   keep_labels: Sequence[str] = ("editorial",)) -> dict:
    """Removal precision / recall / F1 over segments, and characters lost and kept.

    ``labels`` are the gold labels, ``kept`` what a system kept. "Junk" is every
    segment whose gold label is not in ``keep_labels``.
    """
    junk = ~np.isin(np.asarray(labels, dtype=object), list(keep_labels))
    removed = ~np.asarray(kept, dtype=bool)
    chars = np.array([len(t) for t in texts], dtype=float)
    hit = (junk & removed).sum()
    precision = hit / removed.sum() if removed.sum() else 1.0
    recall = hit / junk.sum() if junk.sum() else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    editorial_chars = chars[~junk].sum()
    junk_chars = chars[junk].sum()
    return {
        "removal_precision": float(precision),
        "removal_recall": float(recall),
        "removal_f1": float(f1),
        "editorial_chars_lost": float(chars[~junk & removed].sum() / editorial_chars) if editorial_chars else 0.0,
        "junk_chars_kept": float(chars[junk & ~removed].sum() / junk_chars) if junk_chars else 0.0,
        "segments": int(len(labels)),
    }


def documents_perfect(doc_ids: Sequence, labels: Sequence[str], kept: Sequence[bool],
                      keep_labels: Sequence[str] = ("editorial",)) -> float:
    """Share of documents where every segment was kept or removed as it should be."""
    right = np.isin(np.asarray(labels, dtype=object), list(keep_labels)) == np.asarray(kept, dtype=bool)
    per_doc = {}
    for doc_id, ok in zip(doc_ids, right):
        per_doc[doc_id] = per_doc.get(doc_id, True) and bool(ok)
    return float(np.mean(list(per_doc.values()))) if per_doc else 1.0


def calibration_error(proba: np.ndarray, truth: Sequence[str], classes: Sequence[str], bins: int = 10) -> float:
    """Expected calibration error of the top label: how far its confidence is from its accuracy.

    Segments are binned by the confidence of their most probable label; the error is the
    segment-weighted mean gap between each bin's mean confidence and its share correct.
    """
    confidence = proba.max(axis=1)
    correct = np.asarray(classes, dtype=object)[proba.argmax(axis=1)] == np.asarray(truth, dtype=object)
    which = np.minimum((confidence * bins).astype(int), bins - 1)
    error = 0.0
    for b in range(bins):
        in_bin = which == b
        if in_bin.any():
            error += in_bin.mean() * abs(confidence[in_bin].mean() - correct[in_bin].mean())
    return float(error)
