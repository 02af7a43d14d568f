import { useTranslation } from "react-i18next";
import { z } from "zod";

import { fullName } from "../../../components/personName";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { todayIso } from "../../../i18n/format";
import { loadParticipant, useUpdateParticipant, type Participant } from "../api";
import { editableFields, participantFieldSchemas, participantValues } from "../fields";
import { useFieldLabel, useValueText } from "./fieldWords";
import { ContactFields, ReferralFields, WhoFields } from "./ParticipantFields";

const schema = (today: string) => apiBody<"ParticipantUpdate">()(z.object(participantFieldSchemas(today)));

interface ParticipantEditDialogProps {
  participant: Participant;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * Correct someone's record: only the changed fields are sent, with the version it was opened on;
 * a save by someone else meanwhile is never overwritten. The work floor's view (coaches) shows
 * only the fields it holds.
 */
export function ParticipantEditDialog({ participant, onClose, onDone }: ParticipantEditDialogProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const valueText = useValueText();
  const update = useUpdateParticipant();
  const full = participant.view === "full";
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: schema(todayIso()), defaultValues: participantValues(participant) });
  const edit = useVersionedEdit({
    form,
    record: participant,
    fields: editableFields(participant),
    toValues: participantValues,
    reload: () => loadParticipant(participant.id),
    save: (version, changes) => update.mutateAsync({ id: participant.id, version, body: changes }),
  });

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    // Nothing changed (or changed back): no request, no empty row in the history.
    if (!form.formState.isDirty && edit.conflict === null) {
      onClose();
      return;
    }
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(t("participants.edit.saved", { name: fullName(saved) }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("participants.edit.title")}
      description={full ? t("participants.edit.description", { name: fullName(participant) }) : t("participants.edit.descriptionWorkFloor", { name: fullName(participant) })}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("participants.edit.submit")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("participants.edit.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
      notice={
        edit.conflict && (
          <StaleNotice
            rows={edit.conflict}
            label={fieldLabel}
            show={valueText}
            busy={update.isPending}
            onReapply={() => void submit()}
            onDiscard={edit.discardMine}
          />
        )
      }
    >
      <WhoFields form={form} fieldError={fieldError} full={full} />
      <ContactFields form={form} fieldError={fieldError} full={full} />
      {full && <ReferralFields form={form} fieldError={fieldError} />}
    </FormDialog>
  );
}
