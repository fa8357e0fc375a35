"""The whole flow for callers: text -> segments -> model -> labels -> cleaned article."""

from __future__ import annotations

import contextlib
import ctypes
import numbers
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from itertools import chain, islice, pairwise
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .clean import clean_article
from .comments import COMMENT_CONFIDENCE_DEFAULT, comment_sections
from .disclaimers import edge_disclaimers, risk_warnings_beside_ads
from .errors import InputError
from .features import document_bounds, text_lengths
from .headlines import HEADLINE_OVERLAP_DEFAULT, swept_headlines
from .markers import MARKER_CONFIDENCE_DEFAULT, marker_rows
from .related import RELATED_MIN_JUNK, link_lists
from .repeats import (
    REPEAT_CONFIDENCE_DEFAULT, REPEAT_DOCUMENTS_DEFAULT, REPEAT_LONG_CHARS, RepeatedLines, counted_lines,
)
from .routing import TopicRouter
from .scraper_headers import header_labels, scraper_headers, with_headers_apart
from .segments import LONE_SURROGATE, Segment, segment_table, split_lines, split_segments

KEEP_DEFAULT = ("editorial",)
# The columns of a table of labeled segments (`detector classify`, ``classify_frame``): "rule" names the
# setting that decided the row (``RULES``), "model" the model that labeled the document ("crypto" or
# "general" under "auto").
SEGMENT_COLUMNS = ["doc_id", "position", "text", "start", "end", "label", "confidence", "keep", "rule", "model"]
# A segment is removed when the model puts at least MIN_CONFIDENCE_DEFAULT of its probability
# on the labels that are not kept, or at least BLOCK_CONFIDENCE_DEFAULT while it sits in an
# unbroken run of such segments that holds one removed at MIN_CONFIDENCE_DEFAULT (an ad's
# bullets go with its headline). Both well above 0.5 on purpose: losing a sentence of the
# story costs more than keeping an ad line. README, "The thresholds", has the measured trade-off:
# 0.95 rather than 0.9 keeps about a sixth of the story the general model would cut on the real
# pages (full view 2.0% -> 1.7% lost over three training seeds) for about 0.002 of removal F1.
MIN_CONFIDENCE_DEFAULT = 0.95
# The bundled crypto model's own min_confidence (also under "auto", for the documents it gets):
# its ad lines without an "Advertisement" line sit at junk probabilities of 0.55-0.9, and on crypto
# news it loses about as little story at 0.8 as at 0.9 (README, "The thresholds"). A model's own
# value is its ``min_confidence_default`` attribute; a caller's min_confidence overrides it.
CRYPTO_MIN_CONFIDENCE = 0.8
BLOCK_CONFIDENCE_DEFAULT = 0.6
# A segment that the first stage, reading it alone, gives at least STORY_CONFIDENCE_DEFAULT of
# its probability on the kept labels is kept whatever its neighbours suggest, when it sits between
# kept lines or next to them: the context stage otherwise pulls a story's closing sentence into the
# junk that follows it. A line apart from the kept story (an author's bio, a site's disclaimer or a
# reader's comment after the share buttons) is left to the context stage. 1 turns this off.
STORY_CONFIDENCE_DEFAULT = 0.9
# A run (block_confidence) passes through no segment of at least RUN_STORY_CHARS characters that the
# first stage, reading it alone, thinks more likely story than not (RUN_STORY_CONFIDENCE on the kept
# labels): a long paragraph between two junk lines is not swept out with them. On the real pages this
# kept 0.09 (region) and 0.14 (full) points of story for 0.0007 and 0.0004 of removal F1, three to six
# times cheaper than a higher block_confidence (README, "The thresholds"). Off with story protection.
RUN_STORY_CHARS = 150
RUN_STORY_CONFIDENCE = 0.5
# The promo cut: a segment is also removed when PROMO_LABEL alone has at least promo_confidence of
# its probability, though the labels outside keep together stay under min_confidence. The bundled
# crypto model's own value is CRYPTO_PROMO_CONFIDENCE: ads written in the story's voice, with no
# marker line, get 0.2-0.4 of "editorial" there besides their promo. Other junk labels get no such
# cut: short story lines (table cells, timeline rows) are read as boilerplate, not as promo (README,
# "The thresholds"). A model's own value is its ``promo_confidence_default`` attribute, else
# PROMO_CONFIDENCE_OFF (1 turns the cut off); a caller's promo_confidence overrides it.
PROMO_LABEL = "promo"
CRYPTO_PROMO_CONFIDENCE = 0.6
PROMO_CONFIDENCE_OFF = 1.0
# Ad gaps: a kept segment between two segments removed as PROMO_LABEL (the one just before it and the one
# just after, in its document) goes too when the labels outside keep have at least GAP_CONFIDENCE_DEFAULT
# of its probability. An ad's pitch line sits at junk 0.45-0.6 between its removed headline and its
# removed bullets, under the block_confidence a run needs, and it breaks the run. As a run does, a gap
# passes no line that stage one reads as story, nor a long one it reads as more likely story than not
# (a story paragraph between two "Advertisement" lines stays). 1 turns gaps off (README, "The thresholds").
GAP_CONFIDENCE_DEFAULT = 0.4
# Site disclaimers and risk warnings: a kept line at either end of a document's kept lines that holds a site's
# disclaimer phrase ("This article is not investment advice"), and a kept line next to a line removed as promo that
# holds a risk warning addressed to the reader ("You could lose all the money you invest"; both ``disclaimers``),
# go when the labels outside keep have at least DISCLAIMER_CONFIDENCE_DEFAULT of their probability, past story
# protection: the first stage reads such lines as story. 0: any junk at all. 1 turns it off (README, "The
# thresholds").
DISCLAIMER_CONFIDENCE_DEFAULT = 0.0
BATCH_SEGMENTS = 4000  # segments per batch of text files in batch runs
# A stream of one batch goes to forked workers only from this many lines: starting them and
# sending the texts costs about 0.05 s (1k segments: 0.05 s in one process, 0.10 s in two; 10k:
# 0.29 s in one, 0.22 s in two).
LONE_BATCH_WORKER_LINES = 4000
# At most this many segments per model call (whole documents only): a batch of long pages is
# labeled in parts, so peak memory depends on this, not on how long the pages are.
MODEL_CALL_SEGMENTS = 20_000
# glibc's mallopt parameters, and the size below which freed memory is kept for reuse in batch runs
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_REUSED_BYTES = 256 * 2**20


@dataclass(frozen=True)
class LabeledSegment(Segment):
    """A segment with its label, the probability of that label, whether it is kept, the setting whose rule
    decided that (``RULES``), and the model that labeled its text under a TopicRouter ("crypto" or
    "general"; "" for a model that labels every text itself)."""

    label: str
    confidence: float
    keep: bool
    rule: str = "min_confidence"
    model: str = ""


# The settings a row's rule can name (``decide``), in the order their rules apply.
RULES = ("min_confidence", "promo_confidence", "repeat_confidence", "comment_confidence", "block_confidence",
         "marker_confidence", "story_confidence", "gap_confidence", "disclaimer_confidence", "headline_overlap")
_RULE_NAMES = np.array(RULES, dtype=object)
KEPT_AGAIN = ("story_confidence", "headline_overlap")  # the rules that keep rows again; the others remove rows


class Decisions(NamedTuple):
    """What ``decide`` makes of each row: its label, that label's probability, whether it is kept, and the
    setting whose rule decided it (``RULES``)."""

    label: np.ndarray
    confidence: np.ndarray
    keep: np.ndarray
    rule: np.ndarray


def decide(proba: np.ndarray, classes: Sequence[str], keep: Sequence[str] = KEEP_DEFAULT,
           min_confidence: float | np.ndarray = MIN_CONFIDENCE_DEFAULT,
           block_confidence: float = BLOCK_CONFIDENCE_DEFAULT,
           doc: np.ndarray | None = None, alone: np.ndarray | None = None,
           story_confidence: float = STORY_CONFIDENCE_DEFAULT,
           promo_confidence: float | np.ndarray = PROMO_CONFIDENCE_OFF, repeated: np.ndarray | None = None,
           repeat_confidence: float = REPEAT_CONFIDENCE_DEFAULT, comments: np.ndarray | None = None,
           comment_confidence: float = COMMENT_CONFIDENCE_DEFAULT, markers: np.ndarray | None = None,
           marker_confidence: float = MARKER_CONFIDENCE_DEFAULT, chars: np.ndarray | None = None,
           gap_confidence: float = GAP_CONFIDENCE_DEFAULT, texts: Sequence[str] | None = None,
           disclaimer_confidence: float = DISCLAIMER_CONFIDENCE_DEFAULT,
           headline_overlap: float = HEADLINE_OVERLAP_DEFAULT, headers: np.ndarray | None = None) -> Decisions:
    """Turn probabilities into label, confidence, keep and rule per segment (``Decisions``).

    Rows are in reading order; ``doc`` numbers their documents (one document when omitted). "Junk"
    below is the sum of the probabilities of the labels outside ``keep``, and no rule removes a row
    whose junk is 0. The rules, in the order they apply:

    1. the cut: junk at least ``min_confidence``;
    2. the promo cut: "promo" (unless kept) alone at least ``promo_confidence`` (1 turns it off);
    3. repeated lines: ``repeated`` marks the row (a line the batch repeats, ``repeats.RepeatedLines``)
       and junk is at least ``repeat_confidence``; or, with ``chars`` and ``repeat_confidence`` under 1,
       it is ``repeats.REPEAT_LONG_CHARS`` long or longer (junk above 0 is enough, and rule 7 keeps none);
    4. comment sections: ``comments`` marks the row (``comments.comment_sections``) and junk is at
       least ``comment_confidence`` (1 turns it off);
    5. runs: junk at least ``block_confidence`` in an unbroken run of such rows, within one document,
       that holds a row removed by rules 1-4 (a ``block_confidence`` at or above ``min_confidence``
       turns runs off);
    6. marker lines: ``markers`` names a label for the row that is not kept (a line that says what it
       is, ``markers.marker_rows``; "" for none) and junk is at least ``marker_confidence`` (1 turns
       it off); such a line starts no run; so does a line of a scraper's header that ``headers`` names
       (``scraper_headers.header_labels``: Jina Reader's "Title: ...", "URL Source: ...", front matter
       between "---" lines; "" for most rows), whatever stage one reads;
    7. story protection: a removed row that stage one, reading it alone (``alone``), gives at least
       ``story_confidence`` on the kept labels is kept again when it sits within the kept story or
       next to it (``_beside_the_story``; 1 turns it off);
    8. ad gaps: a kept row whose neighbours on both sides in its document are removed as "promo"
       (their likeliest removed label) goes when junk is at least ``gap_confidence`` (1 turns it off);
    9. site disclaimers and risk warnings: with ``texts`` (each row's text), a kept row right before or after
       a row removed as "promo" that holds a risk warning addressed to the reader ("You could lose all the
       money you invest", ``disclaimers.risk_warnings_beside_ads``), and a kept row at either edge of its
       document's kept rows that holds a site's disclaimer phrase (``disclaimers.edge_disclaimers``), go, as
       the label their words name unless it is kept, when junk is at least ``disclaimer_confidence`` (1 turns
       it off), whatever stage one reads;
    10. headlines: with ``texts`` and ``chars``, a row that only a run took (rule 5) and no later rule named, and
       that is its story's headline (``headlines.swept_headlines``: a headline-like line above the story's
       opening that shares at least ``headline_overlap`` of its words with it), is kept again (1 turns it off).

    With story protection on, rules 6 (but for a scraper's header) and 8 never take a row stage one reads as
    story, and with
    ``chars`` (each row's length in characters) runs and gaps take no row of at least
    ``RUN_STORY_CHARS`` characters whose kept labels have at least ``RUN_STORY_CONFIDENCE`` in stage
    one. ``min_confidence`` and ``promo_confidence`` may hold one value per row (under "auto", each
    document's model's own).

    A removed row's label is the likeliest removed label, a kept one's the likeliest kept label, so
    a label and its keep flag never disagree; but a removed marker line or disclaimer whose junk is under
    ``min_confidence`` takes the label its marker or phrase names (the model, unsure, may favour another:
    "Advertisement" as boilerplate), with that label's probability, as does every removed line of a
    scraper's header.

    A row's rule names the setting that decided it (``RULES``): for a removed row the first rule above
    that took it ("min_confidence" for the cut, "block_confidence" for a run ...), for a row kept again
    "story_confidence" (rule 7) or "headline_overlap" (rule 10), and for a row no rule took
    "min_confidence": its junk is under the cut.
    """
    classes = np.asarray(classes, dtype=object)
    kept_class = np.isin(classes, list(keep))
    p_removed = proba[:, ~kept_class].sum(axis=1)

    def at_least(confidence):
        return (p_removed >= confidence) & (p_removed > 0)

    cuts_promo = PROMO_LABEL in classes and PROMO_LABEL not in keep
    protecting = alone is not None and story_confidence < 1
    story = alone[:, kept_class].sum(axis=1) if protecting else None  # stage one's reading of each row
    not_story = story < story_confidence if protecting else True
    # what a run or a gap may take: with story protection, no long line stage one reads as more likely story
    sweepable = (np.asarray(chars) < RUN_STORY_CHARS) | (story < RUN_STORY_CONFIDENCE) \
        if protecting and chars is not None else True

    removed = at_least(min_confidence)
    rule = np.zeros(len(proba), dtype=np.int8)  # RULES[0], min_confidence: the cut, or under it

    def took(rows, name):  # a rule removes ``rows``: named after it where no earlier rule removed them
        rule[rows & ~removed] = RULES.index(name)

    promo_confidence = np.asarray(promo_confidence)
    if cuts_promo and (promo_confidence < 1).any():
        p_promo = proba[:, list(classes).index(PROMO_LABEL)]
        cut = (p_promo >= promo_confidence) & (promo_confidence < 1)
        took(cut, "promo_confidence")
        removed |= cut
    furniture = np.zeros(len(proba), dtype=bool)  # long repeated lines: past story protection
    if repeated is not None:
        repeats = repeated & at_least(repeat_confidence)
        if chars is not None and repeat_confidence < 1:
            furniture = repeated & (np.asarray(chars) >= REPEAT_LONG_CHARS) & at_least(0)
            repeats |= furniture
        took(repeats, "repeat_confidence")
        removed |= repeats
    if comments is not None and comment_confidence < 1:
        section = comments & at_least(comment_confidence)
        took(section, "comment_confidence")
        removed |= section
    swept = None
    if np.any(block_confidence < min_confidence) and len(proba):
        before_runs = removed
        removed = _with_their_runs(removed, at_least(block_confidence) & sweepable, doc)
        swept = removed & ~before_runs
        rule[swept] = RULES.index("block_confidence")
    named = np.zeros(len(proba), dtype=bool)
    header = np.zeros(len(proba), dtype=bool)  # a scraper's header lines: marker lines past story protection
    if headers is not None and marker_confidence < 1:
        header = headers != ""
        if header.any():
            markers = np.where(header, headers, "" if markers is None else markers)
    if markers is not None and marker_confidence < 1:
        named = (markers != "") & ~np.isin(markers, list(keep)) & (not_story | header)
        marked = named & at_least(marker_confidence)
        took(marked, "marker_confidence")
        removed |= marked
    if protecting:
        protected = _beside_the_story(removed & ~not_story & ~furniture & ~header, ~removed, doc)
        rule[protected] = RULES.index("story_confidence")
        removed &= ~protected
    if gap_confidence < 1 and cuts_promo:
        as_promo = _removed_as_promo(proba, classes, kept_class, removed)
        gaps = _between(as_promo, doc) & at_least(gap_confidence) & sweepable & not_story
        took(gaps, "gap_confidence")
        removed = removed | gaps
    named_as = markers if named.any() else None
    if texts is not None and disclaimer_confidence < 1:
        found = _disclaimers(texts, doc, proba, classes, kept_class, removed, named, markers,
                             at_least(disclaimer_confidence))
        found[np.isin(found, list(keep))] = ""
        taken = found != ""
        if taken.any():
            took(taken, "disclaimer_confidence")
            removed |= taken
            named_as = np.where(taken, found, markers if markers is not None else "")
            named = (named & removed) | taken
    if swept is not None and texts is not None and chars is not None and headline_overlap < 1:
        swept &= removed & ~named
        if swept.any():
            headlines = swept_headlines(texts, np.zeros(len(proba), dtype=int) if doc is None else doc, ~removed,
                                        swept, chars, headline_overlap)
            rule[headlines] = RULES.index("headline_overlap")
            removed &= ~headlines

    index = np.where(removed[:, None] == ~kept_class[None, :], proba, -1.0).argmax(axis=1)
    # unsure, or a scraper's header: the label their words name
    own = np.flatnonzero(removed & named & ((p_removed < min_confidence) | header))
    if len(own):
        own = own[np.isin(named_as[own], classes)]
        index[own] = [list(classes).index(label) for label in named_as[own]]
    return Decisions(classes[index], proba[np.arange(len(proba)), index], ~removed, _RULE_NAMES[rule])


def _removed_as_promo(proba, classes, kept_class, removed) -> np.ndarray:
    """The ``removed`` rows whose likeliest removed label is PROMO_LABEL."""
    likeliest_removed = np.where(kept_class[None, :], -1.0, proba).argmax(axis=1)
    return removed & (classes[likeliest_removed] == PROMO_LABEL)


def _disclaimers(texts, doc, proba, classes, kept_class, removed, named, markers, removable) -> np.ndarray:
    """Rule 9 of ``decide``: per row, the label that its words name for a kept and ``removable`` row that is a
    risk warning beside a row removed as promo (``disclaimers.risk_warnings_beside_ads``) or a site's
    disclaimer at an edge of the kept rows (``disclaimers.edge_disclaimers``), "" for the others."""
    found = np.full(len(proba), "", dtype=object)
    if PROMO_LABEL in classes:
        as_promo = _removed_as_promo(proba, classes, kept_class, removed)
        if markers is not None:
            as_promo |= removed & named & (markers == PROMO_LABEL)
        found[risk_warnings_beside_ads(texts, doc, ~removed, as_promo) & removable] = PROMO_LABEL
    at_edges = edge_disclaimers(texts, doc, ~removed & (found == ""), removable)
    return np.where(at_edges != "", at_edges, found)


def _beside_the_story(shielded: np.ndarray, kept: np.ndarray, doc: np.ndarray | None) -> np.ndarray:
    """The ``shielded`` rows (removed, but story to stage one) that story protection keeps: those between
    two ``kept`` rows of their document, those in an unbroken run of shielded rows next to a kept row
    (a story's closing sentences before its share buttons), and all of a document with no kept row.
    A shielded line apart from the story, past its end with removed lines between (an author's bio,
    a site's disclaimer, a reader's comment), is not kept. ``doc`` numbers the documents (None: one)."""
    n = len(kept)
    row = np.arange(n)
    bounds = document_bounds(np.zeros(n, dtype=int) if doc is None else np.asarray(doc))
    sizes = np.diff(bounds)
    doc_start, doc_end = np.repeat(bounds[:-1], sizes), np.repeat(bounds[1:] - 1, sizes)
    kept_before = np.maximum.accumulate(np.where(kept, row, -1))  # the last kept row up to here
    kept_after = np.minimum.accumulate(np.where(kept, row, n)[::-1])[::-1]  # the first kept row from here
    has_before, has_after = kept_before >= doc_start, kept_after <= doc_end
    # removed rows that break a run of shielded ones, counted up to each row
    breaks = np.cumsum(~shielded & ~kept)
    run_from_before = has_before & (breaks == breaks[np.maximum(kept_before, 0)])
    run_to_after = has_after & (breaks[np.maximum(np.minimum(kept_after, n - 1) - 1, 0)] == breaks)
    storyless = ~has_before & ~has_after  # a document the model would empty keeps what stage one reads as story
    return shielded & ((has_before & has_after) | run_from_before | run_to_after | storyless)


def _between(flagged: np.ndarray, doc: np.ndarray | None) -> np.ndarray:
    """The rows whose rows just before and just after, in their document, are both ``flagged``
    (``doc`` numbers the documents; None: one)."""
    between = np.zeros(len(flagged), dtype=bool)
    between[1:-1] = flagged[:-2] & flagged[2:]
    if doc is not None and len(between) > 2:
        doc = np.asarray(doc)
        between[1:-1] &= (doc[:-2] == doc[1:-1]) & (doc[1:-1] == doc[2:])
    return between


def _with_their_runs(sure: np.ndarray, likely: np.ndarray, doc: np.ndarray | None) -> np.ndarray:
    """``sure`` rows plus every ``likely`` row in an unbroken run of likely rows (one document) holding a sure one."""
    likely = likely | sure
    new_run = np.r_[True, ~likely[1:] | ~likely[:-1]]
    if doc is not None:
        doc = np.asarray(doc)
        new_run[1:] |= doc[1:] != doc[:-1]
    run = np.cumsum(new_run)
    run_has_sure = np.bincount(run, weights=sure) > 0
    return sure | (likely & run_has_sure[run])


@dataclass(frozen=True)
class Thresholds:
    """The choices that turn probabilities into keep or remove, as ``decide`` reads them (README, "The
    thresholds"). None for ``min_confidence`` or ``promo_confidence``: each model's own
    (``own_min_confidence``, ``own_promo_confidence``)."""

    keep: tuple[str, ...] = KEEP_DEFAULT
    min_confidence: float | None = None
    block_confidence: float = BLOCK_CONFIDENCE_DEFAULT
    story_confidence: float = STORY_CONFIDENCE_DEFAULT
    promo_confidence: float | None = None
    repeat_confidence: float = REPEAT_CONFIDENCE_DEFAULT
    comment_confidence: float = COMMENT_CONFIDENCE_DEFAULT
    marker_confidence: float = MARKER_CONFIDENCE_DEFAULT
    gap_confidence: float = GAP_CONFIDENCE_DEFAULT
    disclaimer_confidence: float = DISCLAIMER_CONFIDENCE_DEFAULT
    headline_overlap: float = HEADLINE_OVERLAP_DEFAULT

    def __post_init__(self):
        if isinstance(self.keep, str) or not all(isinstance(label, str) for label in self.keep):
            raise InputError(f"keep must be a sequence of labels, such as ('editorial',), got {self.keep!r}")
        object.__setattr__(self, "keep", tuple(self.keep))  # any sequence given, held as a tuple
        for field in fields(self)[1:]:
            value = getattr(self, field.name)
            if value is None and field.name in ("min_confidence", "promo_confidence"):
                continue
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not 0 <= value <= 1:
                raise InputError(f"{field.name} must be a number between 0 and 1, got {value!r}")


def classify_texts(texts: Sequence[str], model, thresholds: Thresholds = Thresholds(),
                   repeats: RepeatedLines | None = None) -> list[list[LabeledSegment]]:
    """Label the segments of several texts with one model call (``repeats``: the batch's repeated lines)."""
    counts, (labels, confidence, kept, rule), to_crypto = _decide_texts(texts, model, thresholds, repeats)
    names = np.where(to_crypto, "crypto", "general") if to_crypto is not None else np.full(len(kept), "")
    out, i = [], 0
    for text, n in zip(texts, counts):
        out.append([LabeledSegment(s.text, s.start, s.end, str(labels[i + j]), float(confidence[i + j]),
                                   bool(kept[i + j]), rule[i + j], str(names[i + j]))
                    for j, s in enumerate(split_segments(text))])
        i += n
    return out


def clean_texts(texts: Sequence[str], model, thresholds: Thresholds = Thresholds(),
                repeats: RepeatedLines | None = None) -> list[str]:
    """Clean several texts with one model call (``repeats``: the batch's repeated lines)."""
    counts, (_, _, kept, _), _ = _decide_texts(texts, model, thresholds, repeats)
    ends = np.cumsum(counts)
    kept = kept.tolist()
    return [clean_article(text, kept[end - n:end]) for text, n, end in zip(texts, counts, ends)]


def _decide_texts(texts, model, thresholds: Thresholds, repeats: RepeatedLines | None):
    """The segment count of each text, the ``Decisions`` of every segment (flat), and per segment whether a
    TopicRouter gave its text to the crypto model (None for other models)."""
    try:
        table, counts = segment_table(texts)
        return counts, *_decide_table(table, model, thresholds, repeats)
    except UnicodeEncodeError:
        # Unpaired surrogates (from JSON escapes such as "\ud800") are not text pandas or the
        # features can hold. The model reads them as U+FFFD, one character for one, so every
        # segment keeps its place and the cleaned text is cut from the text as given.
        table, counts = segment_table([LONE_SURROGATE.sub("\ufffd", text) for text in texts])
        return counts, *_decide_table(table, model, thresholds, repeats)


def decide_table(table: pd.DataFrame, model, thresholds: Thresholds = Thresholds(),
                 repeats: RepeatedLines | None = None) -> Decisions:
    """The ``Decisions`` of every row of a segment table (``doc_id`` numbering its documents 0, 1, 2 ... in
    reading order, each document's rows together and in order; ``text``), as `detector clean` makes them for
    the segments of a batch whose repeated lines are ``repeats``."""
    return _decide_table(table, model, thresholds, repeats)[0]


def _decide_table(table: pd.DataFrame, model, thresholds: Thresholds,
                  repeats: RepeatedLines | None) -> tuple[Decisions, np.ndarray | None]:
    """``decide_table``, and per row whether a TopicRouter gave its document to the crypto model (None for
    other models)."""
    if len(table) == 0:
        return (Decisions(np.array([], dtype=object), np.array([]), np.array([], dtype=bool),
                          np.array([], dtype=object)), None)
    t = thresholds
    doc = table["doc_id"].to_numpy()
    texts = table["text"].tolist()
    in_header, headers = scraper_headers(texts, doc)
    if in_header.any():  # a scraper's header is no part of the page: read as a document of its own
        doc = with_headers_apart(doc, in_header)
        table = table.assign(doc_id=doc)
    alone, proba, min_confidence, promo_confidence, to_crypto = _table_probabilities(
        model, table, doc, t.min_confidence, t.promo_confidence)
    repeated = None if repeats is None else repeats.marks(table)
    comments = comment_marks(texts, doc, alone, proba, model.classes_, t.keep) \
        if t.comment_confidence < 1 else None  # 1 turns the rule off: no need to look for sections
    markers = None
    if t.marker_confidence < 1:  # only rows the model keeps can change (the others go anyway), and of
        # those only rows that stage one does not read as story (``decide`` leaves those to the model)
        kept_class = np.isin(model.classes_, list(t.keep))
        junk = proba[:, ~kept_class].sum(axis=1)
        may_change = junk < min_confidence
        if t.story_confidence < 1:
            may_change &= alone[:, kept_class].sum(axis=1) < t.story_confidence
        markers = line_marks(texts, doc, junk, np.flatnonzero(may_change))
    decisions = decide(proba, model.classes_, t.keep, min_confidence, t.block_confidence, doc, alone,
                       t.story_confidence, promo_confidence, repeated, t.repeat_confidence, comments,
                       t.comment_confidence, markers, t.marker_confidence, text_lengths(texts), t.gap_confidence,
                       texts, t.disclaimer_confidence, t.headline_overlap, headers)
    return decisions, to_crypto


def line_marks(texts: Sequence[str], doc: np.ndarray, junk: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    """Per row, the label it names itself by, "" for most: ``markers.marker_rows``, and "boilerplate" for a link
    of a list under a related-stories heading or a row of a table of contents (``related.link_lists``) that
    has at least ``RELATED_MIN_JUNK`` of ``junk`` (the probability of the labels not kept). Only ``rows``
    (None: all) are read."""
    marks = np.full(len(texts), "", dtype=object)
    rows = np.arange(len(texts)) if rows is None else rows
    marks[rows] = marker_rows([texts[row] for row in rows])
    listed = np.zeros(len(texts), dtype=bool)
    listed[rows] = True
    listed &= link_lists(texts, doc) & (junk >= RELATED_MIN_JUNK) & (marks == "")
    marks[listed] = "boilerplate"
    return marks


def comment_marks(texts: Sequence[str], doc: np.ndarray, alone: np.ndarray, proba: np.ndarray,
                  classes: Sequence[str], keep: Sequence[str] = KEEP_DEFAULT) -> np.ndarray:
    """``comments.comment_sections`` of segments with these probabilities (stage one's as ``alone``,
    columns in ``classes`` order; story read on the labels in ``keep``, junk on the others)."""
    kept_class = np.isin(classes, list(keep))
    return comment_sections(texts, doc, alone[:, kept_class].sum(axis=1), proba[:, ~kept_class].sum(axis=1))


def rule_marks(texts: Sequence[str], doc: np.ndarray, alone: np.ndarray | None, proba: np.ndarray,
               classes: Sequence[str], keep: Sequence[str] = KEEP_DEFAULT,
               repeat_documents: int = REPEAT_DOCUMENTS_DEFAULT) -> dict[str, np.ndarray]:
    """What ``decide`` reads from the texts, as its keyword arguments, for rows (in reading order, ``doc``
    numbering their documents) labeled as one batch, as a run of ``detector clean`` over them would be:
    ``repeated`` (lines ``repeat_documents`` of the documents repeat; 0: none), ``comments``
    (reader-comment sections; none without stage one's ``alone``), ``markers`` (marker lines),
    ``chars`` (each row's length, for the runs) and ``texts`` (for the site disclaimers and risk warnings). For
    scoring labeled data; the pipeline itself reads only what it needs.
    """
    segments = pd.DataFrame({"doc_id": doc, "text": pd.Series(texts, dtype=object)})
    repeats = RepeatedLines(repeat_documents)
    repeats.add(segments)
    kept_class = np.isin(classes, list(keep))
    marks = {"repeated": repeats.marks(segments), "markers": line_marks(texts, doc, proba[:, ~kept_class].sum(axis=1)),
             "chars": text_lengths(texts), "texts": texts, "headers": header_labels(texts, doc)}
    if alone is not None:
        marks["comments"] = comment_marks(texts, doc, alone, proba, classes, keep)
    return marks


def segment_frame(doc_ids: Sequence, labeled: Sequence[list[LabeledSegment]], name: str,
                  confidence_digits: int | None = None) -> pd.DataFrame:
    """The table of labeled segments (``SEGMENT_COLUMNS``) of texts labeled by the model called ``name``, one
    id per text. The model column says "crypto" or "general" under a TopicRouter (the segment's ``model``), else
    ``name``; ``confidence_digits`` rounds the confidence (None keeps it whole)."""
    rows = [(doc_id, position, s.text, s.start, s.end, s.label,
             s.confidence if confidence_digits is None else round(s.confidence, confidence_digits), s.keep, s.rule,
             s.model or name)
            for doc_id, segments in zip(doc_ids, labeled) for position, s in enumerate(segments)]
    try:
        return pd.DataFrame(rows, columns=SEGMENT_COLUMNS)
    except UnicodeEncodeError:  # a text with unpaired surrogates: no string column of pandas holds it
        columns = zip(SEGMENT_COLUMNS, zip(*rows))
        return pd.DataFrame({name: pd.Series(values, dtype=object) if name == "text" else list(values)
                             for name, values in columns})


def own_min_confidence(model) -> float:
    """The min_confidence ``model`` is used at when the caller names none (``CRYPTO_MIN_CONFIDENCE``
    for the bundled crypto model, else ``MIN_CONFIDENCE_DEFAULT``)."""
    return getattr(model, "min_confidence_default", MIN_CONFIDENCE_DEFAULT)


def own_promo_confidence(model) -> float:
    """The promo_confidence ``model`` is used at when the caller names none (``CRYPTO_PROMO_CONFIDENCE``
    for the bundled crypto model, else ``PROMO_CONFIDENCE_OFF``)."""
    return getattr(model, "promo_confidence_default", PROMO_CONFIDENCE_OFF)


def own_thresholds_per_row(model, to_crypto: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the own min_confidence and promo_confidence of the model that labels it: for a
    TopicRouter, its crypto model's on the rows of ``to_crypto`` and its general model's on the others."""
    def per_row(own):
        if isinstance(model, TopicRouter):
            return np.where(to_crypto, own(model.crypto), own(model.general))
        return np.full(len(to_crypto), own(model))
    return per_row(own_min_confidence), per_row(own_promo_confidence)


def label_probabilities(model, X: pd.DataFrame, min_confidence: float | None = None,
                        promo_confidence: float | None = None):
    """Stage one's and the final probabilities of the rows of ``X``, and the min_confidence and
    promo_confidence each row is decided at: the ones given, or when None the own values of the
    model that labels the row."""
    if isinstance(model, TopicRouter):
        to_crypto, alone, proba = model.route_and_predict(X)
    else:
        (alone, proba), to_crypto = model.predict_proba_by_stage(X), np.zeros(len(X), dtype=bool)
    return alone, proba, *_decided_at(model, to_crypto, min_confidence, promo_confidence)


def _decided_at(model, to_crypto: np.ndarray, min_confidence: float | None,
                promo_confidence: float | None) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the min_confidence and promo_confidence it is decided at: the ones given, or when None the own
    values of the model that labels the row (``own_thresholds_per_row``)."""
    own = own_thresholds_per_row(model, to_crypto)
    return tuple(values if given is None else np.full(len(to_crypto), given)
                 for given, values in zip((min_confidence, promo_confidence), own))


def _table_probabilities(model, table: pd.DataFrame, doc: np.ndarray, min_confidence: float | None,
                         promo_confidence: float | None):
    """``label_probabilities`` of a segment table whose rows are grouped by document (``doc``), in model calls
    of at most ``MODEL_CALL_SEGMENTS`` segments of whole documents, and per row whether a TopicRouter gave it
    to the crypto model (None for other models). A TopicRouter routes the whole table first, so each of its
    models gets all its documents of the table together: a batch with a few crypto documents makes one call
    of the crypto model, not one per part (each call has a fixed cost)."""
    if not isinstance(model, TopicRouter):
        parts = [label_probabilities(model, table.iloc[start:stop], min_confidence, promo_confidence)
                 for start, stop in _whole_documents(doc, MODEL_CALL_SEGMENTS)]
        return *(np.concatenate(arrays) for arrays in zip(*parts)), None

    def calls(rows):  # one model's rows (whole documents) in model calls of at most MODEL_CALL_SEGMENTS
        return [rows[start:stop] for start, stop in _whole_documents(doc[rows], MODEL_CALL_SEGMENTS)]

    to_crypto, alone, proba = model.route_and_predict(table, calls)
    return alone, proba, *_decided_at(model, to_crypto, min_confidence, promo_confidence), to_crypto


def _whole_documents(doc: np.ndarray, max_rows: int) -> list[tuple[int, int]]:
    """Row ranges ``start:stop`` that cut ``doc`` (grouped by document) only between documents,
    each at most ``max_rows`` rows unless one document alone is longer."""
    edges = document_bounds(doc)
    ranges, start = [], 0
    for previous, edge in zip(edges[:-1], edges[1:]):
        if edge - start > max_rows and previous > start:
            ranges.append((start, int(previous)))
            start = int(previous)
    ranges.append((start, len(doc)))
    return ranges


def line_count(text: str) -> int:
    """How many lines ``text`` holds: its segments at most."""
    return text.count("\n") + 1


def classify_batches(text_batches: Iterable[list[str]], model, thresholds: Thresholds = Thresholds(),
                     repeats: RepeatedLines | None = None, jobs: int = 1,
                     workers: Workers | None = None) -> Iterator[list[list[LabeledSegment]]]:
    """``classify_texts`` over a stream of batches, results in order.

    With ``jobs`` > 1 (or -1 for every core) the batches are spread over worker
    processes that each receive the model once (``workers``' own, if given); at most two batches per
    worker are in flight, so memory stays flat however long the stream. ``repeats``: the repeated
    lines of the whole stream, counted beforehand (``RepeatedLines``), or None.
    """
    return over_batches(classify_texts, text_batches, model, (thresholds, repeats), jobs, workers=workers)


def clean_batches(text_batches: Iterable[list[str]], model, thresholds: Thresholds = Thresholds(),
                  repeats: RepeatedLines | None = None, jobs: int = 1,
                  workers: Workers | None = None) -> Iterator[list[str]]:
    """``clean_texts`` over a stream of batches, results in order; workers as in ``classify_batches``.

    The workers send back cleaned texts only, which is far less to move between processes
    than every labeled segment.
    """
    return over_batches(clean_texts, text_batches, model, (thresholds, repeats), jobs, workers=workers)


def count_batches(item_batches: Iterable[list], jobs: int = 1, read: Callable[[Any], list[str]] | None = None,
                  lines: Callable[[Any], int] = line_count,
                  workers: Workers | None = None) -> Iterator[list[tuple[tuple[np.ndarray, np.ndarray], int]]]:
    """``repeats.counted_lines`` of each batch's texts, with their number, per part of the batch (with
    workers as in ``classify_batches``), in order: the first pass of a batch run, for
    ``RepeatedLines.add_counted``.

    Items are texts, or with ``read`` (picklable) anything it turns into texts where the batch is
    counted, so that workers can read the input too; ``lines`` tells about how many lines an item holds.
    """
    return over_batches(_counted_parts, item_batches, None, (read,), jobs, lines, workers)


def _counted_parts(items: list, model, read) -> list[tuple[tuple[np.ndarray, np.ndarray], int]]:
    texts = items if read is None else [text for item in items for text in read(item)]
    return [(counted_lines(texts), len(texts))]


class Workers:
    """Worker processes that the batch runs of one command share (its first pass and its labeling):
    started on first use, each receiving ``model`` once, stopped when the ``with`` block ends."""

    def __init__(self, model, jobs: int):
        self.model, self.jobs = model, _job_count(jobs)
        self.pool = None

    def start(self, context):
        if self.pool is None:
            self.pool = context.Pool(self.jobs, initializer=_set_worker_model, initargs=(self.model,))
        return self.pool

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc_info) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool = None


def _job_count(jobs: int) -> int:
    return (os.cpu_count() or 1) if jobs == -1 else max(jobs, 1)


def over_batches(step, text_batches, model, choices: tuple, jobs: int, lines=line_count,
                 workers: Workers | None = None) -> Iterator[list]:
    """``step(texts, model, *choices)`` over the batches, in this process or in ``jobs`` workers
    (``workers``', if given: then ``model`` is theirs).

    ``step`` (picklable) returns one result per item of the list it is given; the results of each
    batch come back in order. ``lines`` tells about how many lines an item holds.

    With workers, each batch is cut into ``jobs`` parts of consecutive texts, so even a stream
    of one batch keeps every worker busy. A stream of one batch stays in this process when it
    has fewer than ``LONE_BATCH_WORKER_LINES`` lines, or when workers not started yet would start
    from a server (about a second, longer than labeling the batch).
    """
    jobs = workers.jobs if workers is not None else _job_count(jobs)
    text_batches = iter(text_batches)
    first = list(islice(text_batches, 2))
    text_batches = chain(first, text_batches)
    lone_batch = len(first) < 2
    in_process = jobs == 1 or (lone_batch and not _worth_splitting(first, lines))
    running = workers is not None and workers.pool is not None
    if not in_process and not running:
        context = _worker_context()
        in_process = lone_batch and context.get_start_method() != "fork"
    if in_process:
        yield from (step(texts, model, *choices) for texts in text_batches)
        return
    if workers is None:  # workers of this stream alone, stopped when it ends
        pool = stopping = context.Pool(jobs, initializer=_set_worker_model, initargs=(model,))
    else:  # shared workers: their owner stops them
        pool, stopping = workers.pool if running else workers.start(context), contextlib.nullcontext()
    with stopping:
        pending: deque = deque()  # per batch, its parts in flight
        for texts in text_batches:
            pending.append([pool.apply_async(_step_in_worker, (step, part, choices)) for part in _parts(texts, jobs)])
            if len(pending) >= 2 * jobs:
                yield _joined(pending.popleft())
        while pending:
            yield _joined(pending.popleft())


def _joined(parts: list) -> list:
    """One batch's results from the results of its parts, in order."""
    return [result for part in parts for result in part.get()]


def _worth_splitting(lone: list[list[str]], lines=line_count) -> bool:
    """Whether a stream holding only the batch ``lone`` (or nothing) is worth sending to forked workers."""
    return bool(lone) and len(lone[0]) > 1 and sum(map(lines, lone[0])) >= LONE_BATCH_WORKER_LINES


def _parts(texts: list, n_parts: int) -> list[list]:
    """``texts`` cut into at most ``n_parts`` runs of consecutive texts of near-equal counts."""
    n_parts = min(n_parts, len(texts)) or 1
    bounds = [round(i * len(texts) / n_parts) for i in range(n_parts + 1)]
    return [texts[start:stop] for start, stop in pairwise(bounds)]


_worker_model = None
_thread_limit = None


def reuse_freed_memory() -> bool:
    """Let this process reuse the memory of freed arrays up to 256 MiB instead of handing it back.

    A batch run allocates and frees arrays of the same large sizes again and again. By default
    glibc maps each one fresh from the kernel and returns it when freed: about 85k page faults
    per 100k segments instead of 20k, which cost from nothing to a fifth of the run time
    depending on the machine, for about 17 MiB less peak memory. The command line calls this
    for the batch runs, as do worker processes. Returns False (and changes nothing) where the
    C library is not glibc.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, _REUSED_BYTES)) and \
            bool(libc.mallopt(_M_TRIM_THRESHOLD, _REUSED_BYTES))
    except (OSError, AttributeError):
        return False


def _set_worker_model(model) -> None:
    global _worker_model, _thread_limit
    from threadpoolctl import threadpool_limits

    reuse_freed_memory()
    _worker_model = model
    _thread_limit = threadpool_limits(1)  # one core per worker: the processes share the machine


def _step_in_worker(step, texts: list[str], choices: tuple):
    return step(texts, _worker_model, *choices)


def batches(items: Iterable, max_segments: int = BATCH_SEGMENTS, lines=line_count) -> Iterator[list]:
    """Group items (texts, or anything ``lines`` counts the lines of) into batches of about ``max_segments`` lines."""
    batch: list = []
    size = 0
    for item in items:
        batch.append(item)
        size += lines(item)
        if size >= max_segments:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _worker_context():
    """Worker processes that start as fast as is safe.

    Forked from this process when that is safe: on Linux (macOS system libraries do not survive
    a fork), with no other thread, and the boosted trees never run here (a forked copy would lack
    their OpenMP threads and could hang). Workers then start in milliseconds and share the
    model's memory. Otherwise forked from a clean server that has imported detector (about a
    second to start), or spawned where there is none (Windows).
    """
    import multiprocessing
    import threading

    from .model import trees_ran_in_this_process

    methods = multiprocessing.get_all_start_methods()
    if (sys.platform.startswith("linux") and threading.active_count() == 1
            and not trees_ran_in_this_process()):
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["detector.model"])
    return context
