"""Per role, which JSON keys each case-file response may hold: a key outside the allowed set
fails. A coach needs to know whom they coach and how to reach them, not the INSZ, the address,
the e-mail, the target groups or referral source (they tell of health or disability), the
benefits, or the care notes; those are for the staff who run the trajectory.

Values are checked too: nothing a coach receives contains the INSZ, the address, the e-mail
or a care note's body (the notes carry `canary-…` bodies).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.auth.models import User
from app.core.config import Settings
from app.notes.models import Visibility
from app.participants.models import BenefitKind, BenefitStatus, ReferralSource
from app.trajectories.models import TeamRole
from tests.access.conftest import World
from tests.factories.case_files import add_team_member
from tests.factories.consents import give_consent
from tests.factories.users import token_headers

API = "/api/v1"
INSZ = "85073003328"
ADDRESS = "Kerkstraat 12, 9000 Gent"
EMAIL = "canary.vogelaar@example.org"
PHONE = "0470 12 34 56"
CARE_BODIES = (f"canary-{Visibility.CARE_SHARED}", f"canary-{Visibility.CARE_INTERNAL}")

# --- the allowed keys ---------------------------------------------------------------------------

CURRENT_TRAJECTORY = {
    "current_trajectory",
    *(
        f"current_trajectory.{k}"
        for k in ("id", "framework_code", "phase", "status", "phase_since", "days_in_phase")
    ),
}
# What everyone who may see the participant gets.
PARTICIPANT_SEEN = {
    "view",
    "id",
    "first_name",
    "last_name",
    "preferred_name",
    "birth_date",
    "organisation_id",
    *CURRENT_TRAJECTORY,
    "coach",
    "coach.id",
    "coach.name",
    "last_contact_on",
    "overdue_goals",
    "overdue_follow_ups",
    "version",
}
FULL_LIST_ITEM = PARTICIPANT_SEEN | {"target_groups"}
FULL_DETAIL = FULL_LIST_ITEM | {
    "insz",
    "email",
    "phone",
    "address",
    "language",
    "referral_source",
    "created_at",
    "updated_at",
}
# The phone: coaches call when someone does not turn up; the language to speak.
WORK_FLOOR_DETAIL = PARTICIPANT_SEEN | {"phone", "language", "created_at", "updated_at"}
WORK_FLOOR_LIST_ITEM = PARTICIPANT_SEEN

TRAJECTORY = {
    "id",
    "participant_id",
    "organisation_id",
    "framework_code",
    "phase",
    "status",
    "referred_on",
    "started_on",
    "closed_on",
    "phase_since",
    "days_in_phase",
    "pause_reason",
    "expected_return_on",
    "previous_trajectory_id",
    "flags",
    "allowed_phase_targets",
    "version",
    "created_at",
}
TEAM_MEMBER = {
    "id",
    "user_id",
    "user_name",
    "organisation_id",
    "organisation_name",
    "team_role",
    "from_date",
    "to_date",
    "version",
}
NOTE = {
    "id",
    "trajectory_id",
    "author_id",
    "author_organisation_id",
    "visibility",
    "written_on",
    "body",
    "version",
    "created_at",
    "updated_at",
}
TIMELINE_ITEM = {
    "kind",
    "id",
    "occurred_on",
    "recorded_at",
    "title",
    "summary",
    "author",
    "author.id",
    "author.name",
    "url",
}
PAGE = {"next_cursor", "total"}


def paged(item: set[str]) -> set[str]:
    return PAGE | {"items"} | {f"items[].{key}" for key in item}


def listed(item: set[str]) -> set[str]:
    return {f"[].{key}" for key in item}


FULL = {
    "participant": FULL_DETAIL,
    "caseload": paged(FULL_LIST_ITEM),
    "trajectory": TRAJECTORY,
    "team": listed(TEAM_MEMBER),
    "timeline": paged(TIMELINE_ITEM),
    "notes": paged(NOTE),
}
# Role (as the World names the user) → response → allowed keys; None: refused (403).
ALLOWED: dict[str, dict[str, set[str] | None]] = {
    "coach": {
        **FULL,
        "participant": WORK_FLOOR_DETAIL,
        "caseload": paged(WORK_FLOOR_LIST_ITEM),
    },
    "mediator": FULL,
    "counsellor": FULL,
    "gtb_mediator": FULL,  # on the mini-team under a consent covering work
    "ggz_counsellor": FULL,  # on the mini-team under a consent covering work and care
    "manager": {**FULL, "notes": None},  # managers never read notes
}


def urls(world: World) -> dict[str, str]:
    trajectory = f"{API}/trajectories/{world.trajectory.id}"
    return {
        "participant": f"{API}/participants/{world.participant.id}",
        "caseload": f"{API}/participants",
        "trajectory": trajectory,
        "team": f"{trajectory}/team",
        "timeline": f"{trajectory}/timeline",
        "notes": f"{trajectory}/notes",
    }


def key_paths(value: Any, prefix: str = "") -> Iterator[str]:
    """Every key in a JSON document, nested keys as ``parent.child``, list items as ``[]``."""
    if isinstance(value, dict):
        for key, inner in value.items():
            path = f"{prefix}.{key}" if prefix else key
            yield path
            yield from key_paths(inner, path)
    elif isinstance(value, list):
        for inner in value:
            yield from key_paths(inner, f"{prefix}[]")


@pytest.fixture
def shared_file(session: Session, world: World) -> World:
    """Everything a participant's full record holds, a coach on the team, and the consents
    that let the other organisations' team members in."""
    participant = world.participant
    participant.insz = INSZ
    participant.address = ADDRESS
    participant.email = EMAIL
    participant.phone = PHONE
    participant.referral_source = ReferralSource.MENTAL_HEALTH
    participant.set_target_groups(["psychological"])
    session.add(
        BenefitStatus(
            participant_id=participant.id,
            kind=BenefitKind.RIZIV_WORK_INCAPACITATED,
            valid_from=date(2024, 1, 1),
        )
    )
    session.commit()
    add_team_member(session, world.trajectory, world.coach, team_role=TeamRole.COACH)
    give_consent(session, participant, world.gtb, work=True)
    give_consent(session, participant, world.ggz, work=True, care=True)
    return world


@pytest.mark.parametrize("role", sorted(ALLOWED))
def test_each_role_receives_only_its_allowed_keys(
    client: TestClient, settings: Settings, shared_file: World, role: str
) -> None:
    user: User = getattr(shared_file, role)
    headers = token_headers(user, settings)
    for name, url in urls(shared_file).items():
        allowed = ALLOWED[role][name]
        response = client.get(url, headers=headers)
        if allowed is None:
            assert response.status_code == 403, (role, name, response.text)
            continue
        assert response.status_code == 200, (role, name, response.text)
        received = set(key_paths(response.json()))
        assert received - allowed == set(), f"{role} receives {name} keys it may not"
        if name == "participant":  # nothing of the role's record is missing either
            assert received == allowed, (role, sorted(allowed - received))


def test_the_full_record_is_the_full_view_and_the_coachs_is_the_work_floor_view(
    client: TestClient, settings: Settings, shared_file: World
) -> None:
    url = urls(shared_file)["participant"]
    full = client.get(url, headers=token_headers(shared_file.mediator, settings)).json()
    assert full["view"] == "full"
    assert (full["insz"], full["address"], full["email"]) == (INSZ, ADDRESS, EMAIL)
    assert full["target_groups"] == ["psychological"]
    coach = client.get(url, headers=token_headers(shared_file.coach, settings)).json()
    assert coach["view"] == "work_floor"
    assert (coach["phone"], coach["last_name"]) == (PHONE, "Vogelaar")
    caseload = client.get(
        urls(shared_file)["caseload"], headers=token_headers(shared_file.coach, settings)
    ).json()
    assert [item["view"] for item in caseload["items"]] == ["work_floor"]


def test_nothing_a_coach_receives_holds_the_insz_contact_details_or_a_care_note(
    client: TestClient, settings: Settings, shared_file: World
) -> None:
    headers = token_headers(shared_file.coach, settings)
    bodies = [client.get(url, headers=headers) for url in urls(shared_file).values()]
    participant = f"{API}/participants/{shared_file.participant.id}"
    bodies += [
        client.get(f"{participant}/export", headers=headers),
        client.get(f"{API}/notes/{shared_file.notes[Visibility.CARE_SHARED].id}", headers=headers),
        client.get(
            f"{API}/notes/{shared_file.notes[Visibility.CARE_INTERNAL].id}", headers=headers
        ),
    ]
    for response in bodies:
        assert response.status_code in (200, 403, 404), response.text
        for secret in (INSZ, ADDRESS, EMAIL, "psychological", "mental_health", *CARE_BODIES):
            assert secret not in response.text, (str(response.url), secret)
    # The team note is there: the check above is not passing on empty answers.
    notes = client.get(urls(shared_file)["notes"], headers=headers).json()["items"]
    assert [note["body"] for note in notes] == [f"canary-{Visibility.TEAM}"]


def test_a_manager_receives_no_note_body_anywhere(
    client: TestClient, settings: Settings, shared_file: World
) -> None:
    headers = token_headers(shared_file.manager, settings)
    for url in urls(shared_file).values():
        response = client.get(url, headers=headers)
        assert "canary-" not in response.text, url


@pytest.mark.parametrize("kind", ["benefit-statuses", "activity-permissions", "vdab-advices"])
def test_a_coach_gets_403_on_benefits_permissions_and_advice(
    client: TestClient, settings: Settings, shared_file: World, kind: str
) -> None:
    url = f"{API}/participants/{shared_file.participant.id}/{kind}"
    refused = client.get(url, headers=token_headers(shared_file.coach, settings))
    assert refused.status_code == 403
    assert "RIZIV" not in refused.text and "riziv" not in refused.text
    allowed = client.get(url, headers=token_headers(shared_file.mediator, settings))
    assert allowed.status_code == 200


def test_a_coach_may_neither_write_nor_search_an_insz(
    client: TestClient, settings: Settings, shared_file: World
) -> None:
    """The uniqueness and duplicate checks would otherwise tell whose INSZ it is."""
    headers = token_headers(shared_file.coach, settings)
    search = client.get(f"{API}/participants/duplicates", params={"insz": INSZ}, headers=headers)
    assert search.status_code == 403
    created = client.post(
        f"{API}/participants",
        json={
            "first_name": "Jan",
            "last_name": "Peeters",
            "birth_date": "1990-02-03",
            "insz": INSZ,
        },
        headers=headers,
    )
    assert created.status_code == 403
    patched = client.patch(
        f"{API}/participants/{shared_file.participant.id}",
        json={"insz": INSZ},
        headers={**headers, "If-Match": f'"{shared_file.participant.version}"'},
    )
    assert patched.status_code == 403
    changed_phone = client.patch(
        f"{API}/participants/{shared_file.participant.id}",
        json={"phone": "0499 99 99 99"},
        headers={**headers, "If-Match": f'"{shared_file.participant.version}"'},
    )
    assert changed_phone.status_code == 200, changed_phone.text
    assert set(changed_phone.json()) == {key for key in WORK_FLOOR_DETAIL if "." not in key}


def test_outsiders_receive_no_participant_at_all(
    client: TestClient, settings: Settings, shared_file: World
) -> None:
    for user in (shared_file.partner_manager, shared_file.stranger_counsellor):
        headers = token_headers(user, settings)
        assert client.get(urls(shared_file)["participant"], headers=headers).status_code == 404
        caseload = client.get(urls(shared_file)["caseload"], headers=headers).json()
        assert caseload["items"] == []
    # Admins run accounts, not case work: the file is not theirs to see.
    admin = token_headers(shared_file.admin, settings)
    assert client.get(urls(shared_file)["participant"], headers=admin).status_code == 404
    assert client.get(urls(shared_file)["caseload"], headers=admin).status_code == 403
