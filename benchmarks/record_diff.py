"""Compare two ``sahyog extract`` JSON Lines files, ignoring keys the new file added.

The safety net of a refactoring: every record of ``BEFORE`` must reappear in ``AFTER`` (same order)
with the same values under every key ``BEFORE`` has; keys only ``AFTER`` has are new fields and are
ignored. Prints each difference with its path in the record and exits 1 if there is any.

Usage::

    python benchmarks/record_diff.py BEFORE.jsonl AFTER.jsonl [--max 50] [--ignore source]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any


def differences(before: Any, after: Any, path: str = "", ignore: frozenset[str] = frozenset()) -> Iterator[str]:
    """Each place where ``after`` differs from ``before``; dict keys only in ``after`` are ignored, and so
    are the keys named in ``ignore`` (at any depth)."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key, value in before.items():
            if key in ignore:
                continue
            if key not in after:
                yield f"{path}.{key}: missing (was {_short(value)})"
            else:
                yield from differences(value, after[key], f"{path}.{key}", ignore)
    elif isinstance(before, list) and isinstance(after, list):
        for i, (b, a) in enumerate(zip(before, after, strict=False)):
            yield from differences(b, a, f"{path}[{i}]", ignore)
        if len(before) != len(after):
            extra = before[len(after) :] or after[len(before) :]
            yield f"{path}: {len(before)} items before, {len(after)} after; first unmatched: {_short(extra[0])}"
    elif before != after or type(before) is not type(after):
        yield f"{path}: {_short(before)} -> {_short(after)}"


def _short(value: Any, width: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[: width - 1] + "…"


def _records(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--max", type=int, default=50, help="print at most this many differences")
    ap.add_argument("--ignore", action="append", default=[], help="a key to leave out of the comparison (repeatable)")
    args = ap.parse_args(argv)
    before, after = _records(args.before), _records(args.after)
    found = list(differences(before, after, "", frozenset(args.ignore)))
    for line in found[: args.max]:
        print(line)
    if len(found) > args.max:
        print(f"... and {len(found) - args.max} more")
    print(f"{args.before} vs {args.after}: {len(before)} records, {len(found)} differences", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
