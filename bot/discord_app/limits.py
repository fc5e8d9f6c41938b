"""Rate limits and small caches with bounded memory and an injectable clock.

Nothing here imports discord: the limits are plain Python so that they can be tested (and
reasoned about) on their own. Every structure holds at most ``max_keys`` entries and forgets the
least recently used first, so a flood of distinct users or channels cannot grow memory.
"""

from __future__ import annotations

import logging
import math
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

Clock = Callable[[], float]


class LRU(Generic[K, V]):
    """A mapping that keeps at most ``max_size`` entries, dropping the least recently used."""

    def __init__(self, max_size: int) -> None:
        if max_size < 1:
            raise ValueError("max_size must be at least 1")
        self.max_size = max_size
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self.max_size:
            self._data.popitem(last=False)

    def pop(self, key: K) -> None:
        self._data.pop(key, None)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)


class RateLimiter:
    """At most ``rate`` events per ``per`` seconds for each key, smoothed (GCRA).

    One float per key: the time at which the key's bucket would be empty again. A burst of
    ``rate`` events is allowed; after that one more every ``per / rate`` seconds.
    """

    def __init__(self, rate: int, per: float, *, max_keys: int, clock: Clock) -> None:
        if rate < 1 or per <= 0:
            raise ValueError("rate must be at least 1 and per positive")
        self.rate = rate
        self.per = float(per)
        self.interval = self.per / rate
        self.clock = clock
        self._free_at: LRU[Hashable, float] = LRU(max_keys)

    def retry_after(self, key: Hashable) -> float:
        """Seconds to wait before ``key`` may act again (0.0: now), without using up a slot."""
        now = self.clock()
        free_at = max(self._free_at.get(key) or now, now)
        return max(0.0, free_at + self.interval - self.per - now)

    def consume(self, key: Hashable) -> None:
        """Use up one slot of ``key`` (call only after ``retry_after`` returned 0)."""
        now = self.clock()
        free_at = max(self._free_at.get(key) or now, now)
        self._free_at.put(key, free_at + self.interval)

    def __len__(self) -> int:
        return len(self._free_at)


@dataclass(frozen=True)
class Verdict:
    """Whether an action may go ahead; if not, how long to wait and whether to say so."""

    allowed: bool
    retry_after: float = 0.0
    #: False for the second and later refusals in a row of one user: a message-based reply
    #: says "slow down" once, then stays quiet so a flood cannot make the bot flood the channel.
    first_refusal: bool = True

    @property
    def seconds(self) -> int:
        """The wait rounded up to whole seconds (at least 1), for the user."""
        return max(1, math.ceil(self.retry_after))


class QuestionLimits:
    """Per-user and per-channel limits on questions, checked together.

    A question counts against both only when both allow it, so a user refused by a busy channel
    does not lose a slot of their own.
    """

    def __init__(
        self,
        *,
        user_rate: int,
        user_per: float,
        channel_rate: int,
        channel_per: float,
        max_keys: int,
        clock: Clock,
    ) -> None:
        self.users = RateLimiter(user_rate, user_per, max_keys=max_keys, clock=clock)
        self.channels = RateLimiter(channel_rate, channel_per, max_keys=max_keys, clock=clock)
        self._warned: LRU[Hashable, bool] = LRU(max_keys)

    def waiting(self, user_id: int, channel_id: int | None) -> float:
        """Seconds until ``user_id`` may be answered in ``channel_id`` (0.0: now), using up nothing."""
        return max(
            self.users.retry_after(("user", user_id)), self.channels.retry_after(("channel", channel_id))
        )

    def check(self, user_id: int, channel_id: int | None) -> Verdict:
        user_key = ("user", user_id)
        channel_key = ("channel", channel_id)
        wait = max(self.users.retry_after(user_key), self.channels.retry_after(channel_key))
        if wait > 0:
            first = user_key not in self._warned
            self._warned.put(user_key, True)
            return Verdict(False, wait, first)
        self.users.consume(user_key)
        self.channels.consume(channel_key)
        self._warned.pop(user_key)
        return Verdict(True)

    def sizes(self) -> dict[str, int]:
        """How many keys each structure holds (each at most ``max_keys``)."""
        return {"users": len(self.users), "channels": len(self.channels), "warned": len(self._warned)}
