import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";

import { FormProblem } from "../../../components/FormProblem";
import { useDebounced } from "../../../components/useDebounced";
import { useFormat } from "../../../components/useFormat";
import { todayIso } from "../../../i18n/format";
import { parseDayFirstDate } from "../../../forms/dates";
import { useUnsavedChanges } from "../../../forms/dirtyForms";
import { apiBody, isValidInsz } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useCreateParticipant, useDuplicateCandidates, type DuplicateCandidate, type Participant } from "../api";
import { duplicateCandidates, duplicateQuery } from "../duplicates";
import { EMPTY_PARTICIPANT, participantFieldSchemas } from "../fields";
import { ContactFields, ReferralFields, WhoFields } from "./ParticipantFields";

const schema = (today: string) =>
  apiBody<"ParticipantCreate">()(z.object({ ...participantFieldSchemas(today), confirm_not_duplicate: z.boolean() }));

const EMPTY = { ...EMPTY_PARTICIPANT, confirm_not_duplicate: false };

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
  const { t } = useTranslation();
  const today = todayIso();
  const create = useCreateParticipant();
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: schema(today), defaultValues: EMPTY });
  const release = useUnsavedChanges(form.formState.isDirty);

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
      <WhoFields form={form} fieldError={fieldError} full>
        {!refused && live.data && live.data.length > 0 && <Candidates candidates={live.data} title={t("participantForm.duplicates.liveTitle")} />}
      </WhoFields>
      <ContactFields form={form} fieldError={fieldError} full />
      <ReferralFields form={form} fieldError={fieldError} />
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
