"""Odd command-line input: a clear message and a documented exit code, never a silent guess."""

from __future__ import annotations

import pytest

from simulator.cli import main


def test_an_empty_item_in_choices_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--lang", "en", "play", "s01_reminder_young", "--choices", "a,,b"])
    assert code == 2
    assert "--choices has an empty item" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["-1", "0", "many"])
def test_max_states_must_be_a_positive_number(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["analyze", "s01_reminder_young", "--max-states", value])
    assert caught.value.code == 2
    assert "at least 1" in capsys.readouterr().err
