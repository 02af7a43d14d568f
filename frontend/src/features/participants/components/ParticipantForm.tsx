import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";

import { REFERRAL_SOURCES, TARGET_GROUPS } from "../../../api/enums";
import { SelectField } from "../../../components/Fields";
import { FormProblem } from "../../../components/FormProblem";
import { TextField } from "../../../components/TextField";
import { useDebounced } from "../../../components/useDebounced";
import { useFormat } from "../../../components/useFormat";
import { localeFor, todayIso } from "../../../i18n/format";
import { CheckboxGroupField } from "../../../forms/ChoiceFields";
import { DateField } from "../../../forms/DateField";
import { parseDayFirstDate } from "../../../forms/dates";
import { useUnsavedChanges } from "../../../forms/dirtyForms";
import {
  apiBody,
  choices,
  isValidInsz,
  optionalChoice,
  optionalEmail,
  optionalInsz,
  optionalPhone,
  optionalText,
  requiredDate,
  requiredText,
} from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useCreateParticipant, useDuplicateCandidates, type DuplicateCandidate, type Participant } from "../api";
import { duplicateCandidates, duplicateQuery } from "../duplicates";

/** Languages offered first; their names come from the browser (Intl), in the reader's language. */
const LANGUAGES = ["nl", "fr", "en", "de", "ar", "tr", "pl", "ro", "ru", "uk", "es", "so", "ti", "prs", "ps"] as const;

const schema = (today: string) =>
  apiBody<"ParticipantCreate">()(
    z.object({
      first_name: requiredText(100),
      last_name: requiredText(100),
      preferred_name: optionalText(100),
      birth_date: requiredDate({ notAfter: today, notBefore: "1900-01-01" }),
      insz: optionalInsz(),
      email: optionalEmail(),
      phone: optionalPhone(),
      address: optionalText(300),
      language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
      referral_source: optionalChoice(REFERRAL_SOURCES),
      target_groups: choices(TARGET_GROUPS, { max: 3 }),
      confirm_not_duplicate: z.boolean(),
    }),
  );

const EMPTY = {
  first_name: "",
  last_name: "",
  preferred_name: "",
  birth_date: "",
  insz: "",
  email: "",
  phone: "",
  address: "",
  language: "nl",
  referral_source: "",
  target_groups: [] as string[],
  confirm_not_duplicate: false,
};

function Candidates({ candidates, title, children }: { candidates: readonly DuplicateCandidate[]; title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="alert alert--warning duplicates" role="alert">
      <p className="alert__title">{title}</p>
      <ul className="duplicates__list">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <Link to={`/deelnemers/${candidate.id}`}>
              {candidate.first_name} {candidate.last_name}
            </Link>{" "}
            {t("participantForm.duplicates.born", { date: format.date(candidate.birth_date, "long") })}
            {" · "}
            {candidate.matched_on.map((reason) => (reason === "insz" ? t("participantForm.duplicates.byInsz") : t("participantForm.duplicates.byName"))).join(", ")}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

interface ParticipantFormProps {
  onCreated: (participant: Participant) => void;
}

/** Register someone: the duplicate check runs while typing, and again (binding) on saving. */
export function ParticipantForm({ onCreated }: ParticipantFormProps) {
  const { t, i18n } = useTranslation();
  const today = todayIso();
  const create = useCreateParticipant();
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: schema(today), defaultValues: EMPTY });
  const release = useUnsavedChanges(form.formState.isDirty);
  const languageNames = useMemo(() => new Intl.DisplayNames([localeFor(i18n.resolvedLanguage)], { type: "language" }), [i18n.resolvedLanguage]);

  const [firstName, lastName, birthText, inszText] = form.watch(["first_name", "last_name", "birth_date", "insz"]);
  const lookup = useDebounced(
    duplicateQuery({
      first_name: firstName,
      last_name: lastName,
      birth_date: parseDayFirstDate(birthText),
      insz: isValidInsz(inszText) ? inszText.replace(/[\s.-]/g, "") : null,
    }),
  );
  const live = useDuplicateCandidates(lookup);
  const refused = duplicateCandidates(create.error);

  const submit = form.handleSubmit((body) => {
    if (create.isPending) return;
    create.mutate(body, {
      onSuccess: (participant) => {
        release();
        onCreated(participant);
      },
      onError: showServerErrors,
    });
  });

  return (
    <form className="form form--page" noValidate onSubmit={(event) => void submit(event)}>
      {create.isError && refused === null && <FormProblem title={t("participantForm.error")} error={create.error} other={otherProblems} />}
      {refused && (
        <Candidates candidates={refused} title={t("participantForm.duplicates.refusedTitle")}>
          <p>{t("participantForm.duplicates.refusedText")}</p>
          <div className="checkbox">
            <input id="confirm-not-duplicate" type="checkbox" {...form.register("confirm_not_duplicate")} />
            <label htmlFor="confirm-not-duplicate">{t("participantForm.duplicates.confirm")}</label>
          </div>
        </Candidates>
      )}
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
          <TextField
            label={t("participantForm.inszOptional")}
            hint={t("participantForm.inszHint")}
            inputMode="numeric"
            autoComplete="off"
            error={fieldError("insz")}
            {...form.register("insz")}
          />
        </div>
        {!refused && live.data && live.data.length > 0 && <Candidates candidates={live.data} title={t("participantForm.duplicates.liveTitle")} />}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t("participantForm.contact")}</legend>
        <div className="form-grid">
          <TextField label={t("participantForm.emailOptional")} type="email" autoComplete="off" error={fieldError("email")} {...form.register("email")} />
          <TextField label={t("participantForm.phoneOptional")} type="tel" autoComplete="off" error={fieldError("phone")} {...form.register("phone")} />
          <SelectField label={t("participantForm.language")} error={fieldError("language")} {...form.register("language")}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {languageNames.of(code) ?? code}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField label={t("participantForm.addressOptional")} autoComplete="off" error={fieldError("address")} {...form.register("address")} />
      </fieldset>
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
      <div className="form-actions">
        <button type="submit" className="button button--primary button--large" aria-disabled={create.isPending}>
          {create.isPending ? t("common.saving") : t("participantForm.submit")}
        </button>
        <Link to="/deelnemers" className="button button--secondary">
          {t("common.cancel")}
        </Link>
      </div>
    </form>
  );
}
