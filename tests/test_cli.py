import functools
import io
import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import make_documents, write_jsonl
from test_api import ARTICLE, PAGE_JUNK, _FixedModel, _pages

from detector import cli, save_model
from detector.io import TableFile

EXPECTED = ("Markets moved sharply on day 3 as traders weighed the central bank's next step.\n\n"
            "The committee said inflation stayed above target for the 9th month, and analysts expect another "
            "rise before the summer.\n")


@pytest.fixture()
def model_file(tmp_path, small_model):
    path = tmp_path / "model.joblib"
    save_model(small_model, path)
    return str(path)


def run(argv, stdin=""):
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")))
    try:
        return cli.main(argv)
    finally:
        sys.stdin = sys.__stdin__


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("detector 0.")


def test_clean_reads_stdin_and_writes_stdout(model_file, capsys):
    assert run(["clean", "--model", model_file, "-q"], ARTICLE) == 0
    assert capsys.readouterr().out == EXPECTED


def test_clean_one_text_file_to_stdout_keeps_crlf(tmp_path, model_file, capsysbinary):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert run(["clean", str(path), "--model", model_file, "-q"]) == 0
    assert capsysbinary.readouterr().out == EXPECTED.replace("\n", "\r\n").encode("utf-8")


def test_a_folder_is_cleaned_into_an_output_folder_and_a_bad_file_is_reported(tmp_path, model_file, capsys):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "latin.txt").write_bytes("Caf\xe9 news".encode("latin-1"))
    code = run(["clean", str(src), "-o", str(tmp_path / "out"), "--model", model_file, "-q"])
    assert code == 1
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == EXPECTED
    assert (tmp_path / "out" / "sub" / "b.txt").read_text(encoding="utf-8") == EXPECTED
    err = capsys.readouterr().err
    assert "latin.txt: not UTF-8 text" in err and "convert it to UTF-8" in err
    assert "1 problem(s); everything else was written" in err


def test_files_a_folder_run_leaves_out_and_a_named_html_page_are_noted(tmp_path, model_file, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "page.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    (src / ".DS_Store").write_bytes(b"\0")  # hidden files and folders are not worth a note
    (src / ".git").mkdir()
    (src / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert run(["clean", str(src), "-o", str(tmp_path / "out"), "--model", model_file, "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]
    err = capsys.readouterr().err
    assert "1 file(s) left out" in err and "(page.html)" in err and "DS_Store" not in err and "HEAD" not in err
    assert run(["clean", str(src / "page.html"), "--model", model_file, "-q"]) == 0
    assert "page.html: read as plain text, tags and all" in capsys.readouterr().err


def test_one_text_file_is_cleaned_into_the_file_o_names_and_a_folder_needs_a_folder(tmp_path, model_file, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(["clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "clean.txt"), "--model", model_file, "-q"]) == 0
    assert (tmp_path / "clean.txt").read_text(encoding="utf-8") == EXPECTED  # a file, not a folder of that name
    code = run(["clean", str(tmp_path), "-o", str(tmp_path / "clean.txt"), "--model", model_file, "-q"])
    assert code == 2 and "clean.txt is a file, and these inputs need an output folder" in capsys.readouterr().err


def test_output_files_get_the_usual_permissions_not_those_of_a_temporary_file(tmp_path, model_file):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "clean.txt"
    umask = os.umask(0o022)
    try:
        assert run(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--model", model_file, "-q"]) == 0
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644  # mkstemp alone gives 0o600
    out.chmod(0o640)
    assert run(["clean", str(tmp_path / "a.txt"), "-o", str(out), "--model", model_file, "-q"]) == 0
    assert out.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its own


def test_an_id_column_you_name_must_be_there(tmp_path, model_file, capsys):
    write_jsonl(tmp_path / "in.jsonl", [{"key": "a", "text": ARTICLE}])
    code = run(["classify", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "seg.csv"), "--model", model_file,
                "--id-column", "id", "-q"])
    assert code == 1 and "no column 'id' (columns: key, text)" in capsys.readouterr().err
    assert run(["classify", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "seg.csv"), "--model", model_file,
                "-q"]) == 0  # not named: rows are numbered
    assert pd.read_csv(tmp_path / "seg.csv")["doc_id"].unique().tolist() == [1]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_a_table_gets_a_cleaned_column_and_bad_rows_are_kept_and_reported(tmp_path, model_file, capsys, suffix):
    frame = pd.DataFrame({"id": ["a", "b", "c"], "body": [ARTICLE, None, ARTICLE], "n": [1, 2, 3]})
    src = tmp_path / f"in{suffix}"
    {".csv": lambda: frame.to_csv(src, index=False),
     ".jsonl": lambda: frame.to_json(src, orient="records", lines=True),
     ".parquet": lambda: frame.to_parquet(src)}[suffix]()
    out = tmp_path / f"out{suffix}"
    code = run(["clean", str(src), "-o", str(out), "--text-column", "body", "--model", model_file, "-q"])
    result = {".csv": pd.read_csv, ".jsonl": lambda p: pd.read_json(p, lines=True), ".parquet": pd.read_parquet}[suffix](out)
    assert result["id"].tolist() == ["a", "b", "c"]
    assert result.loc[0, "clean_text"] == EXPECTED and result.loc[2, "clean_text"] == EXPECTED
    if suffix == ".csv":  # CSV has no missing value apart from an empty cell
        assert code == 0
    else:
        assert code == 1 and "row 2: 'body' is empty or not text" in capsys.readouterr().err


def test_a_broken_jsonl_line_is_reported_and_the_rest_written(tmp_path, model_file, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": 1, "text": ARTICLE}) + "\n{broken\n" + json.dumps({"id": 3, "text": ARTICLE}) + "\n")
    code = run(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--model", model_file, "-q"])
    out = pd.read_json(tmp_path / "out.jsonl", lines=True)
    assert code == 1 and len(out) == 3 and out.loc[2, "clean_text"] == EXPECTED
    assert f"{src}:2: not a JSON object" in capsys.readouterr().err


def test_problems_name_their_line_and_row_whatever_parts_the_table_is_read_in(tmp_path, model_file, capsys,
                                                                               monkeypatch):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join([json.dumps({"id": 1, "text": ARTICLE}), "", "{broken", json.dumps({"id": 4}),
                              json.dumps({"id": 5, "text": ARTICLE})]) + "\n")
    outputs, errors = [], []
    for part_bytes in (1, 1 << 19):  # a part per line; the whole table in one part
        monkeypatch.setattr("detector.io.JSONL_PART_BYTES", part_bytes)
        code = run(["clean", str(src), "-o", str(tmp_path / f"out{part_bytes}.jsonl"), "--model", model_file, "-q"])
        outputs.append((tmp_path / f"out{part_bytes}.jsonl").read_bytes())
        errors.append(capsys.readouterr().err)
        assert code == 1
    assert outputs[0] == outputs[1] and errors[0] == errors[1]
    assert f"{src}:3: not a JSON object" in errors[0] and f"{src}: row 3: 'text' is empty or not text" in errors[0]
    assert "row 2" not in errors[0]  # the broken line is reported once, as a line
    out = [json.loads(line) for line in outputs[0].decode().splitlines()]
    assert [row["clean_text"] for row in out] == [EXPECTED, None, None, EXPECTED] and out[1]["_raw_line"] == "{broken"


def test_a_table_that_cannot_be_read_is_reported_and_the_others_are_written(tmp_path, model_file, capsys,
                                                                            monkeypatch):
    (tmp_path / "in").mkdir()
    write_jsonl(tmp_path / "in" / "a.jsonl", [{"id": 1, "text": ARTICLE}])
    write_jsonl(tmp_path / "in" / "b.jsonl", [{"id": 2, "text": ARTICLE}])
    write_jsonl(tmp_path / "in" / "c.jsonl", [{"id": 3, "text": ARTICLE}])
    opened = Path.open

    def refuse_b(path, *args, **kwargs):  # b.jsonl turns unreadable after the run has found it
        if path.name == "b.jsonl":
            raise PermissionError(13, "Permission denied")
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse_b)
    code = run(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--model", model_file, "-q"])
    assert code == 1 and f"{tmp_path / 'in' / 'b.jsonl'}: cannot be read (Permission denied)" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.jsonl", "c.jsonl"]
    assert json.loads((tmp_path / "out" / "c.jsonl").read_text())["clean_text"] == EXPECTED


def test_text_that_is_not_unicode_is_mended_reported_and_cleaned_with_the_rest(tmp_path, model_file, capsys):
    src = tmp_path / "in.jsonl"
    good = json.dumps({"id": 1, "text": ARTICLE}).encode()
    lone = json.dumps({"id": 2, "text": ARTICLE.replace("bank's", "bank\ud800's")}).encode()  # \ud800 escaped
    latin = json.dumps({"id": 3, "text": ARTICLE}).encode().replace(b"bank's", b"bank\xe9s")  # a Latin-1 byte
    src.write_bytes(b"\n".join([good, lone, latin, good]) + b"\n")
    code = run(["clean", str(src), "-o", str(tmp_path / "out.jsonl"), "--model", model_file, "-q"])
    out = pd.read_json(tmp_path / "out.jsonl", lines=True)
    err = capsys.readouterr().err
    assert code == 1 and out["id"].tolist() == [1, 2, 3, 1] and out.loc[3, "clean_text"] == EXPECTED
    assert out.loc[1, "clean_text"] == EXPECTED.replace("bank's", "bank\ufffd's")
    assert out.loc[2, "clean_text"] == EXPECTED.replace("bank's", "bank\ufffds")
    assert f"{src}:2: unpaired surrogate escapes" in err and "'text'" in err
    assert f"{src}:3: bytes that are not UTF-8" in err


def test_a_csv_row_that_is_not_utf8_is_mended_reported_and_cleaned_with_the_rest(tmp_path, model_file, capsys):
    src = tmp_path / "in.csv"
    pd.DataFrame({"id": [1, 2, 3], "text": [ARTICLE] * 3}).to_csv(src, index=False)
    data = src.read_bytes()
    second = data.index(b"bank's", data.index(b"bank's") + 1)
    src.write_bytes(data[:second] + b"bank\xe9s" + data[second + len(b"bank's"):])  # a Latin-1 byte in row 2
    code = run(["clean", str(src), "-o", str(tmp_path / "out.csv"), "--model", model_file, "-q"])
    out = pd.read_csv(tmp_path / "out.csv")
    assert code == 1 and out["id"].tolist() == [1, 2, 3]
    assert out.loc[0, "clean_text"] == out.loc[2, "clean_text"] == EXPECTED
    assert out.loc[1, "clean_text"] == EXPECTED.replace("bank's", "bank\ufffds")
    assert f"{src}: row 2: bytes that are not UTF-8" in capsys.readouterr().err


def test_jsonl_values_come_out_as_they_came_in(tmp_path, model_file):
    records = [{"id": 1, "text": ARTICLE, "price": 0.123456789012345, "tags": ["a", {"b": 2}]},
               {"id": 2, "text": ARTICLE}]
    write_jsonl(tmp_path / "in.jsonl", records)
    assert run(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--model", model_file, "-q"]) == 0
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert out[0]["price"] == 0.123456789012345 and out[0]["tags"] == ["a", {"b": 2}]
    assert "price" not in out[1] and out[1]["clean_text"] == EXPECTED  # a key one row lacks is not added to it


def test_jsonl_records_keep_their_bytes_and_get_the_cleaned_field_at_their_end(tmp_path, model_file, capsys):
    compact = json.dumps({"id": 1, "title": "Café", "n": 1e5, "text": ARTICLE}, separators=(",", ":"))  # é as \u00e9
    lines = [compact + "  ", json.dumps({"id": 2, "text": ARTICLE, "clean_text": "old"}), "{}",
             json.dumps({"id": 4, "text": ARTICLE.replace("bank's", "bank\ud800's")})]  # a lone surrogate, mended
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = run(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--model", model_file, "-q"])
    out = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert code == 1 and "row 3: 'text' is empty or not text" in capsys.readouterr().err
    assert out[0] == compact[:-1] + ', "clean_text": ' + json.dumps(EXPECTED, ensure_ascii=False) + "}"
    assert json.loads(out[1]) == {"id": 2, "text": ARTICLE, "clean_text": EXPECTED}  # replaced, not written twice
    assert out[1].count('"clean_text"') == 1
    assert json.loads(out[2]) == {"clean_text": None}
    assert json.loads(out[3])["clean_text"] == EXPECTED.replace("bank's", "bank\ufffd's")


def test_jsonl_ids_stay_integers_and_records_keep_their_keys_beside_a_bad_row(tmp_path, model_file, capsys):
    write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}, {"note": "no id, no text"},
                                        {"id": 3, "text": None}])
    code = run(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), "--model", model_file, "-q"])
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert code == 1 and "row 2: 'text' is empty or not text; the row is kept with 'clean_text' null" in \
        capsys.readouterr().err
    assert out == [{"id": 1, "text": ARTICLE, "clean_text": EXPECTED}, {"note": "no id, no text", "clean_text": None},
                   {"id": 3, "text": None, "clean_text": None}]  # not 1.0, no "text": null added to row 2


@pytest.mark.parametrize("size", [1, 50, 300, 10**6])
def test_the_first_pass_reads_a_jsonl_table_in_parts_as_its_chunks_read_it(tmp_path, size):
    lines = [json.dumps({"id": 1, "text": "One\nTwo"}), "", "{broken", json.dumps({"text": "bank\ud800 line"}),
             json.dumps({"id": 4, "text": None}), json.dumps({"id": 5, "text": "Café\r\nnext"}, ensure_ascii=False)]
    data = "\n".join(lines).encode("utf-8").replace("Café".encode(), b"Caf\xe9")  # a byte that is not UTF-8; no final line break
    (tmp_path / "in.jsonl").write_bytes(data)
    table = TableFile(tmp_path / "in.jsonl")
    parts = list(table.jsonl_parts(size))
    assert parts[0].start == 0 and parts[-1].end == len(data) and all(a.end == b.start for a, b in zip(parts, parts[1:]))
    assert all(data[part.end - 1:part.end] == b"\n" for part in parts[:-1])  # whole lines only
    from_chunks = [text for chunk in table.chunks() for text in chunk["text"] if isinstance(text, str)]
    assert [text for part in parts for text in part.texts()] == from_chunks
    assert from_chunks == ["One\nTwo", "bank\ufffd line", "Caf\ufffd\r\nnext"]


def test_one_process_labels_a_jsonl_tables_parts_a_few_to_a_call(tmp_path, model_file, monkeypatch):
    # Without workers there is nothing to balance: JSONL_PARTS_PER_CALL parts go to one model call, and the
    # output is the same as with a call per part.
    from detector import cli
    rows = [{"id": i, "text": ARTICLE.replace("day 3", f"day {i}")} for i in range(40)]
    write_jsonl(tmp_path / "in.jsonl", rows)
    monkeypatch.setattr("detector.io.JSONL_PART_BYTES", 2000)
    n_parts = len(list(TableFile(tmp_path / "in.jsonl").jsonl_parts()))
    calls = []
    step = cli._clean_jsonl_parts
    monkeypatch.setattr(cli, "_clean_jsonl_parts", lambda parts, *rest: calls.append(len(parts)) or step(parts, *rest))
    outputs = []
    for per_call in (1, cli.JSONL_PARTS_PER_CALL):
        monkeypatch.setattr(cli, "JSONL_PARTS_PER_CALL", per_call)
        calls.clear()
        out = tmp_path / f"out{per_call}.jsonl"
        assert run(["clean", str(tmp_path / "in.jsonl"), "-o", str(out), "--model", model_file, "-q", "--jobs", "1"]) == 0
        assert sum(calls) == n_parts > 2 and len(calls) == -(-n_parts // per_call)
        outputs.append(out.read_bytes())
    assert cli.JSONL_PARTS_PER_CALL > 1 and outputs[0] == outputs[1]


def test_classify_writes_ids_of_mixed_json_types_to_parquet_as_text(tmp_path, model_file):
    write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}, {"id": "b", "text": ARTICLE}])
    code = run(["classify", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "seg.parquet"), "--model", model_file,
                "-q"])
    table = pd.read_parquet(tmp_path / "seg.parquet")
    assert code == 0 and table["doc_id"].unique().tolist() == ["1", "b"]


def test_a_table_without_its_text_column_is_a_clear_error(tmp_path, model_file, capsys):
    pd.DataFrame({"id": [1], "body": ["x"]}).to_csv(tmp_path / "t.csv", index=False)
    code = run(["clean", str(tmp_path / "t.csv"), "-o", str(tmp_path / "o.csv"), "--model", model_file, "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "no column 'text'" in err and "--text-column" in err
    assert not (tmp_path / "o.csv").exists()


def test_classify_writes_the_segment_table(tmp_path, model_file):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(["classify", str(tmp_path / "a.txt"), "-o", str(tmp_path / "seg.csv"), "--model", model_file, "-q"]) == 0
    table = pd.read_csv(tmp_path / "seg.csv")
    assert table.columns.tolist() == ["doc_id", "position", "text", "start", "end", "label", "confidence", "keep",
                                      "rule", "model"]
    assert table["label"].tolist() == ["editorial", "boilerplate", "editorial", "promo", "promo", "bio"]
    assert set(table["rule"]) == {"min_confidence"}  # every line decided by the model's probabilities alone
    from detector.data import read_labeled
    assert read_labeled(tmp_path / "seg.csv")["label"].tolist() == table["label"].tolist()  # fed back as it is
    assert set(table["model"]) == {model_file}  # a saved model is named as it was given


def test_errors_before_any_work_exit_2_without_a_traceback(tmp_path, model_file, capsys):
    assert run(["clean", str(tmp_path / "missing.txt"), "--model", model_file]) == 2
    assert "missing.txt: no such file or folder" in capsys.readouterr().err
    assert run(["clean", "--model", str(tmp_path / "none.joblib")], ARTICLE) == 2
    assert "no such model file" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--min-confidence", "2"], ARTICLE) == 2
    assert "--min-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--block-confidence", "-0.1"], ARTICLE) == 2
    assert "--block-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--story-confidence", "1.5"], ARTICLE) == 2
    assert "--story-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--promo-confidence", "-1"], ARTICLE) == 2
    assert "--promo-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--repeat-confidence", "1.2"], ARTICLE) == 2
    assert "--repeat-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--comment-confidence", "-0.1"], ARTICLE) == 2
    assert "--comment-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--marker-confidence", "3"], ARTICLE) == 2
    assert "--marker-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--gap-confidence", "1.1"], ARTICLE) == 2
    assert "--gap-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--disclaimer-confidence", "2"], ARTICLE) == 2
    assert "--disclaimer-confidence must be between 0 and 1" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--headline-overlap", "1.5"], ARTICLE) == 2
    assert "--headline-overlap must be between 0 and 1" in capsys.readouterr().err
    for documents in ("-1", "1"):
        assert run(["clean", "--model", model_file, "--repeat-documents", documents], ARTICLE) == 2
        assert "--repeat-documents must be 0 (off) or at least 2" in capsys.readouterr().err
    assert run(["clean", "--model", model_file, "--keep", "comments"], ARTICLE) == 2
    assert "does not know: comments" in capsys.readouterr().err


def test_lines_repeated_across_the_inputs_are_counted_over_all_of_them(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "load_model", lambda name: _FixedModel(PAGE_JUNK))
    pages = _pages(4)
    (tmp_path / "in").mkdir()
    for i, page in enumerate(pages[:2]):
        (tmp_path / "in" / f"{i}.txt").write_text(page, encoding="utf-8")
    table = tmp_path / "in" / "more.jsonl"  # the other two pages, and a broken line
    table.write_text(json.dumps({"id": 2, "text": pages[2]}) + "\n{broken\n" + json.dumps({"id": 3, "text": pages[3]}) + "\n")
    assert run(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 1
    furniture = ("More from the council desk\n", "Advertisement\n")
    without = [functools.reduce(lambda page, line: page.replace(line, ""), furniture, page) for page in pages]
    assert [(tmp_path / "out" / f"{i}.txt").read_text(encoding="utf-8") for i in range(2)] == without[:2]
    assert pd.read_json(tmp_path / "out" / "more.jsonl", lines=True)["clean_text"].tolist()[::2] == without[2:]
    assert capsys.readouterr().err.count("not a JSON object") == 1  # the count's pass reports nothing twice
    assert run(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "off"), "-q", "--repeat-documents", "0"]) == 1
    assert (tmp_path / "off" / "0.txt").read_text(encoding="utf-8") == pages[0].replace("Advertisement\n", "")


def test_train_runs_through_the_cli(tmp_path, capsys):
    data = write_jsonl(tmp_path / "mine.jsonl", make_documents(12))
    out = tmp_path / "mine.joblib"
    assert run(["train", "--no-bundled", "--data", str(data), "--out", str(out), "--folds", "3"]) == 0
    printed = capsys.readouterr().out
    assert "3 folds grouped by document" in printed and "confusion matrix" in printed and out.exists()


def test_several_processes_write_exactly_what_one_process_writes(tmp_path, model_file, monkeypatch):
    monkeypatch.setattr("detector.io.TABLE_CHUNK_ROWS", 10)  # four batches, so workers start
    rows = pd.DataFrame({"id": range(40), "text": [ARTICLE.replace("day 3", f"day {i}") for i in range(40)]})
    rows.to_json(tmp_path / "in.jsonl", orient="records", lines=True)
    for jobs in ("1", "2"):
        assert run(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / f"out{jobs}.jsonl"), "--jobs", jobs,
                    "--model", model_file, "-q"]) == 0
    assert (tmp_path / "out1.jsonl").read_bytes() == (tmp_path / "out2.jsonl").read_bytes()
    assert len(pd.read_json(tmp_path / "out2.jsonl", lines=True)) == 40


def test_workers_remove_the_repeated_lines_that_one_process_removes(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "load_model", lambda name: _FixedModel(PAGE_JUNK))
    monkeypatch.setattr("detector.io.TABLE_CHUNK_ROWS", 10)  # four batches, so workers start
    pd.DataFrame({"id": range(40), "text": _pages(40)}).to_json(tmp_path / "in.jsonl", orient="records", lines=True)
    for jobs in ("1", "2"):
        assert run(["clean", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / f"out{jobs}.jsonl"), "--jobs", jobs,
                    "-q"]) == 0
    assert (tmp_path / "out1.jsonl").read_bytes() == (tmp_path / "out2.jsonl").read_bytes()
    cleaned = pd.read_json(tmp_path / "out2.jsonl", lines=True)["clean_text"]
    assert not cleaned.str.contains("More from the council desk").any() and cleaned.str.contains("coverage policy").all()


@pytest.mark.parametrize(("suffix", "chunk_rows", "step", "calls"), [
    (".csv", 10, "clean_texts", 8),  # four batches of ten rows, each cut in two for the workers
    (".csv", 100, "clean_texts", 2),  # one batch, cut in two
    (".jsonl", 100, "_clean_jsonl_parts", None),  # parts of 2,000 bytes that the workers read: one call each
])
def test_workers_are_forked_from_a_fresh_process_and_write_the_same(tmp_path, model_file, suffix, chunk_rows, step,
                                                                    calls):
    rows = pd.DataFrame({"id": range(40), "text": [ARTICLE.replace("day 3", f"day {i}") for i in range(40)]})
    src = tmp_path / f"in{suffix}"
    rows.to_csv(src, index=False) if suffix == ".csv" else rows.to_json(src, orient="records", lines=True)
    assert run(["clean", str(src), "-o", str(tmp_path / f"out1{suffix}"), "--model", model_file, "-q"]) == 0
    # A new process that only loaded the model forks its workers on Linux (this test process has run the trees).
    script = ("import os, sys, detector.io, detector.pipeline as p; from detector import cli\n"
              f"detector.io.TABLE_CHUNK_ROWS = {chunk_rows}; p.LONE_BATCH_WORKER_LINES = 0\n"
              "detector.io.JSONL_PART_BYTES = 2000\n"
              "assert p._worker_context().get_start_method() == 'fork' or sys.platform != 'linux'\n"
              "step = p._step_in_worker\n"
              "def noted(*args):  # says which process ran each part, and what it did\n"
              "    os.write(2, b'worker %d %s\\n' % (os.getpid(), args[0].__name__.encode()))  # one write: no mixing\n"
              "    return step(*args)\n"
              "p._step_in_worker = noted\n"
              "sys.exit(cli.main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "clean", str(src), "-o", str(tmp_path / f"out2{suffix}"),
                           "--jobs", "2", "--model", model_file, "-q"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"out1{suffix}").read_bytes() == (tmp_path / f"out2{suffix}").read_bytes()
    if sys.platform.startswith("linux"):
        calls = calls or len(list(TableFile(src).jsonl_parts(2000)))
        workers = [line for line in done.stderr.splitlines() if line.startswith("worker")]
        labeled = [line for line in workers if line.endswith(f" {step}")]
        counted = [line for line in workers if line.endswith(" _counted_parts")]  # the first pass: one batch, cut in two
        assert calls > 2 or suffix == ".csv"
        assert len(labeled) == calls and len(counted) == 2 and len(workers) == len(labeled) + 2
        assert all(str(os.getpid()) not in w for w in workers)


def test_a_process_that_ran_the_trees_starts_workers_from_a_clean_server(small_model, monkeypatch):
    from detector import pipeline

    small_model.predict_proba(pd.DataFrame({"doc_id": [0], "position": [0], "text": ["Markets rose."]}))
    if "forkserver" in multiprocessing.get_all_start_methods():
        assert pipeline._worker_context().get_start_method() == "forkserver"
    monkeypatch.setattr("detector.model._processes_that_ran_trees", set())
    monkeypatch.setattr("threading.active_count", lambda: 1)
    if sys.platform.startswith("linux"):
        assert pipeline._worker_context().get_start_method() == "fork"


def test_a_single_batch_is_labeled_without_starting_workers(tmp_path, model_file, monkeypatch):
    def no_workers():
        raise AssertionError("workers were started for one batch")

    monkeypatch.setattr("detector.pipeline._worker_context", no_workers)
    (tmp_path / "in.txt").write_text(ARTICLE, encoding="utf-8")
    assert run(["clean", str(tmp_path / "in.txt"), "-o", str(tmp_path / "out"), "--jobs", "2",
                "--model", model_file, "-q"]) == 0
    assert (tmp_path / "out" / "in.txt").read_text(encoding="utf-8").startswith(ARTICLE.splitlines()[0])


def test_classify_without_output_writes_csv_to_stdout(model_file, capsys):
    assert run(["classify", "--model", model_file, "-q"], ARTICLE) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert len(table) == 6 and table.loc[0, "doc_id"] == "<stdin>" and table["keep"].tolist()[:2] == [True, False]


def test_classify_says_which_model_labeled_each_article_under_auto(default_model, tmp_path):
    news = "Markets rose on Tuesday as the central bank held rates.\nShare this article\n"
    crypto = "Bitcoin rose 4% on Tuesday after the ETF decision.\nEthereum followed, up 3%.\nShare this article\n"
    write_jsonl(tmp_path / "in.jsonl", [{"id": "news", "text": news}, {"id": "crypto", "text": crypto}])
    assert run(["classify", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.csv"), "-q"]) == 0
    table = pd.read_csv(tmp_path / "out.csv")
    assert table.groupby("doc_id")["model"].unique().map(list).to_dict() == {"crypto": ["crypto"], "news": ["general"]}


def test_a_bundled_model_is_chosen_by_name(crypto_model, capsys):
    text = "Bitcoin rose 4% on Tuesday after the ETF decision.\n"
    assert run(["clean", "--model", "crypto", "-q"], text) == 0
    assert capsys.readouterr().out == text
    assert run(["clean", "--model", "crypto-news", "-q"], text) == 2
    assert "crypto-news: no such model file (bundled models: auto, general, crypto)" in capsys.readouterr().err


def test_a_reader_that_closes_standard_output_early_stops_the_run_without_a_traceback(tmp_path, model_file):
    # `detector classify big.txt | head -2`: the table is far longer than what the pipe holds
    (tmp_path / "big.txt").write_text("".join(f"Paragraph {i} of the story says the markets moved today.\n"
                                              for i in range(3000)), encoding="utf-8")
    command = [sys.executable, "-c", "import sys; from detector.cli import main; sys.exit(main())", "classify",
               str(tmp_path / "big.txt"), "--model", model_file, "-q"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout.readline().startswith(b"doc_id,position,text")
    process.stdout.close()  # as head does once it has its lines
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 141 and "Traceback" not in stderr, stderr


def test_classify_says_a_row_without_text_has_no_segments(tmp_path, model_file, capsys):
    write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": ARTICLE}, {"id": "b", "text": None}])
    code = run(["classify", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "seg.csv"), "--model", model_file, "-q"])
    table = pd.read_csv(tmp_path / "seg.csv", dtype={"doc_id": str})
    assert code == 1 and "row 2: 'text' is empty or not text; the row has no segments in the output" in \
        capsys.readouterr().err
    assert set(table["doc_id"]) == {"a"}
