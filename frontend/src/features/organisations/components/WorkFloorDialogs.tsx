import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { isApiError } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { FormProblem } from "../../../components/FormProblem";
import { TextField } from "../../../components/TextField";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, optionalText, requiredNumber, requiredText } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { loadWorkFloor, useCreateWorkFloor, useUpdateWorkFloor, type WorkFloor } from "../api";
import { workFloorValues } from "../organisationForm";

const fields = {
  name: requiredText(200),
  activity: optionalText(300),
  address: optionalText(300),
  capacity: requiredNumber({ min: 0, max: 10_000, whole: true }),
};
const createSchema = apiBody<"WorkFloorCreate">()(z.object(fields));
const editSchema = apiBody<"WorkFloorUpdate">()(z.object(fields));
const FIELDS = ["name", "activity", "address", "capacity"] as const;
type Field = (typeof FIELDS)[number];

interface DialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

// Both dialogs parse the same fields.
type Form = ReturnType<typeof useApiForm<typeof createSchema>>;

function WorkFloorFields({ api }: { api: Form }) {
  const { t } = useTranslation();
  const { form, fieldError } = api;
  return (
    <>
      <TextField label={t("admin.workFloors.name")} autoComplete="off" maxLength={200} error={fieldError("name")} {...form.register("name")} />
      <TextField label={t("admin.workFloors.activity")} autoComplete="off" maxLength={300} error={fieldError("activity")} {...form.register("activity")} />
      <TextField label={t("admin.workFloors.address")} autoComplete="street-address" maxLength={300} error={fieldError("address")} {...form.register("address")} />
      <TextField
        label={t("admin.workFloors.capacity")}
        hint={t("admin.workFloors.capacityHint")}
        inputMode="numeric"
        autoComplete="off"
        error={fieldError("capacity")}
        {...form.register("capacity")}
      />
    </>
  );
}

/** A new work floor of an organisation. */
export function AddWorkFloorDialog({ organisationId, organisationName, onClose, onDone }: DialogProps & { organisationId: string; organisationName: string }) {
  const { t } = useTranslation();
  const create = useCreateWorkFloor(organisationId);
  const apiForm = useApiForm({ schema: createSchema, defaultValues: { name: "", activity: "", address: "", capacity: "" } });
  const { form, showServerErrors, otherProblems } = apiForm;

  const submit = form.handleSubmit(async (body) => {
    if (create.isPending) return;
    try {
      const saved = await create.mutateAsync(body);
      onDone(t("admin.workFloors.add.saved", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.workFloors.add.title")}
      description={organisationName}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={create.isPending}
      submitLabel={t("admin.workFloors.add.submit")}
      pendingLabel={t("common.saving")}
      error={create.error}
      errorTitle={t("admin.workFloors.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <WorkFloorFields api={apiForm} />
    </FormDialog>
  );
}

/** Name, activity, address and capacity; a save by someone else meanwhile is never overwritten. */
export function EditWorkFloorDialog({ floor, onClose, onDone }: DialogProps & { floor: WorkFloor }) {
  const { t } = useTranslation();
  const update = useUpdateWorkFloor();
  const apiForm = useApiForm({ schema: editSchema, defaultValues: workFloorValues(floor) });
  const { form, showServerErrors, otherProblems } = apiForm;
  const edit = useVersionedEdit({
    form,
    record: floor,
    fields: FIELDS,
    toValues: workFloorValues,
    reload: () => loadWorkFloor(floor.id),
    save: (version, changes) => update.mutateAsync({ id: floor.id, version, body: changes }),
  });
  const label = (field: Field) => t(`admin.workFloors.${field}`);

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(t("admin.workFloors.edit.saved", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.workFloors.edit.title")}
      description={floor.name}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("admin.workFloors.edit.submit")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("admin.workFloors.edit.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={
        edit.conflict && (
          <StaleNotice
            rows={edit.conflict}
            label={label}
            show={(_field, value) => (typeof value === "string" || typeof value === "number" ? String(value) : "")}
            busy={update.isPending}
            onReapply={() => void submit()}
            onDiscard={edit.discardMine}
          />
        )
      }
    >
      <WorkFloorFields api={apiForm} />
    </FormDialog>
  );
}

/** Deactivate (or reactivate) a work floor after saying what that means; a change by someone else meanwhile is shown first. */
export function WorkFloorActiveDialog({ floor, onClose, onDone }: DialogProps & { floor: WorkFloor }) {
  const { t } = useTranslation();
  const update = useUpdateWorkFloor();
  const [version, setVersion] = useState(floor.version);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const deactivate = floor.is_active;
  const name = floor.name;
  const done = () => onDone(t(deactivate ? "admin.workFloors.activation.deactivated" : "admin.workFloors.activation.reactivated", { name }));

  const confirm = async () => {
    if (update.isPending) return;
    try {
      await update.mutateAsync({ id: floor.id, version, body: { is_active: !deactivate } });
      done();
    } catch (error) {
      if (!isApiError(error) || error.status !== 412) return;
      try {
        const fresh = await loadWorkFloor(floor.id);
        setReloadError(null);
        if (fresh.is_active !== deactivate) {
          done();
          return;
        }
        setVersion(fresh.version);
        setChangedMeanwhile(true);
      } catch (reload) {
        setReloadError(reload);
      }
    }
  };

  const failed = update.isError && !(isApiError(update.error) && update.error.status === 412);
  return (
    <Dialog
      open
      title={t(deactivate ? "admin.workFloors.activation.deactivateTitle" : "admin.workFloors.activation.reactivateTitle", { name })}
      onClose={onClose}
    >
      <div className="form">
        {failed && <FormProblem title={t("admin.workFloors.activation.error")} error={update.error} />}
        {reloadError !== null && <FormProblem title={t("admin.workFloors.activation.error")} error={reloadError} />}
        {changedMeanwhile && (
          <p className="alert alert--warning" role="alert">
            {t("admin.workFloors.activation.changedMeanwhile")}
          </p>
        )}
        <p>{t(deactivate ? "admin.workFloors.activation.deactivateText" : "admin.workFloors.activation.reactivateText", { name })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" data-autofocus={deactivate ? true : undefined} onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" data-autofocus={deactivate ? undefined : true} aria-disabled={update.isPending} onClick={() => void confirm()}>
            {update.isPending ? t("common.saving") : t(deactivate ? "admin.workFloors.activation.deactivate" : "admin.workFloors.activation.reactivate")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
