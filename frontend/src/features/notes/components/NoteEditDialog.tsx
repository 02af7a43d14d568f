import { useTranslation } from "react-i18next";
import { z } from "zod";

import { VISIBILITIES } from "../../../api/enums";
import { TextAreaField } from "../../../components/Fields";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, choice, requiredText } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { loadNote, useUpdateNote, type Note, type Visibility } from "../api";
import { VisibilityChoice } from "./VisibilityChoice";

const schema = apiBody<"NoteUpdate">()(z.object({ visibility: choice(VISIBILITIES), body: requiredText(20000) }));
const FIELDS = ["visibility", "body"] as const;
const toValues = (note: Note) => ({ visibility: note.visibility as string, body: note.body });

interface NoteEditDialogProps {
  note: Note;
  options: readonly Visibility[];
  onClose: () => void;
  onDone: (message: string) => void;
}

/** The author corrects a note; a save by someone else meanwhile never gets overwritten. */
export function NoteEditDialog({ note, options, onClose, onDone }: NoteEditDialogProps) {
  const { t } = useTranslation();
  const update = useUpdateNote(note.trajectory_id);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema, defaultValues: toValues(note) });
  const edit = useVersionedEdit({
    form,
    record: note,
    fields: FIELDS,
    toValues,
    reload: () => loadNote(note.id),
    save: (version, changes) => update.mutateAsync({ id: note.id, version, body: changes }),
  });
  // An existing note may carry a visibility this person could not choose for a new one.
  const choosable = options.includes(note.visibility) ? options : [...options, note.visibility];

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      if (await edit.submit(values)) onDone(t("notes.edit.saved"));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("notes.edit.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("notes.edit.submit")}
      pendingLabel={t("notes.edit.submitting")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("notes.edit.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={
        edit.conflict && (
          <StaleNotice
            rows={edit.conflict}
            label={(field) => (field === "body" ? t("notes.form.body") : t("notes.form.visibility"))}
            show={(field, value) => {
              const text = typeof value === "string" ? value : "";
              return field === "visibility" && text ? t(`visibility.${text as Visibility}`) : text;
            }}
            busy={update.isPending}
            onReapply={() => void submit()}
            onDiscard={edit.discardMine}
          />
        )
      }
    >
      <VisibilityChoice control={form.control} name="visibility" options={choosable} error={fieldError("visibility")} />
      <TextAreaField label={t("notes.form.body")} rows={8} error={fieldError("body")} {...form.register("body")} />
    </FormDialog>
  );
}
