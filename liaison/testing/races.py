"""A race where the first call holds its transaction open: does the second wait for it, and see it?"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections, transaction


@dataclass
class HeldRace:
    first: Any  # the first call's return value, or its exception
    second: Any
    waited: float  # seconds the second call took (it starts once the first has written)


def second_meets_open_first(
    first: Callable[[], Any], second: Callable[[], Any], *, hold: float = 0.5
) -> HeldRace:
    """Run `first` in a thread inside a transaction that stays open `hold` seconds after it returns, and
    `second` in another thread as soon as `first` has returned. Each thread closes its connections."""
    wrote, release = threading.Event(), threading.Event()
    results: dict[str, Any] = {}

    def run_first() -> None:
        try:
            with transaction.atomic():
                results["first"] = first()
                wrote.set()
                release.wait(timeout=30)
        except Exception as exc:
            results["first"] = exc
        finally:
            wrote.set()
            connections.close_all()

    def run_second() -> None:
        wrote.wait(timeout=30)
        started = time.monotonic()
        try:
            results["second"] = second()
        except Exception as exc:
            results["second"] = exc
        finally:
            results["waited"] = time.monotonic() - started
            connections.close_all()

    threads = [threading.Thread(target=run_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    wrote.wait(timeout=30)
    time.sleep(hold)  # let the second call reach the row it must wait for
    release.set()
    for thread in threads:
        thread.join(timeout=60)
    if any(t.is_alive() for t in threads):
        raise RuntimeError("a racing thread hung")
    return HeldRace(results.get("first"), results.get("second"), results.get("waited", 0.0))
