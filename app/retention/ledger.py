"""The erasure ledger: one JSON line per erasure, in a file outside the database.

A backup taken before an erasure still holds the person; restoring it must not bring them
back. The ledger survives the restore because it is not in the database, and
``service.reapply_erasures`` erases everyone in it again. It holds ids and a timestamp only:
a ledger that named the people would itself keep what was erased.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


class LedgerUnreadable(Exception):
    """A line is not an erasure: stop rather than skip someone who must stay erased."""


@dataclass(frozen=True)
class LedgerEntry:
    erasure_id: uuid.UUID
    participant_id: uuid.UUID
    organisation_id: uuid.UUID
    requested_by: uuid.UUID | None
    erased_at: datetime

    def to_line(self) -> str:
        fields = {
            "erasure_id": str(self.erasure_id),
            "participant_id": str(self.participant_id),
            "organisation_id": str(self.organisation_id),
            "requested_by": str(self.requested_by) if self.requested_by else None,
            "erased_at": self.erased_at.isoformat(),
        }
        return json.dumps(fields, sort_keys=True) + "\n"

    @classmethod
    def from_line(cls, line: str) -> LedgerEntry:
        fields = json.loads(line)
        requested_by = fields.get("requested_by")
        erased_at = datetime.fromisoformat(fields["erased_at"])
        if erased_at.tzinfo is None:
            raise ValueError("erased_at has no time zone")
        return cls(
            erasure_id=uuid.UUID(fields["erasure_id"]),
            participant_id=uuid.UUID(fields["participant_id"]),
            organisation_id=uuid.UUID(fields["organisation_id"]),
            requested_by=uuid.UUID(requested_by) if requested_by else None,
            erased_at=erased_at,
        )


def append(path: Path, entries: list[LedgerEntry]) -> None:
    """Add lines and wait until they are on disk: the caller commits the erasure after this."""
    if not entries:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_APPEND: lines from several workers never overwrite each other.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, "".join(entry.to_line() for entry in entries).encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def read(path: Path) -> list[LedgerEntry]:
    if not path.exists():
        return []
    entries = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                entries.append(LedgerEntry.from_line(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise LedgerUnreadable(f"{path}, line {number}: not an erasure ({exc})") from exc
    return entries
