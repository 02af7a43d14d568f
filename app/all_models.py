"""Imports every domain's models so that Base.metadata is complete (Alembic, tests, backup)."""

from app.access import models as access_models
from app.audit import models as audit_models
from app.auth import models as auth_models
from app.consents import models as consent_models
from app.core.database import Base
from app.employment import models as employment_models
from app.funding import models as funding_models
from app.idempotency import models as idempotency_models
from app.notes import models as note_models
from app.organisations import models as organisation_models
from app.outflow import models as outflow_models
from app.participants import models as participant_models
from app.progress import models as progress_models
from app.quotas import models as quota_models
from app.retention import models as retention_models
from app.trajectories import models as trajectory_models

metadata = Base.metadata

__all__ = [
    "access_models",
    "audit_models",
    "auth_models",
    "consent_models",
    "employment_models",
    "funding_models",
    "idempotency_models",
    "metadata",
    "note_models",
    "organisation_models",
    "outflow_models",
    "participant_models",
    "progress_models",
    "quota_models",
    "retention_models",
    "trajectory_models",
]
