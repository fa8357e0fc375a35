import numpy as np
import pandas as pd
import pytest
from conftest import make_documents
from sklearn.base import clone

from detector import InputError
from detector.data import documents_to_frame
from detector.features import layout_features
from detector.model import SegmentClassifier, _window_mean

COLUMNS = ["doc_id", "position", "text"]


@pytest.fixture(scope="module")
def frame():
    return documents_to_frame(make_documents(16))


def test_it_follows_the_estimator_contract(small_model, frame):
    proba = small_model.predict_proba(frame[COLUMNS])
    assert proba.shape == (len(frame), len(small_model.classes_))
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert set(small_model.predict(frame[COLUMNS])) <= set(small_model.classes_)
    assert clone(small_model).get_params() == small_model.get_params()
    assert "stage_two_" not in vars(SegmentClassifier())


def test_row_order_does_not_change_any_prediction(small_model, frame):
    shuffled = frame[COLUMNS].sample(frac=1.0, random_state=3)
    by_row = pd.DataFrame(small_model.predict_proba(shuffled), index=shuffled.index).sort_index()
    np.testing.assert_allclose(by_row.to_numpy(), small_model.predict_proba(frame[COLUMNS]))


def test_classes_come_from_the_data(frame):
    labels = frame["label"].replace({"bio": "author"})
    model = SegmentClassifier(n_folds=3, max_iter=20).fit(frame[COLUMNS], labels)
    assert list(model.classes_) == ["author", "boilerplate", "editorial", "promo"]


def test_x_without_the_document_columns_is_refused(small_model):
    with pytest.raises(InputError, match=r"lacks the column\(s\) \['doc_id', 'position'\]"):
        small_model.predict_proba(pd.DataFrame({"text": ["a"]}))


def test_a_document_without_an_id_is_labeled_as_one_document(small_model, frame):
    one = frame[frame["doc_id"] == frame["doc_id"].iloc[0]][COLUMNS]
    np.testing.assert_array_equal(small_model.predict_proba(one.assign(doc_id=None)), small_model.predict_proba(one))


def test_an_empty_frame_gives_no_predictions(small_model):
    assert small_model.predict_proba(pd.DataFrame(columns=COLUMNS)).shape == (0, 4)


@pytest.mark.parametrize("two_classes", [False, True])
def test_stage_one_gives_what_its_classifier_gives_on_the_stacked_matrix(small_model, frame, two_classes):
    model = small_model
    if two_classes:
        labels = frame["label"].where(frame["label"] == "editorial", "junk")
        model = SegmentClassifier(n_folds=3, max_iter=20).fit(frame[COLUMNS], labels)
    texts = frame["text"].tolist()
    ngrams, layout = model.vectorizer_.transform(texts), layout_features(texts)
    expected = model.stage_one_.predict_proba(model._alone_matrix(ngrams, layout))
    np.testing.assert_allclose(model._stage_one_proba(ngrams, layout), expected, rtol=0, atol=1e-12)


def test_the_window_mean_covers_neighbours_of_the_same_document_only():
    rng = np.random.default_rng(0)
    doc = np.repeat(np.arange(5), [1, 2, 7, 12, 3])
    values = rng.random((len(doc), 2))
    expected = np.full_like(values, -1.0)
    for row in range(len(doc)):
        near = [r for r in range(row - 3, row + 4) if r != row and 0 <= r < len(doc) and doc[r] == doc[row]]
        if near:
            expected[row] = values[near].mean(axis=0)
    np.testing.assert_allclose(_window_mean(values, doc, 3), expected, rtol=0, atol=1e-12)


def test_a_saved_model_predicts_as_the_model_it_was_saved_from(small_model, frame, tmp_path):
    import joblib

    expected = small_model.predict_proba(frame[COLUMNS])
    joblib.dump(small_model, tmp_path / "model.joblib")
    np.testing.assert_array_equal(joblib.load(tmp_path / "model.joblib").predict_proba(frame[COLUMNS]), expected)
    np.testing.assert_array_equal(small_model.predict_proba(frame[COLUMNS]), expected)  # saving changed nothing
