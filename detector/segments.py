"""Text -> segments: every non-blank line is one segment, with its span in the text.

A segment's ``text`` is its line with surrounding white space removed (spaces,
tabs, non-breaking spaces, zero-width characters); ``start`` and ``end`` index
that stripped text in the original string, so ``text == original[start:end]``.
``segment_table`` lays the segments of many texts out as one table, the rows a model reads: each
segment as ``markup.read_document`` reads it (Markdown markup taken off).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from .markup import read_document

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
    """The segments of every text as the model and the rules read them (``markup.read_document``: Markdown markup
    taken off), in order, as one list, and each text's segment count."""
    cores = [[core for core in split_lines(text).cores if core] for text in texts]
    counts = np.fromiter(map(len, cores), dtype=np.int64, count=len(cores))
    return [line for text_cores in cores for line in read_document(text_cores)], counts


def segment_table(texts: Sequence[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """One row per segment of every text (doc_id: the text's index, position, text: as ``segment_texts`` reads
    it), and each text's segment count."""
    segments, counts = segment_texts(texts)
    starts = np.cumsum(counts) - counts
    frame = pd.DataFrame({
        "doc_id": np.repeat(np.arange(len(texts)), counts),
        "position": np.arange(len(segments)) - np.repeat(starts, counts),
        "text": pd.Series(segments, dtype=object),
    })
    return frame, counts
