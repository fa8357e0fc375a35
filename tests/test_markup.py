import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from detector import classify, clean
from detector.data import read_labeled_files
from detector.evaluation import evaluate_frame
from detector.markup import plain_frame, plain_line, plain_lines, read_document, unescaped_lines
from detector.segments import segment_table
from detector.training import load_training_data

EXAMPLE_TXT = Path(__file__).resolve().parent.parent / "examples" / "nl_ethereum_upgrade.txt"

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "nl_ethereum_upgrade.txt"


@pytest.mark.parametrize("written, read", [
    ("## Wat verandert er?", "Wat verandert er?"),
    ("# Bitcoin tops $100,000 #", "Bitcoin tops $100,000"),
    ("###### Six deep", "Six deep"),
    ("[Read more](https://news.example/a)", "Read more"),
    ('[Read more](https://news.example/a "title")', "Read more"),
    ("[Bitcoin](https://en.wikipedia.org/wiki/Bitcoin_(currency)) rose", "Bitcoin rose"),
    ("Ether [ETH](https://coins.example/eth) fell 3% on **Monday**.", "Ether ETH fell 3% on Monday."),
    ("![Chart of the week](https://img.example/chart.png)", "https://img.example/chart.png"),
    ("[![logo](https://img.example/l.png)](https://news.example)", "https://img.example/l.png"),
    ("**Disclaimer:** This is not investment advice.", "Disclaimer: This is not investment advice."),
    ("__Lees ook:__ Ethereum-update", "Lees ook: Ethereum-update"),
    ("*Prices indicative only.*", "Prices indicative only."),
    ("It was _not_ the first time", "It was not the first time"),
    ("See <https://news.example/x> for more", "See https://news.example/x for more"),
    ("Fees fell 50\\% and \\*stars\\* stayed", "Fees fell 50\\% and *stars* stayed"),
])
def test_markdown_markup_is_taken_off(written, read):
    assert plain_line(written) == read


@pytest.mark.parametrize("line", [
    "* * *", "***", "# # #", "- Staking met dagelijkse uitbetaling", "+ Sehr starke Akkulaufzeit", "* Fast fees",
    "> Pavlović raus, Demir rein.", "Run `pip install detector` first", "#Bitcoin #ETF #Krypto", "snake_case_name",
    "2 * 3 * 4 = 24", "OnCalendar=*-*-* 03:00:00", "Door: Ilse van Dam <ilse@news.example>", "[1] Reuters, 2024",
    "[](https://news.example/empty)", "#" * 2 + " " + "x" * 200,  # a heading-like line too long for a title
])
def test_what_plain_text_writes_too_is_read_as_written(line):
    assert plain_line(line) == line


def test_only_a_text_that_shows_markdown_marks_is_read_as_markdown():
    plain = "Bitcoin rose 4% on Monday.\n*Not investment advice.*\nFollow @crypto_desk"
    table, _ = segment_table([plain, plain + "\n[More news](https://news.example/more)"])
    assert table["text"].tolist() == ["Bitcoin rose 4% on Monday.", "*Not investment advice.*", "Follow @crypto_desk",
                                      "Bitcoin rose 4% on Monday.", "Not investment advice.", "Follow @crypto_desk",
                                      "More news"]
    frame = pd.DataFrame({"doc_id": [0, 0, 1, 1], "text": ["*Not investment advice.*", "Plain.",
                                                           "*Not investment advice.*", "## Heading"]})
    assert plain_frame(frame)["text"].tolist() == ["*Not investment advice.*", "Plain.", "Not investment advice.",
                                                   "Heading"]  # evaluation and training read documents alike


def test_a_markdown_table_is_read_as_its_cells_and_a_menu_of_pipes_is_not():
    lines = ["Flows by fund:", "| Fund | Inflow |", "|---|:---:|", "| Fund A | $640 million |", "| B \\| C | [x](y) |",
             "Next paragraph.", "| Reprints | Single Page |"]
    assert plain_lines(lines) == ["Flows by fund:", "Fund\tInflow", "Fund\tInflow", "Fund A\t$640 million",
                                  "B | C\tx", "Next paragraph.", "| Reprints | Single Page |"]


def test_a_markdown_table_in_a_story_stays_with_it(default_model):
    story = ["# Bitcoin funds take in $1.2 billion",
             "Spot bitcoin funds took in $1.2 billion on Wednesday, the most in a single day since March, as the "
             "price of the largest cryptocurrency climbed back toward its record.",
             "The inflows were led by the two largest funds, which together accounted for more than two thirds of "
             "the total, according to data compiled by the issuers.",
             "| Fund | Inflow | Assets |", "|---|---|---|", "| Fund A | $640 million | $52 billion |",
             "| Fund B | $210 million | $21 billion |",
             "Analysts said the return of large daily inflows suggested that institutional buyers were adding "
             "exposure after a month of hesitation."]
    rows = classify("\n".join(story), model=default_model)
    assert all(r.keep for r in rows)  # the delimiter row goes with its header, so the table stays a table


@given(st.text(alphabet=st.characters(blacklist_characters="#*_\\](<\n-")))
def test_a_line_without_a_markup_character_is_passed_on_unchanged(line):
    assert plain_lines([line]) == [line]


def _as_markdown(text: str) -> str:
    """The example article as a Markdown converter would write it: headings, links, bold heads, an inline link."""
    subheadings = {"Wat verandert er?", "Testnetten eerst", "Koers reageert nauwelijks"}
    lines = []
    for i, line in enumerate(text.split("\n")):
        core = line.strip()
        if i == 0:
            line = f"# {line}"
        elif core in subheadings:
            line = f"## {line}"
        elif core in {"Ethereum", "Altcoins"}:
            line = f"[{core}](https://news.example/tag/{core.lower()})"
        elif core.startswith(("Door:", "Let op:")):
            head, rest = core.split(":", 1)
            line = f"**{head}:**{rest}"
        elif "layer 2-netwerken" in line:
            line = line.replace("layer 2-netwerken", "[layer 2-netwerken](https://news.example/l2)", 1)
        lines.append(line)
    return "\n".join(lines)


def test_a_markdown_article_is_decided_as_its_plain_twin_and_keeps_its_markup(default_model):
    plain = EXAMPLE.read_text(encoding="utf-8")
    markdown = _as_markdown(plain)
    assert markdown.count("](") == 3 and markdown.count("## ") == 3  # the conversion did write Markdown
    plain_rows, markdown_rows = classify(plain, model=default_model), classify(markdown, model=default_model)
    assert [(r.label, r.keep) for r in markdown_rows] == [(r.label, r.keep) for r in plain_rows]
    assert any(not r.keep for r in plain_rows) and any(r.keep for r in plain_rows)
    # the rows show the text as written, markup and all, and the cleaned article is cut from it
    assert [r.text for r in markdown_rows] == [line.strip() for line in markdown.split("\n") if line.strip()]
    kept = [r.text for r in markdown_rows if r.keep]
    assert "# Ethereum-ontwikkelaars zetten datum voor volgende netwerkupgrade" in kept
    cleaned = clean(markdown, model=default_model)
    assert [line.strip() for line in cleaned.split("\n") if line.strip()] == kept
    assert all(line in markdown.split("\n") for line in cleaned.split("\n") if line.strip())  # byte for byte


def test_segment_table_holds_the_plain_reading():
    table, counts = segment_table(["## Koers\n[Lees ook](https://x.example) \n gewoon tekst", "geen markup"])
    assert table["text"].tolist() == ["Koers", "Lees ook", "gewoon tekst", "geen markup"]
    assert counts.tolist() == [3, 1]


def _labeled(tmp_path: Path, texts: list[str], name: str, documents: int = 1) -> Path:
    """A labeled file of ``documents`` documents, each of ``texts`` (labeled as PLAIN_LINES are)."""
    path = tmp_path / name
    labels = ["editorial", "editorial", "boilerplate", "promo"]
    path.write_text("".join(json.dumps({"doc_id": f"d{i}", "paragraphs": [
        {"text": text, "label": label} for text, label in zip(texts, labels)]}) + "\n" for i in range(documents)),
        encoding="utf-8")
    return path


PLAIN_LINES = ["Bitcoin stijgt boven 100.000 dollar",
               "De koers van bitcoin steeg donderdag naar een nieuw record, gedreven door instromen in ETF's.",
               "Lees ook", "Koop je crypto via Best Wallet"]
MARKDOWN_LINES = ["# Bitcoin stijgt boven 100.000 dollar",
                  "De koers van [bitcoin](https://x.example/btc) steeg donderdag naar een nieuw record, gedreven "
                  "door instromen in ETF's.", "[Lees ook](https://x.example/more)",
                  "**Koop je crypto via Best Wallet**"]


def test_training_reads_labeled_markdown_as_the_pipeline_does(tmp_path):
    frame = load_training_data([_labeled(tmp_path, MARKDOWN_LINES, "md.jsonl", documents=5)])
    assert frame["text"].tolist() == PLAIN_LINES * 5


def test_evaluation_decides_labeled_markdown_as_its_plain_twin_and_reports_it_as_given(tmp_path, default_model):
    plain = read_labeled_files([_labeled(tmp_path, PLAIN_LINES, "plain.jsonl")])
    markdown = read_labeled_files([_labeled(tmp_path, MARKDOWN_LINES, "md.jsonl")])
    plain_figures, plain_rows = evaluate_frame(plain, default_model)
    markdown_figures, markdown_rows = evaluate_frame(markdown, default_model)
    assert markdown_rows["text"].tolist() == MARKDOWN_LINES
    pd.testing.assert_frame_equal(markdown_rows.drop(columns="text"), plain_rows.drop(columns="text"))
    assert markdown_figures == plain_figures


def test_repeated_lines_are_counted_as_read():
    from detector.repeats import RepeatedLines

    # a share link that names its own page is one line of the site's furniture, read as its words
    texts = [f"# Story {i}\nA paragraph of story number {i} that no other page holds.\n"
             f"[Share on X](https://x.example/share?url=https://news.example/story-{i})" for i in range(3)]
    table, _ = segment_table(texts)
    assert table["text"].tolist()[2] == "Share on X"
    assert RepeatedLines.from_texts(texts).marks(table).tolist() == [False, False, True] * 3


def test_the_command_line_cleans_a_markdown_file_into_markdown(tmp_path, default_model):
    from detector import cli

    source = tmp_path / "article.md"
    source.write_text(_as_markdown(EXAMPLE.read_text(encoding="utf-8")), encoding="utf-8")
    assert cli.main(["clean", str(source), "-o", str(tmp_path / "clean.md"), "-q"]) == 0
    cleaned = (tmp_path / "clean.md").read_text(encoding="utf-8")
    assert cleaned.startswith("# Ethereum-ontwikkelaars") and "## Wat verandert er?" in cleaned
    assert "[Ethereum](https://news.example/tag/ethereum)" not in cleaned and "NovaTrade" not in cleaned


def test_the_markdown_example_keeps_its_story_table_and_headings(default_model):
    example = EXAMPLE.parent / "en_bitcoin_etf_flows.md"
    text = example.read_text(encoding="utf-8")
    kept = [row.text for row in classify(text, model=default_model) if row.keep]
    assert kept[0] == "# Bitcoin ETFs record $1.2 billion of inflows as price nears record"
    assert "## What the flows say" in kept and "| Fund A | $640 million | $52 billion |" in kept
    assert "|---|---|---|" in kept  # the delimiter row stays with its table
    assert not any(line.startswith(("[", "![", "By [", "**Read more", "- [", "Share")) for line in kept)


@pytest.mark.parametrize("written, read", [
    ("S&amp;P 500 futures rose", "S&P 500 futures rose"),
    ("Bitcoin&#8217;s price, &quot;a record&quot;", "Bitcoin’s price, \"a record\""),
    ("two&nbsp;weeks and 4\u202f812 tokens", "two weeks and 4 812 tokens"),
    ("AT&T and R&D, &copy 2024, &unknown; stay", "AT&T and R&D, &copy 2024, &unknown; stay"),
    ("&nbsp;", "&nbsp;"),  # only a space: left as written, not read as blank
    ("&#x41;&#66;", "AB"),
])
def test_html_character_references_are_read_as_their_characters(written, read):
    assert unescaped_lines([written]) == [read]


def test_only_a_text_with_a_reference_or_a_no_break_space_is_read_so():
    assert read_document(["S&P 500 rose.", "AT&T fell."]) == ["S&P 500 rose.", "AT&T fell."]
    assert read_document(["S&amp;P 500 rose.", "AT&T fell."]) == ["S&P 500 rose.", "AT&T fell."]
    assert read_document(["Prix\u00a0: 4\u202f000 €", "Fin."]) == ["Prix : 4 000 €", "Fin."]
    assert read_document(["東京\u3000ビットコイン"]) == ["東京\u3000ビットコイン"]  # the ideographic space is text


def test_an_article_with_html_references_is_decided_as_its_plain_twin_and_kept_as_given(default_model):
    plain = EXAMPLE_TXT.read_text(encoding="utf-8")
    written = plain.replace("&", "&amp;").replace(" de ", " de&nbsp;").replace("'", "&#39;")
    assert written != plain
    twin, given = classify(plain, model=default_model), classify(written, model=default_model)
    assert [(s.label, s.keep, s.rule) for s in given] == [(s.label, s.keep, s.rule) for s in twin]
    kept = clean(written, model=default_model)
    assert "&nbsp;" in kept and kept.replace("&nbsp;", " ").replace("&#39;", "'").replace("&amp;", "&") \
        == clean(plain, model=default_model)
