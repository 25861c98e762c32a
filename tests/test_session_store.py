"""Answers kept in memory under a random token: expiry, clearing, and a bound on size."""

from ui.session_store import SessionStore


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_answers_come_back_by_token_and_are_dropped_on_finish():
    store = SessionStore()
    store.put("t1", '{"a": 1}')
    assert store.get("t1") == '{"a": 1}'
    store.drop("t1")
    assert store.get("t1") is None


def test_idle_answers_expire():
    clock = Clock()
    store = SessionStore(idle_seconds=60, clock=clock)
    store.put("t1", "x")
    clock.now = 59
    assert store.get("t1") == "x"
    clock.now = 121
    assert store.get("t1") is None


def test_the_store_never_grows_past_its_bound():
    clock = Clock()
    store = SessionStore(max_entries=3, clock=clock)
    for i in range(5):
        clock.now = i
        store.put(f"t{i}", "x")
    assert len(store) == 3
    assert store.get("t0") is None and store.get("t4") == "x"


def test_tokens_are_random_and_long():
    tokens = {SessionStore.new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(t) >= 20 for t in tokens)
