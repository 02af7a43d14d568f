import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { VISIBILITIES } from "../../../api/enums";
import { TextAreaField } from "../../../components/Fields";
import { FormProblem } from "../../../components/FormProblem";
import { todayIso } from "../../../i18n/format";
import { formatDayFirstDate } from "../../../forms/dates";
import { DateField } from "../../../forms/DateField";
import { apiBody, choice, requiredDate, requiredText } from "../../../forms/schema";
import { useApiForm } from "../../../forms/useApiForm";
import { useUnsavedChanges } from "../../../forms/dirtyForms";
import { useAddNote, type Visibility } from "../api";
import { VisibilityChoice } from "./VisibilityChoice";

const noteSchema = (today: string) =>
  apiBody<"NoteCreate">()(
    z.object({
      visibility: choice(VISIBILITIES),
      body: requiredText(20000),
      written_on: requiredDate({ notAfter: today }),
    }),
  );

interface NoteFormProps {
  trajectoryId: string;
  options: readonly Visibility[];
}

/** A new note: who reads it is chosen explicitly, never defaulted. */
export function NoteForm({ trajectoryId, options }: NoteFormProps) {
  const { t } = useTranslation();
  const today = todayIso();
  const add = useAddNote(trajectoryId);
  const [saved, setSaved] = useState<Visibility | null>(null);
  const empty = { visibility: "", body: "", written_on: formatDayFirstDate(today) };
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: noteSchema(today), defaultValues: empty });
  useUnsavedChanges(form.formState.isDirty);

  const submit = form.handleSubmit((body) => {
    if (add.isPending) return;
    setSaved(null);
    add.mutate(body, {
      onSuccess: () => {
        form.reset(empty);
        setSaved(body.visibility);
      },
      onError: showServerErrors,
    });
  });

  return (
    <section className="card" aria-labelledby="new-note-heading">
      <h2 id="new-note-heading">{t("notes.form.title")}</h2>
      <div role="status">{saved && <p className="alert alert--success">{t("notes.form.saved", { readers: t(`visibility.${saved}`) })}</p>}</div>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {add.isError && <FormProblem title={t("notes.form.error")} error={add.error} other={otherProblems} />}
        <VisibilityChoice control={form.control} name="visibility" options={options} error={fieldError("visibility")} />
        <TextAreaField label={t("notes.form.body")} rows={5} error={fieldError("body")} {...form.register("body")} />
        <DateField control={form.control} name="written_on" label={t("notes.form.writtenOn")} error={fieldError("written_on")} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={add.isPending}>
            {add.isPending ? t("notes.form.submitting") : t("notes.form.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
