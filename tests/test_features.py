import re

import numpy as np
import pytest

from detector.features import (
    CHAR_HEAD_CHARS, CHAR_NGRAMS, COHESION_COLUMNS, LAYOUT_COLUMNS, PATTERN_HEAD_CHARS, cohesion_features,
    layout_features, ngram_counts, ngram_vectorizer,
)

STORY = [
    "Bitcoin miners sold more coins in March as the halving cut their rewards.",
    "Several listed miners said the halving forced them to sell bitcoin to cover power bills.",
    "Analysts expect more miners to sell bitcoin reserves until hash prices recover after the halving.",
]
OTHER = "Local bakery wins regional bread contest for its sourdough loaf"


def _cohesion(documents, weights=None, vectorizer=None):
    texts = [t for doc in documents for t in doc]
    doc = np.repeat(np.arange(len(documents)), [len(d) for d in documents])
    vectors = (vectorizer or ngram_vectorizer().fit(texts)).transform(texts)
    weights = np.ones(len(texts)) if weights is None else weights
    return cohesion_features(vectors, weights, doc)


def test_a_line_about_another_subject_is_least_like_its_story():
    out = _cohesion([STORY[:2] + [OTHER] + STORY[2:]])
    assert out.shape == (4, len(COHESION_COLUMNS))
    assert out[2, 0] < out[[0, 1, 3], 0].min()
    assert out[2, 1] == out[:, 1].min() == 0.25 and out[:, 1].max() == 1.0  # ranks within the document
    assert out[:, 2].max() == pytest.approx(1.0) and out[2, 2] < 1.0  # share of the document's best


def test_the_rest_of_the_story_is_weighted_by_how_editorial_it_looks():
    # The same off-topic line, next to the story: it looks more like its document when the
    # story's own paragraphs carry no weight and another off-topic line carries it all.
    document = STORY + [OTHER, "The bakery's sourdough loaf took first prize in the bread contest"]
    by_story = _cohesion([document], np.array([1.0, 1.0, 1.0, 0.0, 0.0]))
    by_other = _cohesion([document], np.array([0.0, 0.0, 0.0, 0.0, 1.0]))
    assert by_other[3, 0] > by_story[3, 0]


def test_each_document_is_read_on_its_own_however_many_are_in_the_batch():
    fillers = [["Filler line number %d about rates and bonds" % i, "Rates and bonds moved"] for i in range(100)]
    vectorizer = ngram_vectorizer().fit([t for doc in fillers for t in doc] + STORY + [OTHER])
    alone = _cohesion([STORY + [OTHER]], vectorizer=vectorizer)
    many = _cohesion(fillers + [STORY + [OTHER]], vectorizer=vectorizer)
    assert many[-4:] == pytest.approx(alone)
    assert np.isfinite(many).all()


def test_a_document_shares_no_sums_with_the_document_before_it():
    # The documents are added up one after another in one reused vector: the n-grams the one before left
    # there (the same lines, so the same columns) must be gone, to the last bit.
    vectorizer = ngram_vectorizer().fit(STORY + [OTHER])
    alone = _cohesion([STORY + [OTHER]], vectorizer=vectorizer)
    after = _cohesion([[OTHER] + STORY[:2], STORY + [OTHER]], vectorizer=vectorizer)
    assert np.array_equal(after[-len(alone):], alone)


def test_a_segment_without_words_or_a_lone_segment_scores_zero():
    out = _cohesion([["—————"] + STORY, ["A document of one line"]])
    assert out[0, 0] == 0.0 and out[-1, 0] == 0.0


def test_ngram_counts_count_every_ngram_of_the_opening_once_per_occurrence():
    texts = ["abab", "", "Zürich 2026", "x" * 500]
    counts = ngram_counts(texts, 2**12)
    # Each opening is padded with a space on both sides; an opening of k characters has
    # k - n + 1 n-grams of size n, for n in CHAR_NGRAMS.
    openings = [min(len(t), CHAR_HEAD_CHARS) + 2 for t in texts]
    expected = [sum(max(k - n + 1, 0) for n in CHAR_NGRAMS) for k in openings]
    assert counts.sum(axis=1).A1.tolist() == expected
    assert counts.has_canonical_format  # one entry per column, sorted: repeats were summed
    assert counts[0].max() == 2  # "ab" appears twice in " abab "
    assert ngram_counts([], 2**12).shape == (0, 2**12)


def test_ngram_counts_in_parts_equal_ngram_counts_in_one_go(monkeypatch):
    import detector.features as features

    texts = [f"Line {i}: {'abc' * (i % 50)} {'ö' * (i % 7)}" for i in range(50)] + [""]
    whole = ngram_counts(texts, 2**12)
    monkeypatch.setattr(features, "NGRAM_CHUNK_TEXTS", 8)
    parts = ngram_counts(texts, 2**12)
    assert parts.shape == whole.shape and (parts != whole).nnz == 0
    assert np.array_equal(parts.indptr, whole.indptr) and np.array_equal(parts.indices, whole.indices)


def test_layout_flags_read_each_segment_as_python_reads_it():
    # The flags are computed for the whole batch at once; each must equal the plain per-text test.
    texts = ["", "Ａ full-width capital", "０ full-width digit", "日本語の見出し", "İstanbul'da $5 ödül",
             "x" * (PATTERN_HEAD_CHARS - 8) + " @late", "x" * PATTERN_HEAD_CHARS + " @too_late", "Read more:",
             "続きを読む：", "Home |", "9 lives", "ǅ title-case", "@handle here"]
    layout = layout_features(texts)
    column = {name: layout[:, i].tolist() for i, name in enumerate(LAYOUT_COLUMNS)}
    assert column["starts_upper"] == [float(t[:1].isupper()) for t in texts]
    assert column["starts_digit"] == [float(t[:1].isdigit()) for t in texts]
    assert column["ends_colon"] == [float(t.endswith((":", "："))) for t in texts]
    assert column["ends_pipe"] == [float(t.endswith("|")) for t in texts]
    assert column["currency"][4] == 1.0  # found after "İ", which lower-cases to two characters
    assert column["handle"][5] == 1.0 and column["handle"][6] == 0.0 and column["handle"][-1] == 1.0
    assert layout_features(["Paid in USDT", "a country's entry", "eur", "neuro", "€ 5", "BTC-ETH"])[
        :, LAYOUT_COLUMNS.index("currency")].tolist() == [1.0, 0.0, 1.0, 0.0, 1.0, 1.0]  # codes as words only


def test_ngram_counts_read_each_opening_lower_cased_with_digits_as_zero_whatever_its_batch():
    # The batch is lower-cased and digit-mapped as one string; every row must be what its text gives alone.
    texts = ["ΟΔΟΣ ΣΑΣ.", "Preis: ١٢٣ ५ 12 ５", "Straße", "ǅ Title"]
    for batch in (texts, texts + ["İstanbul"]):  # "İ" lower-cases to two characters: the per-text way
        together = ngram_counts(batch, 2**12)
        for row, text in enumerate(batch):
            assert (together[row] != ngram_counts([text], 2**12)).nnz == 0
    mapped = re.sub(r"\d", "0", texts[1].lower())
    assert (ngram_counts([texts[1]], 2**12) != ngram_counts([mapped], 2**12)).nnz == 0


def test_the_digit_table_knows_every_character_a_digit_pattern_matches():
    from detector.features import _DECIMAL_DIGITS

    table = np.array([re.fullmatch(r"\d", chr(code)) is not None for code in range(len(_DECIMAL_DIGITS))])
    assert np.array_equal(table, _DECIMAL_DIGITS)
    beyond = "".join(map(chr, range(len(_DECIMAL_DIGITS), 0x110000)))
    assert re.search(r"\d", beyond) is None  # none above the table: ngram_counts reads them as they are


def test_sentence_breaks_separators_and_symbols_are_read_from_the_first_characters():
    # a mark counts before white space or at the end of the first characters ("。" before "テ" does not)
    texts = ["One. Two! Three?", "Wait... what", "x.y and 3.5", "日本。テスト！", "Fin.\u3000Next", "x" * 130 + ". Late",
             "Price: £5", "Home | News", "a-b", "no marks"]
    layout = layout_features(texts)
    column = {name: layout[:, i].tolist() for i, name in enumerate(LAYOUT_COLUMNS)}
    assert column["sentences"] == [3.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert column["currency"] == [0.0] * 6 + [1.0, 0.0, 0.0, 0.0]
    assert column["separators"][7] == 1.0 and column["separators"][8] == 0.0  # a separator stands between spaces


def test_the_character_table_knows_every_white_space_character():
    from detector.features import _PATTERN_CHARACTERS, _WHITE

    white = np.array([chr(code).isspace() for code in range(len(_PATTERN_CHARACTERS))])
    assert np.array_equal((_PATTERN_CHARACTERS & _WHITE) > 0, white)
    assert not any(chr(code).isspace() for code in range(len(_PATTERN_CHARACTERS), 0x110000))
