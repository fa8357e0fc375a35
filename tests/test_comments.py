import json

import numpy as np
import pandas as pd
import pytest

from detector import classify, clean
from detector.comments import MIN_ROWS_AFTER_HEADER, comment_sections, is_comment_header
from detector.pipeline import decide


@pytest.mark.parametrize("text", [
    "Comments (41)", "{ 167 comments }", "23 comments", "COMMENTS", "Comments:", "Leave a Reply", "Post a comment",
    "Join the conversation", "12 Kommentare", "Kommentare (58)", "Reacties", "14 commentaires", "3 comentarios",
    "Komentarze (3)", "Комментарии (57)", "Yorumlar (27)", "评论（3）", "コメント", "댓글 4", "Responses (0)",
    "12 reactions", "Bình luận (12)", "7 Komentar", "التعليقات (4)", "תגובות", "टिप्पणियां (21)", "ความคิดเห็น 5",
    "Σχόλια", "Kommentit (4)",
])
def test_lines_that_open_a_comment_section_are_headers(text):
    assert is_comment_header(text)


@pytest.mark.parametrize("text", [
    "Reaction", "Responses", "Discussion", "No comment", "Comment", "Comments from the minister drew criticism",
    "The minister declined to comment.", "Reader comments on the plan were mostly positive, the council said.",
])
def test_a_subheading_or_a_sentence_about_comments_is_not_a_header(text):
    assert not is_comment_header(text)


def _page(header_junk=0.8, rows_after=MIN_ROWS_AFTER_HEADER, header="Comments (12)"):
    """Texts, stage one's story probability and the final junk probability of one page:
    headline and story (read as story), a share line, a comment header, comments that read as prose."""
    rows = [("Council approves the new budget", 0.95, 0.05)]
    rows += [(f"Paragraph {i} of the story, long enough to read as running prose of the article.", 0.97, 0.02)
             for i in range(4)]
    rows += [("Share this article", 0.1, 0.97), (header, 0.2, header_junk)]
    rows += [(f"Reader {i}: I could not agree more, the budget is a disgrace and everyone knows it.", 0.6, 0.3)
             for i in range(rows_after)]
    texts, story, junk = zip(*rows)
    return list(texts), np.array(story), np.array(junk)


def test_a_comment_section_runs_from_its_header_after_the_story_to_the_end():
    texts, story, junk = _page()
    marked = comment_sections(texts, np.zeros(len(texts), int), story, junk)
    assert marked.tolist() == [False] * 6 + [True] * (1 + MIN_ROWS_AFTER_HEADER)


@pytest.mark.parametrize("change", [
    {"header_junk": 0.3},  # the model reads the header line as story: it may be a subheading
    {"rows_after": MIN_ROWS_AFTER_HEADER - 1},  # too little follows: a counter inside the story
    {"header": "Comments from readers were mixed"},  # not a header
])
def test_no_section_without_a_header_the_model_doubts_too_followed_by_a_thread(change):
    texts, story, junk = _page(**change)
    assert not comment_sections(texts, np.zeros(len(texts), int), story, junk).any()


def test_a_header_before_the_end_of_the_story_opens_no_section():
    texts, story, junk = _page()
    # the counter sits between the headline and the story: the story (main block) comes after it
    order = [0, 6, 1, 2, 3, 4, 5] + list(range(7, len(texts)))
    texts, story, junk = [texts[i] for i in order], story[order], junk[order]
    assert not comment_sections(texts, np.zeros(len(texts), int), story, junk).any()


def test_each_document_has_its_own_section_whatever_its_ids():
    one, story, junk = _page()
    bare = one[:6]
    texts = bare + one + bare
    doc = np.repeat([7, 3, 9], [6, len(one), 6])  # grouped, not numbered from 0
    marked = comment_sections(texts, doc, np.r_[story[:6], story, story[:6]], np.r_[junk[:6], junk, junk[:6]])
    assert marked.tolist() == [False] * 12 + [True] * (1 + MIN_ROWS_AFTER_HEADER) + [False] * 6


def test_decide_removes_a_comment_section_at_comment_confidence_and_story_protection_still_holds():
    texts, story, junk = _page()
    proba = np.column_stack([1 - junk, junk])
    alone = np.column_stack([story, 1 - story])
    comments = comment_sections(texts, np.zeros(len(texts), int), story, junk)
    kept = decide(proba, ["editorial", "promo"], ["editorial"], 0.9, 0.6, alone=alone, comments=comments)[2]
    assert kept.tolist() == [True] * 5 + [False] * (2 + MIN_ROWS_AFTER_HEADER)
    assert decide(proba, ["editorial", "promo"], ["editorial"], 0.9, 0.6, alone=alone, comments=comments,
                  comment_confidence=1.0)[2].tolist() == [True] * 5 + [False] * 2 + [True] * MIN_ROWS_AFTER_HEADER
    # story protection keeps a line that stage one alone reads as story (0.9 or more) within or next to
    # the kept story: a comment apart from it goes all the same, the story's last line when it is pulled
    alone[-1] = [0.95, 0.05]
    assert not decide(proba, ["editorial", "promo"], ["editorial"], 0.9, 0.6, alone=alone, comments=comments)[2][-1]
    proba[4], alone[4] = [0.02, 0.98], [0.95, 0.05]
    assert decide(proba, ["editorial", "promo"], ["editorial"], 0.9, 0.6, alone=alone, comments=comments)[2][4]


class _PageModel:
    """The junk probabilities of ``_page`` per line, so the comment rule alone decides."""

    classes_ = np.array(["editorial", "promo"])

    def __init__(self):
        texts, story, junk = _page()
        self.story, self.junk = dict(zip(texts, story)), dict(zip(texts, junk))

    def predict_proba_by_stage(self, table):
        texts = table.sort_values(["doc_id", "position"])["text"]
        story, junk = texts.map(self.story).to_numpy(), texts.map(self.junk).to_numpy()
        return np.column_stack([story, 1 - story]), np.column_stack([1 - junk, junk])


def test_clean_drops_the_comment_section_and_keeps_it_at_comment_confidence_one():
    texts, _, _ = _page()
    page = "\n".join(texts) + "\n"
    model = _PageModel()
    assert clean(page, model=model) == "\n".join(texts[:5]) + "\n"
    # the header still goes with the share line above it (a run), the comments stay
    assert clean(page, model=model, comment_confidence=1.0) == "\n".join(texts[:5] + texts[7:]) + "\n"
    labels = [s.label for s in classify(page, model=model)]
    assert labels[6:] == ["promo"] * (1 + MIN_ROWS_AFTER_HEADER)  # a removed line carries a removed label


def test_on_real_blog_and_news_pages_half_the_comment_lines_go_and_no_story_line_with_them(default_model):
    # ../shared/data/real/dragnet.full.jsonl: 285 whole news and blog pages with 7,761 lines of reader
    # comments (the benchmark's own class). Measured: of the 5,660 comment lines the model alone
    # keeps, the rule removes 2,772 (the threads without a header it knows stay), and no editorial line.
    # Since story protection keeps only lines within or next to the kept story (2026-12-06), two lines
    # that the gold counts as story go with it: both are a reader's comment in a thread without a header
    # the rule knows, swept by a run from the comment section's lines.
    from conftest import SHARED

    from detector.data import documents_to_frame
    from detector.pipeline import label_probabilities

    path = SHARED / "data" / "real" / "dragnet.full.jsonl"
    if not path.exists():
        pytest.skip("../shared is not beside this clone")
    docs = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    frame = documents_to_frame(docs)
    is_comment = np.array([p.get("src") == "comments" for d in docs for p in d["paragraphs"]])
    is_story = (frame["label"] == "editorial").to_numpy()
    segments = frame[["doc_id", "position", "text"]]
    alone, proba, min_confidence, promo_confidence = label_probabilities(default_model, segments)
    doc = pd.factorize(frame["doc_id"])[0]
    editorial = list(default_model.classes_).index("editorial")
    comments = comment_sections(frame["text"].tolist(), doc, alone[:, editorial], 1 - proba[:, editorial])
    kept = {}
    for name, marked in (("model", None), ("rule", comments)):
        kept[name] = decide(proba, default_model.classes_, ["editorial"], min_confidence, 0.6, doc, alone,
                            promo_confidence=promo_confidence, comments=marked)[2]
    assert (kept["rule"] & is_comment).sum() <= 0.6 * (kept["model"] & is_comment).sum()
    assert (is_story & kept["model"] & ~kept["rule"]).sum() <= 2
