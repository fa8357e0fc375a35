"""Reader-comment sections: the rest of a page from the comment header that follows its story.

A blog post or news page scraped whole often carries a comment thread longer than the story,
and each comment, read on its own, is prose: the model keeps most of them. The line that opens
the thread ("Comments (41)", "Leave a Reply", "12 Kommentare", "Reacties", "댓글 4" ...) says
what follows. ``comment_sections`` marks every row from such a header to the end of its
document, and ``pipeline.decide`` removes a marked row once the labels outside keep have
``comment_confidence`` of its probability (0 by default: all of it, but story protection still
keeps a row that reads as story on its own). README, "The thresholds", has the measured trade-off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .features import document_bounds, joined_with_starts, lower_joined_with_starts, matches_per_text, text_lengths
from .model import main_block

COMMENT_CONFIDENCE_DEFAULT = 0.0
HEADER_MIN_JUNK = 0.5  # the model itself must read the header line as junk (not as a story's subheading)
MIN_ROWS_AFTER_HEADER = 5  # a thread runs on: a comment counter with fewer rows after it sits inside the story
HEADER_MAX_CHARS = 60

# Headers that name a comment section on their own (with or without a count), in the languages of the
# corpus, and words that do so only beside a count ("Responses (3)", "12 reactions": alone they can be
# a story's subheading).
_SECTION_NAMES = (
    r"comments|reader comments|leave a (?:reply|comment)|post a comment|add (?:a |your )?comment"
    r"|join the (?:discussion|conversation)|kommentare|schreib(?:e|en sie) einen kommentar|reacties"
    r"|laat een reactie achter|commentaires|laisser un commentaire|comentarios|deja (?:un comentario|una respuesta)"
    r"|comentários|deixe (?:um comentário|uma resposta)|commenti|lascia un commento|komentarze|dodaj komentarz"
    r"|komentáře|kommentarer|kommentit|comentarii|hozzászólások|σχόλια|комментарии|оставить комментарий|коментарі"
    r"|yorumlar|yorum yap|コメント|评论|評論|댓글|bình luận|komentar|التعليقات|تعليقات|نظرات|תגובות|टिप्पणियाँ|टिप्पणियां"
    r"|ความคิดเห็น"
)
_COUNTED_NAMES = (
    r"comment|kommentar|reactie|commentaire|comentario|comentário|commento|komentarz|комментари[йя]|коментар"
    r"|yorum|responses?|replies|reactions?|discussion"
)
_COUNT = r"[(\[{（]?\s*\d[\d.,]*\s*[)\]}）]?"
COMMENT_HEADER = re.compile(
    rf"^\W*(?:(?:{_COUNT}\s*)?(?:{_SECTION_NAMES})\s*(?:{_COUNT})?|{_COUNT}\s*(?:{_COUNTED_NAMES})"
    rf"|(?:{_COUNTED_NAMES})\s*{_COUNT})\W*$",
    re.IGNORECASE)
# Every header holds one of these (lower case): a search of the whole batch for them finds the few
# lines the header pattern then reads.
_STEMS = re.compile("comment|komment|koment|coment|коммент|комент|yorum|コメント|评论|評論|댓글|reacti|respons|respuest"
                    "|respost|repl|discussion|conversation|hozzászól|σχόλι|bình luận|تعليق|نظرات|תגובות|टिप्पणि"
                    "|ความคิดเห็น")


def is_comment_header(text: str) -> bool:
    """Whether ``text`` is a line that opens a comment section ("Comments (41)", "Leave a Reply" ...)."""
    return len(text) <= HEADER_MAX_CHARS and COMMENT_HEADER.match(text) is not None


def header_rows(texts: Sequence[str]) -> np.ndarray:
    """The rows of ``texts`` that are comment headers (``is_comment_header``), in order."""
    short = np.flatnonzero(text_lengths(texts) <= HEADER_MAX_CHARS)
    if not len(short):
        return short
    parts = [texts[row] for row in short]
    joined, starts = lower_joined_with_starts(parts, *joined_with_starts(parts))
    named = short[matches_per_text(_STEMS, joined, starts) > 0]
    return np.array([row for row in named if is_comment_header(texts[row])], dtype=np.int64)


def comment_sections(texts: Sequence[str], doc: np.ndarray, story_alone: np.ndarray,
                     junk: np.ndarray) -> np.ndarray:
    """Per row: inside a comment section, from its header (included) to the end of the document.

    Rows are in reading order, each document's a run of rows marked by ``doc``.
    ``story_alone`` is the first stage's probability of the kept labels, ``junk`` the final
    probability of the others. A header counts when it comes after the document's main block
    (``model.main_block``: the story), the model reads it as junk (``HEADER_MIN_JUNK``) and at
    least ``MIN_ROWS_AFTER_HEADER`` rows follow it; the first such header of a document opens its section.
    """
    n_rows = len(texts)
    if not n_rows:
        return np.zeros(0, dtype=bool)
    lengths = text_lengths(texts)
    doc = np.cumsum(np.r_[False, doc[1:] != doc[:-1]])  # numbered 0, 1, 2 ... as main_block needs
    inside = main_block(story_alone, lengths, doc)[:, 0].astype(bool)
    row = np.arange(n_rows)
    block_last = np.full(int(doc[-1]) + 1, -1)  # the last row of each document's main block (-1: it has none)
    np.maximum.at(block_last, doc[inside], row[inside])
    doc_last = document_bounds(doc)[1:] - 1
    # the conditions on rows first: the header pattern then reads only the rows that meet them
    possible = np.flatnonzero((block_last[doc] >= 0) & (row > block_last[doc]) & (junk >= HEADER_MIN_JUNK)
                              & (doc_last[doc] - row >= MIN_ROWS_AFTER_HEADER) & (lengths <= HEADER_MAX_CHARS))
    headers = possible[header_rows([texts[r] for r in possible])]
    first_header = np.full(len(doc_last), n_rows)
    np.minimum.at(first_header, doc[headers], headers)  # of a document's headers, the first
    return row >= first_header[doc]
