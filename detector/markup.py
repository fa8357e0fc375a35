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

Text taken from HTML by a careless step (a feed, an API that returns rendered HTML with its tags stripped)
keeps its character references: "Bitcoin&#8217;s", "S&amp;P 500", "two&nbsp;weeks". Read as written they
are strings the model never saw in a story, and pages full of them lose a good part of their
removals (``benchmarks/markdown.py``, the check sets written so). A text that holds one is read with
each reference as the character it stands for (``unescaped_lines``); named references need their closing
semicolon, so "AT&T" and "R&D" stay as they are. The no-break spaces that "&nbsp;" stands for (and the
narrow ones) are read as plain spaces, as the model learned words apart; a line that holds nothing but
such spaces ("&nbsp;") is left as written: read as blank it would say nothing at all.
"""

from __future__ import annotations

import html
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


# An HTML character reference: a name with its semicolon ("&amp;", "&nbsp;"), or a decimal or hexadecimal code.
_CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
# Spaces that HTML puts where a line must not break ("&nbsp;", and the narrow ones of French numbers): read as
# plain spaces. Not the ideographic space, which Chinese and Japanese text uses as a separator of its own.
_SPACES = "\xa0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"
_AS_SPACE = str.maketrans(_SPACES, " " * len(_SPACES))
_COMMON_SPACES = "\xa0\u202f\u2009"  # what a text is searched for (the rest are read where these are)


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


def unescaped_lines(lines: Sequence[str]) -> list[str]:
    """``lines`` with each HTML character reference read as its character ("S&amp;P 500" -> "S&P 500") and
    each space that HTML writes where a line must not break read as a plain space; a line that would read as
    blank ("&nbsp;") as written."""
    read = []
    for line in lines:
        plain = _CHARACTER_REFERENCE.sub(_character, line) if "&" in line else line
        plain = plain.translate(_AS_SPACE)
        read.append(plain if plain.strip() else line)
    return read


def _character(reference: re.Match) -> str:
    return html.unescape(reference.group())


def read_document(lines: list[str]) -> list[str]:
    """One article's segments, in order, as the model and the rules read them: through ``plain_lines`` when the
    article ``looks_like_markdown`` (judged on its segments joined), and through ``unescaped_lines`` when it
    holds an HTML character reference or a space that HTML writes ("&nbsp;", U+00A0); else ``lines`` themselves."""
    joined = "\n".join(lines)
    if looks_like_markdown(joined):
        lines = plain_lines(lines)
    # quick tests, not one pattern: a search for "&" or for a space skips ahead, where a pattern of both visits
    # every character (0.06 s per 100k segments instead of 0.004)
    if "&" in joined and _CHARACTER_REFERENCE.search(joined) \
            or not joined.isascii() and any(space in joined for space in _COMMON_SPACES):
        lines = unescaped_lines(lines)
    return lines


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
