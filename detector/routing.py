"""Send each document to the bundled model made for its subject: crypto news to ``crypto``, the rest to ``general``.

The ``crypto`` model removes ads that carry no "Advertisement" line (a wallet or exchange pitch
pasted into a story); on general web pages it loses a little more of the story than ``general``
(README, "Bundled models"). A document is crypto news when at least ``CRYPTO_MIN_SEGMENTS``
of its segments name a crypto term (``CRYPTO_TERMS``, in many scripts); the ad itself counts.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import ModelError
from .model import check_segment_frame

# Words and stems that few texts outside crypto news use, read in the first ROUTE_HEAD_CHARS
# characters of each segment. "crypto" before "graph" is cryptography; "token" and "ETH" are
# left out (language models, ETH Zurich).
CRYPTO_TERMS = re.compile(
    r"bitcoin|\bbtc\b|ethereum|stablecoin|altcoin|memecoin|blockchain|\bdefi\b|\bnfts?\b|binance|coinbase"
    r"|solana|\bxrp\b|dogecoin|presale|(?:crypto|krypto|cripto|kripto)(?!gra)|крипто|биткоин|биткойн"
    r"|κρυπτο|暗号資産|仮想通貨|ビットコイン|加密货币|加密貨幣|比特币|比特幣|区块链|區塊鏈|비트코인|암호화폐|가상자산"
    r"|بيتكوين|مشفرة|क्रिप्टो|बिटकॉइन|คริปโต|บิตคอยน์|ביטקוין|קריפטו|tiền điện tử|tiền mã hóa", re.IGNORECASE)
# A document goes to the crypto model when this many of its segments name a crypto term: one
# mention (a story on tax law that names bitcoin once) is not crypto news.
CRYPTO_MIN_SEGMENTS = 2
ROUTE_HEAD_CHARS = 120
# Lower-case pieces of the terms: a plain substring search for each is much faster than the
# pattern. A piece that is a whole term settles it; the others ("coin" is in "coincide", "defi"
# in "define") only pick the segments that the pattern then reads.
_LATIN_TERMS = ("bitcoin", "ethereum", "blockchain", "solana", "binance", "presale")
_LATIN_PIECES = ("coin", "btc", "rypto", "ripto", "defi", "nft", "xrp")
_OTHER_TERMS = ("крипто", "биткоин", "биткойн", "κρυπτο", "暗号資産", "仮想通貨", "ビットコイン", "加密货币", "加密貨幣",
                "比特币", "比特幣", "区块链", "區塊鏈", "비트코인", "암호화폐", "가상자산", "بيتكوين", "مشفرة", "क्रिप्टो",
                "बिटकॉइन", "คริปโต", "บิตคอยน์", "ביטקוין", "קריפטו", "tiền điện tử", "tiền mã hóa")
# From a segment's first letter of those scripts to its end: one match per segment that has one.
_OTHER_SCRIPTS = re.compile("[\u0370-\u06ff\u0900-\u097f\u0e00-\u0e7f\u1ea0-\u1eff\u3040-\u30ff"
                            "\u4e00-\u9fff\uac00-\ud7af][^\n]*")


def mentions_crypto(texts: list) -> np.ndarray:
    """Per text, whether its first ``ROUTE_HEAD_CHARS`` characters name a term of ``CRYPTO_TERMS``
    (a text that is not a string is read as ``str(text)``, as the models read it)."""
    heads = [(text if type(text) is str else str(text))[:ROUTE_HEAD_CHARS] for text in texts]
    joined = "\n".join(heads).lower()
    lengths = np.fromiter(map(len, heads), dtype=np.int64, count=len(heads))
    if len(joined) != lengths.sum() + len(heads) - 1:  # a few letters grow when lower-cased ("İ")
        joined = "\n".join(head.lower() for head in heads)
        lengths = np.fromiter((len(head.lower()) for head in heads), dtype=np.int64, count=len(heads))
    starts = np.cumsum(lengths + 1) - lengths - 1
    found = np.zeros(len(texts), dtype=bool)
    found[list(_rows_with(_LATIN_TERMS, joined, starts))] = True
    # the other scripts' terms are looked for only in the segments written in one of them
    other = np.unique(np.searchsorted(starts, [m.start() for m in _OTHER_SCRIPTS.finditer(joined)], side="right") - 1)
    if len(other):
        other_heads = [heads[row].lower() for row in other]
        other_lengths = np.fromiter(map(len, other_heads), dtype=np.int64, count=len(other_heads))
        found[other[list(_rows_with(_OTHER_TERMS, "\n".join(other_heads),
                                    np.cumsum(other_lengths + 1) - other_lengths - 1))]] = True
    for row in _rows_with(_LATIN_PIECES, joined, starts):
        found[row] = found[row] or CRYPTO_TERMS.search(heads[row]) is not None
    return found


def crypto_news(X: pd.DataFrame, min_segments: int = CRYPTO_MIN_SEGMENTS) -> np.ndarray:
    """Per row of a segment frame (doc_id, position, text): is its document crypto news, with at
    least ``min_segments`` segments that name a crypto term?"""
    check_segment_frame(X)
    doc = pd.factorize(X["doc_id"], use_na_sentinel=False)[0]
    segments_naming_crypto = np.bincount(doc, weights=mentions_crypto(X["text"].tolist()))
    return segments_naming_crypto[doc] >= min_segments


def _rows_with(pieces: tuple[str, ...], joined: str, starts: np.ndarray) -> set[int]:
    """The rows of a "\\n"-joined batch (rows begin at ``starts``) that hold one of ``pieces``."""
    rows = set()
    for piece in pieces:
        if piece in joined:
            positions = [match.start() for match in re.finditer(re.escape(piece), joined)]
            rows.update(np.searchsorted(starts, positions, side="right") - 1)
    return rows


class TopicRouter:
    """Label each document with ``crypto`` when it is crypto news, else with ``general``.

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
        """Per row of ``X``, whether its document goes to the crypto model."""
        return crypto_news(X, self.min_segments)

    def predict_proba_by_stage(self, X: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """Stage one's and the final probabilities, each row from its document's model."""
        to_crypto = self.routes(X)
        alone, proba = np.zeros((2, len(X), len(self.classes_)))
        for model, rows in ((self.general, ~to_crypto), (self.crypto, to_crypto)):
            if rows.all():
                return model.predict_proba_by_stage(X)
            if rows.any():
                alone[rows], proba[rows] = model.predict_proba_by_stage(X[rows])
        return alone, proba

    def predict_proba(self, X: pd.DataFrame) -> np.ndarray:
        """Final probabilities per segment, columns in ``classes_`` order."""
        return self.predict_proba_by_stage(X)[1]

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        """The most probable label per segment."""
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def labeled_by(model, segment_texts: list[str], name: str) -> str:
    """The model that labels a document of these segments: "crypto" or "general" when ``model``
    is a TopicRouter (decided as it decides), else ``name``."""
    if isinstance(model, TopicRouter):
        return "crypto" if mentions_crypto(segment_texts).sum() >= model.min_segments else "general"
    return name
