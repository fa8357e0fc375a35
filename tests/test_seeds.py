"""The two articles the product was designed from (../shared/seeds): never trained on, always passed."""

from detector import classify, clean
from detector.clean import clean_article


def test_the_dutch_seed_loses_all_its_junk_and_keeps_every_editorial_line_byte_exact(seeds, default_model):
    text, gold = seeds["nl"]
    expected = clean_article(text, [p["label"] == "editorial" for p in gold["paragraphs"]])
    assert clean(text, model=default_model) == expected
    for junk in ("247 totale weergaven", "Koop je crypto via Best Wallet", "Lage transactiekosten", "Let op:",
                 "Lees meer over:", "Door: Sebastiaan Krijnen", "meertalige vertaler"):
        assert junk not in expected


def test_the_dutch_seed_gets_the_right_junk_labels(seeds, default_model):
    text, gold = seeds["nl"]
    predicted = [s.label for s in classify(text, model=default_model)]
    truth = [p["label"] for p in gold["paragraphs"]]
    wrong = [(t, p, s["text"][:40]) for t, p, s in zip(truth, predicted, gold["paragraphs"]) if t != p]
    assert len(wrong) <= 2, wrong


def test_the_german_seed_comes_out_unchanged(seeds, default_model):
    text, _ = seeds["de"]
    assert clean(text, model=default_model) == text


def test_the_readmes_worked_example_shows_what_classify_does_to_the_dutch_seed(seeds, default_model):
    # README, "Worked example": a table of the seed's lines with their label and keep decision. The
    # probabilities move a little between builds (README, "Bundled models"); the decisions must not.
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- example:start -->")[1].split("<!-- example:end -->")[0]
    shown = [[cell.strip() for cell in row.strip("|").split("|")] for row in table.strip().splitlines()[2:]]
    labeled = classify(seeds["nl"][0], model=default_model)
    assert [(row[0], row[2], row[3]) for row in shown] == [(s.label, "kept" if s.keep else "removed", s.rule)
                                                          for s in labeled]
    assert all(s.text.startswith(row[4].removesuffix("...")) for row, s in zip(shown, labeled))
