import { useTranslation } from "react-i18next";
import { z } from "zod";

import { SelectField } from "../../../components/Fields";
import { FormDialog } from "../../../forms/FormDialog";
import { apiBody, choice } from "../../../forms/schema";
import { StaleNotice } from "../../../forms/StaleNotice";
import { useApiForm } from "../../../forms/useApiForm";
import { useVersionedEdit } from "../../../forms/useVersionedEdit";
import { loadUser, useUpdateUser, type User } from "../api";
import { ROLES } from "../roles";

const schema = apiBody<"UserUpdate">()(z.object({ role: choice(ROLES), bound_by_professional_secrecy: z.boolean() }));
const FIELDS = ["role", "bound_by_professional_secrecy"] as const;
const toValues = (user: User) => ({ role: user.role as string, bound_by_professional_secrecy: user.bound_by_professional_secrecy });

interface UserEditDialogProps {
  user: User;
  /** Your own role stays "Beheerder": the server refuses to let you demote yourself. */
  isSelf: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Role and professional secrecy of a staff account; a save by someone else meanwhile is never overwritten. */
export function UserEditDialog({ user, isSelf, onClose, onDone }: UserEditDialogProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const { form, fieldError, showServerErrors, otherProblems } = useApiForm({ schema, defaultValues: toValues(user) });
  const edit = useVersionedEdit({
    form,
    record: user,
    fields: FIELDS,
    toValues,
    reload: () => loadUser(user.id),
    save: (version, changes) => update.mutateAsync({ id: user.id, version, body: changes }),
  });

  const submit = form.handleSubmit(async (values) => {
    if (update.isPending) return;
    try {
      const saved = await edit.submit(values);
      if (saved) onDone(t("admin.users.edit.saved", { name: saved.name }));
    } catch (error) {
      showServerErrors(error);
    }
  });

  return (
    <FormDialog
      title={t("admin.users.edit.title")}
      description={`${user.name} · ${user.organisation_name}`}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      pending={update.isPending}
      submitLabel={t("admin.users.edit.submit")}
      pendingLabel={t("common.saving")}
      error={edit.conflict === null ? (update.error ?? edit.reloadError) : null}
      errorTitle={t("admin.users.edit.error")}
      otherProblems={otherProblems}
      dirty={form.formState.isDirty}
      notice={
        edit.conflict && (
          <StaleNotice
            rows={edit.conflict}
            label={(field) => (field === "role" ? t("admin.users.role") : t("admin.users.edit.secrecy"))}
            show={(field, value) =>
              field === "role" ? (typeof value === "string" && value ? t(`role.${value as User["role"]}`) : "") : value ? t("common.yes") : t("common.no")
            }
            busy={update.isPending}
            onReapply={() => void submit()}
            onDiscard={edit.discardMine}
          />
        )
      }
    >
      {isSelf ? (
        <p className="field__hint">{t("admin.users.edit.ownRole", { role: t(`role.${user.role}`) })}</p>
      ) : (
        <SelectField label={t("admin.users.role")} error={fieldError("role")} {...form.register("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </SelectField>
      )}
      <div className="checkbox">
        <input id={`secrecy-${user.id}`} type="checkbox" {...form.register("bound_by_professional_secrecy")} />
        <label htmlFor={`secrecy-${user.id}`}>{t("admin.users.edit.secrecy")}</label>
      </div>
      <p className="field__hint">{t("admin.users.edit.secrecyHint")}</p>
      {fieldError("bound_by_professional_secrecy") && <p className="field__error">{fieldError("bound_by_professional_secrecy")}</p>}
    </FormDialog>
  );
}
