"""The key a marker line is looked up by (``markers.line_key``): the line without its frame (the marks that may
stand around a label or a head), case folded, its runs of white space as one space; and the smaller frame
that may stand around a date or a credit line."""

from __future__ import annotations

# What may stand around a label or a head: "- Advertisement -", "(Anzeige)", "[광고]", "Sponsored ↓", "► Lees ook",
# "👉 Sign up now".
FRAME = (" \t\u00a0\u200b-\u2013\u2014\u2022\u00b7|*_:;.,!?()[]{}<>\u00ab\u00bb\u203a\"'#~=+/\\"
         "\u2193\u2192\u25bc\u25b6\u25ba\u27a1\u279c\u2714\u2705\ufe0f\u3010\u3011\U0001f447\U0001f449")
LINE_FRAME = " \t\u00a0\u200b-\u2013\u2014\u2022\u00b7|*_()[]"  # what may stand around a date or a credit line


def normal(text: str) -> str:
    """``text`` without its frame, case folded, its spaces collapsed."""
    return " ".join(text.strip(FRAME).casefold().split())


def squeezed(key: str) -> str:
    """``key`` with each run of white space as one space, as in the sets of ``normal`` keys; most keys hold
    none to squeeze, and looking for the runs first is faster than splitting every key."""
    return " ".join(key.split()) if "  " in key or "\t" in key or "\u00a0" in key else key
