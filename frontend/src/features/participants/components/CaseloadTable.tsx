import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { PhaseBadge, StatusBadge, WarningBadge } from "../../../components/Badges";
import { TableRegion } from "../../../components/DataTable";
import { listName, preferredNameNote } from "../../../components/personName";
import { useFormat } from "../../../components/useFormat";
import { daysBetween, todayIso } from "../../../i18n/format";
import type { ParticipantListItem } from "../api";

interface CaseloadTableProps {
  participants: readonly ParticipantListItem[];
  frameworkName: (code: string) => string;
}

function Attention({ participant }: { participant: ParticipantListItem }) {
  const { t } = useTranslation();
  const goals = participant.overdue_goals;
  const followUps = participant.overdue_follow_ups;
  if (goals === 0 && followUps === 0) return <span className="muted">–</span>;
  return (
    <span className="badges">
      {goals > 0 && <WarningBadge>{t("caseload.overdueGoals", { count: goals })}</WarningBadge>}
      {followUps > 0 && <WarningBadge>{t("caseload.overdueFollowUps", { count: followUps })}</WarningBadge>}
    </span>
  );
}

function ParticipantRow({ participant, frameworkName }: { participant: ParticipantListItem; frameworkName: (code: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trajectory = participant.current_trajectory ?? null;
  const preferred = preferredNameNote(participant);
  return (
    <tr>
      <th scope="row" className="caseload__name">
        <Link to={`/deelnemers/${participant.id}`} className="table__link">
          {listName(participant)}
        </Link>
        {preferred && <span className="table__note">{t("caseload.preferred", { name: preferred })}</span>}
        {trajectory && <span className="table__note">{frameworkName(trajectory.framework_code)}</span>}
      </th>
      {trajectory ? (
        <>
          <td>
            <PhaseBadge phase={trajectory.phase} />
            <span className="table__note" title={t("caseload.since", { date: format.date(trajectory.phase_since) })}>
              {t("caseload.days", { count: Math.max(0, daysBetween(trajectory.phase_since, todayIso())) })}
            </span>
          </td>
          <td>
            <StatusBadge status={trajectory.status} />
          </td>
          <td>{participant.coach?.name ?? <span className="muted">–</span>}</td>
          <td className="table__nowrap">
            {participant.last_contact_on ? format.date(participant.last_contact_on) : <span className="muted">–</span>}
          </td>
          <td>
            <Attention participant={participant} />
          </td>
        </>
      ) : (
        <td colSpan={5} className="muted">
          {t("caseload.noTrajectory")}
        </td>
      )}
    </tr>
  );
}

export function CaseloadTable({ participants, frameworkName }: CaseloadTableProps) {
  const { t } = useTranslation();
  return (
    <TableRegion caption={t("caseload.caption")}>
      <thead>
        <tr>
          <th scope="col">{t("caseload.name")}</th>
          <th scope="col">{t("caseload.phase")}</th>
          <th scope="col">{t("caseload.status")}</th>
          <th scope="col">{t("caseload.coach")}</th>
          <th scope="col">{t("caseload.lastContact")}</th>
          <th scope="col">{t("caseload.attention")}</th>
        </tr>
      </thead>
      <tbody>
        {participants.map((participant) => (
          <ParticipantRow key={participant.id} participant={participant} frameworkName={frameworkName} />
        ))}
      </tbody>
    </TableRegion>
  );
}
