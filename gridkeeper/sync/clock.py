"""Hybrid logical clock (Kulkarni et al.): wall milliseconds, a counter, the device id.

Timestamps are encoded as fixed-width text so that SQLite's text order is the
clock's order: "000001764236400000.00000.<device-id>". The change log keeps
the time part ("000001764236400000.00000") and the device id in two columns.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Callable

from gridkeeper import clock as app_clock

#: A remote clock further ahead than this is reported and not followed.
MAX_DRIFT_MS = 24 * 60 * 60 * 1000
_COUNTER_MAX = 99_999


def wall_ms() -> int:
    # The machine's real time, not the app's moved "now": it is checked against file times the
    # operating system writes on the share, which a moved test clock does not move.
    return app_clock.machine_ms()


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    device_id: str

    def encode(self) -> str:
        return f"{self.wall_ms:018d}.{self.counter:05d}.{self.device_id}"

    def encode_time(self) -> str:
        return f"{self.wall_ms:018d}.{self.counter:05d}"

    @classmethod
    def decode(cls, text: str, device_id: str = "") -> Timestamp:
        """Full "wall.counter.device", or "wall.counter" with the device passed apart."""
        if text.count(".") == 1:
            wall, counter = text.split(".")
            return cls(int(wall), int(counter), device_id)
        wall, counter, device = text.split(".", 2)
        return cls(int(wall), int(counter), device)


class ClockSkew(Exception):
    """A remote timestamp is further ahead of our wall clock than MAX_DRIFT_MS."""

    def __init__(self, remote: Timestamp, ahead_ms: int) -> None:
        super().__init__(f"remote clock of {remote.device_id} is {ahead_ms} ms ahead")
        self.remote = remote
        self.ahead_ms = ahead_ms


class HybridClock:
    """Monotonic per device even when the wall clock steps back; thread-safe."""

    def __init__(
        self,
        device_id: str,
        last: Timestamp | None = None,
        now_ms: Callable[[], int] = wall_ms,
    ) -> None:
        self.device_id = device_id
        self._now_ms = now_ms
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self._lock = threading.Lock()

    def now(self) -> Timestamp:
        """A timestamp for a local event, greater than every one seen before."""
        with self._lock:
            return self._tick()

    def _tick(self) -> Timestamp:
        physical = self._now_ms()
        if physical > self._wall:
            self._wall, self._counter = physical, 0
        else:
            self._bump()
        return Timestamp(self._wall, self._counter, self.device_id)

    def reserve(self, count: int) -> Timestamp:
        """The first of `count` consecutive local timestamps, all greater than every one seen
        before; the clock moves on to the last. Consecutive as _bump counts: the counter goes
        up by one, and past 99,999 on into the next millisecond, so the k-th one (from 0) is
        (wall + (counter + k) // 100000, (counter + k) % 100000). For bulk writes that log
        many rows in one statement (capture.insert_logged)."""
        with self._lock:
            first = self._tick()
            total = first.counter + max(count, 1) - 1
            self._wall = first.wall_ms + total // (_COUNTER_MAX + 1)
            self._counter = total % (_COUNTER_MAX + 1)
            return first

    def observe(self, remote: Timestamp, reference_ms: int | None = None) -> Timestamp:
        """Merge a received timestamp; refuse (ClockSkew) one too far in the future.

        `reference_ms` is a third clock that vouches for the remote one (the
        shared folder's file time): when our own wall clock is the one that is
        wrong, the bound is measured from it instead.
        """
        with self._lock:
            physical = self._now_ms()
            ahead = remote.wall_ms - max(physical, reference_ms or 0)
            if ahead > MAX_DRIFT_MS:
                raise ClockSkew(remote, ahead)
            top = max(physical, self._wall, remote.wall_ms)
            if top == self._wall and top == remote.wall_ms:
                self._counter = max(self._counter, remote.counter)
                self._bump()
            elif top == self._wall:
                self._bump()
            elif top == remote.wall_ms:
                self._wall, self._counter = top, remote.counter
                self._bump()
            else:
                self._wall, self._counter = top, 0
            return Timestamp(self._wall, self._counter, self.device_id)

    def _bump(self) -> None:
        if self._counter >= _COUNTER_MAX:  # 100k events in one ms: borrow the next ms
            self._wall += 1
            self._counter = 0
        else:
            self._counter += 1
