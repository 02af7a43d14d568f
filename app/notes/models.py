"""Notes in the case file, each with an explicit visibility (domain.md, "Note")."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.core.database import Base, IdMixin, TimestampMixin, VersionedMixin
from app.core.types import str_enum


class Visibility(StrEnum):
    TEAM = "team"  # the whole current mini-team (and the participant)
    CARE_SHARED = "care_shared"  # team members bound by secrecy, under a consent covering care
    CARE_INTERNAL = "care_internal"  # secrecy-bound staff of the author's organisation


class Note(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_trajectory_id_written_on", "trajectory_id", "written_on"),)

    trajectory_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("trajectories.id", ondelete="CASCADE")
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    author_organisation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("organisations.id", ondelete="RESTRICT")
    )
    visibility: Mapped[Visibility] = mapped_column(str_enum(Visibility, "note_visibility"))
    written_on: Mapped[date]
    body: Mapped[str] = mapped_column(Text)
