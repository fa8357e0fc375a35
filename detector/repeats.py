"""Lines a batch repeats: the same line in several different documents is the site's furniture.

A scraped batch holds many pages of the same sites, and each page carries its site's template
lines: "Advertisement", "Hide caption", a newsletter box, the same affiliate block under every
story. ``RepeatedLines`` counts, over a whole batch, how many different documents hold each line
(the same segment text, character for character: a site repeats its furniture exactly); a line
held by at least ``min_documents`` of them may be removed at a lower probability of junk than
other lines (``repeat_confidence`` in ``pipeline.decide``).

Copies of one story (the same article scraped twice, a syndicated story) must not make their
own lines look like furniture. Documents are therefore told apart by their two longest lines:
documents that share both count once. Two, not one: a site whose template holds a paragraph
longer than its stories' (a long disclaimer, an ad's risk warning) would otherwise make all its
pages one document, and its furniture would never count. A copy can still differ in its two
longest lines (a syndicated story under templates with longer paragraphs), so ``marks`` also
leaves alone every document more than ``COPY_SHARE`` of whose characters are repeated lines:
a page with furniture is mostly its own story, a copy mostly someone else's.

Only 64-bit hashes are kept (``pandas.util.hash_array``, the same in every process), about 16
bytes per line of input while counting and 8 per repeated line after.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from .features import length_ranks, text_lengths
from .segments import LONE_SURROGATE, segment_texts

REPEAT_DOCUMENTS_DEFAULT = 3
# A line held by REPEAT_DOCUMENTS_DEFAULT different documents of the batch is removed when the
# labels outside keep have at least REPEAT_CONFIDENCE_DEFAULT of its probability (README, "The
# thresholds": on the real pages this removes more junk for less story than a lower min_confidence;
# its cost is generic subheadings, "Pros", "Verdict", that many documents share).
REPEAT_CONFIDENCE_DEFAULT = 0.4
# A repeated line of at least this many characters goes whatever the model says of it, and story
# protection does not keep it: a site's disclaimer, an author's bio or a newsletter pitch that the site
# prints word for word under every story. Of the lines this long that three documents of a batch hold and
# that the rest of the rules keep, 3 are editorial in the labeled data against 107 junk (README, "The
# thresholds"). Off with repeat_confidence 1, as repeated lines are.
REPEAT_LONG_CHARS = 80
# A document more than this share of whose characters are repeated lines is a copy, not a page with
# furniture: on the real pages 3 of 1,613 region and 39 full pages are above it (README, "The thresholds").
COPY_SHARE = 0.5
# odd constants that spread a hash's bits before it is joined to another hash
_MIX, _MIX_SECOND = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)


def line_hashes(lines: Iterable[str]) -> np.ndarray:
    """A 64-bit hash of each line (segments: stripped already)."""
    lines = np.array(list(lines), dtype=object)
    try:
        return pd.util.hash_array(lines, categorize=False)
    except UnicodeEncodeError:  # unpaired surrogates: read as U+FFFD, as the model reads them
        return pd.util.hash_array(np.array([LONE_SURROGATE.sub("\ufffd", line) for line in lines], dtype=object),
                                  categorize=False)


def counted_lines(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """What ``RepeatedLines`` counts of ``texts``, each text one document: ``add_counted`` takes it.

    A pure function of the texts, so batches can be counted in worker processes and added here.
    """
    lines, counts = segment_texts(texts)
    return _line_document_pairs(np.repeat(np.arange(len(counts)), counts), lines)


def _line_document_pairs(doc: np.ndarray, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct (line, document key) pair's hash, and its line's hash (``doc``: each line's
    document code, a document's lines together)."""
    if not texts:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.uint64)
    hashes = line_hashes(texts)
    run = np.cumsum(np.r_[True, doc[1:] != doc[:-1]]) - 1  # each row's document, numbered in order
    lengths = text_lengths(texts)
    # each document's key: the hashes of its two longest lines (the first ones on a tie)
    rank = length_ranks(run, lengths)
    longest, second = np.flatnonzero(rank == 0), np.flatnonzero(rank == 1)  # in the documents' order
    second_hash = np.zeros(run[-1] + 1, dtype=np.uint64)  # a document of one line has none
    second_hash[run[second]] = hashes[second]
    keys = (hashes[longest] ^ (second_hash * _MIX_SECOND))[run]
    # one hash per (line, document key) pair: a line counts once per document told apart
    pairs, first = np.unique(hashes ^ (keys * _MIX), return_index=True)
    return pairs, hashes[first]


class RepeatedLines:
    """The lines that at least ``min_documents`` different documents of a batch hold.

    Feed it the batch's segments with ``add`` (a table with doc_id and text, documents whole),
    or build it at once with ``from_texts``; ``holds`` then tells which lines repeat, and
    ``marks`` which rows of a segment table are furniture. ``min_documents`` 0 marks nothing; 1 is
    refused (every line would count).
    """

    def __init__(self, min_documents: int = REPEAT_DOCUMENTS_DEFAULT):
        if min_documents < 0 or min_documents == 1:
            raise ValueError(f"min_documents must be 0 (off) or at least 2 (one document repeats nothing), "
                             f"got {min_documents}")
        self.min_documents = min_documents
        self._pairs: list[tuple[np.ndarray, np.ndarray]] = []  # (pair hashes, their line hashes), distinct per part
        self._repeated: np.ndarray | None = None

    @classmethod
    def from_texts(cls, texts: Iterable[str], min_documents: int = REPEAT_DOCUMENTS_DEFAULT) -> RepeatedLines:
        """The repeated lines of ``texts``, each text one document (one segment per non-blank line)."""
        repeated = cls(min_documents)
        repeated.add_texts(list(texts))
        return repeated

    def add(self, segments: pd.DataFrame) -> None:
        """Count the lines of ``segments`` (doc_id, text; each document's rows together, in one call)."""
        if self.min_documents and len(segments):
            self.add_counted(_line_document_pairs(pd.factorize(segments["doc_id"])[0], segments["text"].tolist()))

    def add_texts(self, texts: Sequence[str]) -> None:
        """Count the lines of ``texts``, each text one document: ``add`` of their segment table, without the table."""
        if self.min_documents:
            self.add_counted(counted_lines(texts))

    def add_counted(self, counted: tuple[np.ndarray, np.ndarray]) -> None:
        """Count what ``counted_lines`` returned for a batch of texts (in this process or another)."""
        if self.min_documents and len(counted[0]):
            self._pairs.append(counted)
            self._repeated = None

    @property
    def repeated(self) -> np.ndarray:
        """The sorted hashes of the lines held by at least ``min_documents`` documents told apart."""
        if self._repeated is None:
            if not self._pairs:
                self._repeated = np.zeros(0, dtype=np.uint64)
            else:
                pairs, first = np.unique(np.concatenate([pairs for pairs, _ in self._pairs]), return_index=True)
                lines = np.concatenate([lines for _, lines in self._pairs])[first]
                self._pairs = [(pairs, lines)]
                lines, counts = np.unique(lines, return_counts=True)
                self._repeated = lines[counts >= self.min_documents]
        return self._repeated

    def holds(self, lines: pd.Series | Sequence[str]) -> np.ndarray:
        """Whether each of ``lines`` is a repeated line."""
        repeated = self.repeated
        if not len(repeated) or not len(lines):
            return np.zeros(len(lines), dtype=bool)
        hashes = line_hashes(lines)
        at = np.minimum(np.searchsorted(repeated, hashes), len(repeated) - 1)
        return repeated[at] == hashes

    def marks(self, segments: pd.DataFrame) -> np.ndarray:
        """Which rows of a segment table (doc_id, text) are furniture: repeated lines of documents that
        are not copies (at most ``COPY_SHARE`` of their characters in repeated lines)."""
        held = self.holds(segments["text"])
        if not held.any():
            return held
        doc = pd.factorize(segments["doc_id"])[0]
        lengths = text_lengths(segments["text"])
        share = np.bincount(doc, weights=lengths * held) / np.maximum(np.bincount(doc, weights=lengths), 1)
        return held & (share[doc] <= COPY_SHARE)

    def __len__(self) -> int:
        return len(self.repeated)

    def __getstate__(self):
        # workers get the repeated hashes only, not the pairs counted
        return {"min_documents": self.min_documents, "_pairs": [], "_repeated": self.repeated}
