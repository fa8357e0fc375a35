"""Features -> model -> labels: a two-stage segment classifier.

Stage one reads each segment alone (character n-grams and layout) with a
logistic regression trained by SGD. Stage two revises by context: a gradient-boosted model
sees stage one's probabilities for the segment and its neighbours, the
document's overall make-up, the segment's layout and its position, and how close its
character n-grams (stage one's own input) are to the rest of the story. Stage two
trains on out-of-fold stage-one probabilities (folds grouped by site or
document), so it learns from the same kind of guesses it gets at prediction
time, and its probabilities are calibrated (isotonic, grouped folds).
"""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import SGDClassifier
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted
from threadpoolctl import threadpool_limits

from .errors import InputError
from .features import (
    LAYOUT_COLUMNS, cohesion_features, document_bounds, layout_features, ngram_vectorizer, position_features,
    text_lengths,
)

REQUIRED_COLUMNS = ("doc_id", "position", "text")
NEIGHBOUR_OFFSETS = (-3, -2, -1, 1, 2, 3)
NEIGHBOUR_LAYOUT = (0, 2, 3, 6)  # log_chars, ends_sentence, ends_colon, starts_bullet
STAGE_ONE_EPOCHS = 20  # passes of SGD over the corpus
_SGD_TRAINING_STATE = ("_standard_coef", "_average_coef", "_standard_intercept", "_average_intercept")
WINDOW = 5  # half-width of the window whose mean probabilities stage two sees
# The processes (ids) where stage two's trees have run: their OpenMP threads stay behind, and a
# process forked from one that holds them can hang (see pipeline._worker_context).
_processes_that_ran_trees: set[int] = set()


def trees_ran_in_this_process() -> bool:
    """Whether this process has fitted or used stage two's boosted trees (and so may hold OpenMP threads)."""
    return os.getpid() in _processes_that_ran_trees


def check_segment_frame(X) -> None:
    """Raise InputError unless ``X`` is a DataFrame with the columns a model reads."""
    if not isinstance(X, pd.DataFrame):
        raise InputError(f"X must be a pandas DataFrame with columns {list(REQUIRED_COLUMNS)}, got {type(X).__name__}")
    missing = [c for c in REQUIRED_COLUMNS if c not in X.columns]
    if missing:
        raise InputError(f"X lacks the column(s) {missing}; it needs {list(REQUIRED_COLUMNS)}")


def sort_documents(X: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Return ``X`` grouped by document in reading order, and the order used.

    ``X`` may come in any row order; rows of one document are ordered by ``position``.
    """
    check_segment_frame(X)
    doc_codes, _ = pd.factorize(X["doc_id"], use_na_sentinel=False)
    order = np.lexsort((X["position"].to_numpy(), doc_codes))
    frame = X.iloc[order].reset_index(drop=True)
    # Python strings (object dtype), not pandas' Arrow-backed str: the model reads them as Python
    # strings, and a first conversion to Arrow and back costs a fresh process tens of milliseconds.
    frame["text"] = pd.Series(as_strings(frame["text"]), dtype=object)
    return frame, order


def as_strings(texts) -> list[str]:
    """``texts`` as Python strings, as the model reads them: a value that is not a string becomes ``str(value)``."""
    return [text if type(text) is str else str(text) for text in texts]


class SegmentClassifier(ClassifierMixin, BaseEstimator):
    """Label each segment of a document from its text, layout, position and neighbours.

    Parameters
    ----------
    n_hash_features : int
        Width of the hashed n-gram space.
    alpha : float
        Regularisation strength of stage one's logistic regression (trained by SGD).
    n_folds : int
        Folds for the out-of-fold stage-one probabilities (calibration uses at most 3).
    max_iter : int
        Boosting rounds of stage two.
    random_state : int
        Seed of stage two.
    n_jobs : int
        Processes for stage one's out-of-fold folds; -1 uses every core.
    """

    def __init__(self, n_hash_features=2**18, alpha=1e-4, n_folds=5, max_iter=50,
                 random_state=0, n_jobs=-1):
        self.n_hash_features = n_hash_features
        self.alpha = alpha
        self.n_folds = n_folds
        self.max_iter = max_iter
        self.random_state = random_state
        self.n_jobs = n_jobs

    # -- fitting -------------------------------------------------------------------------
    def fit(self, X: pd.DataFrame, y, groups=None):
        """Fit on segments ``X`` (doc_id, position, text) and their labels ``y``.

        ``groups`` (or a ``source`` column of ``X``) keeps whole sites together in the
        internal folds; without either, documents are kept together.
        """
        frame, order = sort_documents(X)
        y = np.asarray(y, dtype=object)[order]
        if groups is not None:
            groups = np.asarray(groups)[order]
        elif "source" in frame.columns and frame["source"].notna().all():
            groups = frame["source"].to_numpy()
        else:
            groups = frame["doc_id"].to_numpy()
        self.classes_ = np.unique(y)
        n_folds = min(self.n_folds, len(np.unique(groups)))
        if n_folds < 2:
            raise InputError("training needs segments from at least two documents")
        folds = list(GroupKFold(n_splits=n_folds).split(frame, y, groups))

        self.vectorizer_ = ngram_vectorizer(self.n_hash_features)
        texts = frame["text"].tolist()
        layout = layout_features(texts)
        self.layout_scaler_ = StandardScaler().fit(layout)
        ngrams = self.vectorizer_.fit_transform(texts)
        alone = self._alone_matrix(ngrams, layout)
        stage_one = SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=STAGE_ONE_EPOCHS, tol=None,
                                  average=True, random_state=self.random_state)
        out_of_fold = cross_val_predict(stage_one, alone, y, cv=folds, method="predict_proba",
                                         n_jobs=self.n_jobs)
        # One BLAS thread: SGD's reductions over the coefficients then add in one order, so the
        # model comes out the same on every machine (the folds above run one thread each).
        with threadpool_limits(1, user_api="blas"):
            self.stage_one_ = stage_one.fit(alone, y)
        self._set_ngram_coef()  # (a refit must not keep the last fit's copy)
        for name in _SGD_TRAINING_STATE:  # kept by SGD for further training only; a third of the file each
            vars(self.stage_one_).pop(name, None)

        context = self._context_matrix(frame, layout, out_of_fold, ngrams)
        stage_two = HistGradientBoostingClassifier(max_iter=self.max_iter, learning_rate=0.2, max_leaf_nodes=15,
                                                   l2_regularization=1.0, early_stopping=False,
                                                   random_state=self.random_state)
        _processes_that_ran_trees.add(os.getpid())
        calibration_folds = list(GroupKFold(n_splits=min(3, n_folds)).split(frame, y, groups))
        self.stage_two_ = CalibratedClassifierCV(stage_two, method="isotonic", cv=calibration_folds,
                                                 ensemble=False).fit(context, y)
        self.n_features_in_ = len(REQUIRED_COLUMNS)
        return self

    # -- predicting ----------------------------------------------------------------------
    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Probabilities per segment, columns in ``classes_`` order, rows in ``X``'s order."""
        return self.predict_proba_by_stage(X)[1]

    def predict_proba_by_stage(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """Stage one's probabilities (each segment read alone) and the final ones, as ``predict_proba``."""
        check_is_fitted(self, "stage_two_")
        if len(X) == 0:
            return np.zeros((0, len(self.classes_))), np.zeros((0, len(self.classes_)))
        frame, order = sort_documents(X)
        codes, distinct = pd.factorize(frame["text"])
        distinct = distinct.tolist()
        layout = layout_features(distinct)
        ngrams = self.vectorizer_.transform(distinct)
        alone = self._stage_one_proba(ngrams, layout)
        if len(distinct) < len(frame):  # repeated texts were read once: give every row its own
            layout, alone, ngrams = layout[codes], alone[codes], ngrams[codes]
        context = self._context_matrix(frame, layout, alone, ngrams)
        _processes_that_ran_trees.add(os.getpid())
        proba = self.stage_two_.predict_proba(context)
        alone_result, result = np.empty_like(proba), np.empty_like(proba)
        alone_result[order], result[order] = alone, proba
        return alone_result, result

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The most probable label of each segment."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    def _stage_one_proba(self, ngrams: sp.csr_matrix, layout: np.ndarray) -> np.ndarray:
        """Stage one's ``predict_proba`` of ``_alone_matrix(ngrams, layout)``, without building that matrix.

        Stacking copies every stored n-gram; instead the n-grams' product with their coefficients
        is taken, then each layout column's term added in column order, the order the product with
        the stacked matrix adds them in, so the scores are the same to the last bit. Then, as
        SGDClassifier's logistic ``predict_proba`` does, each class's sigmoid, normalised over the
        classes (with two classes, the second's sigmoid). Tests pin the result to ``predict_proba``'s.
        """
        coef, n_ngrams = self.stage_one_.coef_, len(self._ngram_coef)
        scores = ngrams @ self._ngram_coef
        for column, values in enumerate(self.layout_scaler_.transform(layout).T):
            scores += values[:, None] * coef[:, n_ngrams + column]
        proba = expit(scores + self.stage_one_.intercept_)
        if proba.shape[1] == 1:  # two classes: one score, for the second
            return np.hstack([1 - proba, proba])
        total = proba.sum(axis=1, keepdims=True)  # 0 only when every score is below -745: then uniform
        return np.divide(proba, total, out=np.full_like(proba, 1 / proba.shape[1]), where=total > 0)

    def _set_ngram_coef(self) -> None:
        """Stage one's n-gram coefficients as the sparse product reads them (one row per n-gram),
        made once when the model is fit or loaded instead of copied (8 MB) by every call."""
        n_ngrams = self.stage_one_.coef_.shape[1] - len(LAYOUT_COLUMNS)
        self._ngram_coef = np.ascontiguousarray(self.stage_one_.coef_[:, :n_ngrams].T)

    def __getstate__(self):
        """What pickling saves: the fitted model, without the copy ``_set_ngram_coef`` makes (8 MB)."""
        state = dict(super().__getstate__())  # a copy: for a class outside sklearn it is the live __dict__
        state.pop("_ngram_coef", None)
        return state

    def __setstate__(self, state):
        """Unpickling, as loading a saved model does: the model, then the copy ``_set_ngram_coef`` makes."""
        super().__setstate__(state)
        if "stage_one_" in state:
            self._set_ngram_coef()

    # -- feature matrices ----------------------------------------------------------------
    def _alone_matrix(self, ngrams: sp.csr_matrix, layout: np.ndarray) -> sp.csr_matrix:
        """Stage one's input: weighted n-grams beside scaled layout."""
        return sp.hstack([ngrams, sp.csr_matrix(self.layout_scaler_.transform(layout))], format="csr")

    def _context_matrix(self, frame: pd.DataFrame, layout: np.ndarray, alone: np.ndarray,
                        ngrams: sp.csr_matrix) -> np.ndarray:
        """Stage two's input: the segment's and its neighbours' stage-one guesses, layout, position,
        and how close its text (``ngrams``, stage one's weighted n-gram rows) is to its story."""
        doc = pd.factorize(frame["doc_id"], use_na_sentinel=False)[0]
        lengths = text_lengths(frame["text"])
        blocks = [alone, layout, position_features(doc, lengths, layout[:, LAYOUT_COLUMNS.index("ends_sentence")])]
        neighbours = [_shift_within(alone, doc, offset, fill=-1.0) for offset in NEIGHBOUR_OFFSETS]
        for offset, shifted in zip(NEIGHBOUR_OFFSETS, neighbours):
            blocks.append(shifted)
            if abs(offset) == 1:
                blocks.append(_shift_within(layout[:, NEIGHBOUR_LAYOUT], doc, offset, fill=-1.0))
        blocks.append(_window_mean(alone, doc, WINDOW))
        above = np.max([n for o, n in zip(NEIGHBOUR_OFFSETS, neighbours) if o < 0], axis=0)
        below = np.max([n for o, n in zip(NEIGHBOUR_OFFSETS, neighbours) if o > 0], axis=0)
        # The strongest guess among the three rows on either side: one clear ad headline
        # makes the bullets under it an ad, which a mean over the window dilutes.
        blocks.append(np.maximum(above, below))
        # The weaker of the two: a row between an ad's headline and its risk warning is
        # inside the ad, whatever it says.
        blocks.append(np.minimum(above, below))
        by_doc = pd.DataFrame(alone).groupby(doc)
        blocks.append(by_doc.transform("mean").to_numpy())
        # Ranks within the document hold up when a site's pages look unlike the training data:
        # the story is still the most story-like part of its page.
        blocks.append(by_doc.rank(pct=True).to_numpy())
        editorial = alone[:, list(self.classes_).index("editorial")]
        blocks.append(main_block(editorial, lengths, doc))
        blocks.append(cohesion_features(ngrams, editorial, doc))
        # Column-major: the trees read one feature for many rows in turn, which is about
        # three times faster from contiguous columns than from rows.
        matrix = np.empty((len(frame), sum(block.shape[1] for block in blocks)), order="F")
        return np.concatenate(blocks, axis=1, out=matrix)


def _shift_within(values: np.ndarray, doc: np.ndarray, offset: int, fill: float) -> np.ndarray:
    """``values`` of the row ``offset`` away in the same document, ``fill`` past its edges."""
    here, there = _offset_rows(offset)
    out = np.full(values.shape, fill, dtype=float)
    out[here] = np.where((doc[here] == doc[there])[:, None], values[there], fill)
    return out


def _offset_rows(offset: int) -> tuple[slice, slice]:
    """Rows (``here``) and the rows ``offset`` away from them (``there``), as slices of equal length."""
    return (slice(-offset, None), slice(None, offset)) if offset < 0 else (slice(None, -offset), slice(offset, None))


def main_block(editorial: np.ndarray, lengths: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """Per segment: inside the document's main block, distance to it, and the block's share of characters.

    The main block is the run of consecutive segments that stage one finds editorial
    (smoothed over each segment and its two neighbours) holding the most characters, the
    earliest of equals. ``doc`` numbers the documents 0, 1, 2 ... in order, each a run of rows.
    """
    bounds = document_bounds(doc)
    first_row = bounds[doc]
    last_row = bounds[doc + 1] - 1
    row = np.arange(len(doc))
    smooth = (editorial[np.maximum(row - 1, first_row)] / 3 + editorial / 3
              + editorial[np.minimum(row + 1, last_row)] / 3)
    good = smooth >= 0.5
    run_starts = good & (np.r_[True, ~good[:-1]] | (row == first_row))
    run_first = np.flatnonzero(run_starts)
    run = np.cumsum(run_starts)[good] - 1  # the run of each good row
    run_chars = np.bincount(run, weights=lengths[good], minlength=len(run_first))
    run_end = run_first + np.bincount(run, minlength=len(run_first))
    run_doc = doc[run_first]
    by_size = np.lexsort((run_first, -run_chars, run_doc))  # per document: most characters first, then earliest
    best = by_size[np.r_[True, run_doc[by_size][1:] != run_doc[by_size][:-1]]] if len(by_size) else by_size
    n_docs = len(bounds) - 1
    # a document without a block keeps the empty block at its start
    block_first, block_end, block_chars = bounds[:-1].copy(), bounds[:-1].copy(), np.zeros(n_docs)
    block_first[run_doc[best]], block_end[run_doc[best]] = run_first[best], run_end[best]
    block_chars[run_doc[best]] = run_chars[best]
    first, end = block_first[doc], block_end[doc]
    distance = np.where(row < first, first - row, np.where(row >= end, row - end + 1, 0))
    share = block_chars / np.maximum(np.bincount(doc, weights=lengths, minlength=n_docs), 1)
    return np.column_stack([(row >= first) & (row < end), np.log1p(distance), share[doc]])


def _window_mean(values: np.ndarray, doc: np.ndarray, half_width: int) -> np.ndarray:
    """Mean of ``values`` over rows within ``half_width`` in the same document, the row excluded."""
    total = np.zeros_like(values, dtype=float)
    count = np.zeros((len(values), 1))
    for offset in range(-half_width, half_width + 1):
        if offset == 0:
            continue
        here, there = _offset_rows(offset)  # added in place: a row of another document adds 0
        same = (doc[here] == doc[there])[:, None]
        total[here] += np.where(same, values[there], 0.0)
        count[here] += same
    return np.where(count > 0, total / np.maximum(count, 1), -1.0)
