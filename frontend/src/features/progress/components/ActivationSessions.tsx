import { useTranslation } from "react-i18next";
import { z } from "zod";

import { SESSION_COMPONENTS } from "../../../api/enums";
import { TableRegion } from "../../../components/DataTable";
import { TextAreaField } from "../../../components/Fields";
import { SectionHead } from "../../../components/SectionHead";
import { EmptyState, ErrorMessage, Loading } from "../../../components/StatusMessage";
import { TextField } from "../../../components/TextField";
import { useDialogs } from "../../../components/useDialogs";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, choice, optionalText, requiredDate, requiredNumber, requiredText } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useActivationSessions, useAddActivationSession } from "../api";

const schema = (today: string, earliest: string) =>
  apiBody<"ActivationSessionCreate">()(
    z.object({
      component: choice(SESSION_COMPONENTS),
      provider: requiredText(200),
      held_on: requiredDate({ notAfter: today, notBefore: earliest }),
      minutes: requiredNumber({ min: 1, max: 600, whole: true }),
      report: optionalText(5000),
    }),
  );

interface SessionDialogProps {
  trajectoryId: string;
  earliest: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

function SessionDialog({ trajectoryId, earliest, onClose, onDone }: SessionDialogProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const add = useAddActivationSession(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: schema(today, earliest),
    defaultValues: { component: "", provider: "", held_on: formatDayFirstDate(today), minutes: "60", report: "" },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => onDone(t("sessions.add.saved")), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("sessions.add.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("sessions.add.submit")}
      pendingLabel={t("common.saving")}
      error={add.error}
      errorTitle={t("sessions.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <RadioGroupField
        control={form.control}
        name="component"
        legend={t("sessions.component")}
        error={fieldError("component")}
        options={SESSION_COMPONENTS.map((component) => ({ value: component, label: t(`sessionComponent.${component}`) }))}
        inline
      />
      <TextField label={t("sessions.provider")} hint={t("sessions.providerHint")} error={fieldError("provider")} {...form.register("provider")} />
      <div className="form-grid">
        <DateField control={form.control} name="held_on" label={t("sessions.heldOn")} error={fieldError("held_on")} />
        <TextField label={t("sessions.minutes")} inputMode="numeric" className="field__input--short" error={fieldError("minutes")} {...form.register("minutes")} />
      </div>
      <TextAreaField label={t("sessions.reportOptional")} rows={4} error={fieldError("report")} {...form.register("report")} />
    </FormDialog>
  );
}

interface ActivationSessionsProps {
  trajectoryId: string;
  earliest: string;
  canWrite: boolean;
}

/** Care, empowerment and job-search sessions: what, by whom, how long. */
export function ActivationSessions({ trajectoryId, earliest, canWrite }: ActivationSessionsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useActivationSessions(trajectoryId);
  const dialogs = useDialogs<"add">();

  return (
    <section aria-labelledby="sessions-heading" className="stack">
      <SectionHead id="sessions-heading" title={t("sessions.heading")} message={dialogs.message}>
        {canWrite && (
          <button type="button" className="button button--secondary" onClick={() => dialogs.show("add")}>
            {t("sessions.add.open")}
          </button>
        )}
      </SectionHead>
      {sessions.isPending ? (
        <Loading>{t("sessions.loading")}</Loading>
      ) : sessions.isError ? (
        <ErrorMessage title={t("sessions.error")} error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <EmptyState>{t("sessions.empty")}</EmptyState>
      ) : (
        <TableRegion caption={t("sessions.heading")}>
          <thead>
            <tr>
              <th scope="col">{t("sessions.heldOn")}</th>
              <th scope="col">{t("sessions.component")}</th>
              <th scope="col">{t("sessions.provider")}</th>
              <th scope="col">{t("sessions.minutes")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((session) => (
              <tr key={session.id}>
                <th scope="row" className="table__nowrap">
                  {format.date(session.held_on)}
                </th>
                <td>
                  {t(`sessionComponent.${session.component}`)}
                  {session.report && <span className="table__note">{session.report}</span>}
                </td>
                <td>{session.provider}</td>
                <td className="table__number">{format.number(session.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      {dialogs.open === "add" && <SessionDialog trajectoryId={trajectoryId} earliest={earliest} onClose={dialogs.close} onDone={dialogs.finish} />}
    </section>
  );
}
