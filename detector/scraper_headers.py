"""Metadata that a scraper writes above the article: a header of fields, or front matter.

Scrapers and the services that turn web pages into text or Markdown for language models open each
page with its metadata: Jina Reader writes "Title: ...", "URL Source: ...", "Published Time: ..." and
then a line "Markdown Content:" before the page itself, many scraping scripts write "Title: ...",
"URL: ...", "Date: ..." lines above the text, and web clippers and site generators open with front
matter, "key: value" lines between two lines of "---". None of it is the article, and its title line
repeats the headline that the page itself opens with. ``header_labels`` names such lines: "bio" for
an author field, "boilerplate" for the others. A title or description field is named only where the
document holds its text again as a line of its own (the page's headline, its standfirst), whole or
without the site's name that page titles add ("Bitcoin slips below $90,000 | Example News"):
without one it may be the only headline, so it is left to the model. A header of fields is known by its keys
(``FIELD_KEYS``, two or more, one of them a web address: a story's "Source: Reuters" and "Date:
..." lines are not a header), front matter by its fences. ``pipeline.decide`` removes named lines as
marker lines, past story protection (the model reads a title line as a headline): a header is known
from its shape alone. With that rule on or off, the model reads a header, all its lines, as a
document of its own (``with_headers_apart``), so that the page under it is labeled as it would be
without it: the second stage reads a page's make-up, and four lines of metadata at its top would
move the decisions on the page's own lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .features import document_bounds

# A header of fields: "Key: value" lines at a document's start (case aside), up to FIELDS_MAX_LINES, two or
# more of them, one a key of URL_KEYS whose value is a web address. Jina Reader's header ends with the field
# "Markdown Content:", which has no value.
FIELD = re.compile(r"([A-Za-z][A-Za-z ]{0,23}\d*):(?:\s(.*))?")
FIELD_KEYS = frozenset((
    "title", "headline", "description", "url", "link", "source", "url source", "source url", "canonical url",
    "published", "published time", "published at", "publish date", "date", "updated", "modified", "author",
    "authors", "byline", "tags", "keywords", "category", "categories", "section", "language", "lang", "site",
    "site name", "publisher", "image", "warning", "number of pages", "markdown content",
))
URL_KEYS = frozenset(("url", "link", "source", "url source", "source url", "canonical url"))
FIELDS_MAX_LINES = 12
# Front matter: a line of "---", then "key: value" lines (and the items that continue a value), then "---"
# (or "...").
FRONT_MATTER_FENCE = "---"
FRONT_MATTER_ENDS = ("---", "...")
FRONT_MATTER_FIELD = re.compile(r"[A-Za-z_][\w.-]*:(?:\s.*)?")
FRONT_MATTER_MAX_LINES = 40
# What stands between a page title and the site's name in it: "Headline | Site", "Site - Headline".
SITE_NAME_SEPARATOR = re.compile(r" (?:[|\-–—·•:]|::) ")
# Fields whose value the page itself may hold as its headline or standfirst: named only where it does.
REPEATED_KEYS = ("title", "headline", "og:title", "description")
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
        if texts[start] == FRONT_MATTER_FENCE:
            header = _front_matter(texts, start, end)
        elif FIELD.match(texts[start]):
            header = _fields(texts, start, end)
        else:
            continue
        if header is None:
            continue
        rows, keys = header
        inside[rows.start:rows.stop] = True
        page = {_folded(texts[row]) for row in range(rows.stop, end)}
        for row, key in zip(rows, keys):
            if key in REPEATED_KEYS:
                if _repeated(texts[row].split(":", 1)[1].strip().strip("\"'"), page):
                    labels[row] = "boilerplate"
            else:
                labels[row] = "bio" if key in AUTHOR_KEYS else "boilerplate"
    return inside, labels


def _fields(texts: Sequence[str], start: int, end: int) -> tuple[range, list[str]] | None:
    """The rows of a header of fields opening the document at ``start`` and their keys, or None."""
    keys, has_address = [], False
    for row in range(start, min(end, start + FIELDS_MAX_LINES)):
        field = FIELD.fullmatch(texts[row])
        key = field and field[1].casefold()
        if not field or key not in FIELD_KEYS and not key.startswith("image "):
            break
        keys.append(key)
        has_address |= key in URL_KEYS and (field[2] or "").startswith(("http://", "https://"))
    return (range(start, start + len(keys)), keys) if len(keys) >= 2 and has_address else None


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


def _repeated(value: str, page: set[str]) -> bool:
    """Whether the ``page`` (its lines, ``_folded``) holds a field's value as a line of its own, whole or
    without the site's name that a page's title adds before or after a separator ("Bitcoin slips | News")."""
    value = _folded(value)
    return value in page or any(value[:cut.start()] in page or value[cut.end():] in page
                                for cut in SITE_NAME_SEPARATOR.finditer(value))


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
