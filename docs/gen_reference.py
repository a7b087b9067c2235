"""Regenerate the field, tag, rule and diagnostic-code reference under docs/reference/.

Run from the repository root: `.venv/bin/python docs/gen_reference.py` (`--check` only compares).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import DATA_DIR  # noqa: E402
from simulator.spec.exports.catalogue_reference import render_codes, render_rules, render_tags  # noqa: E402
from simulator.spec.exports.field_reference import render_reference  # noqa: E402
from simulator.spec.loading.loader import load_rubric, load_rulepack  # noqa: E402

REFERENCE_DIR = ROOT / "docs" / "reference"
REGENERATE = ".venv/bin/python docs/gen_reference.py"


def outputs() -> dict[Path, str]:
    """Every generated file and its expected content."""
    rubric = load_rubric(DATA_DIR / "default.rubric.yaml")
    packs = [load_rulepack(DATA_DIR / f"{pack}.rules.yaml") for pack in ("cn", "us")]
    return {
        REFERENCE_DIR / "fields.en.md": render_reference("en"),
        REFERENCE_DIR / "fields.zh.md": render_reference("zh"),
        REFERENCE_DIR / "tags.md": render_tags(rubric),
        REFERENCE_DIR / "rules.md": render_rules(packs),
        REFERENCE_DIR / "codes.md": render_codes(),
    }


def main(argv: list[str]) -> int:
    """Write the files (or, with --check, report the stale ones and exit 1)."""
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if "--check" not in argv:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if "--check" in argv and stale:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}; run {REGENERATE}")
        return 1
    if not stale:
        print("docs/reference is up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
