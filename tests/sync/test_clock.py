"""The hybrid logical clock: monotonic per device, bounded trust in remote clocks."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridkeeper.sync.clock import MAX_DRIFT_MS, ClockSkew, HybridClock, Timestamp

T0 = 1_764_236_400_000  # 2025-11-27, in ms


class FakeWall:
    """A wall clock the test sets by hand."""

    def __init__(self, ms: int = T0) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_now_follows_the_wall_clock_when_it_moves_forward() -> None:
    wall = FakeWall()
    clock = HybridClock("dev-a", now_ms=wall)
    assert clock.now() == Timestamp(T0, 0, "dev-a")
    wall.ms += 5
    assert clock.now() == Timestamp(T0 + 5, 0, "dev-a")


def test_monotonic_when_the_wall_clock_stands_still() -> None:
    clock = HybridClock("dev-a", now_ms=FakeWall())
    stamps = [clock.now() for _ in range(50)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 50
    assert {s.wall_ms for s in stamps} == {T0}
    assert [s.counter for s in stamps] == list(range(50))


def test_monotonic_when_the_wall_clock_steps_back() -> None:
    wall = FakeWall()
    clock = HybridClock("dev-a", now_ms=wall)
    a = clock.now()
    wall.ms -= 60 * 60 * 1000  # NTP corrects the laptop clock an hour back
    b = clock.now()
    c = clock.now()
    assert a < b < c
    assert (b.wall_ms, b.counter) == (T0, 1)
    wall.ms = T0 + 1  # once the wall clock is past the last time again, it is followed
    assert clock.now() == Timestamp(T0 + 1, 0, "dev-a")


def test_resumes_after_the_last_timestamp_it_is_given() -> None:
    last = Timestamp(T0 + 10_000, 42, "")
    clock = HybridClock("dev-a", last, now_ms=FakeWall(T0))  # wall clock behind the log
    assert clock.now() == Timestamp(T0 + 10_000, 43, "dev-a")


def test_observe_of_a_remote_ahead_moves_past_it() -> None:
    wall = FakeWall()
    clock = HybridClock("dev-a", now_ms=wall)
    clock.now()
    remote = Timestamp(T0 + 5_000, 7, "dev-b")
    seen = clock.observe(remote)
    assert seen > remote
    assert seen == Timestamp(T0 + 5_000, 8, "dev-a")
    after = clock.now()  # the wall clock has not caught up: the counter carries on
    assert after == Timestamp(T0 + 5_000, 9, "dev-a")
    assert after > remote


def test_observe_of_a_remote_behind_still_ticks() -> None:
    wall = FakeWall()
    clock = HybridClock("dev-a", now_ms=wall)
    mine = clock.now()
    seen = clock.observe(Timestamp(T0 - 1_000, 99, "dev-b"))
    assert seen > mine and seen.wall_ms == T0


def test_observe_at_the_same_wall_time_takes_the_higher_counter() -> None:
    clock = HybridClock("dev-a", Timestamp(T0, 3, "dev-a"), now_ms=FakeWall(T0))
    assert clock.observe(Timestamp(T0, 10, "dev-b")) == Timestamp(T0, 11, "dev-a")
    assert clock.observe(Timestamp(T0, 2, "dev-b")) == Timestamp(T0, 12, "dev-a")


def test_a_remote_too_far_ahead_is_refused_and_not_followed() -> None:
    wall = FakeWall()
    clock = HybridClock("dev-a", now_ms=wall)
    before = clock.now()
    remote = Timestamp(T0 + MAX_DRIFT_MS + 1, 0, "dev-b")
    with pytest.raises(ClockSkew) as info:
        clock.observe(remote)
    assert info.value.remote == remote
    assert info.value.ahead_ms == MAX_DRIFT_MS + 1
    assert "dev-b" in str(info.value)
    assert clock.now() == Timestamp(T0, before.counter + 1, "dev-a")  # not moved


def test_a_remote_exactly_at_the_bound_is_followed() -> None:
    clock = HybridClock("dev-a", now_ms=FakeWall())
    remote = Timestamp(T0 + MAX_DRIFT_MS, 0, "dev-b")
    assert clock.observe(remote) == Timestamp(T0 + MAX_DRIFT_MS, 1, "dev-a")


def test_the_drift_bound_is_about_a_day() -> None:
    assert 60 * 60 * 1000 <= MAX_DRIFT_MS <= 7 * 24 * 60 * 60 * 1000


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock("dev-a", Timestamp(T0, 99_998, "dev-a"), now_ms=FakeWall(T0))
    a, b, c = clock.now(), clock.now(), clock.now()
    assert a == Timestamp(T0, 99_999, "dev-a")
    assert b == Timestamp(T0 + 1, 0, "dev-a")
    assert c == Timestamp(T0 + 1, 1, "dev-a")
    assert a.encode() < b.encode() < c.encode()
    assert all(len(t.encode_time()) == 24 for t in (a, b, c))  # still five counter digits


def test_observe_overflow_borrows_too() -> None:
    clock = HybridClock("dev-a", now_ms=FakeWall(T0))
    seen = clock.observe(Timestamp(T0, 99_999, "dev-b"))
    assert seen == Timestamp(T0 + 1, 0, "dev-a")


def test_encoding_is_fixed_width() -> None:
    t = Timestamp(T0, 7, "3f0c")
    assert t.encode() == f"{T0:018d}.00007.3f0c"
    assert t.encode_time() == f"{T0:018d}.00007"
    assert Timestamp.decode(t.encode_time(), "3f0c") == t
    assert Timestamp.decode(t.encode_time()) == Timestamp(T0, 7, "")


walls = st.integers(min_value=0, max_value=10**18 - 1)
counters = st.integers(min_value=0, max_value=99_999)
devices = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40
)  # uuid4 text in practice; anything printable must still round-trip (dots included)
timestamps = st.builds(Timestamp, walls, counters, devices)


@settings(max_examples=300, deadline=None)
@given(timestamps)
def test_encode_decode_round_trip(t: Timestamp) -> None:
    assert Timestamp.decode(t.encode()) == t
    assert Timestamp.decode(t.encode_time(), t.device_id) == t


@settings(max_examples=300, deadline=None)
@given(timestamps, timestamps)
def test_text_order_is_timestamp_order(a: Timestamp, b: Timestamp) -> None:
    assert (a < b) == (a.encode() < b.encode())
    assert (a == b) == (a.encode() == b.encode())
    if a.device_id == b.device_id:
        assert ((a.wall_ms, a.counter) < (b.wall_ms, b.counter)) == (a.encode_time() < b.encode_time())


@settings(max_examples=50, deadline=None)
@given(st.lists(timestamps, min_size=2, max_size=30))
def test_sqlite_orders_encoded_timestamps_like_the_clock(stamps: list[Timestamp]) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (hlc TEXT)")
    db.executemany("INSERT INTO t VALUES (?)", [(s.encode(),) for s in stamps])
    ordered = [Timestamp.decode(r[0]) for r in db.execute("SELECT hlc FROM t ORDER BY hlc")]
    db.close()
    assert ordered == sorted(stamps)


# Steps: ("tick", wall delta) for a local event, ("recv", remote offset, counter) for a message.
steps = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.integers(min_value=-5_000, max_value=5_000)),
        st.tuples(
            st.just("recv"),
            st.integers(min_value=-10_000, max_value=MAX_DRIFT_MS),
            st.integers(min_value=0, max_value=99_999),
        ),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(steps)
def test_every_timestamp_is_greater_than_all_before_it(script: list[tuple[object, ...]]) -> None:
    wall = FakeWall()
    clock = HybridClock("dev-a", now_ms=wall)
    last = clock.now()
    for step in script:
        if step[0] == "tick":
            wall.ms += int(step[1])  # type: ignore[call-overload]
            t = clock.now()
        else:
            remote = Timestamp(wall.ms + int(step[1]), int(step[2]), "dev-b")  # type: ignore[call-overload]
            t = clock.observe(remote)
            assert t > remote
        assert t > last
        assert t.device_id == "dev-a"
        assert t.encode() > last.encode()
        last = t
