"""The bundled crypto model: the general model's data plus profiles/crypto (promo in 17 languages, unmarked ads,
sponsored articles)."""

import json

import numpy as np

from conftest import ROOT
from detector import clean, load_model
from detector.clean import clean_article
from detector.data import documents_to_frame
from detector.pipeline import classify_texts


def _removed(model, docs):
    """Per segment of ``docs`` (reading order): does the model at its defaults remove it?"""
    labeled = classify_texts(["\n".join(p["text"] for p in d["paragraphs"]) for d in docs], model)
    return np.array([not s.keep for segments in labeled for s in segments])


def _junk_removed(name, crypto_model, general_model):
    """Share of a benchmarks/ set's junk lines the crypto model removes, after checking that it
    removes no editorial line and more junk lines than the general model."""
    docs = [json.loads(line) for line in (ROOT / "benchmarks" / name).read_text(encoding="utf-8").splitlines()]
    frame = documents_to_frame(docs)
    junk = (frame["label"] != "editorial").to_numpy()
    removed = _removed(crypto_model, docs)
    assert not removed[~junk].any(), frame["text"][removed & ~junk].tolist()
    assert removed[junk].sum() > _removed(general_model, docs)[junk].sum()
    return removed[junk].mean()


def test_the_crypto_model_removes_ads_without_a_marker_and_no_line_of_the_story(crypto_model, general_model):
    # 12 stories (de, en, fr, es), never trained on, each with an ad block that has no
    # "Advertisement" line: 61 of the 69 ad lines go at the model's own min_confidence (0.8) and
    # promo_confidence (0.6) with the bundled build of 2026-12-06 and ad gaps (58 without them, 61 before
    # unmarked_ads3, 43 without the promo cut); they hold four distinct ads, so builds move by whole
    # blocks (three training seeds: 0.83-0.87 of the lines before ad gaps).
    assert _junk_removed("unmarked_ads.jsonl", crypto_model, general_model) >= 0.75


def test_the_crypto_model_removes_unmarked_ads_of_many_forms_and_languages_and_no_story(crypto_model, general_model):
    # 50 stories in 21 languages, never trained on, written apart from profiles/crypto: 60 ad blocks
    # (full blocks, teaser lines, pitch paragraphs, presales, signals, staking ...) with no marker.
    # The bundled build removes 147 of their 235 ad lines (63%) with the promo cut at 0.6 and ad gaps (138
    # without them, three training seeds 53-59%); 101-112 (43-48%) before the unmarked_ads3 batch, 51 (22%)
    # before unmarked_ads2.
    assert _junk_removed("unmarked_ads_multi.jsonl", crypto_model, general_model) >= 0.5


def test_the_crypto_model_removes_more_of_whole_sponsored_articles_and_no_news(crypto_model, general_model):
    # 5 sponsored-article pages (every article line promo) and 5 news pages on the same
    # subjects, never trained on.
    assert _junk_removed("sponsored.jsonl", crypto_model, general_model) > 0


def test_the_crypto_model_cleans_the_seeds_like_the_general_model(seeds, crypto_model):
    text, gold = seeds["nl"]
    assert clean(text, model=crypto_model) == clean_article(text, [p["label"] == "editorial" for p in gold["paragraphs"]])
    text, _ = seeds["de"]
    assert clean(text, model=crypto_model) == text


def test_the_crypto_model_is_one_name_away(crypto_model, general_model):
    assert load_model("crypto") is crypto_model and load_model("general") is general_model
    assert clean("Bitcoin rose 4% on Tuesday after the ETF decision.", model="crypto") == \
        "Bitcoin rose 4% on Tuesday after the ETF decision."
