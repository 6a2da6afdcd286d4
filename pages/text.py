"""A deliberately tiny text format for the legal pages: editors cannot inject markup or scripts.

Blank lines separate paragraphs, ``## `` starts a heading, ``- `` a list item; every other line
continues the paragraph (with a line break). Web and e-mail addresses become links.
"""

from django.utils.html import escape, format_html, urlize
from django.utils.safestring import SafeString, mark_safe

HEADING = "## "
BULLET = "- "


def render_text(text: str) -> SafeString:
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def close() -> None:
        if paragraph:
            html.append("<p>" + "<br>".join(paragraph) + "</p>")
            paragraph.clear()
        if items:
            html.append("<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>")
            items.clear()

    for raw_line in text.replace("\r\n", "\n").split("\n"):
        line = raw_line.strip()
        if not line:
            close()
        elif line.startswith(HEADING):
            close()
            html.append(
                format_html('<h2 class="kern-heading-medium kern-mt-lg">{}</h2>', line.removeprefix(HEADING).strip())
            )
        elif line.startswith(BULLET):
            if paragraph:
                close()
            items.append(_inline(line.removeprefix(BULLET)))
        else:
            if items:
                close()
            paragraph.append(_inline(line))
    close()
    return mark_safe("\n".join(html))  # every piece of editor text went through escape() first


def _inline(line: str) -> str:
    return urlize(escape(line), nofollow=True, autoescape=False)
