import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATUSES, OUTFLOW_CATEGORIES } from "../../../api/enums";
import { SelectField, TextAreaField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate, parseDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { encodeMessage } from "../../../forms/messages";
import { apiBody, choice, optionalChoice, optionalDate, optionalId, optionalNumber, optionalText, requiredDate } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { loadFollowUp, useRecordOutflow, useUpdateFollowUp, type FollowUp } from "../api";
import { groupedCategories, linkNeeded, type OutflowCategory } from "../categories";

export interface LinkOption {
  id: string;
  label: string;
}

const outflowSchema = (today: string, earliest: string) =>
  apiBody<"OutflowWrite">()(
    z
      .object({
        category: choice(OUTFLOW_CATEGORIES),
        date: requiredDate({ notAfter: today, notBefore: earliest }),
        job_id: optionalId(),
        internship_id: optionalId(),
        reason: optionalText(1000),
      })
      .transform((outflow) => {
        // Only the link the category asks for is sent; a left-over choice is dropped.
        const link = linkNeeded(outflow.category);
        return { ...outflow, job_id: link === "job" ? outflow.job_id : null, internship_id: link === "internship" ? outflow.internship_id : null };
      })
      .superRefine((outflow, ctx) => {
        const link = linkNeeded(outflow.category);
        if (link === "job" && outflow.job_id === null) ctx.addIssue({ code: "custom", path: ["job_id"], message: encodeMessage("choose") });
        if (link === "internship" && outflow.internship_id === null) {
          ctx.addIssue({ code: "custom", path: ["internship_id"], message: encodeMessage("choose") });
        }
      }),
  );

interface OutflowDialogProps {
  trajectoryId: string;
  /** The day the current phase began: the exit cannot be earlier. */
  earliest: string;
  jobs: readonly LinkOption[];
  internships: readonly LinkOption[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** The exit: when, to what, and the job or internship it went to. Moves the trajectory to "uitstroom". */
export function OutflowDialog({ trajectoryId, earliest, jobs, internships, onClose, onDone }: OutflowDialogProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const record = useRecordOutflow(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: outflowSchema(today, earliest),
    defaultValues: { category: "", date: formatDayFirstDate(today), job_id: "", internship_id: "", reason: "" },
  });
  const category = form.watch("category");
  const link = OUTFLOW_CATEGORIES.includes(category as OutflowCategory) ? linkNeeded(category as OutflowCategory) : null;
  const groups = groupedCategories();

  const submit = form.handleSubmit((body) => {
    if (record.isPending) return;
    record.mutate(body, { onSuccess: () => onDone(t("outflow.record.saved")), onError: showServerErrors });
  });

  return (
    <FormDialog
      title={t("outflow.record.title")}
      description={t("outflow.record.description")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={record.isPending}
      submitLabel={t("outflow.record.submit")}
      pendingLabel={t("common.saving")}
      error={record.error}
      errorTitle={t("outflow.record.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <SelectField label={t("outflow.category")} error={fieldError("category")} {...form.register("category")}>
        <option value="">{t("outflow.record.chooseCategory")}</option>
        {(["paid", "unpaid", "outside"] as const).map((group) => (
          <optgroup key={group} label={t(`outflow.group.${group}`)}>
            {groups[group].map((value) => (
              <option key={value} value={value}>
                {t(`outflowCategory.${value}`)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {link === "job" && (
        <SelectField label={t("outflow.record.job")} hint={jobs.length === 0 ? t("outflow.record.noJobs") : undefined} error={fieldError("job_id")} {...form.register("job_id")}>
          <option value="">{t("outflow.record.chooseJob")}</option>
          {jobs.map((job) => (
            <option key={job.id} value={job.id}>
              {job.label}
            </option>
          ))}
        </SelectField>
      )}
      {link === "internship" && (
        <SelectField
          label={t("outflow.record.internship")}
          hint={internships.length === 0 ? t("outflow.record.noInternships") : undefined}
          error={fieldError("internship_id")}
          {...form.register("internship_id")}
        >
          <option value="">{t("outflow.record.chooseInternship")}</option>
          {internships.map((internship) => (
            <option key={internship.id} value={internship.id}>
              {internship.label}
            </option>
          ))}
        </SelectField>
      )}
      <DateField control={form.control} name="date" label={t("outflow.record.date")} hint={t("outflow.record.dateHint")} error={fieldError("date")} />
      <TextAreaField label={t("outflow.record.reasonOptional")} rows={3} error={fieldError("reason")} {...form.register("reason")} />
    </FormDialog>
  );
}

// --- follow-up result ---------------------------------------------------------------------------

const followUpSchema = (today: string) =>
  apiBody<"FollowUpUpdate">()(
    z
      .object({
        contacted_on: optionalDate({ notAfter: today }),
        status: optionalChoice(FOLLOW_UP_STATUSES),
        hours_per_week: optionalNumber({ min: 0, max: 60 }),
        source: optionalChoice(FOLLOW_UP_SOURCES),
        note: optionalText(1000),
      })
      .superRefine((result, ctx) => {
        // The API's rule: a situation is known from a contact on a day, told by someone.
        if (result.status === null) return;
        if (result.contacted_on === null) ctx.addIssue({ code: "custom", path: ["contacted_on"], message: encodeMessage("required") });
        if (result.source === null) ctx.addIssue({ code: "custom", path: ["source"], message: encodeMessage("choose") });
      }),
  );
const FOLLOW_UP_FIELDS = ["contacted_on", "status", "hours_per_week", "source", "note"] as const;
type FollowUpField = (typeof FOLLOW_UP_FIELDS)[number];

const followUpValues = (followUp: FollowUp) => ({
  contacted_on: formatDayFirstDate(followUp.contacted_on),
  status: followUp.status ?? "",
  hours_per_week: followUp.hours_per_week === null ? "" : String(followUp.hours_per_week).replace(".", ","),
  source: followUp.source ?? "",
  note: followUp.note ?? "",
});

interface FollowUpDialogProps {
  followUp: FollowUp;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** What a follow-up call learned: still working, how many hours, who said so. */
export function FollowUpDialog({ followUp, onClose, onDone }: FollowUpDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIso();
  const update = useUpdateFollowUp(followUp.trajectory_id);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: followUpSchema(today), defaultValues: followUpValues(followUp) });
  const edit = useVersionedEdit({
    form,
    record: followUp,
    fields: FOLLOW_UP_FIELDS,
    toValues: followUpValues,
    reload: () => loadFollowUp(followUp.id),
    save: (version, changes) => update.mutateAsync({ id: followUp.id, version, body: changes }),
  });
  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      if (await edit.submit(values)) onDone(t("outflow.result.saved"));
    } catch (error) {
      showServerErrors(error);
    }
  });
  const label = (field: FollowUpField): string =>
    ({
      contacted_on: t("outflow.contacted"),
      status: t("outflow.status"),
      hours_per_week: t("outflow.hours"),
      source: t("outflow.source"),
      note: t("outflow.result.note"),
    })[field];
  const show = (field: FollowUpField, value: unknown): string => {
    const text = typeof value === "string" ? value : "";
    if (text === "") return "";
    if (field === "status") return t(`followUpStatus.${text as NonNullable<FollowUp["status"]>}`);
    if (field === "source") return t(`followUpSource.${text as NonNullable<FollowUp["source"]>}`);
    if (field === "contacted_on") return format.date(parseDayFirstDate(text), "long");
    return text;
  };
  return (
    <FormDialog
      title={t("outflow.result.title")}
      description={t("outflow.result.description", { date: format.date(followUp.due_on, "long") })}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("outflow.result.submit")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("outflow.result.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={
        edit.conflict && (
          <StaleNotice rows={edit.conflict} label={label} show={show} busy={update.isPending} onReapply={() => void submit()} onDiscard={edit.discardMine} />
        )
      }
    >
      <DateField control={form.control} name="contacted_on" label={t("outflow.result.contactedOn")} error={fieldError("contacted_on")} />
      <RadioGroupField
        control={form.control}
        name="status"
        legend={t("outflow.status")}
        hint={t("outflow.result.statusHint")}
        error={fieldError("status")}
        options={FOLLOW_UP_STATUSES.map((status) => ({ value: status, label: t(`followUpStatus.${status}`) }))}
      />
      <div className="form-grid">
        <TextField
          label={t("outflow.result.hoursOptional")}
          inputMode="decimal"
          className="field__input--short"
          error={fieldError("hours_per_week")}
          {...form.register("hours_per_week")}
        />
        <SelectField label={t("outflow.source")} error={fieldError("source")} {...form.register("source")}>
          <option value="">{t("outflow.result.noSource")}</option>
          {FOLLOW_UP_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`followUpSource.${source}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label={t("outflow.result.noteOptional")} rows={3} error={fieldError("note")} {...form.register("note")} />
    </FormDialog>
  );
}
