"""Metadata that a scraper writes above the article: a reader service's header, or front matter.

Services that turn web pages into Markdown for language models open each page with its metadata:
Jina Reader writes "Title: ...", "URL Source: ...", "Published Time: ..." and then a line
"Markdown Content:" before the page itself, and web clippers and site generators open with front
matter, "key: value" lines between two lines of "---". None of it is the article, and its title line
repeats the headline that the page itself opens with. ``header_labels`` names such lines: "bio" for
an author field, "boilerplate" for the others. A title field is named only where the document holds
its text again as a line of its own (the page's headline): without one it may be the only headline,
so it is left to the model. ``pipeline.decide`` removes named lines as marker lines, past story
protection (the model reads a title line as a headline): a header is known from its shape alone. With
that rule on or off, the model reads a header, all its lines, as a document of its own
(``with_headers_apart``), so that the page under it is labeled as it would be without it: the second
stage reads a page's make-up, and four lines of metadata at its top would move the decisions on the
page's own lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .features import document_bounds

# Jina Reader's header: these fields, one a line, then the line that opens the page.
READER_CONTENT_LINE = "Markdown Content:"
READER_FIELD = re.compile(r"(Title|URL Source|Published Time|Description|Warning|Image \d+|Number of Pages): ?.*")
READER_MAX_LINES = 12
# Front matter: a line of "---", then "key: value" lines (and the items or lines that continue a value),
# then "---" (or "...").
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_ENDS = ("---", "...")
FRONT_MATTER_FIELD = re.compile(r"[A-Za-z_][\w.-]*:(?:\s.*)?")
FRONT_MATTER_MAX_LINES = 40
TITLE_KEYS = ("title", "headline", "og:title")
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "by")


def header_labels(texts: Sequence[str], doc: np.ndarray | None = None) -> np.ndarray:
    """Per row (rows in reading order, ``doc`` numbering their documents; None: one), the label of a line of a
    scraper's header at its document's start (see the module's docstring), "" for the others."""
    return scraper_headers(texts, doc)[1]


def scraper_headers(texts: Sequence[str], doc: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Per row (as ``header_labels``): whether it is a line of a scraper's header at its document's start, and
    the label it names ("" for a title left to the model, and for every row outside a header)."""
    labels = np.full(len(texts), "", dtype=object)
    inside = np.zeros(len(texts), dtype=bool)
    if not len(texts):
        return inside, labels
    bounds = document_bounds(np.zeros(len(texts), dtype=int) if doc is None else np.asarray(doc))
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
        first = texts[start]
        if first.startswith("Title:") or first.startswith("URL Source:"):
            header = _reader_header(texts, start, end)
        elif first == FRONT_MATTER_FENCE:
            header = _front_matter(texts, start, end)
        else:
            continue
        if header is None:
            continue
        rows, keys = header
        inside[rows.start:rows.stop] = True
        page = {_folded(texts[row]) for row in range(rows.stop, end)}
        for row, key in zip(rows, keys):
            if key in TITLE_KEYS:
                value = texts[row].split(":", 1)[1].strip().strip("\"'")
                if _folded(value) in page:  # the headline is there: the title only repeats it
                    labels[row] = "boilerplate"
            else:
                labels[row] = "bio" if key in AUTHOR_KEYS else "boilerplate"
    return inside, labels


def _reader_header(texts: Sequence[str], start: int, end: int) -> tuple[range, list[str]] | None:
    """The rows of a reader service's header opening the document at ``start`` and their keys, or None."""
    for row in range(start, min(end, start + READER_MAX_LINES)):
        if texts[row] == READER_CONTENT_LINE:
            keys = [text.split(":", 1)[0].casefold() for text in texts[start:row]]
            if "url source" in keys and all(READER_FIELD.fullmatch(text) for text in texts[start:row]):
                return range(start, row + 1), keys + ["content"]
            return None
    return None


def _front_matter(texts: Sequence[str], start: int, end: int) -> tuple[range, list[str]] | None:
    """The rows of front matter opening the document at ``start`` (its fences included) and their keys, or None."""
    keys = ["fence"]
    for row in range(start + 1, min(end, start + FRONT_MATTER_MAX_LINES)):
        text = texts[row]
        if text in FRONT_MATTER_ENDS:
            return (range(start, row + 1), keys + ["fence"]) if len(keys) > 1 else None
        if FRONT_MATTER_FIELD.fullmatch(text):
            keys.append(text.split(":", 1)[0].casefold())
        elif text.startswith("- ") and len(keys) > 1:  # an item of the field above
            keys.append("item")
        else:
            return None
    return None


def _folded(text: str) -> str:
    """A line as titles are compared: case folded, runs of white space as one space."""
    return " ".join(text.split()).casefold()


def with_headers_apart(doc: np.ndarray, header: np.ndarray) -> np.ndarray:
    """Document numbers (0, 1, 2 ... in reading order) under which the ``header`` rows that open each document of
    ``doc`` are a document of their own."""
    doc = np.asarray(doc)
    header = np.asarray(header, dtype=bool)
    starts = np.r_[True, (doc[1:] != doc[:-1]) | (header[1:] != header[:-1])] if len(doc) else np.zeros(0, bool)
    return np.cumsum(starts) - 1
