import re

import numpy as np
import pytest

from detector.disclaimers import (
    _PHRASES, _RISK_PHRASES, _RISK_UNSPACED_PHRASES, _UNSPACED_PHRASES, DISCLAIMER_MAX_CHARS, EDGE_SKIP_CHARS,
    disclaimer_label, edge_disclaimers, is_risk_warning, risk_warnings_beside_ads,
)
from detector.pipeline import decide

CLASSES = ["bio", "boilerplate", "editorial", "promo"]


@pytest.mark.parametrize("line, label", [
    ("This report is provided for informational purposes only and is not financial advice.", "boilerplate"),
    ("Nothing here should be construed as investment, tax or legal advice.", "boilerplate"),
    ("The views expressed in this column are those of the writer alone.", "boilerplate"),
    ("At the time of writing, the author held small positions in BTC and SOL.", "boilerplate"),
    ("Some links on this page are affiliate links: we may earn a commission if you sign up.", "promo"),
    ("Dieser Beitrag stellt keine Anlageberatung dar und ersetzt kein Gespräch mit Ihrer Bank.", "boilerplate"),
    ("Dit artikel is geen beleggingsadvies; beleggen brengt risico's met zich mee.", "boilerplate"),
    ("Cet article ne constitue pas un conseil en investissement.", "boilerplate"),
    ("Este análisis tiene carácter meramente informativo.", "boilerplate"),
    ("Il presente articolo non costituisce consulenza finanziaria.", "boilerplate"),
    ("Artykuł nie stanowi porady inwestycyjnej.", "boilerplate"),
    ("Yazıdaki bilgiler yatırım tavsiyesi değildir.", "boilerplate"),
    ("Материал не является инвестиционной рекомендацией.", "boilerplate"),
    ("Стаття не є інвестиційною порадою.", "boilerplate"),
    ("本稿は情報提供を目的としたものです。", "boilerplate"),
    ("本文仅供参考，不构成投资建议。", "boilerplate"),
    ("이 글은 투자 권유가 아닙니다.", "boilerplate"),
    ("Bài viết không phải là lời khuyên đầu tư.", "boilerplate"),
    ("บทความนี้ไม่ใช่คำแนะนำการลงทุน", "boilerplate"),
    ("यह लेख निवेश सलाह नहीं है।", "boilerplate"),
    ("هذا المقال لا يشكل نصيحة استثمارية.", "boilerplate"),
])
def test_a_disclaimer_phrase_names_its_label(line, label):
    assert disclaimer_label(line) == label


@pytest.mark.parametrize("line", [
    "Bitcoin rose 4% on Tuesday as traders priced in a rate cut.",
    'The regulator said captions such as "this is not financial advice" gave the influencers no cover.',
    "Die Behörde hält den Satz „Dies ist keine Anlageberatung“ für wirkungslos.",
    "Суд признал, что фраза «не является инвестиционной рекомендацией» ничего не меняет.",
    "監視委は「投資助言ではありません」との断り書きがあっても違法と判断した。",
    "Analysts disagree about what the halving will do to the price.",
])
def test_story_lines_and_quoted_phrases_name_nothing(line):
    assert disclaimer_label(line) == ""


def test_a_line_too_long_for_a_disclaimer_names_nothing():
    line = "This article is not financial advice. " + "The council met for hours. " * 30
    assert len(line) > DISCLAIMER_MAX_CHARS
    assert disclaimer_label(line) == ""


def test_every_trigger_stands_in_its_pattern():
    for label, triggers, pattern in _PHRASES + _UNSPACED_PHRASES + _RISK_PHRASES + _RISK_UNSPACED_PHRASES:
        assert label in ("boilerplate", "promo")
        re.compile(pattern)
        for trigger in triggers.split():
            assert trigger in pattern, (trigger, pattern)
    for _, triggers, _ in _PHRASES + _RISK_PHRASES:  # whole words: the spaced languages are looked up word by word
        assert all(re.fullmatch(r"\w+", trigger) for trigger in triggers.split()), triggers


STORY = "The central bank kept its rate at 4.5% and said inflation had cooled for a third month in a row."
DISCLAIMER = "This article is for informational purposes only and does not constitute investment advice."


def _edges(texts, kept=None, removable=None, doc=None):
    n = len(texts)
    kept = np.ones(n, dtype=bool) if kept is None else np.asarray(kept)
    removable = np.ones(n, dtype=bool) if removable is None else np.asarray(removable)
    return edge_disclaimers(texts, doc, kept, removable).tolist()


def test_a_disclaimer_at_either_end_of_the_kept_lines_goes_one_inside_the_story_stays():
    assert _edges([STORY, STORY, DISCLAIMER]) == ["", "", "boilerplate"]
    assert _edges([DISCLAIMER, STORY, STORY]) == ["boilerplate", "", ""]
    assert _edges([STORY, DISCLAIMER, STORY]) == ["", "", ""]


def test_the_walk_passes_short_and_removed_lines_and_stops_at_a_long_one():
    byline = "Jane Doe, markets desk"
    assert len(byline) < EDGE_SKIP_CHARS
    assert _edges([STORY, DISCLAIMER, byline, "Share this"]) == ["", "boilerplate", "", ""]
    assert _edges([STORY, DISCLAIMER, STORY, "Related: more"], kept=[True, True, False, True]) == \
        ["", "boilerplate", "", ""]  # the removed story line is no kept line
    assert _edges([STORY, DISCLAIMER, STORY + " More."]) == ["", "", ""]  # a long story line after it stops the walk
    assert _edges([STORY, DISCLAIMER, DISCLAIMER]) == ["", "boilerplate", "boilerplate"]


def test_only_removable_lines_are_named_and_documents_are_walked_apart():
    assert _edges([STORY, DISCLAIMER], removable=[True, False]) == ["", ""]
    assert _edges([STORY, DISCLAIMER, STORY, STORY], doc=np.array([0, 0, 1, 1])) == ["", "boilerplate", "", ""]


def test_decide_removes_an_edge_disclaimer_past_story_protection():
    texts = [STORY, STORY, DISCLAIMER]
    proba = np.array([[0.0, 0.02, 0.98, 0.0], [0.0, 0.02, 0.98, 0.0], [0.0, 0.3, 0.7, 0.0]])
    alone = np.array([[0.0, 0.0, 1.0, 0.0]] * 3)  # stage one reads all three as story

    def decided(**settings):
        return decide(proba, CLASSES, ["editorial"], 0.95, alone=alone, texts=texts, **settings)

    labels, confidence, kept, rule = decided()
    assert kept.tolist() == [True, True, False] and rule[2] == "disclaimer_confidence"
    assert labels[2] == "boilerplate" and confidence[2] == pytest.approx(0.3)
    assert decided(disclaimer_confidence=1.0)[2].all()  # off
    assert decided(disclaimer_confidence=0.5)[2].all()  # junk 0.3 is under it
    assert decide(proba, CLASSES, ["editorial", "boilerplate"], 0.95, alone=alone, texts=texts)[2].all()  # kept label
    assert decide(proba, CLASSES, ["editorial"], 0.95, alone=alone)[2].all()  # no texts, no rule


def test_clean_drops_a_sites_disclaimer_but_keeps_a_story_that_quotes_one(default_model):
    from detector import clean

    story = ("Bitcoin climbed above $70,000 on Monday as inflows into spot funds rose for a fifth day.\n"
             "Traders said the move followed softer inflation data from the United States last week.\n"
             "Analysts at two brokers expect volatility to stay high into the next central bank meeting.\n")
    disclaimer = ("Disclosure of the site: the content of this page is for informational purposes only and does "
                  "not constitute financial advice. Do your own research.")
    assert clean(story + disclaimer + "\n", model=default_model) == story
    quoting = story + ('The regulator warned that ending a video with "this is not financial advice" does not '
                       "change what the video is.\n")
    assert clean(quoting, model=default_model) == quoting


@pytest.mark.parametrize("line", [
    "Trading is risky: you could lose all of the money you deposit.",
    "CFDs are complex instruments and carry a high risk of losing money because of leverage.",
    "Past performance is not a reliable indicator of future returns.",
    "Kryptowerte schwanken stark, ein Totalverlust ist möglich.",
    "Les performances passées ne préjugent pas des performances futures.",
    "Invertir conlleva riesgos: puedes perder el dinero invertido.",
    "Możesz stracić całość wpłaconych środków.",
    "Инвестиции рискованны, вы можете потерять вложенные деньги.",
    "投资有风险，理财需谨慎。",
    "暗号資産は価格変動が大きく、元本を割り込むおそれがあります。",
    "การลงทุนมีความเสี่ยง ผู้ลงทุนควรศึกษาข้อมูล",
])
def test_a_risk_warning_addressed_to_the_reader_is_one(line):
    assert is_risk_warning(line)


@pytest.mark.parametrize("line", [
    "Investors could lose everything if the exchange fails, the regulator warned on Tuesday.",
    'The ad ended with the words "you could lose all your money" in small print.',
    "The fund's past performance was strong, with a return of 12% last year.",
    "金融庁は元本を失うリスクについて説明を徹底するよう求めた。",
])
def test_a_story_that_reports_a_risk_is_no_risk_warning(line):
    assert not is_risk_warning(line)


WARNING = "Crypto assets are volatile. You could lose all the money you put in."
AD = "Open an account with CoinNest today and get 20 USDT"


def test_a_risk_warning_goes_beside_a_line_removed_as_promo_only():
    texts = [STORY, AD, WARNING, STORY, WARNING, STORY]
    kept = np.array([True, False, True, True, True, True])
    as_promo = np.array([False, True, False, False, False, False])
    assert risk_warnings_beside_ads(texts, None, kept, as_promo).tolist() == [False, False, True, False, False, False]
    assert not risk_warnings_beside_ads(texts, np.array([0, 0, 1, 1, 1, 1]), kept, as_promo).any()  # other document


def test_decide_takes_the_warning_that_closes_an_ad_past_story_protection():
    texts = [STORY, AD, WARNING, STORY]
    proba = np.array([[0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.02, 0.98], [0.0, 0.1, 0.6, 0.3], [0.0, 0.0, 1.0, 0.0]])
    alone = np.array([[0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.1, 0.9], [0.0, 0.0, 0.95, 0.05], [0.0, 0.0, 1.0, 0.0]])
    labels, _, kept, rule = decide(proba, CLASSES, ["editorial"], 0.95, alone=alone, texts=texts, gap_confidence=1.0)
    assert kept.tolist() == [True, False, False, True] and labels[2] == "promo"
    assert rule.tolist() == ["min_confidence", "min_confidence", "disclaimer_confidence", "min_confidence"]
    assert decide(proba, CLASSES, ["editorial"], 0.95, alone=alone, texts=texts, gap_confidence=1.0,
                  disclaimer_confidence=1.0)[2].tolist() == [True, False, True, True]
