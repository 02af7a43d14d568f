import { useTranslation } from "react-i18next";
import { z } from "zod";

import { TextAreaField } from "../../../components/Fields";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, requiredText } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useBreakTheGlass, type BreakGlassGrant } from "../api";

/** How long emergency access lasts; the API allows 5 to 240 minutes. */
const DURATIONS = ["15", "30", "60", "120", "240"] as const;

const schema = apiBody<"BreakGlassCreate">()(
  z.object({
    reason: requiredText(1000, 20),
    minutes: z.enum(DURATIONS).transform(Number),
  }),
);

interface BreakGlassDialogProps {
  trajectoryId: string;
  onClose: () => void;
  onOpened: (grant: BreakGlassGrant) => void;
}

/**
 * Break-the-glass: a secrecy-bound professional opens a file outside their scope in an emergency,
 * for a limited time, with a reason that is logged and shown to their organisation's admins.
 */
export function BreakGlassDialog({ trajectoryId, onClose, onOpened }: BreakGlassDialogProps) {
  const { t } = useTranslation();
  const breakGlass = useBreakTheGlass(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema, defaultValues: { reason: "", minutes: "60" } });
  const submit = form.handleSubmit((body) => {
    if (breakGlass.isPending) return;
    breakGlass.mutate(body, { onSuccess: onOpened, onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("breakGlass.title")}
      description={t("breakGlass.description")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={breakGlass.isPending}
      submitLabel={t("breakGlass.submit")}
      pendingLabel={t("breakGlass.submitting")}
      error={breakGlass.error}
      errorTitle={t("breakGlass.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={<p className="alert alert--warning">{t("breakGlass.warning")}</p>}
    >
      <TextAreaField label={t("breakGlass.reason")} hint={t("breakGlass.reasonHint")} rows={4} error={fieldError("reason")} {...form.register("reason")} />
      <RadioGroupField
        control={form.control}
        name="minutes"
        legend={t("breakGlass.duration")}
        toggles
        error={fieldError("minutes")}
        options={DURATIONS.map((minutes) => ({ value: minutes, label: t("breakGlass.minutes", { count: Number(minutes) }) }))}
      />
    </FormDialog>
  );
}
