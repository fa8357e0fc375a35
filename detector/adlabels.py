"""Ad labels: lines that only name an ad slot ("Advertisement", "Anzeige", "Реклама", "광고", "โฆษณา" ...).

A page marks its ad slots with such a line. Between two story paragraphs the context stage pulls
it towards the story (a junk probability of 0.35-0.9, often under the cut), and the model knows
the word only in the languages its training data has. The line says what it is in every language
of ``_LABELS``, so ``pipeline.decide`` removes it once the labels outside keep have
``ad_label_confidence`` of its probability (0 by default: story protection still applies). The
label goes alone: it starts no run, because on real pages the line after it is story about half
the time (the ad was an image). README, "The thresholds", has the measured effect.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

AD_LABEL_CONFIDENCE_DEFAULT = 0.0
AD_LABEL_MAX_CHARS = 50  # the longest label is 38 characters
# What may stand around a label on its line: "- Advertisement -", "(Anzeige)", "[광고]", "Sponsored ↓".
_FRAME = " \t\u00a0\u200b-\u2013\u2014\u2022\u00b7|*_:;.,!?()[]{}<>\u00ab\u00bb\"'#~=+/\\\u2193\u2192\u25bc\u25ba\u3010\u3011"
# Per language; matched against the whole line without its frame, case folded, spaces collapsed.
_LABELS = (
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
AD_LABELS = frozenset(" ".join(label.casefold().split()) for label in _LABELS)


def is_ad_label(text: str) -> bool:
    """Whether ``text`` is a line that only names an ad slot ("Advertisement", "- Anzeige -", "[광고]" ...)."""
    return len(text) <= AD_LABEL_MAX_CHARS and " ".join(text.strip(_FRAME).casefold().split()) in AD_LABELS


def ad_label_rows(texts: Sequence[str]) -> np.ndarray:
    """Per row of ``texts``: whether it is an ad label (``is_ad_label``)."""
    return np.fromiter(map(is_ad_label, texts), dtype=bool, count=len(texts))
