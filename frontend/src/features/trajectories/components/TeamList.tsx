import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { TEAM_ROLES } from "../../../api/enums";
import { isApiError } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { FormProblem } from "../../../components/FormProblem";
import { ErrorMessage, Loading } from "../../../components/StatusMessage";
import { useDialogs } from "../../../components/useDialogs";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, choice, requiredDate, requiredId } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useAddTeamMember, useEndTeamMember, useTeam, type TeamMember } from "../api";
import { StaffPicker } from "./StaffPicker";

const memberSchema = apiBody<"TeamMemberCreate">()(
  z.object({ user_id: requiredId(), team_role: choice(TEAM_ROLES), from_date: requiredDate() }),
);

function AddMemberDialog({ trajectoryId, onClose, onDone }: { trajectoryId: string; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddTeamMember(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: memberSchema,
    defaultValues: { user_id: "", team_role: "", from_date: formatDayFirstDate(todayIso()) },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: (member) => onDone(t("team.add.saved", { name: member.user_name })), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("team.add.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("team.add.submit")}
      pendingLabel={t("common.saving")}
      error={add.error}
      errorTitle={t("team.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <StaffPicker
        trajectoryId={trajectoryId}
        control={form.control}
        name="user_id"
        label={t("team.add.person")}
        hint={t("team.add.personHint")}
        error={fieldError("user_id")}
      />
      <RadioGroupField
        control={form.control}
        name="team_role"
        legend={t("team.add.role")}
        error={fieldError("team_role")}
        options={TEAM_ROLES.map((role) => ({ value: role, label: t(`teamRole.${role}`) }))}
      />
      <DateField control={form.control} name="from_date" label={t("team.add.from")} error={fieldError("from_date")} />
    </FormDialog>
  );
}

function EndMemberDialog({ trajectoryId, member, onClose, onDone }: { trajectoryId: string; member: TeamMember; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const end = useEndTeamMember(trajectoryId);
  // A 412 means the membership changed meanwhile: the list has been reloaded, the person decides again.
  const stale = isApiError(end.error) && end.error.status === 412;
  return (
    <Dialog open title={t("team.end.title")} description={member.user_name} onClose={onClose}>
      {end.isError && (stale ? <p className="alert alert--warning" role="alert">{t("team.end.stale")}</p> : <FormProblem title={t("team.end.error")} error={end.error} />)}
      <p>{t("team.end.text", { name: member.user_name })}</p>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t("common.cancel")}
        </button>
        <button
          type="button"
          className="button button--primary"
          aria-disabled={end.isPending || stale}
          onClick={() => {
            if (end.isPending || stale) return;
            end.mutate(member, { onSuccess: () => onDone(t("team.end.saved", { name: member.user_name })) });
          }}
        >
          {end.isPending ? t("common.saving") : t("team.end.submit")}
        </button>
      </div>
    </Dialog>
  );
}

interface TeamListProps {
  trajectoryId: string;
  /** May add and end members (trajectories:manage). */
  canManage: boolean;
}

type TeamDialog = { kind: "add" } | { kind: "end"; member: TeamMember };

/** The mini-team: who, in which role, from which organisation, since when. */
export function TeamList({ trajectoryId, canManage }: TeamListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const team = useTeam(trajectoryId);
  const dialogs = useDialogs<TeamDialog>();
  const [today] = useState(todayIso);
  // Members whose period ended are history (the timeline shows them), not the team.
  const current = team.data?.filter((member) => member.to_date === null || member.to_date >= today) ?? [];

  return (
    <section className="card dossier__team" aria-labelledby="team-heading">
      <div className="section-head">
        <h2 id="team-heading">{t("dossier.team")}</h2>
        {canManage && (
          <button type="button" className="button button--secondary" onClick={() => dialogs.show({ kind: "add" })}>
            {t("team.add.open")}
          </button>
        )}
      </div>
      <div role="status">{dialogs.message && <p className="alert alert--success">{dialogs.message}</p>}</div>
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
                {member.to_date && ` · ${t("team.until", { date: format.date(member.to_date) })}`}
              </span>
              {canManage && (
                <button
                  type="button"
                  className="button button--ghost team__end"
                  aria-label={t("team.end.openLabel", { name: member.user_name })}
                  onClick={() => dialogs.show({ kind: "end", member })}
                >
                  {t("team.end.open")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {dialogs.open?.kind === "add" && <AddMemberDialog trajectoryId={trajectoryId} onClose={dialogs.close} onDone={dialogs.finish} />}
      {dialogs.open?.kind === "end" && (
        <EndMemberDialog trajectoryId={trajectoryId} member={dialogs.open.member} onClose={dialogs.close} onDone={dialogs.finish} />
      )}
    </section>
  );
}
