"""The export as a document for the person: a PDF whose text holds the whole file."""

from __future__ import annotations

import io

import pypdf
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from app.core.config import Settings
from app.core.database import utcnow
from app.notes.models import Note, Visibility
from tests.access.conftest import World
from tests.factories.case_files import make_participant, make_trajectory
from tests.factories.users import token_headers
from tests.rights.support import API, export_url


def pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_pdf_holds_the_notes_the_person_and_who_looked(
    client: TestClient,
    settings: Settings,
    full_world: World,
    admin_headers: dict[str, str],
) -> None:
    counsellor = token_headers(full_world.counsellor, settings)
    assert client.get(
        f"{API}/participants/{full_world.participant.id}", headers=counsellor
    ).is_success

    response = client.get(export_url(full_world.participant, format="pdf"), headers=admin_headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    today = utcnow().date().isoformat()
    assert response.headers["content-disposition"] == (
        f'attachment; filename="werkpad-export-{today}.pdf"'
    )
    text = pdf_text(response.content)
    assert "Canary Vogelaar" in text
    for note in full_world.notes.values():
        assert note.body in text
    # Table cells wrap at spaces: compare words, not line breaks.
    looked = " ".join(text.split("Wie heeft mijn dossier bekeken", 1)[1].split())
    assert full_world.counsellor.name in looked
    assert "bekeken" in looked  # the counsellor's read, in words
    assert "pagina 1 van" in text
    rectified = " ".join(text.split("Rechtzettingen", 1)[1].split())
    assert "Oude Baan 3, 9000 Gent" in rectified and "Adres" in rectified


def test_names_in_any_script_and_unknown_characters_never_break_the_pdf(
    client: TestClient, session: Session, world: World, admin_headers: dict[str, str]
) -> None:
    participant = make_participant(
        session, world.owner, first_name="Łucja Zoë", last_name="عائشة 😀🫠"
    )
    trajectory = make_trajectory(session, participant, world.owner)
    session.add(
        Note(
            trajectory_id=trajectory.id,
            author_id=world.counsellor.id,
            author_organisation_id=world.owner.id,
            visibility=Visibility.CARE_INTERNAL,
            written_on=trajectory.referred_on,
            body="Bel\x07 mij 🫠 " + "heel lang " * 2500,
        )
    )
    session.commit()

    response = client.get(export_url(participant, format="pdf"), headers=admin_headers)

    assert response.status_code == 200, response.text
    text = pdf_text(response.content)
    assert "Łucja Zoë" in text
    assert "\ufffd" in text  # 🫠 and the bell, shown as a placeholder instead of vanishing
