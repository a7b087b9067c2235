"""The condition grammar of `when:` fields, parsed by our own code (never `eval`).

    expr    := or
    or      := and ("or" and)*
    and     := not ("and" not)*
    not     := "not" not | compare
    compare := atom (("<" | "<=" | ">" | ">=" | "==" | "!=") atom)?
    atom    := NUMBER | NAME | "true" | "false" | "(" expr ")"

A NAME is a mood variable (a number 0..10), a flag (true/false; unset is false) or `verified`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from simulator.spec.messages import phrase
from simulator.wording import Text

Env = Mapping[str, int | bool]
Predicate = Callable[[Env], bool]

_TOKEN = re.compile(
    r"\s*(?:(?P<num>-?\d+)|(?P<name>[A-Za-z_][A-Za-z0-9_]*)|(?P<op><=|>=|==|!=|<|>)|(?P<paren>[()]))"
)
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}
_KEYWORDS = {"and", "or", "not", "true", "false"}


class ConditionError(ValueError):
    """A condition that does not parse; `column` is 1-based within the condition text."""

    def __init__(self, problem: Text, column: int) -> None:
        super().__init__(problem.render("en"))
        self.problem = problem
        """What is wrong, in both languages (a `PHRASES` entry)."""
        self.column = column


@dataclass(frozen=True)
class Token:
    """A lexical token with its 1-based column."""

    kind: str
    text: str
    column: int


@dataclass(frozen=True)
class Condition:
    """A parsed condition: its source, the names it reads and the compiled predicate."""

    source: str
    names: frozenset[str]
    predicate: Predicate

    def __call__(self, env: Env) -> bool:
        """Evaluate against mood values and flags."""
        return self.predicate(env)


def tokenize(text: str) -> list[Token]:
    """Split a condition into tokens, or raise ConditionError at the first bad character."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            bad = pos + (len(text[pos:]) - len(text[pos:].lstrip()))
            raise ConditionError(phrase("cond.bad_char", char=text[bad]), bad + 1)
        kind = match.lastgroup or ""
        value = match.group(kind)
        tokens.append(Token(kind, value, match.start(kind) + 1))
        pos = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


class _Parser:
    """Recursive-descent parser producing closures."""

    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.pos = 0
        self.names: set[str] = set()

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Callable[[Env], int | bool]:
        node = self.parse_or()
        token = self.peek()
        if token.kind != "end":
            raise ConditionError(phrase("cond.trailing", token=token.text), token.column)
        return node

    def parse_or(self) -> Callable[[Env], int | bool]:
        parts = [self.parse_and()]
        while self.peek().text == "or":
            self.take()
            parts.append(self.parse_and())
        if len(parts) == 1:
            return parts[0]
        return lambda env: any(bool(p(env)) for p in parts)

    def parse_and(self) -> Callable[[Env], int | bool]:
        parts = [self.parse_not()]
        while self.peek().text == "and":
            self.take()
            parts.append(self.parse_not())
        if len(parts) == 1:
            return parts[0]
        return lambda env: all(bool(p(env)) for p in parts)

    def parse_not(self) -> Callable[[Env], int | bool]:
        if self.peek().text == "not":
            self.take()
            inner = self.parse_not()
            return lambda env: not inner(env)
        return self.parse_compare()

    def parse_compare(self) -> Callable[[Env], int | bool]:
        left = self.parse_atom()
        token = self.peek()
        if token.kind == "op":
            self.take()
            right = self.parse_atom()
            compare = _COMPARE[token.text]
            return lambda env: compare(int(left(env)), int(right(env)))
        return left

    def parse_atom(self) -> Callable[[Env], int | bool]:
        token = self.take()
        if token.kind == "num":
            value = int(token.text)
            return lambda env: value
        if token.kind == "name":
            if token.text in ("true", "false"):
                flag = token.text == "true"
                return lambda env: flag
            if token.text in _KEYWORDS:
                raise ConditionError(phrase("cond.keyword", token=token.text), token.column)
            name = token.text
            self.names.add(name)
            return lambda env: env.get(name, False)
        if token.text == "(":
            inner = self.parse_or()
            closing = self.take()
            if closing.text != ")":
                raise ConditionError(phrase("cond.paren"), closing.column)
            return inner
        if token.kind == "end":
            raise ConditionError(phrase("cond.early_end"), token.column)
        raise ConditionError(phrase("cond.unexpected", token=token.text), token.column)


def parse_condition(text: str) -> Condition:
    """Parse a condition; raise ConditionError (with a 1-based column) when it is malformed."""
    parser = _Parser(text)
    node = parser.parse()
    return Condition(text, frozenset(parser.names), lambda env: bool(node(env)))
