"""Photo credits and captions: a credit alone on its line ("Reuters", "Jamal Saidi/Reuters"), a caption that
ends in its credit ("... in Barishal. Photo: Pavel Rahman", "... (AP Photo/Matt Slocum)") or says where a
named person stands, and the furniture of a picture or a button ("Image caption ...", "... (Opens in new
window)")."""

from __future__ import annotations

import re

from .marker_keys import LINE_FRAME, squeezed

CAPTION_MAX_CHARS = 400  # a caption is a sentence or two before its credit
# Photo-credit words, read by both credit rules: as a head ("Foto: dpa") and at the end of a caption.
CREDIT_WORDS = (
    "photo", "photos", "image", "images", "picture", "credit", "crédit", "crédit photo", "foto", "fotos",
    "fotografie", "bild", "bildquelle", "beeld", "zdjęcie", "görsel", "kuva", "фото", "사진", "ảnh", "ภาพ", "फोटो",
    "الصورة", "写真", "图片", "圖片",
)


# A caption that ends in its photo credit: "... clears a road in Barishal. Photo: Pavel Rahman", "... (Foto:
# dpa)", "... (사진=공동취재단)". The credit word follows the line's start, a sentence's end, a bracket, a bar or a
# spaced dash (not "Cost per Credit: ..."), and the credit after it is short, with no sentence or colon in it.
_CREDIT_TAIL_WORDS = CREDIT_WORDS + ("pic", "quelle", "صورة")
CREDIT_TAIL = re.compile(
    r"(?:^|[.!?…。]\s*|[(\[（|]\s*|\s[-–—]\s)[(\[（]?\s*(?:" + "|".join(map(re.escape, _CREDIT_TAIL_WORDS)) +
    r")\s*[:=：]\s*(?:[^.!?:()\[\]（）]|\.(?=\s*[A-Z/]))"  # a dot only before a capital: "J. Marchand", "Dok. Ant"
    r"{1,60}[)\]）]?\s*$", re.IGNORECASE)
# A caption whose credit needs no colon: in brackets at its end, names and an agency between slashes ("...
# London, Sunday, Aug. 5, 2012. (AP Photo/Matt Slocum)", "(Thomas Coex/AFP/Getty Images)") or a picture
# library alone ("(Getty Images)"); or "Photo by ..." after a sentence ("... on the trail. Photo by Ana Ruiz on
# Unsplash", "Image by John Goreham"). Not "(Reuters)" or "(AP)" alone: a story's paragraph may end so.
BRACKET_TAIL = re.compile(r"[(\[]\s*([^()\[\]]{2,60}?)\s*[)\]]\s*$")
_PICTURE_LIBRARIES = frozenset((
    "ap photo", "afp photo", "reuters photo", "ap file photo", "file photo", "getty images", "shutterstock",
    "istock", "istockphoto", "alamy", "imago", "imago images", "picture alliance", "picture-alliance", "unsplash",
    "pexels", "pixabay", "handout", "handout photo",
    # a picture's kind in brackets: "(file photo)", "(Archivfoto)", "(symbolic image)" ...
    "archive photo", "photo illustration", "illustration", "illustrative image", "stock photo", "symbolic image",
    "archivfoto", "archivbild", "symbolbild", "symbolfoto", "archieffoto", "archiefbeeld", "photo d'archive",
    "photo d’archive", "image d'illustration", "image d’illustration", "foto de archivo", "imagen de archivo",
    "foto de arquivo", "imagem ilustrativa", "foto d'archivio", "foto d’archivio", "zdjęcie ilustracyjne",
    "архивное фото", "фото из архива", "архівне фото", "arşiv fotoğrafı", "資料写真", "资料图", "資料照", "자료사진",
    "ảnh minh họa", "ảnh tư liệu", "foto ilustrasi", "foto: ilustrasi", "ภาพประกอบ", "फाइल फोटो", "प्रतीकात्मक तस्वीर",
    "صورة أرشيفية", "صورة تعبيرية",
))
_CREDIT_BY_WORDS = ("photo", "photos", "photograph", "image", "picture", "foto", "fotos", "bild")
# A news photo's caption says where each person stands: "Washington Capitals owner Ted Leonsis, right, joins ..."
# (a full name, then its place between commas; not "Oh, right, the plant" or "he swerved left, right").
CAPTION_PLACE = re.compile(r"[A-Z][\w'’.-]* [A-Z][\w'’.-]*, (?:(?:far |second from |top |bottom )?(?:left|right)|"
                           r"cent(?:er|re)|top|bottom), ")
CREDIT_BY_TAIL = re.compile(
    r"(?:^|[.!?…]\s+|[(\[|]\s*|\s[-–—]\s)(?:" + "|".join(_CREDIT_BY_WORDS) +
    r")\s+(?:by|courtesy of|courtesy|von|par|door)\s+[^.!?:()\[\]]{2,60}[)\]]?\s*$", re.IGNORECASE)
CREDIT_SEPARATOR = re.compile("[:=\uff1a]")
CREDIT_SEPARATOR_CHARS = 64  # the separator stands within a line's last 64 characters (a credit is at most 60)
CREDIT_TAIL_CHARS = 90  # a credit, its word and what stands before it fit in a line's last 90 characters


# A photo credit alone on its line: a news or photo agency ("Reuters", "(AP)", "Getty Images"), or
# names and an agency between slashes ("Jamal Saidi/Reuters", "AFP/Getty Images", "REUTERS/Dado Ruvic",
# "RJ Sangosti/Denver Post/AP Photo"), each name a few capitalised words (not "AP/NORC poll shows ...").
# The wire agencies' names alone make a credit line; the picture libraries' only beside a name.
CREDIT_LINE_MAX_CHARS = 60
AGENCIES_ALONE = frozenset((
    "reuters", "ap", "associated press", "the associated press", "afp", "getty", "getty images", "epa", "dpa",
    "anp", "efe", "ansa", "xinhua", "shutterstock", "istock", "alamy", "imago", "picture alliance",
))
_AGENCIES = AGENCIES_ALONE | frozenset((
    "ap photo", "ap images", "gettyimages", "epa-efe", "belga", "keystone", "tass", "kyodo", "yonhap", "istockphoto",
    "imago images", "picture-alliance", "sopa images", "lightrocket", "nurphoto", "bloomberg", "corbis", "wireimage",
    "filmmagic", "pa", "pa images", "pa wire", "pa media", "press association", "unsplash", "pexels", "pixabay",
    "flickr", "wikimedia commons", "handout",
))
_NAME_PARTICLES = frozenset(("de", "da", "di", "van", "von", "der", "den", "la", "le", "du", "dos", "del", "bin", "al"))


# A share or print button's text with a screen reader's note that the link opens a window ("Click to share
# on X (Opens in new window)", "Click to email a link to a friend (Opens in new window)"), and a news
# site's furniture before a picture's caption or credit ("Image caption Rescuers at the scene", "Image
# copyright Getty Images"): boilerplate.
NEW_WINDOW_MAX_CHARS = 100
_NEW_WINDOW_ENDS = ("(opens in new window)", "(opens in a new window)", "(opens in new tab)", "(opens in a new tab)",
                    "(öffnet in neuem fenster)", "(wird in neuem fenster geöffnet)", "(opent in nieuw venster)",
                    "(ouvre dans une nouvelle fenêtre)", "(se abre en una ventana nueva)", "(abre em nova janela)",
                    "(si apre in una nuova finestra)")
_PICTURE_FURNITURE = ("image caption ", "image copyright ", "media caption ")


def is_furniture_line(text: str) -> bool:
    """Whether ``text`` is a button's text that opens a new window, or a picture's caption or credit after its lead."""
    if text[:1] in "iImM":  # every lead starts with "image" or "media"
        opening = text[:16].lower()  # the leads are ASCII, at most 16 characters
        for lead in _PICTURE_FURNITURE:
            if opening.startswith(lead):
                return bool(text[len(lead):].strip())  # the lead alone is no caption
    return text.endswith(")") and len(text) <= NEW_WINDOW_MAX_CHARS and text.lower().endswith(_NEW_WINDOW_ENDS)


def is_credit_line(text: str) -> bool:
    """Whether ``text`` is a photo credit alone on its line ("Reuters", "Jamal Saidi/Reuters" ...)."""
    if "/" not in text:  # most lines: a set lookup
        return squeezed(text.strip(LINE_FRAME).casefold()) in AGENCIES_ALONE
    parts = [" ".join(part.split()) for part in text.strip(LINE_FRAME).split("/")]
    folded = [part.casefold() for part in parts]
    return any(name in _AGENCIES for name in folded) and all(
        name in _AGENCIES or 0 < len(part.split()) <= 5
        and all(word[0].isupper() or word in _NAME_PARTICLES for word in part.split())
        for part, name in zip(parts, folded))


def is_bracketed_credit(text: str) -> bool:
    """Whether ``text`` is a caption that ends in its credit in brackets ("... (AP Photo/Matt Slocum)")."""
    match = BRACKET_TAIL.search(text)
    if not match or not text[:match.start()].strip():  # a credit alone on its line is is_credit_line's
        return False
    credit = match.group(1)
    if "/" in credit:
        return is_credit_line(credit)
    return squeezed(credit.casefold()) in _PICTURE_LIBRARIES
