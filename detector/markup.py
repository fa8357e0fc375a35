"""Segments -> the plain lines the model and the rules read: Markdown markup taken off.

Many scrapers write a page as Markdown: "## Subheading", "[Read more](https://...)", "![chart](...)",
"**Disclaimer:** ...". The model learned plain text, where the same page carries none of that, so a
subheading's "## " or a line of links reads as page furniture: the held-back crypto news written as
Markdown lost 113 story lines instead of 4 (``benchmarks/markdown.py``). ``plain_lines`` gives each
segment as a plain-text scrape of the page would hold it: headings without their hashes, links as their
words, images as their addresses, emphasis without its stars or underscores, escapes without their
backslash. A text is read so when it shows a mark only Markdown makes (``looks_like_markdown``: a link,
bold, a heading); in plain text a star or an underscore is its own. Only the reading changes: a
cleaned article keeps its kept segments byte for byte, markup and all.

A table's rows ("| BTC | $90,000 |", under or over a "|---|---|" row) are read as their cells
separated by tabs, as a plain-text copy of the table holds them, and the delimiter row as the header
row above it, so that it stays or goes with its table. What plain text uses too is left as it is:
list items ("* ", "- ", "+ ", which the features read as bullets), "> " quotes, `code`, lines of pipes
outside a table (a menu), and stars or underscores that do not wrap a word ("* * *", "snake_case",
"2 * 3").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

_HEADING = re.compile(r"^#{1,6}[ \t]+(?=.*\w)(.*?)(?:[ \t]+#+)?[ \t]*$")  # "## Title ##" -> "Title"
# A heading is a title's length; a longer line opening with "# " is mostly code with its comment run in.
HEADING_MAX_CHARS = 160
# a link's target: up to one level of parentheses inside ("wiki/Bitcoin_(currency)"), an optional title
_TARGET = r"\(\s*<?(?:[^()\s<>]|\([^()\s]*\))*>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]" + _TARGET)
_LINK = re.compile(r"\[(?<!\\\[)([^\[\]\n]*)\]" + _TARGET)
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")  # not "<name@host>": plain text writes that too
# Emphasis: the marks must wrap a word (a letter or digit just inside each mark). Each pattern opens with its
# mark, the test on the character before it coming after, so that the search skips ahead to the marks.
_CLOSE = r"(?<=[^\W_]|[.!?:)\"'’”])"
_STRONG_STARS = re.compile(r"\*\*(?<![\\*]\*\*)(?=[^\W_])(.+?)" + _CLOSE + r"\*\*(?!\*)")
_STRONG_UNDERSCORES = re.compile(r"__(?<![\w\\]__)(?=[^\W_])(.+?)" + _CLOSE + r"__(?!\w)")
_STAR = re.compile(r"\*(?<![\w\\*]\*)(?=[^\W_])([^*\n]+?)" + _CLOSE + r"\*(?![\w*])")
_UNDERSCORE = re.compile(r"_(?<![\w\\]_)(?=[^\W_])([^_\n]+?)" + _CLOSE + r"_(?!\w)")
# a table's delimiter row: "|---|:---:|", "--- | ---" (three hyphens a cell at least, as GitHub's tables want)
_TABLE_DELIMITER = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def _image_address(match: re.Match) -> str:
    """An image as its address: a plain-text scrape holds no image, and a bare address reads as the furniture
    it is (its alt text often repeats the headline)."""
    target = match.group(0)[len(match.group(1)) + 4:-1].strip()  # after "![alt](", before ")"
    return target.split()[0].strip("<>") if target else ""


def plain_line(line: str) -> str:
    """``line`` without its Markdown markup, as a plain-text scrape would hold it (see the module's docstring)."""
    written = line
    if line[:1] == "#" and len(line) <= HEADING_MAX_CHARS:
        heading = _HEADING.match(line)
        if heading:
            line = heading.group(1)
    if "](" in line:
        line = _LINK.sub(r"\1", _IMAGE.sub(_image_address, line))
    if "<http" in line:
        line = _AUTOLINK.sub(r"\1", line)
    if "*" in line:
        line = _STAR.sub(r"\1", _STRONG_STARS.sub(r"\1", line))
    if "_" in line:
        line = _UNDERSCORE.sub(r"\1", _STRONG_UNDERSCORES.sub(r"\1", line))
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    return line.strip() or written  # a link or image with nothing to read ("[](...)") stays as written


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` (an article's segments joined by line breaks) shows a mark that only Markdown makes: a
    link or image ("]("), bold ("**", "__"), a heading ("## " at a line's start; "#Bitcoin" is a hashtag) or an
    address in angle brackets. Only such articles are read by ``plain_lines`` (a Markdown table alone does not
    make one: the pages that hold tables show these marks too); in the others a star or an underscore is
    plain text's own ("*Not investment advice.*", "snake_case")."""
    # each mark's first character is looked for first: a scan for one character is about twenty times faster
    return ("#" in text and "# " in text and (text[:1] == "#" or "\n#" in text) or "]" in text and "](" in text
            or "*" in text and "**" in text or "_" in text and "__" in text or "<" in text and "<http" in text)


def plain_lines(lines: Sequence[str]) -> list[str]:
    """``plain_line`` of each line (a line that it would not change is passed on as it is), and the rows of a
    Markdown table as their cells (``tables``, ``table_cells``)."""
    read = [plain_line(line) if line[:1] == "#" or "](" in line or "*" in line or "_" in line or "<http" in line
            or "\\" in line else line for line in lines]
    for delimiter, rows in tables(lines):
        for row in rows:
            read[row] = table_cells(lines[row])
        if rows[0] == delimiter - 1:  # the delimiter belongs to its header: kept or removed with it
            read[delimiter] = read[delimiter - 1]
    return read


def tables(lines: Sequence[str]) -> list[tuple[int, list[int]]]:
    """The Markdown tables among ``lines`` (one text's segments, in order), each as its delimiter row
    ("|---|:---:|") and its other rows: the lines holding a pipe right above it (one, the header) and below
    it. A line of pipes without a delimiter row (a menu, "| Reprints | Single Page |") is no table."""
    found = []
    for delimiter in (i for i, line in enumerate(lines) if "---" in line and _TABLE_DELIMITER.match(line)):
        rows = [delimiter - 1] if delimiter > 0 and "|" in lines[delimiter - 1] else []
        row = delimiter + 1
        while row < len(lines) and "|" in lines[row] and not _TABLE_DELIMITER.match(lines[row]):
            rows.append(row)
            row += 1
        if rows:
            found.append((delimiter, rows))
    return found


def table_cells(line: str) -> str:
    """A Markdown table's row as a plain-text copy of the table gives it: its cells, each read as ``plain_line``,
    separated by tabs ("| BTC | $90,000 |" -> "BTC\t$90,000")."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return "\t".join(plain_line(cell.strip()) for cell in _CELL_BORDER.split(inner)).strip() or line


def read_document(lines: list[str]) -> list[str]:
    """One article's segments, in order, as the model and the rules read them: through ``plain_lines`` when the
    article ``looks_like_markdown`` (judged on its segments joined), else ``lines`` themselves."""
    return plain_lines(lines) if looks_like_markdown("\n".join(lines)) else lines


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (labeled or not; doc_id, text) with its ``text`` read as the pipeline reads segments, each
    document by ``read_document``. For code that hands segments to a model or to the rules itself, as evaluation,
    training, the router's column of ``detector classify`` and the benchmarks do."""
    texts = frame["text"].tolist()
    read = list(texts)
    for rows in frame.groupby("doc_id", sort=False).indices.values():
        for row, line in zip(rows, read_document([texts[row] for row in rows])):
            read[row] = line
    return frame.assign(text=pd.Series(read, index=frame.index, dtype=object))
