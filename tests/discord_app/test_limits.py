"""Rate limits and caches: correct with a hand-moved clock, and bounded in memory."""

from __future__ import annotations

import pytest

from bot.discord_app.limits import LRU, QuestionLimits, RateLimiter, Verdict

from .conftest import FakeClock


def test_lru_keeps_the_most_recent() -> None:
    lru: LRU[int, str] = LRU(3)
    for n in range(5):
        lru.put(n, str(n))
    assert len(lru) == 3 and 0 not in lru and 1 not in lru
    lru.get(2)  # used: now the most recent
    lru.put(5, "5")
    assert 2 in lru and 3 not in lru
    with pytest.raises(ValueError):
        LRU(0)


def test_burst_then_one_per_interval() -> None:
    clock = FakeClock()
    limiter = RateLimiter(5, 30, max_keys=100, clock=clock)
    for _ in range(5):
        assert limiter.retry_after("u") == 0
        limiter.consume("u")
    assert limiter.retry_after("u") == pytest.approx(6.0)
    clock.advance(5.9)
    assert limiter.retry_after("u") == pytest.approx(0.1)
    clock.advance(0.1)
    assert limiter.retry_after("u") == 0
    limiter.consume("u")
    assert limiter.retry_after("u") == pytest.approx(6.0)
    clock.advance(30)
    for _ in range(5):  # a full burst again after a quiet period
        assert limiter.retry_after("u") == 0
        limiter.consume("u")
    assert limiter.retry_after("other") == 0


def test_limiter_memory_is_bounded() -> None:
    limiter = RateLimiter(1, 60, max_keys=50, clock=FakeClock())
    for key in range(10_000):
        limiter.consume(key)
    assert len(limiter) == 50


def test_user_and_channel_limits_together() -> None:
    clock = FakeClock()
    limits = QuestionLimits(
        user_rate=2, user_per=10, channel_rate=3, channel_per=30, max_keys=100, clock=clock
    )
    assert limits.check(1, 100).allowed and limits.check(1, 100).allowed
    refused = limits.check(1, 100)
    assert not refused.allowed and refused.seconds == 5 and refused.first_refusal
    assert not limits.check(1, 100).first_refusal  # the second refusal in a row: stay quiet
    assert limits.check(2, 100).allowed  # the channel's third
    busy = limits.check(3, 100)
    assert not busy.allowed and busy.seconds == 10
    assert limits.check(3, 200).allowed  # user 3 lost no slot to the busy channel
    assert limits.check(3, 200).allowed
    clock.advance(10)  # user 1's bucket is full again
    assert limits.check(1, 300).allowed and limits.check(1, 300).allowed
    assert limits.check(1, 300).first_refusal is True  # a new stretch of refusals is announced again
    assert limits.check(1, 300).first_refusal is False
    clock.advance(5)
    assert limits.check(1, 300).allowed
    assert not limits.check(1, 300).allowed


def test_question_limits_are_bounded() -> None:
    limits = QuestionLimits(
        user_rate=1, user_per=60, channel_rate=1, channel_per=60, max_keys=20, clock=FakeClock()
    )
    for n in range(5_000):
        limits.check(n, n)
        limits.check(n, n)  # refused: remembered as warned
    assert all(size <= 20 for size in limits.sizes().values())


def test_verdict_seconds_round_up() -> None:
    assert Verdict(False, 0.01).seconds == 1
    assert Verdict(False, 5.0).seconds == 5
    assert Verdict(False, 5.2).seconds == 6
