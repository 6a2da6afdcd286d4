"""The public site is built with KERN UX alone: no page links Bootstrap or leans on its classes, which
would render unstyled now that Bootstrap is gone. The admin keeps Django's own stylesheets."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from transferboerse.staticfiles import PACKAGES

TEMPLATES = Path(settings.BASE_DIR, "templates")
# Classes only Bootstrap defines; each stands for a family (grid, cards, badges, lists, utilities).
BOOTSTRAP_ONLY = re.compile(
    r"col(-(sm|md|lg|xl))?-\d+|row|container|card(-body|-title)?|badge|text-bg-\w+|list-group(-item)?"
    r"|d-(flex|block|inline|none|print-none)|visually-hidden(-focusable)?|text-(body-secondary|muted|end|center)"
    r"|table(-responsive|-sm|-striped)?|nav-(pills|tabs|link)|page-(item|link)|breadcrumb-item|list-unstyled"
    r"|list-inline(-item)?|alert(-\w+)?|lead|small|h[1-6]|[mp][tbsexy]?-[0-5]"
)
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')


def public_templates() -> list[Path]:
    """Our templates outside the admin (which extends Django's admin/base.html, not base.html)."""
    return sorted(
        path
        for path in TEMPLATES.rglob("*.html")
        if path.relative_to(TEMPLATES).parts[0] not in {"admin", "accounts"}
        and "admin/" not in path.read_text().split("\n", 1)[0]
    )


def bootstrap_classes(text: str) -> list[str]:
    classes = (re.sub(r"\{[%{].*?[%}]\}", " ", value) for value in CLASS_ATTRIBUTE.findall(text))
    return [token for value in classes for token in value.split() if BOOTSTRAP_ONLY.fullmatch(token)]


def test_the_tell_tale_pattern_finds_bootstrap_classes_and_spares_kern_and_our_own():
    html = '<div class="row"><div class="col-md-6 mb-3"><span class="badge text-bg-light">'
    ours = '<div class="kern-row"><div class="kern-col-md-6 kern-mb-md gap-grid is-gap"><span class="tag">'

    assert bootstrap_classes(html) == ["row", "col-md-6", "mb-3", "badge", "text-bg-light"]
    assert bootstrap_classes(ours) == []


@pytest.mark.parametrize("path", public_templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_public_template_uses_no_bootstrap_classes(path):
    text = path.read_text()

    assert bootstrap_classes(text) == []
    assert "bootstrap" not in text.lower()


def test_bootstrap_is_neither_installed_nor_served():
    package = json.loads(Path(settings.BASE_DIR, "package.json").read_text())

    assert "bootstrap" not in package["dependencies"]
    assert [p.dist for p in PACKAGES if "bootstrap" in p.dist] == []


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/impressum/", "/verwaltung/login/"])
def test_neither_public_pages_nor_the_admin_link_a_bootstrap_stylesheet(client, path):
    html = client.get(path).content.decode()

    assert "bootstrap" not in html.lower()
