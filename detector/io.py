"""Files in and out: documents to clean, and atomic writes of every result."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import InputError
from .segments import LONE_SURROGATE

TEXT_SUFFIXES = (".txt", ".md")
TABLE_SUFFIXES = (".jsonl", ".csv", ".parquet")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_READ_SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES  # what a folder run reads
_READ_SUFFIX_NAMES = ", ".join(_READ_SUFFIXES[:-1]) + " or " + _READ_SUFFIXES[-1]  # ".txt, .md, ... or .parquet"
TABLE_CHUNK_ROWS = 100  # articles read at a time from a table: memory stays flat, work spreads over processes
JSONL_PART_BYTES = 1 << 19  # a JSONL table goes to the workers in parts of about this size, which they read
# Parts labeled in one call when no workers run: a model call has fixed costs (two hundred trees per model,
# the routing), so two parts (about 14k segments) clean 100k segments about 2% faster than one in one
# process with one thread (20% with two OpenMP threads), for about 35 MiB more memory. Workers get one
# part each at a time: larger shares balance worse (two processes 4% slower at 100k, 15% at 10k).
JSONL_PARTS_PER_CALL = 2


def _new_file_mode() -> int:
    """The permissions a file created with open() gets here: 0o666 less the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_NEW_FILE_MODE = _new_file_mode()


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` only if the block succeeds.

    The file gets the permissions of the file it replaces, or of any new file (a temporary file is
    readable by its owner alone).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.is_file() else _NEW_FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, atomically, with line breaks exactly as given."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(text.encode("utf-8"))


@dataclass
class TextFile:
    """A plain-text article: one file, or standard input (``path`` is None)."""

    path: Path | None
    relative: Path | None = None  # where it goes inside an output folder

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "<stdin>"

    def read(self) -> str:
        """The file's text, exactly as stored (no newline translation)."""
        if self.path is None:
            return sys.stdin.buffer.read().decode("utf-8")
        data = self.path.read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"{self.path}: not UTF-8 text (byte {error.start}); convert it to UTF-8, "
                             "for example with iconv -f latin1 -t utf-8") from None


@dataclass
class TableFile:
    """A table of articles: JSONL, CSV or Parquet with a text column and an id column."""

    path: Path
    text_column: str = "text"
    id_column: str | None = "id"
    problems: list[str] = field(default_factory=list)
    id_column_named: bool = False  # named by the user: a table without it is an error, not numbered rows

    def chunks(self) -> Iterator[pd.DataFrame]:
        """Yield the table in chunks of rows, each with a ``_row`` column naming its row for errors."""
        first_row = 1
        for chunk in self._raw_chunks():
            chunk = chunk.reset_index(drop=True)
            check_columns(self.path, list(chunk.columns), self.text_column, self.named_id_column)
            if self.id_column and self.id_column not in chunk.columns:
                self.id_column = None  # ids then come from the row number
            chunk["_row"] = range(first_row, first_row + len(chunk))
            first_row += len(chunk)
            yield chunk

    @property
    def named_id_column(self) -> str | None:
        """The id column the user named, which every chunk must have."""
        return self.id_column if self.id_column_named else None

    def _raw_chunks(self) -> Iterator[pd.DataFrame]:
        suffix = self.path.suffix
        try:
            if suffix == ".csv":
                yield from self._csv_chunks()
            elif suffix == ".jsonl":
                yield from self._jsonl_chunks()
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                for batch in pq.ParquetFile(self.path).iter_batches(batch_size=TABLE_CHUNK_ROWS):
                    yield batch.to_pandas()
            else:
                raise InputError(f"{self.path}: unknown kind of table; use .jsonl, .csv or .parquet")
        except (OSError, ValueError) as error:
            if isinstance(error, InputError):
                raise
            raise InputError(f"{self.path}: cannot be read as a table ({error})") from None

    def _csv_chunks(self) -> Iterator[pd.DataFrame]:
        """CSV read in chunks; bytes that are not UTF-8 become U+FFFD and their rows are reported."""
        replaced_before = _replaced_bytes
        with self.path.open(encoding="utf-8", errors="detector-replace", newline="") as handle:
            first_row = 1
            for chunk in pd.read_csv(handle, chunksize=TABLE_CHUNK_ROWS, dtype=str, keep_default_na=False):
                if _replaced_bytes > replaced_before:  # the decoder reads ahead: every chunk from the first one on
                    mended = chunk.apply(lambda column: column.str.contains("\ufffd", regex=False)).any(axis=1)
                    for row in first_row + mended.to_numpy().nonzero()[0]:
                        self.problems.append(f"{self.path}: row {row}: bytes that are not UTF-8 were replaced by "
                                             "U+FFFD in the output; convert the file to UTF-8 to keep them")
                first_row += len(chunk)
                yield chunk

    def _jsonl_chunks(self) -> Iterator[pd.DataFrame]:
        """JSONL read line by line: a broken line is reported and kept as an empty row; text that
        is not valid Unicode is reported, mended (U+FFFD) and cleaned."""
        rows: list[dict] = []
        with self.path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if (read := jsonl_line(raw)) is None:
                    continue
                record, _, problems = read
                self.problems += [f"{self.path}:{number}: {problem}" for problem in problems]
                rows.append(record)
                if len(rows) >= TABLE_CHUNK_ROWS:
                    yield _records_frame(rows)
                    rows = []
        if rows:
            yield _records_frame(rows)

    def jsonl_parts(self, size: int | None = None) -> Iterator[JsonlPart]:
        """The JSONL table as runs of whole lines of about ``size`` bytes (``JSONL_PART_BYTES``), unread:
        the workers read them (``JsonlPart.read``)."""
        size = size or JSONL_PART_BYTES
        with _reading(self.path), self.path.open("rb") as handle:
            total, start = os.fstat(handle.fileno()).st_size, 0
            while start < total:
                handle.seek(min(start + size, total))
                handle.readline()  # on to the end of the line the part would cut
                yield JsonlPart(self.path, start, end := handle.tell(), self.text_column)
                start = end


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[None]:
    """Turn an error of reading ``path`` into the InputError that names it."""
    try:
        yield
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error}); check that it is still there "
                         "and readable") from None


@dataclass(frozen=True)
class JsonlPart:
    """Whole lines of a JSONL table, from byte ``start`` to ``end``, read where they are used."""

    path: Path
    start: int
    end: int
    text_column: str

    def read(self) -> tuple[list[tuple[int, dict, str | None, list[str]]], int]:
        """The records of these lines as the table's chunks read them (``jsonl_line``), each with its
        line's number within the part (from 1), and the number of lines."""
        with _reading(self.path), self.path.open("rb") as handle:
            handle.seek(self.start)
            data = handle.read(self.end - self.start)
        raws = data.split(b"\n")  # as iterating over the file splits it
        if raws[-1] == b"":  # the part's last line break ends its last line
            raws.pop()
        return [(number, *read) for number, raw in enumerate(raws, 1) if (read := jsonl_line(raw)) is not None], len(raws)

    def texts(self) -> list[str]:
        """The texts in ``text_column`` of these lines (the lines without one left out), for a first pass:
        none if the part cannot be read (the second pass reports it)."""
        with contextlib.suppress(InputError):
            return [text for _, record, _, _ in self.read()[0] if isinstance(text := record.get(self.text_column), str)]
        return []

    def estimated_segments(self) -> int:
        """About how many segments the part holds, without reading it (about a hundred bytes of JSON each)."""
        return (self.end - self.start) // 100


def check_columns(path: Path, columns: list, text_column: str, id_column: str | None = None) -> None:
    """Raise the error of a table (or a chunk of it) that has no ``text_column``, or no ``id_column`` (one the user named)."""
    for name, fix in ((text_column, "name the text column with --text-column"),
                      (id_column, "name the id column with --id-column, or leave it out to number the rows")):
        if name is not None and name not in columns:
            raise InputError(f"{path}: no column {name!r} (columns: {', '.join(map(str, columns))}); {fix}")


def jsonl_line(raw: bytes) -> tuple[dict, str | None, list[str]] | None:
    """One line of a JSONL file read: its record (``jsonl_record``), the line as read where the record
    is that line's JSON unchanged, and what is wrong with the line; None for a blank line."""
    problems = []
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.decode("utf-8", errors="replace")
        problems.append(f"bytes that are not UTF-8 (at byte {error.start} of the line) were replaced by U+FFFD in "
                        "the output; convert the file to UTF-8 to keep them")
    if not line.strip():
        return None
    record, problem = jsonl_record(line)
    if problem:
        problems.append(problem)
    # a record of no keys takes no added field after a comma
    return record, line.rstrip() if problem is None and record else None, problems


def jsonl_record(line: str) -> tuple[dict, str | None]:
    """The record a (not blank) JSONL line holds, and what is wrong with the line (None: nothing).

    A line that is not a JSON object becomes ``{"_raw_line": line}``; unpaired surrogate escapes
    in a record (not Unicode text) become U+FFFD.
    """
    try:
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError(f"expected a JSON object, found {type(record).__name__}")
    except ValueError as error:
        return {"_raw_line": line.rstrip("\r\n")}, (f"not a JSON object ({error}); the line is kept in the output "
                                                     "with an empty cleaned text")
    changed = lone_surrogate_keys(line, record)
    if not changed:
        return record, None
    return (json.loads(LONE_SURROGATE.sub("\ufffd", json.dumps(record, ensure_ascii=False))),
            f"unpaired surrogate escapes (\\ud800-\\udfff) in {', '.join(map(repr, changed))} are not Unicode text; "
            "they were replaced by U+FFFD and the row cleaned")


def _records_frame(records: list[dict]) -> pd.DataFrame:
    """JSON records as a frame that holds every value as it was read: an integer id stays an
    integer where another record lacks it (pandas would make the column float), an explicit null
    stays None and a key a record lacks becomes NaN (so a JSONL writer can leave it out again)."""
    return pd.DataFrame(records, dtype=object)


def lone_surrogate_keys(line: str, record: dict) -> list:
    """The keys of ``record``, read from the JSON ``line``, whose key or value holds an unpaired surrogate."""
    # no surrogate escape, so none (cheap: most lines hold no escape at all; paired ones are fine)
    if "\\u" not in line or ("\\ud" not in line and "\\uD" not in line):
        return []
    return [key for key, value in record.items()
            if LONE_SURROGATE.search(f"{key}{json.dumps(value, ensure_ascii=False)}")]


def _replace_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler "detector-replace": U+FFFD for bytes that are not UTF-8, counted."""
    global _replaced_bytes
    _replaced_bytes += 1
    return "\ufffd", error.end


_replaced_bytes = 0
codecs.register_error("detector-replace", _replace_bytes)


def discover_inputs(paths: list[str], text_column: str, id_column: str | None,
                    notes: list[str] | None = None) -> list[TextFile | TableFile]:
    """Turn command-line paths into inputs: text files, tables, folders of either, or stdin ('-').

    ``id_column`` None: a table's "id" column where it has one, else its row numbers; a name: that
    column, which every table must have.

    What a folder holds besides those is left out, and ``notes`` says so (hidden files and folders
    aside); it also notes a named file that looks like HTML, which is read as the text it is.
    """
    notes = [] if notes is None else notes
    if not paths or paths == ["-"]:
        return [TextFile(None)]
    inputs: list[TextFile | TableFile] = []
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            inputs.append(TextFile(None))
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            found = [p for p in files if p.suffix in _READ_SUFFIXES]
            if not found:
                raise InputError(f"{path}: the folder holds no {_READ_SUFFIX_NAMES} files")
            left = [str(p.relative_to(path)) for p in files if p.suffix not in _READ_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)]
            if left:
                notes.append(f"{path}: {len(left)} file(s) left out, not {_READ_SUFFIX_NAMES} "
                             f"({', '.join(left[:3])}{', ...' if len(left) > 3 else ''}); name a file to read it as text")
            inputs += [_input_for(p, p.relative_to(path), text_column, id_column) for p in found]
        elif path.is_file():
            if path.suffix.lower() in HTML_SUFFIXES:
                notes.append(f"{path}: read as plain text, tags and all; detector cleans the text of an article, "
                             "one paragraph a line: extract the page's text first")
            inputs.append(_input_for(path, Path(path.name), text_column, id_column))
        else:
            raise InputError(f"{path}: no such file or folder")
    return inputs


def _input_for(path: Path, relative: Path, text_column: str, id_column: str | None) -> TextFile | TableFile:
    if path.suffix in TABLE_SUFFIXES:
        return TableFile(path, text_column, id_column or "id", id_column_named=id_column is not None)
    return TextFile(path, relative)
