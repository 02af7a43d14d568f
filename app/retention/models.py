"""The register of erasures on request (AVG art. 17)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin


class Erasure(IdMixin, Base):
    """That a participant was erased, when, on whose request: ids only, never who they were.

    No foreign keys: after a restore the register is rebuilt from the erasure ledger, and
    the backup may predate the participant, the requesting admin or even the organisation.
    """

    __tablename__ = "erasures"

    participant_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    requested_at: Mapped[datetime]
    requested_by: Mapped[uuid.UUID | None]  # None when re-created from the ledger
    organisation_id: Mapped[uuid.UUID]
    reason: Mapped[str] = mapped_column(String(1000))
