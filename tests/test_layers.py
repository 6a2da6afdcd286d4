"""The apps form layers (docs/architecture.md): the import-linter contract in pyproject.toml covers every
app of the project, and no app imports one above it."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from importlinter.cli import lint_imports

CONFIG = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())["tool"]["importlinter"]


def test_every_app_of_the_project_is_a_layer_of_the_contract():
    base = Path(settings.BASE_DIR)
    own_apps = {config.name.split(".")[0] for config in apps.get_app_configs() if Path(config.path).parent == base}
    (contract,) = CONFIG["contracts"]
    layers = [name.strip() for layer in contract["layers"] for name in layer.split("|")]

    assert contract["type"] == "layers"
    assert sorted(CONFIG["root_packages"]) == sorted(own_apps | {"transferboerse"})
    assert sorted(layers) == sorted(CONFIG["root_packages"])


def test_no_app_imports_a_higher_layer():
    config = str(Path(settings.BASE_DIR) / "pyproject.toml")

    assert lint_imports(config_filename=config, no_cache=True, no_logo=True) == 0
