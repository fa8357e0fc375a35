"""Read, write and validate labeled segments.

Two shapes are accepted, in any file:

* documents: JSONL, one document a line, ``{"doc_id", "lang"?, "source"?,
  "paragraphs": [{"text", "label"}, ...]}``;
* a flat table: CSV, Parquet or JSONL, one row per segment with ``doc_id``,
  ``position``, ``text``, ``label`` (``source`` and ``lang`` optional).

Both become one DataFrame with columns ``doc_id, position, text, label, source, lang``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .errors import DataError
from .io import atomic_path, lone_surrogate_keys

LABELED_SUFFIXES = (".jsonl", ".csv", ".parquet")
FLAT_COLUMNS = ["doc_id", "position", "text", "label"]
COLUMNS = FLAT_COLUMNS + ["source", "lang"]
MIN_EXAMPLES_PER_LABEL = 5


def labeled_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into the labeled files inside them, sorted; keep files as given."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in LABELED_SUFFIXES)
        elif path.exists():
            files.append(path)
        else:
            raise DataError(f"{path}: no such file or folder")
    return files


def read_labeled(path: str | Path) -> pd.DataFrame:
    """Read one labeled file (documents JSONL, or a flat CSV / Parquet / JSONL table)."""
    path = Path(path)
    if path.suffix == ".jsonl":
        frame = _read_jsonl(path)
    elif path.suffix == ".csv":
        frame = _read_table(path, lambda: pd.read_csv(path, dtype={"doc_id": str, "text": str, "label": str},
                                                      keep_default_na=False))
    elif path.suffix == ".parquet":
        frame = _read_table(path, lambda: pd.read_parquet(path))
    else:
        raise DataError(f"{path}: unknown kind of file; use .jsonl, .csv or .parquet")
    return _check_columns(frame, path)


def read_labeled_files(paths: Iterable[str | Path]) -> pd.DataFrame:
    """Read and concatenate labeled files; doc_ids are prefixed by nothing, so they must not clash."""
    frames = [read_labeled(path) for path in labeled_files(paths)]
    if not frames:
        raise DataError("no labeled files found (.jsonl, .csv or .parquet)")
    frame = pd.concat(frames, ignore_index=True)
    return frame


def first_documents(frame: pd.DataFrame, n_documents: int) -> pd.DataFrame:
    """The segments of the first ``n_documents`` documents of a segment frame (a smoke run's data)."""
    return frame[frame["doc_id"].isin(frame["doc_id"].unique()[:n_documents])].reset_index(drop=True)


def check_segments(frame: pd.DataFrame) -> None:
    """Check every segment of a labeled frame has text and its own position in its document; DataError names
    the first that does not, with its file and row."""
    empty = frame.index[frame["text"].str.strip() == ""]
    if len(empty):
        row = frame.loc[empty[0]]
        raise DataError(f"{row.get('_where', 'the labeled data')}: empty text in document {row['doc_id']!r} at "
                        f"position {row['position']}; remove the row or give it text")
    repeated = frame.duplicated(["doc_id", "position"], keep=False)
    if repeated.any():
        row = frame[repeated].iloc[0]
        raise DataError(f"{row.get('_where', 'the labeled data')}: document {row['doc_id']!r} has position "
                        f"{row['position']} twice; positions must be unique within a document (doc_ids must be "
                        "unique across files)")


def validate_labeled(frame: pd.DataFrame, min_per_label: int = MIN_EXAMPLES_PER_LABEL) -> pd.Series:
    """Check a labeled frame is fit to train on; return its label counts.

    Raises DataError naming the first problem: empty text, one class only, a label
    with too few examples, a document that repeats a position.
    """
    check_segments(frame)
    counts = frame["label"].value_counts()
    if len(counts) < 2:
        raise DataError(f"only one label in the data ({', '.join(counts.index)}); training needs at least two")
    if "editorial" not in counts.index:
        raise DataError(f"no segment is labeled 'editorial' (labels found: {', '.join(counts.index)}); "
                        "editorial is what a cleaned article keeps")
    thin = counts[counts < min_per_label]
    if len(thin):
        listed = ", ".join(f"{label!r} ({n})" for label, n in thin.items())
        raise DataError(f"label(s) with fewer than {min_per_label} examples: {listed}; "
                        "label more segments or merge the label into another")
    return counts


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write a segment table as CSV, Parquet or JSONL (by suffix), atomically."""
    path = Path(path)
    with atomic_path(path) as tmp:
        if path.suffix == ".csv":
            frame.to_csv(tmp, index=False)
        elif path.suffix == ".parquet":
            frame.to_parquet(tmp, index=False)
        elif path.suffix == ".jsonl":
            frame.to_json(tmp, orient="records", lines=True, force_ascii=False)
        else:
            raise DataError(f"{path}: unknown kind of table; use .csv, .parquet or .jsonl")


def documents_to_frame(documents: Iterable[dict]) -> pd.DataFrame:
    """Flatten document dicts (with ``paragraphs``) into segment rows."""
    rows = []
    for doc in documents:
        for position, para in enumerate(doc["paragraphs"]):
            rows.append((doc["doc_id"], position, para["text"], para["label"], doc.get("source"), doc.get("lang")))
    return pd.DataFrame(rows, columns=COLUMNS)


def _read_jsonl(path: Path) -> pd.DataFrame:
    """Read JSONL of documents or of flat rows; each record is checked with its line number."""
    rows = []
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{path}: cannot be read ({error.strerror})") from None
    with handle:
        for number, line in enumerate(handle, 1):
            where = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(f"{where}: not valid JSON ({error.msg}); each line must be one JSON object") from None
            except UnicodeDecodeError:
                raise DataError(f"{where}: not UTF-8 text; save the file as UTF-8") from None
            if not isinstance(record, dict):
                raise DataError(f"{where}: expected a JSON object, found {type(record).__name__}")
            if lone_surrogate_keys(line, record):
                raise DataError(f"{where}: holds an unpaired surrogate escape (\\ud800-\\udfff), which is not "
                                "Unicode text; remove it or write the character it stands for")
            if "paragraphs" in record:
                rows += _document_rows(record, where)
            else:
                missing = [c for c in FLAT_COLUMNS if c not in record]
                if missing:
                    raise DataError(f"{where}: lacks {missing}; a line is either a document with 'doc_id' and "
                                    f"'paragraphs', or a segment row with {FLAT_COLUMNS}")
                rows.append({**{c: record.get(c) for c in COLUMNS}, "_where": where})
    return pd.DataFrame(rows, columns=COLUMNS + ["_where"])


def _document_rows(record: dict, where: str) -> list[dict]:
    """Rows of one JSONL document, with errors that name its line."""
    if "doc_id" not in record:
        raise DataError(f"{where}: document lacks 'doc_id'")
    paragraphs = record["paragraphs"]
    if not isinstance(paragraphs, list):
        raise DataError(f"{where}: 'paragraphs' must be a list of {{'text', 'label'}} objects")
    rows = []
    for position, para in enumerate(paragraphs):
        if not isinstance(para, dict) or not isinstance(para.get("text"), str) or not isinstance(para.get("label"), str):
            raise DataError(f"{where}: paragraph {position} of document {record['doc_id']!r} needs a string "
                            "'text' and a string 'label'")
        rows.append({"doc_id": record["doc_id"], "position": position, "text": para["text"], "label": para["label"],
                     "source": record.get("source"), "lang": record.get("lang"), "_where": where})
    return rows


def _read_table(path: Path, read) -> pd.DataFrame:
    """Read a CSV or Parquet table, turning library errors into a DataError that names the file."""
    try:
        frame = read()
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: cannot be read as a table ({error})") from None
    frame = frame.reset_index(drop=True)
    # Rows are numbered as a spreadsheet shows them: the header is row 1.
    frame["_where"] = [f"{path}: row {i + 2}" if path.suffix == ".csv" else f"{path}: row {i + 1}"
                       for i in range(len(frame))]
    return frame


def _check_columns(frame: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Ensure the flat columns exist and have usable types."""
    missing = [c for c in FLAT_COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(f"{path}: lacks the column(s) {missing}; a labeled table needs {FLAT_COLUMNS}")
    for column in ("source", "lang"):
        if column not in frame.columns:
            frame[column] = None
    bad_text = ~frame["text"].map(lambda t: isinstance(t, str))
    if bad_text.any():
        raise DataError(f"{frame.loc[bad_text.idxmax(), '_where']}: text is missing or not a string")
    bad_label = ~frame["label"].map(lambda t: isinstance(t, str) and t.strip() != "")
    if bad_label.any():
        raise DataError(f"{frame.loc[bad_label.idxmax(), '_where']}: label is missing or empty")
    position = pd.to_numeric(frame["position"], errors="coerce")
    if position.isna().any():
        raise DataError(f"{frame.loc[position.isna().idxmax(), '_where']}: position must be a whole number")
    frame["position"] = position.astype(int)
    frame["label"] = frame["label"].str.strip()
    frame["doc_id"] = frame["doc_id"].astype(str)
    return frame[COLUMNS + ["_where"]]
