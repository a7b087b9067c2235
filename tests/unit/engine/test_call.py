from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from simulator.engine import Call, ChoiceUnavailable, CompiledScenario, compile_scenario, replay
from simulator.engine.compiled import speech_seconds
from simulator.spec.loading.loader import load_persona, load_scenario
from simulator.transcript import SILENCE, Transcript

TINY = Path(__file__).parents[2] / "fixtures" / "content"


@pytest.fixture(scope="module")
def compiled() -> CompiledScenario:
    persona = load_persona(TINY / "personas" / "tiny_debtor.persona.yaml")
    scenario = load_scenario(TINY / "scenarios" / "tiny_call.scenario.yaml")
    return compile_scenario(scenario, persona)


def test_opening_line_and_choices(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    assert call.debtor_line == "喂?哪位?"
    assert [c.id for c in call.choices()] == ["verify", "threaten"]
    assert call.state.party == "unknown" and not call.state.verified


def test_choice_moves_state_and_records_turns(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    turns = call.choose("verify")
    assert [t.speaker for t in turns] == ["agent", "debtor"]
    assert turns[0].tags == ("identify_self", "give_employee_id", "verify_identity")
    assert turns[1].text == "是我，什么事？"
    assert call.state.verified and call.state.party == "debtor"
    assert turns[1].verified and not turns[0].verified


def test_mood_branch_depends_on_reactions(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    call.choose("verify")
    call.choose("empathize")  # trust 3 + 2 = 5 -> ptp branch
    assert call.transcript().ending is not None
    assert call.transcript().ending.id == "ptp"  # type: ignore[union-attr]


def test_threshold_ends_call_from_any_state(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    turns = call.choose("threaten")  # patience 5 - 5 = 0 -> hung_up
    assert call.ended
    assert turns[-1].event == "threshold"
    ending = call.transcript().ending
    assert ending is not None and ending.id == "hung_up" and ending.ended_by == "debtor"


def test_silence_lowers_patience_and_can_hang_up(compiled: CompiledScenario) -> None:
    call = Call(compiled, seed=2)
    turns = call.silence()
    assert turns[0].tags == ("dead_air",) and turns[0].event == "silence"
    assert call.state.mood[0] == 3 and not call.ended
    call.silence()
    call.silence()
    assert call.ended and call.state.ending == "hung_up"


def test_mood_band_variant(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    call.silence()
    call.silence()  # patience 1
    turns = call.choose("verify")
    assert turns[-1].text == "又是你们？烦不烦！"


def test_unavailable_choice_lists_valid_ids(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    with pytest.raises(ChoiceUnavailable) as info:
        call.choose("empathize")
    assert info.value.valid == ("verify", "threaten")


def test_no_choice_after_the_end(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    call.choose("threaten")
    assert call.choices() == ()
    with pytest.raises(ChoiceUnavailable):
        call.choose("verify")


def test_deterministic_replay_and_round_trip(compiled: CompiledScenario) -> None:
    call = Call(compiled, seed=11, shuffle=True)
    call.silence()
    call.choose("verify")
    call.choose("demand")
    transcript = call.transcript()
    assert transcript.actions == (SILENCE, "verify", "demand")
    assert replay(compiled, 11, transcript.actions, shuffle=True) == transcript
    assert Transcript.from_json(transcript.to_json()) == transcript


def test_seed_changes_wording_and_order_only(compiled: CompiledScenario) -> None:
    wordings = set()
    orders = set()
    endings = set()
    for seed in range(30):
        call = Call(compiled, seed=seed, shuffle=True)
        orders.add(tuple(c.id for c in call.choices()))
        wordings.add(call.silence()[-1].text)
        call.choose("verify")
        call.choose("empathize")
        endings.add(call.state.ending)
    assert wordings == {"喂?你还在吗?", "喂?"}
    assert len(orders) == 2
    assert endings == {"ptp"}  # silence costs patience, not trust: the same outcome for every seed


def test_clock_advances_by_speaking_time(compiled: CompiledScenario) -> None:
    call = Call(compiled)
    first = call.turns[0]
    turns = call.choose("verify")
    assert first.at == dt.datetime.fromisoformat("2026-03-12T10:20:00+08:00")
    assert turns[0].at == first.at + dt.timedelta(seconds=first.seconds)
    assert turns[1].at == turns[0].at + dt.timedelta(seconds=turns[0].seconds)


@pytest.mark.parametrize(
    ("text", "locale", "seconds"),
    [
        ("", "zh-CN", 0.0),
        ("好", "zh-CN", 1.0),
        ("一二三四五六七八九", "zh-CN", 2.0),
        ("one two three four five", "en-US", 2.0),
    ],
)
def test_speech_seconds(text: str, locale: str, seconds: float) -> None:
    assert speech_seconds(text, locale) == seconds


def test_content_hash_detects_changes(compiled: CompiledScenario) -> None:
    changed = compiled.scenario.model_copy(update={"title": "另一个标题"})
    assert compile_scenario(changed, compiled.persona).content_hash != compiled.content_hash


def test_round_trip_keeps_mood_order_whatever_the_key_names(compiled: CompiledScenario) -> None:
    persona = compiled.persona.model_copy(update={"mood": {"patience": 5, "trust": 3, "anger": 2}})
    anger_first = compile_scenario(compiled.scenario, persona)
    call = Call(anger_first, seed=4)
    call.choose("verify")
    transcript = call.transcript()
    assert transcript.turns[0].mood == (("patience", 5), ("trust", 3), ("anger", 2))
    assert Transcript.from_json(transcript.to_json()) == transcript


def test_the_machine_is_where_the_call_state_is(compiled: CompiledScenario) -> None:
    """The machine is moved by the choice's branch and by the threshold that hangs up."""
    from simulator.engine.machine import CallMachine
    from simulator.engine.state import initial

    machine = CallMachine(compiled, initial(compiled)[0])
    choice = compiled.nodes["opening"].index["verify"]
    beats = machine.choose(choice)
    assert machine.node == machine.state.node == "verified"
    assert [b.speaker for b in beats] == ["agent", "debtor"]
    machine.silence()
    assert machine.node == machine.state.node == "verified"
    machine.silence()
    machine.silence()
    assert machine.state.ending == "hung_up" and machine.node == "hung_up"


@pytest.mark.parametrize("name", ["state", "trigger", "speak", "node", "is_verified"])
def test_a_choice_may_be_named_like_a_model_attribute(tmp_path: Path, name: str) -> None:
    """Choice ids become triggers; none may clash with what transitions keeps on its model."""
    text = (TINY / "scenarios" / "tiny_call.scenario.yaml").read_text(encoding="utf-8")
    path = tmp_path / "tiny_call.scenario.yaml"
    path.write_text(text.replace("id: verify\n", f"id: {name}\n"), encoding="utf-8")
    persona = load_persona(TINY / "personas" / "tiny_debtor.persona.yaml")
    call = Call(compile_scenario(load_scenario(path), persona))
    call.choose(name)
    call.choose("empathize")
    assert call.state.ending == "ptp"


def test_unknown_transcript_version_is_refused() -> None:
    from simulator.transcript import TranscriptError

    with pytest.raises(TranscriptError, match="schema_version"):
        Transcript.from_json('{"schema_version": 99}')
    with pytest.raises(TranscriptError, match="malformed"):
        Transcript.from_json('{"schema_version": 1, "scenario": "x"}')


def test_the_content_hash_covers_the_rubric_and_the_rule_pack() -> None:
    from scoring.rubric import load_bundled_pack, load_default_rubric
    from simulator.engine import content_hash
    from simulator.spec.loading.loader import load_persona, load_scenario

    fixtures = Path(__file__).parents[2] / "fixtures" / "content"
    scenario = load_scenario(fixtures / "scenarios" / "tiny_call.scenario.yaml")
    persona = load_persona(fixtures / "personas" / "tiny_debtor.persona.yaml")
    rubric, pack = load_default_rubric(), load_bundled_pack("cn")
    base = content_hash(scenario, persona, (rubric, pack))
    assert base != content_hash(scenario, persona)
    softer = pack.model_copy(update={"max_major": pack.max_major + 1})
    assert content_hash(scenario, persona, (rubric, softer)) != base
    tag = rubric.tags["thank"]
    richer = rubric.model_copy(
        update={"tags": {**rubric.tags, "thank": tag.model_copy(update={"points": {"empathy": 9}})}}
    )
    assert content_hash(scenario, persona, (richer, pack)) != base
    assert content_hash(scenario, persona, (rubric, pack)) == base
