"""Text -> segments: every non-blank line is one segment, with its span in the text.

A segment's ``text`` is its line with surrounding white space removed (spaces,
tabs, non-breaking spaces, zero-width characters); ``start`` and ``end`` index
that stripped text in the original string, so ``text == original[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that make a line look empty. str.isspace() misses the zero-width ones,
# which scrapers leave behind from HTML entities such as &#8203; and a BOM.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CORE = re.compile(rf"[^\s{_INVISIBLE}](?:.*[^\s{_INVISIBLE}])?", re.DOTALL)


@dataclass(frozen=True)
class Segment:
    """One non-blank line of an article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Line:
    """One physical line: ``content`` without its line break, ``newline`` the break itself."""

    start: int
    content: str
    newline: str
    segment: Segment | None


def split_lines(text: str) -> list[Line]:
    """Split ``text`` into physical lines; joining content + newline gives the text back."""
    lines = []
    for match in _LINE.finditer(text):
        raw = match.group()
        if not raw:
            break  # the empty match at the very end
        body = raw.rstrip("\r\n")
        core = _CORE.search(body)
        segment = None
        if core:
            start = match.start() + core.start()
            segment = Segment(core.group(), start, start + len(core.group()))
        lines.append(Line(match.start(), body, raw[len(body):], segment))
    return lines


def split_segments(text: str) -> list[Segment]:
    """Return the segments of ``text`` in order: one per non-blank line, stripped."""
    return [line.segment for line in split_lines(text) if line.segment is not None]
