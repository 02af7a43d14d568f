import { todayIso } from "../../../i18n/format";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { useApiForm } from "../../../forms/useApiForm";
import { datedSchema, earliestStatusDate } from "../actionForms";
import { useStatusChanges, type StartRequest, type Trajectory } from "../api";
import { useTrajectoryAction } from "../useTrajectoryAction";
import { TrajectoryChangedNotice } from "./TrajectoryChangedNotice";

export interface DatedStatusDialogProps {
  trajectory: Trajectory;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

interface Texts {
  title: string;
  description: (base: Trajectory) => string;
  date: string;
  dateHint?: string | undefined;
  submit: string;
  submitting: string;
  success: string;
  errorTitle: string;
}

interface Mutation {
  mutateAsync: (variables: { version: number; body: StartRequest }) => Promise<unknown>;
  isPending: boolean;
  error: unknown;
}

/** A status change that only needs its day: start (off the waiting list) and resume. */
export function DatedStatusDialog({ trajectory, onClose, onDone, texts, mutation }: DatedStatusDialogProps & { texts: Texts; mutation: Mutation }) {
  const today = todayIso();
  const action = useTrajectoryAction(trajectory);
  const history = useStatusChanges(trajectory.id);
  const earliest = earliestStatusDate(action.base, history.data);
  const defaultValues = { date: formatDayFirstDate(today) };
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: datedSchema({ today, earliest }), defaultValues });

  const submit = form.handleSubmit(async (body) => {
    if (mutation.isPending) return;
    try {
      if (await action.run((version) => mutation.mutateAsync({ version, body }))) onDone(texts.success);
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={texts.title}
      description={texts.description(action.base)}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={mutation.isPending}
      submitLabel={texts.submit}
      pendingLabel={texts.submitting}
      error={action.changed === null ? (mutation.error ?? action.reloadError) : null}
      errorTitle={texts.errorTitle}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty || action.changed !== null}
      notice={
        action.changed && (
          <TrajectoryChangedNotice
            rows={action.changed}
            busy={mutation.isPending}
            onReapply={() => void submit()}
            onDiscard={() => {
              form.reset(defaultValues);
              action.dismiss();
            }}
          />
        )
      }
    >
      <DateField control={form.control} name="date" label={texts.date} hint={texts.dateHint} error={fieldError("date")} />
    </FormDialog>
  );
}
