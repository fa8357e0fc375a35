"""The bundled corpus: valid, and as large and varied as it is meant to be."""

import runpy

import pytest

from conftest import ROOT, SHARED, labeled_lines


def test_the_corpus_is_valid_and_meets_its_targets(capsys):
    namespace = runpy.run_path(str(ROOT / "data" / "validate.py"))
    code = namespace["main"](["--targets"])
    printed = capsys.readouterr()
    assert code == 0, printed.err[-3000:]
    assert "0 problem(s)" in printed.out and "BELOW TARGET" not in printed.out


def test_the_validator_catches_a_broken_corpus(tmp_path, capsys):
    (tmp_path / "bad.jsonl").write_text(
        '{"doc_id": "a", "lang": "en", "source": "s", "topic": "crypto", "paragraphs": ['
        '{"text": "The same sentence of the story, written twice.", "label": "editorial"}, '
        '{"text": "The same sentence of the story, written twice.", "label": "editorial"}, '
        '{"text": " ", "label": "promo"}, {"text": "x", "label": "advert"}, '
        '{"text": "Yes", "label": "editorial"}, {"text": "Yes", "label": "editorial"}]}\n'
        '{"doc_id": "a", "lang": "en", "source": "s", "topic": "crypto", "paragraphs": []}\n', encoding="utf-8")
    namespace = runpy.run_path(str(ROOT / "data" / "validate.py"))
    assert namespace["main"]([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    for problem in ("editorial segment repeated", "paragraph 2 is empty", "unknown label 'advert'",
                    "doc_id 'a' already used", "no editorial segment"):
        assert problem in err
    assert "'Yes'" not in err  # a short table cell may repeat


def test_the_crypto_models_extra_data_is_valid(capsys):
    namespace = runpy.run_path(str(ROOT / "data" / "validate.py"))
    code = namespace["main"]([str(ROOT / "profiles" / "crypto")])
    printed = capsys.readouterr()
    assert code == 0, printed.err[-3000:]


def test_a_sponsored_article_needs_no_editorial_but_a_page_of_furniture_does(tmp_path, capsys):
    def doc(doc_id, labels):
        return ('{"doc_id": "%s", "lang": "en", "source": "s", "topic": "crypto", "paragraphs": [%s]}\n'
                % (doc_id, ", ".join('{"text": "Line %d of the page", "label": "%s"}' % (i, label)
                                     for i, label in enumerate(labels))))
    (tmp_path / "pages.jsonl").write_text(doc("sponsored", ["boilerplate", "promo", "promo", "promo", "boilerplate"])
                                          + doc("furniture", ["boilerplate", "promo", "boilerplate", "bio"]),
                                          encoding="utf-8")
    namespace = runpy.run_path(str(ROOT / "data" / "validate.py"))
    assert namespace["main"]([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "pages.jsonl:2: no editorial segment" in err and "pages.jsonl:1" not in err


def _lines(paths) -> set[str]:
    """Every segment text of these documents files, without its surrounding spaces."""
    return {text.strip() for text, _ in labeled_lines(paths)}


# The written check sets: never trained on by the bundled models.
CHECK_SETS = [*sorted((ROOT / "benchmarks").glob("*.jsonl")), ROOT / "held_back" / "crypto_langs.jsonl",
              ROOT / "held_back" / "money_multi5.jsonl", ROOT / "held_back" / "unmarked_ads4.jsonl"]
TRAINING = [*sorted((ROOT / "data").glob("*.jsonl")), *sorted((ROOT / "profiles").rglob("*.jsonl"))]


def test_no_sentence_of_a_check_set_is_in_the_training_data():
    # Short furniture ("Share on Facebook", "Terms and conditions") repeats across sites as it does on the web;
    # a line of 40 characters or more in both would score the model on what it learned by heart. Found and
    # reworded in the training copies on 2026-12-06: 28 such lines (risk warnings, share rows, a headline).
    shared = {text for text in _lines(CHECK_SETS) & _lines(TRAINING) if len(text) >= 40}
    assert not shared, sorted(shared)[:5]


def test_no_line_of_the_seed_articles_is_in_the_training_data():
    # The seeds are test cases: their ad ("Koop je crypto via Best Wallet", its risk warning, a bullet) and
    # view counter once stood word for word in data/ and were reworded there on 2026-12-06. Lines under 20
    # characters ("Lees meer over:", "El Salvador") are common words, not the seeds' own.
    seeds = SHARED / "data" / "seeds.jsonl"
    if not seeds.is_file():
        pytest.skip("../shared is not beside this clone")
    shared = {text for text in _lines([seeds]) & _lines(TRAINING) if len(text) >= 20}
    assert not shared, sorted(shared)
