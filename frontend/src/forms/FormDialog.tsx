import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { Dialog } from "../components/Dialog";
import { FormProblem } from "../components/FormProblem";
import { useUnsavedChanges } from "./dirtyForms";

interface FormDialogProps {
  title: string;
  description?: string | undefined;
  onClose: () => void;
  onSubmit: ComponentProps<"form">["onSubmit"];
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** The last failed request, shown above the fields; field errors sit next to their fields. */
  error: unknown;
  errorTitle: string;
  otherProblems?: readonly string[];
  /** Unsaved changes: leaving the page asks first. */
  dirty: boolean;
  /** Shown above the fields, e.g. the 412 notice or a duplicate warning. */
  notice?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** A modal form: title, problems, fields, and "Annuleren" / the action. */
export function FormDialog({
  title,
  description,
  onClose,
  onSubmit,
  pending,
  submitLabel,
  pendingLabel,
  error,
  errorTitle,
  otherProblems = [],
  dirty,
  notice,
  wide = false,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  useUnsavedChanges(dirty);
  return (
    <Dialog open title={title} description={description} onClose={onClose} wide={wide}>
      <form className="form" noValidate onSubmit={onSubmit}>
        {error !== null && error !== undefined && <FormProblem title={errorTitle} error={error} other={otherProblems} />}
        {notice}
        {children}
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
