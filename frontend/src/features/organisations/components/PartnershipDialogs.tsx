import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../../components/Fields";
import { TextField } from "../../../components/TextField";
import { FormDialog } from "../../../forms/FormDialog";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import type { Me } from "../../auth/api";
import {
  loadPartnership,
  useCreatePartnership,
  useOrganisationChoices,
  useUpdatePartnership,
  type Organisation,
  type PartnerRole,
  type Partnership,
} from "../api";
import {
  MAX_MEMBERS,
  newPartnershipValues,
  PARTNER_ROLES,
  PARTNERSHIP_FIELDS,
  partnershipSchema,
  partnershipValues,
  type MemberValues,
  type PartnershipValues,
} from "../partnershipForm";

type PartnershipForm = UseFormReturn<PartnershipValues, unknown, unknown>;

interface FieldsProps {
  form: PartnershipForm;
  fieldError: (name: `members.${number}.organisation_id` | `members.${number}.partner_role` | "name" | "lead_organisation_id" | "members") => string | undefined;
  organisations: readonly Organisation[];
  /** An organisation admin leads only their own organisation's partnerships. */
  fixedLead: { id: string; name: string } | null;
}

function PartnershipFields({ form, fieldError, organisations, fixedLead }: FieldsProps) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "members" });
  const members = form.watch("members");
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? fixedLead?.name ?? id;
  const leadChoices = members.map((m) => m.organisation_id).filter((id, index, all) => id !== "" && all.indexOf(id) === index);

  return (
    <>
      <TextField label={t("admin.partnerships.form.name")} autoComplete="off" error={fieldError("name")} {...form.register("name")} />
      {fixedLead ? (
        <p className="field__hint">{t("admin.partnerships.form.fixedLead", { name: fixedLead.name })}</p>
      ) : (
        <SelectField
          label={t("admin.partnerships.form.lead")}
          hint={t("admin.partnerships.form.leadHint")}
          error={fieldError("lead_organisation_id")}
          {...form.register("lead_organisation_id")}
        >
          <option value="">{t("admin.partnerships.form.chooseLead")}</option>
          {leadChoices.map((id) => (
            <option key={id} value={id}>
              {nameOf(id)}
            </option>
          ))}
        </SelectField>
      )}
      <fieldset className="form-section">
        <legend>{t("admin.partnerships.form.members")}</legend>
        {fieldError("members") && <p className="field__error">{fieldError("members")}</p>}
        {fields.map((row, index) => (
          <div key={row.id} className="member-row">
            <SelectField
              label={t("admin.partnerships.form.memberOrganisation", { n: index + 1 })}
              error={fieldError(`members.${index}.organisation_id`)}
              {...form.register(`members.${index}.organisation_id`)}
            >
              <option value="">{t("admin.partnerships.form.chooseOrganisation")}</option>
              {organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("admin.partnerships.form.memberRole", { n: index + 1 })}
              error={fieldError(`members.${index}.partner_role`)}
              {...form.register(`members.${index}.partner_role`)}
            >
              <option value="">{t("admin.partnerships.form.chooseRole")}</option>
              {PARTNER_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`admin.partnerships.role.${role}`)}
                </option>
              ))}
            </SelectField>
            {fields.length > 1 && (
              <button type="button" className="button button--secondary member-row__remove" onClick={() => remove(index)}>
                {t("admin.partnerships.form.removeMember", { n: index + 1 })}
              </button>
            )}
          </div>
        ))}
        {fields.length < MAX_MEMBERS && (
          <button type="button" className="button button--secondary" onClick={() => append({ organisation_id: "", partner_role: "" })}>
            {t("admin.partnerships.form.addMember")}
          </button>
        )}
      </fieldset>
    </>
  );
}

function useFixedLead(me: Me) {
  return me.is_platform_admin ? null : { id: me.organisation.id, name: me.organisation.name };
}

interface CreateProps {
  me: Me;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function PartnershipCreateDialog({ me, onClose, onDone }: CreateProps) {
  const { t } = useTranslation();
  const create = useCreatePartnership();
  const organisations = useOrganisationChoices();
  const fixedLead = useFixedLead(me);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: partnershipSchema,
    defaultValues: newPartnershipValues(fixedLead?.id ?? null),
  });

  const submit = form.handleSubmit(async (values) => {
    if (create.isPending) return;
    try {
      const saved = await create.mutateAsync(values);
      onDone(t("admin.partnerships.form.created", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.partnerships.form.createTitle")}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={create.isPending}
      submitLabel={t("admin.partnerships.form.create")}
      pendingLabel={t("common.saving")}
      error={create.error ?? (organisations.isError ? organisations.error : null)}
      errorTitle={t("admin.partnerships.form.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
    >
      <PartnershipFields
        form={form}
        fieldError={fieldError}
        organisations={organisations.data ?? []}
        fixedLead={fixedLead}
      />
    </FormDialog>
  );
}

interface EditProps extends CreateProps {
  partnership: Partnership;
}

function membersText(value: unknown, nameOf: (id: string) => string, role: (r: PartnerRole) => string): string {
  if (!Array.isArray(value)) return "";
  return (value as MemberValues[]).map((m) => `${nameOf(m.organisation_id)} (${role(m.partner_role as PartnerRole)})`).join(", ");
}

/** Name, lead and members of a partnership; a save by someone else meanwhile is never overwritten. */
export function PartnershipEditDialog({ me, partnership, onClose, onDone }: EditProps) {
  const { t } = useTranslation();
  const update = useUpdatePartnership();
  const organisations = useOrganisationChoices();
  const fixedLead = useFixedLead(me);
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({
    schema: partnershipSchema,
    defaultValues: partnershipValues(partnership),
  });
  const edit = useVersionedEdit({
    form,
    record: partnership,
    fields: PARTNERSHIP_FIELDS,
    toValues: partnershipValues,
    reload: () => loadPartnership(partnership.id),
    save: (version, changes) => update.mutateAsync({ id: partnership.id, version, body: changes }),
  });
  const nameOf = (id: string) =>
    organisations.data?.find((o) => o.id === id)?.name ?? partnership.members.find((m) => m.organisation_id === id)?.organisation_name ?? id;

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(t("admin.partnerships.form.saved", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  const labels = {
    name: t("admin.partnerships.form.name"),
    lead_organisation_id: t("admin.partnerships.form.lead"),
    members: t("admin.partnerships.form.members"),
  };
  return (
    <FormDialog
      title={t("admin.partnerships.form.editTitle")}
      description={partnership.name}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("admin.partnerships.form.save")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError ?? (organisations.isError ? organisations.error : null)) : null}
      errorTitle={t("admin.partnerships.form.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      wide
      notice={
        edit.conflict && (
          <StaleNotice
            rows={edit.conflict}
            label={(field) => labels[field]}
            show={(field, value) => {
              if (field === "members") return membersText(value, nameOf, (r) => t(`admin.partnerships.role.${r}`));
              const text = typeof value === "string" ? value : "";
              return field === "lead_organisation_id" && text ? nameOf(text) : text;
            }}
            busy={update.isPending}
            onReapply={() => void submit()}
            onDiscard={edit.discardMine}
          />
        )
      }
    >
      <PartnershipFields
        form={form}
        fieldError={fieldError}
        organisations={organisations.data ?? []}
        fixedLead={fixedLead}
      />
    </FormDialog>
  );
}
