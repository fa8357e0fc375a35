"""Send each document to the bundled model made for its subject: crypto and finance news to ``crypto``, the
rest to ``general``.

The ``crypto`` model removes ads that carry no "Advertisement" line (a wallet, exchange or broker pitch
pasted into a story); on general web pages it loses a little more of the story than ``general``
(README, "Bundled models"). A document is crypto news when at least ``CRYPTO_MIN_SEGMENTS``
of its segments name a crypto term (``CRYPTO_TERMS``, in many scripts); the ad itself counts. It is
finance news when at least ``FINANCE_MIN_SEGMENTS`` of its ``FINANCE_READ_SEGMENTS`` longest segments
name a term of the markets or the economy (``FINANCE_WORDS``, ``FINANCE_TERMS_ANYWHERE``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import ModelError
from .features import joined_with_starts, length_ranks, lower_joined_with_starts, matches_per_text, text_lengths
from .model import as_strings, check_segment_frame

# Words and stems that few texts outside crypto news use, read in the first ROUTE_HEAD_CHARS
# characters of each segment. "crypto" before "graph" is cryptography; "token" and "ETH" are
# left out (language models, ETH Zurich). _OTHER_TERMS are those of the other scripts (and
# Vietnamese), in lower case.
_OTHER_TERMS = (
    "крипто", "биткоин", "биткойн", "біткоїн", "біткойн", "блокчейн", "стейблкоин", "стейблкоїн",  # ru, uk
    "κρυπτο",  # el
    "暗号資産", "仮想通貨", "ビットコイン", "ブロックチェーン", "ステーブルコイン",  # ja
    "加密货币", "加密貨幣", "比特币", "比特幣", "区块链", "區塊鏈", "稳定币", "穩定幣",  # zh
    "비트코인", "암호화폐", "가상자산", "블록체인", "스테이블코인",  # ko
    "بيتكوين", "مشفرة", "بلوكتشين", "بلوكشين", "عملة مستقرة", "عملات مستقرة", "العملات المستقرة", "إيثريوم",  # ar
    "ايثريوم", "كريبتو", "سلاسل الكتل", "سلسلة الكتل", "التمويل اللامركزي",
    "بیت\u200cکوین", "بیت کوین", "بیتکوین", "رمزارز", "اتریوم", "ارز دیجیتال", "کریپتو",  # fa
    "کرپٹو", "بٹ کوائن",  # ur
    "ক্রিপ্টো", "বিটকয়েন", "ব্লকচেইন",  # bn
    "क्रिप्टो", "बिटकॉइन", "ब्लॉकचेन", "स्टेबलकॉइन",  # hi
    "คริปโต", "คริปโท", "บิตคอยน์", "บล็อกเชน", "สเตเบิลคอยน์",  # th
    "ביטקוין", "קריפטו", "אתריום", "בלוקצ'יין", "בלוקצ\u05f3יין",  # he
    "tiền điện tử", "tiền mã hóa",  # vi
)
CRYPTO_TERMS = re.compile(
    r"bitcoin|\bbtc\b|ethereum|stablecoin|altcoin|memecoin|blockchain|\bdefi\b|\bnfts?\b|binance|coinbase"
    r"|solana|\bxrp\b|dogecoin|presale|\bether\b|usdt|usdc|\btether\b|(?:crypto|krypto|cripto|kripto)(?!gra)|"
    + "|".join(map(re.escape, _OTHER_TERMS)),
    re.IGNORECASE)
# A document goes to the crypto model when this many of its segments name a crypto term: one
# mention (a story on tax law that names bitcoin once) is not crypto news.
CRYPTO_MIN_SEGMENTS = 2
ROUTE_HEAD_CHARS = 120
# Lower-case pieces of the terms: a plain substring search for each is much faster than the
# pattern. A piece that is a whole term settles it; the others ("coin" is in "coincide", "defi"
# in "define", "tether" in "tethered") only pick the segments that the pattern then reads.
_LATIN_TERMS = ("bitcoin", "ethereum", "blockchain", "solana", "binance", "presale", "usdt", "usdc")
_LATIN_PIECES = ("coin", "btc", "rypto", "ripto", "defi", "nft", "xrp", "tether")
# "ether" as a word, found in one pass: the literal first lets the search skip ahead, the look-back
# then asks for a word boundary before it ("whether" and "together" hold it too).
_ETHER = re.compile(r"ether\b(?<=\bether)")
# The other scripts (Greek to Arabic, Devanagari and Bengali, Thai, Vietnamese, kana, CJK, Hangul): a letter
# of theirs, and the rest of its line (one match per segment that has one).
_OTHER_RANGES = ((0x0370, 0x06FF), (0x0900, 0x09FF), (0x0E00, 0x0E7F), (0x1EA0, 0x1EFF), (0x3040, 0x30FF),
                 (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))
_OTHER_SCRIPTS = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in _OTHER_RANGES) + "][^\n]*")
# Most segments name no term. One pass over a batch's code points first picks those that may: every
# Latin term, piece and "ether" holds one of these three letters in a row (a test checks), and every
# term of the other scripts a letter of theirs.
_KEY_TRIGRAMS = ("coi", "btc", "eth", "kch", "efi", "nft", "bin", "ola", "xrp", "esa", "usd", "pto")


_OTHER_LETTER = 27  # what the key pass reads for a letter of the other scripts (for a to z: 1 to 26)


def _letter_code(letter: str) -> int:
    """What the key pass reads for an ASCII letter: 1 for "a" to 26 for "z"."""
    return ord(letter) - ord("a") + 1


def _folding_table() -> np.ndarray:
    """Per code point below 0x10000, what the key pass reads: ``_letter_code`` of an ASCII letter in either case,
    ``_OTHER_LETTER`` for a letter of the other scripts, 0 for the rest. Three more characters lower-case to
    one of these (a test checks all): "İ" to "i" and a dot, the Kelvin sign to "k", the ohm sign to "ω"."""
    table = np.zeros(0x10000, dtype=np.uint16)
    for low, high in _OTHER_RANGES:
        table[low:high + 1] = _OTHER_LETTER
    table[ord("a"):ord("z") + 1] = table[ord("A"):ord("Z") + 1] = np.arange(1, 27)
    table[0x0130], table[0x212A], table[0x2126] = _letter_code("i"), _letter_code("k"), _OTHER_LETTER
    return table


def _key_table() -> np.ndarray:
    """True at the index of each of ``_KEY_TRIGRAMS``: its three letter codes, 5 bits each."""
    table = np.zeros(1 << 15, dtype=bool)
    table[[_letter_code(a) << 10 | _letter_code(b) << 5 | _letter_code(c) for a, b, c in _KEY_TRIGRAMS]] = True
    return table


_FOLDED, _KEYS = _folding_table(), _key_table()


def _may_name_crypto(heads: list[str]) -> np.ndarray:
    """The rows of ``heads`` that hold one of ``_KEY_TRIGRAMS`` (in any case) or a letter of the other
    scripts: a superset of the rows that name a crypto term, found in one pass of array operations."""
    joined, starts = joined_with_starts(heads)
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folded = _FOLDED.take(codes, mode="clip")  # above the table: neither ASCII nor those scripts
    hits = np.zeros(len(codes) + 1, dtype=bool)  # one more: an empty last head starts at the end
    hits[:max(len(codes) - 2, 0)] = _KEYS[folded[:-2] << 10 | folded[1:-1] << 5 | folded[2:]]
    hits[:len(codes)] |= folded == _OTHER_LETTER
    return np.flatnonzero(np.logical_or.reduceat(hits, starts)) if len(starts) else starts


def mentions_crypto(texts: list[str]) -> np.ndarray:
    """Per text, whether its first ``ROUTE_HEAD_CHARS`` characters name a term of ``CRYPTO_TERMS``."""
    heads = [text[:ROUTE_HEAD_CHARS] for text in texts]
    found = np.zeros(len(heads), dtype=bool)
    rows = _may_name_crypto(heads)
    if len(rows):
        found[rows] = _names_crypto([heads[row] for row in rows])
    return found


def _names_crypto(heads: list[str]) -> np.ndarray:
    """``mentions_crypto`` of these heads, read with plain searches and patterns."""
    joined, starts = lower_joined_with_starts(heads, *joined_with_starts(heads))
    found = _holding_one_of(_LATIN_TERMS, joined, starts) | (matches_per_text(_ETHER, joined, starts) > 0)
    # the other scripts' terms are looked for only in the segments written in one of them
    other = np.flatnonzero(matches_per_text(_OTHER_SCRIPTS, joined, starts))
    if len(other):
        other_heads = [heads[row] for row in other]
        other_joined, other_starts = lower_joined_with_starts(other_heads, *joined_with_starts(other_heads))
        found[other[_holding_one_of(_OTHER_TERMS, other_joined, other_starts)]] = True
    candidates = np.flatnonzero(_holding_one_of(_LATIN_PIECES, joined, starts) & ~found)
    found[candidates] = [CRYPTO_TERMS.search(heads[row]) is not None for row in candidates]
    return found


def crypto_news(X: pd.DataFrame, min_segments: int = CRYPTO_MIN_SEGMENTS) -> np.ndarray:
    """Per row of a segment frame (doc_id, position, text): is its document crypto news, with at
    least ``min_segments`` segments that name a crypto term? Texts are read as the models read them."""
    check_segment_frame(X)
    return _crypto_rows(pd.factorize(X["doc_id"], use_na_sentinel=False)[0], as_strings(X["text"]), min_segments)


def _crypto_rows(doc: np.ndarray, texts: list[str], min_segments: int) -> np.ndarray:
    """``crypto_news`` of rows numbered by document (``doc``) with these texts."""
    return np.bincount(doc, weights=mentions_crypto(texts))[doc] >= min_segments


# Finance and markets news goes to the crypto model too: its pages carry the same kind of inline ad (a
# broker, trading app or deposit offer with its risk warning), which the general model keeps. Words of
# the markets also stand on pages that are no finance news (a "Markets" menu, an "Investors" link, a
# review that names a stock price once), so they are read only in a document's FINANCE_READ_SEGMENTS
# longest segments, where its story is, and FINANCE_MIN_SEGMENTS of those must name one.
FINANCE_READ_SEGMENTS = 5
FINANCE_MIN_SEGMENTS = 2
# In lower case. FINANCE_WORDS start a word (a stem: "investor" reads "investors" too; not "shares",
# "actions" or "stock" alone, which name social shares, deeds and a shop's stock as often);
# FINANCE_TERMS_ANYWHERE are of scripts without spaces, or that join words to them (Arabic "والأسهم").
FINANCE_WORDS = (
    "stocks", "stock market", "stock exchange", "stock price", "equities", "broker", "forex", "cfd", "trading",
    "investor", "dividend", "interest rate", "central bank", "exchange rate", "bond yield", "nasdaq", "s&p 500",
    "dow jones", "etf", "inflation", "recession", "treasury", "rate cut", "rate hike", "gold price",
    "oil price", "wall street",  # en (and de, fr: inflation)
    "aktie", "börse", "anleger", "leitzins", "dividende", "dax", "zentralbank", "notenbank", "ezb",
    "wechselkurs", "rezession", "anleihe", "goldpreis", "ölpreis", "zinssenkung",  # de
    "aandelen", "beurs", "belegger", "rente", "aex", "centrale bank", "ecb", "wisselkoers", "inflatie",
    "recessie", "obligatie",  # nl
    "bours", "investisseur", "taux d'intérêt", "taux directeur", "cac 40", "banque centrale", "bce",
    "taux de change", "récession", "obligataire", "baisse des taux", "prix du pétrole", "cours de l'or",  # fr
    "acciones", "bolsa", "bursátil", "inversores", "tipos de interés", "ibex", "banco central",
    "tipo de cambio", "inflación", "recesión", "precio del petróleo", "precio del oro",  # es
    "ações", "investidores", "juros", "ibovespa", "câmbio", "inflação", "recessão",  # pt
    "azioni", "borsa", "investitori", "tassi d'interesse", "ftse mib", "banca centrale", "piazza affari",
    "inflazione", "recessione",  # it
    "akcje", "giełd", "inwestor", "stopy procentow", "bank centralny", "kurs walut", "nbp", "inflacj",
    "recesj", "obligacj", "stóp procentow",  # pl
    "hisse", "yatırımcı", "faiz", "merkez bankası", "döviz", "enflasyon", "resesyon", "tahvil",  # tr
    "акци", "бирж", "инвестор", "ставк", "центробанк", "центральный банк", "банк россии", "инфляци",
    "рецесси", "облигаци",  # ru
    "акції", "біржа", "інвестор", "нацбанк", "нбу", "інфляці", "облігаці",  # uk
    "주식", "증시", "코스피", "코스닥", "투자자", "금리", "환율", "한국은행", "중앙은행", "인플레이션",
    "경기침체", "국채",  # ko
    "cổ phiếu", "chứng khoán", "nhà đầu tư", "lãi suất", "tỷ giá", "ngân hàng nhà nước",
    "ngân hàng trung ương", "vn-index", "lạm phát", "suy thoái", "trái phiếu", "giá vàng", "giá dầu",  # vi
    "saham", "bursa", "ihsg", "suku bunga", "bank indonesia", "bank sentral", "nilai tukar", "inflasi",
    "resesi", "obligasi",  # id
    "शेयर", "सेंसेक्स", "निफ्टी", "निवेशक", "ब्याज दर", "रिज़र्व बैंक", "रिजर्व बैंक", "केंद्रीय बैंक",
    "महंगाई", "मुद्रास्फीति", "मंदी",  # hi
)
FINANCE_TERMS_ANYWHERE = (
    "株価", "日経平均", "投資家", "金利", "為替", "日銀", "中央銀行", "東証", "インフレ", "景気後退", "国債",  # ja
    "股市", "股票", "投资者", "利率", "汇率", "央行", "证券", "通胀", "通脹", "经济衰退", "国债",  # zh
    "หุ้น", "ตลาดหลักทรัพย์", "นักลงทุน", "อัตราดอกเบี้ย", "ธนาคารกลาง", "ธนาคารแห่งประเทศไทย", "ค่าเงินบาท",
    "อัตราแลกเปลี่ยน", "เงินเฟ้อ", "เศรษฐกิจถดถอย", "พันธบัตร", "ราคาน้ำมัน", "ราคาทองคำ",  # th
    "الأسهم", "البورصة", "المستثمرين", "الفائدة", "البنك المركزي", "سعر الصرف", "التضخم", "الركود",
    "السندات", "أسعار النفط", "أسعار الذهب",  # ar
)
# Each term as a pattern, the literal first, so that the search skips ahead to it (a word's start then
# asked for by looking back), with the script of its first letter where that is not ASCII: a batch is
# searched for such a term only when it holds a letter of that script.
_SCRIPTS = ((0x0400, 0x04FF), (0x0600, 0x06FF), (0x0900, 0x097F), (0x0E00, 0x0E7F), (0x3040, 0x30FF),
            (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))  # Cyrillic, Arabic, Devanagari, Thai, kana, CJK, Hangul


def _finance_search(term: str, pattern: str) -> tuple[bytes, re.Pattern, tuple[int, int] | None]:
    """A term as ``finance_news`` looks for it: UTF-8 (for the quick test), its pattern, its script."""
    script = next(((low, high) for low, high in _SCRIPTS if low <= ord(term[0]) <= high), None)
    return term.encode(), re.compile(pattern), script


_FINANCE_SEARCH = (
    *(_finance_search(word, f"{re.escape(word)}(?<=\\b{re.escape(word)})") for word in FINANCE_WORDS),
    *(_finance_search(term, re.escape(term)) for term in FINANCE_TERMS_ANYWHERE),
)


def finance_news(X: pd.DataFrame) -> np.ndarray:
    """Per row of a segment frame (doc_id, position, text): is its document finance news, with at least
    ``FINANCE_MIN_SEGMENTS`` of its ``FINANCE_READ_SEGMENTS`` longest segments naming a term of the
    markets in their first ``ROUTE_HEAD_CHARS`` characters?"""
    check_segment_frame(X)
    return _finance_rows(pd.factorize(X["doc_id"], use_na_sentinel=False)[0], as_strings(X["text"]))


def _finance_rows(doc: np.ndarray, texts: list[str]) -> np.ndarray:
    """``finance_news`` of rows numbered by document (``doc``) with these texts."""
    if not len(texts):
        return np.zeros(0, dtype=bool)
    read = np.flatnonzero(length_ranks(doc, text_lengths(texts)) < FINANCE_READ_SEGMENTS)
    heads = [texts[row][:ROUTE_HEAD_CHARS] for row in read]
    joined, starts = lower_joined_with_starts(heads, *joined_with_starts(heads))
    encoded = joined.encode("utf-8", "surrogatepass")  # a bytes search is faster than one of wide strings
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    letters = np.unique(codes[codes >= _SCRIPTS[0][0]])
    scripts = {(low, high): bool(np.any((letters >= low) & (letters <= high))) for low, high in _SCRIPTS}
    named = np.zeros(len(read), dtype=bool)
    for term, pattern, script in _FINANCE_SEARCH:
        if (script is None or scripts[script]) and term in encoded:
            named |= matches_per_text(pattern, joined, starts) > 0
    return np.bincount(doc[read], weights=named, minlength=doc.max() + 1)[doc] >= FINANCE_MIN_SEGMENTS


def topic_routes(X: pd.DataFrame, min_segments: int = CRYPTO_MIN_SEGMENTS) -> np.ndarray:
    """Per row of a segment frame: does its document go to the crypto model, as crypto news
    (``crypto_news`` with ``min_segments``) or as finance news (``finance_news``)?"""
    check_segment_frame(X)
    doc = pd.factorize(X["doc_id"], use_na_sentinel=False)[0]
    texts = as_strings(X["text"])
    routes = _crypto_rows(doc, texts, min_segments)
    rest = np.flatnonzero(~routes)  # finance terms are looked for only where no crypto term settled it
    if len(rest):
        routes[rest] = _finance_rows(pd.factorize(doc[rest])[0], [texts[row] for row in rest])
    return routes


def _holding_one_of(pieces: tuple[str, ...], joined: str, starts: np.ndarray) -> np.ndarray:
    """Per text of a batch (``features.joined_with_starts``), whether it holds one of ``pieces``."""
    found = np.zeros(len(starts), dtype=bool)
    for piece in pieces:
        if piece in joined:
            found |= matches_per_text(re.compile(re.escape(piece)), joined, starts) > 0
    return found


class TopicRouter:
    """Label each document with ``crypto`` when it is crypto or finance news (``topic_routes``), else with ``general``.

    Stands in for one model: ``predict_proba_by_stage`` and ``predict_proba`` take the same
    segment frame (doc_id, position, text) and return rows in its order; ``classes_`` is the
    models' shared label set. ``routes(X)`` says which rows went to ``crypto``.
    """

    def __init__(self, general, crypto, min_segments: int = CRYPTO_MIN_SEGMENTS):
        if list(general.classes_) != list(crypto.classes_):
            raise ModelError(f"the two models label differently ({', '.join(map(str, general.classes_))} against "
                             f"{', '.join(map(str, crypto.classes_))}); routing needs one label set")
        self.general = general
        self.crypto = crypto
        self.min_segments = min_segments
        self.classes_ = general.classes_

    def routes(self, X: pd.DataFrame) -> np.ndarray:
        """Per row of ``X``, whether its document goes to the crypto model (``topic_routes``)."""
        return topic_routes(X, self.min_segments)

    def predict_proba_by_stage(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """Stage one's and the final probabilities, each row from its document's model."""
        return self.route_and_predict(X)[1:]

    def route_and_predict(self, X: pd.DataFrame, calls=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``routes(X)``, then stage one's and the final probabilities (``predict_proba_by_stage``). Each model
        labels its rows in one call, or in the calls that ``calls`` cuts their row numbers into (whole documents:
        a call reads a document's rows together)."""
        to_crypto = self.routes(X)
        alone, proba = np.zeros((2, len(X), len(self.classes_)))
        for model, rows in ((self.general, ~to_crypto), (self.crypto, to_crypto)):
            if rows.all() and calls is None:
                return (to_crypto, *model.predict_proba_by_stage(X))
            rows = np.flatnonzero(rows)
            for part in (calls(rows) if calls else [rows]) if len(rows) else []:
                alone[part], proba[part] = model.predict_proba_by_stage(X.iloc[part])
        return to_crypto, alone, proba

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Final probabilities per segment, columns in ``classes_`` order."""
        return self.predict_proba_by_stage(X)[1]

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The most probable label per segment."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

