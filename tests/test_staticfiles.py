"""Of each npm package only the files the pages load are served and collected."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders

from transferboerse.staticfiles import PACKAGES

STATIC_REFERENCE = re.compile(r"""{% static ['"](vendor/[^'"]+)['"] %}""")


def test_every_listed_file_pattern_matches_a_file_of_the_installed_package():
    for package in PACKAGES:
        for pattern in package.files:
            assert list(package.root.glob(pattern)), f"{package.dist}/{pattern} fehlt: npm ci (bin/setup.sh)"


def test_every_vendor_file_a_template_loads_is_found():
    referenced = {
        path
        for template in Path(settings.BASE_DIR, "templates").rglob("*.html")
        for path in STATIC_REFERENCE.findall(template.read_text())
    }

    assert referenced
    assert [path for path in sorted(referenced) if not finders.find(path)] == []


def test_builds_and_source_maps_the_pages_do_not_load_are_not_served():
    assert finders.find("vendor/kern/kern.min.css")
    for unused in ("vendor/chart.js/chart.cjs", "vendor/kern/kern.css", "vendor/kern/kern-grid.css",
                   "vendor/kern/fonts/noto-sans.css"):  # fmt: skip
        assert not finders.find(unused), unused


def test_collectstatic_collects_of_the_packages_only_stylesheets_fonts_scripts_and_their_maps():
    collected = {
        f"{storage.prefix}/{path}" if getattr(storage, "prefix", None) else path
        for finder in finders.get_finders()
        for path, storage in finder.list([])
    }

    vendor = {path for path in collected if path.startswith("vendor/")}
    assert {path.split("/")[1] for path in vendor} == {"kern", "chart.js"}
    assert {Path(path).suffix for path in vendor} == {".css", ".woff2", ".js", ".map"}
