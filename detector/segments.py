"""Text -> segments: every non-blank line is one segment, with its span in the text.

A segment's ``text`` is its line with surrounding white space removed (spaces,
tabs, non-breaking spaces, zero-width characters); ``start`` and ``end`` index
that stripped text in the original string, so ``text == original[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

# Characters that make a line look empty. str.isspace() misses the zero-width ones,
# which scrapers leave behind from HTML entities such as &#8203; and a BOM.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_BLANK = "".join(chr(c) for c in range(0x3100) if chr(c).isspace()) + _INVISIBLE
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Segment:
    """One non-blank line of an article."""

    text: str
    start: int
    end: int


class Line(NamedTuple):
    """One physical line: ``content`` without its line break, ``newline`` the break itself.

    ``core`` is the content stripped of white space ("" for a blank line) and starts at
    ``core_start`` in the text. A tuple, not a dataclass: a batch splits hundreds of
    thousands of lines, and tuples are several times cheaper to make.
    """

    start: int
    content: str
    newline: str
    core: str
    core_start: int


@lru_cache(maxsize=256)
def split_lines(text: str) -> tuple[Line, ...]:
    """Split ``text`` into physical lines; joining content + newline gives the text back.

    Cached for the last few texts: labeling and cleaning an article both need its lines.
    """
    if "\r" in text:
        parts = _LINE_BREAK.split(text)
        breaks = _LINE_BREAK.findall(text) + [""]
    else:  # the common case, without a regular expression
        parts = text.split("\n")
        breaks = ["\n"] * (len(parts) - 1) + [""]
    if parts and parts[-1] == "":  # a final line break ends the last line, it does not start one
        parts.pop()
        breaks.pop()
    lines, start = [], 0
    for body, newline in zip(parts, breaks):
        core = body.strip(_BLANK)
        begin = start + body.find(core) if core else start
        lines.append(Line(start, body, newline, core, begin))
        start += len(body) + len(newline)
    return tuple(lines)


def split_segments(text: str) -> list[Segment]:
    """Return the segments of ``text`` in order: one per non-blank line, stripped."""
    return [Segment(line.core, line.core_start, line.core_start + len(line.core))
            for line in split_lines(text) if line.core]
