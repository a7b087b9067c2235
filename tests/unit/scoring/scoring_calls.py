"""A tiny builder of hand-made transcripts for the scoring tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from simulator.transcript import EndedBy, Ending, Event, Transcript, Turn

CST = dt.timezone(dt.timedelta(hours=8))
T0 = dt.datetime(2026, 3, 12, 10, 20, tzinfo=CST)


def agent(
    *tags: str,
    party: str = "debtor",
    verified: bool = True,
    flags: tuple[str, ...] = (),
    seconds: float = 4.0,
    text: str = "",
    node: str = "n",
    choice: str | None = "c",
    event: Event = "choice",
    mood: dict[str, int] | None = None,
) -> Turn:
    """A trainee turn (index and time are filled in by `call`)."""
    return Turn(
        index=0,
        speaker="agent",
        event=event,
        text=text or " ".join(tags),
        node=node,
        choice=choice,
        tags=tags,
        mood=tuple((mood or {}).items()),
        party=party,
        verified=verified,
        flags=flags,
        at=T0,
        seconds=seconds,
    )


def silence(
    *,
    party: str = "debtor",
    verified: bool = True,
    flags: tuple[str, ...] = (),
    node: str = "n",
    mood: dict[str, int] | None = None,
) -> Turn:
    """A trainee silence: tag dead_air, no text, 8 s of dead air."""
    turn = agent(
        "dead_air", party=party, verified=verified, flags=flags, node=node, mood=mood, seconds=8.0
    )
    return replace(turn, event="silence", text="", choice=None)


def debtor(
    *,
    party: str = "debtor",
    verified: bool = True,
    flags: tuple[str, ...] = (),
    seconds: float = 2.0,
    text: str = "嗯。",
    node: str = "n",
    event: Event = "line",
    mood: dict[str, int] | None = None,
) -> Turn:
    """A debtor turn."""
    return Turn(
        index=0,
        speaker="debtor",
        event=event,
        text=text,
        node=node,
        choice=None,
        tags=(),
        mood=tuple((mood or {}).items()),
        party=party,
        verified=verified,
        flags=flags,
        at=T0,
        seconds=seconds,
    )


def call(
    *turns: Turn,
    outcome: str | None = "promise_to_pay",
    ended_by: EndedBy = "mutual",
    at: dt.datetime = T0,
    ending: str = "end",
) -> Transcript:
    """A transcript of these turns: indices in order, times accumulated from `at`.

    `outcome=None` makes an abandoned call (no ending).
    """
    placed: list[Turn] = []
    clock = at
    for index, turn in enumerate(turns):
        placed.append(replace(turn, index=index, at=clock))
        clock += dt.timedelta(seconds=turn.seconds)
    last = Ending(ending, outcome, ended_by) if outcome is not None else None
    return Transcript(
        scenario="hand_made",
        persona="nobody",
        locale="zh-CN",
        content_hash="0" * 16,
        seed=0,
        dialed_at=at,
        turns=tuple(placed),
        ending=last,
        status="completed" if last else "abandoned",
    )


def opening(*extra: str) -> list[Turn]:
    """A compliant CN opening: hello, identify + 工号 + verification, the debtor confirms."""
    return [
        debtor(party="unknown", verified=False, text="喂？哪位？"),
        agent(
            "identify_self",
            "give_employee_id",
            "verify_identity",
            *extra,
            party="unknown",
            verified=False,
        ),
        debtor(text="是我，什么事？"),
    ]


def clean_cn() -> list[Turn]:
    """A CN call that breaks no rule: opening, purpose at once, a complete promise read back."""
    return [
        *opening(),
        agent("state_purpose", "disclose_account", "specific_amount"),
        debtor(),
        agent("specific_date", "payment_channel", "summarize"),
        debtor(text="好的。"),
    ]


def clean_us() -> list[Turn]:
    """A US call that breaks no rule."""
    return [
        debtor(party="unknown", verified=False, text="Hello?"),
        agent("identify_self", "verify_identity", party="unknown", verified=False),
        debtor(text="Speaking."),
        agent("mini_miranda", "disclose_account", "demand_payment"),
        debtor(text="OK."),
    ]
