import json

import pytest

from detector import ModelError, load_model, save_model


def test_a_saved_model_loads_back_with_its_metadata(tmp_path, small_model):
    meta = save_model(small_model, tmp_path / "m.joblib", data_hash="abc")
    loaded = load_model(tmp_path / "m.joblib")
    assert list(loaded.classes_) == list(small_model.classes_)
    stored = json.loads((tmp_path / "m.json").read_text())
    assert stored["sha256"] == meta["sha256"] and stored["data_hash"] == "abc"
    assert set(stored["versions"]) >= {"scikit-learn", "python", "numpy", "pandas", "joblib"}
    assert stored["labels"] == ["bio", "boilerplate", "editorial", "promo"]


def test_a_changed_model_file_fails_its_check(tmp_path, small_model):
    save_model(small_model, tmp_path / "m.joblib")
    with open(tmp_path / "m.joblib", "ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(ModelError, match="fails its sha256 check.*detector train"):
        load_model(tmp_path / "m.joblib")


def test_a_model_from_another_scikit_learn_release_says_how_to_retrain(tmp_path, small_model):
    save_model(small_model, tmp_path / "m.joblib")
    meta = json.loads((tmp_path / "m.json").read_text())
    meta["versions"]["scikit-learn"] = "0.24.2"
    (tmp_path / "m.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"built with scikit-learn 0\.24\.2.*retrain it with `detector train"):
        load_model(tmp_path / "m.joblib")


def test_a_model_without_metadata_is_not_loaded(tmp_path, small_model):
    save_model(small_model, tmp_path / "m.joblib")
    (tmp_path / "m.json").unlink()
    with pytest.raises(ModelError, match="metadata is missing"):
        load_model(tmp_path / "m.joblib")


def test_a_missing_model_file_is_named(tmp_path):
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "nothing.joblib")


def test_a_model_saved_in_an_older_format_says_how_to_retrain(tmp_path, small_model):
    save_model(small_model, tmp_path / "m.joblib")
    meta = json.loads((tmp_path / "m.json").read_text())
    meta["format"] = 1
    (tmp_path / "m.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match=r"model format 1.*retrain it with `detector train"):
        load_model(tmp_path / "m.joblib")


def test_the_default_model_key_follows_edits_to_the_corpus(tmp_path):
    from detector.persistence import _corpus_key
    from detector.training import corpus_hash

    corpus = tmp_path / "one.jsonl"
    corpus.write_text('{"doc_id": "a"}\n', encoding="utf-8")
    before = _corpus_key([corpus])
    assert before == corpus_hash([corpus])[:12] and _corpus_key([corpus]) == before
    corpus.write_text('{"doc_id": "b", "more": 1}\n', encoding="utf-8")  # edited: size and mtime change
    assert _corpus_key([corpus]) == corpus_hash([corpus])[:12] != before


def test_a_missing_model_file_lists_the_bundled_models_too():
    with pytest.raises(ModelError, match="bundled models: auto, general, crypto"):
        load_model("cryptoo")


def test_the_crypto_model_trains_on_all_of_data_and_its_own_folder():
    from detector.persistence import bundled_files, corpus_dir, profile_files, profiles_dir

    general, crypto, extra = bundled_files("general"), bundled_files("crypto"), profile_files("crypto")
    assert general and all(f.is_relative_to(corpus_dir()) for f in general)
    assert crypto == general + extra and extra and profile_files("general") == []
    assert all(f.is_relative_to(profiles_dir() / "crypto") for f in extra)
    with pytest.raises(ModelError, match="no bundled model called 'news'.*general, crypto"):
        bundled_files("news")


def test_a_file_named_like_a_bundled_model_is_loaded_as_a_file(tmp_path, small_model, monkeypatch):
    save_model(small_model, tmp_path / "crypto")
    monkeypatch.chdir(tmp_path)
    assert list(load_model("crypto").classes_) == list(small_model.classes_)
