"""Partition sizing of ``sahyog corpus``: tasks sized to the input and the number of workers."""

from __future__ import annotations

from sahyog.corpus import MAX_PARTITION, MIN_PARTITION, TASKS_PER_WORKER, auto_partition_size


def test_two_thousand_articles_on_two_workers_make_enough_tasks() -> None:
    size = auto_partition_size(2000, 2)
    tasks = -(-2000 // size)
    assert tasks >= 2 * TASKS_PER_WORKER and size < 200


def test_bounds_and_unknown_size() -> None:
    assert auto_partition_size(50, 2) == MIN_PARTITION  # tiny inputs: overhead per task dominates
    assert auto_partition_size(1_000_000, 2) == MAX_PARTITION  # huge inputs: memory per task is bounded
    assert auto_partition_size(None, 4) == MAX_PARTITION  # a CSV: its length is not known in advance
    assert auto_partition_size(2000, 1) > auto_partition_size(2000, 4)
