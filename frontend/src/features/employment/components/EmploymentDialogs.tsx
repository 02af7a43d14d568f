import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { CONTACT_PURPOSES, CONTRACT_TYPES, DISCLOSURES, INTERNSHIP_RESULTS, INTERNSHIP_TYPES, SUPPORT_INSTRUMENTS } from "../../../api/enums";
import { SelectField, TextAreaField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { todayIso } from "../../../i18n/format";
import { RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import {
  apiBody,
  choice,
  endNotBeforeStart,
  optionalDate,
  optionalId,
  optionalNumber,
  optionalText,
  requiredDate,
  requiredId,
  requiredText,
  yesNo,
} from "../../../forms/schema";
import { encodeMessage } from "../../../forms/messages";
import { useApiForm } from "../../../forms/useApiForm";
import { useAddEmployer, useAddEmployerContact, useAddInternship, useAddJob, useEmployers } from "../api";

/** Internship types a new internship may have: the legacy ones only exist for those before 2023. */
const CURRENT_INTERNSHIP_TYPES = INTERNSHIP_TYPES.filter((type) => type !== "activation" && type !== "exploratory");

interface DialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

function EmployerSelect({ label, error, registration, optional }: { label: string; error?: string | undefined; registration: UseFormRegisterReturn; optional: boolean }) {
  const { t } = useTranslation();
  const employers = useEmployers();
  return (
    <SelectField label={label} error={error} hint={t("employment.form.employerHint")} {...registration}>
      <option value="">{optional ? t("employment.form.noEmployer") : t("employment.form.chooseEmployer")}</option>
      {employers.data?.map((employer) => (
        <option key={employer.id} value={employer.id}>
          {employer.municipality ? `${employer.name} (${employer.municipality})` : employer.name}
        </option>
      ))}
    </SelectField>
  );
}

// --- internship -------------------------------------------------------------------------------

const internshipSchema = (earliest: string) =>
  apiBody<"InternshipCreate">()(
    z
      .object({
        type: choice(INTERNSHIP_TYPES),
        start_date: requiredDate({ notBefore: earliest }),
        end_date: optionalDate(),
        employer_id: optionalId(),
        mentor_name: optionalText(200),
        hours_per_week: optionalNumber({ min: 0, max: 40 }),
        result: choice(INTERNSHIP_RESULTS),
      })
      .superRefine(endNotBeforeStart("start_date", "end_date")),
  );

export function InternshipDialog({ trajectoryId, earliest, onClose, onDone }: DialogProps & { trajectoryId: string; earliest: string }) {
  const { t } = useTranslation();
  const add = useAddInternship(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: internshipSchema(earliest),
    defaultValues: { type: "", start_date: "", end_date: "", employer_id: "", mentor_name: "", hours_per_week: "", result: "ongoing" },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => onDone(t("employment.internship.saved")), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("employment.internship.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("employment.internship.submit")}
      pendingLabel={t("common.saving")}
      error={add.error}
      errorTitle={t("employment.internship.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
    >
      <RadioGroupField
        control={form.control}
        name="type"
        legend={t("employment.type")}
        inline
        error={fieldError("type")}
        options={CURRENT_INTERNSHIP_TYPES.map((type) => ({ value: type, label: t(`internshipType.${type}`) }))}
      />
      <div className="form-grid">
        <DateField control={form.control} name="start_date" label={t("employment.form.startDate")} error={fieldError("start_date")} />
        <DateField
          control={form.control}
          name="end_date"
          label={t("employment.form.endDateOptional")}
          hint={t("employment.internship.endHint")}
          error={fieldError("end_date")}
        />
      </div>
      <div className="form-grid">
        <EmployerSelect label={t("employment.form.hostEmployer")} optional error={fieldError("employer_id")} registration={form.register("employer_id")} />
        <TextField label={t("employment.form.mentorOptional")} error={fieldError("mentor_name")} {...form.register("mentor_name")} />
        <TextField
          label={t("employment.form.hoursOptional")}
          inputMode="decimal"
          className="field__input--short"
          error={fieldError("hours_per_week")}
          {...form.register("hours_per_week")}
        />
      </div>
    </FormDialog>
  );
}

// --- job ----------------------------------------------------------------------------------------

const jobSchema = (trajectoryId: string) =>
  apiBody<"JobCreate">()(
    z
      .object({
        occupation: requiredText(200),
        employer_id: optionalId(),
        start_date: requiredDate(),
        end_date: optionalDate(),
        contract_type: choice(CONTRACT_TYPES),
        support_instrument: choice(SUPPORT_INSTRUMENTS),
        hours_per_week: optionalNumber({ min: 0, max: 60 }),
        gross_hourly_wage: optionalNumber({ min: 0, max: 200 }),
        disclosure: choice(DISCLOSURES),
        trajectory_id: z.literal(trajectoryId),
      })
      .superRefine(endNotBeforeStart("start_date", "end_date"))
      .superRefine((job, ctx) => {
        // The API's rule: an employer, unless the person works for themself.
        if (job.contract_type !== "self_employed" && job.employer_id === null) {
          ctx.addIssue({ code: "custom", path: ["employer_id"], message: encodeMessage("choose") });
        }
      }),
  );

export function JobDialog({ participantId, trajectoryId, onClose, onDone }: DialogProps & { participantId: string; trajectoryId: string }) {
  const { t } = useTranslation();
  const add = useAddJob(participantId, trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: jobSchema(trajectoryId),
    defaultValues: {
      occupation: "",
      employer_id: "",
      start_date: "",
      end_date: "",
      contract_type: "",
      support_instrument: "",
      hours_per_week: "",
      gross_hourly_wage: "",
      disclosure: "unknown",
      trajectory_id: trajectoryId,
    },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => onDone(t("employment.job.saved")), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("employment.job.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("employment.job.submit")}
      pendingLabel={t("common.saving")}
      error={add.error}
      errorTitle={t("employment.job.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
    >
      <div className="form-grid">
        <TextField label={t("employment.occupation")} error={fieldError("occupation")} {...form.register("occupation")} />
        <EmployerSelect label={t("employment.form.employer")} optional={false} error={fieldError("employer_id")} registration={form.register("employer_id")} />
      </div>
      <div className="form-grid">
        <DateField control={form.control} name="start_date" label={t("employment.form.startDate")} error={fieldError("start_date")} />
        <DateField control={form.control} name="end_date" label={t("employment.form.endDateOptional")} error={fieldError("end_date")} />
      </div>
      <div className="form-grid">
        <SelectField label={t("employment.contract")} error={fieldError("contract_type")} {...form.register("contract_type")}>
          <option value="">{t("employment.form.choose")}</option>
          {CONTRACT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`contractType.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("employment.support")} error={fieldError("support_instrument")} {...form.register("support_instrument")}>
          <option value="">{t("employment.form.choose")}</option>
          {SUPPORT_INSTRUMENTS.map((instrument) => (
            <option key={instrument} value={instrument}>
              {t(`supportInstrument.${instrument}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-grid">
        <TextField
          label={t("employment.form.hoursOptional")}
          inputMode="decimal"
          className="field__input--short"
          error={fieldError("hours_per_week")}
          {...form.register("hours_per_week")}
        />
        <TextField
          label={t("employment.form.wageOptional")}
          inputMode="decimal"
          className="field__input--short"
          error={fieldError("gross_hourly_wage")}
          {...form.register("gross_hourly_wage")}
        />
      </div>
      <RadioGroupField
        control={form.control}
        name="disclosure"
        legend={t("employment.form.disclosure")}
        hint={t("employment.form.disclosureHint")}
        inline
        error={fieldError("disclosure")}
        options={DISCLOSURES.map((value) => ({ value, label: t(`disclosure.${value}`) }))}
      />
    </FormDialog>
  );
}

// --- employer contact ------------------------------------------------------------------------------

const contactSchema = (today: string, trajectoryId: string) =>
  apiBody<"EmployerContactCreate">()(
    z.object({
      employer_id: requiredId(),
      contacted_on: requiredDate({ notAfter: today }),
      in_person: yesNo(),
      purpose: choice(CONTACT_PURPOSES),
      summary: optionalText(2000),
      trajectory_ids: z.array(z.string()).default([trajectoryId]),
    }),
  );

export function EmployerContactDialog({ trajectoryId, onClose, onDone }: DialogProps & { trajectoryId: string }) {
  const { t } = useTranslation();
  const today = todayIso();
  const add = useAddEmployerContact(trajectoryId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: contactSchema(today, trajectoryId),
    defaultValues: { employer_id: "", contacted_on: formatDayFirstDate(today), in_person: "", purpose: "", summary: "", trajectory_ids: [trajectoryId] },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: () => onDone(t("employment.contact.saved")), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("employment.contact.title")}
      description={t("employment.contact.description")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("employment.contact.submit")}
      pendingLabel={t("common.saving")}
      error={add.error}
      errorTitle={t("employment.contact.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <EmployerSelect label={t("employment.form.employer")} optional={false} error={fieldError("employer_id")} registration={form.register("employer_id")} />
      <DateField control={form.control} name="contacted_on" label={t("employment.contact.date")} error={fieldError("contacted_on")} />
      <RadioGroupField
        control={form.control}
        name="in_person"
        legend={t("employment.contact.inPerson")}
        inline
        error={fieldError("in_person")}
        options={[
          { value: "yes", label: t("employment.contact.inPersonYes") },
          { value: "no", label: t("employment.contact.inPersonNo") },
        ]}
      />
      <SelectField label={t("employment.contact.purpose")} error={fieldError("purpose")} {...form.register("purpose")}>
        <option value="">{t("employment.form.choose")}</option>
        {CONTACT_PURPOSES.map((purpose) => (
          <option key={purpose} value={purpose}>
            {t(`contactPurpose.${purpose}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t("employment.contact.summaryOptional")} rows={3} error={fieldError("summary")} {...form.register("summary")} />
    </FormDialog>
  );
}

// --- employer ----------------------------------------------------------------------------------------

const employerSchema = apiBody<"EmployerCreate">()(
  z.object({ name: requiredText(200), municipality: optionalText(200), sector: optionalText(200), contact_name: optionalText(200) }),
);

export function NewEmployerDialog({ onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const add = useAddEmployer();
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: employerSchema,
    defaultValues: { name: "", municipality: "", sector: "", contact_name: "" },
  });
  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    add.mutate(body, { onSuccess: (employer) => onDone(t("employment.employer.saved", { name: employer.name })), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("employment.employer.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={add.isPending}
      submitLabel={t("employment.employer.submit")}
      pendingLabel={t("common.saving")}
      error={add.error}
      errorTitle={t("employment.employer.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <TextField label={t("employment.employer.name")} error={fieldError("name")} {...form.register("name")} />
      <div className="form-grid">
        <TextField label={t("employment.employer.municipalityOptional")} error={fieldError("municipality")} {...form.register("municipality")} />
        <TextField label={t("employment.employer.sectorOptional")} error={fieldError("sector")} {...form.register("sector")} />
      </div>
      <TextField label={t("employment.employer.contactOptional")} error={fieldError("contact_name")} {...form.register("contact_name")} />
    </FormDialog>
  );
}
