"""Marker lines: lines that say what they are, in words a page uses for nothing else.

An ad label names an ad slot ("Advertisement", "- Anzeige -", "Реклама", "[광고]", "โฆษณา" ...): it is
promo. A link lead-in introduces a link to another story ("Read also: ...", "Lees ook: ...",
"Читайте также: ...", "อ่านเพิ่มเติม: ..."): it is boilerplate (LABELS.md, related-article links).
Between two story paragraphs the context stage pulls such a line towards the story, and the model
knows the words only in the languages its training data has. ``marker_rows`` names the label each
line says it has, and ``pipeline.decide`` removes a marked line, unless that label is kept, once
the labels outside keep have ``marker_confidence`` of its probability (0 by default: story
protection still applies). A marker line goes alone: it starts no run, because on real pages the
line after an ad label is story about half the time (the ad was an image). README, "The
thresholds", has the measured effect.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MARKER_CONFIDENCE_DEFAULT = 0.0
AD_LABEL_KIND, LEAD_IN_KIND = "promo", "boilerplate"
MARKER_MAX_CHARS = 50  # an ad label is at most 38 characters, a lead-in at most 27 before its colon
# What may stand around a label or a lead-in: "- Advertisement -", "(Anzeige)", "[광고]", "Sponsored ↓", "► Lees ook".
_FRAME = " \t\u00a0\u200b-\u2013\u2014\u2022\u00b7|*_:;.,!?()[]{}<>\u00ab\u00bb\"'#~=+/\\\u2193\u2192\u25bc\u25ba\u3010\u3011"

# Per language; matched against the whole line without its frame, case folded, spaces collapsed.
_AD_LABELS = (
    # English
    "advertisement", "advertisements", "advert", "advertorial", "ad", "ads", "sponsored", "sponsored by",
    "sponsored content", "sponsored post", "sponsored article", "sponsored story", "sponsored links",
    "paid content", "paid post", "partner content", "promoted content", "story continues below advertisement",
    "article continues below advertisement", "advertisement - continue reading below",
    "advertisement - scroll to continue",
    # German, Dutch, French, Spanish, Portuguese, Italian
    "anzeige", "werbung", "gesponsert", "gesponserter inhalt", "advertentie", "gesponsord", "gesponsorde inhoud",
    "publicité", "sponsorisé", "contenu sponsorisé", "contenu partenaire", "publicidad", "patrocinado",
    "contenido patrocinado", "anuncio", "publicidade", "conteúdo patrocinado", "anúncio", "pubblicità",
    "sponsorizzato", "contenuto sponsorizzato",
    # Polish, Czech, Slovak, Nordic, Finnish, Romanian, Hungarian, Greek, Turkish
    "reklama", "artykuł sponsorowany", "materiał sponsorowany", "materiał partnera", "komerční sdělení",
    "annons", "sponsrat innehåll", "annonce", "annonse", "reklame", "sponsoreret", "mainos",
    "kaupallinen yhteistyö", "publicitate", "hirdetés", "reklám", "διαφήμιση", "reklam", "sponsorlu içerik",
    "sponsorlu İçerik",
    # Russian, Ukrainian
    "реклама", "на правах рекламы", "партнерский материал", "партнёрский материал", "на правах реклами",
    # Japanese, Chinese, Korean
    "広告", "pr", "スポンサー", "スポンサーリンク", "广告", "廣告", "赞助内容", "贊助內容", "推广", "광고", "스폰서",
    # Vietnamese, Indonesian, Thai, Hindi, Arabic, Persian, Hebrew
    "quảng cáo", "iklan", "konten bersponsor", "โฆษณา", "विज्ञापन", "إعلان", "إعلانات", "محتوى مدعوم",
    "تبلیغات", "آگهی", "פרסומת", "תוכן ממומן",
)
# Matched against what stands before the line's first colon, which must have text after it.
_LEAD_INS = (
    "read also", "also read", "read more", "read more about", "see also", "related", "related article",
    "related articles", "related story", "related stories", "lees ook", "lees meer", "lesen sie auch",
    "auch interessant", "mehr zum thema", "lire aussi", "à lire aussi", "a lire aussi", "lee también",
    "lea también", "leia também", "leia mais", "veja também", "leggi anche", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "čtěte také", "läs också", "läs även", "les også", "læs også", "lue myös",
    "citește și", "διαβάστε επίσης", "ayrıca okuyun", "ayrıca oku", "читайте также", "читайте також",
    "関連記事", "あわせて読みたい", "相关阅读", "相關閱讀", "延伸阅读", "延伸閱讀", "관련기사", "관련 기사",
    "xem thêm", "đọc thêm", "baca juga", "อ่านเพิ่มเติม", "อ่านต่อ", "यह भी पढ़ें", "ये भी पढ़ें",
    "इसे भी पढ़ें", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ المزيد", "بیشتر بخوانید", "קראו גם", "קרא גם",
)


def _normal(text: str) -> str:
    """``text`` without its frame, case folded, its spaces collapsed."""
    return " ".join(text.strip(_FRAME).casefold().split())


AD_LABELS = frozenset(map(_normal, _AD_LABELS))
LEAD_INS = frozenset(map(_normal, _LEAD_INS))


def marker_kind(text: str) -> str:
    """The label ``text`` names itself by: "promo" for an ad label ("Advertisement", "[광고]" ...),
    "boilerplate" for a link lead-in ("Read also: ...", "Lees ook: ..."), else ""."""
    if len(text) <= MARKER_MAX_CHARS:
        key = text.strip(_FRAME).casefold()  # spaces collapsed only where needed: most lines are no label
        if key in AD_LABELS or (("  " in key or "\t" in key or "\u00a0" in key) and _normal(key) in AD_LABELS):
            return AD_LABEL_KIND
    colon = text.find(":", 0, MARKER_MAX_CHARS + 1)
    if colon < 0:
        colon = text.find("\uff1a", 0, MARKER_MAX_CHARS + 1)  # the full-width colon of Chinese and Japanese
    if colon > 0 and _normal(text[:colon]) in LEAD_INS and text[colon + 1:].strip(_FRAME):
        return LEAD_IN_KIND
    return ""


def marker_rows(texts: Sequence[str]) -> np.ndarray:
    """Per row of ``texts``, the label it names itself by (``marker_kind``), "" for most."""
    return np.array([marker_kind(text) for text in texts], dtype=object)
