"""The hash chain over audit events, pure: hash = sha256(prev_hash + canonical JSON).

Each event's hash covers its own fields and, through ``prev_hash``, every event before it: a
changed field breaks that event's hash, a removed or inserted event breaks the link (and the
gap-free ``seq``) of the one after it.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any

GENESIS_HASH = "0" * 64

# Every column except the two hashes. The order does not matter (keys are sorted), the set
# does: a new column needs a new chain version, never a silent change here.
HASHED_FIELDS = (
    "seq",
    "id",
    "occurred_at",
    "user_id",
    "user_role",
    "organisation_id",
    "method",
    "route",
    "action",
    "object_type",
    "object_id",
    "trajectory_id",
    "participant_id",
    "participant_count",
    "client_address",
    "outcome",
    "status_code",
    "break_glass_grant_id",
    "break_glass_reason",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        # Microseconds and UTC always: the same instant reads back alike on both databases.
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def canonical(fields: Mapping[Any, Any]) -> bytes:
    return json.dumps(
        {name: _plain(fields[name]) for name in HASHED_FIELDS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode()


def event_hash(prev_hash: str, fields: Mapping[Any, Any]) -> str:
    return hashlib.sha256(prev_hash.encode() + canonical(fields)).hexdigest()


@dataclass(frozen=True)
class Verdict:
    count: int
    head_hash: str
    broken_seq: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def verify(events: Iterable[Mapping[Any, Any]]) -> Verdict:
    """Walk the events in ``seq`` order; stop at the first one that does not hold."""
    expected_seq, prev_hash, count = 1, GENESIS_HASH, 0
    for event in events:
        seq = int(event["seq"])
        if seq != expected_seq:
            missing = f"{expected_seq}" if seq == expected_seq + 1 else f"{expected_seq}-{seq - 1}"
            return Verdict(count, prev_hash, seq, f"events missing before it (seq {missing})")
        if event["prev_hash"] != prev_hash:
            return Verdict(count, prev_hash, seq, "does not link to the event before it")
        if event_hash(prev_hash, event) != event["hash"]:
            return Verdict(count, prev_hash, seq, "its contents were changed after it was written")
        expected_seq, prev_hash, count = seq + 1, event["hash"], count + 1
    return Verdict(count, prev_hash)
