"""The written check sets as Markdown scrapers write them, against the same pages as plain text.

    python benchmarks/markdown.py [--limit N]

Many scrapers (Markdown converters of HTML) write a page as Markdown, not plain text. Each labeled page
here is written out again the way they do: its headline as "# ", a short story line without an end
mark (a subheading) as "## ", a short junk line (menus, tags, other stories, buttons) as a link
"[...](https://...)", every fourth story paragraph with an inline link on a word and its first words in
bold, a "**Disclaimer:**"-style head in bold, an image line under the headline ("![...](...)", a new
junk segment), and so on. `auto` then decides both versions at the defaults, and the table gives removal
F1, the story's characters and lines lost, and the junk's characters kept for each, for the Markdown
pages under the header that a reader service for language models writes above a page (Jina Reader's
"Title: ...", "URL Source: ...", "Published Time: ...", "Markdown Content:"; four more junk lines, the
title repeating the headline), for the Markdown pages once more read as written (the markup left on,
as before ``detector.markup`` existed), which shows what the reading is worth, and for the plain pages
as text taken from HTML without decoding it ("S&amp;P 500", "Bitcoin&#8217;s", one space in eight as
"&nbsp;"), read as the pipeline reads it and as written. The conversion uses the gold labels only to
pick where a page's HTML would have had a heading or a link, as a page's markup follows what its lines
are. Only the model's reading strips the markup; a cleaned article keeps every kept line byte for byte.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from detector import evaluation, load_model  # noqa: E402
from detector.data import read_labeled_files  # noqa: E402
from detector.evaluation import evaluate_frame  # noqa: E402

SETS = [
    ("news pages, 19 languages", ROOT / "benchmarks/news_pages.jsonl"),
    ("unmarked ads, 21 languages", ROOT / "benchmarks/unmarked_ads_multi.jsonl"),
    ("site disclaimers, 18 languages", ROOT / "benchmarks/site_disclaimers.jsonl"),
    ("held back: crypto news, 8 languages", ROOT / "held_back/crypto_langs.jsonl"),
    ("held back: money news, 13 languages", ROOT / "held_back/money_multi5.jsonl"),
    ("held back: unmarked ads, 25 languages", ROOT / "held_back/unmarked_ads4.jsonl"),
]
SEEDS = ROOT.parent / "shared/data/seeds.jsonl"
_END_MARK = (".", "!", "?", "…", "。", "！", "？", ":", "：", ";", ",", "|", ")")
_HEAD = re.compile(r"^([^\s:：]{2,20}[:：])\s")  # "Disclaimer: ..." -> "**Disclaimer:** ..."
_WORD = re.compile(r"\w{5,}")


def as_markdown(frame: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """The labeled pages of ``frame`` (doc_id, position, text, label) written as Markdown, one row per segment
    (an image line under each headline is a new boilerplate row)."""
    rng = random.Random(seed)
    rows = []
    for doc_id, page in frame.groupby("doc_id", sort=False):
        page = page.sort_values("position")
        texts, labels = page["text"].tolist(), page["label"].tolist()
        story = [i for i, label in enumerate(labels) if label == "editorial"]
        headline = story[0] if story else -1
        for i, (text, label) in enumerate(zip(texts, labels)):
            text = text.strip()
            short = len(text) < 90 and not text.endswith(_END_MARK)
            if i == headline:
                written = f"# {text}"
            elif label == "editorial" and short and not text.startswith(("•", "-", "*", "+", "–")):
                written = f"## {text}"
            elif label == "editorial" and len(text) > 150 and rng.random() < 0.25:
                written = _with_inline_markup(text, rng)
            elif label != "editorial" and _HEAD.match(text):
                written = _HEAD.sub(r"**\1** ", text, count=1)
            elif label != "editorial" and short and not text.startswith(("•", "-", "*", "+", "–", "✅", "✔")):
                written = f"[{text}](https://news.example/{doc_id}/{i})"
            else:
                written = text
            rows.append((doc_id, len(rows), written, label))
            if i == headline:
                rows.append((doc_id, len(rows), f"![{text[:40]}](https://news.example/img/{doc_id}.jpg)",
                             "boilerplate"))
    out = pd.DataFrame(rows, columns=["doc_id", "position", "text", "label"])
    for column in ("lang", "source"):
        if column in frame.columns:
            out[column] = out["doc_id"].map(frame.drop_duplicates("doc_id").set_index("doc_id")[column])
    return out


def with_reader_header(frame: pd.DataFrame) -> pd.DataFrame:
    """The pages of ``frame`` (as ``as_markdown`` writes them) under the header a reader service writes above
    each page (Jina Reader's "Title: ...", "URL Source: ...", "Published Time: ...", "Markdown Content:"), its
    lines boilerplate: the title repeats the page's headline."""
    pages = []
    for doc_id, page in frame.groupby("doc_id", sort=False):
        story = page.loc[page["label"] == "editorial", "text"]
        title = story.iloc[0].removeprefix("# ") if len(story) else str(doc_id)
        header = [f"Title: {title}", f"URL Source: https://news.example/{doc_id}",
                  "Published Time: 2026-11-20T08:00:00Z", "Markdown Content:"]
        lines = pd.DataFrame({"doc_id": doc_id, "text": header, "label": "boilerplate",
                              **{c: page[c].iloc[0] for c in ("lang", "source") if c in page.columns}})
        pages.append(pd.concat([lines, page], ignore_index=True).assign(position=lambda p: range(len(p))))
    return pd.concat(pages, ignore_index=True)[frame.columns]


def with_character_references(frame: pd.DataFrame, seed: int = 0) -> pd.DataFrame:
    """The pages of ``frame`` as text taken from HTML without decoding it: "&" as "&amp;", quotes and
    apostrophes as "&quot;", "&#39;" and "&#8217;", and one space in eight as "&nbsp;"."""
    rng = random.Random(seed)

    def encoded(text: str) -> str:
        text = text.replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#39;").replace("’", "&#8217;")
        return "".join("&nbsp;" if char == " " and rng.random() < 0.125 else char for char in text)
    return frame.assign(text=frame["text"].map(encoded))


def _with_inline_markup(text: str, rng: random.Random) -> str:
    """A story paragraph with a link on one of its words and its first three words in bold."""
    words = _WORD.findall(text)
    if words:
        word = rng.choice(words)
        text = text.replace(word, f"[{word}](https://news.example/tag/{len(word)})", 1)
    first = text.split(" ", 3)
    if len(first) == 4 and "[" not in " ".join(first[:3]):
        text = f"**{' '.join(first[:3])}** {first[3]}"
    return text


def figures(frame: pd.DataFrame, model) -> dict:
    """Removal F1, story characters and lines lost, junk characters kept of ``model`` on ``frame``."""
    result, decided = evaluate_frame(frame, model)
    lost = int(((decided["gold"] == "editorial") & ~decided["keep"]).sum())
    return {"f1": result["removal_f1"], "lost": result["editorial_chars_lost"], "lines": lost,
            "kept": result["junk_chars_kept"]}


@contextlib.contextmanager
def read_as_written():
    """Within it, ``evaluate_frame`` gives the model and the rules the segments with their markup (and HTML
    character references) on."""
    reading = evaluation.plain_frame
    evaluation.plain_frame = lambda frame: frame
    try:
        yield
    finally:
        evaluation.plain_frame = reading


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="at most this many documents per set (a smoke run)")
    args = parser.parse_args(argv)
    model = load_model("auto")
    sets = ([("seeds", SEEDS)] if SEEDS.exists() else []) + SETS
    print("| data | documents | plain text | Markdown | Markdown under a reader service's header "
          "| Markdown read as written | HTML character references | references read as written |")
    print("|---|---:|---|---|---|---|---|---|")
    for name, path in sets:
        plain = read_labeled_files([path])
        if args.limit:
            plain = plain[plain["doc_id"].isin(plain["doc_id"].drop_duplicates()[:args.limit])]
        written, referenced = as_markdown(plain), with_character_references(plain)
        runs = [figures(plain, model), figures(written, model), figures(with_reader_header(written), model)]
        with read_as_written():
            runs.append(figures(written, model))
        runs.append(figures(referenced, model))
        with read_as_written():
            runs.append(figures(referenced, model))
        cells = [f"{f['f1']:.3f} / {f['lost']:.2%} ({f['lines']}) / {f['kept']:.1%}" for f in runs]
        print(f"| {name} | {plain['doc_id'].nunique():,} | {' | '.join(cells)} |", flush=True)
    print("\ncells: removal F1 / the story's characters lost (its lines lost) / the junk's characters kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
