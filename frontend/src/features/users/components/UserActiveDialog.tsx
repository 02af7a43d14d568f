import { useState } from "react";
import { useTranslation } from "react-i18next";

import { isApiError } from "../../../api/problem";
import { Dialog } from "../../../components/Dialog";
import { FormProblem } from "../../../components/FormProblem";
import { loadUser, useUpdateUser, type User } from "../api";

interface UserActiveDialogProps {
  user: User;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * Deactivate (or reactivate) an account, after saying what that means: the server ends the
 * account's sessions, so the person is refused at their very next request.
 */
export function UserActiveDialog({ user, onClose, onDone }: UserActiveDialogProps) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [version, setVersion] = useState(user.version);
  const [changedMeanwhile, setChangedMeanwhile] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const deactivate = user.is_active;
  const done = () => onDone(t(deactivate ? "admin.users.activation.deactivated" : "admin.users.activation.reactivated", { name: user.name }));

  const confirm = async () => {
    if (update.isPending) return;
    try {
      await update.mutateAsync({ id: user.id, version, body: { is_active: !deactivate } });
      done();
    } catch (error) {
      if (!isApiError(error) || error.status !== 412) return;
      // Someone saved this account meanwhile: look again before doing anything.
      try {
        const fresh = await loadUser(user.id);
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
      title={t(deactivate ? "admin.users.activation.deactivateTitle" : "admin.users.activation.reactivateTitle", { name: user.name })}
      onClose={onClose}
    >
      <div className="form">
        {failed && <FormProblem title={t("admin.users.activation.error")} error={update.error} />}
        {reloadError !== null && <FormProblem title={t("admin.users.activation.error")} error={reloadError} />}
        {changedMeanwhile && (
          <p className="alert alert--warning" role="alert">
            {t("admin.users.activation.changedMeanwhile")}
          </p>
        )}
        <p>{t(deactivate ? "admin.users.activation.deactivateText" : "admin.users.activation.reactivateText", { name: user.name })}</p>
        <div className="dialog__actions">
          {/* Deactivating is the step to think twice about: the safe choice has the focus. */}
          <button type="button" className="button button--secondary" data-autofocus={deactivate ? true : undefined} onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="button button--primary" data-autofocus={deactivate ? undefined : true} aria-disabled={update.isPending} onClick={() => void confirm()}>
            {update.isPending ? t("common.saving") : t(deactivate ? "admin.users.activation.deactivate" : "admin.users.activation.reactivate")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
