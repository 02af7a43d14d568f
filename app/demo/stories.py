"""What happens to each demo participant: one scripted story per trajectory.

The stories fix what the region shows (every phase and status, pauses, moves back, re-entries,
paid and unpaid outflows with follow-ups in every state); the seed only varies names, dates
within the ranges below, attendance, scores and wording. So whatever the seed and whatever
today is, the demo covers the same ground.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.demo.region import BOS, CGG, DENDER, GTB, KIEM, OCMW_AALST, OCMW_GENT, VDAB, WAAS, W
from app.employment.models import InternshipType
from app.outflow.categories import OutflowCategory
from app.outflow.models import FollowUpStatus


class Kind(StrEnum):
    """Where the trajectory stands today (the path there depends on the organisation: one
    with work floors goes through `placement`, a mediation service does not)."""

    WAITING = "waiting"  # referred, on the waiting list
    CLOSED_UNSTARTED = "closed_unstarted"  # referred, never started, closed
    INTAKE = "intake"
    PAUSED_INTAKE = "paused_intake"
    PLACEMENT = "placement"
    PLACEMENT_RESUMED = "placement_resumed"  # paused once, back at work
    PLACEMENT_AGAIN = "placement_again"  # internship ended early, back to the work floor
    PAUSED_PLACEMENT = "paused_placement"
    ACTIVATION = "activation"
    ACTIVATION_BACK = "activation_back"  # activation module too heavy, back to placement
    PAUSED_ACTIVATION = "paused_activation"
    INTERNSHIP = "internship"
    OUTFLOW = "outflow"


@dataclass(frozen=True)
class Story:
    organisation: str
    framework: str
    kind: Kind
    outflow: OutflowCategory | None = None
    months_ago: int = 0  # of the outflow
    # Follow-up statuses at +3/+6/+12 months; None: due but not recorded yet. Follow-ups past
    # the tuple are recorded as same_job when due, left open when not.
    follow_ups: tuple[FollowUpStatus | None, ...] = ()
    closed_after_follow_up: bool = False
    extra_follow_up: bool = False
    job_ends_after_months: int | None = None
    internship: InternshipType | None = None
    person: str | None = None  # the same person registered again by another organisation
    previous: Story | None = None  # re-entry: the earlier, closed trajectory
    # The demo logins always sit on this file's team: the tour (and tests/cli/test_demo.py)
    # rely on it, whatever the day's dates do to the random draws.
    on_demo_logins: bool = False


S = FollowUpStatus
C = OutflowCategory
I = InternshipType  # noqa: E741
AW, ASE, DP = "ama_welfare", "ama_social_economy", "doorstroom_province"

STORIES: list[Story] = [
    # --- De Werkplaats vzw: the demo coach's caseload ------------------------------------
    Story(W, AW, Kind.WAITING),
    Story(W, AW, Kind.WAITING),
    Story(W, AW, Kind.INTAKE),
    Story(W, AW, Kind.INTAKE),
    Story(W, AW, Kind.PLACEMENT),
    Story(W, AW, Kind.PLACEMENT),
    Story(W, AW, Kind.PLACEMENT),
    Story(W, ASE, Kind.PLACEMENT),
    Story(W, AW, Kind.PLACEMENT_RESUMED),
    Story(W, AW, Kind.PLACEMENT, person="tandem"),
    Story(W, AW, Kind.PLACEMENT_AGAIN),
    Story(W, AW, Kind.ACTIVATION),
    Story(W, AW, Kind.ACTIVATION),
    Story(W, AW, Kind.INTERNSHIP, internship=I.WORK_EXPERIENCE),
    Story(W, AW, Kind.INTERNSHIP, internship=I.EXTERNAL_WORK_FLOOR),
    Story(W, AW, Kind.PAUSED_PLACEMENT),
    Story(W, AW, Kind.PAUSED_ACTIVATION),
    Story(
        W,
        AW,
        Kind.OUTFLOW,
        C.REGULAR_JOB,
        15,
        (S.SAME_JOB, S.SAME_JOB, S.OTHER_JOB),
        closed_after_follow_up=True,
        internship=I.WORK_EXPERIENCE,
    ),
    Story(W, AW, Kind.OUTFLOW, C.COLLECTIVE_MAATWERK, 7, (S.SAME_JOB, None), on_demo_logins=True),
    Story(W, AW, Kind.OUTFLOW, C.SELF_EMPLOYED, 2),
    Story(W, AW, Kind.OUTFLOW, C.BACK_TO_CARE, 5),
    Story(W, AW, Kind.OUTFLOW, C.VOLUNTEERING, 10),
    Story(W, AW, Kind.CLOSED_UNSTARTED),
    Story(W, AW, Kind.PLACEMENT, previous=Story(W, AW, Kind.OUTFLOW, C.BACK_TO_CARE, 17)),
    # --- Arbeidszorg De Kiem vzw ---------------------------------------------------------
    Story(KIEM, AW, Kind.WAITING),
    Story(KIEM, AW, Kind.INTAKE),
    Story(KIEM, AW, Kind.PLACEMENT),
    Story(KIEM, AW, Kind.PLACEMENT),
    Story(KIEM, AW, Kind.PLACEMENT),
    Story(KIEM, AW, Kind.ACTIVATION_BACK),
    Story(KIEM, AW, Kind.PAUSED_INTAKE),
    Story(KIEM, AW, Kind.OUTFLOW, C.DROP_OUT, 3),
    # --- Atelier Ten Bos vzw -------------------------------------------------------------
    Story(BOS, AW, Kind.PLACEMENT),
    Story(BOS, AW, Kind.PLACEMENT),
    Story(BOS, AW, Kind.INTERNSHIP, internship=I.WORK_EXPERIENCE),
    Story(
        BOS,
        AW,
        Kind.OUTFLOW,
        C.TEMP_AGENCY,
        13,
        (S.SAME_JOB, S.OTHER_JOB, S.UNKNOWN),
        closed_after_follow_up=True,
    ),
    Story(BOS, AW, Kind.WAITING, previous=Story(BOS, AW, Kind.OUTFLOW, C.DROP_OUT, 14)),
    # --- Wase Werkplaatsen (maatwerkbedrijf, AMA in de sociale economie) ------------------
    Story(WAAS, ASE, Kind.PLACEMENT),
    Story(WAAS, ASE, Kind.PLACEMENT),
    Story(
        WAAS,
        ASE,
        Kind.OUTFLOW,
        C.REGULAR_JOB,
        9,
        (S.SAME_JOB, S.NOT_WORKING),
        extra_follow_up=True,
        job_ends_after_months=5,
        internship=I.WORK_EXPERIENCE,
    ),
    Story(WAAS, ASE, Kind.OUTFLOW, C.TRAINING, 6, internship=I.TRAINING),
    # --- Maatwerkbedrijf Denderland ------------------------------------------------------
    Story(DENDER, ASE, Kind.PLACEMENT),
    Story(DENDER, ASE, Kind.PLACEMENT_RESUMED),
    Story(DENDER, ASE, Kind.ACTIVATION),
    # --- GTB Oost-Vlaanderen: the demo mediator's caseload --------------------------------
    Story(GTB, DP, Kind.WAITING),
    Story(GTB, DP, Kind.INTAKE),
    Story(GTB, DP, Kind.ACTIVATION, person="tandem"),
    Story(GTB, DP, Kind.ACTIVATION),
    Story(GTB, DP, Kind.INTERNSHIP, internship=I.IBO),
    Story(GTB, "ips", Kind.INTERNSHIP, internship=I.BIS),
    Story(GTB, DP, Kind.PAUSED_ACTIVATION),
    Story(
        GTB,
        DP,
        Kind.OUTFLOW,
        C.REGULAR_JOB_SUPPORTED,
        5,
        (S.SAME_JOB,),
        internship=I.WORK_EXPERIENCE,
    ),
    Story(GTB, DP, Kind.OUTFLOW, C.IBO, 3, internship=I.IBO),
    Story(GTB, DP, Kind.OUTFLOW, C.MOVED, 8),
    # --- VDAB Gent -----------------------------------------------------------------------
    Story(VDAB, "activation_trajectory", Kind.INTAKE),
    Story(VDAB, "activation_trajectory", Kind.ACTIVATION),
    Story(VDAB, "activation_trajectory", Kind.ACTIVATION),
    Story(VDAB, "activation_trajectory", Kind.OUTFLOW, C.TEMPORARY_WORK_EXPERIENCE, 4, (None,)),
    # --- CGG Scheldeland: IPS (Werk Werkt!), the demo counsellor's caseload ---------------
    Story(CGG, "ips", Kind.INTAKE),
    Story(CGG, "ips", Kind.ACTIVATION),
    Story(CGG, "ips", Kind.ACTIVATION),
    Story(CGG, "ips", Kind.OUTFLOW, C.REGULAR_JOB, 1),
    # --- OCMW ----------------------------------------------------------------------------
    Story(OCMW_GENT, "other", Kind.ACTIVATION),
    Story(OCMW_GENT, "other", Kind.OUTFLOW, C.AMA_SOCIAL_ECONOMY, 6),
    Story(OCMW_AALST, "other", Kind.INTAKE),
]
