import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { GOAL_DOMAINS, GOAL_STATUSES } from "../../../api/enums";
import { SelectField, TextAreaField } from "../../../components/Fields";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate, parseDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, choice, optionalDate, optionalText, requiredText } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { useFormat } from "../../../components/useFormat";
import { loadGoal, useAddGoal, useUpdateGoal, type Goal } from "../api";

const addSchema = apiBody<"GoalCreate">()(
  z.object({
    domain: choice(GOAL_DOMAINS),
    description: requiredText(1000),
    due_on: optionalDate(),
    status: choice(GOAL_STATUSES),
  }),
);

interface AddGoalDialogProps {
  trajectoryId: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function AddGoalDialog({ trajectoryId, onClose, onDone }: AddGoalDialogProps) {
  const { t } = useTranslation();
  const add = useAddGoal(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: addSchema,
    defaultValues: { domain: "", description: "", due_on: "", status: "open" },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => onDone(t("goals.add.saved")), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("goals.add.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("goals.add.submit")}
      pendingLabel={t("goals.add.submitting")}
      error={add.error}
      errorTitle={t("goals.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <TextAreaField label={t("goals.description")} rows={3} error={fieldError("description")} {...form.register("description")} />
      <SelectField label={t("goals.domain")} error={fieldError("domain")} {...form.register("domain")}>
        <option value="">{t("goals.chooseDomain")}</option>
        {GOAL_DOMAINS.map((domain) => (
          <option key={domain} value={domain}>
            {t(`goalDomain.${domain}`)}
          </option>
        ))}
      </SelectField>
      <DateField control={form.control} name="due_on" label={t("goals.dueOptional")} error={fieldError("due_on")} />
    </FormDialog>
  );
}

const editSchema = apiBody<"GoalUpdate">()(
  z.object({
    description: requiredText(1000),
    domain: choice(GOAL_DOMAINS),
    due_on: optionalDate(),
    status: choice(GOAL_STATUSES),
    evaluation: optionalText(5000),
  }),
);
const EDIT_FIELDS = ["description", "domain", "due_on", "status", "evaluation"] as const;
type EditField = (typeof EDIT_FIELDS)[number];

const toValues = (goal: Goal) => ({
  description: goal.description,
  domain: goal.domain as string,
  due_on: formatDayFirstDate(goal.due_on),
  status: goal.status as string,
  evaluation: goal.evaluation ?? "",
});

interface EditGoalDialogProps {
  goal: Goal;
  /** "Afronden": open with the status already on "behaald". */
  completing?: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Change a goal or mark it achieved; a save by someone else meanwhile is shown, never overwritten. */
export function EditGoalDialog({ goal, completing = false, onClose, onDone }: EditGoalDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateGoal(goal.trajectory_id);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: editSchema, defaultValues: toValues(goal) });
  const edit = useVersionedEdit({
    form,
    record: goal,
    fields: EDIT_FIELDS,
    toValues,
    reload: () => loadGoal(goal.id),
    save: (version, changes) => update.mutateAsync({ id: goal.id, version, body: changes }),
  });
  const { setValue } = form;
  useEffect(() => {
    if (completing) setValue("status", "done", { shouldDirty: true });
  }, [completing, setValue]);

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(saved.status === "done" && goal.status !== "done" ? t("goals.edit.completed") : t("goals.edit.saved"));
    } catch (error) {
      showServerErrors(error);
    }
  });

  const label = (field: EditField): string =>
    ({
      description: t("goals.description"),
      domain: t("goals.domain"),
      due_on: t("goals.due"),
      status: t("goals.status"),
      evaluation: t("goals.evaluation"),
    })[field];
  const show = (field: EditField, value: unknown): string => {
    const text = typeof value === "string" ? value : "";
    if (text === "") return "";
    if (field === "domain") return t(`goalDomain.${text as Goal["domain"]}`);
    if (field === "status") return t(`goalStatus.${text as Goal["status"]}`);
    if (field === "due_on") return format.date(parseDayFirstDate(text), "long");
    return text;
  };

  return (
    <FormDialog
      title={completing ? t("goals.edit.completeTitle") : t("goals.edit.title")}
      description={goal.description}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("goals.edit.submit")}
      pendingLabel={t("goals.edit.submitting")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("goals.edit.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={
        edit.conflict && (
          <StaleNotice
            rows={edit.conflict}
            label={label}
            show={show}
            busy={update.isPending}
            onReapply={() => void submit()}
            onDiscard={edit.discardMine}
          />
        )
      }
    >
      <RadioGroupField
        control={form.control}
        name="status"
        legend={t("goals.status")}
        inline
        error={fieldError("status")}
        options={GOAL_STATUSES.map((status) => ({ value: status, label: t(`goalStatus.${status}`) }))}
      />
      <TextAreaField
        label={t("goals.evaluation")}
        hint={t("goals.edit.evaluationHint")}
        rows={4}
        error={fieldError("evaluation")}
        {...form.register("evaluation")}
      />
      <TextAreaField label={t("goals.description")} rows={2} error={fieldError("description")} {...form.register("description")} />
      <div className="form-grid">
        <SelectField label={t("goals.domain")} error={fieldError("domain")} {...form.register("domain")}>
          {GOAL_DOMAINS.map((domain) => (
            <option key={domain} value={domain}>
              {t(`goalDomain.${domain}`)}
            </option>
          ))}
        </SelectField>
        <DateField control={form.control} name="due_on" label={t("goals.dueOptional")} error={fieldError("due_on")} />
      </div>
    </FormDialog>
  );
}
