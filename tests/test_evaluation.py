import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import make_documents, write_jsonl
from detector.cli import main as run
from detector.data import documents_to_frame, read_labeled
from detector.errors import DataError
from detector.evaluation import evaluate_frame, format_figures, format_group_figures, group_figures, mistakes
from detector.pipeline import RULES, Thresholds, classify_texts
from detector.repeats import RepeatedLines

ROOT = Path(__file__).resolve().parent.parent


def test_evaluation_decides_each_segment_as_clean_does(default_model):
    # the labeled segments as one batch, against the articles they make cleaned as one batch
    docs = [json.loads(line) for line in (ROOT / "benchmarks" / "news_pages.jsonl").read_text(encoding="utf-8").splitlines()]
    frame = documents_to_frame(docs)
    _, decided = evaluate_frame(frame, default_model)
    texts = ["\n".join(p["text"] for p in doc["paragraphs"]) for doc in docs]
    labeled = classify_texts(texts, default_model, Thresholds(), RepeatedLines.from_texts(texts))
    by_pipeline = [s for segments in labeled for s in segments]
    assert len(by_pipeline) == len(decided) > 2000
    assert decided["keep"].tolist() == [s.keep for s in by_pipeline]
    assert decided["rule"].tolist() == [s.rule for s in by_pipeline]
    assert decided["label"].tolist() == [s.label for s in by_pipeline]


def test_figures_and_mistakes_follow_the_gold_labels(small_model):
    frame = documents_to_frame(make_documents(4))
    figures, decided = evaluate_frame(frame, small_model)
    assert figures["removal_f1"] == 1.0 and figures["documents_perfect"] == 1.0 and mistakes(decided).empty
    assert figures["segments"] == 32 and figures["documents"] == 4
    assert sum(row["junk_lines"] for row in figures["by_rule"].values()) == 24  # every junk line, by some rule
    relabeled = frame.copy()
    relabeled.loc[0, "label"] = "promo"  # gold now calls the first story line an ad, which the model keeps
    relabeled.loc[1, "label"] = "editorial"  # and the view counter story, which the model removes
    figures, decided = evaluate_frame(relabeled, small_model)
    wrong = mistakes(decided)
    assert wrong["mistake"].tolist() == ["junk kept", "story lost"] and wrong["position"].tolist() == [0, 1]
    assert figures["removal_recall"] == pytest.approx(23 / 24) and figures["editorial_chars_lost"] > 0
    assert figures["per_label"]["promo"]["recall"] == pytest.approx(8 / 9)
    assert set(figures["by_rule"]) == set(RULES)
    assert "F1 0." in format_figures(figures) and "story lines" in format_figures(figures)


def test_figures_split_by_language_add_up_to_the_whole(small_model):
    docs = make_documents(4)
    for doc, lang in zip(docs, ["de", "de", "fr", None]):
        doc["lang"] = lang
    figures, decided = evaluate_frame(documents_to_frame(docs), small_model)
    by_lang = group_figures(decided, "lang")
    assert list(by_lang) == ["de", "fr", "(none)"] and [g["documents"] for g in by_lang.values()] == [2, 1, 1]
    assert all(g["removal_f1"] == 1.0 for g in by_lang.values())
    assert "de" in format_group_figures(by_lang, "lang")


def test_keep_moves_what_counts_as_story(small_model):
    frame = documents_to_frame(make_documents(4))
    figures, decided = evaluate_frame(frame, small_model, Thresholds(keep=("editorial", "bio")))
    assert figures["removal_f1"] == 1.0 and decided.loc[decided["gold"] == "bio", "keep"].all()


def test_each_documents_rows_are_read_in_order_whatever_the_file_order(small_model):
    frame = documents_to_frame(make_documents(3))
    shuffled = frame.sample(frac=1, random_state=0).reset_index(drop=True)
    decided = evaluate_frame(shuffled, small_model)[1]
    assert decided.groupby("doc_id", sort=False)["position"].agg(list).map(lambda p: p == sorted(p)).all()
    in_order = evaluate_frame(frame, small_model)[1]
    assert decided.sort_values(["doc_id", "position"]).reset_index(drop=True).equals(in_order)


def test_a_label_the_model_does_not_know_is_a_clear_error(small_model, tmp_path):
    path = tmp_path / "mine.csv"
    frame = documents_to_frame(make_documents(2))
    frame.loc[3, "label"] = "recipe"
    frame.to_csv(path, index=False)
    with pytest.raises(DataError, match=r"mine.csv: row 5: label 'recipe' is not one the model knows"):
        evaluate_frame(read_labeled(path), small_model)


def test_detector_evaluate_prints_the_figures_and_writes_the_mistakes(default_model, tmp_path, capsys):
    docs = [json.loads(line) for line in (ROOT / "benchmarks" / "news_pages.jsonl").read_text(encoding="utf-8").splitlines()[:12]]
    write_jsonl(tmp_path / "labeled.jsonl", docs)
    assert run(["evaluate", str(tmp_path / "labeled.jsonl"), "--errors", str(tmp_path / "wrong.csv"),
                "--json", str(tmp_path / "figures.json"), "--by", "lang"]) == 0
    out = capsys.readouterr().out
    report = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    assert report["documents"] == 12 and report["settings"]["block_confidence"] == 0.6 and report["model"] == "auto"
    assert f"F1 {report['removal_f1']:.3f}" in out and "by lang" in out
    by_lang = report["by_lang"]  # the twelve pages are in three languages: their segments add up
    assert sum(group["segments"] for group in by_lang.values()) == report["segments"]
    assert set(by_lang) == {doc["lang"] for doc in docs}
    assert "12 documents" in out and "Removal" in out and "min_confidence" in out
    wrong = pd.read_csv(tmp_path / "wrong.csv")
    assert wrong.columns.tolist() == ["mistake", "doc_id", "lang", "source", "position", "text", "gold", "label",
                                      "confidence", "keep", "rule"]
    assert f"{len(wrong):,} mistakes written" in out
    assert set(wrong["mistake"]) <= {"junk kept", "story lost"}
    assert (wrong["keep"] == (wrong["mistake"] == "junk kept")).all()


def test_detector_evaluate_refuses_bad_input_without_a_traceback(tmp_path, capsys):
    assert run(["evaluate", str(tmp_path / "missing.jsonl")]) == 2
    assert "missing.jsonl: no such file or folder" in capsys.readouterr().err
    write_jsonl(tmp_path / "labeled.jsonl", make_documents(2))
    assert run(["evaluate", str(tmp_path / "labeled.jsonl"), "--errors", str(tmp_path / "wrong.txt")]) == 2
    assert "name the table of mistakes .csv, .jsonl or .parquet" in capsys.readouterr().err
    assert run(["evaluate", str(tmp_path / "labeled.jsonl"), "--min-confidence", "2"]) == 2
    assert "--min-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["evaluate", str(tmp_path / "labeled.jsonl"), "--json", str(tmp_path / "no" / "f.json")]) == 2
    assert "create it first" in capsys.readouterr().err
    write_jsonl(tmp_path / "blank.jsonl", [{"doc_id": "a", "paragraphs": [{"text": "Story.", "label": "editorial"},
                                                                         {"text": "  ", "label": "boilerplate"}]}])
    assert run(["evaluate", str(tmp_path / "blank.jsonl")]) == 2
    assert "empty text in document 'a' at position 1" in capsys.readouterr().err
    assert not (tmp_path / "wrong.txt").exists()


def test_only_the_commands_that_read_their_inputs_twice_say_so(capsys):
    # evaluate counts repeated lines in the labeled frame it has already read; clean and classify read twice.
    for command, says_twice in (("evaluate", False), ("clean", True), ("classify", True)):
        with pytest.raises(SystemExit):
            run([command, "--help"])
        help_text = " ".join(capsys.readouterr().out.split())
        assert ("read twice" in help_text) is says_twice, command
