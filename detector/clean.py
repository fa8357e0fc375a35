"""Labels -> cleaned article: the original text with the removed segments cut out."""

from __future__ import annotations

from collections.abc import Sequence

from .segments import split_lines


def clean_article(text: str, keep: Sequence[bool]) -> str:
    """Cut the segments whose ``keep`` flag is False out of ``text``.

    Kept lines come out byte for byte, indentation included. Where nothing was
    removed between two kept lines the original gap is kept as it was; where
    something was, the gap becomes one line break, or one empty line if it held
    a paragraph break. A text with nothing removed comes back unchanged.
    """
    contents, newlines, cores = split_lines(text)
    n_segments = sum(1 for core in cores if core)
    if len(keep) != n_segments:
        raise ValueError(f"the text has {n_segments} segments but keep has {len(keep)} flags")
    if all(keep):
        return text

    flags = iter(keep)
    removed = [bool(core) and not next(flags) for core in cores]  # per line: a segment that is cut
    kept_at = [i for i, core in enumerate(cores) if core and not removed[i]]
    if not kept_at:
        return ""

    out: list[str] = []
    first = kept_at[0]
    if not any(removed[:first]):
        out.extend(_raw(contents, newlines, range(first)))
    for here, there in zip(kept_at, kept_at[1:] + [len(contents)]):
        gap = range(here + 1, there)
        out.append(contents[here])
        if not any(removed[i] for i in gap):
            out.append(newlines[here])
            out.extend(_raw(contents, newlines, gap))
        elif there < len(contents):
            blank = any(not cores[i] for i in gap)
            out.append(newlines[here] * 2 if blank else newlines[here])
        elif newlines[-1]:
            out.append(newlines[here])  # the text ended with a line break: so does the result
    return "".join(out)


def _raw(contents: list[str], newlines: list[str], lines: range) -> list[str]:
    """The given lines exactly as they were, each with its line break."""
    return [contents[i] + newlines[i] for i in lines]
