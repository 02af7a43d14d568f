import { useTranslation } from "react-i18next";

import { ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { useTeam } from "../api";

/** The mini-team: who, in which role, from which organisation, since when. */
export function TeamList({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const team = useTeam(trajectoryId);
  const today = todayIso();
  // Members whose period ended are history (the timeline shows them), not the team.
  const current = team.data?.filter((member) => member.to_date === null || member.to_date >= today) ?? [];

  return (
    <section className="card dossier__team" aria-labelledby="team-heading">
      <h2 id="team-heading">{t("dossier.team")}</h2>
      {team.isPending ? (
        <Loading>{t("app.loading")}</Loading>
      ) : team.isError ? (
        <ErrorMessage title={t("dossier.teamError")} error={team.error} onRetry={() => void team.refetch()} />
      ) : current.length === 0 ? (
        <p className="muted">{t("dossier.teamEmpty")}</p>
      ) : (
        <ul className="team">
          {current.map((member) => (
            <li key={member.id} className="team__member">
              <span className="team__name">{member.user_name}</span>
              <span className="team__role">{t(`teamRole.${member.team_role}`)}</span>
              <span className="team__org">
                {member.organisation_name} · {t("dossier.teamSince", { date: format.date(member.from_date) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
