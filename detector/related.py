"""Link lists under a heading: the headlines of other stories below "Related", "Most read", "Lees ook" ...

A page's box of links to other stories opens with a heading that names it ("Related articles", "Most
popular", "Mehr zum Thema", "Читайте также", "관련 기사" ...) and lists one headline per line. Each
headline, read on its own, looks like a story's subheading, and between two story paragraphs the
context stage often keeps it. ``related_links`` marks the rows of such a list: the heading and up to
``LIST_MAX_ROWS`` rows after it, while each reads as a headline (two words or more, at most
``HEADLINE_MAX_CHARS`` characters, no full stop at its end) and is no heading itself; a heading with
no headline after it is left alone. ``pipeline`` marks them as boilerplate marker lines (``markers``),
so a row that the model's first stage reads as story stays, and only where the model gives them at
least ``RELATED_MIN_JUNK`` of junk. README, "The thresholds", has the measured effect.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .features import text_lengths
from .markers import line_key

HEADING_MAX_CHARS = 50
HEADLINE_MAX_CHARS = 160
LIST_MAX_ROWS = 15
# A listed row goes only where the model gives it at least this much junk: a story's own headline right
# below a sidebar's list, which the model reads as story with near certainty, stays.
RELATED_MIN_JUNK = 0.1

# Headings of link lists (about 20 languages), matched against the whole line without its frame
# ("Related:", "» Lees ook"), case folded. Not "Read more" or "More" alone: a story's own "read more"
# link or subheading.
RELATED_HEADINGS = frozenset(map(line_key, (  # the literals hold single spaces only
    # English
    "related", "related articles", "related stories", "related posts", "related news", "related content",
    "related links", "related coverage", "related reading", "more stories", "more news", "more articles",
    "more from", "more on this story", "more like this", "more in", "you may also like", "you might also like",
    "you may be interested in", "recommended", "recommended for you", "recommended stories",
    "recommended articles", "most popular", "most read", "most viewed", "popular", "popular posts",
    "popular stories", "trending", "trending now", "trending stories", "see also", "further reading",
    "latest news", "latest stories", "latest articles", "top stories", "in other news", "editor's picks",
    "editors' picks", "editor’s picks", "what to read next", "read next", "up next", "also read", "read also",
    "also on",
    # Dutch, German, French, Spanish, Portuguese, Italian, Polish
    "lees ook", "meer nieuws", "meest gelezen", "gerelateerde artikelen", "mehr zum thema",
    "das könnte sie auch interessieren", "weitere artikel", "meistgelesen", "lesen sie auch", "à lire aussi",
    "lire aussi", "sur le même sujet", "les plus lus", "te puede interesar", "noticias relacionadas",
    "lo más leído", "leia também", "notícias relacionadas", "mais lidas", "leggi anche", "articoli correlati",
    "i più letti", "czytaj także", "czytaj też", "zobacz także", "zobacz też", "auch interessant", "a lire aussi",
    "lee también", "lea también", "veja também",
    # Czech, Nordic, Finnish, Romanian, Greek, Turkish, Russian, Ukrainian
    "čtěte také", "läs också", "läs även", "les også", "læs også", "lue myös", "citește și", "διαβάστε επίσης",
    "ilgili haberler", "bunlar da ilginizi çekebilir", "ayrıca okuyun", "ayrıca oku", "читайте также",
    "похожие статьи", "популярное", "читайте також",
    # Japanese, Chinese, Korean, Vietnamese, Indonesian, Thai, Hindi, Arabic, Persian, Hebrew
    "関連記事", "あわせて読みたい", "人気記事", "相关文章", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀", "热门文章",
    "관련 기사", "관련기사", "많이 본 뉴스", "tin liên quan", "đọc thêm", "xem thêm", "baca juga", "berita terkait",
    "ข่าวที่เกี่ยวข้อง", "อ่านเพิ่มเติม", "यह भी पढ़ें", "ये भी पढ़ें", "इसे भी पढ़ें", "اقرأ أيضا", "اقرأ أيضاً",
    "مقالات ذات صلة", "بیشتر بخوانید", "קראו גם", "קרא גם",
)))
_FULL_STOPS = (".", "!", "。")


def is_headline_like(text: str) -> bool:
    """Whether ``text`` could be one link of a list: two words or more, short, no full stop at its end."""
    text = text.strip()
    return len(text) <= HEADLINE_MAX_CHARS and not text.endswith(_FULL_STOPS) and len(text.split()) >= 2


def related_links(texts: Sequence[str], doc: np.ndarray) -> np.ndarray:
    """Per row: the heading (``RELATED_HEADINGS``) or a headline of a list of other stories, in its document.

    Rows are in reading order, each document's a run of rows marked by ``doc``.
    """
    n_rows = len(texts)
    listed = np.zeros(n_rows, dtype=bool)
    if n_rows < 2:
        return listed
    doc = np.asarray(doc)
    lengths = text_lengths(texts)
    # a heading is short and followed, in its document, by a row short enough to be a headline
    possible = np.flatnonzero((lengths[:-1] <= HEADING_MAX_CHARS) & (lengths[1:] <= HEADLINE_MAX_CHARS)
                              & (doc[:-1] == doc[1:]))
    headings = [row for row in possible if is_related_heading(texts[row])]
    for heading in headings:
        for row in range(heading + 1, min(n_rows, heading + 1 + LIST_MAX_ROWS)):
            if doc[row] != doc[heading] or not is_headline_like(texts[row]) \
                    or (lengths[row] <= HEADING_MAX_CHARS and is_related_heading(texts[row])):
                break
            listed[row] = listed[heading] = True  # the heading too, once it heads a list
    return listed


def is_related_heading(text: str) -> bool:
    """Whether ``text`` is the heading of a list of other stories ("Related articles", "Lees ook" ...)."""
    return line_key(text) in RELATED_HEADINGS
