import pandas as pd
import pytest
from conftest import make_documents, write_jsonl

from detector.data import documents_to_frame, read_labeled, read_labeled_files, validate_labeled, write_table
from detector.errors import DataError


def test_documents_jsonl_and_flat_tables_read_to_the_same_frame(tmp_path):
    docs = make_documents(3)
    from_docs = read_labeled(write_jsonl(tmp_path / "docs.jsonl", docs))
    flat = documents_to_frame(docs)[["doc_id", "position", "text", "label"]]
    for suffix in (".csv", ".parquet", ".jsonl"):
        write_table(flat, tmp_path / f"flat{suffix}")
        frame = read_labeled(tmp_path / f"flat{suffix}")
        pd.testing.assert_frame_equal(frame[["doc_id", "position", "text", "label"]],
                                      from_docs[["doc_id", "position", "text", "label"]])


def test_a_folder_reads_every_labeled_file_inside(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", make_documents(2))
    write_jsonl(tmp_path / "b.jsonl", [{**d, "doc_id": "b" + d["doc_id"]} for d in make_documents(2)])
    (tmp_path / "notes.md").write_text("ignored")
    assert read_labeled_files([tmp_path])["doc_id"].nunique() == 4


def test_a_broken_json_line_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"doc_id": "a", "paragraphs": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.jsonl:2: not valid JSON"):
        read_labeled(path)


def test_an_unpaired_surrogate_escape_is_named_by_file_and_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"doc_id": "a", "paragraphs": [{"text": "ok \\ud83d\\ude00", "label": "editorial"}]}\n'
                    '{"doc_id": "b", "paragraphs": [{"text": "bad \\udc00", "label": "editorial"}]}\n', encoding="utf-8")
    with pytest.raises(DataError, match=r"d\.jsonl:2: holds an unpaired surrogate escape"):
        read_labeled(path)


def test_a_paragraph_without_label_is_named(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", [{"doc_id": "x", "paragraphs": [{"text": "hi"}]}])
    with pytest.raises(DataError, match=r"d\.jsonl:1: paragraph 0 of document 'x' needs"):
        read_labeled(path)


def test_a_table_without_the_needed_columns_is_refused(tmp_path):
    pd.DataFrame({"doc_id": ["a"], "text": ["t"]}).to_csv(tmp_path / "t.csv", index=False)
    with pytest.raises(DataError, match=r"lacks the column\(s\) \['position', 'label'\]"):
        read_labeled(tmp_path / "t.csv")


def test_empty_text_is_refused_with_its_row(tmp_path):
    flat = documents_to_frame(make_documents(2))
    flat.loc[3, "text"] = "  "
    write_table(flat, tmp_path / "t.csv")
    with pytest.raises(DataError, match=r"t\.csv: row 5: empty text in document 'doc-0' at position 3"):
        validate_labeled(read_labeled(tmp_path / "t.csv"))


def test_one_class_only_is_refused(tmp_path):
    docs = [{"doc_id": "a", "paragraphs": [{"text": f"line {i}", "label": "editorial"} for i in range(9)]}]
    with pytest.raises(DataError, match="only one label"):
        validate_labeled(read_labeled(write_jsonl(tmp_path / "a.jsonl", docs)))


def test_a_label_with_too_few_examples_is_named(tmp_path):
    docs = make_documents(6)
    docs[0]["paragraphs"][0]["label"] = "comments"
    with pytest.raises(DataError, match=r"'comments' \(1\)"):
        validate_labeled(read_labeled(write_jsonl(tmp_path / "a.jsonl", docs)))


def test_any_label_set_with_editorial_is_accepted(tmp_path):
    docs = make_documents(6)
    for doc in docs:
        doc["paragraphs"][1]["label"] = "counter"
    counts = validate_labeled(read_labeled(write_jsonl(tmp_path / "a.jsonl", docs)))
    assert counts["counter"] == 6
