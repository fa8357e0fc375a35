"""The `detector` command: a thin shell over the library. Only this module prints errors and picks exit codes."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import json
import math
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pandas as pd

from . import training
from .comments import COMMENT_CONFIDENCE_DEFAULT
from .errors import DetectorError, InputError
from .evaluation import GROUP_COLUMNS
from .headlines import HEADLINE_OVERLAP_DEFAULT
from .io import (
    JSONL_PARTS_PER_CALL, TABLE_SUFFIXES, TEXT_SUFFIXES, JsonlPart, TableFile, TextFile, atomic_path, check_columns,
    discover_inputs, write_text_atomic,
)
from .markers import MARKER_CONFIDENCE_DEFAULT
from .persistence import load_model
from .pipeline import (
    BLOCK_CONFIDENCE_DEFAULT, CRYPTO_MIN_CONFIDENCE, CRYPTO_PROMO_CONFIDENCE, DISCLAIMER_CONFIDENCE_DEFAULT,
    GAP_CONFIDENCE_DEFAULT, KEEP_DEFAULT, MIN_CONFIDENCE_DEFAULT, SEGMENT_COLUMNS, STORY_CONFIDENCE_DEFAULT, Thresholds,
    batches, classify_batches, clean_batches, clean_texts, Workers, count_batches, line_count, over_batches,
    reuse_freed_memory, segment_frame,
)
from .repeats import REPEAT_CONFIDENCE_DEFAULT, REPEAT_DOCUMENTS_DEFAULT, REPEAT_LONG_CHARS, RepeatedLines

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # as a shell reports a command that SIGPIPE ended (128 + 13)
COUNT_BATCH_SEGMENTS = 20_000  # lines counted at a time in the first pass (counting has a cost per call)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["train"]:
        return training.main(argv[1:])
    args = _parser().parse_args(argv)
    reuse_freed_memory()
    try:
        if args.command == "evaluate":
            return _evaluate(args)
        run = Run(args)
        run.execute()
    except DetectorError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("interrupted; files already written are complete, the rest were not written", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of standard output (`| head`) closed it: stop quietly, as `cat` does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit's flush then writes nowhere
        return EXIT_BROKEN_PIPE
    for problem in run.problems:
        print(f"error: {problem}", file=sys.stderr)
    if run.problems:
        print(f"{len(run.problems)} problem(s); everything else was written", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK


def _version() -> str:
    """The installed package's version ("unknown" when run from a folder that was never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("detector")
    except PackageNotFoundError:
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="detector", description="Keep the journalism of scraped news articles.")
    parser.add_argument("--version", action="version", version=f"detector {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("clean", "write cleaned articles (editorial segments only)"),
                            ("classify", "write one row per segment with its label, confidence and deciding rule"),
                            ("evaluate", "score a model on labeled segments, decided as clean decides them")):
        sub = commands.add_parser(name, help=help_text)
        if name == "evaluate":
            sub.add_argument("paths", nargs="+", metavar="PATH",
                             help="labeled data: documents JSONL, tables of doc_id, position, text, label (.csv, "
                                  ".jsonl, .parquet; what `detector classify` writes, its labels corrected), or "
                                  "folders of them")
            sub.add_argument("--errors", metavar="FILE",
                             help="write the segments whose keep the gold label contradicts (story lost, junk kept), "
                                  "with the label, confidence and rule that decided them, to this .csv, .jsonl or "
                                  ".parquet table")
            sub.add_argument("--json", metavar="FILE", help="also write the figures to this JSON file")
            sub.add_argument("--by", choices=GROUP_COLUMNS,
                             help="also give the removal figures per language or per source site, as the labeled "
                                  "data names them")
        else:
            sub.add_argument("paths", nargs="*", metavar="PATH",
                             help=".txt or .md files (Markdown is read as plain text), folders, .jsonl/.csv/.parquet "
                                  "tables, or - for stdin (the default)")
            sub.add_argument("-o", "--output", metavar="PATH",
                             help="output folder or file; without it, one text (or stdin) is written to stdout")
            sub.add_argument("--text-column", default="text", help="text column of tables (default: %(default)s)")
            sub.add_argument("--id-column", help="id column of tables (default: \"id\" where a table has one, else "
                                                  "row numbers)")
        sub.add_argument("--keep", nargs="+", default=list(KEEP_DEFAULT), metavar="LABEL",
                         help="labels to keep (default: %(default)s)")
        sub.add_argument("--min-confidence", type=float,
                         help="remove a segment when the labels outside --keep have at least this probability "
                              f"(default: the model's own, {CRYPTO_MIN_CONFIDENCE} for the bundled crypto model and "
                              f"the documents auto gives it, else {MIN_CONFIDENCE_DEFAULT}; higher keeps more)")
        sub.add_argument("--block-confidence", type=float, default=BLOCK_CONFIDENCE_DEFAULT,
                         help="also remove a segment at this probability or more when it sits in an unbroken run of "
                              "such segments that holds one removed at --min-confidence, like an ad's bullets under "
                              "its headline (default: %(default)s; set it to --min-confidence to turn runs off)")
        sub.add_argument("--story-confidence", type=float, default=STORY_CONFIDENCE_DEFAULT,
                         help="never remove a segment that the model's first stage, reading it alone, gives at least "
                              "this probability on the --keep labels, whatever its neighbours suggest (default: "
                              "%(default)s; lower keeps more, 1 turns it off)")
        sub.add_argument("--promo-confidence", type=float,
                         help="also remove a segment when the promo label alone has at least this probability "
                              f"(default: the model's own, {CRYPTO_PROMO_CONFIDENCE} for the bundled crypto model and "
                              "the documents auto gives it, where ads in the story's voice sit; off for the others; "
                              "1 turns it off)")
        sub.add_argument("--gap-confidence", type=float, default=GAP_CONFIDENCE_DEFAULT,
                         help="also remove a segment between two segments removed as promo when the labels outside "
                              "--keep have at least this probability, like an ad's pitch between its headline and "
                              "its bullets (default: %(default)s; 1 turns it off)")
        sub.add_argument("--repeat-documents", type=int, default=REPEAT_DOCUMENTS_DEFAULT, metavar="N",
                         help="a line that N different documents of the inputs hold is the sites' furniture and goes "
                              "at --repeat-confidence" + ("" if name == "evaluate" else
                                                          "; the inputs are read twice, once to count") +
                              " (default: %(default)s; 0 turns it off)")
        sub.add_argument("--repeat-confidence", type=float, default=REPEAT_CONFIDENCE_DEFAULT,
                         help="remove a repeated line when the labels outside --keep have at least this probability, "
                              f"and one of {REPEAT_LONG_CHARS} characters or more (a site's disclaimer under every "
                              "story) whatever they have (default: %(default)s; 1 keeps repeated lines like any other)")
        sub.add_argument("--comment-confidence", type=float, default=COMMENT_CONFIDENCE_DEFAULT,
                         help="remove a line of a reader-comment section (from a header such as \"Comments (41)\" "
                              "or \"Leave a Reply\" after the story to the end of the article) when the labels outside "
                              "--keep have at least this probability (default: %(default)s, all of it except what "
                              "--story-confidence keeps; 1 treats comments like the rest)")
        sub.add_argument("--marker-confidence", type=float, default=MARKER_CONFIDENCE_DEFAULT,
                         help="remove a line that says what it is, an ad label (\"Advertisement\", \"Anzeige\", "
                              "\"광고\" ...: promo), a link, tag, credit or date head (\"Read also: ...\", \"Tags: "
                              "...\", \"Foto: ...\", \"Updated: ...\", and a list of headlines under "
                              "\"Related articles\" or a site's \"Disclaimer: ...\": boilerplate) or a byline "
                              "(\"By: ...\": bio), and the lines of a scraper's header above the text "
                              "(\"Title: ...\", \"URL Source: ...\", front matter between \"---\" lines), "
                              "unless --keep holds that label, when the labels outside --keep have at "
                              "least this probability (default: %(default)s, every one except what "
                              "--story-confidence keeps; 1 treats them like any other line)")
        sub.add_argument("--disclaimer-confidence", type=float, default=DISCLAIMER_CONFIDENCE_DEFAULT,
                         help="remove an ad's risk warning next to a line removed as promo (\"You could lose all "
                              "the money you invest\") and a site's disclaimer at either end of the kept text, a "
                              "line with a phrase such as \"This article is not investment advice\", \"The views "
                              "expressed are the author's own\" or \"We may earn a commission\" (not in quotation "
                              "marks), when the labels outside --keep have at least this probability (default: "
                              "%(default)s, any, even where the first stage reads it as story; 1 turns it off)")
        sub.add_argument("--headline-overlap", type=float, default=HEADLINE_OVERLAP_DEFAULT,
                         help="keep the story's headline where a run of page furniture took it: a line above the "
                              "story's first long paragraph that reads like a headline and whose words the story "
                              "repeats, at least this share of them (default: %(default)s; lower keeps more, 1 turns "
                              "it off)")
        sub.add_argument("--model", metavar="FILE_OR_NAME", default="auto",
                         help="a model saved by `detector train`, or a bundled model: auto (crypto news to crypto, "
                              "the rest to general), general, or crypto (built on first use; default: %(default)s)")
        if name == "evaluate":
            continue
        sub.add_argument("-j", "--jobs", type=int, default=1,
                         help="processes to label with; -1 uses every core (default: %(default)s)")
        sub.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
        if name == "clean":
            sub.add_argument("--output-column", default="clean_text",
                             help="column added to tables for the cleaned text (default: %(default)s)")
    commands.add_parser("train", help="retrain the model (see `detector train --help`)", add_help=False)
    return parser


def _chosen_thresholds(args: argparse.Namespace) -> Thresholds:
    """The ``Thresholds`` the flags name, checked (and --repeat-documents with them)."""
    chosen = {field.name: getattr(args, field.name) for field in dataclasses.fields(Thresholds)}
    for name, value in chosen.items():  # every setting but keep is a probability, each named as its flag
        if name != "keep" and value is not None and not 0.0 <= value <= 1.0:
            raise InputError(f"--{name.replace('_', '-')} must be between 0 and 1, got {value}")
    if args.repeat_documents < 0 or args.repeat_documents == 1:
        raise InputError(f"--repeat-documents must be 0 (off) or at least 2, got {args.repeat_documents}")
    return Thresholds(**chosen)


def _chosen_model(args: argparse.Namespace):
    """The model --model names, loaded, once --keep is checked against its labels."""
    model = load_model(args.model)
    unknown = set(args.keep) - set(map(str, model.classes_))
    if unknown:
        raise InputError(f"--keep names label(s) the model does not know: {', '.join(sorted(unknown))}; "
                         f"its labels are {', '.join(map(str, model.classes_))}")
    return model


def _evaluate(args: argparse.Namespace) -> int:
    """`detector evaluate`: print the figures of the model on the labeled data; write its mistakes if asked."""
    from .data import read_labeled_files, write_table
    from .evaluation import evaluate_frame, format_figures, format_group_figures, group_figures, mistakes

    thresholds = _chosen_thresholds(args)
    if args.errors is not None and Path(args.errors).suffix not in (".csv", ".jsonl", ".parquet"):
        raise InputError(f"{args.errors}: name the table of mistakes .csv, .jsonl or .parquet")
    for output in (args.errors, args.json):
        if output is not None and not Path(output).parent.is_dir():
            raise InputError(f"{output}: no folder {Path(output).parent} to write it in; create it first")
    frame = read_labeled_files(args.paths)
    model = _chosen_model(args)
    figures, decided = evaluate_frame(frame, model, thresholds, args.repeat_documents)
    print(f"detector evaluate, model {args.model}: " + format_figures(figures, thresholds.keep), end="")
    if args.by is not None:
        figures[f"by_{args.by}"] = group_figures(decided, args.by, thresholds.keep)
        print("\n" + format_group_figures(figures[f"by_{args.by}"], args.by), end="")
    if args.errors is not None:
        wrong = mistakes(decided, thresholds.keep)
        write_table(wrong.assign(confidence=wrong["confidence"].round(4)), args.errors)
        print(f"\n{len(wrong):,} mistakes written to {args.errors}")
    if args.json is not None:
        report = {"model": args.model, "settings": dataclasses.asdict(thresholds),
                  "repeat_documents": args.repeat_documents, "data": [str(path) for path in args.paths], **figures}
        write_text_atomic(Path(args.json), json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    return EXIT_OK


class Run:
    """One `detector clean` or `detector classify` over all its inputs; problems are collected, not fatal."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.problems: list[str] = []
        self.thresholds = _chosen_thresholds(args)
        self.inputs = discover_inputs(args.paths, args.text_column, args.id_column, notes := [])
        for note in notes:  # shown at once: a long run should not hide what it leaves out
            print(f"note: {note}", file=sys.stderr)
        self.to_stdout = args.output is None
        if self.to_stdout and (len(self.inputs) > 1 or isinstance(self.inputs[0], TableFile)) \
                and args.command == "clean":
            raise InputError("several inputs or a table need an output: add -o FOLDER (or -o FILE for one table)")
        if args.command == "clean" and args.output is not None and not self._one_output_file() \
                and Path(args.output).is_file():
            raise InputError(f"{args.output} is a file, and these inputs need an output folder: -o FOLDER")
        self.model = _chosen_model(args)

    def execute(self) -> None:
        texts = [i for i in self.inputs if isinstance(i, TextFile)]
        tables = [i for i in self.inputs if isinstance(i, TableFile)]
        with Workers(self.model, self.args.jobs) as self.workers:  # started once, for both passes
            self.repeats = self._count_repeats(texts, tables)
            if texts:
                self._run_texts(texts)
            for table in tables:
                self._run_table(table)

    def _count_repeats(self, texts: list[TextFile], tables: list[TableFile]) -> RepeatedLines | None:
        """The lines repeated across all the inputs (standard input aside: it cannot be read twice).

        A first pass over the inputs; what it cannot read is left to the second, which reports it.
        JSONL tables go to the workers as parts of the file, which they read themselves
        (``io.JsonlPart``); the other inputs as texts.
        """
        files = [file for file in texts if file.path is not None]
        if not self.args.repeat_documents or (not tables and len(files) < 2):
            return None
        repeats = RepeatedLines(self.args.repeat_documents)
        jsonl = [table for table in tables if table.path.suffix == ".jsonl"]

        def every_text():
            for file in files:
                with contextlib.suppress(InputError, OSError):
                    yield file.read()
            for table in tables:
                if table not in jsonl:
                    with contextlib.suppress(InputError):
                        for chunk in dataclasses.replace(table, problems=[]).chunks():
                            yield from (text for text in chunk[table.text_column] if isinstance(text, str))

        def every_part():
            for table in jsonl:
                with contextlib.suppress(InputError):
                    yield from table.jsonl_parts()

        progress = self._progress(None, "articles counted for repeated lines")
        for items, read, lines in ((every_text(), None, line_count),
                                   (every_part(), JsonlPart.texts, JsonlPart.estimated_segments)):
            for counted_parts in count_batches(batches(items, COUNT_BATCH_SEGMENTS, lines), self.args.jobs, read, lines,
                                               self.workers):
                for counted, n_texts in counted_parts:
                    repeats.add_counted(counted)
                    progress.update(n_texts)
        progress.close()
        return repeats

    # -- texts ---------------------------------------------------------------------------
    def _run_texts(self, files: list[TextFile]) -> None:
        """Read, label and write text files a batch at a time, so memory stays flat over many files."""
        progress = self._progress(len(files), "articles")
        file_batches = _Remember(batches(self._read_all(files), lines=lambda pair: line_count(pair[1])))
        with self._segment_sink() as write_segments:
            for results in self._run_model([text for _, text in batch] for batch in file_batches):
                batch = file_batches.taken.pop(0)
                if self.args.command == "clean":
                    for (file, _), cleaned in zip(batch, results):
                        self._write_clean_text(file, cleaned)
                else:
                    write_segments(self._segment_table([file.name for file, _ in batch], results))
                progress.update(len(batch))
        progress.close()

    @contextlib.contextmanager
    def _segment_sink(self):
        """A function that appends segment rows to the output table (or stdout as CSV), written atomically."""
        if self.args.command != "classify":
            yield None
            return
        if self.args.output is None:
            header = [True]

            def to_stdout(frame: pd.DataFrame) -> None:
                frame.to_csv(sys.stdout, header=header[0], index=False)
                header[0] = False

            yield to_stdout
            if header[0]:
                pd.DataFrame(columns=SEGMENT_COLUMNS).to_csv(sys.stdout, index=False)
            return
        path = Path(self.args.output)
        if path.suffix not in (".csv", ".jsonl", ".parquet"):
            raise InputError(f"{path}: name the segment table .csv, .jsonl or .parquet")
        with atomic_path(path) as tmp:
            writer = _ChunkWriter(tmp, path.suffix)
            yield writer.write
            writer.close()

    def _read_all(self, files: list[TextFile]) -> Iterator[tuple[TextFile, str]]:
        for file in files:
            try:
                yield file, file.read()
            except InputError as error:
                self.problems.append(str(error))
            except OSError as error:
                self.problems.append(f"{file.name}: cannot be read ({error.strerror})")

    def _one_output_file(self) -> bool:
        """Whether -o names the one output file of the one input (a text file to .txt or .md, a table
        to a table file), not a folder to write into."""
        out = Path(self.args.output)
        if len(self.inputs) != 1 or out.is_dir():
            return False
        suffixes = TEXT_SUFFIXES if isinstance(self.inputs[0], TextFile) else TABLE_SUFFIXES
        return out.suffix in suffixes

    def _write_clean_text(self, file: TextFile, cleaned: str) -> None:
        if self.to_stdout:
            sys.stdout.write(cleaned)
            sys.stdout.flush()
            return
        out = Path(self.args.output)
        write_text_atomic(out if self._one_output_file() else out / (file.relative or "stdin.txt"), cleaned)

    # -- tables --------------------------------------------------------------------------
    def _run_table(self, table: TableFile) -> None:
        target = self._table_target(table)
        if self.args.command == "clean" and table.path.suffix == target.suffix == ".jsonl":
            self._run_jsonl_clean(table, target)
            return
        with self._table_run(table) as progress, atomic_path(target) as tmp:
            writer = _ChunkWriter(tmp, target.suffix)
            chunks = _Remember(table.chunks())
            texts = ([t if isinstance(t, str) else "" for t in chunk[table.text_column]] for chunk in chunks)
            for results in self._run_model(texts):
                chunk = chunks.taken.pop(0)
                writer.write(self._table_result(table, chunk, results))
                progress.update(len(chunk))
            writer.close()

    def _run_jsonl_clean(self, table: TableFile, target: Path) -> None:
        """Clean a JSONL table into a JSONL file: the workers read their parts of the table, clean them
        and send back the output lines (``_clean_jsonl_parts``); this process writes them in order."""
        # a part per worker at a time; without workers, a few parts to one model call
        group = self.workers.jobs if self.workers.jobs > 1 else JSONL_PARTS_PER_CALL
        choices = (self.thresholds, self.repeats, self.args.output_column)
        lines_before = rows_before = 0
        columns: dict = {}  # every key the records hold
        with (self._table_run(table) as progress, atomic_path(target) as tmp,
              open(tmp, "w", encoding="utf-8") as sink):
            parts = table.jsonl_parts()
            part_groups = iter(lambda: list(itertools.islice(parts, group)), [])
            for cleaned_parts in over_batches(_clean_jsonl_parts, part_groups, self.model, choices, self.args.jobs,
                                              JsonlPart.estimated_segments, self.workers):
                for part in cleaned_parts:
                    sink.write(part.lines)
                    table.problems += [f"{table.path}:{lines_before + number}: {problem}"
                                       for number, problem in part.line_problems]
                    self.problems += [f"{table.path}: row {rows_before + number}: {problem}"
                                      for number, problem in part.row_problems]
                    lines_before, rows_before = lines_before + part.n_lines, rows_before + part.n_rows
                    columns.update(dict.fromkeys(part.columns))
                    progress.update(part.n_rows)
            if rows_before:  # a table whose records never hold the column is named wrong: nothing is written
                check_columns(table.path, list(columns), table.text_column, table.named_id_column)

    @contextlib.contextmanager
    def _table_run(self, table: TableFile):
        """Around one table's run: a progress bar (yielded) closed at the end; an input error stops the
        table and becomes a problem; the table's own problems (bad lines or rows) are added after."""
        progress = self._progress(None, f"rows of {table.path.name}")
        try:
            yield progress
        except InputError as error:
            self.problems.append(str(error))
        finally:
            progress.close()
        self.problems += table.problems

    def _table_target(self, table: TableFile) -> Path:
        if self.args.output is None:  # classify with no -o: a table beside nothing is not allowed
            raise InputError("a table needs an output: add -o FILE (.csv, .jsonl or .parquet)")
        out = Path(self.args.output)
        if self._one_output_file():
            return out
        return out / (table.path.name if self.args.command == "clean" else f"{table.path.stem}.segments.csv")

    def _segment_table(self, doc_ids, labeled) -> pd.DataFrame:
        """The output rows of labeled documents, confidence rounded to 4 digits."""
        return segment_frame(doc_ids, labeled, self.args.model, confidence_digits=4)

    def _run_model(self, text_batches):
        """Labeled segments per text (classify), or the cleaned texts (clean)."""
        run = clean_batches if self.args.command == "clean" else classify_batches
        return run(text_batches, self.model, self.thresholds, self.repeats, self.args.jobs, self.workers)

    def _table_result(self, table: TableFile, chunk: pd.DataFrame, results) -> pd.DataFrame:
        """The output rows of one chunk: its segments (classify) or the chunk with a cleaned column (clean)."""
        texts = chunk[table.text_column]
        present = texts.map(lambda t: isinstance(t, str))
        for row in chunk.loc[~present, "_row"]:
            if "_raw_line" not in chunk.columns or pd.isna(chunk.loc[chunk["_row"] == row, "_raw_line"]).all():
                self.problems.append(f"{table.path}: row {row}: "
                                     + _no_text(table.text_column, self.args.command,
                                                getattr(self.args, "output_column", "")))  # classify has none
        ids = chunk[table.id_column] if table.id_column else chunk["_row"]
        if self.args.command == "classify":
            return self._segment_table(ids, results)
        out = chunk.drop(columns=["_row"])
        out[self.args.output_column] = pd.Series([cleaned if ok else None for ok, cleaned in zip(present, results)],
                                                 index=out.index, dtype=object)  # None: null, not a missing key
        return out

    def _progress(self, total: int | None, unit: str):
        if self.args.quiet:
            return _NoProgress()
        from tqdm import tqdm

        tqdm.monitor_interval = 0  # no monitor thread: a process with one thread can fork its workers
        return tqdm(total=total, unit=f" {unit}", disable=None, file=sys.stderr, leave=False)  # shown on a terminal only


class _NoProgress:
    """The progress bar of a quiet run: does nothing, and spares importing tqdm."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class _Remember:
    """Pass items through, keeping the ones taken until the caller pops them (chunks awaiting their labels)."""

    def __init__(self, items):
        self.items, self.taken = iter(items), []

    def __iter__(self):
        return self

    def __next__(self):
        item = next(self.items)
        self.taken.append(item)
        return item


class _ChunkWriter:
    """Append DataFrame chunks to one CSV, JSONL or Parquet file."""

    def __init__(self, path: Path, suffix: str):
        self.path, self.suffix = path, suffix
        self.parquet = None
        self.first = True

    def write(self, frame: pd.DataFrame) -> None:
        if self.suffix == ".csv":
            frame.to_csv(self.path, mode="w" if self.first else "a", header=self.first, index=False)
        elif self.suffix == ".jsonl":
            with open(self.path, "w" if self.first else "a", encoding="utf-8") as handle:
                handle.write("".join(map(_json_line, frame.to_dict("records"))))
        elif self.suffix == ".parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            try:
                batch = pa.Table.from_pandas(_scalars_as_text(frame), preserve_index=False)
                if self.parquet is None:
                    self.parquet = pq.ParquetWriter(self.path, batch.schema)
                self.parquet.write_table(batch.cast(self.parquet.schema))
            except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as error:
                raise InputError(f"{self.path.name}: this table cannot be written as Parquet ({error}); "
                                 "write it as .jsonl or .csv instead") from None
        else:
            raise InputError(f"{self.path}: write tables as .csv, .jsonl or .parquet")
        self.first = False

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()
        elif self.first:
            self.path.write_text("", encoding="utf-8")


def _scalars_as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every column of JSON scalars that are not all strings (ids 1 and "b" from JSONL)
    as text, so that a Parquet column has one type in every chunk; other columns as they are."""
    scalar = (str, int, float, bool)
    for name in frame.columns[frame.dtypes == object]:
        values = frame[name].dropna()
        if len(values) and all(isinstance(v, scalar) for v in values) and not all(isinstance(v, str) for v in values):
            frame = frame.assign(**{name: frame[name].map(lambda v: v if v is None or v != v else str(v))})
    return frame


@dataclasses.dataclass
class _CleanedPart:
    """A part of a JSONL table cleaned: its output lines, its problems (each with its line's number, or
    its row's, within the part), its numbers of lines and of rows (records), and its records' keys."""

    lines: str
    line_problems: list[tuple[int, str]]
    row_problems: list[tuple[int, str]]
    n_lines: int
    n_rows: int
    columns: list  # the keys its records hold, in the order first seen


def _no_text(text_column: str, command: str, output_column: str) -> str:
    """What a row whose ``text_column`` holds no text gets, said as its problem."""
    if command == "classify":
        return f"{text_column!r} is empty or not text; the row has no segments in the output"
    return f"{text_column!r} is empty or not text; the row is kept with {output_column!r} null (an empty cell in CSV)"


def _clean_jsonl_parts(parts: list[JsonlPart], model, thresholds: Thresholds, repeats: RepeatedLines | None,
                       column: str) -> list[_CleanedPart]:
    """Read, clean and write parts of a JSONL table, all their texts in one labeling call.

    Each record comes out as its line was read with the cleaned text as ``column`` before its
    closing brace, so the user's record keeps its bytes; a record that was mended, holds ``column``
    already or has no keys is written afresh (``_json_line``). A row without text keeps an empty
    result (null).
    """
    read = [part.read() for part in parts]
    texts = [record.get(part.text_column) for part, (rows, _) in zip(parts, read) for _, record, _, _ in rows]
    cleaned = iter(clean_texts([text if isinstance(text, str) else "" for text in texts], model, thresholds, repeats))
    field = f", {json.dumps(column, ensure_ascii=False)}: "
    results = []
    for part, (rows, n_lines) in zip(parts, read):
        lines, line_problems, row_problems = [], [], []
        for row, (number, record, source, problems) in enumerate(rows, 1):
            text, value = record.get(part.text_column), next(cleaned)
            if not isinstance(text, str):
                value = None
                if "_raw_line" not in record:  # a broken line is reported as such
                    row_problems.append((row, _no_text(part.text_column, "clean", column)))
            line_problems += [(number, problem) for problem in problems]
            if source is not None and column not in record:
                lines.append(f"{source[:-1]}{field}{json.dumps(value, ensure_ascii=False)}}}\n")
            else:
                lines.append(_json_line({**record, column: value}))
        columns = list(dict.fromkeys(key for _, record, _, _ in rows for key in record))
        results.append(_CleanedPart("".join(lines), line_problems, row_problems, n_lines, len(rows), columns))
    return results


def _json_line(row: dict) -> str:
    """One table row as a JSONL line; a key whose value is NaN was not in that input record
    (``io._records_frame``): it is left out again.

    json.dumps rather than DataFrame.to_json: numbers come out as they came in (to_json rounds
    floats to 10 digits), and it is about twice as fast."""
    return json.dumps({key: _json_value(value) for key, value in row.items()
                       if not (isinstance(value, float) and math.isnan(value))},
                      ensure_ascii=False, default=_json_value) + "\n"


def _json_value(value):
    """A table cell as JSON can hold it: missing values (NaN, None, NA) become null, numpy scalars plain numbers."""
    if isinstance(value, float) and math.isnan(value) or value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    if isinstance(value, (str, int, float, bool, list, dict)):
        return value
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
