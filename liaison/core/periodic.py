"""Enqueue background jobs every N minutes until SIGTERM/SIGINT (the loop of the scheduler commands)."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Sequence
from typing import Any


def enqueue_periodically(
    jobs: Sequence[Any], *, interval_minutes: float, once: bool, write: Callable[[str], Any]
) -> None:
    """Enqueue each django-tasks job now and then every `interval_minutes`; `once`: one round and return."""
    if interval_minutes <= 0:
        raise ValueError("interval must be a positive number of minutes")
    stopping = False

    def stop(*_args: object) -> None:
        nonlocal stopping
        stopping = True

    if not once:
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
    while True:
        for job in jobs:
            result = job.enqueue()
            write(f"Enqueued {job.name} ({result.id}).")
        if once:
            return
        deadline = time.monotonic() + interval_minutes * 60
        while not stopping and time.monotonic() < deadline:
            time.sleep(min(1.0, interval_minutes * 60))
        if stopping:
            write("Scheduler stopped.")
            return
