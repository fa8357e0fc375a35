"""Headlines: the story's own headline, kept back when a run of page furniture took it.

On a whole page the headline stands between the site's menu and the byline, date and share
lines, all junk; it reads like the title of another story (a short line with no full stop), so
the model gives it junk probabilities of about 0.6-0.9, and the run of furniture around it takes it
(``pipeline.decide``, runs). What tells it apart from another story's title is that the story
repeats its words: "Bitcoin boom prompts growth of coin-mining malware" above a story on bitcoin
mining malware. ``swept_headlines`` finds, in each document, the line above the story's opening that
a run took, that reads like a headline and whose words the opening paragraphs repeat most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .features import document_bounds
from .markers import marker_kind
from .related import HEADLINE_MAX_CHARS

HEADLINE_OVERLAP_DEFAULT = 0.5  # the share of the headline's words that the story's opening repeats
HEADLINE_WINDOW = 20  # how many lines above the story's opening a headline may stand (byline, date, share row ...)
OPENING_CHARS = 150  # the story opens with its first kept line this long
OPENING_LINES = 4  # the kept lines of at least OPENING_CHARS whose words the headline is matched against
HEADLINE_MIN_CHARS = 15
HEADLINE_MIN_TOKENS = 5  # words split by spaces; scripts written without spaces are exempt
HEADLINE_MIN_WORDS = 2  # of the words read (below), a headline has and shares at least this many
_NOT_HEADLINE_ENDS = (".", "!", "。", ":", ";", ",", "|", "：")
_TRAIL = re.compile(r"\s[/>]\s.*\s[/>]\s")  # a breadcrumb trail: "Home / Tech / ..."
_WORD = re.compile(r"\w{4,}")  # the words read: four letters or more (fewer are mostly function words)
_NOT_LETTERS = re.compile(r"\W+")
# Thai, kana, CJK ideographs and Hangul: read as pairs of characters, as these scripts (Korean aside) mark no words
_SPACELESS = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def headline_words(text: str) -> set[str]:
    """The words of ``text`` that tell what it is about: those of four letters or more, case folded, no
    number; for text in a script written without spaces, its pairs of letters."""
    folded = text.casefold()
    if _SPACELESS.search(folded):
        letters = _NOT_LETTERS.sub("", folded)
        return {letters[i:i + 2] for i in range(len(letters) - 1)}
    return {word for word in _WORD.findall(folded) if not word.isdigit()}


def reads_as_headline(text: str) -> bool:
    """Whether a line looks like a story's headline: 15 to ``related.HEADLINE_MAX_CHARS`` (160) characters, five
    words or more (or a script written without spaces), no full stop, colon or comma at its end, not a
    breadcrumb trail ("Home / Tech / ..."), two words read by ``headline_words``, and it does not say what else
    it is (``markers.marker_kind``: a date, a byline, a credit ...)."""
    line = text.strip()
    return (HEADLINE_MIN_CHARS <= len(line) <= HEADLINE_MAX_CHARS and not line.endswith(_NOT_HEADLINE_ENDS)
            and (len(line.split()) >= HEADLINE_MIN_TOKENS or _SPACELESS.search(line) is not None)
            and not _TRAIL.search(line) and len(headline_words(line)) >= HEADLINE_MIN_WORDS
            and not marker_kind(line))


def swept_headlines(texts: Sequence[str], doc: np.ndarray, kept: np.ndarray, swept: np.ndarray,
                    chars: np.ndarray, min_overlap: float = HEADLINE_OVERLAP_DEFAULT) -> np.ndarray:
    """The rows to keep back as their story's headline: per document (``doc`` numbers them, rows in reading
    order), at most the one row that

    - a run took (``swept``) within ``HEADLINE_WINDOW`` lines above the story's opening, its first ``kept``
      row of at least ``OPENING_CHARS`` characters (``chars``);
    - reads as a headline (``reads_as_headline``), with no other such line right above or below it (a list
      of other stories' titles), bar the opening;
    - shares at least ``min_overlap`` of its words (``headline_words``), and ``HEADLINE_MIN_WORDS``, with the
      opening's first ``OPENING_LINES`` long kept rows; of several, the one that shares the most.
    """
    doc, kept, swept = np.asarray(doc), np.asarray(kept, dtype=bool), np.asarray(swept, dtype=bool)
    found = np.zeros(len(kept), dtype=bool)
    if min_overlap >= 1 or not swept.any():
        return found
    n, row = len(kept), np.arange(len(kept))
    bounds = document_bounds(doc)
    long_kept = kept & (np.asarray(chars) >= OPENING_CHARS)
    # each row's document's opening (n for a document without one)
    opening = np.repeat(np.minimum.reduceat(np.where(long_kept, row, n), bounds[:-1]), np.diff(bounds))
    near = swept & (row >= opening - HEADLINE_WINDOW) & (row < opening) & (opening < n)
    for first in np.unique(opening[near]):
        after = np.searchsorted(bounds, first, side="right")  # the opening's document is bounds[after - 1:after + 1]
        start, end = bounds[after - 1], bounds[after]
        rows = [row for row in np.flatnonzero(near[start:first]) + start if reads_as_headline(texts[row])]
        if not rows:
            continue
        openings = first + np.flatnonzero(long_kept[first:end])[:OPENING_LINES]
        story = "\n".join(texts[line] for line in openings).casefold()
        shares = []
        for row in rows:
            words = headline_words(texts[row])
            shared = sum(word in story for word in words)
            if shared >= HEADLINE_MIN_WORDS and shared >= min_overlap * len(words):
                shares.append((shared / len(words), row))
        # the one that shares most (of equals, the lowest), unless a headline-like line stands right by it
        for _, row in sorted(shares, reverse=True):
            if not (row > start and reads_as_headline(texts[row - 1])
                    or row + 1 < first and reads_as_headline(texts[row + 1])):
                found[row] = True
                break
    return found
