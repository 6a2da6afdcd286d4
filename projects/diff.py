"""Word-level differences between two versions of a text, for the reviewer's diff view."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_TOKEN = re.compile(r"\s+|[^\s]+")


def inline_diff(old: object, new: object) -> SafeString:
    """HTML of ``new`` with deleted words in ``<del>`` and inserted words in ``<ins>``."""
    old_tokens = _TOKEN.findall(_text(old))
    new_tokens = _TOKEN.findall(_text(new))
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape("".join(old_tokens[i1:i2])))
            continue
        if tag in {"delete", "replace"}:
            parts.append(f"<del>{escape(''.join(old_tokens[i1:i2]))}</del>")
        if tag in {"insert", "replace"}:
            parts.append(f"<ins>{escape(''.join(new_tokens[j1:j2]))}</ins>")
    return mark_safe("".join(parts))  # every piece of user text above is escaped


def _text(value: object) -> str:
    if value is None:
        return ""
    if value is True:
        return "Ja"
    if value is False:
        return "Nein"
    return str(value)


def diff_rows(rows: list[dict]) -> list[dict]:
    """``Project.pending_changes_diff()`` rows with an added ``html`` diff of each field."""
    return [{**row, "html": inline_diff(row["old"], row["new"])} for row in rows]
