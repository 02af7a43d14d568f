import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { isApiError } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { FormProblem } from "../../../components/FormProblem";
import { TextField } from "../../../components/TextField";
import { FormDialog } from "../../../forms/FormDialog";
import { invalid } from "../../../forms/messages";
import { apiBody, optionalNumber, requiredNumber, requiredText } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { loadCompetenceItem, useCreateCompetenceItem, useUpdateCompetenceItem, type CompetenceItem } from "../api";

const ORDER = { min: 0, max: 10_000, whole: true };

/** What the API takes as a code: lower case, digits and "_", starting with a letter. */
const CODE = /^[a-z][a-z0-9_]*$/;

const createSchema = apiBody<"CompetenceItemCreate">()(
  z.object({
    code: requiredText(50).refine((code) => CODE.test(code), invalid("competenceCode")),
    name_nl: requiredText(200),
    name_en: requiredText(200),
    sort_order: optionalNumber(ORDER),
  }),
);

const editSchema = apiBody<"CompetenceItemUpdate">()(
  z.object({ name_nl: requiredText(200), name_en: requiredText(200), sort_order: requiredNumber(ORDER) }),
);
const FIELDS = ["name_nl", "name_en", "sort_order"] as const;
type EditField = (typeof FIELDS)[number];
const toValues = (item: CompetenceItem) => ({ name_nl: item.name_nl, name_en: item.name_en, sort_order: String(item.sort_order) });

interface DialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

/** A new item. An organisation that still scores the default set gets it as its own list first (server side). */
export function AddCompetenceItemDialog({ startsOwnList, defaultSet, onClose, onDone }: DialogProps & { startsOwnList: boolean; defaultSet: boolean }) {
  const { t } = useTranslation();
  const create = useCreateCompetenceItem();
  const defaultValues = { code: "", name_nl: "", name_en: "", sort_order: "" };
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: createSchema, defaultValues });

  const submit = form.handleSubmit(async (body) => {
    if (create.isPending) return;
    try {
      const saved = await create.mutateAsync(body);
      onDone(t("admin.competence.add.saved", { name: saved.name_nl }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.competence.add.title")}
      description={defaultSet ? t("admin.competence.defaultSet") : undefined}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={create.isPending}
      submitLabel={t("admin.competence.add.submit")}
      pendingLabel={t("common.saving")}
      error={create.error}
      errorTitle={t("admin.competence.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={startsOwnList ? <p className="alert alert--info">{t("admin.competence.add.startsOwnList")}</p> : undefined}
    >
      <TextField label={t("admin.competence.form.nameNl")} autoComplete="off" maxLength={200} error={fieldError("name_nl")} {...form.register("name_nl")} />
      <TextField label={t("admin.competence.form.nameEn")} autoComplete="off" maxLength={200} error={fieldError("name_en")} {...form.register("name_en")} />
      <TextField
        label={t("admin.competence.form.code")}
        hint={t("admin.competence.form.codeHint")}
        autoComplete="off"
        spellCheck={false}
        maxLength={50}
        error={fieldError("code")}
        {...form.register("code")}
      />
      <TextField
        label={t("admin.competence.form.orderOptional")}
        hint={t("admin.competence.form.orderHint")}
        inputMode="numeric"
        autoComplete="off"
        error={fieldError("sort_order")}
        {...form.register("sort_order")}
      />
    </FormDialog>
  );
}

/** Names and place in the list; the code stays (scores already given keep it). A save by someone else meanwhile is never overwritten. */
export function EditCompetenceItemDialog({ item, onClose, onDone }: DialogProps & { item: CompetenceItem }) {
  const { t } = useTranslation();
  const update = useUpdateCompetenceItem();
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema: editSchema, defaultValues: toValues(item) });
  const edit = useVersionedEdit({
    form,
    record: item,
    fields: FIELDS,
    toValues,
    reload: () => loadCompetenceItem(item.id),
    save: (version, changes) => update.mutateAsync({ id: item.id, version, body: changes }),
  });
  const label = (field: EditField) =>
    field === "name_nl" ? t("admin.competence.form.nameNl") : field === "name_en" ? t("admin.competence.form.nameEn") : t("admin.competence.form.order");

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(t("admin.competence.edit.saved", { name: saved.name_nl }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.competence.edit.title")}
      description={t("admin.competence.edit.description", { code: item.code })}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("admin.competence.edit.submit")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("admin.competence.edit.error")}
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
      <TextField label={t("admin.competence.form.nameNl")} autoComplete="off" maxLength={200} error={fieldError("name_nl")} {...form.register("name_nl")} />
      <TextField label={t("admin.competence.form.nameEn")} autoComplete="off" maxLength={200} error={fieldError("name_en")} {...form.register("name_en")} />
      <TextField label={t("admin.competence.form.order")} inputMode="numeric" autoComplete="off" error={fieldError("sort_order")} {...form.register("sort_order")} />
    </FormDialog>
  );
}

/**
 * Deactivate (or reactivate) an item after saying what that means: new progress logs no longer
 * score it, the scores already given stay. A change by someone else meanwhile is shown first.
 */
export function CompetenceItemActiveDialog({ item, onClose, onDone }: DialogProps & { item: CompetenceItem }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCompetenceItem();
  const [version, setVersion] = useState(item.version);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const deactivate = item.is_active;
  const name = i18n.resolvedLanguage === "en" ? item.name_en : item.name_nl;
  const done = () => onDone(t(deactivate ? "admin.competence.activation.deactivated" : "admin.competence.activation.reactivated", { name }));

  const confirm = async () => {
    if (update.isPending) return;
    try {
      await update.mutateAsync({ id: item.id, version, body: { is_active: !deactivate } });
      done();
    } catch (error) {
      if (!isApiError(error) || error.status !== 412) return;
      // Someone saved this item meanwhile: look again before doing anything.
      try {
        const fresh = await loadCompetenceItem(item.id);
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
      title={t(deactivate ? "admin.competence.activation.deactivateTitle" : "admin.competence.activation.reactivateTitle", { name })}
      onClose={onClose}
    >
      <div className="form">
        {failed && <FormProblem title={t("admin.competence.activation.error")} error={update.error} />}
        {reloadError !== null && <FormProblem title={t("admin.competence.activation.error")} error={reloadError} />}
        {changedMeanwhile && (
          <p className="alert alert--warning" role="alert">
            {t("admin.competence.activation.changedMeanwhile")}
          </p>
        )}
        <p>{t(deactivate ? "admin.competence.activation.deactivateText" : "admin.competence.activation.reactivateText", { name })}</p>
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" data-autofocus={deactivate ? true : undefined} onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" data-autofocus={deactivate ? undefined : true} aria-disabled={update.isPending} onClick={() => void confirm()}>
            {update.isPending
              ? t("common.saving")
              : t(deactivate ? "admin.competence.activation.deactivate" : "admin.competence.activation.reactivate")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
