import type { ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { REFERRAL_SOURCES, TARGET_GROUPS } from "../../../api/enums";
import { SelectField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { CheckboxGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { languageOptions, type ParticipantField, type ParticipantValues } from "../fields";
import { useLanguageName } from "./fieldWords";

// The fields of someone's record, shared by registering (ParticipantForm) and correcting
// (ParticipantEditDialog). `full: false` is the work floor's view: no INSZ, e-mail, address,
// referral source or target groups, which such a reader never gets from the API either.

export interface ParticipantFieldsProps<V extends ParticipantValues, O> {
  /** Any form whose values include a participant's record (registering adds a confirmation). */
  form: UseFormReturn<V, unknown, O>;
  fieldError: (name: ParticipantField) => string | undefined;
  full: boolean;
}

/**
 * The form narrowed to the record's fields. TypeScript cannot relate a generic V to its known
 * part (react-hook-form's types are invariant in V); registering those names is sound for any V.
 */
function recordForm<V extends ParticipantValues, O>(form: UseFormReturn<V, unknown, O>): UseFormReturn<ParticipantValues> {
  return form as unknown as UseFormReturn<ParticipantValues>;
}

/** Names, birth date and INSZ; `children` (e.g. likely duplicates) come after them. */
export function WhoFields<V extends ParticipantValues, O>({ form: anyForm, fieldError, full, children }: ParticipantFieldsProps<V, O> & { children?: ReactNode }) {
  const { t } = useTranslation();
  const form = recordForm(anyForm);
  return (
    <fieldset className="form-section">
      <legend>{t("participantForm.who")}</legend>
      <div className="form-grid">
        <TextField label={t("participantForm.firstName")} autoComplete="off" error={fieldError("first_name")} {...form.register("first_name")} />
        <TextField label={t("participantForm.lastName")} autoComplete="off" error={fieldError("last_name")} {...form.register("last_name")} />
        <TextField
          label={t("participantForm.preferredNameOptional")}
          hint={t("participantForm.preferredNameHint")}
          autoComplete="off"
          error={fieldError("preferred_name")}
          {...form.register("preferred_name")}
        />
      </div>
      <div className="form-grid">
        <DateField control={form.control} name="birth_date" label={t("participantForm.birthDate")} error={fieldError("birth_date")} />
        {full && (
          <TextField
            label={t("participantForm.inszOptional")}
            hint={t("participantForm.inszHint")}
            inputMode="numeric"
            autoComplete="off"
            error={fieldError("insz")}
            {...form.register("insz")}
          />
        )}
      </div>
      {children}
    </fieldset>
  );
}

/** E-mail, phone, language and address. */
export function ContactFields<V extends ParticipantValues, O>({ form: anyForm, fieldError, full }: ParticipantFieldsProps<V, O>) {
  const { t } = useTranslation();
  const form = recordForm(anyForm);
  const languageName = useLanguageName();
  return (
    <fieldset className="form-section">
      <legend>{t("participantForm.contact")}</legend>
      <div className="form-grid">
        {full && <TextField label={t("participantForm.emailOptional")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />}
        <TextField label={t("participantForm.phoneOptional")} type="tel" autoComplete="off" error={fieldError("phone")} {...form.register("phone")} />
        <SelectField label={t("participantForm.language")} error={fieldError("language")} {...form.register("language")}>
          {languageOptions(form.getValues("language")).map((code) => (
            <option key={code} value={code}>
              {languageName(code)}
            </option>
          ))}
        </SelectField>
      </div>
      {full && <TextField label={t("participantForm.addressOptional")} autoComplete="off" error={fieldError("address")} {...form.register("address")} />}
    </fieldset>
  );
}

/** How the person came to us: referral source and target groups (only in the full view). */
export function ReferralFields<V extends ParticipantValues, O>({ form: anyForm, fieldError }: Omit<ParticipantFieldsProps<V, O>, "full">) {
  const { t } = useTranslation();
  const form = recordForm(anyForm);
  return (
    <fieldset className="form-section">
      <legend>{t("participantForm.referral")}</legend>
      <SelectField label={t("participantForm.referralSourceOptional")} error={fieldError("referral_source")} {...form.register("referral_source")}>
        <option value="">{t("participantForm.noReferralSource")}</option>
        {REFERRAL_SOURCES.map((source) => (
          <option key={source} value={source}>
            {t(`referralSource.${source}`)}
          </option>
        ))}
      </SelectField>
      <CheckboxGroupField
        control={form.control}
        name="target_groups"
        legend={t("participantForm.targetGroups")}
        hint={t("participantForm.targetGroupsHint")}
        error={fieldError("target_groups")}
        options={TARGET_GROUPS.map((group) => ({ value: group, label: t(`targetGroup.${group}`) }))}
      />
    </fieldset>
  );
}
