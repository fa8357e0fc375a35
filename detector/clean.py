"""Labels -> cleaned article: the original text with the removed segments cut out."""

from __future__ import annotations

from collections.abc import Sequence

from .segments import Line, split_lines


def clean_article(text: str, keep: Sequence[bool]) -> str:
    """Cut the segments whose ``keep`` flag is False out of ``text``.

    Kept lines come out byte for byte, indentation included. Where nothing was
    removed between two kept lines the original gap is kept as it was; where
    something was, the gap becomes one line break, or one empty line if it held
    a paragraph break. A text with nothing removed comes back unchanged.
    """
    lines = split_lines(text)
    n_segments = sum(1 for line in lines if line.core)
    if len(keep) != n_segments:
        raise ValueError(f"the text has {n_segments} segments but keep has {len(keep)} flags")
    if all(keep):
        return text

    flags = iter(keep)
    kept_at = [i for i, line in enumerate(lines) if line.core and next(flags)]
    if not kept_at:
        return ""
    removed = _removed_lines(lines, keep)

    out: list[str] = []
    first = kept_at[0]
    if not any(removed[:first]):
        out.extend(_raw(line) for line in lines[:first])
    for here, there in zip(kept_at, kept_at[1:] + [len(lines)]):
        line, gap = lines[here], range(here + 1, there)
        out.append(line.content)
        if not any(removed[i] for i in gap):
            out.append(line.newline)
            out.extend(_raw(lines[i]) for i in gap)
        elif there < len(lines):
            blank = any(not lines[i].core for i in gap)
            out.append(line.newline * 2 if blank else line.newline)
        elif lines[-1].newline:
            out.append(line.newline)  # the text ended with a line break: so does the result
    return "".join(out)


def _removed_lines(lines: tuple[Line, ...], keep: Sequence[bool]) -> list[bool]:
    """Per line: True where the line holds a segment that is cut."""
    flags = iter(keep)
    return [bool(line.core) and not next(flags) for line in lines]


def _raw(line: Line) -> str:
    return line.content + line.newline
