import re

import numpy as np
import pandas as pd
import pytest

from detector import InputError, RepeatedLines, classify, clean, clean_frame, classify_frame
from detector.pipeline import GAP_CONFIDENCE_DEFAULT, _whole_documents, clean_texts, decide

ARTICLE = ("Markets moved sharply on day 3 as traders weighed the central bank's next step.\n"
           "140 views\n\n"
           "The committee said inflation stayed above target for the 9th month, and analysts expect another "
           "rise before the summer.\n\n"
           "Buy crypto with ZetaWallet today and get a 20% bonus\n"
           "• Low fees on every trade\n\n"
           "By Reporter Number3\n")


def test_classify_gives_spans_labels_and_confidences(small_model):
    segments = classify(ARTICLE, model=small_model)
    assert [s.text for s in segments] == [ARTICLE[s.start:s.end] for s in segments]
    assert [s.label for s in segments] == ["editorial", "boilerplate", "editorial", "promo", "promo", "bio"]
    assert all(0.0 <= s.confidence <= 1.0 for s in segments)


def test_clean_keeps_the_editorial_lines_byte_for_byte(small_model):
    cleaned = clean(ARTICLE, model=small_model)
    assert cleaned == ("Markets moved sharply on day 3 as traders weighed the central bank's next step.\n\n"
                       "The committee said inflation stayed above target for the 9th month, and analysts expect "
                       "another rise before the summer.\n")


def test_an_unpaired_surrogate_is_read_as_a_replacement_character_and_kept_as_given(small_model):
    # JSON escapes such as "\ud800" give Python strings that are not Unicode text.
    broken = ARTICLE.replace("central bank's", "central \ud800bank's")
    assert clean(broken, model=small_model) == clean(ARTICLE, model=small_model).replace(
        "central bank's", "central \ud800bank's")
    assert [s.label for s in classify(broken, model=small_model)] == [s.label for s in classify(ARTICLE, model=small_model)]


def test_keep_adds_labels_to_what_is_kept(small_model):
    cleaned = clean(ARTICLE, model=small_model, keep=["editorial", "bio"])
    assert "By Reporter Number3" in cleaned and "ZetaWallet" not in cleaned


def test_a_higher_min_confidence_never_removes_more():
    rng = np.random.default_rng(0)
    proba = rng.dirichlet(np.ones(4), size=500)
    classes = ["bio", "boilerplate", "editorial", "promo"]
    kept = [decide(proba, classes, ["editorial"], t)[2].sum() for t in np.linspace(0.05, 1.0, 20)]
    assert kept == sorted(kept)


def test_label_and_keep_never_disagree():
    rng = np.random.default_rng(1)
    proba = rng.dirichlet(np.ones(4), size=500)
    labels, confidence, kept, _ = decide(proba, ["bio", "boilerplate", "editorial", "promo"], ["editorial"], 0.7, 0.5)
    assert ((labels == "editorial") == kept).all()
    assert (proba[:, [0, 1, 3]].sum(axis=1)[~kept] >= min(0.5, GAP_CONFIDENCE_DEFAULT)).all()  # runs and gaps


def _junk(p_junk):
    """Probabilities (editorial, promo) with the given probability of junk per row."""
    p_junk = np.asarray(p_junk)
    return np.column_stack([1 - p_junk, p_junk])


def test_a_run_of_likely_junk_goes_with_the_sure_junk_it_touches():
    classes = ["editorial", "promo"]
    #   ad headline, two bullets, a story line, a lone doubtful line
    p_junk = [0.95, 0.65, 0.62, 0.10, 0.65]
    kept = decide(_junk(p_junk), classes, ["editorial"], 0.9, 0.6)[2]
    assert kept.tolist() == [False, False, False, True, True]
    kept = decide(_junk(p_junk), classes, ["editorial"], 0.9, 0.9)[2]  # runs off
    assert kept.tolist() == [False, True, True, True, True]


def test_a_run_passes_through_no_long_line_that_reads_as_story_on_its_own():
    classes = ["editorial", "promo"]
    #   ad headline, a long paragraph the context pulls to junk, a bullet after it
    proba = _junk([0.95, 0.65, 0.65])
    alone = _junk([0.9, 0.45, 0.9])  # stage one, reading each alone: the paragraph is more likely story
    chars = np.array([40, 400, 40])
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone)[2].tolist() == [False, False, False]
    kept = decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone, chars=chars)[2]
    assert kept.tolist() == [False, True, True]  # the paragraph stays, and the run stops at it
    short = decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone, chars=np.array([40, 140, 40]))[2]
    assert short.tolist() == [False, False, False]  # a short line is swept as before
    doubtful = decide(proba, classes, ["editorial"], 0.9, 0.6, alone=_junk([0.9, 0.55, 0.9]), chars=chars)[2]
    assert doubtful.tolist() == [False, False, False]  # stage one leans to junk: swept as before
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone, story_confidence=1.0,
                  chars=chars)[2].tolist() == [False, False, False]  # off with story protection


def test_min_confidence_may_differ_per_row():
    classes = ["editorial", "promo"]
    p_junk = _junk([0.85, 0.85, 0.95, 0.85, 0.5])
    doc = np.array([0, 0, 1, 1, 1])
    per_row = np.array([0.8, 0.8, 0.9, 0.9, 0.9])
    kept = decide(p_junk, classes, ["editorial"], per_row, 0.6, doc=doc)[2]
    assert kept.tolist() == [False, False, False, False, True]  # the 0.85 in doc 1 goes with the 0.95 run
    assert kept.tolist() == np.concatenate([decide(p_junk[:2], classes, ["editorial"], 0.8, 0.6)[2],
                                            decide(p_junk[2:], classes, ["editorial"], 0.9, 0.6)[2]]).tolist()


def test_a_line_that_reads_as_an_ad_goes_at_promo_confidence_and_takes_its_run_with_it():
    classes = ["bio", "boilerplate", "editorial", "promo"]
    #   story, an ad's pitch line (promo 0.65, junk 0.7), its bullet (junk 0.62), a short table cell
    #   (boilerplate 0.7, junk 0.75): all under min_confidence 0.8
    proba = np.array([[0.0, 0.05, 0.95, 0.0], [0.0, 0.05, 0.3, 0.65], [0.0, 0.32, 0.38, 0.3],
                      [0.0, 0.05, 0.95, 0.0], [0.0, 0.7, 0.25, 0.05]])
    assert decide(proba, classes, ["editorial"], 0.8, 0.6)[2].all()  # off by default
    labels, _, kept, _ = decide(proba, classes, ["editorial"], 0.8, 0.6, promo_confidence=0.6)
    assert kept.tolist() == [True, False, False, True, True]  # the cell is not promo: it stays
    assert labels.tolist() == ["editorial", "promo", "boilerplate", "editorial", "editorial"]
    assert decide(proba, classes, ["editorial"], 0.8, 0.6, promo_confidence=0.7)[2].all()
    per_row = np.array([0.6, 0.6, 0.6, 1.0, 1.0])  # one value per row, like min_confidence
    assert decide(proba, classes, ["editorial"], 0.8, 0.6, promo_confidence=per_row)[2].tolist() == \
        [True, False, False, True, True]
    # kept labels are never cut: keeping promo keeps the ad
    assert decide(proba, classes, ["editorial", "promo"], 0.8, 0.6, promo_confidence=0.6)[2][1]


def _labeled(rows):
    """Probabilities (editorial, promo, boilerplate) from (promo, boilerplate) pairs per row."""
    rows = np.asarray(rows, dtype=float)
    return np.column_stack([1 - rows.sum(axis=1), rows])


def test_a_line_between_two_lines_removed_as_promo_goes_at_gap_confidence():
    classes = ["editorial", "promo", "boilerplate"]
    #   story, an ad's headline, its pitch (junk 0.45: under the run's 0.6), its bullet, story
    proba = _labeled([[0.02, 0.03], [0.9, 0.05], [0.4, 0.05], [0.85, 0.05], [0.02, 0.03]])
    assert decide(proba, classes, ["editorial"], 0.8, 0.6)[2].tolist() == [True, False, False, False, True]
    labels, _, kept, _ = decide(proba, classes, ["editorial"], 0.8, 0.6, gap_confidence=1.0)
    assert kept.tolist() == [True, False, True, False, True] and labels[2] == "editorial"  # off
    assert decide(proba, classes, ["editorial"], 0.8, 0.6, gap_confidence=0.5)[2][2]  # under the gap's cut
    assert decide(proba, classes, ["editorial"], 0.8, 0.6)[0][2] == "promo"  # labeled as a removed line
    # both neighbours must be removed as promo: between two boilerplate lines (a tag list) the line stays
    tags = _labeled([[0.02, 0.03], [0.05, 0.9], [0.05, 0.4], [0.05, 0.85], [0.02, 0.03]])
    assert decide(tags, classes, ["editorial"], 0.8, 0.6)[2].tolist() == [True, False, True, False, True]
    # kept labels are never cut
    assert decide(proba, classes, ["editorial", "promo"], 0.8, 0.6)[2].all()


def test_a_gap_passes_no_line_that_reads_as_story_and_spans_one_line_of_one_document():
    classes = ["editorial", "promo", "boilerplate"]
    proba = _labeled([[0.9, 0.05], [0.4, 0.05], [0.85, 0.05]])
    story_alone = _labeled([[0.9, 0.05], [0.05, 0.0], [0.9, 0.05]])  # stage one reads the middle line as story
    assert decide(proba, classes, ["editorial"], 0.8, 0.6, alone=story_alone)[2].tolist() == [False, True, False]
    assert decide(proba, classes, ["editorial"], 0.8, 0.6, alone=story_alone,
                  story_confidence=1.0)[2].tolist() == [False, False, False]  # off with story protection
    # a long paragraph that stage one reads as more likely story than not (a story paragraph between two
    # "Advertisement" lines) stays, as in a run; a short line is taken
    leaning = _labeled([[0.9, 0.05], [0.3, 0.1], [0.9, 0.05]])
    for chars, middle_kept in (([20, 400, 20], True), ([20, 80, 20], False)):
        kept = decide(proba, classes, ["editorial"], 0.8, 0.6, alone=leaning, chars=np.array(chars))[2]
        assert kept.tolist() == [False, middle_kept, False]
    two_lines = _labeled([[0.9, 0.05], [0.4, 0.05], [0.4, 0.05], [0.85, 0.05]])  # a gap of two lines stays
    assert decide(two_lines, classes, ["editorial"], 0.8, 0.6)[2].tolist() == [False, True, True, False]
    across = decide(proba, classes, ["editorial"], 0.8, 0.6, doc=np.array([0, 1, 1]))[2]  # it opens a document
    assert across.tolist() == [False, True, False]


def test_each_row_names_the_setting_that_decided_it():
    classes = ["editorial", "promo", "boilerplate"]
    rows = [  # (promo, boilerplate) of the final stage, stage one's story, the rule expected
        ((0.02, 0.03), 0.95, "min_confidence"),  # story: under the cut
        ((0.9, 0.05), 0.05, "min_confidence"),  # an ad's headline: the cut
        ((0.3, 0.35), 0.3, "block_confidence"),  # its bullet, in its run
        ((0.02, 0.03), 0.95, "min_confidence"),
        ((0.7, 0.05), 0.2, "promo_confidence"),  # promo 0.7, junk under the cut
        ((0.4, 0.05), 0.5, "gap_confidence"),  # between two lines removed as promo
        ((0.9, 0.05), 0.05, "min_confidence"),
        ((0.02, 0.03), 0.95, "min_confidence"),
        ((0.05, 0.25), 0.6, "marker_confidence"),  # "Tags: ...", junk 0.3
        ((0.02, 0.03), 0.95, "min_confidence"),
        ((0.05, 0.45), 0.6, "repeat_confidence"),  # a line the batch repeats
        ((0.02, 0.03), 0.95, "min_confidence"),
        ((0.05, 0.85), 0.95, "story_confidence"),  # removed by the cut, story to stage one: kept again
        ((0.02, 0.03), 0.95, "min_confidence"),
    ]
    proba = _labeled([r[0] for r in rows])
    alone = np.column_stack([[r[1] for r in rows], 1 - np.array([r[1] for r in rows]), np.zeros(len(rows))])
    markers = np.array(["boilerplate" if r[2] == "marker_confidence" else "" for r in rows], dtype=object)
    repeated = np.array([r[2] == "repeat_confidence" for r in rows])
    decided = decide(proba, classes, ["editorial"], 0.8, 0.6, alone=alone, promo_confidence=0.6, repeated=repeated,
                     repeat_confidence=0.4, markers=markers)
    assert decided.rule.tolist() == [r[2] for r in rows]
    assert decided.keep.tolist() == [r[2] in ("min_confidence", "story_confidence") and sum(r[0]) < 0.8
                                     or r[2] == "story_confidence" for r in rows]
    # a row two rules take is named after the first: the headline is also a marker line
    markers[1] = "promo"
    assert decide(proba, classes, ["editorial"], 0.8, 0.6, alone=alone, markers=markers).rule[1] == "min_confidence"
    # with a rule off, a row it took is left to the others
    off = decide(proba, classes, ["editorial"], 0.8, 0.6, alone=alone, promo_confidence=0.6, repeated=repeated,
                 repeat_confidence=0.4, markers=markers, gap_confidence=1.0)
    assert off.rule[5] == "min_confidence" and off.keep[5]


def test_a_run_stops_at_the_end_of_its_document():
    classes = ["editorial", "promo"]
    kept = decide(_junk([0.95, 0.65, 0.65]), classes, ["editorial"], 0.9, 0.6, doc=np.array([0, 0, 1]))[2]
    assert kept.tolist() == [False, False, True]


def test_clean_frame_adds_a_column_and_keeps_the_others(small_model):
    frame = pd.DataFrame({"id": [1, 2, 3], "text": [ARTICLE, None, ""], "url": ["a", "b", "c"]})
    out = clean_frame(frame, model=small_model)
    assert list(out.columns) == ["id", "text", "url", "clean_text"]
    assert out.loc[0, "clean_text"].startswith("Markets moved") and out.loc[1, "clean_text"] is None
    assert out.loc[2, "clean_text"] == ""
    assert frame.columns.tolist() == ["id", "text", "url"]


def test_classify_frame_gives_one_row_per_segment(small_model):
    out = classify_frame(pd.DataFrame({"id": ["x"], "text": [ARTICLE]}), id_column="id", model=small_model)
    assert out["doc_id"].tolist() == ["x"] * 6 and out["position"].tolist() == list(range(6))
    assert set(out["model"]) == {"SegmentClassifier"}


def test_classify_frame_gives_a_text_with_an_unpaired_surrogate_as_given(small_model):
    text = ARTICLE.replace("Markets", "Mar\ud800kets")
    frame = pd.DataFrame({"text": pd.Series([text, ARTICLE], dtype=object)})  # a str column cannot hold it
    out = classify_frame(frame, model=small_model)
    assert out["text"].iloc[0] == "Mar\ud800kets moved sharply on day 3 as traders weighed the central bank's next step."
    assert out["keep"].tolist()[:6] == out["keep"].tolist()[6:]  # read as U+FFFD, one character for one


def test_a_missing_text_column_is_named(small_model):
    with pytest.raises(InputError, match="no column 'body'"):
        clean_frame(pd.DataFrame({"text": ["a"]}), "body", model=small_model)


class _FixedModel:
    """Junk probabilities fixed per line (final, and stage one's where given), so the thresholds alone decide."""

    classes_ = np.array(["editorial", "promo"])

    def __init__(self, p_junk: dict, p_junk_alone: dict | None = None):
        self.p_junk, self.p_junk_alone = p_junk, p_junk_alone or p_junk

    def predict_proba_by_stage(self, table):
        texts = table.sort_values(["doc_id", "position"])["text"]
        return tuple(np.column_stack([1 - p, p]) for p in (texts.map(self.p_junk_alone).to_numpy(),
                                                           texts.map(self.p_junk).to_numpy()))


AD = "Story line one.\nBuy now\n• fast\n• cheap\nStory line two.\n• lone doubtful line\nStory line three.\n"
AD_JUNK = {"Story line one.": 0.05, "Buy now": 0.95, "• fast": 0.7, "• cheap": 0.5, "Story line two.": 0.1,
           "• lone doubtful line": 0.7, "Story line three.": 0.0}


@pytest.mark.parametrize("min_confidence, block_confidence, removed", [
    (0.9, 0.6, ["Buy now", "• fast"]),
    (0.9, 0.45, ["Buy now", "• fast", "• cheap"]),
    (0.9, 0.9, ["Buy now"]),
    (0.6, 0.6, ["Buy now", "• fast", "• lone doubtful line"]),
    (0.99, 0.3, []),
])
def test_clean_and_classify_apply_both_thresholds(min_confidence, block_confidence, removed):
    model = _FixedModel(AD_JUNK)
    chosen = classify(AD, model=model, min_confidence=min_confidence, block_confidence=block_confidence)
    assert [s.text for s in chosen if not s.keep] == removed
    cleaned = clean(AD, model=model, min_confidence=min_confidence, block_confidence=block_confidence)
    assert [line for line in cleaned.splitlines() if line.strip()] == [s.text for s in chosen if s.keep]


def test_classify_names_the_setting_that_decided_each_segment():
    chosen = classify(AD, model=_FixedModel(AD_JUNK), min_confidence=0.9, block_confidence=0.45)
    assert {s.text: s.rule for s in chosen if not s.keep} == {
        "Buy now": "min_confidence", "• fast": "block_confidence", "• cheap": "block_confidence"}
    assert {s.rule for s in chosen if s.keep} == {"min_confidence"}  # under the cut, no rule took them
    table = classify_frame(pd.DataFrame({"text": [AD]}), model=_FixedModel(AD_JUNK), min_confidence=0.9,
                           block_confidence=0.45)
    assert table["rule"].tolist() == [s.rule for s in chosen]


def test_a_batch_is_labeled_in_parts_of_whole_documents(small_model, monkeypatch):
    texts = [ARTICLE.replace("day 3", f"day {i}") for i in range(5)]
    whole = clean_texts(texts, small_model)
    monkeypatch.setattr("detector.pipeline.MODEL_CALL_SEGMENTS", 4)  # one article per model call
    assert clean_texts(texts, small_model) == whole


def test_parts_cut_only_between_documents():
    doc = np.array([0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 3])
    assert _whole_documents(doc, 5) == [(0, 5), (5, 10), (10, 11)]
    assert _whole_documents(doc, 1) == [(0, 3), (3, 5), (5, 10), (10, 11)]  # a longer document stays whole
    assert _whole_documents(doc, 100) == [(0, 11)]


def test_a_line_that_reads_as_story_alone_is_kept_whatever_its_context_says():
    # Stage one reads the closing sentence as story (junk 0.05); the context stage pulls it
    # into the links below (junk 0.97). Kept at the default story_confidence, removed without it.
    text = "The court heard the case on Monday.\nHe is due to be sentenced next week.\nRelated stories\nMore news\n"
    final = {"The court heard the case on Monday.": 0.0, "He is due to be sentenced next week.": 0.97,
             "Related stories": 0.99, "More news": 0.99}
    model = _FixedModel(final, {**final, "He is due to be sentenced next week.": 0.05})
    assert clean(text, model=model) == "The court heard the case on Monday.\nHe is due to be sentenced next week.\n"
    assert clean(text, model=model, story_confidence=0.96) == "The court heard the case on Monday.\n"
    assert clean(text, model=model, story_confidence=1.0) == "The court heard the case on Monday.\n"
    labels = [s.label for s in classify(text, model=model)]
    assert labels == ["editorial", "editorial", "promo", "promo"]  # a kept line carries a kept label


def test_story_protection_keeps_a_line_in_or_next_to_the_kept_story_not_one_apart_from_it():
    classes = ["editorial", "promo"]
    #   story, closing sentence, share line, author bio, disclaimer: the context stage calls the last
    #   four junk; stage one reads the closing sentence, the bio and the disclaimer as story
    proba = _junk([0.05, 0.97, 0.99, 0.99, 0.98])
    alone = _junk([0.05, 0.05, 0.9, 0.05, 0.08])
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone)[2].tolist() == [True, True, False, False, False]
    # between two kept lines, or in a document the model would empty, it stays
    proba, alone = _junk([0.05, 0.99, 0.97, 0.99, 0.05]), _junk([0.05, 0.9, 0.05, 0.9, 0.05])
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone)[2].tolist() == [True, False, True, False, True]
    proba, alone = _junk([0.97, 0.99]), _junk([0.05, 0.9])
    assert decide(proba, classes, ["editorial"], 0.9, 0.6, alone=alone)[2].tolist() == [True, False]
    # per document: the bio after document 0's share line goes; document 1 starts with its own story
    proba, alone = _junk([0.05, 0.99, 0.97, 0.97, 0.05]), _junk([0.05, 0.9, 0.05, 0.05, 0.05])
    kept = decide(proba, classes, ["editorial"], 0.9, 0.6, doc=np.array([0, 0, 0, 1, 1]), alone=alone)[2]
    assert kept.tolist() == [True, False, False, True, True]


def test_a_line_the_batch_repeats_goes_at_repeat_confidence_and_takes_its_run_with_it():
    classes = ["editorial", "promo"]
    #   story, a repeated doubtful line (junk 0.5), its neighbour (junk 0.65), a doubtful line
    #   that is not repeated (junk 0.5), a repeated line that reads as story (junk 0.2)
    p_junk = _junk([0.05, 0.5, 0.65, 0.5, 0.2])
    repeated = np.array([False, True, False, False, True])
    assert decide(p_junk, classes, ["editorial"], 0.9, 0.6)[2].all()
    kept = decide(p_junk, classes, ["editorial"], 0.9, 0.6, repeated=repeated, repeat_confidence=0.4)[2]
    assert kept.tolist() == [True, False, False, True, True]
    assert decide(p_junk, classes, ["editorial"], 0.9, 0.6, repeated=repeated, repeat_confidence=1.0)[2].all()
    # story protection still holds: stage one read the repeated line as story
    alone = _junk([0.05, 0.05, 0.65, 0.5, 0.2])
    assert decide(p_junk, classes, ["editorial"], 0.9, 0.6, alone=alone, repeated=repeated)[2][1]


PAGE_JUNK = {"More from the council desk": 0.5, "Read our coverage policy.": 0.3, "Advertisement": 0.95}


def _pages(n: int) -> list[str]:
    return [f"Story {i}: the council met on day {i} and voted on the budget for the schools.\nMore from the council desk\n"
            f"Read our coverage policy.\nAdvertisement\nClosing line {i}.\n" for i in range(n)]


def test_clean_frame_removes_what_three_of_its_pages_repeat_and_clean_takes_a_count_of_the_batch():
    pages = _pages(3)
    model = _FixedModel(PAGE_JUNK)
    frame = pd.DataFrame({"text": pages})
    cleaned = clean_frame(frame, model=model)["clean_text"].tolist()
    assert cleaned == [page.replace("More from the council desk\n", "").replace("Advertisement\n", "") for page in pages]
    # at the default repeat_confidence (0.4) the line at junk 0.3 stays; 0 documents turns it off
    assert clean_frame(frame, model=model, repeat_documents=0)["clean_text"].tolist() == \
        [page.replace("Advertisement\n", "") for page in pages]
    assert clean_frame(frame.iloc[:2], model=model)["clean_text"].tolist() == \
        [page.replace("Advertisement\n", "") for page in pages[:2]]  # two pages are not enough
    repeats = RepeatedLines.from_texts(pages)
    assert [clean(page, model=model, repeats=repeats) for page in pages] == cleaned
    assert clean(pages[0], model=model) == pages[0].replace("Advertisement\n", "")
    labeled = classify_frame(frame, model=model, repeat_confidence=0.25)
    assert labeled.loc[~labeled["keep"], "text"].tolist() == ["More from the council desk", "Read our coverage policy.",
                                                               "Advertisement"] * 3


@pytest.mark.parametrize("call, message", [
    (lambda: clean(None), "text must be a str, got NoneType"),
    (lambda: clean(b"News."), "decode bytes first"),
    (lambda: classify(12), "text must be a str, got int"),
    (lambda: clean("News.", min_confidence=2), "min_confidence must be a number between 0 and 1, got 2"),
    (lambda: clean("News.", block_confidence=-0.1), "block_confidence must be"),
    (lambda: clean("News.", marker_confidence="0.5"), "marker_confidence must be"),
    (lambda: clean("News.", gap_confidence=-0.5), "gap_confidence must be"),
    (lambda: clean("News.", disclaimer_confidence=1.5), "disclaimer_confidence must be"),
    (lambda: clean("News.", headline_overlap=-1), "headline_overlap must be"),
    (lambda: clean("News.", keep="editorial"), "keep must be a sequence of labels"),
    (lambda: clean_frame(pd.DataFrame({"text": [None]}), story_confidence=1.5), "story_confidence must be"),
    (lambda: classify_frame(pd.DataFrame({"text": ["News."]}), repeat_confidence=None), "repeat_confidence must"),
    (lambda: classify_frame(pd.DataFrame({"text": ["News."]}), id_column="url"), "the frame has no column 'url'"),
])
def test_a_wrong_argument_is_a_clear_error_before_any_model_loads(call, message):
    with pytest.raises(InputError, match=re.escape(message)):
        call()
