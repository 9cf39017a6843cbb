"""Running rounds on a schedule: durations such as "30m", the loop behind `follow --every`, and
SIGINT/SIGTERM, which let the article in hand finish and then stop."""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Callable

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def seconds(text: str | int | float) -> float:
    """'30m' → 1800; a bare number is minutes."""
    if isinstance(text, int | float):
        return float(text)
    m = _DURATION.match(str(text))
    if not m:
        raise ValueError(f"not a duration: {text!r} (write 45s, 30m, 2h or 1d)")
    return float(m.group(1)) * _UNIT[(m.group(2) or "m").lower()]


def stop_on_signals(stop: threading.Event, say: Callable[[str], None]) -> None:
    """The first SIGINT/SIGTERM asks for a clean stop; a second one stops at once."""

    def handler(signum, _frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        say(f"{signal.Signals(signum).name}: finishing the article in hand, then stopping")

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)


def loop(run: Callable[[], object], every_s: float | None, stop: threading.Event) -> None:
    """One round, or rounds every `every_s` seconds until stopped."""
    while not stop.is_set():
        run()
        if not every_s or stop.wait(every_s):
            return
