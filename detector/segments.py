"""Text -> segments: every non-blank line is one segment, with its span in the text.

A segment's ``text`` is its line with surrounding white space removed (spaces,
tabs, non-breaking spaces, zero-width characters); ``start`` and ``end`` index
that stripped text in the original string, so ``text == original[start:end]``.
``segment_table`` lays the segments of many texts out as one table, the rows a model reads: each
segment as ``markup.plain_lines`` reads it (Markdown markup taken off), and as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from .markup import may_hold_markup, plain_lines

# Characters that make a line look empty. str.isspace() misses the zero-width ones,
# which scrapers leave behind from HTML entities such as &#8203; and a BOM.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_BLANK = "".join(chr(c) for c in range(0x3100) if chr(c).isspace()) + _INVISIBLE
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Unpaired surrogates, which JSON escapes such as "\ud800" can put in a Python string: not
# Unicode text, so pandas and the features cannot hold them (json.loads joins paired escapes).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Segment:
    """One non-blank line of an article."""

    text: str
    start: int
    end: int


class Lines(NamedTuple):
    """The physical lines of a text as three parallel lists.

    ``contents[i]`` is line i without its line break, ``newlines[i]`` the break itself ("" after
    the last line), ``cores[i]`` the content stripped of white space ("" for a blank line).
    Lists, not one object per line: a batch splits hundreds of thousands of lines.
    """

    contents: list[str]
    newlines: list[str]
    cores: list[str]


@lru_cache(maxsize=256)
def split_lines(text: str) -> Lines:
    """Split ``text`` into physical lines; joining contents and newlines in turn gives the text back.

    Cached for the last few texts: labeling and cleaning an article both need its lines, so
    callers read the lists and never change them.
    """
    if "\r" in text:
        contents = _LINE_BREAK.split(text)
        newlines = _LINE_BREAK.findall(text) + [""]
    else:  # the common case, without a regular expression
        contents = text.split("\n")
        newlines = ["\n"] * (len(contents) - 1) + [""]
    if contents and contents[-1] == "":  # a final line break ends the last line, it does not start one
        contents.pop()
        newlines.pop()
    return Lines(contents, newlines, [line.strip(_BLANK) for line in contents])


def split_segments(text: str) -> list[Segment]:
    """Return the segments of ``text`` in order: one per non-blank line, stripped."""
    segments, start = [], 0
    for content, newline, core in zip(*split_lines(text)):
        if core:
            begin = start + content.find(core)
            segments.append(Segment(core, begin, begin + len(core)))
        start += len(content) + len(newline)
    return segments


def segment_texts(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The segments of every text as written, in order, as one list, and each text's segment count."""
    cores = _text_cores(texts)
    counts = np.fromiter(map(len, cores), dtype=np.int64, count=len(cores))
    return [core for text_cores in cores for core in text_cores], counts


def segment_table(texts: Sequence[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per segment of every text (doc_id: the text's index, position, text: the segment as the model and
    the rules read it, ``markup.plain_lines``; written: as written), and each text's segment count."""
    cores = _text_cores(texts)
    counts = np.fromiter(map(len, cores), dtype=np.int64, count=len(cores))
    starts = np.cumsum(counts) - counts
    read = [plain_lines(text_cores) if may_hold_markup(text) else text_cores for text, text_cores in zip(texts, cores)]
    frame = pd.DataFrame({
        "doc_id": np.repeat(np.arange(len(texts)), counts),
        "position": np.arange(int(counts.sum())) - np.repeat(starts, counts),
        "text": pd.Series([line for text_lines in read for line in text_lines], dtype=object),
        "written": pd.Series([core for text_cores in cores for core in text_cores], dtype=object),
    })
    return frame, counts


def _text_cores(texts: Sequence[str]) -> list[list[str]]:
    """The segments of each text, as written."""
    return [[core for core in split_lines(text).cores if core] for text in texts]
