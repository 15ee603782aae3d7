"""The one exception family of Sahyog, so callers and the CLI can catch bad input in one place."""

from __future__ import annotations


class SahyogError(Exception):
    """Any error Sahyog reports to a user: the message is one line and names what is wrong."""


class InputError(SahyogError, ValueError):
    """An input file (or parameter) that cannot be used; the message names the file and the problem."""

    def __init__(self, source: object, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")
