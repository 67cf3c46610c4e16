"""What was computed for the most recently used keys, computed in batches for the rest.

Several stages keep derived values between calls (sentence vectors, parses of dated sentences,
an article's content words) that are cheaper to compute many at once. ``Recent.many`` looks the
keys up, computes the missing ones in one call, keeps them, and forgets the least recently used
beyond ``size``. One instance is shared by every thread of a process.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Recent(Generic[K, V]):
    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def many(self, keys: Sequence[K], compute: Callable[[list[K]], Iterable[V]]) -> list[V]:
        """The value of each key, in order; ``compute`` gets the missing keys once each, in
        order of first appearance, and returns their values in that order."""
        with self._lock:
            known = {k: self._items[k] for k in keys if k in self._items}
            for key in known:
                self._items.move_to_end(key)
        missing = [k for k in dict.fromkeys(keys) if k not in known]
        if missing:
            known.update(zip(missing, compute(missing), strict=True))
            with self._lock:
                for key in missing:
                    self._items[key] = known[key]
                    self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return [known[k] for k in keys]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
