from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from detector import classify, classify_frame, clean
from detector.pipeline import decide
from detector.scraper_headers import header_labels, scraper_headers, with_headers_apart

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "en_bitcoin_etf_flows.md"

STORY = [
    "# Bitcoin slips below $90,000 as ETF outflows deepen",
    "Bitcoin fell below $90,000 on Thursday for the first time in three weeks, as US spot exchange-traded "
    "funds recorded a fourth straight day of net outflows.",
    "The largest fund lost $310 million on Wednesday alone, according to data compiled by the issuers, while "
    "smaller funds reported flat flows.",
    "Funding rates on perpetual futures turned negative on several venues overnight, a sign that short sellers "
    "are paying to keep their positions open.",
    "Analysts expect volatility to stay high until the Federal Reserve's December meeting.",
]
READER_HEADER = [
    "Title: Bitcoin slips below $90,000 as ETF outflows deepen",
    "URL Source: https://news.example/markets/bitcoin-slips-below-90000",
    "Published Time: 2026-11-20T08:14:00Z",
    "Markdown Content:",
]
FRONT_MATTER = [
    "---",
    'title: "Bitcoin slips below $90,000 as ETF outflows deepen"',
    "date: 2026-11-20",
    "author: Jane Doe",
    "tags:",
    "- bitcoin",
    "- etf",
    "---",
]


def test_a_reader_services_header_is_named_line_by_line():
    texts = READER_HEADER + [line.removeprefix("# ") for line in STORY]
    assert header_labels(texts).tolist() == ["boilerplate"] * 4 + [""] * len(STORY)


def test_a_scraping_scripts_header_of_fields_is_named_too():
    texts = ["Title: Bitcoin slips below $90,000 as ETF outflows deepen", "URL: https://news.example/markets/btc",
             "Date: 2026-11-20", "Author: Jane Doe",
             "Description: Spot ETFs saw a fourth day of outflows."] + [line.removeprefix("# ") for line in STORY]
    inside, labels = scraper_headers(texts)
    # the description is not on the page: left to the model, as a title would be
    assert labels.tolist()[:5] == ["boilerplate", "boilerplate", "boilerplate", "bio", ""]
    assert inside.tolist() == [True] * 5 + [False] * len(STORY)


def test_front_matter_is_named_with_its_author_as_bio():
    texts = FRONT_MATTER + [line.removeprefix("# ") for line in STORY]
    assert header_labels(texts).tolist()[:8] == ["boilerplate", "boilerplate", "boilerplate", "bio", "boilerplate",
                                                 "boilerplate", "boilerplate", "boilerplate"]
    assert header_labels(texts).tolist()[8:] == [""] * len(STORY)


@pytest.mark.parametrize("title", [
    "Bitcoin slips below $90,000 as ETF outflows deepen | Example News",
    "Example News - Bitcoin slips below $90,000 as ETF outflows deepen",
    "Bitcoin slips below $90,000 as ETF outflows deepen – Markets – Example News",
])
def test_a_title_with_the_sites_name_still_repeats_the_headline(title):
    texts = [f"Title: {title}"] + READER_HEADER[1:] + [line.removeprefix("# ") for line in STORY]
    assert header_labels(texts).tolist()[0] == "boilerplate"


def test_a_title_is_named_only_when_the_page_repeats_it_as_its_headline():
    texts = READER_HEADER + STORY[1:]  # the page has no headline of its own: the title line is the only one
    inside, labels = scraper_headers(texts)
    assert labels.tolist()[:4] == ["", "boilerplate", "boilerplate", "boilerplate"]
    assert inside.tolist() == [True] * 4 + [False] * (len(STORY) - 1)  # still a line of the header


def test_a_title_that_is_the_only_headline_stays(default_model):
    article = "\n\n".join(READER_HEADER + STORY[1:]) + "\n"
    segments = classify(article, model=default_model)
    assert segments[0].keep and not any(s.keep for s in segments[1:4])


@pytest.mark.parametrize("texts", [
    ["Title: The Quiet Year", "Author: Mara Lind", "A novel about a lighthouse keeper, reviewed."],  # no URL Source
    ["URL Source: https://news.example/a", "Some story line that is no field of a header at all.",
     "Markdown Content:"],  # a line that is no field
    ["---", "title: Open fence", "The story begins here, and no fence ever closes the header."],  # never closed
    ["---", "---", "A story after a rule."],  # no field between the fences
    ["Source: Reuters", "Date: 2026-11-20", "The story opens here."],  # fields, but no web address among them
    ["Source: https://news.example/a", "The story opens here."],  # one field alone
    ["Note: see https://news.example/a", "URL: https://news.example/a", "Story."],  # a key no header uses first
    ["The story opens.", "---", "title: a rule, then a line with a colon", "---"],  # not at the start
])
def test_what_only_looks_like_a_header_is_not_named(texts):
    assert header_labels(texts).tolist() == [""] * len(texts)


def test_each_document_is_read_from_its_own_start():
    headline = STORY[0].removeprefix("# ")
    texts = [headline, "---", "title: x", "---"] + FRONT_MATTER[:4] + ["---", "Story."]
    doc = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
    # the second document's title is left to the model: the headline it repeats is the first document's
    assert header_labels(texts, doc).tolist() == [""] * 4 + ["boilerplate", "", "boilerplate", "bio", "boilerplate", ""]


def test_header_lines_go_past_story_protection_and_only_with_marker_lines_on():
    texts = READER_HEADER + [line.removeprefix("# ") for line in STORY]  # as the pipeline reads Markdown
    n = len(texts)
    proba = np.tile([0.0, 0.05, 0.95, 0.0], (n, 1))  # the model reads every line as story, stage one too
    classes = ["bio", "boilerplate", "editorial", "promo"]
    headers = header_labels(texts)
    decided = decide(proba, classes, ["editorial"], 0.9, 0.6, alone=proba, texts=texts,
                     chars=np.array([len(t) for t in texts]), headers=headers)
    assert decided.keep.tolist() == [False] * 4 + [True] * len(STORY)
    assert decided.label.tolist()[:4] == ["boilerplate"] * 4
    assert set(decided.rule[:4]) == {"marker_confidence"}
    off = decide(proba, classes, ["editorial"], 0.9, 0.6, alone=proba, texts=texts, marker_confidence=1.0,
                 headers=headers)
    assert off.keep.all()


def test_a_reader_page_is_cleaned_to_its_story(default_model):
    article = "\n\n".join(READER_HEADER + STORY) + "\n"
    cleaned = clean(article, model=default_model)
    assert cleaned.startswith(STORY[0] + "\n")  # one headline, byte for byte
    assert "Title:" not in cleaned and "Markdown Content:" not in cleaned
    assert all(line in cleaned for line in STORY)


def test_front_matter_is_cleaned_off_and_reported_line_by_line(default_model):
    article = "\n".join(FRONT_MATTER) + "\n\n" + "\n\n".join(STORY) + "\n"
    segments = classify(article, model=default_model)
    assert [s.keep for s in segments[:8]] == [False] * 8
    assert segments[3].label == "bio"
    assert clean(article, model=default_model).startswith(STORY[0] + "\n")


def test_a_header_is_a_document_of_its_own_for_the_model():
    doc = np.array([0, 0, 0, 0, 1, 1, 1])
    header = np.array([True, True, False, False, True, False, False])
    assert with_headers_apart(doc, header).tolist() == [0, 0, 1, 1, 2, 3, 3]


def test_the_page_under_a_header_is_decided_as_without_it(default_model):
    page = EXAMPLE.read_text(encoding="utf-8")
    headline = next(line for line in page.splitlines() if line.startswith("# ")).removeprefix("# ")
    header = f"Title: {headline}\n\nURL Source: https://news.example/etf\n\nMarkdown Content:\n"
    alone = classify(page, model=default_model)
    under = classify(header + page, model=default_model)
    assert [s.keep for s in under[:3]] == [False] * 3
    assert [(s.text, s.label, s.keep, s.rule) for s in under[3:]] == [(s.text, s.label, s.keep, s.rule) for s in alone]
    assert clean(header + page, model=default_model) == clean(page, model=default_model)


def test_the_model_column_names_the_model_that_read_the_page_under_a_header(default_model):
    # one crypto term in the page's headline, one more in its title field: the page alone is no crypto news
    headline = "Village football club lets fans pay with bitcoin"
    page = "\n\n".join([headline,
                        "The club's volunteers say the new till at the gate was the idea of a long-serving goalkeeper.",
                        "Saturday's home match against the league leaders drew the largest crowd in a decade."])
    header = f"Title: {headline}\n\nURL Source: https://news.example/club\n\nMarkdown Content:\n\n"
    rows = classify_frame(pd.DataFrame({"text": [page, header + page]}), model=default_model)
    alone, under = rows[rows["doc_id"] == 0], rows[rows["doc_id"] == 1]
    assert alone["model"].eq("general").all()
    assert under["model"].iloc[3:].tolist() == alone["model"].tolist()
