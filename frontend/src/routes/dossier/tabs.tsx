import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

import { EmploymentOverview } from "../../features/employment/components/EmploymentOverview";
import { NoteList } from "../../features/notes/components/NoteList";
import { OutflowOverview } from "../../features/outflow/components/OutflowOverview";
import { GoalList } from "../../features/progress/components/GoalList";
import { ProgressLogList } from "../../features/progress/components/ProgressLogList";
import type { TimelineKind } from "../../features/timeline/api";
import { TimelineList } from "../../features/timeline/components/TimelineList";
import { useTeam } from "../../features/trajectories/api";
import { DOSSIER_TABS, useDossier, type DossierTabKey } from "./context";

export function ProgressTab() {
  const { trajectory } = useDossier();
  return <ProgressLogList trajectoryId={trajectory.id} />;
}

export function GoalsTab() {
  const { trajectory } = useDossier();
  return <GoalList trajectoryId={trajectory.id} />;
}

export function NotesTab() {
  const { trajectory } = useDossier();
  const team = useTeam(trajectory.id);
  const names = new Map((team.data ?? []).map((member) => [member.user_id, member.user_name]));
  return <NoteList trajectoryId={trajectory.id} authorName={(id) => (id ? (names.get(id) ?? null) : null)} />;
}

export function EmploymentTab() {
  const { trajectory, participant } = useDossier();
  return <EmploymentOverview trajectoryId={trajectory.id} participantId={participant.id} />;
}

export function OutflowTab() {
  const { trajectory } = useDossier();
  return <OutflowOverview trajectoryId={trajectory.id} />;
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
