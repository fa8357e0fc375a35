"""Labels -> cleaned article: the original text with the removed segments cut out."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from .segments import split_lines


def clean_article(text: str, keep: Sequence[bool]) -> str:
    """Cut the segments whose ``keep`` flag is False out of ``text``.

    Kept lines come out byte for byte, indentation included. Where nothing was
    removed between two kept lines the original gap is kept as it was; where
    something was, the gap becomes one line break, or one empty line if it held
    a paragraph break. A text with nothing removed comes back unchanged.
    """
    contents, newlines, cores = split_lines(text)
    n_segments = len(cores) - cores.count("")
    if len(keep) != n_segments:
        raise ValueError(f"the text has {n_segments} segments but keep has {len(keep)} flags")
    if all(keep):
        return text

    segment_lines = [i for i, core in enumerate(cores) if core]
    kept_at = [line for line, flag in zip(segment_lines, keep) if flag]
    if not kept_at:
        return ""
    removed = [False] * len(cores)  # per line: a segment that is cut
    for line, flag in zip(segment_lines, keep):
        if not flag:
            removed[line] = True
    # how many removed segments, and how many blank lines, come before each line (and after the last)
    removed_before = [0, *accumulate(removed)]
    blank_before = [0, *accumulate(not core for core in cores)]

    out: list[str] = []
    first = kept_at[0]
    if not removed_before[first]:
        out.extend(_raw(contents, newlines, range(first)))
    for here, there in zip(kept_at, kept_at[1:] + [len(contents)]):
        out.append(contents[here])
        if removed_before[there] == removed_before[here + 1]:  # nothing cut between the two
            out.append(newlines[here])
            out.extend(_raw(contents, newlines, range(here + 1, there)))
        elif there < len(contents):
            blank = blank_before[there] > blank_before[here + 1]
            out.append(newlines[here] * 2 if blank else newlines[here])
        elif newlines[-1]:
            out.append(newlines[here])  # the text ended with a line break: so does the result
    return "".join(out)


def _raw(contents: list[str], newlines: list[str], lines: range) -> list[str]:
    """The given lines exactly as they were, each with its line break."""
    return [contents[i] + newlines[i] for i in lines]
