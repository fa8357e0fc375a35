"""Segments -> features: what a segment looks like, where it sits, and what surrounds it.

Everything here is a named module-level function, so a saved model pickles cleanly.
Four families:

* text: character n-grams of the normalised head of the segment (multilingual,
  no per-language code);
* layout: length, end punctuation, digits, currency, bullets, URLs, handles,
  capitals, a trailing colon ... of the segment alone;
* position: where the segment sits in its document, and how far it is from the
  running prose of the article;
* cohesion: how close a segment's n-grams are to the rest of its story (another story's
  headline, a caption about something else or an ad is about another subject).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfTransformer

CHAR_HEAD_CHARS = 120  # character n-grams read this many leading characters: the opening of a line tells most
CHAR_NGRAMS = (2, 3, 4)
NGRAM_CHUNK_TEXTS = 2048  # ngram_counts works on this many texts at a time, so its memory stays small
LAYOUT_HEAD_CHARS = 300  # character-share features read this many
PATTERN_HEAD_CHARS = 120  # pattern features (dates, currency, URLs ...) read this many: patterns cost the most

_DIGIT = re.compile(r"\d")
# The layout patterns run once over a whole batch: the segments joined by "\n" (a
# segment never holds one), with ^ and $ anchored at each segment's ends (re.M) and
# [^\S\n] for white space inside a segment.
_BULLET = re.compile(r"^(?:[•·▪▸►◦‣∙●○■□◆✓✔✅☑➤→*+\-–—]|\d{1,2}[.)][^\S\n]|\(\d{1,2}\)[^\S\n])", re.M)
_SENTENCE_END = re.compile(r"[.!?…。！？;；][\"'”’»)\]]*$", re.M)
_QUOTE_END = re.compile(r"[\"”’»“」』]$", re.M)
_COLON_END = re.compile(r"[:：]$", re.M)
_PIPE_END = re.compile(r"\|$", re.M)
# A sentence break: one of these marks, then white space or the end of the segment.
_SENTENCE_MARKS = ".!?。！？"
# A currency is one of these symbols (looked up with the sentence marks and separators in
# _PATTERN_CHARACTERS) or a code as a word.
_CURRENCY_SYMBOLS = "$€£¥₿₽₺₹"
# Currency codes, URL and copyright patterns are lower case: they run on the lower-cased batch, which
# is about twice as fast as matching with re.I. Each is a few searches, (literal, pattern) pairs: a
# pattern that starts with a literal is found much faster than an alternation, and it runs only where
# its literal is in the batch at all ("" for always). A code is looked for first, its word's start
# then asked for by looking back; a URL is a domain ending, a scheme or "www.".
_CURRENCY_CODES = tuple((code, re.compile(rf"{code}\b(?<=\b{code})")) for code in (
    "usd", "eur", "usdt", "usdc", "btc", "eth", "gbp", "jpy", "brl", "try", "pln", "chf"))
_URL = (("", re.compile(r"\.(?<=\w\.)(?:com|org|net|io|co|de|nl|fr|es|it|pl|ru|jp|cn|uk)\b")),
        ("http", re.compile("https?://")), ("www.", re.compile(r"www\.")))
_COPYRIGHT = tuple((sign, re.compile(re.escape(sign))) for sign in ("©", "(c)", "®", "™"))
_HANDLE = re.compile(r"(?:^|[^\S\n])@\w{2,}", re.M)
_EMAIL = re.compile(r"(?<=\w)@[\w-]+\.\w")
# the lookahead on a digit lets the engine skip ahead to candidates
_DATE = re.compile(
    r"(?=\d)(?:\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b|\d{4}年|\d{1,2}月\d{1,2}日)"
)
_SEPARATORS = re.compile(r"[^\S\n][|/»›>·•–-][^\S\n]|[^\S\n]\|$|^\|", re.M)
_SEPARATOR_CHARS = "|/»›>·•–-"  # a segment without any of these has no separator


def _pattern_character_table() -> np.ndarray:
    """Bit flags per code point below 0x10000 (none above): sentence mark 1, white space 2, currency symbol 4,
    separator 8."""
    table = np.zeros(0x10000, dtype=np.uint8)
    table[[code for code in range(0x10000) if chr(code).isspace()]] = _WHITE
    for chars, flag in ((_SENTENCE_MARKS, _MARK), (_CURRENCY_SYMBOLS, _SYMBOL), (_SEPARATOR_CHARS, _SEPARATOR)):
        table[[ord(char) for char in chars]] |= flag
    return table


_MARK, _WHITE, _SYMBOL, _SEPARATOR = 1, 2, 4, 8
_PATTERN_CHARACTERS = _pattern_character_table()
_TAIL_CHARS = 8  # end-of-segment patterns read this many closing characters
_OPENING_CHARS = 5  # the bullet pattern reads this many opening characters: "(12) " is its longest
PROSE_CHARS, PROSE_SENTENCE_CHARS = 300, 120  # running prose: this long, or this long and ending a sentence

LAYOUT_COLUMNS = [
    "log_chars", "log_words", "ends_sentence", "ends_colon", "ends_pipe", "ends_quote",
    "starts_bullet", "starts_upper", "starts_digit", "sentences", "digit_share", "upper_share",
    "title_share", "punct_share", "currency", "url", "handle", "email", "copyright", "date",
    "separators", "all_caps", "has_letters",
]
COHESION_COLUMNS = ["topic_similarity", "topic_similarity_rank", "topic_similarity_vs_best"]
POSITION_COLUMNS = [
    "rel_position", "log_from_start", "log_from_end", "log_doc_segments", "rel_chars_before",
    "len_vs_doc_median", "prose_distance", "before_prose", "after_prose", "prose_share_nearby",
    "short_run",
]


def ngram_counts(texts, n_features: int) -> sp.csr_matrix:
    """Hashed counts of the character n-grams of each text's opening, as a sparse matrix.

    The opening (``CHAR_HEAD_CHARS`` characters, lower-cased, digits mapped to 0, a space
    on each side) is read as code points; every n-gram's hash is computed for the whole
    batch at once with numpy (a polynomial over the code points, then a multiplicative
    mix), so no Python loop runs per n-gram. Character n-grams need no word splitting,
    so every script works alike.
    """
    texts = list(texts)
    if len(texts) > NGRAM_CHUNK_TEXTS:  # in parts: the temporaries below take about 10 kB per text
        return sp.vstack([ngram_counts(texts[i:i + NGRAM_CHUNK_TEXTS], n_features)
                          for i in range(0, len(texts), NGRAM_CHUNK_TEXTS)], format="csr")
    if not texts:
        return sp.csr_matrix((0, n_features))
    # The openings as one string, a space on either side of each, lower-cased and digits mapped in
    # one call each (the space ends a Greek final sigma's context as the end of a text would).
    heads = [text[:CHAR_HEAD_CHARS] for text in texts]
    joined = f" {'  '.join(heads)} "
    lower = joined.lower()
    if len(lower) != len(joined):  # a few characters lower-case to two (İ -> i̇)
        heads = [head.lower() for head in heads]
        lower = f" {'  '.join(heads)} "
    lengths = text_lengths(heads) + 2
    codes = np.frombuffer(lower.encode("utf-32-le"), dtype=np.uint32)
    codes = np.where(_DECIMAL_DIGITS[np.minimum(codes, len(_DECIMAL_DIGITS) - 1)], ord("0"), codes).astype(np.uint64)
    room = np.repeat(np.cumsum(lengths), lengths) - np.arange(len(codes))  # characters left in its text
    bits = int(n_features).bit_length() - 1  # n_features is a power of two
    shift = np.uint64(64 - bits)
    # Each n-gram becomes one key, (its text << bits) + its column, so one sort groups the keys by
    # text and counts repeats. One key column per n-gram size, one row per starting character;
    # -1 where the n-gram would run past the end of its text. 32-bit keys where they fit (the
    # default width and chunk size): half the memory to move and sort.
    key_type = np.int32 if len(texts) << bits < 2**31 else np.int64
    text_keys = np.repeat(np.arange(len(texts), dtype=key_type) << bits, lengths)
    keys = np.full((len(codes), len(CHAR_NGRAMS)), -1, dtype=key_type)
    hashed = codes
    for n in range(1, max(CHAR_NGRAMS) + 1):
        if n > 1:  # extend every (n-1)-gram by the next character
            hashed = hashed[:-1] * _HASH_BASE + codes[n - 1:]
        if n in CHAR_NGRAMS:
            column = (((hashed + np.uint64(n)) * _HASH_MIX) >> shift).astype(key_type)
            fits = room[:len(hashed)] >= n
            keys[:len(hashed), CHAR_NGRAMS.index(n)] = np.where(fits, text_keys[:len(hashed)] + column, -1)
    keys = keys.ravel()
    keys = keys[keys >= 0]
    keys.sort()  # one numpy sort: faster than scipy's row-by-row sort of indices
    new_key = np.empty(len(keys), dtype=bool)
    new_key[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=new_key[1:])
    first = np.flatnonzero(new_key)
    counts = np.diff(np.r_[first, len(keys)]).astype(float)
    distinct = keys[first]
    row_starts = np.searchsorted(distinct, np.arange(len(texts) + 1, dtype=key_type) << bits)
    return sp.csr_matrix((counts, distinct & (n_features - 1), row_starts), shape=(len(texts), n_features))


def _decimal_digits(size: int = 0x20000) -> np.ndarray:
    """Per code point below ``size``, whether ``\\d`` matches it (no decimal digit lies higher; a test checks)."""
    table = np.zeros(size, dtype=bool)
    table[[ord(digit) for digit in _DIGIT.findall("".join(map(chr, range(size))))]] = True
    return table


_DECIMAL_DIGITS = _decimal_digits()
_HASH_BASE = np.uint64(1_000_003)
_HASH_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of the product are well spread


class NgramVectorizer(TransformerMixin, BaseEstimator):
    """Texts -> hashed character n-gram counts (see ``ngram_counts``) weighted by rarity (the idf is fit)
    and scaled to rows of unit length, as sklearn's TfidfTransformer with sublinear term frequencies.

    The weighting works on the counts in place: they are a fresh matrix, so a copy would only
    double the memory the largest matrix of a call takes.
    """

    def __init__(self, n_features: int = 2**18):
        self.n_features = n_features

    def fit(self, X, y=None):
        self.fit_transform(X)
        return self

    def fit_transform(self, X, y=None):
        counts = ngram_counts(X, self.n_features)
        self.tfidf_ = TfidfTransformer(sublinear_tf=True).fit(counts)
        return self.tfidf_.transform(counts, copy=False)

    def transform(self, X):
        return self.tfidf_.transform(ngram_counts(X, self.n_features), copy=False)


def _character_classes() -> np.ndarray:
    """Bit flags (letter 1, upper 2, digit 4, space 8) for code points below 0x3000.

    Above it (CJK, Hangul, emoji ...) every character counts as a letter, none as upper.
    """
    table = np.zeros(_CLASS_TABLE_SIZE, dtype=np.uint8)
    for code in range(_CLASS_TABLE_SIZE):
        char = chr(code)
        table[code] = char.isalpha() | char.isupper() << 1 | char.isdigit() << 2 | char.isspace() << 3
    return table


_CLASS_TABLE_SIZE = 0x3000
_CLASSES = _character_classes()
_LETTER, _UPPER, _DIGITBIT, _SPACE = 1, 2, 4, 8


def _counted_kinds() -> tuple[tuple[str, ...], np.ndarray]:
    """The per-text counts of ``_character_counts`` and, for each, which of the 32 kinds of character
    (the four class bits, and 16 for a word's first character) it counts, as columns of 0 and 1."""
    kinds = np.arange(32)
    upper, word_start = (kinds & _UPPER) > 0, kinds >= 16
    selected = {"letters": (kinds & _LETTER) > 0, "upper": upper, "digits": (kinds & _DIGITBIT) > 0,
                "spaces": (kinds & _SPACE) > 0, "words": word_start, "titled": word_start & upper}
    return tuple(selected), np.column_stack(list(selected.values())).astype(float)


_COUNTED_NAMES, _COUNTED_KINDS = _counted_kinds()


def _character_counts(heads: list[str]) -> dict[str, np.ndarray]:
    """Per text: letters, upper-case letters, digits, spaces, words and capitalised words;
    whether it starts upper-case or with a digit, and whether an "@" is in its first
    ``PATTERN_HEAD_CHARS`` characters.

    Computed for the whole batch at once on the code points of the joined texts.
    """
    lengths = text_lengths(heads)
    codes = np.frombuffer("".join(heads).encode("utf-32-le"), dtype=np.uint32)
    flags = np.where(codes < _CLASS_TABLE_SIZE, _CLASSES[np.minimum(codes, _CLASS_TABLE_SIZE - 1)], _LETTER)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    space = (flags & _SPACE) > 0
    after_space = np.r_[True, space[:-1]]
    after_space[starts[lengths > 0]] = True  # each text starts a new word
    word_start = after_space & ~space
    # One count per text and kind of character, the kinds being the 32 combinations of the four class
    # bits and word start: one bincount instead of a running total per feature.
    kind = (flags & 15).astype(np.int64) | (word_start.astype(np.int64) << 4)
    owner = np.repeat(np.arange(len(heads), dtype=np.int64), lengths)
    per_kind = np.bincount(owner * 32 + kind, minlength=len(heads) * 32).reshape(len(heads), 32)
    # the six counts in one product with a 0/1 matrix of the kinds each selects (exact: sums of whole numbers)
    counts = per_kind.astype(float) @ _COUNTED_KINDS

    first = np.zeros(len(heads), dtype=np.uint8)
    nonempty = np.flatnonzero(lengths > 0)
    first[nonempty] = flags[starts[nonempty]]
    # The table stops at 0x3000; above it a few characters are upper case or digits (full-width
    # Latin): ask Python for those texts' first characters.
    for i in nonempty[codes[starts[nonempty]] >= _CLASS_TABLE_SIZE]:
        char = heads[i][0]
        first[i] = char.isupper() << 1 | char.isdigit() << 2
    at = np.flatnonzero(codes == ord("@"))
    at_owner = np.searchsorted(starts, at, side="right") - 1
    at_owner = at_owner[at - starts[at_owner] < PATTERN_HEAD_CHARS]

    return {**{name: counts[:, i] for i, name in enumerate(_COUNTED_NAMES)},
            "length": lengths.astype(float),
            "starts_upper": ((first & _UPPER) > 0).astype(float), "starts_digit": ((first & _DIGITBIT) > 0).astype(float),
            "has_at": np.bincount(at_owner, minlength=len(heads)) > 0}


def text_lengths(texts) -> np.ndarray:
    """Each text's length in characters."""
    return np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))


def joined_with_starts(parts: list[str]) -> tuple[str, np.ndarray]:
    """Texts joined by "\n", and where each starts in the joined string."""
    lengths = text_lengths(parts) + 1
    return "\n".join(parts), np.cumsum(lengths) - lengths


def lower_joined_with_starts(parts: list[str], joined: str, starts: np.ndarray) -> tuple[str, np.ndarray]:
    """``joined_with_starts(parts)`` (given as ``joined``, ``starts``) lower-cased, with its starts."""
    lower = joined.lower()
    if len(lower) != len(joined):  # a few characters lower-case to two (İ -> i̇)
        return joined_with_starts([p.lower() for p in parts])
    return lower, starts


def matches_per_text(pattern: re.Pattern, joined: str, starts: np.ndarray) -> np.ndarray:
    """How often ``pattern`` matches inside each text of a "\n"-joined batch (``joined_with_starts``)."""
    positions = [m.start() for m in pattern.finditer(joined)]
    owner = np.searchsorted(starts, positions, side="right") - 1
    return np.bincount(owner, minlength=len(starts)).astype(float)


def _pattern_columns(texts: list[str], heads: list[str], has_digits: np.ndarray,
                     has_at: np.ndarray) -> dict[str, np.ndarray]:
    """The features that need a pattern or a segment's first or last character.

    The costlier patterns run only over the segments a cheap test leaves in (a date needs
    a digit, a handle or an e-mail address an "@", a separator one of its characters).
    """
    pattern_heads = [h[:PATTERN_HEAD_CHARS] for h in heads]
    heads_joined, head_starts = joined_with_starts(pattern_heads)
    tails_joined, tail_starts = joined_with_starts([t[-_TAIL_CHARS:] for t in texts])
    openings_joined, opening_starts = joined_with_starts([h[:_OPENING_CHARS] for h in heads])

    def found(pattern, joined=heads_joined, starts=head_starts):
        return np.minimum(matches_per_text(pattern, joined, starts), 1.0)

    def matches_among(pattern, candidates, cap):
        out = np.zeros(len(texts))
        chosen = np.flatnonzero(candidates)
        if len(chosen):
            joined, starts = joined_with_starts([pattern_heads[i] for i in chosen])
            out[chosen] = np.minimum(matches_per_text(pattern, joined, starts), cap)
        return out

    lower_joined, lower_starts = lower_joined_with_starts(pattern_heads, heads_joined, head_starts)

    def found_any(searches):  # (literal, pattern) pairs, on the lower-cased batch
        return np.minimum(sum((matches_per_text(pattern, lower_joined, lower_starts)
                               for literal, pattern in searches if literal in lower_joined), np.zeros(len(texts))), 1.0)

    # Sentence breaks, currency symbols and separator characters from a table of code points, in one pass
    flags = _PATTERN_CHARACTERS.take(np.frombuffer(heads_joined.encode("utf-32-le"), dtype=np.uint32), mode="clip")
    breaks = (flags & _MARK) > 0
    breaks[:-1] &= (flags[1:] & _WHITE) > 0  # a mark before white space, or before the "\n" that ends a head

    def per_text(values):  # counted over each head, as integers (one more value: a last empty head starts there)
        return np.add.reduceat(np.append(values, 0), head_starts) if len(texts) else np.zeros(0)

    has_separator = per_text((flags & _SEPARATOR) > 0) > 0

    return {
        "ends_sentence": found(_SENTENCE_END, tails_joined, tail_starts),
        "ends_colon": found(_COLON_END, tails_joined, tail_starts),
        "ends_pipe": found(_PIPE_END, tails_joined, tail_starts),
        "ends_quote": found(_QUOTE_END, tails_joined, tail_starts),
        "starts_bullet": found(_BULLET, openings_joined, opening_starts),
        "sentences": np.minimum(per_text(breaks), 10.0),
        "currency": np.minimum(per_text((flags & _SYMBOL) > 0) + found_any(_CURRENCY_CODES), 1.0),
        "url": found_any(_URL),
        "handle": matches_among(_HANDLE, has_at, 1.0),
        "email": matches_among(_EMAIL, has_at, 1.0),
        "copyright": found_any(_COPYRIGHT),
        "date": matches_among(_DATE, has_digits, 1.0),
        "separators": matches_among(_SEPARATORS, has_separator, 5.0),
    }


def layout_features(texts) -> np.ndarray:
    """Layout features of every segment: an array of shape (n, len(LAYOUT_COLUMNS)).

    Share-of-characters features read the first ``LAYOUT_HEAD_CHARS`` characters only:
    they settle long before the end of a long paragraph, and this keeps the cost flat.
    """
    texts = list(texts)
    if not texts:
        return np.zeros((0, len(LAYOUT_COLUMNS)))
    heads = [t[:LAYOUT_HEAD_CHARS] for t in texts]
    c = _character_counts(heads)
    n_head = np.maximum(c["length"], 1)
    full_length = text_lengths(texts).astype(float)
    n_words = c["words"].copy()
    for i in np.flatnonzero(full_length > LAYOUT_HEAD_CHARS):  # long texts: spaces over the whole text
        n_words[i] = texts[i].count(" ") + 1
    columns = {
        "log_chars": np.log1p(full_length),
        "log_words": np.log1p(n_words),
        "digit_share": c["digits"] / n_head,
        "upper_share": c["upper"] / np.maximum(c["letters"], 1),
        "title_share": c["titled"] / np.maximum(c["words"], 1),
        "punct_share": (c["length"] - c["letters"] - c["digits"] - c["spaces"]) / n_head,
        "all_caps": ((c["upper"] > 3) & (c["upper"] == c["letters"])).astype(float),
        "has_letters": (c["letters"] > 0).astype(float),
        "starts_upper": c["starts_upper"],
        "starts_digit": c["starts_digit"],
    }
    columns.update(_pattern_columns(texts, heads, c["digits"] > 0, c["has_at"]))
    return np.column_stack([columns[name] for name in LAYOUT_COLUMNS])


def document_bounds(doc: np.ndarray) -> np.ndarray:
    """Where each run of equal ``doc`` values starts, then the end: documents are ``bounds[i]:bounds[i + 1]``."""
    return np.flatnonzero(np.r_[True, doc[1:] != doc[:-1], True])


def length_ranks(doc: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each row's rank among the rows of its document by length, longest first (0, 1, 2 ...; of equal
    lengths the earlier row first). ``doc`` holds one code per document; its rows may stand anywhere."""
    order = np.lexsort((-np.asarray(lengths), doc))  # a stable sort: equal lengths keep their row order
    first_of_doc = np.r_[True, doc[order][1:] != doc[order][:-1]]
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.arange(len(order)) - np.maximum.accumulate(np.where(first_of_doc, np.arange(len(order)), 0))
    return ranks


def position_features(doc: np.ndarray, lengths: np.ndarray, ends_sentence: np.ndarray) -> np.ndarray:
    """Where each segment sits in its document, shape (n, len(POSITION_COLUMNS)).

    ``doc`` numbers the documents 0, 1, 2 ... in order, each a run of rows in reading order
    (see ``model.sort_documents``); ``lengths`` are the segments' lengths in characters and
    ``ends_sentence`` the layout column of that name. A segment is running prose of the story
    when it is long, or fairly long and ends like a sentence. Computed for all documents at
    once: every per-document quantity is a run-wise cumulative sum, maximum or minimum.
    """
    n_rows = len(doc)
    if n_rows == 0:
        return np.zeros((0, len(POSITION_COLUMNS)))
    bounds = document_bounds(doc)
    sizes = np.diff(bounds)
    first, end = np.repeat(bounds[:-1], sizes), np.repeat(bounds[1:], sizes)  # the document's rows: first:end
    row = np.arange(n_rows)
    index, n = row - first, (end - first).astype(float)
    lengths = np.asarray(lengths, dtype=float)
    chars_so_far = np.r_[0.0, np.cumsum(lengths)]
    chars_before = chars_so_far[row] - chars_so_far[first]
    doc_chars = chars_so_far[end] - chars_so_far[first]
    median = pd.Series(lengths).groupby(doc).transform("median").to_numpy()

    prose = (lengths >= PROSE_CHARS) | (lengths >= PROSE_SENTENCE_CHARS) & (ends_sentence > 0)
    prose_so_far = np.r_[0, np.cumsum(prose)]
    has_prose = prose_so_far[end] > prose_so_far[first]
    previous = np.maximum.accumulate(np.where(prose, row, -1))  # the nearest prose row at or above
    following = np.minimum.accumulate(np.where(prose, row, n_rows)[::-1])[::-1]  # at or below
    up = np.where(previous >= first, row - previous, n_rows)
    down = np.where(following < end, following - row, n_rows)
    distance = np.where(has_prose, np.minimum(up, down), n)
    before = np.where(has_prose, np.clip(following[first] - row, 0, None), n)  # rows above the first prose
    after = np.where(has_prose, np.clip(row - previous[end - 1], 0, None), n)  # rows below the last prose
    low, high = np.maximum(row - 3, first), np.minimum(row + 3, end - 1)
    window = (prose_so_far[high + 1] - prose_so_far[low]) / 7  # share of prose within 3 rows

    short = lengths < 60  # the length of the run of short lines a segment belongs to, 0 for a long one
    run_starts = np.flatnonzero(np.r_[True, (short[1:] != short[:-1]) | (doc[1:] != doc[:-1])])
    run_lengths = np.diff(np.r_[run_starts, n_rows])
    run = np.where(short, np.repeat(run_lengths, run_lengths), 0)

    return np.column_stack([
        index / np.maximum(n - 1, 1),
        np.log1p(index),
        np.log1p(n - 1 - index),
        np.log1p(n),
        chars_before / np.maximum(doc_chars, 1),
        np.log1p(lengths) - np.log1p(median),
        np.log1p(distance),
        np.log1p(before),
        np.log1p(after),
        window,
        np.log1p(run),
    ])


def ngram_vectorizer(n_features: int = 2**18) -> NgramVectorizer:
    """Texts -> hashed character n-gram counts weighted by rarity (fit the idf), rows of unit length."""
    return NgramVectorizer(n_features=n_features)


def cohesion_features(vectors: sp.csr_matrix, weights: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """How close each segment's text is to the rest of its document, shape (n, len(COHESION_COLUMNS)).

    ``vectors`` are unit-length rows from ``ngram_vectorizer``; ``doc`` numbers the documents
    0, 1, 2 ... in order, each a run of rows. The rest of a document is the sum of its other
    segments' vectors, each weighted by ``weights`` (stage one's editorial probability), so the
    story sets the topic and the junk around it hardly does. Columns: the cosine similarity, its rank
    within the document (0 to 1), and its ratio to the document's highest.
    """
    indptr, columns, values = vectors.indptr, vectors.indices, vectors.data
    # One value per stored n-gram: first its square (for each row's own squared length), then
    # its product with the document total of its column.
    products = values * values
    own = _row_sums(products, vectors)  # 1, or 0 for an empty text
    per_row = np.diff(indptr)
    total = np.zeros(vectors.shape[1])  # one dense vector for every document, put back to zeros after each
    for first, last in pairwise(document_bounds(doc)):
        low, high = indptr[first], indptr[last]
        # The document's weighted sum of vectors, added up in the n-grams' order (as a bincount would),
        # then one lookup per stored n-gram (a sparse product would visit every other document).
        document_columns, document_values = columns[low:high], values[low:high]
        weighted = document_values * np.repeat(weights[first:last], per_row[first:last])
        np.add.at(total, document_columns, weighted)
        np.multiply(document_values, total[document_columns], out=products[low:high])
        total[document_columns] = 0.0
    dots = _row_sums(products, vectors)  # each segment's vector . its document's total
    w = weights
    total_squared = np.bincount(doc, weights=w * dots)[doc]  # total . total = sum over segments of w * dot
    rest_squared = total_squared - 2 * w * dots + w * w * own  # the document without this segment
    ok = (rest_squared > 1e-12) & (own > 0)
    similarity = np.where(ok, (dots - w * own) / np.sqrt(np.where(ok, rest_squared, 1.0)), 0.0)
    by_doc = pd.Series(similarity).groupby(doc)
    return np.column_stack([similarity, by_doc.rank(pct=True).to_numpy(),
                            similarity / (by_doc.transform("max").to_numpy() + 1e-9)])


def _row_sums(values: np.ndarray, like: sp.csr_matrix) -> np.ndarray:
    """Per row of ``like``: the sum of ``values`` (one per stored entry of ``like``) over the row's entries.

    A product with a vector of ones: added in the rows' order, as a bincount over the rows would,
    and about three times faster.
    """
    return sp.csr_matrix((values, like.indices, like.indptr), shape=like.shape) @ _ones(like.shape[1])


@lru_cache(maxsize=4)
def _ones(n: int) -> np.ndarray:
    """A read-only vector of ``n`` ones, made once: at the n-gram width it is 2 MiB, a fresh one per call costs
    more than a small model call's other work."""
    ones = np.ones(n)
    ones.flags.writeable = False
    return ones
