"""Score a model on labeled segments as `detector clean` decides them (`detector evaluate`).

labeled segments -> the pipeline's decisions (``pipeline.decide_table``, every rule at the settings given)
-> figures against the gold labels: removal precision, recall and F1, the story's characters lost and the
junk's kept, documents cleaned perfectly, per-label figures, the confusion matrix, and what each rule decided.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .data import check_segments
from .errors import DataError
from .features import text_lengths
from .markup import plain_frame
from .metrics import documents_perfect, removal_scores
from .pipeline import KEPT_AGAIN, RULES, Thresholds, decide_table
from .repeats import REPEAT_DOCUMENTS_DEFAULT, RepeatedLines

# What the figures can be split by (``group_figures``): columns of labeled data that name a group of documents.
GROUP_COLUMNS = ("lang", "source")


def evaluate_frame(frame: pd.DataFrame, model, thresholds: Thresholds = Thresholds(),
                   repeat_documents: int = REPEAT_DOCUMENTS_DEFAULT) -> tuple[dict, pd.DataFrame]:
    """The figures of ``model`` on a labeled frame (doc_id, position, text, label; ``data.read_labeled``), and
    its rows in reading order with their decisions: doc_id, lang, source, position, text, gold (the label given),
    label, confidence, keep and rule.

    All the frame's documents are one batch, as the inputs of one `detector clean` run are: a line that
    ``repeat_documents`` of them hold is a repeated line (0: none).
    """
    check_segments(frame)
    unknown = sorted(set(frame["label"]) - set(map(str, model.classes_)))
    if unknown:
        where = frame.loc[frame["label"].isin(unknown).idxmax()].get("_where", "the labeled data")
        raise DataError(f"{where}: label {unknown[0]!r} is not one the model knows "
                        f"({', '.join(map(str, model.classes_))}); relabel those segments, or evaluate a model "
                        "trained with that label")
    doc = pd.factorize(frame["doc_id"])[0]
    order = np.lexsort((frame["position"].to_numpy(), doc))  # each document's rows together, in order
    rows = frame.iloc[order].reset_index(drop=True)
    # decided on the segments as the pipeline reads them (Markdown markup taken off); reported as given
    table = plain_frame(pd.DataFrame({"doc_id": doc[order], "position": rows["position"], "text": rows["text"]}))
    repeats = None
    if repeat_documents:
        repeats = RepeatedLines(repeat_documents)
        repeats.add(table)
    decided = decide_table(table, model, thresholds, repeats)
    unnamed = pd.Series(None, index=rows.index, dtype=object)
    out = pd.DataFrame({"doc_id": rows["doc_id"], "lang": rows.get("lang", unnamed),
                        "source": rows.get("source", unnamed), "position": rows["position"], "text": rows["text"],
                        "gold": rows["label"], "label": decided.label, "confidence": decided.confidence,
                        "keep": decided.keep, "rule": decided.rule})
    return figures_of(out, model.classes_, thresholds.keep), out


def figures_of(decided: pd.DataFrame, classes, keep=Thresholds().keep) -> dict:
    """The figures of decided rows (as ``evaluate_frame`` returns them) against their gold labels; ``keep``: the
    kept labels."""
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    gold, label, kept = decided["gold"].to_numpy(), decided["label"].to_numpy(), decided["keep"].to_numpy()
    figures = removal_figures(decided, keep)
    present = [c for c in map(str, classes) if c in set(gold) or c in set(label)]
    precision, recall, f1, support = precision_recall_fscore_support(gold, label, labels=present, zero_division=0)
    figures["per_label"] = {c: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(n)}
                            for c, p, r, f, n in zip(present, precision, recall, f1, support)}
    figures["confusion"] = {"labels": present, "matrix": confusion_matrix(gold, label, labels=present).tolist()}
    figures["by_rule"] = rule_figures(np.isin(gold, list(keep)), kept, decided["rule"].to_numpy(),
                                      text_lengths(decided["text"]))
    return figures


def removal_figures(decided: pd.DataFrame, keep=Thresholds().keep) -> dict:
    """Documents, segments, removal scores (``metrics.removal_scores``) and documents cleaned perfectly of decided
    rows."""
    gold, kept = decided["gold"].to_numpy(), decided["keep"].to_numpy()
    return {"documents": int(decided["doc_id"].nunique()), **removal_scores(gold, kept, decided["text"], keep),
            "documents_perfect": documents_perfect(decided["doc_id"], gold, kept, keep)}


def group_figures(decided: pd.DataFrame, column: str, keep=Thresholds().keep) -> dict:
    """``removal_figures`` of decided rows per value of ``column`` (one of ``GROUP_COLUMNS``; "(none)" where the
    data names none), largest group first."""
    groups = decided[column].fillna("(none)").astype(str)
    return {name: removal_figures(decided[groups == name], keep) for name in groups.value_counts().index}


def format_group_figures(by_group: dict, column: str) -> str:
    """``group_figures`` as a table."""
    lines = [f"by {column}",
             f"{column:<22}{'documents':>10}{'segments':>10}{'removal F1':>12}{'story lost':>12}{'junk kept':>11}"
             f"{'perfect':>9}"]
    for name, f in by_group.items():
        lines.append(f"{name[:21]:<22}{f['documents']:>10,}{f['segments']:>10,}{f['removal_f1']:>12.3f}"
                     f"{f['editorial_chars_lost']:>12.2%}{f['junk_chars_kept']:>11.1%}{f['documents_perfect']:>9.1%}")
    return "\n".join(lines) + "\n"


def rule_figures(story: np.ndarray, kept: np.ndarray, rule: np.ndarray, chars: np.ndarray) -> dict:
    """Per setting of ``pipeline.RULES``, the rows whose keep its rule decided (``decide``'s rule; for
    min_confidence the rows its cut removed): junk and story lines (``story``: gold label kept), and the share of
    all story characters among them. A rule of ``KEPT_AGAIN`` counts the rows it kept, the others those removed."""
    story_chars = max(chars[story].sum(), 1)
    figures = {}
    for name in RULES:
        rows = (rule == name) & (kept if name in KEPT_AGAIN else ~kept)
        figures[name] = {"junk_lines": int((rows & ~story).sum()), "story_lines": int((rows & story).sum()),
                         "story_chars": float(chars[rows & story].sum() / story_chars)}
    return figures


def mistakes(decided: pd.DataFrame, keep=Thresholds().keep) -> pd.DataFrame:
    """The decided rows whose keep the gold label contradicts, with what went wrong: "story lost" or "junk kept"."""
    story = decided["gold"].isin(list(keep)).to_numpy()
    wrong = decided[story != decided["keep"].to_numpy()].copy()
    wrong.insert(0, "mistake", np.where(wrong["keep"], "junk kept", "story lost"))
    return wrong


def format_figures(figures: dict, keep=Thresholds().keep) -> str:
    """The figures as the tables `detector evaluate` prints."""
    f = figures
    kept_labels = ", ".join(keep)
    lines = [f"{f['documents']:,} documents, {f['segments']:,} segments",
             "",
             f"Removal (junk: every label but {kept_labels})",
             f"  precision {f['removal_precision']:.3f}   recall {f['removal_recall']:.3f}   F1 {f['removal_f1']:.3f}",
             f"  story characters lost {f['editorial_chars_lost']:.2%}   junk characters kept {f['junk_chars_kept']:.2%}"
             f"   documents cleaned perfectly {f['documents_perfect']:.1%}",
             "",
             f"{'label':<14}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"]
    for label, row in f["per_label"].items():
        lines.append(f"{label:<14}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>10.3f}{row['support']:>10,}")
    labels = f["confusion"]["labels"]
    lines += ["", "confusion (rows: gold label, columns: the model's)", " " * 14 + "".join(f"{c[:11]:>12}" for c in labels)]
    lines += [f"{label:<14}" + "".join(f"{n:>12,}" for n in row) for label, row in zip(labels, f["confusion"]["matrix"])]
    return "\n".join(lines) + "\n\n" + format_rule_figures(f["by_rule"])


def format_rule_figures(by_rule: dict) -> str:
    """``rule_figures`` as a table, the rules that decided nothing left out."""
    lines = ["what each rule decided (removed; kept again for story_confidence and headline_overlap)",
             f"{'rule (setting)':<24}{'junk lines':>12}{'story lines':>13}{'story chars':>13}"]
    for name, row in by_rule.items():
        if row["junk_lines"] or row["story_lines"]:
            lines.append(f"{name:<24}{row['junk_lines']:>12,}{row['story_lines']:>13,}{row['story_chars']:>13.2%}")
    return "\n".join(lines) + "\n"
