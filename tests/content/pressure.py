"""A "pressure-only" trainee: at every turn, the choice that pushes hardest."""

from __future__ import annotations

from simulator.engine import Call, CompiledScenario

PUSHY = (
    "threaten",
    "pressure",
    "demand_payment",
    "false_consequence",
    "insult",
    "sarcasm",
    "expose_privacy",
)


def pressure_path(compiled: CompiledScenario, limit: int = 40) -> list[str]:
    """The choices a pressure-only trainee makes (most pushy tags first, then authored order)."""
    call = Call(compiled)
    path: list[str] = []
    while not call.ended and len(path) < limit:
        offered = call.choices()
        if not offered:
            break
        pick = max(offered, key=lambda c: sum(tag in PUSHY for tag in c.tags))
        path.append(pick.id)
        call.choose(pick.id)
    return path
