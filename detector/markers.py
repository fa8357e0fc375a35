"""Marker lines: lines that say what they are, in words a page uses for nothing else.

An ad label names an ad slot ("Advertisement", "- Anzeige -", "Реклама", "[광고]", "โฆษณา" ...), and a
call to action alone on its line is an ad's button ("Sign up now", "Jetzt Konto eröffnen",
"สมัครเลย" ...): both are promo. A head before a colon names what the rest of its line is: a link to
another story ("Read also: ...", "Lees ook: ...", "Читайте также: ...", "อ่านเพิ่มเติม: ..."), a tag
list ("Tags: ...", "Schlagwörter: ..."), a date or reading time ("Updated: ...", "Lesezeit: ..."),
share buttons ("Share: ...", "Folgen Sie uns: ..."), a photo credit ("Photo: Reuters", "Foto:
...") or a site's disclaimer ("Disclaimer: ...", "Haftungsausschluss: ...", "免責事項：..."), all
boilerplate (LABELS.md), as is a caption that ends in its credit ("... in Barishal. Photo: Pavel
Rahman"), a credit alone on its line ("Reuters", "Jamal Saidi/Reuters"), a line that is
only a date ("March 22, 2017", "22.03.2017 | 09:41 UTC") and one that only says how long ago ("3
hours ago", "vor 2 Stunden"), a slideshow's counter ("3 of 12"), a view or comment counter ("2.4K views", "3
टिप्पणियां"), a breadcrumb trail ("Home › Crypto › Markets"), a line of no letter or digit (a separator "* * *"),
or a byline ("By: ...", "Door: ...", "Автор: ...", or without a colon
"By Dana Whitlock", "Door Jan de Vries"), bio. Between two story
paragraphs the context stage pulls such a line towards the story, and the model knows the words only
in the languages its training data has. ``marker_rows`` names the label each line says it has, and
``pipeline.decide`` removes a marked line, unless that label is kept, once the labels outside keep
have ``marker_confidence`` of its probability (0 by default; never a line that the model's first stage
reads as story, when story protection is on), and
labels it so where the model alone would have kept it. A
marker line goes alone: it starts no run, because on real pages the line after an ad label is story
about half the time (the ad was an image). README, "The thresholds", has the measured effect.

This module decides; the words and patterns of each kind are in ``marker_labels`` (ad labels, calls to
action, page controls, breadcrumb trails, author boxes' headings), ``marker_heads`` (heads before a colon, bylines),
``marker_credits`` (photo credits and captions) and ``marker_dates`` (dates, times and counters), the key
a line is looked up by in ``marker_keys``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from . import marker_credits, marker_dates, marker_heads, marker_labels
from .marker_credits import (
    AGENCIES_ALONE, CAPTION_MAX_CHARS, CREDIT_LINE_MAX_CHARS, CREDIT_SEPARATOR_CHARS, CREDIT_TAIL_CHARS,
    is_bracketed_credit, is_credit_line, is_furniture_line,
)
from .marker_dates import (
    COUNTER_LINE_MAX_CHARS, DATE_LINE_MAX_CHARS, GALLERY_COUNTER_MAX_CHARS, HAS_DIGIT, READING_TIME_MAX_CHARS,
    RELATIVE_ENDS, RELATIVE_STARTS, RELATIVE_TIME_MAX_CHARS,
)
from .marker_heads import (
    BYLINE_AFTER, BYLINE_AFTER_NAME, BYLINE_INITIALS, BYLINE_MAX_CHARS, CREDIT_HEADS, HEAD_MAX_CHARS,
)
from .marker_keys import FRAME, LINE_FRAME, normal, squeezed
from .marker_labels import (
    AD_LABEL_MAX_CHARS, AD_LABELS, AUTHOR_HEADINGS, INTERFACE_LINES, TICKER_MAX_CHARS, VIDEO_LINE_MAX_CHARS,
)

MARKER_CONFIDENCE_DEFAULT = 0.0
# The sets and patterns whose methods marker_kind calls, bound here rather than imported by name: Python 3.11
# calls a method of an imported name through a bound method made at every call (bpo-44313), 3% of marker_kind.
STARS, CODE_PUNCTUATION, is_breadcrumb = (
    marker_labels.STARS, marker_labels.CODE_PUNCTUATION, marker_labels.is_breadcrumb)
HASHTAG_LINE, PRICE_TICKER, VIDEO_LINE = (
    marker_labels.HASHTAG_LINE, marker_labels.PRICE_TICKER, marker_labels.VIDEO_LINE)
FURNITURE_CHARACTERS = re.compile("[#▲▼›»>]").search  # a quick test: hashtags, tickers and trails hold one
HEADS, BYLINE = marker_heads.HEADS, marker_heads.BYLINE
DATE_LINE, COUNTER_LINE, RELATIVE_TIME, GALLERY_COUNTER, READING_TIME = (
    marker_dates.DATE_LINE, marker_dates.COUNTER_LINE, marker_dates.RELATIVE_TIME, marker_dates.GALLERY_COUNTER,
    marker_dates.READING_TIME)
CREDIT_SEPARATOR, CREDIT_TAIL, CREDIT_BY_TAIL, CAPTION_PLACE = (
    marker_credits.CREDIT_SEPARATOR, marker_credits.CREDIT_TAIL, marker_credits.CREDIT_BY_TAIL,
    marker_credits.CAPTION_PLACE)


def line_key(text: str) -> str:
    """A line as the sets of ``marker_keys.normal`` keys hold it: without its frame, case folded, its runs
    of white space as one space (``related`` looks its headings up the same way)."""
    return squeezed(text.strip(FRAME).casefold())


def marker_kind(text: str) -> str:
    """The label ``text`` names itself by: "promo" for an ad label or a call to action ("Advertisement", "[광고]",
    "Sign up now" ...), "boilerplate" for a link lead-in, tag list, date, share or photo credit line ("Read
    also: ...", "Tags: ...", "Updated: ...", "Share: ...", "Foto: ..."), a site's disclaimer ("Disclaimer: ...")
    or a caption that ends in its credit ("... in Barishal. Photo: Pavel Rahman"), a credit alone ("Jamal
    Saidi/Reuters"), a line that is only a date ("March 22, 2017") or a time ago ("3 hours ago"), a page's
    control alone ("Hide caption", "View gallery", "Back to top", "Reply"), a slideshow's counter ("Image 3 of
    12"), a view or comment counter ("2.4K views"), a reading time ("4 min read"), a breadcrumb trail ("Home ›
    Crypto › Markets"), a line of hashtags, a price ticker ("BTC/USD 67,412.10 ▲1.2%"), a video's title with its
    running time or a line of no letter or digit ("* * *"), "bio" for a byline ("By: ...", "Door: ...", "By Dana
    Whitlock") or an author box's heading ("About the author"), else ""."""
    if len(text) <= AD_LABEL_MAX_CHARS:
        key = line_key(text)
        if key in AD_LABELS:
            return "promo"
        if key in INTERFACE_LINES:
            return "boilerplate"
        if key in AUTHOR_HEADINGS:
            return "bio"
        if not any(map(str.isalnum, text)) and text.strip() and not STARS.intersection(text) \
                and not CODE_PUNCTUATION.issuperset(text):
            return "boilerplate"
        if len(key) <= GALLERY_COUNTER_MAX_CHARS and HAS_DIGIT(key) and GALLERY_COUNTER.fullmatch(key):
            return "boilerplate"
        short_key = key  # for the credit below: a line this short is a credit only as a whole
    else:
        short_key = None
    colon = text.find(":", 0, HEAD_MAX_CHARS + 1)
    if colon < 0:
        colon = text.find("\uff1a", 0, HEAD_MAX_CHARS + 1)  # the full-width colon of Chinese and Japanese
    if colon > 0:
        head = normal(text[:colon])
        label = HEADS.get(head, "")
        rest = text[colon + 1:].strip(FRAME)
        if label and rest and not (head in CREDIT_HEADS and ":" in rest) \
                and not (label == "bio" and len(rest) > BYLINE_MAX_CHARS):
            return label
    if len(text) <= BYLINE_MAX_CHARS and (text[:1] in BYLINE_INITIALS and BYLINE.fullmatch(text.strip())
                                          or text.rstrip().endswith(BYLINE_AFTER)
                                          and BYLINE_AFTER_NAME.fullmatch(text.strip())):
        return "bio"
    if (short_key in AGENCIES_ALONE if short_key is not None and "/" not in text
            else len(text) <= CREDIT_LINE_MAX_CHARS and is_credit_line(text)) or is_furniture_line(text):
        return "boilerplate"
    if len(text) <= DATE_LINE_MAX_CHARS:
        key = text.strip(LINE_FRAME)
        if HAS_DIGIT(key) and (DATE_LINE.fullmatch(key)  # every date and counter holds a digit: most short lines none
                               or len(key) <= COUNTER_LINE_MAX_CHARS and COUNTER_LINE.fullmatch(key)
                               or len(key) <= READING_TIME_MAX_CHARS and READING_TIME.fullmatch(key)):
            return "boilerplate"
        if len(key) <= RELATIVE_TIME_MAX_CHARS:
            lower = key.lower()
            if (lower.endswith(RELATIVE_ENDS) or lower.startswith(RELATIVE_STARTS)) and RELATIVE_TIME.fullmatch(key):
                return "boilerplate"
    if len(text) <= TICKER_MAX_CHARS and FURNITURE_CHARACTERS(text) and (
            "#" in text[:4] and HASHTAG_LINE.fullmatch(text.strip())
            or ("▲" in text or "▼" in text) and PRICE_TICKER.search(text)
            or is_breadcrumb(text)):
        return "boilerplate"
    if len(text) <= VIDEO_LINE_MAX_CHARS and text.lstrip()[:1] in ("V", "v", "W", "w") \
            and VIDEO_LINE.fullmatch(text.strip()):
        return "boilerplate"
    if len(text) <= CAPTION_MAX_CHARS:
        # the patterns read the tail only; a cut tail starts with a letter, so that its cut is no line start
        start = max(0, len(text) - CREDIT_TAIL_CHARS)
        tail = "x" + text[start:] if start else text
        if CREDIT_SEPARATOR.search(text, max(0, len(text) - CREDIT_SEPARATOR_CHARS)) and CREDIT_TAIL.search(tail):
            return "boilerplate"
        if text.rstrip().endswith((")", "]")) and is_bracketed_credit(text):
            return "boilerplate"
        lower = tail.lower()  # a quick test before the pattern
        if (" by " in lower or "courtesy" in lower or " von " in lower or " par " in lower or " door " in lower) \
                and CREDIT_BY_TAIL.search(tail):
            return "boilerplate"
        if (", left" in text or ", right" in text or ", cent" in text or ", far " in text or ", second " in text
                or ", top" in text or ", bottom" in text) and CAPTION_PLACE.search(text):
            return "boilerplate"
    return ""


def marker_rows(texts: Sequence[str]) -> np.ndarray:
    """Per row of ``texts``, the label it names itself by (``marker_kind``), "" for most."""
    return np.array([marker_kind(text) for text in texts], dtype=object)
