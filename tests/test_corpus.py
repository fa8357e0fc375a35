"""The bundled corpus: valid, and as large and varied as it is meant to be."""

import runpy

from conftest import ROOT


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
