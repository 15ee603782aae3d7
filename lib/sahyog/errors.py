"""The one exception family of Sahyog, so callers and the CLI can catch bad input in one place.

Exit statuses of the ``sahyog`` command (the README's "Bad input" section lists the cases):
``0`` done; ``1`` done, but some articles could not be read or built (each named on stderr);
``2`` nothing done, earlier output kept: bad input, option, parameter, lexicon, output folder or
scheduler, or a run that broke off; ``3`` an internal error (a bug); ``130`` interrupted (Ctrl-C).
"""

from __future__ import annotations

EXIT_OK, EXIT_ARTICLES_FAILED, EXIT_ERROR, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class SahyogError(Exception):
    """Any error Sahyog reports to a user: the message is one line and names what is wrong."""


class InputError(SahyogError, ValueError):
    """An input file (or parameter) that cannot be used; the message names the file and the problem."""

    def __init__(self, source: object, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class RunError(SahyogError):
    """A run that broke off (a cluster lost its workers, an output could not be written)."""


class Interrupted(KeyboardInterrupt):
    """A run stopped by Ctrl-C after cleaning up; the message (one line) says what was kept.

    A ``KeyboardInterrupt``, not an ``Exception``: code that reports errors per article must not
    swallow it."""
