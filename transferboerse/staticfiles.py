"""Static files from npm packages: only the files the pages use, not whole package folders.

A package's dist folder holds every build (plain, minified, RTL, ES module) with its source maps; serving
all of them made `collectstatic` compress 55 MB for the production stack. The finder names what we load
(and what those files reference: fonts, source maps), so collectstatic and the manifest stay small.
"""

from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.contrib.staticfiles.utils import matches_patterns
from django.core.files.storage import FileSystemStorage


@dataclass(frozen=True)
class Package:
    prefix: str  # where the files appear under STATIC_URL
    dist: str  # the package's folder under node_modules
    files: tuple[str, ...]  # glob patterns relative to dist

    @property
    def root(self) -> Path:
        return Path(settings.BASE_DIR) / "node_modules" / self.dist

    def serves(self, relative: str) -> bool:
        return any(fnmatchcase(relative, pattern) for pattern in self.files)

    def relative_paths(self) -> list[str]:
        return sorted(
            path.relative_to(self.root).as_posix()
            for pattern in self.files
            for path in self.root.glob(pattern)
            if path.is_file()
        )


PACKAGES = (
    Package(
        "vendor/kern",
        "@kern-ux/native/dist",
        ("kern.min.css", "fonts/fira-sans.css", "fonts/fira-sans/*.woff2"),
    ),
    Package("vendor/chart.js", "chart.js/dist", ("chart.umd.min.js", "chart.umd.min.js.map")),
)


class NpmPackageFinder(BaseFinder):
    """Finds the listed files of the npm packages in `PACKAGES` (installed by bin/setup.sh)."""

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        matches = []
        for package in PACKAGES:
            relative = path.removeprefix(package.prefix + "/")
            if relative != path and package.serves(relative) and (package.root / relative).is_file():
                matches.append(str(package.root / relative))
                if not find_all:
                    return matches[0]
        return matches if find_all else []

    def list(self, ignore_patterns):
        for package in PACKAGES:
            storage = FileSystemStorage(location=package.root)
            storage.prefix = package.prefix
            for relative in package.relative_paths():
                if not matches_patterns(relative, ignore_patterns):
                    yield relative, storage
