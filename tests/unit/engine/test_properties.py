"""Properties over every bundled scenario: random play never crashes, always ends, and replays."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import DATA_DIR
from simulator.engine import Call, CompiledScenario, compile_scenario, replay
from simulator.engine.state import initial, step
from simulator.spec.library import default_content_root, load_library
from simulator.transcript import SILENCE, Transcript

MAX_TURNS = 200


@cache
def library_calls() -> tuple[CompiledScenario, ...]:
    library = load_library(default_content_root(), data_dirs=(DATA_DIR,))
    return tuple(
        compile_scenario(s, library.personas[s.persona])
        for s in sorted(library.scenarios.values(), key=lambda s: s.id)
    )


def _play(compiled: CompiledScenario, seed: int, picks: list[int], shuffle: bool) -> Call:
    call = Call(compiled, seed=seed, shuffle=shuffle)
    for pick in picks:
        if call.ended:
            break
        offered = call.choices()
        index = pick % (len(offered) + 1)
        call.choose(offered[index].id if index < len(offered) else SILENCE)
    return call


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.integers(min_value=0),
    seed=st.integers(min_value=0, max_value=2**32),
    picks=st.lists(st.integers(min_value=0, max_value=50), min_size=MAX_TURNS, max_size=MAX_TURNS),
    shuffle=st.booleans(),
)
def test_random_play_always_ends_and_replays(
    which: int, seed: int, picks: list[int], shuffle: bool
) -> None:
    scenarios = library_calls()
    compiled = scenarios[which % len(scenarios)]
    call = _play(compiled, seed, picks, shuffle)
    assert call.ended, (
        f"{compiled.scenario.id}: still going after {MAX_TURNS} actions at {call.state.node}"
    )
    transcript = call.transcript()
    assert transcript.status == "completed" and transcript.ending is not None
    assert Transcript.from_json(transcript.to_json()) == transcript
    assert replay(compiled, seed, transcript.actions, shuffle=shuffle) == transcript


@settings(max_examples=80, deadline=None)
@given(
    which=st.integers(min_value=0),
    picks=st.lists(st.integers(min_value=0, max_value=50), min_size=60, max_size=60),
)
def test_machine_and_pure_step_agree(which: int, picks: list[int]) -> None:
    """The transitions machine and the pure step (used by the analysis) take the same path."""
    scenarios = library_calls()
    compiled = scenarios[which % len(scenarios)]
    call = Call(compiled)
    state, _ = initial(compiled)
    for pick in picks:
        if call.ended:
            break
        offered = call.choices()
        index = pick % (len(offered) + 1)
        action = offered[index].id if index < len(offered) else SILENCE
        call.choose(action)
        state, _ = step(compiled, state, action)
        assert state == call.state
    assert call.ended == state.ended


@settings(max_examples=40, deadline=None)
@given(which=st.integers(min_value=0), seed=st.integers(min_value=0, max_value=1000))
def test_seed_never_changes_what_is_offered(which: int, seed: int) -> None:
    """Randomness changes wording and order only: the same choices exist and lead to the same place."""
    scenarios = library_calls()
    compiled = scenarios[which % len(scenarios)]
    a, b = Call(compiled, seed=seed, shuffle=True), Call(compiled, seed=seed + 1, shuffle=True)
    for _ in range(8):
        if a.ended:
            break
        assert {c.id for c in a.choices()} == {c.id for c in b.choices()}
        first = sorted(c.id for c in a.choices())[0]
        a.choose(first)
        b.choose(first)
        assert a.state == b.state
