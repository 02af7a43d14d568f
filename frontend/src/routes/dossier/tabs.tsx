import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

import { useInternships, useJobs } from "../../features/employment/api";
import { ConsentList } from "../../features/consents/components/ConsentList";
import { EmploymentOverview } from "../../features/employment/components/EmploymentOverview";
import { SectionHead } from "../../components/SectionHead";
import { EmptyState } from "../../components/StatusMessage";
import { useDialogs } from "../../components/useDialogs";
import { useFormat } from "../../components/useFormat";
import { can } from "../../features/auth/permissions";
import { NoteForm } from "../../features/notes/components/NoteForm";
import { NoteList } from "../../features/notes/components/NoteList";
import { writableVisibilities } from "../../features/notes/visibility";
import { OutflowOverview } from "../../features/outflow/components/OutflowOverview";
import { GoalList } from "../../features/progress/components/GoalList";
import { ActivationSessions } from "../../features/progress/components/ActivationSessions";
import { ProgressLogDialog } from "../../features/progress/components/ProgressLogDialog";
import { ProgressLogList } from "../../features/progress/components/ProgressLogList";
import type { TimelineKind } from "../../features/timeline/api";
import { TimelineList } from "../../features/timeline/components/TimelineList";
import { useTeam } from "../../features/trajectories/api";
import { DOSSIER_TABS, useDossier, type DossierTabKey } from "./context";

export function ProgressTab() {
  const { t } = useTranslation();
  const { trajectory, me } = useDossier();
  const dialogs = useDialogs<"log">();
  const canWrite = can(me, "progress:write") && trajectory.status !== "closed";
  const earliest = trajectory.started_on ?? trajectory.referred_on;
  return (
    <div className="stack stack--sections">
      <section aria-labelledby="progress-heading" className="stack">
        <SectionHead id="progress-heading" title={t("progress.heading")} message={dialogs.message}>
          {canWrite && (
            <button type="button" className="button button--primary" onClick={() => dialogs.show("log")}>
              {t("progress.add.open")}
            </button>
          )}
        </SectionHead>
        <ProgressLogList trajectoryId={trajectory.id} />
      </section>
      <ActivationSessions trajectoryId={trajectory.id} earliest={earliest} canWrite={canWrite} />
      {dialogs.open === "log" && (
        <ProgressLogDialog trajectoryId={trajectory.id} earliest={earliest} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </div>
  );
}

export function GoalsTab() {
  const { trajectory, me } = useDossier();
  return <GoalList trajectoryId={trajectory.id} canWrite={can(me, "progress:write") && trajectory.status !== "closed"} />;
}

export function NotesTab() {
  const { t } = useTranslation();
  const { trajectory, me } = useDossier();
  const team = useTeam(trajectory.id);
  const names = new Map((team.data ?? []).map((member) => [member.user_id, member.user_name]));
  // Managers and admins read no notes: the tab is hidden for them, and a typed URL shows nothing.
  if (!can(me, "notes:read")) return <EmptyState>{t("notes.notForYou")}</EmptyState>;
  const canWrite = can(me, "notes:write") && trajectory.status !== "closed";
  const writable = writableVisibilities(me);
  return (
    <div className="stack">
      {canWrite && <NoteForm trajectoryId={trajectory.id} options={writable} />}
      <NoteList
        trajectoryId={trajectory.id}
        authorName={(id) => (id === me.id ? me.name : id ? (names.get(id) ?? null) : null)}
        meId={me.id}
        writable={writable}
        canWrite={canWrite}
      />
    </div>
  );
}

export function EmploymentTab() {
  const { trajectory, participant, me } = useDossier();
  return (
    <EmploymentOverview
      trajectoryId={trajectory.id}
      participantId={participant.id}
      earliest={trajectory.started_on ?? trajectory.referred_on}
      canWrite={can(me, "employment:write") && trajectory.status !== "closed"}
    />
  );
}

export function OutflowTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const { trajectory, participant, me } = useDossier();
  const open = trajectory.status !== "closed";
  const canRecord = can(me, "trajectories:manage") && open && trajectory.phase !== "outflow";
  // The outflow names its job or internship: the employment feature lists them, this page joins the two.
  const jobs = useJobs(canRecord ? participant.id : "");
  const internships = useInternships(canRecord ? trajectory.id : "");
  return (
    <OutflowOverview
      trajectoryId={trajectory.id}
      canRecord={canRecord}
      canFollowUp={can(me, "employment:write")}
      earliest={trajectory.phase_since}
      jobs={(jobs.data?.items ?? []).map((job) => ({ id: job.id, label: t("outflow.record.jobOption", { occupation: job.occupation, from: format.date(job.start_date) }) }))}
      internships={(internships.data?.items ?? []).map((internship) => ({
        id: internship.id,
        label: t("outflow.record.internshipOption", { type: t(`internshipType.${internship.type}`), from: format.date(internship.start_date) }),
      }))}
    />
  );
}

export function ConsentsTab() {
  const { participant, me } = useDossier();
  return <ConsentList participantId={participant.id} ownOrganisationId={me.organisation.id} canWrite={can(me, "participants:write")} />;
}

// Where the dossier shows each kind of record; kinds without a tab of their own get no link.
const TAB_OF_KIND: Partial<Record<TimelineKind, DossierTabKey>> = {
  placement: "attendance",
  progress_log: "progress",
  goal: "goals",
  note: "notes",
  internship: "employment",
  job: "employment",
  outflow: "outflow",
  follow_up: "outflow",
};

export function TimelineTab() {
  const { t } = useTranslation();
  const { participant, trajectory } = useDossier();
  const { search } = useLocation();
  return (
    <TimelineList
      trajectoryId={trajectory.id}
      linkFor={(kind) => {
        const key = TAB_OF_KIND[kind];
        const tab = DOSSIER_TABS.find((candidate) => candidate.key === key);
        if (!tab) return null;
        return { to: `/deelnemers/${participant.id}/${tab.path}${search}`, label: t(`dossier.tab.${tab.key}`) };
      }}
    />
  );
}
