"""Shared fixtures: the bundled models (built once per run) and the shared benchmark data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def labeled_lines(paths):
    """(text, label) of every segment of these documents files (one document a line)."""
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            for paragraph in json.loads(line)["paragraphs"]:
                yield paragraph["text"], paragraph["label"]


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory):
    """Where the bundled models are built: a fresh folder unless DETECTOR_CACHE is set."""
    import os

    os.environ.setdefault("DETECTOR_CACHE", str(tmp_path_factory.mktemp("cache")))
    return Path(os.environ["DETECTOR_CACHE"])


@pytest.fixture(scope="session")
def general_model(model_cache):
    """The bundled general model, built from data/ on first use."""
    from detector import load_model

    return load_model("general")


@pytest.fixture(scope="session")
def default_model(general_model, crypto_model):
    """What callers get without naming a model: the two bundled models behind the topic router."""
    from detector import load_model

    return load_model()


@pytest.fixture(scope="session")
def crypto_model(model_cache):
    """The bundled crypto model, built from data/ and profiles/crypto on first use."""
    from detector import load_model

    return load_model("crypto")


@pytest.fixture(scope="session")
def seeds():
    """The two seed articles: raw text and gold labels, keyed by language. Skips without ../shared."""
    gold_file = SHARED / "data" / "seeds.jsonl"
    if not gold_file.is_file():
        pytest.skip("../shared is not beside this clone")
    docs = {}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        docs[doc["lang"]] = doc
    texts = {"nl": "nl_bukele_trump.txt", "de": "de_bukele_musk.txt"}
    return {lang: (SHARED.joinpath("seeds", name).read_text(encoding="utf-8"), docs[lang]) for lang, name in texts.items()}


def make_documents(n_docs: int = 12) -> list[dict]:
    """A small synthetic labeled corpus for fast model and training tests."""
    docs = []
    for i in range(n_docs):
        paragraphs = [{"text": f"Markets moved sharply on day {i} as traders weighed the central bank's next step.",
                       "label": "editorial"},
                      {"text": f"{100 + i} views", "label": "boilerplate"},
                      {"text": f"The committee said inflation stayed above target for the {i + 2}th month, and "
                               "analysts expect another rise before the summer.", "label": "editorial"},
                      {"text": "Buy crypto with ZetaWallet today and get a 20% bonus", "label": "promo"},
                      {"text": "• Low fees on every trade", "label": "promo"},
                      {"text": f"By Reporter Number{i}", "label": "bio"},
                      {"text": f"Reporter Number{i} covers central banks and has written about markets since 2015.",
                       "label": "bio"},
                      {"text": "Share this article", "label": "boilerplate"}]
        docs.append({"doc_id": f"doc-{i}", "source": f"site{i % 4}.example", "lang": "en", "paragraphs": paragraphs})
    return docs


@pytest.fixture(scope="session")
def small_model():
    """A model fitted in a second on the synthetic corpus: for tests of plumbing, not of quality."""
    from detector.data import documents_to_frame
    from detector.training import build_model

    return build_model(documents_to_frame(make_documents(16)))


def write_jsonl(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path
