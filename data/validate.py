"""Check the bundled corpus and print its counts: `python data/validate.py [--targets]`.

Checks every data/*.jsonl document: the schema, the four known labels, no empty,
untrimmed or multi-line segment, unique doc_id, no editorial sentence repeated inside
a document, no long editorial paragraph shared by two articles (which would
leak between cross-validation folds), and editorial in every document except a
sponsored article (at least half promo, LABELS.md). With --targets it also checks the sizes
the corpus is meant to reach. Exit code 1 when anything fails.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

LABELS = ("editorial", "promo", "bio", "boilerplate")
TOPICS = ("crypto", "finance", "markets", "politics", "tech", "business", "sports", "science", "other")
REPEAT_MIN_CHARS = 40  # editorial lines longer than this may not repeat inside a document
SPONSORED_MIN_PROMO_SHARE = 0.5  # a document without editorial must be at least this much promo
MONEY_TOPICS = {"crypto", "finance", "markets"}
TARGETS = {"documents": 800, "segments": 15000, "languages with 20+ documents": 10, "segments per label": 1500,
           "share of money-news documents": 0.5, "share of clean documents": 0.2}


def check(folder: Path) -> tuple[dict, list[str]]:
    """Return the corpus counts and the list of problems found."""
    problems: list[str] = []
    docs, seen_ids, shared_paragraphs = [], {}, {}
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{number}"
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: not JSON ({error.msg})")
                continue
            problems += _check_document(doc, where)
            if doc.get("doc_id") in seen_ids:
                problems.append(f"{where}: doc_id {doc.get('doc_id')!r} already used at {seen_ids[doc['doc_id']]}")
            seen_ids[doc.get("doc_id")] = where
            base = doc.get("variant_of", doc.get("doc_id"))
            for para in doc.get("paragraphs", []):
                if para.get("label") == "editorial" and len(para.get("text", "")) > 80:
                    other = shared_paragraphs.setdefault(para["text"], base)
                    if other != base:
                        problems.append(f"{where}: editorial paragraph also in document {other!r}: "
                                        f"{para['text'][:60]!r}")
            docs.append(doc)
    return _counts(docs), problems


def _check_document(doc: dict, where: str) -> list[str]:
    problems = []
    for key, kind in (("doc_id", str), ("lang", str), ("source", str), ("topic", str), ("paragraphs", list)):
        if not isinstance(doc.get(key), kind):
            problems.append(f"{where}: {key!r} missing or not a {kind.__name__}")
    if problems:
        return problems
    if doc["topic"] not in TOPICS:
        problems.append(f"{where}: unknown topic {doc['topic']!r}")
    editorial = collections.Counter()
    for i, para in enumerate(doc["paragraphs"]):
        text, label = para.get("text"), para.get("label")
        if label not in LABELS:
            problems.append(f"{where}: paragraph {i} has unknown label {label!r}")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: paragraph {i} is empty")
        elif text != text.strip() or "\n" in text or "\r" in text:
            problems.append(f"{where}: paragraph {i} is not one trimmed line")
        elif label == "editorial":
            editorial[text] += 1
    # Short lines may repeat (table cells such as "Yes" or "$10"); a repeated sentence is a copy slip.
    problems += [f"{where}: editorial segment repeated: {t[:60]!r}" for t, n in editorial.items()
                 if n > 1 and len(t) > REPEAT_MIN_CHARS]
    promo = sum(para.get("label") == "promo" for para in doc["paragraphs"])
    if not editorial and (not promo or promo < SPONSORED_MIN_PROMO_SHARE * len(doc["paragraphs"])):
        # A page that is one sponsored article has no editorial at all (LABELS.md): allowed
        # when at least half of its lines are promo; anything else without editorial is a slip.
        problems.append(f"{where}: no editorial segment (and not a sponsored article: under half of it is promo)")
    return problems


def _counts(docs: list[dict]) -> dict:
    labels = collections.Counter(p["label"] for d in docs for p in d.get("paragraphs", []))
    langs = collections.Counter(d.get("lang") for d in docs)
    topics = collections.Counter(d.get("topic") for d in docs)
    clean = sum(all(p["label"] == "editorial" for p in d.get("paragraphs", [])) for d in docs)
    n = max(len(docs), 1)
    return {
        "documents": len(docs),
        "segments": sum(labels.values()),
        "labels": dict(labels.most_common()),
        "languages": dict(langs.most_common()),
        "topics": dict(topics.most_common()),
        "sources": len({d.get("source") for d in docs}),
        "variants": sum("variant_of" in d for d in docs),
        "languages with 20+ documents": sum(v >= 20 for v in langs.values()),
        "segments per label": min((labels.get(label, 0) for label in LABELS), default=0),
        "share of money-news documents": round(sum(topics[t] for t in MONEY_TOPICS) / n, 3),
        "share of clean documents": round(clean / n, 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--targets", action="store_true", help="also require the corpus's target sizes")
    args = parser.parse_args(argv)
    counts, problems = check(args.folder)
    for key, value in counts.items():
        print(f"{key}: {value}")
    if args.targets:
        for key, target in TARGETS.items():
            status = "ok" if counts[key] >= target else "BELOW TARGET"
            print(f"target {key} >= {target}: {counts[key]} {status}")
            if counts[key] < target:
                problems.append(f"{key} is {counts[key]}, below the target {target}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
