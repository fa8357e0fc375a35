"""Segments -> the plain lines the model and the rules read: Markdown markup taken off.

Many scrapers write a page as Markdown: "## Subheading", "[Read more](https://...)", "![chart](...)",
"**Disclaimer:** ...", "* item". The model learned plain text, where the same page carries none of
that, so a subheading's "## " or a line of links reads as page furniture: on the held-back crypto news
written as Markdown, 46 story lines went instead of 4. ``plain_lines`` gives each segment as a
plain-text scrape of the page would hold it: headings without their hashes, links as their words, images
as their addresses, emphasis without its stars or underscores. Only the reading changes: a cleaned article keeps its
kept segments byte for byte, markup and all.

What plain text uses too is left as it is: list items ("* ", "- ", "+ ", which the features read as
bullets), "> " quotes, `code`, tables, and stars or underscores that do not wrap a word ("* * *",
"snake_case", "2 * 3").
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


def may_hold_markup(text: str) -> bool:
    """Whether ``text`` (a line or a whole text) holds a character that Markdown markup needs: most plain texts
    hold none, and pass on without a pattern run over them."""
    return "#" in text or "](" in text or "*" in text or "_" in text or "<http" in text or "\\" in text


def plain_lines(lines: Sequence[str]) -> list[str]:
    """``plain_line`` of each line; a line that ``plain_line`` would not change is passed on as it is."""
    return [plain_line(line) if line[:1] == "#" or "](" in line or "*" in line or "_" in line or "<http" in line
            or "\\" in line else line for line in lines]


def plain_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (labeled or not) with its ``text`` read as the pipeline reads segments (``plain_lines``): for code
    that hands segments to a model or to the rules itself, as the benchmarks do."""
    return frame.assign(text=pd.Series(plain_lines(frame["text"].tolist()), index=frame.index, dtype=object))
