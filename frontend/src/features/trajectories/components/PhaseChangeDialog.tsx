import { useTranslation } from "react-i18next";

import { TextAreaField } from "../../../components/Fields";
import { todayIso } from "../../../i18n/format";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { useApiForm } from "../../../forms/useApiForm";
import { phaseChangeSchema, reasonRequired } from "../actionForms";
import { useRecordPhaseChange, type Trajectory } from "../api";
import { phaseMoveOptions } from "../phases";
import { useTrajectoryAction } from "../useTrajectoryAction";
import { TrajectoryChangedNotice } from "./TrajectoryChangedNotice";

interface PhaseChangeDialogProps {
  trajectory: Trajectory;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Offers only the moves the server allows now; asks a reason for a step back; dated, today by default. */
export function PhaseChangeDialog({ trajectory, participantName, onClose, onDone }: PhaseChangeDialogProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const record = useRecordPhaseChange(trajectory.id);
  const action = useTrajectoryAction(trajectory);
  const options = phaseMoveOptions(action.base);
  const choosable = options.filter((option) => !option.viaOutflow);
  const outflowPossible = options.some((option) => option.viaOutflow);
  const only = choosable.length === 1 ? choosable[0]?.target : undefined;
  const defaultValues = { to_phase: only ?? "", date: formatDayFirstDate(today), reason: "" };
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: phaseChangeSchema({ today, earliest: action.base.phase_since }, options),
    defaultValues,
  });
  const needsReason = reasonRequired(options, form.watch("to_phase"));

  const submit = form.handleSubmit(async (body) => {
    if (record.isPending) return;
    try {
      if (await action.run((version) => record.mutateAsync({ version, body }))) {
        onDone(t("phaseDialog.success", { phase: t(`phase.${body.to_phase}`) }));
      }
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("phaseDialog.title")}
      description={t("phaseDialog.description", { name: participantName, phase: t(`phase.${action.base.phase}`) })}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={record.isPending}
      submitLabel={t("phaseDialog.submit")}
      pendingLabel={t("phaseDialog.submitting")}
      error={action.changed === null ? (record.error ?? action.reloadError) : null}
      errorTitle={t("phaseDialog.errorTitle")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty || action.changed !== null}
      notice={
        action.changed && (
          <TrajectoryChangedNotice
            rows={action.changed}
            busy={record.isPending}
            onReapply={() => void submit()}
            onDiscard={() => {
              form.reset(defaultValues);
              action.dismiss();
            }}
          />
        )
      }
    >
      {choosable.length === 0 ? (
        <div className="alert alert--info">
          <p>{action.base.status === "paused" ? t("phaseDialog.pausedNote") : t("phaseDialog.noOptions")}</p>
          {fieldError("to_phase") && <p className="field__error">{fieldError("to_phase")}</p>}
        </div>
      ) : (
        <RadioGroupField
          control={form.control}
          name="to_phase"
          legend={t("phaseDialog.target")}
          error={fieldError("to_phase")}
          options={choosable.map((option) => ({
            value: option.target,
            label: t(`phase.${option.target}`),
            hint: option.reasonRequired ? t("phaseDialog.reasonNeeded") : undefined,
          }))}
        />
      )}
      {outflowPossible && <p className="field__hint">{t("phaseDialog.outflowNote")}</p>}
      <DateField control={form.control} name="date" label={t("phaseDialog.date")} hint={t("phaseDialog.dateHint")} error={fieldError("date")} />
      <TextAreaField
        label={needsReason ? t("phaseDialog.reason") : t("phaseDialog.reasonOptional")}
        hint={needsReason ? t("phaseDialog.reasonRequiredHint") : undefined}
        rows={3}
        maxLength={1000}
        required={needsReason}
        error={fieldError("reason")}
        {...form.register("reason")}
      />
    </FormDialog>
  );
}
