import { useTranslation } from "react-i18next";
import { z } from "zod";

import { SelectField } from "../../../components/Fields";
import { todayIso } from "../../../i18n/format";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, endNotBeforeStart, optionalDate, requiredDate, requiredId } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useFrameworkName, useFrameworks, useOpenTrajectory } from "../api";

const schema = (today: string, participantId: string) =>
  apiBody<"TrajectoryCreate">()(
    z
      .object({
        participant_id: z.literal(participantId),
        framework_code: requiredId(),
        referred_on: requiredDate({ notAfter: today }),
        started_on: optionalDate({ notAfter: today }),
      })
      .superRefine(endNotBeforeStart("referred_on", "started_on")),
  );

interface OpenTrajectoryDialogProps {
  participantId: string;
  participantName: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** A new trajectory under one framework: referred on a day, started (intake done) perhaps later. */
export function OpenTrajectoryDialog({ participantId, participantName, onClose, onDone }: OpenTrajectoryDialogProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const open = useOpenTrajectory(participantId);
  const frameworks = useFrameworks();
  const frameworkName = useFrameworkName();
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: schema(today, participantId),
    defaultValues: { participant_id: participantId, framework_code: "", referred_on: formatDayFirstDate(today), started_on: "" },
  });
  const submit = form.handleSubmit((body) => {
    if (open.isPending) return;
    open.mutate(body, { onSuccess: (trajectory) => onDone(t("openTrajectory.saved", { framework: frameworkName(trajectory.framework_code) })), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("openTrajectory.title")}
      description={participantName}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={open.isPending}
      submitLabel={t("openTrajectory.submit")}
      pendingLabel={t("common.saving")}
      error={open.error}
      errorTitle={t("openTrajectory.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <SelectField label={t("openTrajectory.framework")} error={fieldError("framework_code")} {...form.register("framework_code")}>
        <option value="">{t("openTrajectory.chooseFramework")}</option>
        {frameworks.data?.map((framework) => (
          <option key={framework.code} value={framework.code}>
            {frameworkName(framework.code)}
          </option>
        ))}
      </SelectField>
      <DateField control={form.control} name="referred_on" label={t("openTrajectory.referredOn")} error={fieldError("referred_on")} />
      <DateField
        control={form.control}
        name="started_on"
        label={t("openTrajectory.startedOnOptional")}
        hint={t("openTrajectory.startedOnHint")}
        error={fieldError("started_on")}
      />
    </FormDialog>
  );
}
