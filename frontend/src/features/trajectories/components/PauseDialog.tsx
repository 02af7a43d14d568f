import { useTranslation } from "react-i18next";

import { TextAreaField } from "../../../components/Fields";
import { todayIso } from "../../../i18n/format";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { useApiForm } from "../../../forms/useApiForm";
import { earliestStatusDate, pauseSchema } from "../actionForms";
import { usePause, useStatusChanges, type Trajectory } from "../api";
import { useTrajectoryAction } from "../useTrajectoryAction";
import { TrajectoryChangedNotice } from "./TrajectoryChangedNotice";

interface PauseDialogProps {
  trajectory: Trajectory;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Pause for illness or crisis: a reason, and when known, the expected return. */
export function PauseDialog({ trajectory, participantName, onClose, onDone }: PauseDialogProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const pause = usePause(trajectory.id);
  const action = useTrajectoryAction(trajectory);
  const history = useStatusChanges(trajectory.id);
  const earliest = earliestStatusDate(action.base, history.data);
  const defaultValues = { date: formatDayFirstDate(today), reason: "", expected_return_on: "" };
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: pauseSchema({ today, earliest }), defaultValues });

  const submit = form.handleSubmit(async (body) => {
    if (pause.isPending) return;
    try {
      if (await action.run((version) => pause.mutateAsync({ version, body }))) onDone(t("pauseDialog.success"));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("pauseDialog.title")}
      description={participantName}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={pause.isPending}
      submitLabel={t("pauseDialog.submit")}
      pendingLabel={t("pauseDialog.submitting")}
      error={action.changed === null ? (pause.error ?? action.reloadError) : null}
      errorTitle={t("pauseDialog.errorTitle")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty || action.changed !== null}
      notice={
        action.changed && (
          <TrajectoryChangedNotice
            rows={action.changed}
            busy={pause.isPending}
            onReapply={() => void submit()}
            onDiscard={() => {
              form.reset(defaultValues);
              action.dismiss();
            }}
          />
        )
      }
    >
      <DateField control={form.control} name="date" label={t("pauseDialog.date")} error={fieldError("date")} />
      <TextAreaField label={t("pauseDialog.reason")} rows={3} maxLength={1000} required error={fieldError("reason")} {...form.register("reason")} />
      <DateField control={form.control} name="expected_return_on" label={t("pauseDialog.expectedReturn")} error={fieldError("expected_return_on")} />
    </FormDialog>
  );
}
