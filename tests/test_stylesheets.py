"""Our stylesheets are plain CSS without a build step: nothing but a test notices a brace that a merge
dropped, and the browser then silently nests every later rule into the open block."""

import re
from pathlib import Path

import pytest

CSS_DIR = Path(__file__).resolve().parent.parent / "static" / "css"


def open_blocks_per_line(text: str) -> list[int]:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group().count("\n"), text, flags=re.S)
    depth, depths = 0, []
    for line in text.split("\n"):
        depth += line.count("{") - line.count("}")
        depths.append(depth)
    return depths


@pytest.mark.parametrize("path", sorted(CSS_DIR.glob("*.css")), ids=lambda path: path.name)
def test_every_rule_of_our_stylesheets_is_closed(path):
    depths = open_blocks_per_line(path.read_text())

    assert min(depths) >= 0, f"{path.name}: a closing brace too many"
    assert depths[-1] == 0, f"{path.name}: {depths[-1]} block(s) left open"


def test_section_comments_of_the_site_stylesheet_sit_outside_any_block():
    """A comment that opens a new section sits at the top level; inside a block it means one was left open."""
    text = (CSS_DIR / "site.css").read_text()
    lines, depths = text.split("\n"), open_blocks_per_line(text)
    inside = [
        number + 1
        for number, line in enumerate(lines)
        if line.startswith("/*") and number > 0 and depths[number - 1] != 0
    ]

    assert inside == []
