"""Link lists under a heading: the headlines of other stories below "Related", "Most read", "Lees ook" ...

A page's box of links to other stories opens with a heading that names it ("Related articles", "Most
popular", "Mehr zum Thema", "Читайте также", "관련 기사" ...) and lists one headline per line. Each
headline, read on its own, looks like a story's subheading, and between two story paragraphs the
context stage often keeps it. ``related_links`` marks the rows of such a list: the heading and up to
``LIST_MAX_ROWS`` rows after it, while each reads as a headline (two words or more, at most
``HEADLINE_MAX_CHARS`` characters, no full stop at its end) and is no heading itself, and, in a list
whose first two rows open with a digit (ranks "1.", times "13:22"), while each does; a heading with
no headline after it is left alone. ``pipeline`` marks them as boilerplate marker lines (``markers``),
so a row that the model's first stage reads as story stays, and only where the model gives them at
least ``RELATED_MIN_JUNK`` of junk. README, "The thresholds", has the measured effect.

A table of contents is such a list too ("Table of contents", "Inhaltsverzeichnis", "目次" ...): its entries
are the story's own subheadings, each of which the page repeats further down. ``contents_lists`` marks the
heading and the rows after it while each is a line that its document holds again later, word for word.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import takewhile

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
    # more of the same in the languages above
    "ähnliche artikel", "weitere nachrichten", "neueste artikel", "ook interessant", "gerelateerd",
    "à lire également", "articles similaires", "les plus populaires", "dans la même rubrique", "sur le même thème",
    "artículos relacionados", "más noticias", "lo más visto", "también te puede interesar",
    "artigos relacionados", "mais notícias", "você também pode gostar", "potrebbe interessarti", "ultime notizie",
    "più letti", "najczęściej czytane", "podobne artykuły", "en çok okunanlar", "benzer haberler",
    "последние новости", "новости по теме", "самое читаемое", "вам может быть интересно", "схожі статті",
    "популярне", "останні новини", "новини за темою", "вас може зацікавити", "最新記事", "おすすめ記事",
    "人気の記事", "関連ニュース", "相关新闻", "相關新聞", "热门新闻", "熱門文章", "推荐阅读", "推薦閱讀", "猜你喜欢",
    "최신 기사", "인기 기사", "많이 본 기사", "추천 기사", "관련 뉴스", "bài viết liên quan", "tin mới nhất",
    "đọc nhiều nhất", "tin cùng chuyên mục", "có thể bạn quan tâm", "artikel terkait", "berita lainnya",
    "berita terbaru", "terpopuler", "บทความที่เกี่ยวข้อง", "ข่าวล่าสุด", "ข่าวยอดนิยม", "บทความแนะนำ",
    "इन्हें भी पढ़ें", "संबंधित खबरें", "संबंधित ख़बरें", "ताज़ा ख़बरें", "ताजा खबरें", "सबसे ज्यादा पढ़ी गई",
    "सबसे ज़्यादा पढ़ी गईं", "أخبار ذات صلة", "مواضيع ذات صلة", "الأكثر قراءة", "الأكثر مشاهدة", "آخر الأخبار",
    "قد يهمك أيضا", "قد يهمك أيضاً", "مطالب مرتبط", "اخبار مرتبط", "پربازدیدترین", "آخرین اخبار", "כתבות נוספות",
    "כתבות קשורות", "הכי נקראים", "עוד בנושא", "アクセスランキング", "پربیننده‌ترین اخبار", "پربازدیدترین اخبار",
    "روابط ذات صلة", "chủ đề liên quan", "İlgili haberler",
)))
# Headings of a table of contents, matched as RELATED_HEADINGS are.
CONTENTS_HEADINGS = frozenset(map(line_key, (
    "table of contents", "contents", "in this article", "on this page", "inhaltsverzeichnis", "inhalt",
    "inhoudsopgave", "inhoud", "sommaire", "table des matières", "índice", "contenido", "contenidos", "sumário",
    "indice", "sommario", "spis treści", "obsah", "innehåll", "innehållsförteckning", "içindekiler",
    "содержание", "зміст", "目次", "目录", "目錄", "목차", "mục lục", "daftar isi", "สารบัญ", "विषय सूची",
    "المحتويات", "فهرست مطالب", "תוכן עניינים",
)))
CONTENTS_MIN_ENTRIES = 2  # a heading with fewer entries that recur is left alone
_FULL_STOPS = (".", "!", "。")


def is_headline_like(text: str) -> bool:
    """Whether ``text`` could be one link of a list: two words or more, short, no full stop at its end."""
    text = text.strip()
    return len(text) <= HEADLINE_MAX_CHARS and not text.endswith(_FULL_STOPS) and len(text.split()) >= 2


def link_lists(texts: Sequence[str], doc: np.ndarray) -> np.ndarray:
    """Per row: ``related_links`` or ``contents_lists``, each possible heading read once (the pipeline's call)."""
    doc, lengths = np.asarray(doc), text_lengths(texts)
    related, contents = _headings(texts, doc, lengths)
    return _related_rows(texts, doc, lengths, related) | _contents_rows(texts, doc, contents)


def related_links(texts: Sequence[str], doc: np.ndarray) -> np.ndarray:
    """Per row: the heading (``RELATED_HEADINGS``) or a headline of a list of other stories, in its document.

    Rows are in reading order, each document's a run of rows marked by ``doc``.
    """
    doc, lengths = np.asarray(doc), text_lengths(texts)
    return _related_rows(texts, doc, lengths, _headings(texts, doc, lengths)[0])


def _headings(texts: Sequence[str], doc: np.ndarray, lengths: np.ndarray) -> tuple[list[int], list[int]]:
    """The rows that head a list of other stories, and those that head a table of contents: short lines
    followed, in their document, by a row short enough to be a headline, whose key names such a list."""
    if len(texts) < 2:
        return [], []
    possible = np.flatnonzero((lengths[:-1] <= HEADING_MAX_CHARS) & (lengths[1:] <= HEADLINE_MAX_CHARS)
                              & (doc[:-1] == doc[1:]))
    related, contents = [], []
    for row in possible:
        key = line_key(texts[row])
        if key in RELATED_HEADINGS:
            related.append(row)
        elif key in CONTENTS_HEADINGS:
            contents.append(row)
    return related, contents


def _related_rows(texts: Sequence[str], doc: np.ndarray, lengths: np.ndarray, headings: list[int]) -> np.ndarray:
    """``related_links`` of the lists under these heading rows."""
    n_rows = len(texts)
    listed = np.zeros(n_rows, dtype=bool)
    for heading in headings:
        rows = []
        for row in range(heading + 1, min(n_rows, heading + 1 + LIST_MAX_ROWS)):
            if doc[row] != doc[heading] or not is_headline_like(texts[row]) \
                    or (lengths[row] <= HEADING_MAX_CHARS and is_related_heading(texts[row])):
                break
            rows.append(row)
        # A list whose first two links open with a digit (a rank "1.", a time "13:22") ends at the first row
        # that does not: the page's next line, often the story's own headline.
        if len(rows) >= 2 and all(_opens_with_digit(texts[row]) for row in rows[:2]):
            rows = list(takewhile(lambda row: _opens_with_digit(texts[row]), rows))
        if rows:
            listed[rows] = listed[heading] = True  # the heading too, once it heads a list
    return listed


def _opens_with_digit(text: str) -> bool:
    """Whether ``text``'s first character after white space is a digit."""
    return text.lstrip()[:1].isdigit()


def is_related_heading(text: str) -> bool:
    """Whether ``text`` is the heading of a list of other stories ("Related articles", "Lees ook" ...)."""
    return line_key(text) in RELATED_HEADINGS


def contents_lists(texts: Sequence[str], doc: np.ndarray) -> np.ndarray:
    """Per row: the heading (``CONTENTS_HEADINGS``) or an entry of a table of contents, in its document.

    An entry is one of the rows right after the heading, each at most ``HEADLINE_MAX_CHARS`` characters, that
    its document holds again further down (the subheading it points to); the list ends at the first row that
    is not, and counts once it has ``CONTENTS_MIN_ENTRIES`` entries.
    """
    doc = np.asarray(doc)
    return _contents_rows(texts, doc, _headings(texts, doc, text_lengths(texts))[1])


def _contents_rows(texts: Sequence[str], doc: np.ndarray, headings: list[int]) -> np.ndarray:
    """``contents_lists`` of the tables under these heading rows."""
    listed = np.zeros(len(texts), dtype=bool)
    for heading in headings:
        rows = np.flatnonzero(doc == doc[heading])
        rows = rows[rows > heading]
        keys = {row: line_key(texts[row]) for row in rows if len(texts[row]) <= HEADLINE_MAX_CHARS}
        later = {key: row for row, key in keys.items()}  # each line's key -> the last row that holds it
        entries = []
        for row in rows:  # a long row, or one its document does not hold again, ends the list
            if row not in keys or later[keys[row]] <= row:
                break
            entries.append(row)
        if len(entries) >= CONTENTS_MIN_ENTRIES:
            listed[[heading, *entries]] = True
    return listed
