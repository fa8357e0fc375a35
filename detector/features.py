"""Segments -> features: what a segment looks like, where it sits, and what surrounds it.

Everything here is a named module-level function, so a saved model pickles cleanly.
Three families:

* text: character n-grams of the normalised head of the segment (multilingual,
  no per-language code);
* layout: length, end punctuation, digits, currency, bullets, URLs, handles,
  capitals, a trailing colon ... of the segment alone;
* position: where the segment sits in its document, and how far it is from the
  running prose of the article.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

TEXT_HEAD_CHARS = 300  # n-grams look at this many leading characters: enough to tell, cheap on long paragraphs

_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"^(?:[•·▪▸►◦‣∙●○■□◆✓✔✅☑➤→*+\-–—]|\d{1,2}[.)]\s|\(\d{1,2}\)\s)")
_SENTENCE_END = re.compile(r"[.!?…。！？;；][\"'”’»)\]]*$")
_QUOTE_END = re.compile(r"[\"”’»“」』]$")
_SENTENCE_BREAK = re.compile(r"[.!?。！？](?:\s|$)")
_CURRENCY = re.compile(r"[$€£¥₿₽₺₹]|\b(?:usd|eur|usdt|usdc|btc|eth|gbp|jpy|brl|try|pln|chf)\b", re.I)
_URL = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|io|co|de|nl|fr|es|it|pl|ru|jp|cn|uk)\b", re.I)
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b")
_COPYRIGHT = re.compile(r"©|\(c\)|®|™", re.I)
_DATE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\d{4}年|\d{1,2}月\d{1,2}日"
)
_SEPARATORS = re.compile(r"\s[|/»›>·•–-]\s|\s\|$|^\|")
_WORD = re.compile(r"\w+")

LAYOUT_COLUMNS = [
    "log_chars", "log_words", "ends_sentence", "ends_colon", "ends_pipe", "ends_quote",
    "starts_bullet", "starts_upper", "starts_digit", "sentences", "digit_share", "upper_share",
    "title_share", "punct_share", "currency", "url", "handle", "email", "copyright", "date",
    "separators", "all_caps", "has_letters",
]
POSITION_COLUMNS = [
    "rel_position", "log_from_start", "log_from_end", "log_doc_segments", "rel_chars_before",
    "len_vs_doc_median", "prose_distance", "before_prose", "after_prose", "prose_share_nearby",
    "short_run",
]


def normalise_text(text: str) -> str:
    """Lower-case the head of a segment and map every digit to 0, for n-grams."""
    return _DIGIT.sub("0", text[:TEXT_HEAD_CHARS].lower())


def normalise_texts(texts) -> list[str]:
    """``normalise_text`` over a column (a FunctionTransformer step)."""
    return [normalise_text(t) for t in texts]


def layout_row(text: str) -> list[float]:
    """The context-free layout features of one segment, in ``LAYOUT_COLUMNS`` order."""
    n = len(text)
    words = _WORD.findall(text)
    letters = [c for c in text if c.isalpha()]
    n_letters = len(letters) or 1
    upper = sum(c.isupper() for c in letters)
    titled = sum(w[0].isupper() for w in words if w[0].isalpha())
    punct = sum(1 for c in text if not c.isalnum() and not c.isspace())
    return [
        np.log1p(n),
        np.log1p(len(words)),
        float(bool(_SENTENCE_END.search(text))),
        float(text.endswith((":", "："))),
        float(text.endswith("|")),
        float(bool(_QUOTE_END.search(text))),
        float(bool(_BULLET.match(text))),
        float(text[:1].isupper()),
        float(text[:1].isdigit()),
        float(min(len(_SENTENCE_BREAK.findall(text)), 10)),
        len(_DIGIT.findall(text)) / n,
        upper / n_letters,
        titled / (len(words) or 1),
        punct / n,
        float(bool(_CURRENCY.search(text))),
        float(bool(_URL.search(text))),
        float(bool(_HANDLE.search(text))),
        float(bool(_EMAIL.search(text))),
        float(bool(_COPYRIGHT.search(text))),
        float(bool(_DATE.search(text))),
        float(min(len(_SEPARATORS.findall(text)), 5)),
        float(upper > 3 and upper == len(letters)),
        float(bool(letters)),
    ]


def layout_features(texts) -> np.ndarray:
    """Layout features of every segment: an array of shape (n, len(LAYOUT_COLUMNS))."""
    return np.array([layout_row(t) for t in texts], dtype=float).reshape(-1, len(LAYOUT_COLUMNS))


def is_prose(text: str) -> bool:
    """A running sentence of the story: long enough and ending like a sentence."""
    return len(text) >= 120 and bool(_SENTENCE_END.search(text)) or len(text) >= 300


def position_features(frame: pd.DataFrame) -> np.ndarray:
    """Where each segment sits in its document.

    ``frame`` holds one document per run of equal ``doc_id``, rows in reading
    order (see ``model.sort_documents``). Returns shape (n, len(POSITION_COLUMNS)).
    """
    out = np.zeros((len(frame), len(POSITION_COLUMNS)))
    texts = frame["text"].tolist()
    starts = np.flatnonzero(np.r_[True, frame["doc_id"].to_numpy()[1:] != frame["doc_id"].to_numpy()[:-1]])
    for start, stop in zip(starts, np.r_[starts[1:], len(frame)]):
        out[start:stop] = _document_positions(texts[start:stop])
    return out


def _document_positions(texts: list[str]) -> np.ndarray:
    """Position features for the segments of one document."""
    n = len(texts)
    index = np.arange(n)
    lengths = np.array([len(t) for t in texts], dtype=float)
    chars_before = np.cumsum(lengths) - lengths
    prose = np.array([is_prose(t) for t in texts])
    short = lengths < 60
    if prose.any():
        prose_at = np.flatnonzero(prose)
        distance = np.abs(index[:, None] - prose_at[None, :]).min(axis=1)
        before = np.clip(prose_at[0] - index, 0, None)
        after = np.clip(index - prose_at[-1], 0, None)
    else:
        distance = before = after = np.full(n, n, dtype=float)
    window = np.convolve(prose.astype(float), np.ones(7), mode="full")[3:3 + n] / 7  # share of prose within 3 rows
    run = np.zeros(n)  # length of the run of short lines this segment belongs to
    i = 0
    while i < n:
        j = i
        while j < n and short[j] == short[i]:
            j += 1
        run[i:j] = (j - i) if short[i] else 0
        i = j
    return np.column_stack([
        index / max(n - 1, 1),
        np.log1p(index),
        np.log1p(n - 1 - index),
        np.full(n, np.log1p(n)),
        chars_before / max(lengths.sum(), 1),
        np.log1p(lengths) - np.log1p(np.median(lengths)),
        np.log1p(distance),
        np.log1p(before),
        np.log1p(after),
        window,
        np.log1p(run),
    ])
