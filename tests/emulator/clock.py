"""The emulated clock that moves lifecycles forward."""

import time


class Clock:
    """Epoch seconds that run `time_scale` times faster than real time.

    Lifecycle transitions are stored as timestamps on this clock and evaluated when a resource is
    read, so nothing runs in the background. Changing the scale keeps the current time continuous.
    """

    def __init__(self, time_scale=1.0, source=time.time):
        self._source = source
        self._real_anchor = source()
        self._emulated_anchor = self._real_anchor
        self.time_scale = float(time_scale)

    def now(self):
        return self._emulated_anchor + (self._source() - self._real_anchor) * self.time_scale

    def advance(self, seconds):
        """Jump ahead (white-box tests)."""
        self._emulated_anchor += seconds

    def set_time_scale(self, time_scale):
        current = self.now()
        self._real_anchor = self._source()
        self._emulated_anchor = current
        self.time_scale = float(time_scale)
