"""Snippets of a record's text around the words searched for, with those words highlighted."""

import html
import re
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from .analysis import edit_distance, stem_variants, stems

_TOKEN = re.compile(r"[^\W_]+")
WINDOW = 30  # words


@lru_cache(maxsize=4096)
def _matcher(words: tuple[str, ...]):
    """Whether a word of the text is one of ``words`` (by stem, or within the query's typo distance)."""
    wanted = {variant for word in words for stem in (stems(word) or [word]) for variant in stem_variants(stem)}
    typos = [(word, 1 if len(word) < 9 else 2) for word in words if len(word) >= 5]

    @lru_cache(maxsize=4096)
    def matches(lower: str) -> bool:
        if any(stem in wanted for stem in stems(lower)):
            return True
        return any(
            abs(len(lower) - len(word)) <= allowed and lower[:1] == word[:1] and edit_distance(lower, word) <= allowed
            for word, allowed in typos
        )

    return matches


def snippet(text: str, words: list[str]) -> SafeString:
    """About ``WINDOW`` words of ``text`` around the densest hits, HTML-escaped, hits in ``<mark>``."""
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return mark_safe("")
    matches = _matcher(tuple(words)) if words else (lambda token: False)
    hit = [matches(token.group().lower()) for token in tokens]
    best, best_count = 0, -1
    for start in range(0, max(len(tokens) - WINDOW, 0) + 1, 5):
        count = sum(hit[start : start + WINDOW])
        if count > best_count:
            best, best_count = start, count
    window = range(best, min(best + WINDOW, len(tokens)))
    begin = 0 if window.start == 0 else tokens[window.start].start()
    end = len(text) if window.stop == len(tokens) else tokens[window.stop - 1].end()
    # Escaped in runs between the hits: one call per hit rather than two per word.
    parts, cursor = [], begin
    for i in window:
        if hit[i]:
            token = tokens[i]
            parts.append(html.escape(text[cursor : token.start()]))
            parts.append(f"<mark>{html.escape(token.group())}</mark>")
            cursor = token.end()
    parts.append(html.escape(text[cursor:end]))
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)
