import numpy as np
import pandas as pd
import pytest
from conftest import make_documents
from sklearn.base import clone

from detector import InputError
from detector.data import documents_to_frame
from detector.model import SegmentClassifier

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


def test_an_empty_frame_gives_no_predictions(small_model):
    assert small_model.predict_proba(pd.DataFrame(columns=COLUMNS)).shape == (0, 4)
