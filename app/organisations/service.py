"""Organisations, work floors, partnerships and frameworks: rules and queries."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.access import policies
from app.access.permissions import Action
from app.access.policies import Principal
from app.core.concurrency import check_version
from app.core.database import is_unique_violation, utcnow
from app.core.errors import Conflict, FieldError, NotFound, RuleViolation
from app.core.pagination import PageResult, contains_pattern, paginate, parse_sort
from app.organisations.models import (
    Framework,
    Organisation,
    OrganisationKind,
    Partnership,
    PartnershipMember,
    WorkFloor,
)
from app.organisations.schemas import (
    OrganisationCreate,
    OrganisationUpdate,
    PartnershipCreate,
    PartnershipMemberWrite,
    PartnershipUpdate,
    WorkFloorCreate,
    WorkFloorUpdate,
)

ORGANISATION_SORTS = {"name": Organisation.name, "created_at": Organisation.created_at}
WORK_FLOOR_SORTS = {"name": WorkFloor.name, "created_at": WorkFloor.created_at}
PARTNERSHIP_SORTS = {"name": Partnership.name, "created_at": Partnership.created_at}


def _flush_unique(session: Session, field: str, message: str) -> None:
    """Flush, turning a unique-constraint race into the same 409 the pre-check gives."""
    try:
        session.flush()
    except IntegrityError as exc:
        if not is_unique_violation(exc):
            raise
        raise Conflict(
            message, errors=[FieldError(field, "is already in use", "already_in_use")]
        ) from exc


# --- organisations ------------------------------------------------------------------------


def list_organisations(
    session: Session,
    principal: Principal,
    *,
    q: str | None,
    kind: OrganisationKind | None,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    policies.require(principal, Action.ORGANISATIONS_READ)
    statement = select(Organisation)
    if q:
        statement = statement.where(Organisation.search_key.like(contains_pattern(q), escape="\\"))
    if kind:
        statement = statement.where(Organisation.kind == kind)
    return paginate(
        session,
        statement,
        id_column=Organisation.id,
        sort=parse_sort(sort, ORGANISATION_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_organisation(
    session: Session, principal: Principal, organisation_id: uuid.UUID
) -> Organisation:
    policies.require(principal, Action.ORGANISATIONS_READ)
    organisation = session.get(Organisation, organisation_id)
    if organisation is None:
        raise NotFound("Organisation not found")
    return organisation


def _kbo_taken(session: Session, kbo: str | None, except_id: uuid.UUID | None = None) -> bool:
    if kbo is None:
        return False
    statement = select(Organisation.id).where(Organisation.kbo_number == kbo)
    if except_id:
        statement = statement.where(Organisation.id != except_id)
    return session.scalar(statement) is not None


_KBO_TAKEN = "Another organisation has this KBO number"


def create_organisation(
    session: Session, principal: Principal, data: OrganisationCreate
) -> Organisation:
    policies.require(principal, Action.ORGANISATIONS_CREATE)
    if _kbo_taken(session, data.kbo_number):
        raise Conflict(
            _KBO_TAKEN, errors=[FieldError("kbo_number", "is already in use", "already_in_use")]
        )
    organisation = Organisation(**data.model_dump())
    session.add(organisation)
    _flush_unique(session, "kbo_number", _KBO_TAKEN)
    return organisation


def update_organisation(
    session: Session,
    principal: Principal,
    organisation_id: uuid.UUID,
    data: OrganisationUpdate,
    *,
    version: int,
) -> Organisation:
    organisation = get_organisation(session, principal, organisation_id)
    policies.require_in_organisation(principal, Action.ORGANISATIONS_UPDATE, organisation.id)
    check_version(version, organisation.version)
    changes = data.model_dump(exclude_unset=True)
    if "kind" in changes and not principal.is_platform_admin:
        raise RuleViolation(
            "Only platform admins change an organisation's kind",
            errors=[
                FieldError("kind", "can only be changed by a platform admin", "platform_admin_only")
            ],
        )
    if _kbo_taken(session, changes.get("kbo_number"), organisation.id):
        raise Conflict(
            _KBO_TAKEN, errors=[FieldError("kbo_number", "is already in use", "already_in_use")]
        )
    for field, value in changes.items():
        setattr(organisation, field, value)
    _flush_unique(session, "kbo_number", _KBO_TAKEN)
    return organisation


# --- work floors --------------------------------------------------------------------------

_FLOOR_NAME_TAKEN = "This organisation already has a work floor with this name"


def list_work_floors(
    session: Session,
    principal: Principal,
    organisation_id: uuid.UUID,
    *,
    include_inactive: bool,
    sort: str,
    limit: int,
    cursor: str | None,
) -> PageResult:
    get_organisation(session, principal, organisation_id)
    policies.require(principal, Action.WORK_FLOORS_READ)
    statement = select(WorkFloor).where(WorkFloor.organisation_id == organisation_id)
    if not include_inactive:
        statement = statement.where(WorkFloor.is_active.is_(True))
    return paginate(
        session,
        statement,
        id_column=WorkFloor.id,
        sort=parse_sort(sort, WORK_FLOOR_SORTS),
        limit=limit,
        cursor=cursor,
    )


def _floor_name_taken(
    session: Session, organisation_id: uuid.UUID, name: str, except_id: uuid.UUID | None = None
) -> bool:
    statement = select(WorkFloor.id).where(
        WorkFloor.organisation_id == organisation_id, WorkFloor.name == name
    )
    if except_id:
        statement = statement.where(WorkFloor.id != except_id)
    return session.scalar(statement) is not None


def create_work_floor(
    session: Session, principal: Principal, organisation_id: uuid.UUID, data: WorkFloorCreate
) -> WorkFloor:
    get_organisation(session, principal, organisation_id)
    policies.require_in_organisation(principal, Action.WORK_FLOORS_MANAGE, organisation_id)
    if _floor_name_taken(session, organisation_id, data.name):
        raise Conflict(
            _FLOOR_NAME_TAKEN, errors=[FieldError("name", "is already in use", "already_in_use")]
        )
    floor = WorkFloor(organisation_id=organisation_id, **data.model_dump())
    session.add(floor)
    _flush_unique(session, "name", _FLOOR_NAME_TAKEN)
    return floor


def get_work_floor(session: Session, principal: Principal, floor_id: uuid.UUID) -> WorkFloor:
    policies.require(principal, Action.WORK_FLOORS_READ)
    floor = session.get(WorkFloor, floor_id)
    if floor is None:
        raise NotFound("Work floor not found")
    return floor


def update_work_floor(
    session: Session,
    principal: Principal,
    floor_id: uuid.UUID,
    data: WorkFloorUpdate,
    *,
    version: int,
) -> WorkFloor:
    floor = get_work_floor(session, principal, floor_id)
    policies.require_in_organisation(principal, Action.WORK_FLOORS_MANAGE, floor.organisation_id)
    check_version(version, floor.version)
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes and _floor_name_taken(
        session, floor.organisation_id, changes["name"], floor.id
    ):
        raise Conflict(
            _FLOOR_NAME_TAKEN, errors=[FieldError("name", "is already in use", "already_in_use")]
        )
    for field, value in changes.items():
        setattr(floor, field, value)
    _flush_unique(session, "name", _FLOOR_NAME_TAKEN)
    return floor


# --- partnerships -------------------------------------------------------------------------

_PARTNERSHIP_NAME_TAKEN = "A partnership with this name exists"


def _partnership_query() -> Select[Partnership]:
    return select(Partnership).options(
        selectinload(Partnership.members).joinedload(PartnershipMember.organisation)
    )


def list_partnerships(
    session: Session, principal: Principal, *, sort: str, limit: int, cursor: str | None
) -> PageResult:
    policies.require(principal, Action.PARTNERSHIPS_READ)
    return paginate(
        session,
        _partnership_query(),
        id_column=Partnership.id,
        sort=parse_sort(sort, PARTNERSHIP_SORTS),
        limit=limit,
        cursor=cursor,
    )


def get_partnership(
    session: Session, principal: Principal, partnership_id: uuid.UUID
) -> Partnership:
    policies.require(principal, Action.PARTNERSHIPS_READ)
    partnership = session.scalar(_partnership_query().where(Partnership.id == partnership_id))
    if partnership is None:
        raise NotFound("Partnership not found")
    return partnership


def _check_members(
    session: Session, lead_organisation_id: uuid.UUID, members: list[PartnershipMemberWrite]
) -> None:
    ids = [m.organisation_id for m in members]
    if len(set(ids)) != len(ids):
        raise RuleViolation(
            "An organisation can be a member only once",
            errors=[FieldError("members", "lists an organisation twice", "listed_twice")],
        )
    if lead_organisation_id not in ids:
        raise RuleViolation(
            "The lead organisation must be a member",
            errors=[
                FieldError("lead_organisation_id", "must be one of the members", "must_be_member")
            ],
        )
    known = set(session.scalars(select(Organisation.id).where(Organisation.id.in_(ids))))
    if missing := [str(i) for i in ids if i not in known]:
        raise RuleViolation(
            "Unknown organisation",
            errors=[
                FieldError(
                    "members",
                    f"unknown organisation {', '.join(missing)}",
                    "unknown_reference",
                    {"values": ", ".join(missing)},
                )
            ],
        )


def _may_manage_partnership(principal: Principal, lead_organisation_id: uuid.UUID) -> None:
    # Only the eindverantwoordelijke (or the platform) shapes the partnership.
    policies.require_in_organisation(principal, Action.PARTNERSHIPS_MANAGE, lead_organisation_id)


def create_partnership(
    session: Session, principal: Principal, data: PartnershipCreate
) -> Partnership:
    _may_manage_partnership(principal, data.lead_organisation_id)
    _check_members(session, data.lead_organisation_id, data.members)
    if session.scalar(select(Partnership.id).where(Partnership.name == data.name)):
        raise Conflict(
            _PARTNERSHIP_NAME_TAKEN,
            errors=[FieldError("name", "is already in use", "already_in_use")],
        )
    partnership = Partnership(
        name=data.name,
        lead_organisation_id=data.lead_organisation_id,
        members=[PartnershipMember(**m.model_dump()) for m in data.members],
    )
    session.add(partnership)
    _flush_unique(session, "name", _PARTNERSHIP_NAME_TAKEN)
    session.expire(partnership)  # reload the members in the order every read gives them
    return get_partnership(session, principal, partnership.id)


def update_partnership(
    session: Session,
    principal: Principal,
    partnership_id: uuid.UUID,
    data: PartnershipUpdate,
    *,
    version: int,
) -> Partnership:
    partnership = get_partnership(session, principal, partnership_id)
    _may_manage_partnership(principal, partnership.lead_organisation_id)
    check_version(version, partnership.version)
    changes = data.model_dump(exclude_unset=True)
    lead = changes.get("lead_organisation_id", partnership.lead_organisation_id)
    members = (
        data.members
        if data.members is not None
        else [
            PartnershipMemberWrite(organisation_id=m.organisation_id, partner_role=m.partner_role)
            for m in partnership.members
        ]
    )
    _check_members(session, lead, members)
    if "lead_organisation_id" in changes:
        _may_manage_partnership(principal, lead)
    if "name" in changes and session.scalar(
        select(Partnership.id).where(
            Partnership.name == changes["name"], Partnership.id != partnership.id
        )
    ):
        raise Conflict(
            _PARTNERSHIP_NAME_TAKEN,
            errors=[FieldError("name", "is already in use", "already_in_use")],
        )
    if "name" in changes:
        partnership.name = changes["name"]
    partnership.lead_organisation_id = lead
    # Touch the row so its version moves even when only the member list changed.
    partnership.updated_at = utcnow()
    if data.members is not None:
        # Delete the old rows first: the unit of work would insert before deleting and trip
        # the (partnership, organisation) unique constraint.
        partnership.members.clear()
        session.flush()
        partnership.members.extend(PartnershipMember(**m.model_dump()) for m in data.members)
    _flush_unique(session, "name", _PARTNERSHIP_NAME_TAKEN)
    session.expire(partnership)
    return get_partnership(session, principal, partnership.id)


# --- frameworks ---------------------------------------------------------------------------


def list_frameworks(session: Session, principal: Principal) -> list[Framework]:
    policies.require(principal, Action.FRAMEWORKS_READ)
    return list(session.scalars(select(Framework).order_by(Framework.sort_order)))
