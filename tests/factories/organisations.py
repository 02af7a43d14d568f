from __future__ import annotations

import itertools
from typing import Any

from sqlalchemy.orm import Session

from app.organisations.models import Organisation, OrganisationKind, WorkFloor

_counter = itertools.count(1)


def make_organisation(session: Session, **overrides: Any) -> Organisation:
    values: dict[str, Any] = {
        "name": f"Organisatie {next(_counter)}",
        "kind": OrganisationKind.WORK_CARE,
    }
    values.update(overrides)
    organisation = Organisation(**values)
    session.add(organisation)
    session.commit()
    return organisation


def make_work_floor(session: Session, organisation: Organisation, **overrides: Any) -> WorkFloor:
    values: dict[str, Any] = {
        "organisation_id": organisation.id,
        "name": f"Werkvloer {next(_counter)}",
        "capacity": 10,
    }
    values.update(overrides)
    floor = WorkFloor(**values)
    session.add(floor)
    session.commit()
    return floor
