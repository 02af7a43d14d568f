import { useTranslation } from "react-i18next";
import { z } from "zod";

import { CONSENT_METHODS, DATA_CLASSES, GIVEN_BY } from "../../../api/enums";
import { SelectField, TextAreaField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { todayIso } from "../../../i18n/format";
import { CheckboxGroupField, RadioGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { formatDayFirstDate } from "../../../forms/dates";
import { FormDialog } from "../../../forms/FormDialog";
import { encodeMessage } from "../../../forms/messages";
import { apiBody, choice, choices, endNotBeforeStart, optionalDate, optionalText, requiredDate, requiredId, requiredText } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useReceivingOrganisations, useRecordConsent, useWithdrawConsent, type Consent } from "../api";

const recordSchema = (today: string) =>
  apiBody<"ConsentCreate">()(
    z
      .object({
        receiving_organisation_id: requiredId(),
        purpose: requiredText(1000),
        data_classes: choices(DATA_CLASSES, { min: 1 }),
        given_on: requiredDate({ notAfter: today }),
        method: choice(CONSENT_METHODS),
        information_text_version: requiredText(40),
        given_by: choice(GIVEN_BY),
        representative_name: optionalText(200),
        expires_on: optionalDate(),
        evidence: optionalText(300),
      })
      .superRefine(endNotBeforeStart("given_on", "expires_on"))
      .superRefine((consent, ctx) => {
        if (consent.given_by === "representative" && consent.representative_name === null) {
          ctx.addIssue({ code: "custom", path: ["representative_name"], message: encodeMessage("required") });
        }
      }),
  );

function useConsentForm(today: string) {
  return useApiForm({
    schema: recordSchema(today),
    defaultValues: {
      receiving_organisation_id: "",
      purpose: "",
      data_classes: [],
      given_on: formatDayFirstDate(today),
      method: "",
      information_text_version: "",
      given_by: "self",
      representative_name: "",
      expires_on: "",
      evidence: "",
    },
  });
}

interface DialogProps {
  participantId: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** A consent as the participant gave it: to whom, for what, which data, how, until when. */
export function RecordConsentDialog({ participantId, ownOrganisationId, onClose, onDone }: DialogProps & { ownOrganisationId: string }) {
  const { t } = useTranslation();
  const today = todayIso();
  const record = useRecordConsent(participantId);
  const organisations = useReceivingOrganisations(true);
  const { form, fieldError, showServerErrors, otherProblems } = useConsentForm(today);
  const givenBy = form.watch("given_by");

  const submit = form.handleSubmit((body) => {
    if (record.isPending) return;
    record.mutate(body, { onSuccess: () => onDone(t("consents.record.saved")), onError: showServerErrors });
  });

  return (
    <FormDialog
      title={t("consents.record.title")}
      description={t("consents.record.description")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={record.isPending}
      submitLabel={t("consents.record.submit")}
      pendingLabel={t("common.saving")}
      error={record.error ?? (organisations.isError ? organisations.error : null)}
      errorTitle={t("consents.record.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
    >
      <SelectField label={t("consents.organisation")} error={fieldError("receiving_organisation_id")} {...form.register("receiving_organisation_id")}>
        <option value="">{t("consents.record.chooseOrganisation")}</option>
        {organisations.data
          ?.filter((organisation) => organisation.id !== ownOrganisationId)
          .map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
      </SelectField>
      <TextAreaField label={t("consents.purpose")} hint={t("consents.record.purposeHint")} rows={2} error={fieldError("purpose")} {...form.register("purpose")} />
      <CheckboxGroupField
        control={form.control}
        name="data_classes"
        legend={t("consents.dataClasses")}
        inline
        error={fieldError("data_classes")}
        options={DATA_CLASSES.map((value) => ({ value, label: t(`dataClass.${value}`), hint: t(`consents.dataClassHint.${value}`) }))}
      />
      <div className="form-grid">
        <DateField control={form.control} name="given_on" label={t("consents.givenOn")} error={fieldError("given_on")} />
        <DateField control={form.control} name="expires_on" label={t("consents.record.expiresOptional")} error={fieldError("expires_on")} />
      </div>
      <RadioGroupField
        control={form.control}
        name="method"
        legend={t("consents.method")}
        inline
        error={fieldError("method")}
        options={CONSENT_METHODS.map((value) => ({ value, label: t(`consentMethod.${value}`) }))}
      />
      <RadioGroupField
        control={form.control}
        name="given_by"
        legend={t("consents.givenBy")}
        inline
        error={fieldError("given_by")}
        options={GIVEN_BY.map((value) => ({ value, label: t(`givenBy.${value}`) }))}
      />
      {givenBy === "representative" && (
        <TextField label={t("consents.representative")} error={fieldError("representative_name")} {...form.register("representative_name")} />
      )}
      <div className="form-grid">
        <TextField
          label={t("consents.textVersion")}
          hint={t("consents.record.textVersionHint")}
          error={fieldError("information_text_version")}
          {...form.register("information_text_version")}
        />
        <TextField label={t("consents.record.evidenceOptional")} hint={t("consents.record.evidenceHint")} error={fieldError("evidence")} {...form.register("evidence")} />
      </div>
    </FormDialog>
  );
}

const withdrawSchema = (today: string, givenOn: string) =>
  apiBody<"ConsentWithdraw">()(z.object({ withdrawn_on: requiredDate({ notAfter: today, notBefore: givenOn }), reason: optionalText(1000) }));

/** Withdrawing cuts access at once; the consent stays in the history. */
export function WithdrawConsentDialog({ participantId, consent, onClose, onDone }: DialogProps & { consent: Consent }) {
  const { t } = useTranslation();
  const today = todayIso();
  const withdraw = useWithdrawConsent(participantId);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: withdrawSchema(today, consent.given_on),
    defaultValues: { withdrawn_on: formatDayFirstDate(today), reason: "" },
  });
  const submit = form.handleSubmit((body) => {
    if (withdraw.isPending) return;
    withdraw.mutate({ consentId: consent.id, body }, { onSuccess: () => onDone(t("consents.withdraw.saved")), onError: showServerErrors });
  });
  return (
    <FormDialog
      title={t("consents.withdraw.title")}
      description={t("consents.withdraw.description", { organisation: consent.receiving_organisation_name })}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={withdraw.isPending}
      submitLabel={t("consents.withdraw.submit")}
      pendingLabel={t("common.saving")}
      error={withdraw.error}
      errorTitle={t("consents.withdraw.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <DateField control={form.control} name="withdrawn_on" label={t("consents.withdraw.date")} error={fieldError("withdrawn_on")} />
      <TextAreaField label={t("consents.withdraw.reasonOptional")} rows={3} error={fieldError("reason")} {...form.register("reason")} />
    </FormDialog>
  );
}
