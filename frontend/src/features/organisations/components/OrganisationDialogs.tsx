import { useTranslation } from "react-i18next";
import { z } from "zod";

import { SelectField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, choice, optionalChoice, optionalText, requiredText } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { loadOrganisation, useCreateOrganisation, useUpdateOrganisation, type Organisation } from "../api";
import { ORGANISATION_KINDS, PROVINCES, organisationValues } from "../organisationForm";

const fields = {
  name: requiredText(200),
  kind: choice(ORGANISATION_KINDS),
  kbo_number: optionalText(14),
  ama_recognition_number: optionalText(50),
  province: optionalChoice(PROVINCES),
};
const createSchema = apiBody<"OrganisationCreate">()(z.object(fields));
const editSchema = apiBody<"OrganisationUpdate">()(z.object(fields));
const FIELDS = ["name", "kind", "kbo_number", "ama_recognition_number", "province"] as const;
type Field = (typeof FIELDS)[number];

interface DialogProps {
  onClose: () => void;
  onDone: (message: string) => void;
}

// Both dialogs parse the same fields (the create and update bodies take the same values).
type Form = ReturnType<typeof useApiForm<typeof createSchema>>;

/** The fields both dialogs share; the kind is only for platform admins to set. */
function OrganisationFields({ api, showKind }: { api: Form; showKind: boolean }) {
  const { t } = useTranslation();
  const { form, fieldError } = api;
  return (
    <>
      <TextField label={t("admin.organisations.name")} autoComplete="organization" maxLength={200} error={fieldError("name")} {...form.register("name")} />
      {showKind && (
        <SelectField label={t("admin.organisations.kind")} error={fieldError("kind")} {...form.register("kind")}>
          <option value="">{t("admin.organisations.form.chooseKind")}</option>
          {ORGANISATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`organisationKind.${kind}`)}
            </option>
          ))}
        </SelectField>
      )}
      <TextField
        label={t("admin.organisations.kbo")}
        hint={t("admin.organisations.form.kboHint")}
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        error={fieldError("kbo_number")}
        {...form.register("kbo_number")}
      />
      <TextField
        label={t("admin.organisations.form.ama")}
        autoComplete="off"
        maxLength={50}
        error={fieldError("ama_recognition_number")}
        {...form.register("ama_recognition_number")}
      />
      <SelectField label={t("admin.organisations.province")} error={fieldError("province")} {...form.register("province")}>
        <option value="">{t("admin.organisations.form.noProvince")}</option>
        {PROVINCES.map((province) => (
          <option key={province} value={province}>
            {t(`province.${province}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** A new organisation (platform admins only). */
export function NewOrganisationDialog({ onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const defaultValues = { name: "", kind: "", kbo_number: "", ama_recognition_number: "", province: "" };
  const apiForm = useApiForm({ schema: createSchema, defaultValues });
  const { form, showServerErrors, otherProblems } = apiForm;

  const submit = form.handleSubmit(async (body) => {
    if (create.isPending) return;
    try {
      const saved = await create.mutateAsync(body);
      onDone(t("admin.organisations.add.saved", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.organisations.add.title")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={create.isPending}
      submitLabel={t("admin.organisations.add.submit")}
      pendingLabel={t("common.saving")}
      error={create.error}
      errorTitle={t("admin.organisations.add.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
    >
      <OrganisationFields api={apiForm} showKind />
    </FormDialog>
  );
}

/** Name, KBO, AMA number and province of an organisation; a save by someone else meanwhile is never overwritten. */
export function EditOrganisationDialog({ organisation, canChangeKind, onClose, onDone }: DialogProps & { organisation: Organisation; canChangeKind: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation();
  const apiForm = useApiForm({ schema: editSchema, defaultValues: organisationValues(organisation) });
  const { form, showServerErrors, otherProblems } = apiForm;
  const edit = useVersionedEdit({
    form,
    record: organisation,
    fields: FIELDS,
    toValues: organisationValues,
    reload: () => loadOrganisation(organisation.id),
    save: (version, changes) => update.mutateAsync({ id: organisation.id, version, body: changes }),
  });
  const label = (field: Field) =>
    ({
      name: t("admin.organisations.name"),
      kind: t("admin.organisations.kind"),
      kbo_number: t("admin.organisations.kbo"),
      ama_recognition_number: t("admin.organisations.form.ama"),
      province: t("admin.organisations.province"),
    })[field];
  const show = (field: Field, value: unknown) => {
    if (typeof value !== "string" || value === "") return "";
    if (field === "kind") return t(`organisationKind.${value as Organisation["kind"]}`);
    if (field === "province") return t(`province.${value as NonNullable<Organisation["province"]>}`);
    return value;
  };

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(t("admin.organisations.edit.saved", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.organisations.edit.title")}
      description={organisation.name}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("admin.organisations.edit.submit")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("admin.organisations.edit.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={
        edit.conflict && (
          <StaleNotice rows={edit.conflict} label={label} show={show} busy={update.isPending} onReapply={() => void submit()} onDiscard={edit.discardMine} />
        )
      }
    >
      <OrganisationFields api={apiForm} showKind={canChangeKind} />
    </FormDialog>
  );
}
