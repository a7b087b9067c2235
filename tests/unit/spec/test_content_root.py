"""The bundled library is found from a checkout and from an installed wheel."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from simulator import locations
from simulator.spec import library

ROOT = Path(__file__).parents[3]


def test_checkout_finds_the_top_level_folders() -> None:
    assert library.default_content_root() == ROOT


def test_installed_package_finds_its_content(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "site-packages" / "simulator"
    (package / "content" / "scenarios").mkdir(parents=True)
    monkeypatch.setattr(locations, "__file__", str(package / "locations.py"))
    assert locations.default_content_root() == package / "content"


def test_the_wheel_ships_the_content_where_the_lookup_expects_it() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert included == {
        "personas": "simulator/content/personas",
        "scenarios": "simulator/content/scenarios",
    }
