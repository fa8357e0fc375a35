"""The tools people use today, each given a document's segments as the <p> blocks of one HTML page.

Each peer returns one keep flag per segment. The flags come from lining the
segments up, in order, with the text the peer kept (white space folded), so
every peer is scored the same way whatever its output looks like.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Sequence

JUSTEXT_LANGUAGES = {"en": "English", "de": "German", "nl": "Dutch", "es": "Spanish", "fr": "French",
                     "it": "Italian", "pt": "Portuguese", "pl": "Polish", "tr": "Turkish", "ru": "Russian",
                     "sv": "Swedish", "cs": "Czech", "id": "Indonesian", "ro": "Romanian", "sk": "Slovak",
                     "ja": None, "zh": None}
_SPACE = re.compile(r"\s+")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def to_html(segments: Sequence[str]) -> str:
    """One HTML page whose body is the segments as <p> blocks, in order."""
    body = "\n".join(f"<p>{html.escape(text)}</p>" for text in segments)
    return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title></title></head><body>\n{body}\n</body></html>"


def align(segments: Sequence[str], kept_text: str) -> list[bool]:
    """Keep flag per segment: True where the segment is found, in order, in the kept text."""
    haystack = _fold(kept_text)
    flags, cursor = [], 0
    for text in segments:
        needle = _fold(text)
        at = haystack.find(needle, cursor) if needle else -1
        flags.append(at >= 0)
        if at >= 0:
            cursor = at + len(needle)
    return flags


def _fold(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text)).strip()


def justext_keep(segments: Sequence[str], lang: str | None) -> list[bool]:
    import justext

    name = JUSTEXT_LANGUAGES.get(lang or "en", "English")
    if name:
        paragraphs = justext.justext(to_html(segments), justext.get_stoplist(name))
    else:  # jusText's language-independent mode for languages without a stoplist
        paragraphs = justext.justext(to_html(segments), frozenset(), stopwords_low=0, stopwords_high=0)
    return align(segments, "\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def boilerpy3_keep(segments: Sequence[str], lang: str | None) -> list[bool]:
    from boilerpy3 import extractors

    try:
        content = extractors.ArticleExtractor(raise_on_failure=False).get_content(to_html(segments))
    except Exception:  # boilerpy3 gives up on some pages; it then keeps nothing
        content = ""
    return align(segments, content)


def trafilatura_keep(segments: Sequence[str], lang: str | None) -> list[bool]:
    import trafilatura

    content = trafilatura.extract(to_html(segments), include_comments=False, include_tables=True) or ""
    return align(segments, content)


PEERS: dict[str, Callable[[Sequence[str], str | None], list[bool]]] = {
    "jusText": justext_keep,
    "boilerpy3": boilerpy3_keep,
    "trafilatura": trafilatura_keep,
}
