"""Answers kept in this process's memory, so a browser refresh does not lose them.

Why memory and not the browser or the disk: a refresh starts a new Streamlit session, and
Streamlit has no built-in browser storage. Writing answers to the server's disk is not allowed.
So the page's address carries a random token (never an answer), and the answers stay in a
dictionary in memory under that token for a limited idle time. "Finish and clear" removes
them at once; a server restart removes them all. With more than one server process, sessions
must be sticky (README, "Deployment").
"""

from __future__ import annotations

import secrets
import threading
import time

IDLE_SECONDS = 2 * 60 * 60  # two hours: a home session or a clinic visit, not longer
MAX_ENTRIES = 5000  # a bound on memory; the oldest entries go first


class SessionStore:
    def __init__(self, idle_seconds: float = IDLE_SECONDS, max_entries: int = MAX_ENTRIES, clock=time.monotonic):
        self._idle = idle_seconds
        self._max = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._data: dict[str, tuple[float, str]] = {}

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(16)

    def put(self, token: str, record_json: str) -> None:
        with self._lock:
            self._expire()
            self._data[token] = (self._clock(), record_json)
            while len(self._data) > self._max:
                oldest = min(self._data, key=lambda k: self._data[k][0])
                del self._data[oldest]

    def get(self, token: str) -> str | None:
        with self._lock:
            self._expire()
            entry = self._data.get(token)
            return entry[1] if entry else None

    def drop(self, token: str) -> None:
        with self._lock:
            self._data.pop(token, None)

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._data)

    def _expire(self) -> None:
        now = self._clock()
        for token in [t for t, (at, _) in self._data.items() if now - at > self._idle]:
            del self._data[token]
