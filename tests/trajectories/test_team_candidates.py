"""The staff lookup for the mini-team: GET /trajectories/{id}/team/candidates.

Who is offered (the trajectory's organisation and its partners, active case staff only), who
may ask (the add-member rule), what is said about each person (never an e-mail address), the
folded name search and its cost."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.audit.models import AuditEvent
from app.auth.models import Role, User
from app.core.config import Settings
from app.organisations.models import (
    Organisation,
    OrganisationKind,
    PartnerRole,
    Partnership,
    PartnershipMember,
)
from app.trajectories.models import TeamRole, Trajectory
from tests.factories.case_files import add_team_member, make_participant, make_trajectory
from tests.factories.consents import give_consent
from tests.factories.organisations import make_organisation
from tests.factories.users import make_user, token_headers

TRAJECTORIES = "/api/v1/trajectories"
SECRET = {"bound_by_professional_secrecy": True}


class Region:
    def __init__(self, session: Session) -> None:
        self.owner = make_organisation(
            session, name="De Werkplaats", kind=OrganisationKind.WORK_CARE
        )
        self.gtb = make_organisation(session, name="GTB Regio", kind=OrganisationKind.MEDIATION)
        self.cgg = make_organisation(session, name="CGG Scheldeland", kind=OrganisationKind.CARE)
        self.far = make_organisation(session, name="Ver Weg", kind=OrganisationKind.CARE)
        # Ver Weg works with GTB elsewhere, not with the owner: still unrelated to this file.
        self._partnership(session, "Werk en Zorg", [self.owner, self.gtb, self.cgg])
        self._partnership(session, "Elders", [self.gtb, self.far])

        def user(org: Organisation, name: str, role: Role, **extra: Any) -> User:
            return make_user(session, org, role=role, name=name, **extra)

        self.mediator = user(self.owner, "Mieke Bemiddelaar", Role.MEDIATOR, **SECRET)
        self.manager = user(self.owner, "Marc Coördinator", Role.MANAGER)
        self.coach = user(self.owner, "Koen Werkvloer", Role.COACH)
        self.team_coach = user(self.owner, "Tom Teamcoach", Role.COACH)
        self.owner_admin = user(self.owner, "Ines Beheerder", Role.ADMIN)
        self.gtb_mediator = user(self.gtb, "Wouter Maes", Role.MEDIATOR, **SECRET)
        self.counsellor = user(
            self.cgg,
            "Inès Van den Broeck",
            Role.COUNSELLOR,
            email="ines.vdb@cgg.test",
            **SECRET,
        )
        self.experience_expert = user(self.cgg, "Zeynep Kaya", Role.COUNSELLOR)
        self.gone = user(self.cgg, "Inès Vertrokken", Role.COUNSELLOR, is_active=False, **SECRET)
        self.far_counsellor = user(self.far, "Inès Verweg", Role.COUNSELLOR, **SECRET)
        self.far_mediator = user(self.far, "Vera Verweg", Role.MEDIATOR, **SECRET)
        self.platform = user(self.owner, "Inès Platform", Role.ADMIN, is_platform_admin=True)

        participant = make_participant(session, self.owner)
        self.trajectory = make_trajectory(session, participant)
        add_team_member(session, self.trajectory, self.team_coach)
        add_team_member(
            session, self.trajectory, self.gtb_mediator, team_role=TeamRole.CASE_MANAGER_WORK
        )
        give_consent(session, participant, self.gtb)

    @staticmethod
    def _partnership(session: Session, name: str, members: list[Organisation]) -> None:
        partnership = Partnership(name=name, lead_organisation_id=members[0].id)
        session.add(partnership)
        session.flush()
        for org in members:
            session.add(
                PartnershipMember(
                    partnership_id=partnership.id,
                    organisation_id=org.id,
                    partner_role=PartnerRole.WORK_CARE,
                )
            )
        session.commit()


@pytest.fixture
def region(session: Session) -> Region:
    return Region(session)


def candidates(
    client: TestClient,
    settings: Settings,
    caller: User,
    trajectory: Trajectory,
    expected: int = 200,
    **params: Any,
) -> Any:
    response = client.get(
        f"{TRAJECTORIES}/{trajectory.id}/team/candidates",
        params=params,
        headers=token_headers(caller, settings),
    )
    assert response.status_code == expected, response.text
    return response.json()


def names(items: list[dict[str, Any]]) -> list[str]:
    return [item["name"] for item in items]


def test_offers_active_case_staff_of_the_owner_and_its_partners_only(
    client: TestClient, settings: Settings, region: Region
) -> None:
    found = candidates(client, settings, region.mediator, region.trajectory)
    assert names(found) == [
        "Inès Van den Broeck",
        "Koen Werkvloer",
        "Marc Coördinator",
        "Mieke Bemiddelaar",
        "Tom Teamcoach",
        "Wouter Maes",
        "Zeynep Kaya",
    ]
    # Never deactivated accounts, staff of unrelated organisations (even partners of a
    # partner), beheerders or platform admins.
    assert not {"Inès Vertrokken", "Inès Verweg", "Vera Verweg", "Ines Beheerder"} & set(
        names(found)
    )
    assert "Inès Platform" not in names(found)


def test_each_candidate_carries_organisation_role_and_secrecy_never_an_email(
    client: TestClient, settings: Settings, region: Region
) -> None:
    found = candidates(client, settings, region.mediator, region.trajectory, q="broeck")
    assert found == [
        {
            "id": str(region.counsellor.id),
            "name": "Inès Van den Broeck",
            "role": "counsellor",
            "organisation_id": str(region.cgg.id),
            "organisation_name": "CGG Scheldeland",
            "bound_by_professional_secrecy": True,
            "on_team": False,
        }
    ]
    everyone = candidates(client, settings, region.mediator, region.trajectory)
    assert all("email" not in item for item in everyone)
    assert "@" not in str(everyone)
    by_name = {item["name"]: item for item in everyone}
    assert by_name["Zeynep Kaya"]["bound_by_professional_secrecy"] is False
    assert by_name["Wouter Maes"]["on_team"] is True
    assert by_name["Tom Teamcoach"]["on_team"] is True


@pytest.mark.parametrize("q", ["ines", "INES", "Inès", "inés van", "van den broeck ines", "bro"])
def test_name_search_ignores_case_accents_and_word_order(
    client: TestClient, settings: Settings, region: Region, q: str
) -> None:
    found = candidates(client, settings, region.mediator, region.trajectory, q=q)
    assert names(found) == ["Inès Van den Broeck"]


@pytest.mark.parametrize("q", ["vdb", "cgg.test", "ines.vdb@", "werkvloer koen x"])
def test_the_search_does_not_match_email_addresses_or_unknown_words(
    client: TestClient, settings: Settings, region: Region, q: str
) -> None:
    assert candidates(client, settings, region.mediator, region.trajectory, q=q) == []


def test_wildcards_are_taken_literally(
    client: TestClient, settings: Settings, region: Region
) -> None:
    # Punctuation is no search word (as in the caseload's search): the plain list.
    plain = candidates(client, settings, region.mediator, region.trajectory)
    assert candidates(client, settings, region.mediator, region.trajectory, q="%") == plain
    assert candidates(client, settings, region.mediator, region.trajectory, q="_") == []
    assert candidates(client, settings, region.mediator, region.trajectory, q="in_s") == []


def test_a_team_member_of_another_organisation_gets_the_owners_circle(
    client: TestClient, settings: Settings, region: Region
) -> None:
    """The GTB mediator on the team (under consent) may manage it: the candidates are those
    of the organisation that runs the file, not of the caller's own partnerships."""
    found = candidates(client, settings, region.gtb_mediator, region.trajectory, q="ines")
    assert names(found) == ["Inès Van den Broeck"]
    assert "Vera Verweg" not in names(
        candidates(client, settings, region.gtb_mediator, region.trajectory)
    )


def test_only_callers_who_may_manage_the_team_get_the_list(
    client: TestClient, settings: Settings, region: Region, session: Session
) -> None:
    # A manager of the owner manages trajectories.
    assert candidates(client, settings, region.manager, region.trajectory, q="ines")
    # A coach on the team sees the file but may not manage its team: 403.
    candidates(client, settings, region.team_coach, region.trajectory, expected=403)
    # A coach who does not see the file, staff of an unrelated organisation, the owner's
    # beheerder (no case files) and a platform admin: the trajectory is not there for them.
    for outsider in (region.coach, region.far_mediator, region.owner_admin, region.platform):
        problem = candidates(client, settings, outsider, region.trajectory, expected=404)
        assert "Inès" not in str(problem)
    # A partner organisation's staff not on the team do not see it either.
    partner = make_user(session, region.cgg, role=Role.MEDIATOR)
    candidates(client, settings, partner, region.trajectory, expected=404)


def test_adding_a_found_colleague_marks_them_on_the_team(
    client: TestClient, settings: Settings, region: Region
) -> None:
    headers = token_headers(region.mediator, settings)
    (found,) = candidates(client, settings, region.mediator, region.trajectory, q="ines")
    added = client.post(
        f"{TRAJECTORIES}/{region.trajectory.id}/team",
        json={"user_id": found["id"], "team_role": "case_manager_care"},
        headers=headers,
    )
    assert added.status_code == 201, added.text
    assert added.json()["organisation_name"] == "CGG Scheldeland"
    (again,) = candidates(client, settings, region.mediator, region.trajectory, q="ines")
    assert again["on_team"] is True


def test_only_case_staff_can_be_added_whatever_id_is_sent(
    client: TestClient, settings: Settings, region: Region
) -> None:
    headers = token_headers(region.mediator, settings)
    for outsider in (region.owner_admin, region.platform, region.gone):
        refused = client.post(
            f"{TRAJECTORIES}/{region.trajectory.id}/team",
            json={"user_id": str(outsider.id), "team_role": "other"},
            headers=headers,
        )
        assert refused.status_code == 422, (outsider.name, refused.text)
        assert refused.json()["errors"][0]["code"] == "not_staff"
    members = client.get(f"{TRAJECTORIES}/{region.trajectory.id}/team", headers=headers).json()
    assert {m["user_id"] for m in members} == {
        str(region.team_coach.id),
        str(region.gtb_mediator.id),
    }


def test_limit_is_at_most_twenty_and_bad_input_is_a_problem(
    client: TestClient, settings: Settings, region: Region, session: Session
) -> None:
    for n in range(25):
        make_user(session, region.cgg, role=Role.COUNSELLOR, name=f"Collega {n:02d}")
    found = candidates(client, settings, region.mediator, region.trajectory, q="collega", limit=20)
    assert names(found) == [f"Collega {n:02d}" for n in range(20)]
    assert len(candidates(client, settings, region.mediator, region.trajectory, q="collega")) == 10
    for params in ({"limit": 21}, {"limit": 0}, {"q": "x" * 101}):
        problem = candidates(client, settings, region.mediator, region.trajectory, 422, **params)
        assert problem["status"] == 422
    response = client.get(
        f"{TRAJECTORIES}/not-a-uuid/team/candidates",
        headers=token_headers(region.mediator, settings),
    )
    assert response.status_code == 422


def test_the_lookup_is_audited_and_costs_the_same_statements_for_few_and_many(
    client: TestClient, settings: Settings, region: Region, session: Session, app: FastAPI
) -> None:
    engine = app.state.engine
    statements: list[str] = []

    def count_statement(*args: object) -> None:
        statements.append(str(args[2]))

    def statements_for_lookup() -> int:
        statements.clear()
        event.listen(engine, "before_cursor_execute", count_statement)
        try:
            found = candidates(client, settings, region.mediator, region.trajectory, limit=20)
        finally:
            event.remove(engine, "before_cursor_execute", count_statement)
        assert found
        return len([s for s in statements if "users" in s and "SELECT" in s.upper()])

    few = statements_for_lookup()
    for n in range(15):
        make_user(session, region.gtb, role=Role.MEDIATOR, name=f"Bemiddelaar {n}")
    assert statements_for_lookup() == few

    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.route.like("%/team/candidates"))
        .order_by(AuditEvent.seq)
    ).all()
    assert events, "the lookup leaves an audit event like other reads of the file"
    assert events[-1].object_id == region.trajectory.id
