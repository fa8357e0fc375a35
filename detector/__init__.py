"""detector: keep the journalism of scraped news articles, drop the ads, bylines and page furniture.

>>> from detector import clean
>>> cleaned = clean(article_text)  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from .comments import COMMENT_CONFIDENCE_DEFAULT
from .errors import DataError, DetectorError, InputError, ModelError
from .headlines import HEADLINE_OVERLAP_DEFAULT
from .markers import MARKER_CONFIDENCE_DEFAULT
from .persistence import load_model, save_model
from .pipeline import (
    BLOCK_CONFIDENCE_DEFAULT, CRYPTO_MIN_CONFIDENCE, CRYPTO_PROMO_CONFIDENCE, DISCLAIMER_CONFIDENCE_DEFAULT,
    GAP_CONFIDENCE_DEFAULT, KEEP_DEFAULT, MIN_CONFIDENCE_DEFAULT, STORY_CONFIDENCE_DEFAULT, LabeledSegment, Thresholds,
    classify_texts, clean_texts, segment_frame,
)
from .repeats import REPEAT_CONFIDENCE_DEFAULT, REPEAT_DOCUMENTS_DEFAULT, RepeatedLines
from .segments import Segment, split_segments

__all__ = [
    "classify", "clean", "clean_frame", "classify_frame", "load_model", "save_model", "split_segments",
    "Segment", "LabeledSegment", "Thresholds", "DetectorError", "InputError", "DataError", "ModelError",
    "KEEP_DEFAULT", "MIN_CONFIDENCE_DEFAULT", "CRYPTO_MIN_CONFIDENCE", "BLOCK_CONFIDENCE_DEFAULT",
    "STORY_CONFIDENCE_DEFAULT", "CRYPTO_PROMO_CONFIDENCE", "RepeatedLines", "REPEAT_DOCUMENTS_DEFAULT",
    "REPEAT_CONFIDENCE_DEFAULT", "COMMENT_CONFIDENCE_DEFAULT", "MARKER_CONFIDENCE_DEFAULT", "GAP_CONFIDENCE_DEFAULT",
    "DISCLAIMER_CONFIDENCE_DEFAULT", "HEADLINE_OVERLAP_DEFAULT",
]


def classify(text: str, *, model=None, keep: Sequence[str] = KEEP_DEFAULT, min_confidence: float | None = None,
             block_confidence: float = BLOCK_CONFIDENCE_DEFAULT,
             story_confidence: float = STORY_CONFIDENCE_DEFAULT,
             promo_confidence: float | None = None, repeats: RepeatedLines | None = None,
             repeat_confidence: float = REPEAT_CONFIDENCE_DEFAULT,
             comment_confidence: float = COMMENT_CONFIDENCE_DEFAULT,
             marker_confidence: float = MARKER_CONFIDENCE_DEFAULT,
             gap_confidence: float = GAP_CONFIDENCE_DEFAULT,
             disclaimer_confidence: float = DISCLAIMER_CONFIDENCE_DEFAULT,
             headline_overlap: float = HEADLINE_OVERLAP_DEFAULT) -> list[LabeledSegment]:
    """Label every segment of ``text``.

    Parameters
    ----------
    text : str
        One article as scraped: one segment per non-blank line.
    model : SegmentClassifier, str or Path, optional
        A fitted model, a saved model's file, or a bundled model's name ("auto", "general",
        "crypto"); "auto" when omitted (crypto news to "crypto", the rest to "general").
    keep : sequence of str
        Labels that a cleaned article keeps.
    min_confidence : float, optional
        Remove a segment when the labels outside ``keep`` have at least this probability. When
        omitted, the model's own: ``CRYPTO_MIN_CONFIDENCE`` (0.8) for the bundled crypto model
        and the documents "auto" gives it, ``MIN_CONFIDENCE_DEFAULT`` (0.95) for the others.
    block_confidence : float
        Also remove a segment whose labels outside ``keep`` have at least this probability
        when it sits in an unbroken run of such segments that holds one removed at
        ``min_confidence`` (an ad's bullets go with its headline). At or above
        ``min_confidence``, only ``min_confidence`` counts.
    story_confidence : float
        Never remove a segment that the model's first stage, reading it alone, gives at least
        this probability on the labels in ``keep`` (a story's closing sentence before a block
        of links stays). 1 turns this off.
    promo_confidence : float, optional
        Also remove a segment when "promo" alone (if not in ``keep``) has at least this
        probability; 1 turns this off. When omitted, the model's own:
        ``CRYPTO_PROMO_CONFIDENCE`` (0.6) for the bundled crypto model and the documents "auto"
        gives it (ads in the story's voice), off for the others.
    repeats : RepeatedLines, optional
        The repeated lines of the batch ``text`` belongs to (``RepeatedLines.from_texts(batch)``):
        a segment whose line at least its ``min_documents`` (``REPEAT_DOCUMENTS_DEFAULT``, 3)
        documents of the batch hold is also removed when the labels outside ``keep`` have at
        least ``repeat_confidence`` (a site's furniture: "Advertisement", "Hide caption", the
        same newsletter box).
        ``clean_frame`` and ``classify_frame`` count their own texts.
    repeat_confidence : float
        See ``repeats``; a repeated line of ``repeats.REPEAT_LONG_CHARS`` (80) characters or more goes
        whatever its probability. 1 keeps repeated lines like any other.
    comment_confidence : float
        A reader-comment section (from a header such as "Comments (41)", "Leave a Reply" or
        "12 Kommentare" after the story, to the end of the text: ``comments.comment_sections``)
        is removed where the labels outside ``keep`` have at least this probability; 0 (the
        default, ``COMMENT_CONFIDENCE_DEFAULT``) removes all of it except what story protection
        keeps, 1 treats it like the rest of the text.
    marker_confidence : float
        A line that says what it is (``markers``: an ad label such as "Advertisement", "Anzeige", "Реклама"
        or "광고", which is promo; a head before a colon that names a link to another story, tags, a date,
        share buttons, a photo credit or a site's disclaimer, "Read also: ...", "Tags: ...", "Updated: ...",
        "Foto: ...", "Disclaimer: ...", or a date or a time ago alone on its line, "March 22, 2017", "3
        hours ago", or a list of headlines under a heading such as "Related articles" or "Lees ook" or a
        table of contents (heading included) that the model gives at least ``related.RELATED_MIN_JUNK`` of
        junk, which is boilerplate; or a byline, "By: ...", "Door: ...", which is bio; about 30 languages)
        is removed, unless that label is in ``keep``, where the labels outside ``keep`` have at least this
        probability, and labeled so where the model alone would keep it; 0 (the default,
        ``MARKER_CONFIDENCE_DEFAULT``) removes every one that the first stage does not read as story
        (``story_confidence``), 1 treats them like any other line. The lines of a scraper's header above
        the text (``scraper_headers``: "Title: ...", "URL Source: ...", front matter between "---" lines)
        are marker lines too, removed whatever the first stage reads.
    gap_confidence : float
        Also remove a segment whose neighbours on both sides (the segments just before and just
        after it) are removed as "promo", when the labels outside ``keep`` have at least this
        probability (``GAP_CONFIDENCE_DEFAULT``, 0.4): an ad's pitch line between its removed headline
        and its removed bullets. Never a line that the first stage reads as story
        (``story_confidence``), nor a long one it reads as more likely story than not. 1 turns this off.
    disclaimer_confidence : float
        Also remove the risk warning right next to a line removed as promo ("You could lose all the money you
        invest", "CFDs are complex instruments ...", "投资有风险"; addressed to the reader, not a story's
        report of a risk), as promo, and a site's disclaimer at either edge of the kept text, a line that holds a
        phrase such as "This article is not investment advice", "The views expressed are the author's own",
        "Die Inhalte dienen ausschließlich der Information" or "We may earn a commission" (``disclaimers``, 26
        languages; not inside quotation marks), when the labels outside ``keep`` have at least this probability:
        0 (the default, ``DISCLAIMER_CONFIDENCE_DEFAULT``) any junk at all, even where the first stage reads it
        as story. Walking in from each end of the kept lines, short lines are passed over and the first longer
        line without such a phrase stops the walk. 1 turns this off.
    headline_overlap : float
        Keep the story's headline where a run of page furniture took it (a menu above it, the byline, date and
        share lines below): of the lines a run took among the ``headlines.HEADLINE_WINDOW`` (20) above the
        story's first kept line of 150 characters or more, the one that reads like a headline (five words or
        more, no full stop, no marker line, no headline-like line right above or below) and whose words the
        story's first long lines repeat, at least this share of them (``HEADLINE_OVERLAP_DEFAULT``, 0.5) and
        two or more. Lower keeps more such lines; 1 turns this off.

    Returns
    -------
    list of LabeledSegment
        text, start, end (span in ``text``), label, confidence, keep, and rule: the setting above whose
        rule decided the segment's keep ("min_confidence" for a segment removed by the cut or kept under
        it, "block_confidence" for one a run took, "story_confidence" for one story protection kept ...),
        the one to change to change that segment; and model: the bundled model that labeled the text
        under "auto" ("crypto" or "general"), "" for a model that labels every text itself.
    """
    thresholds = _thresholds(locals())
    return classify_texts([_text(text)], _model(model), thresholds, repeats)[0]


def clean(text: str, *, model=None, keep: Sequence[str] = KEEP_DEFAULT, min_confidence: float | None = None,
          block_confidence: float = BLOCK_CONFIDENCE_DEFAULT, story_confidence: float = STORY_CONFIDENCE_DEFAULT,
          promo_confidence: float | None = None, repeats: RepeatedLines | None = None,
          repeat_confidence: float = REPEAT_CONFIDENCE_DEFAULT,
          comment_confidence: float = COMMENT_CONFIDENCE_DEFAULT,
          marker_confidence: float = MARKER_CONFIDENCE_DEFAULT, gap_confidence: float = GAP_CONFIDENCE_DEFAULT,
          disclaimer_confidence: float = DISCLAIMER_CONFIDENCE_DEFAULT,
          headline_overlap: float = HEADLINE_OVERLAP_DEFAULT) -> str:
    """Return ``text`` with only its kept segments, byte for byte, in order (see ``classify``)."""
    thresholds = _thresholds(locals())
    return clean_texts([_text(text)], _model(model), thresholds, repeats)[0]


def clean_frame(frame: pd.DataFrame, text_column: str = "text", *, output_column: str = "clean_text", model=None,
                keep: Sequence[str] = KEEP_DEFAULT, min_confidence: float | None = None,
                block_confidence: float = BLOCK_CONFIDENCE_DEFAULT,
                story_confidence: float = STORY_CONFIDENCE_DEFAULT,
                promo_confidence: float | None = None, repeat_documents: int = REPEAT_DOCUMENTS_DEFAULT,
                repeat_confidence: float = REPEAT_CONFIDENCE_DEFAULT,
                comment_confidence: float = COMMENT_CONFIDENCE_DEFAULT,
                marker_confidence: float = MARKER_CONFIDENCE_DEFAULT,
                gap_confidence: float = GAP_CONFIDENCE_DEFAULT,
                disclaimer_confidence: float = DISCLAIMER_CONFIDENCE_DEFAULT,
                headline_overlap: float = HEADLINE_OVERLAP_DEFAULT) -> pd.DataFrame:
    """Return a copy of ``frame`` with the cleaned text of ``text_column`` in ``output_column``.

    Missing texts (None / NaN) stay missing; every other column is kept as it was. The frame is
    one batch: a line that ``repeat_documents`` of its texts hold goes at ``repeat_confidence``
    (see ``classify``; 0 documents turns this off).
    """
    if text_column not in frame.columns:
        raise InputError(f"the frame has no column {text_column!r} (columns: {', '.join(map(str, frame.columns))})")
    thresholds = _thresholds(locals())
    model = _model(model)
    texts = frame[text_column]
    present = texts.map(lambda t: isinstance(t, str))
    cleaned = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if present.any():
        present_texts = texts[present].tolist()
        cleaned[present] = clean_texts(present_texts, model, thresholds,
                                       RepeatedLines.from_texts(present_texts, repeat_documents))
    out = frame.copy()
    out[output_column] = cleaned
    return out


def classify_frame(frame: pd.DataFrame, text_column: str = "text", id_column: str | None = None, *, model=None,
                   keep: Sequence[str] = KEEP_DEFAULT, min_confidence: float | None = None,
                   block_confidence: float = BLOCK_CONFIDENCE_DEFAULT,
                   story_confidence: float = STORY_CONFIDENCE_DEFAULT,
                   promo_confidence: float | None = None, repeat_documents: int = REPEAT_DOCUMENTS_DEFAULT,
                   repeat_confidence: float = REPEAT_CONFIDENCE_DEFAULT,
                   comment_confidence: float = COMMENT_CONFIDENCE_DEFAULT,
                   marker_confidence: float = MARKER_CONFIDENCE_DEFAULT,
                   gap_confidence: float = GAP_CONFIDENCE_DEFAULT,
                   disclaimer_confidence: float = DISCLAIMER_CONFIDENCE_DEFAULT,
                   headline_overlap: float = HEADLINE_OVERLAP_DEFAULT) -> pd.DataFrame:
    """One row per segment of every text in ``frame``: doc_id, position, text, start, end, label, confidence, keep,
    rule (the setting that decided the segment, as ``classify`` gives it) and model (which model labeled the
    text: "crypto" or "general" under "auto", else the model given).
    Repeated lines as in ``clean_frame``."""
    for column in (text_column, id_column):
        if column is not None and column not in frame.columns:
            raise InputError(f"the frame has no column {column!r} (columns: {', '.join(map(str, frame.columns))})")
    thresholds = _thresholds(locals())
    name = str(model) if isinstance(model, (str, Path)) else type(model).__name__
    model = _model(model)
    ids = frame[id_column].tolist() if id_column else frame.index.tolist()
    texts = [t if isinstance(t, str) else "" for t in frame[text_column]]
    labeled = classify_texts(texts, model, thresholds, RepeatedLines.from_texts(texts, repeat_documents))
    return segment_frame(ids, labeled, name)


def _thresholds(arguments: dict) -> Thresholds:
    """The ``Thresholds`` named by a public function's own arguments (its ``locals()``), each by its field's name."""
    return Thresholds(**{field.name: arguments[field.name] for field in dataclasses.fields(Thresholds)})


def _text(text) -> str:
    """``text`` if it is a string, else a clear error."""
    if isinstance(text, str):
        return text
    hint = " (decode bytes first: text.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
    raise InputError(f"text must be a str, got {type(text).__name__}{hint}")


def _model(model):
    """A fitted model as given, or loaded from a file or a bundled model's name (None: "auto")."""
    return load_model(model) if model is None or isinstance(model, (str, Path)) else model
