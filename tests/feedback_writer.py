"""A writer process for the feedback-store tests (run as a script, not collected by pytest).

python feedback_writer.py loop DB PREFIX    record events until killed; after each record()
                                            returns, print its sequence number (an ack)
python feedback_writer.py burst DB PREFIX N print "ready", wait for a line on stdin, then
                                            open the store, record N events, print "done N"
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from bot.feedback.events import FeedbackEvent
from bot.feedback.store import SqliteFeedbackStore


def event(prefix: str, seq: int) -> FeedbackEvent:
    kind = ("helpful", "unhelpful", "declined")[seq % 3]
    return FeedbackEvent(kind, f"{prefix}-{seq}", "korea-cambodia-task-force", ("fact-a",), 0.5)


def main(argv: list[str]) -> None:
    mode, db, prefix = argv[0], Path(argv[1]), argv[2]
    if mode == "loop":
        store = SqliteFeedbackStore(db, retention_days=30)
        for seq in itertools.count():
            store.record(event(prefix, seq))
            sys.stdout.write(f"{seq}\n")
            sys.stdout.flush()
    elif mode == "burst":
        count = int(argv[3])
        print("ready", flush=True)
        sys.stdin.readline()
        with SqliteFeedbackStore(db, retention_days=30) as store:
            for seq in range(count):
                store.record(event(prefix, seq))
        print(f"done {count}", flush=True)
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
